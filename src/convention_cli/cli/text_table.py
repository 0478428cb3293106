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


def _fit(value: str, width: int) -> str:
    return value if len(value) <= width else value[: max(width - 1, 0)] + "…"


def text_table(
    title: str,
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    styles: Sequence[str] | None = None,
    caption: str | None = None,
) -> StyledLines:
    """``title``, a header line, one line per row (styled), then ``caption``."""
    widths = []
    for index, column in enumerate(columns):
        natural = max([len(column.header), *(len(row[index]) for row in rows)])
        widths.append(min(natural, column.max_width) if column.max_width else natural)

    def line(cells: Sequence[str]) -> str:
        parts = []
        for cell_value, column, width in zip(cells, columns, widths, strict=True):
            fitted = _fit(cell_value, width)
            parts.append(fitted.rjust(width) if column.align_right else fitted.ljust(width))
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
