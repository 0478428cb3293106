"""``convention import``, row by row: every refused row is located (file, sheet, cell)
with a French reason and nothing is written; rows already in the registry, computed
measures and read-only sheets are reported, never applied."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.conftest import CliResult, RunCli
from tests.paths import DATA

D = date(2024, 4, 2)
JOURNAL: list[Any] = ["gt-1", D, "Réunion de lancement", None, "Compte rendu", None, None,
                      None, None, "non"]
ACTION: list[Any] = [None, "commission-2024-03-12", "Note mobilité", "unml", date(2024, 7, 31),
                     None, None, None]


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's registry with a meeting and two actions (one closed), and its
    workbook."""
    from convention_cli.cli.app import main

    root = tmp_path_factory.mktemp("import")
    data = str(shutil.copytree(DATA, root / "data"))
    for args in (
        ["reunion", "add", "--instance", "commission", "--date", "2024-03-12", "--source",
         "Compte rendu"],
        ["action", "add", "commission-2024-03-12", "--texte", "Note logement",
         "--responsable", "unml", "--echeance", "2024-05-31"],
        ["action", "add", "commission-2024-03-12", "--texte", "Note emploi",
         "--responsable", "dgom", "--echeance", "2024-06-30"],
        ["action", "close", "commission-2024-03-12-action-2", "--date", "2024-06-01"],
        ["export", "-f", "xlsx", "-o", str(root / "registre.xlsx")],
    ):
        assert main([*args, "--data", data]) == 0
    return root


def _texts(data: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(data.glob("*.yaml"))}


def _import(run_cli: RunCli, prepared: Path, tmp_path: Path,
            rows: dict[str, list[list[Any]]] | None = None,
            cells: dict[str, Any] | None = None) -> tuple[CliResult, Path, dict[str, bytes]]:
    data = shutil.copytree(prepared / "data", tmp_path / "data")
    book = tmp_path / "registre.xlsx"
    shutil.copy(prepared / "registre.xlsx", book)
    workbook = openpyxl.load_workbook(book)
    for sheet, new in (rows or {}).items():
        for row in new:
            workbook[sheet].append(row)
    for where, value in (cells or {}).items():
        sheet, cell = where.split("!")
        workbook[sheet][cell] = value
    workbook.save(book)
    before = _texts(data)
    return run_cli("import", book, "--data", data), data, before


def _with(row: list[Any], **changes: Any) -> list[Any]:
    columns = {"journal": ["element", "date", "texte", "auteur", "source", "parties",
                           "statut", "echeance", "preuve", "confidentiel"],
               "actions": ["id", "reunion", "texte", "responsable", "echeance",
                           "cloturee_le", "preuve", "confidentiel"]}
    names = columns["journal" if row is JOURNAL else "actions"]
    return [changes.get(name, value) for name, value in zip(names, row, strict=True)]


@pytest.mark.parametrize(("sheet", "row", "located"), [
    ("journal", _with(JOURNAL, texte=None), "journal!C5: « texte » est vide"),
    ("journal", _with(JOURNAL, date=None),
     "journal!B5: « date » est vide : date AAAA-MM-JJ attendue"),
    ("journal", _with(JOURNAL, confidentiel="peut-être"),
     "journal!J5: « peut-être » : oui ou non attendu"),
    ("journal", _with(JOURNAL, statut="fini"),
     "journal!G5: statut inconnu « fini » pour un groupe de travail ; statuts possibles : "
     "non_renseigne, constitue, actif, clos"),
    ("journal", _with(JOURNAL, statut="actif", source=None),
     "journal!E5: statut « actif » sans source : un statut s'appuie sur une source ; "
     "indiquez d'où vient l'entrée (source ou preuve)"),
    ("journal", _with(JOURNAL, element="dgom-adresse-generique", parties="unml"),
     "journal!F5: partie de « dgom-adresse-generique » « unml » inconnue ; valeurs "
     "possibles : dgom"),
    ("mesures", ["ind-referents-designes", D, None, "Compte rendu", None, None, None],
     "mesures!C9: « valeur » : nombre attendu"),
    ("mesures", ["ind-inconnu", D, 2, "Compte rendu", None, None, None],
     "mesures!A9: indicateur « ind-inconnu » inconnu ; vouliez-vous dire "
     "« ind-bilan-annuel-remis » ?"),
    ("actions", _with(ACTION, id="commission-2024-03-12-action-9"),
     "actions!A4: action « commission-2024-03-12-action-9 » inconnue ; vouliez-vous dire "
     "« commission-2024-03-12-action-2 », « commission-2024-03-12-action-1 » ? ; laissez "
     "« id » vide pour une nouvelle action"),
    ("actions", _with(ACTION, reunion="commission-2024-03-13"),
     "actions!B4: réunion « commission-2024-03-13 » inconnue ; vouliez-vous dire "
     "« commission-2024-03-12 » ?"),
    ("actions", _with(ACTION, responsable="ladom"),
     "actions!D4: partie responsable « ladom » inconnue ; vouliez-vous dire « dgom » ?"),
])
def test_a_refused_row_is_located_and_nothing_is_written(
    run_cli: RunCli, prepared: Path, tmp_path: Path, sheet: str, row: list[object],
    located: str,
) -> None:
    result, data, before = _import(run_cli, prepared, tmp_path, {sheet: [row]})
    assert result.code == 1
    assert result.err == (f"registre.xlsx:{located}\nconvention : import refusé : 1 problème ; "
                          "aucun fichier n'a été modifié\n")
    assert _texts(data) == before


