"""Shared helpers of the document tests: the fixture registry, golden files, CommonMark.

Copy the fixture with ``registry_copy(FIXTURE)`` and run commands with ``run_cli.ok(...)``
(both in ``tests/conftest.py``).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from markdown_it import MarkdownIt

from tests.paths import CASES

FIXTURE = CASES / "documents" / "data"
GOLDEN = Path(__file__).parent / "golden"
CONFIDENTIAL_MARK = "CONFIDENTIEL-"
"""Every confidential text of the fixture contains this mark."""
NAMED_PERSONS = ("Camille ARNAUD-SECRET",)


def plain(text: str) -> str:
    """``text`` with its French no-break spaces as plain spaces (for ``in`` checks)."""
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def check_golden(name: str, text: str, data_dir: Path) -> None:
    """Compare with ``golden/<name>.md`` (the data path is normalised to ``data``)."""
    normalised = text.replace(str(data_dir), "data")
    path = GOLDEN / f"{name}.md"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(normalised, encoding="utf-8")
    assert normalised == path.read_text(encoding="utf-8")


def assert_commonmark_tables(text: str) -> None:
    """The document parses as CommonMark (with GFM tables) and every pipe table survives:
    as many tables as table blocks in the source, each row with the header's width."""
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    source_tables = len(re.findall(r"^\|(?:---|:?-+:?)[-|: ]*$", text, flags=re.MULTILINE))
    tables = [i for i, t in enumerate(tokens) if t.type == "table_open"]
    assert len(tables) == source_tables
    for start in tables:
        widths = []
        cells = 0
        for token in tokens[start:]:
            if token.type in ("th_open", "td_open"):
                cells += 1
            elif token.type == "tr_close":
                widths.append(cells)
                cells = 0
            elif token.type == "table_close":
                break
        assert len(set(widths)) == 1, widths


def assert_nothing_confidential(text: str) -> None:
    assert CONFIDENTIAL_MARK not in text
    for person in NAMED_PERSONS:
        assert person not in text
