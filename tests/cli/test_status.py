"""``convention status`` through the command line."""

from __future__ import annotations

import json
import re
import sys
from datetime import date, timedelta

import pytest
from rich.console import Console

from convention_cli.cli import terminal
from tests.conftest import RunCli
from tests.paths import DATA as DATA_DIR

DATA = str(DATA_DIR)
BOX_DRAWING = set("─│┌┐└┘├┤┬┴┼━┃╭╮╯╰")
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def test_table_when_piped_has_no_box_drawing_nor_colour(
    run_cli: RunCli,
) -> None:
    out = run_cli.ok("status", "--data", DATA, "--as-of", "2026-11-26")
    assert "Convention échue depuis 132 jours" in out
    assert "Bilan pluriannuel (atteinte des objectifs)" in out
    assert "\x1b[" not in out
    assert not BOX_DRAWING & set(out)


def test_json_format(run_cli: RunCli) -> None:
    payload = json.loads(run_cli.ok("status", "--data", DATA, "--as-of", "2024-07-01",
                                    "--format", "json"))
    late = {e["id"] for e in payload["echeances"]["en_retard"]}
    assert "bilan-annuel-2023" in late
    assert payload["convention"]["etat"] == "en_vigueur"


def test_markdown_format(run_cli: RunCli) -> None:
    out = run_cli.ok("status", "--data", DATA, "--as-of", "2024-07-01", "-f", "markdown")
    assert out.startswith("# État de la convention au 1er juillet 2024\n")


def test_rows_are_capped_in_table_view(run_cli: RunCli) -> None:
    out = run_cli.ok("status", "--data", DATA, "--as-of", "2026-11-26", "--lignes", "2")
    assert re.search(r"^  … et \d+ autres : convention echeances --etat en_retard$", out, re.M)


# --- one screen (issue « Le temps juste », point 5) ----------------------------------------

DATES = [date(2023, 6, 1) + timedelta(days=days) for days in range(0, 4 * 365, 29)]


@pytest.mark.parametrize("columns", [None, "120"])
def test_status_fits_one_screen_at_every_date(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, columns: str | None
) -> None:
    """Piped (160 columns) or 120 columns: at most 40 lines, whatever the date."""
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    for day in DATES:
        out = run_cli.ok("status", "--data", DATA, "--as-of", day.isoformat())
        assert len(out.splitlines()) <= 40, day


def test_status_in_a_120_by_40_terminal(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(terminal, "make_console", lambda: Console(
        file=sys.stdout, force_terminal=True, width=120, height=40, color_system="standard"))
    for day in ("2023-09-01", "2024-06-15", "2025-06-01", "2025-12-15", "2026-07-10"):
        out = ANSI.sub("", run_cli.ok("status", "--data", DATA, "--as-of", day))
        lines = out.splitlines()
        assert len(lines) <= 40, day
        assert max(len(line) for line in lines) <= 120, day


def test_late_items_are_grouped_with_count_and_oldest(run_cli: RunCli) -> None:
    out = run_cli.ok("status", "--data", DATA, "--as-of", "2026-07-10")
    assert "12 commissions trimestrielles non tenues, depuis le 3e trimestre 2023" in out
    assert out.count("commission-2024-t2") == 0  # one line for the twelve
    assert "commission-2023-t3 … commission-2026-t2" in out


def test_due_soon_always_shows_the_next_bilan(run_cli: RunCli) -> None:
    out = run_cli.ok("status", "--data", DATA, "--as-of", "2025-12-15")
    soon = out.split("À venir", 1)[1].split("\n\n", 1)[0]
    assert "bilan-pluriannuel" in soon  # 30 June 2026, beyond the 90 days
    assert "bilan-annuel-2025" in soon


def test_warning_flags_only_what_needs_action(run_cli: RunCli) -> None:
    payload = json.loads(run_cli.ok("status", "--data", DATA, "--as-of", "2025-06-01",
                                    "-f", "json"))
    out = run_cli.ok("status", "--data", DATA, "--as-of", "2025-06-01")
    flagged = [line for line in out.splitlines() if "⚠" in line]
    assert len(flagged) == len(payload["retards"])
    late = out.split("En retard", 1)[1].split("\n\n", 1)[0]
    assert all(line in late for line in flagged)
    # readings of the text have their own state, never « en retard »
    decided = {e["id"]: e["etat"] for e in payload["echeances"]["a_decider"]}
    assert decided["decision-prorogation"] == "à décider"
    assert decided["dgom-participer-accord-cadre-ladom"] == "échue avant la signature"


def test_one_line_says_how_to_see_more(run_cli: RunCli) -> None:
    out = run_cli.ok("status", "--data", DATA, "--as-of", "2025-06-01")
    assert out.splitlines()[-1].startswith("Plus de détails : convention engagements")


@pytest.mark.parametrize("width", [60, 80, 120])
def test_narrow_terminals_keep_ids_whole(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    payload = json.loads(run_cli.ok("status", "--data", DATA, "--as-of", "2025-12-15",
                                    "-f", "json"))
    out = run_cli.ok("status", "--data", DATA, "--as-of", "2025-12-15")
    assert max(len(line) for line in out.splitlines()) <= width
    def whole(ident: str) -> bool:
        return re.search(rf"(?<![\w-]){re.escape(ident)}(?![\w-])", out) is not None

    for echeance in payload["echeances"]["proches"] + payload["echeances"]["a_decider"]:
        assert whole(echeance["id"])
    for group in payload["retards"]:
        assert whole(group["echeances"][0])


def test_bad_as_of_is_a_usage_error(run_cli: RunCli) -> None:
    code, _, err = run_cli("status", "--data", DATA, "--as-of", "2026-02-30")
    assert code == 2
    assert "date invalide pour --as-of : « 2026-02-30 »" in err


def test_unknown_party_exits_1(run_cli: RunCli) -> None:
    code, _, err = run_cli("status", "--data", DATA, "--partie", "dgon")
    assert code == 1
    assert "vouliez-vous dire « dgom » ?" in err
