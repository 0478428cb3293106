"""Aligned text tables as styled lines, printed in one write.

rich's ``Table`` costs about 0.8 ms per row (perf-baselines.md §6); a table joined
here costs a few microseconds per row, keeps per-row styles, and needs no box
drawing, so it reads the same in a terminal, a pipe or a CI log. Piped output does
not even import rich (``emit``).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

StyledLines: TypeAlias = list[tuple[str, str]]
"""Lines of text, each with a rich style name ("" for none)."""


@dataclass(frozen=True)
class Column:
    header: str
    max_width: int | None = None
    align_right: bool = False
    keep: bool = False
    """Never cut (identifiers, dates): a narrow terminal drops or moves other columns."""
    drop: int = 0
    """May be left out when the width lacks; the highest value goes first (0: never)."""
    min_width: int = 10
    """A text column shrinks (cut with « … ») down to this width before any is dropped."""
    stacked: bool | None = None
    """Shown on the second line of a stacked row (default: if never dropped)."""


GAP = 2
INDENT = "    "


def fit(value: str, width: int) -> str:
    return value if len(value) <= width else value[: max(width - 1, 0)] + "…"


def _natural(columns: Sequence[Column], rows: Sequence[Sequence[str]], index: int) -> int:
    column = columns[index]
    natural = max([len(column.header), *(len(row[index]) for row in rows)])
    return min(natural, column.max_width) if column.max_width and not column.keep else natural


def fit_widths(
    columns: Sequence[Column], rows: Sequence[Sequence[str]], width: int
) -> tuple[list[int], dict[int, int]] | None:
    """The columns kept and their widths so that a line fits ``width``: text columns
    shrink first (widest first, down to their ``min_width``), then droppable columns go,
    highest ``drop`` first. None when even that does not fit (the rows are then
    stacked: identifiers on a line of their own, never cut)."""
    kept = list(range(len(columns)))
    while True:
        widths = {i: _natural(columns, rows, i) for i in kept}
        excess = sum(widths.values()) + GAP * (len(kept) - 1) - width
        shrinkable = [i for i in kept if not columns[i].keep]
        while excess > 0 and shrinkable:
            widest = max(shrinkable, key=lambda i: widths[i])
            floor = min(columns[widest].min_width, _natural(columns, rows, widest))
            if widths[widest] <= floor:
                shrinkable.remove(widest)
                continue
            step = min(excess, widths[widest] - floor)
            widths[widest] -= step
            excess -= step
        if excess <= 0:
            return kept, widths
        droppable = [i for i in kept if columns[i].drop]
        if not droppable:
            return None
        kept.remove(max(droppable, key=lambda i: (columns[i].drop, i)))


def _stacked(
    title: str, columns: Sequence[Column], rows: Sequence[Sequence[str]],
    styles: Sequence[str] | None, caption: str | None, width: int,
) -> StyledLines:
    """Two lines per row: the kept (identifier) cells, whole; then the rest, indented
    and cut to the width."""
    keys = [i for i, c in enumerate(columns) if c.keep]
    others = [i for i, c in enumerate(columns) if not c.keep
              and (c.stacked if c.stacked is not None else not c.drop)]
    lines: StyledLines = [(title, "bold"),
                          (fit("  ".join(columns[i].header for i in keys) + " / "
                                + " · ".join(columns[i].header for i in others), width), "dim")]
    for index, row in enumerate(rows):
        style = styles[index] if styles else ""
        lines.append(("  ".join(row[i] for i in keys), style))
        rest = " · ".join(row[i] for i in others if row[i])
        if rest:
            lines.append((fit(INDENT + rest, width), style))
    if caption:
        lines.append((caption, "italic"))
    return lines


def text_table(
    title: str,
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    styles: Sequence[str] | None = None,
    caption: str | None = None,
    width: int | None = None,
) -> StyledLines:
    """``title``, a header line, one line per row (styled), then ``caption``.

    With ``width``, the table fits it (``fit_widths``): texts are cut with « … », columns
    dropped, or rows stacked, but a ``keep`` column (an identifier) is never cut."""
    if width is not None:
        fitted = fit_widths(columns, rows, width)
        if fitted is None:
            return _stacked(title, columns, rows, styles, caption, width)
        kept, sizes = fitted
        columns = [columns[i] for i in kept]
        rows = [[row[i] for i in kept] for row in rows]
        widths = [sizes[i] for i in kept]
    else:
        widths = [_natural(columns, rows, i) for i in range(len(columns))]

    def line(cells: Sequence[str]) -> str:
        parts = []
        for cell_value, column, size in zip(cells, columns, widths, strict=True):
            fitted = fit(cell_value, size)
            parts.append(fitted.rjust(size) if column.align_right else fitted.ljust(size))
        return "  ".join(parts).rstrip()

    lines: StyledLines = [(title, "bold"), (line([c.header for c in columns]), "dim")]
    for index, row in enumerate(rows):
        lines.append((line(row), styles[index] if styles else ""))
    if caption:
        lines.append((caption, "italic"))
    return lines


def emit(blocks: list[StyledLines], console: Any | None) -> None:
    """Print blocks separated by a blank line: through rich on a terminal (colours),
    else as plain text in a single write."""
    if console is None:
        text = "\n\n".join("\n".join(line for line, _style in block) for block in blocks)
        sys.stdout.write(text + "\n")
        return
    from rich.text import Text

    out = Text()
    for index, block in enumerate(blocks):
        if index:
            out.append("\n")
        for line, style in block:
            out.append(line + "\n", style=style)
    console.print(out, no_wrap=True, overflow="ellipsis", crop=True, end="")