@pytest.mark.parametrize(("row", "located"), [
    (["commission-2024-03-12-action-1", None, None, None, None, None, "notes/n.pdf", None],
     "actions!F2: preuve sans date de clôture : remplissez « cloturee_le »"),
    (["commission-2024-03-12-action-2", None, None, None, None, date(2024, 6, 2), None,
      None],
     "actions!F3: action « commission-2024-03-12-action-2 » déjà close le 2024-06-01"),
])
def test_existing_actions_take_only_a_closing(
    run_cli: RunCli, prepared: Path, tmp_path: Path, row: list[object], located: str,
) -> None:
    line = located.split("!")[1][1]
    cells = {f"actions!{column}{line}": value for column, value in zip("ABCDEFGH", row,
                                                                        strict=True)
             if value is not None or column in "FG"}
    result, data, before = _import(run_cli, prepared, tmp_path, cells=cells)
    assert result.code == 1
    assert result.err == (f"registre.xlsx:{located}\nconvention : import refusé : 1 problème ; "
                          "aucun fichier n'a été modifié\n")
    assert _texts(data) == before


def test_rows_already_there_are_skipped_and_read_only_changes_reported(
    run_cli: RunCli, prepared: Path, tmp_path: Path,
) -> None:
    result, data, _ = _import(
        run_cli, prepared, tmp_path,
        rows={"journal": [JOURNAL, JOURNAL],  # the same row twice: once
              "mesures": [["ind-referents-designes", D, "1,5", "Compte rendu", None, None,
                           None]],
              "actions": [
                  # the same as an existing action: nothing to add
                  [None, "commission-2024-03-12", "Note logement", "unml",
                   date(2024, 5, 31), None, None, None],
                  # new, closed with a proof, confidential; then the same row again
                  _with(ACTION, cloturee_le=date(2024, 7, 1), preuve="notes/mobilite.pdf",
                        confidentiel="oui"),
                  _with(ACTION, cloturee_le=date(2024, 7, 1), preuve="notes/mobilite.pdf",
                        confidentiel="oui")],
              "engagements": [["nouvel-engagement", "unml", "II", "Nouveau", None, None,
                               None, None, None]]},
        cells={"actions!C2": "Note logement révisée",  # an existing action's text
               "mesures!C2": 3})  # a computed measure
    assert result.code == 0, result.err
    assert result.out.startswith("Import de registre.xlsx : journal : 1 ligne ajoutée ; "
                                 "mesures : 1 ajoutée ; actions : 1 ajoutée, 0 close"), result.out
    assert result.err.splitlines() == [
        "registre.xlsx:mesures!C2: mesure calculée modifiée : non appliquée (elle se calcule "
        "à partir du registre)",
        "registre.xlsx:actions!C2: « texte » d'une action existante modifié : non appliqué "
        "(seules cloturee_le et preuve s'importent)",
        "registre.xlsx:engagements!35: ligne ajoutée à la feuille engagements (lecture seule) "
        ": non appliquée",
    ]
    reunions = (data / "reunions.yaml").read_text(encoding="utf-8")
    assert "id: commission-2024-03-12-action-3" in reunions
    assert "commission-2024-03-12-action-4" not in reunions
    assert "cloture: 2024-07-01" in reunions
    assert "url: notes/mobilite.pdf" in reunions
    assert "valeur: 1.5" in (data / "engagements.yaml").read_text(encoding="utf-8")


def test_many_read_only_changes_are_summed_up_after_twenty(
    run_cli: RunCli, prepared: Path, tmp_path: Path,
) -> None:
    cells = {f"engagements!D{line}": f"Libellé {line}" for line in range(2, 24)}
    result, data, before = _import(run_cli, prepared, tmp_path, cells=cells)
    assert result.code == 0, result.err
    notes = result.err.splitlines()
    assert len(notes) == 21
    assert notes[0] == ("registre.xlsx:engagements!D2: « libelle » modifié dans la feuille "
                        "engagements (lecture seule) : non appliqué")
    assert notes[-1] == ("… et 2 de plus (modifications de feuilles en lecture seule, non "
                         "appliquées)")
    assert _texts(data) == before


def test_a_registry_with_errors_is_not_imported_into(
    run_cli: RunCli, prepared: Path, tmp_path: Path,
) -> None:
    data = shutil.copytree(prepared / "data", tmp_path / "data")
    engagements = data / "engagements.yaml"
    engagements.write_text(engagements.read_text(encoding="utf-8").replace(
        "statut: non_renseigne", "statut: fini", 1), encoding="utf-8")
    before = _texts(data)
    code, out, err = run_cli("import", prepared / "registre.xlsx", "--data", data)
    assert (code, out) == (1, "")
    assert err == (f"convention : le registre {data} contient des erreurs : lancez "
                   f"« convention validate --data {data} » avant d'importer\n")
    assert _texts(data) == before


def test_identifiers_and_codes_are_read_without_regard_to_case(
    run_cli: RunCli, prepared: Path, tmp_path: Path,
) -> None:
    """As on the command line (README: « sans égard à la casse »): « UNML », « GT-1 »,
    « Actif » typed in the workbook are the registry's ``unml``, ``gt-1``, ``actif``."""
    result, data, _ = _import(run_cli, prepared, tmp_path, {
        "journal": [_with(JOURNAL, element="GT-1", statut="Actif"),
                    _with(JOURNAL, element="Dgom-Adresse-Generique", parties="DGOM",
                          texte="Adresse créée")],
        "actions": [_with(ACTION, reunion="Commission-2024-03-12", responsable="UNML")]})
    assert result.code == 0, result.err
    assert result.err == ""
    engagements = (data / "engagements.yaml").read_text(encoding="utf-8")
    assert "parties: [dgom]" in engagements
    groupes = (data / "groupes_travail.yaml").read_text(encoding="utf-8")
    assert "statut: actif" in groupes
    assert "responsable: unml" in (data / "reunions.yaml").read_text(encoding="utf-8")
