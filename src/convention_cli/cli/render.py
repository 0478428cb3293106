"""Terminal output of the consultation views: tables and text.

Honours ``NO_COLOR`` and pipes (rich drops styles when the output is not a terminal;
tables then have no box drawing). rich costs about 0.8 ms per table row
(perf-baselines.md §6), so a listing longer than ``TERMINAL_ROW_LIMIT`` rows is written as
one pre-joined, aligned plain-text block instead.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from convention_cli.cli.status_table import PIPED_WIDTH
from convention_cli.cli.text_table import Column, emit, text_table
from convention_cli.defaults import TERMINAL_ROW_LIMIT
from convention_cli.views.blocks import Document, Tableau

COLUMN_GAP = "  "
LONG_TEXT = 48
MIN_LONG_WIDTH = 24
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
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


def print_text(text: str) -> None:
    sys.stdout.write(text)


def print_tableau(tableau: Tableau, console: Console | None = None) -> None:
    console = console or make_console()
    if len(tableau.lignes) > TERMINAL_ROW_LIMIT:
        _print_long_tableau(tableau, console)
        return
    console.print(Text(tableau.titre, style="bold"))
    framed = console.is_terminal and console.color_system is not None
    table = Table(box=box.SIMPLE_HEAD if framed else None,
                  header_style="bold", pad_edge=False)
    # Long texts share the room the other columns leave and wrap inside it; rich then
    # narrows every column if the terminal is too small even so.
    for header, width in zip(tableau.entetes, fitted_widths(tableau, console.width, 2),
                             strict=True):
        table.add_column(header, overflow="fold", width=width)
    for row in tableau.lignes:
        table.add_row(*row)
    if console.is_terminal:
        console.print(table)
    else:  # rich pads every cell: no trailing blanks in files and pipes
        with console.capture() as captured:
            console.print(table)
        console.out("\n".join(line.rstrip() for line in captured.get().splitlines()))
    for note in tableau.notes:
        console.print(note, soft_wrap=True)


def _print_long_tableau(tableau: Tableau, console: Console) -> None:
    """One pre-joined block; on a terminal, long texts are cut (…) to fit the width."""
    caps: list[int | None] = [None] * len(tableau.entetes)
    if console.is_terminal:
        caps = list(fitted_widths(tableau, console.width, len(COLUMN_GAP)))
    columns = [Column(header, max_width=cap)
               for header, cap in zip(tableau.entetes, caps, strict=True)]
    lines = text_table(tableau.titre, columns, tableau.lignes,
                       caption=" ".join(tableau.notes) or None)
    emit([lines], console if console.is_terminal else None)


def fitted_widths(tableau: Tableau, total: int, gap: int) -> list[int]:
    """Column widths that fit ``total``: long texts narrow first, down to
    ``MIN_LONG_WIDTH``; then, if the room still lacks, every column, widest first."""
    widths = [max(len(cell) for cell in column)
              for column in zip(tableau.entetes, *tableau.lignes, strict=True)]
    excess = sum(widths) + gap * (len(widths) - 1) - total
    long_columns = [i for i, width in enumerate(widths) if width > LONG_TEXT]
    excess = _narrow(widths, long_columns, excess, MIN_LONG_WIDTH)
    _narrow(widths, list(range(len(widths))), excess, MIN_SQUEEZED)
    return widths


def _narrow(widths: list[int], columns: list[int], excess: int, floor: int) -> int:
    """Take ``excess`` characters from ``columns``, always from the widest; return what
    is still missing once they are all at ``floor``."""
    while excess > 0 and columns:
        widest = max(columns, key=lambda i: widths[i])
        if widths[widest] <= floor:
            break
        widths[widest] -= 1
        excess -= 1
    return max(excess, 0)


def document_text(document: Document) -> Text:
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


def print_document(document: Document, console: Console | None = None) -> None:
    console = console or make_console()
    console.print(document_text(document), soft_wrap=True)
