"""Format-neutral blocks for the consultation views, and their Markdown form.

A view model (``fiches``) becomes a ``Tableau`` (listings) or a ``Document`` (detail
views); the CLI prints them as a terminal table or text, and this module writes them as
Markdown. Everything here is already-French, already-formatted text.
"""

from __future__ import annotations

from dataclasses import dataclass

from convention_cli.markdown import cell, inline


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
class Document:
    titre: str
    sous_titre: str | None
    sections: tuple[Section, ...]


def tableau_to_markdown(tableau: Tableau) -> str:
    lines = [f"# {inline(tableau.titre)}", ""]
    lines.append("| " + " | ".join(cell(h) for h in tableau.entetes) + " |")
    lines.append("|" + "---|" * len(tableau.entetes))
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in tableau.lignes]
    if tableau.notes:
        lines += ["", *(inline(note) for note in tableau.notes)]
    return "\n".join(lines) + "\n"


def document_to_markdown(document: Document) -> str:
    lines = [f"# {inline(document.titre)}", ""]
    if document.sous_titre:
        lines += [f"*{inline(document.sous_titre)}*", ""]
    for section in document.sections:
        if section.titre:
            lines += [f"## {inline(section.titre)}", ""]
        lines += [f"- **{inline(label)}** : {inline(value)}" for label, value in section.champs]
        for element in section.elements:
            lines.append(f"- {inline(element.texte)}")
            lines += [f"  - {inline(detail)}" for detail in element.details]
        if not section.champs and not section.elements:
            lines.append(inline(section.vide))
        lines.append("")
    return "\n".join(lines)
