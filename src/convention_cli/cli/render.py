"""Terminal output of the consultation views: tables and text.

Honours ``NO_COLOR`` and pipes. Listings are pre-joined, aligned text fitted to the
width (``text_table``): one line per row at any width, identifiers never cut (rich's
``Table`` costs about 0.8 ms per row, perf-baselines.md §6, and folds ids).
"""

from __future__ import annotations

import os
import sys
from typing import Any

from rich.console import Console
from rich.text import Text

from convention_cli.cli.terminal import PIPED_WIDTH
from convention_cli.cli.text_table import Column, emit, text_table
from convention_cli.views.blocks import FicheDocument, Tableau

MIN_LONG_WIDTH = 16
MIN_SQUEEZED = 8


def make_console() -> Console:
    """A console that follows the terminal; piped, as wide as ``convention status``."""
    # Registry text is never rich markup ("[confidentiel]" must print as is). Without a
    # colour system rich writes no style at all: NO_COLOR also drops bold (cli/terminal.py).
    from convention_cli.cli.terminal import plain_requested

    console = Console(markup=False, highlight=False, emoji=False,
                      color_system=None if plain_requested() else "auto")
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console.width = PIPED_WIDTH
    return console


def print_json(payload: Any) -> None:
    from convention_cli.formats.json import dumps

    sys.stdout.write(dumps(payload))


def print_text(text: str) -> None:
    sys.stdout.write(text)


KEEP_HEADERS = frozenset({"identifiant", "id", "n°", "date"})
"""Columns never cut nor dropped: what a reader copies (ids) or sorts by (dates)."""


def tableau_columns(tableau: Tableau) -> list[Column]:
    """Identifiers kept whole; the longest text shrinks (« … »); at narrow widths the
    other columns go, rightmost first."""
    widths = [max(len(cell) for cell in column)
              for column in zip(tableau.entetes, *tableau.lignes, strict=True)]
    texts = [i for i, h in enumerate(tableau.entetes) if h not in KEEP_HEADERS]
    flexible = max(texts, key=lambda i: widths[i]) if texts else -1
    columns = []
    for index, header in enumerate(tableau.entetes):
        if header in KEEP_HEADERS:
            columns.append(Column(header, keep=True))
        elif index == flexible:
            columns.append(Column(header, min_width=MIN_LONG_WIDTH))
        else:
            columns.append(Column(header, drop=index + 1, min_width=MIN_SQUEEZED))
    return columns


def print_tableau(tableau: Tableau, console: Console | None = None) -> None:
    """One aligned block that fits the width: a terminal's, or ``COLUMNS``; piped
    without ``COLUMNS``, whole lines. Identifiers are never cut; texts are, then
    columns dropped."""
    console = console or make_console()
    piped_whole = not console.is_terminal and "COLUMNS" not in os.environ
    lines = text_table(tableau.titre, tableau_columns(tableau), tableau.lignes,
                       width=None if piped_whole else int(console.width))
    lines += [(note, "italic") for note in tableau.notes]
    emit([lines], console if console.is_terminal else None)


def document_text(document: FicheDocument) -> Text:
    """A detail view as text: bold title and section headings, aligned labels."""
    text = Text()
    text.append(document.titre, style="bold")
    if document.sous_titre:
        text.append("\n" + document.sous_titre)
    for section in document.sections:
        text.append("\n\n")
        lines = []
        if section.titre:
            text.append(section.titre + "\n", style="bold")
        label_width = max((len(label) for label, _ in section.champs), default=0)
        lines += [f"  {label.ljust(label_width)} : {value}" for label, value in section.champs]
        for element in section.elements:
            lines.append(f"  - {element.texte}")
            lines += [f"      {detail}" for detail in element.details]
        if not lines:
            lines.append(f"  {section.vide}")
        text.append("\n".join(lines))
    return text


def print_document(document: FicheDocument, console: Console | None = None) -> None:
    console = console or make_console()
    console.print(document_text(document), soft_wrap=True)
