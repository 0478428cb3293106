"""French formatting of dates and numbers, for messages and documents."""

from __future__ import annotations

from datetime import date

MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)


def format_date(value: date) -> str:
    """``2026-06-30`` → ``30 juin 2026``; the first of the month is ``1er``."""
    day = "1er" if value.day == 1 else str(value.day)
    return f"{day} {MONTHS[value.month - 1]} {value.year}"


def format_number(value: int | float) -> str:
    """``80000`` → ``80 000`` (narrow no-break space as thousands separator)."""
    if isinstance(value, float) and not value.is_integer():
        whole, _, frac = f"{value:,.2f}".partition(".")
        return whole.replace(",", "\u202f") + "," + frac
    return f"{int(value):,}".replace(",", "\u202f")


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    word = singular if count <= 1 else (plural_form or singular + "s")
    return f"{count} {word}"


LECTURE_LABEL = "lecture"
"""The word that introduces a reading of the text, everywhere it is shown."""


def lecture_fr(motif: str) -> str:
    """``lecture : le texte ne fixe aucun rythme`` — a reading, never shown as the text."""
    return f"{LECTURE_LABEL} : {motif}"
