"""Terminal output of the commands: the one table printer, fiches, JSON and text.

Honours ``NO_COLOR`` and pipes (``terminal.make_console``). Tables are pre-joined,
aligned text fitted to the width (``text_table``): one line per row at any width,
identifiers never cut (rich's ``Table`` costs about 0.8 ms per row, perf-baselines.md
§6, and folds ids).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from convention_cli.cli import terminal
from convention_cli.cli.text_table import Column, StyledLines, emit, text_table
from convention_cli.views.blocks import FicheDocument, Tableau

if TYPE_CHECKING:
    from rich.text import Text

MIN_LONG_WIDTH = 16
MIN_SQUEEZED = 8


def print_json(payload: Any) -> None:
    from convention_cli.formats.json import dumps

    sys.stdout.write(dumps(payload))


def print_text(text: str) -> None:
    sys.stdout.write(text)


def print_table(
    table: Callable[[int | None], StyledLines], notes: Sequence[str] = (),
    console: Any | None = None,
) -> None:
    """The one table printer of the commands. ``table(width)`` lays the table out
    (``text_table``) for the width: a terminal's, or ``COLUMNS``; piped without
    ``COLUMNS``, None (whole lines). ``keep`` columns (identifiers) are never cut; texts
    are, then columns dropped. Coloured on a styled terminal, else plain text in one
    write; ``notes`` follow in italics."""
    console = console or terminal.make_console()
    lines = table(terminal.listing_width(console))
    lines += [(note, "italic") for note in notes]
    emit([lines], console)


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


def print_tableau(tableau: Tableau, console: Any | None = None) -> None:
    """A listing view (``views.blocks.Tableau``) through ``print_table``."""
    columns = tableau_columns(tableau)
    print_table(lambda width: text_table(tableau.titre, columns, tableau.lignes, width=width),
                tableau.notes, console)


def document_text(document: FicheDocument) -> Text:
    """A detail view as text: bold title and section headings, aligned labels."""
    from rich.text import Text

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


def print_document(document: FicheDocument, console: Any | None = None) -> None:
    console = console or terminal.make_console()
    if console is None:
        sys.stdout.write(document_text(document).plain + "\n")
    else:
        console.print(document_text(document), soft_wrap=True)
