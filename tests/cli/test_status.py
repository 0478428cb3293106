"""``convention status`` through the command line."""

from __future__ import annotations

import json

from tests.conftest import RunCli
from tests.paths import DATA as DATA_DIR

DATA = str(DATA_DIR)
BOX_DRAWING = set("─│┌┐└┘├┤┬┴┼━┃╭╮╯╰")


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
    out = run_cli.ok("status", "--data", DATA, "--as-of", "2026-11-26", "--lignes", "3")
    assert "… et 30 autres : --format markdown ou convention engagements pour tout voir" in out


def test_bad_as_of_is_a_usage_error(run_cli: RunCli) -> None:
    code, _, err = run_cli("status", "--data", DATA, "--as-of", "2026-02-30")
    assert code == 2
    assert "date invalide pour --as-of : « 2026-02-30 »" in err


def test_unknown_party_exits_1(run_cli: RunCli) -> None:
    code, _, err = run_cli("status", "--data", DATA, "--partie", "dgon")
    assert code == 1
    assert "vouliez-vous dire « dgom » ?" in err
