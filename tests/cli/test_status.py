"""``convention status`` through the command line."""

from __future__ import annotations

import json

import pytest

from convention_cli.cli.app import main
from tests.paths import DATA as DATA_DIR

DATA = str(DATA_DIR)
BOX_DRAWING = set("─│┌┐└┘├┤┬┴┼━┃╭╮╯╰")


def test_table_when_piped_has_no_box_drawing_nor_colour(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["status", "--data", DATA, "--as-of", "2026-11-26"]) == 0
    out = capsys.readouterr().out
    assert "Convention échue depuis 132 jours" in out
    assert "Bilan pluriannuel (atteinte des objectifs)" in out
    assert "\x1b[" not in out
    assert not BOX_DRAWING & set(out)


def test_json_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", "--data", DATA, "--as-of", "2024-07-01", "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    late = {e["id"] for e in payload["echeances"]["en_retard"]}
    assert "bilan-annuel-2023" in late
    assert payload["convention"]["etat"] == "en_vigueur"


def test_markdown_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", "--data", DATA, "--as-of", "2024-07-01", "-f", "markdown"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# État de la convention au 1er juillet 2024\n")


def test_rows_are_capped_in_table_view(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", "--data", DATA, "--as-of", "2026-11-26", "--lignes", "3"]) == 0
    out = capsys.readouterr().out
    assert "… et 30 autres : --format markdown ou convention engagements pour tout voir" in out


def test_bad_as_of_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", "--data", DATA, "--as-of", "2026-02-30"]) == 2
    assert "date invalide pour --as-of : « 2026-02-30 »" in capsys.readouterr().err


def test_unknown_party_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", "--data", DATA, "--partie", "dgon"]) == 1
    assert "vouliez-vous dire « dgom » ?" in capsys.readouterr().err
