from __future__ import annotations

import json
from pathlib import Path

import pytest

from convention_cli.cli.app import main
from tests.casefolders import BASE, materialise
from tests.paths import ROOT


def test_export_json_is_normalised(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--data", str(BASE), "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    for key in ("parties", "operateurs", "territoires", "hors_perimetre", "engagements",
                "groupes_travail", "reunions"):
        assert isinstance(payload[key], list), key
        assert all("id" in item for item in payload[key]), key
    assert payload["convention"]["date_signature"] == "2023-07-18"
    assert payload["convention"]["date_fin"] == "2026-07-17"
    assert payload["engagements"][1]["echeance"] == "2024-06-30"
    assert payload["engagements"][0]["journal"][0]["date"] == "2024-01-15"


def test_export_refuses_a_registry_with_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = materialise(ROOT / "tests/cases/invalid/SCH004-valeur-non-admise", tmp_path)
    assert main(["export", "--data", str(data)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "contient 1 erreur :" in err


def test_schema_of_one_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "engagements"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["required"] == ["engagements"]
    assert schema["additionalProperties"] is False


def test_schema_of_all_files_and_unknown_name(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert set(json.loads(capsys.readouterr().out)) == {
        "convention", "parties", "territoires", "engagements", "groupes_travail", "reunions"}
    assert main(["schema", "budget"]) == 2
    assert "fichier inconnu « budget »" in capsys.readouterr().err


def test_schema_written_to_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["schema", "--sortie", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        f"{n}.schema.json" for n in ("convention", "parties", "territoires", "engagements",
                                     "groupes_travail", "reunions"))
    for path in tmp_path.iterdir():
        assert path.read_text(encoding="utf-8") == (ROOT / "schemas" / path.name).read_text(
            encoding="utf-8")
