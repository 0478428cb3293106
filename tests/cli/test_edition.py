"""Edit commands through the command line: messages, dry run, refusals, init."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from convention_cli.cli.app import main
from tests.paths import DATA


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.glob("*.yaml")}


def test_dry_run_prints_the_diff_and_writes_nothing(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(data)
    assert main(["journal", "add", "bilan-annuel", "--texte", "Bilan remis", "--date",
                 "2024-06-20", "--statut", "en_cours", "--data", str(data), "--dry-run"]) == 0
    out, err = capsys.readouterr()
    assert "-    statut: non_renseigne\n+    statut: en_cours\n" in out
    assert "+      - date: 2024-06-20\n" in out
    assert err.startswith("(essai à blanc) entrée du 2024-06-20 ajoutée")
    assert snapshot(data) == before


def test_meeting_workflow(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["reunion", "add", "--instance", "commission", "--date", "2024-03-12",
                 "--participants", "DGOM", "--participants", "UNML", "--lieu", "Paris",
                 "--data", str(data)]) == 0
    assert main(["decision", "add", "commission-2024-03-12", "--texte", "Lancer le GT",
                 "--data", str(data)]) == 0
    assert main(["action", "add", "commission-2024-03-12", "--texte", "Note logement",
                 "--responsable", "unml", "--echeance", "2024-05-31", "--data", str(data)]) == 0
    assert main(["action", "close", "commission-2024-03-12-action-1", "--date", "2024-05-20",
                 "--data", str(data)]) == 0
    out = capsys.readouterr().out
    assert "Réunion enregistrée : commission-2024-03-12." in out
    assert "Action « commission-2024-03-12-action-1 » close le 2024-05-20." in out
    assert main(["validate", "--data", str(data)]) == 0


def test_refused_edit_prints_diagnostics_and_exits_1(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["reunion", "add", "--instance", "commission", "--date", "2024-03-12",
                 "--data", str(data)]) == 0
    before = snapshot(data)
    assert main(["action", "add", "commission-2024-03-12", "--texte", "x", "--responsable",
                 "dgom", "--echeance", "2024-01-01", "--data", str(data)]) == 1
    err = capsys.readouterr().err
    assert "erreur DAT003" in err
    assert "modification refusée" in err
    assert snapshot(data) == before


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["journal", "add", "bilan-annuel", "--texte", "x", "--date", "2026-02-30"], 2,
         "date invalide pour --date"),
        (["journal", "add", "bilan-annuel", "--texte", "x", "--statut", "fini"], 2,
         "statuts possibles"),
        (["journal", "add", "bilan-annul", "--texte", "x"], 1, "« bilan-annuel »"),
        (["reunion", "add", "--instance", "bureau", "--date", "2024-01-01"], 2,
         "instances possibles"),
    ],
)
def test_bad_arguments_write_nothing(
    data: Path, capsys: pytest.CaptureFixture[str], args: list[str], code: int, message: str
) -> None:
    before = snapshot(data)
    assert main([*args, "--data", str(data)]) == code
    assert message in capsys.readouterr().err
    assert snapshot(data) == before


def test_init_scaffolds_a_valid_registry(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "accord"
    assert main(["init", str(target), "--titre", "Accord local : test",
                 "--signature", "2024-01-15"]) == 0
    assert main(["validate", "--data", str(target), "--strict"]) == 0
    assert "Registre valide" in capsys.readouterr().out
    assert main(["init", str(target)]) == 1
    assert "rien n'est jamais écrasé" in capsys.readouterr().err
