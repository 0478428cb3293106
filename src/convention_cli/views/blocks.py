"""Format-neutral blocks for the consultation views, and their Markdown form.

A view model (``fiches``) becomes a ``Tableau`` (listings) or a ``FicheDocument`` (detail
views); the CLI prints them as a terminal table or text, and this module writes them as
Markdown. Everything here is already-French, already-formatted text.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Tableau:
    """A listing: one row per item, every cell a text."""

    titre: str
    entetes: tuple[str, ...]
    lignes: tuple[tuple[str, ...], ...]
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Element:
    """An item of a section, with optional detail lines under it."""

    texte: str
    details: tuple[str, ...] = ()


@dataclass(frozen=True)
class Section:
    """Labelled fields, then items; ``vide`` is shown when the section has neither."""

    titre: str | None = None
    champs: tuple[tuple[str, str], ...] = ()
    elements: tuple[Element, ...] = ()
    vide: str = "aucun élément"


@dataclass(frozen=True)
class FicheDocument:
    titre: str
    sous_titre: str | None
    sections: tuple[Section, ...]
