"""Listings at 60, 80 and 120 columns: identifiers whole, lines within the width, and a
narrow listing at most about twice as long as a wide one."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable

import pytest
from rich.console import Console

from convention_cli.cli import terminal
from tests.conftest import RunCli
from tests.paths import DATA

ANSI = re.compile(r"\x1b\[[0-9;]*m")
AS_OF = "2025-06-01"


def _terminal(width: int) -> Callable[[], Console]:
    return lambda: Console(file=sys.stdout, force_terminal=True, width=width,
                           color_system="standard", markup=False, highlight=False)


def _run(run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, width: int, *args: str) -> list[str]:
    """The command's lines as a terminal of ``width`` columns shows them."""
    monkeypatch.setattr(terminal, "make_console", _terminal(width))
    return ANSI.sub("", run_cli.ok(*args, "--data", DATA, "--as-of", AS_OF)).splitlines()


def _ids(run_cli: RunCli, command: str) -> list[str]:
    payload = json.loads(run_cli.ok(command, "--data", DATA, "--as-of", AS_OF, "-f", "json"))
    return [e["id"] for e in payload[command]]


@pytest.mark.parametrize("command", ["engagements", "echeances"])
@pytest.mark.parametrize("width", [60, 80, 120])
def test_ids_are_never_cut_nor_split(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, command: str, width: int
) -> None:
    ids = _ids(run_cli, command)
    lines = _run(run_cli, monkeypatch, width, command)
    assert max(len(line) for line in lines) <= width
    text = "\n".join(lines)
    for ident in ids:
        assert re.search(rf"(?<![\w-]){re.escape(ident)}(?![\w-])", text), ident


@pytest.mark.parametrize("command", ["engagements", "echeances", "status"])
def test_narrow_listing_is_at_most_twice_as_long(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    wide = _run(run_cli, monkeypatch, 120, command)
    narrow = _run(run_cli, monkeypatch, 60, command)
    medium = _run(run_cli, monkeypatch, 80, command)
    assert len(narrow) <= 2 * len(wide)
    assert len(medium) <= 2 * len(wide)


@pytest.mark.parametrize("as_of", [AS_OF, "2026-12-02"])
def test_status_never_starts_a_line_with_punctuation(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, as_of: str,
) -> None:
    """« Référents en fonction : DGOM : non nommé » wrapped at any width: no line starts
    with « : ; ! ? » » (French typography keeps them with the word before)."""
    for width in range(30, 101):
        monkeypatch.setattr(terminal, "make_console", _terminal(width))
        out = ANSI.sub("", run_cli.ok("status", "--data", DATA, "--as-of", as_of))
        starts = [line for line in out.splitlines() if re.match(r"\s*[:;!?»]", line)]
        assert not starts, (width, starts)
