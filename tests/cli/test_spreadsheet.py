"""Spreadsheet round trip: export --format xlsx|csv, fill, import (located errors,
all-or-nothing, second import changes nothing, read-only sheets reported)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl

from tests.conftest import RunCli

SHEETS = ["engagements", "echeances", "indicateurs", "journal", "mesures", "actions",
          "projets", "evaluations", "reunions"]


def _texts(data: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(data.glob("*.yaml"))}


def test_workbook_has_one_sheet_per_table_frozen_headers_real_dates(
        run_cli: RunCli, data_copy: Path, tmp_path: Path) -> None:
    target = tmp_path / "registre.xlsx"
    run_cli.ok("export", "--data", data_copy, "--format", "xlsx", "-o", target,
               "--as-of", "2025-01-01")
    workbook = openpyxl.load_workbook(target)
    assert workbook.sheetnames == SHEETS
    journal = workbook["journal"]
    assert journal.freeze_panes == "A2"
    assert [c.value for c in journal[1]] == ["element", "date", "texte", "auteur", "source",
                                             "parties", "statut", "echeance", "preuve",
                                             "confidentiel"]
    assert isinstance(journal["B2"].value, datetime)
    assert journal.column_dimensions["C"].width == 60  # long texts: capped width
    assert workbook["actions"]["F1"].value == "cloturee_le"


def test_csv_files_for_a_french_excel(run_cli: RunCli, data_copy: Path,
                                      tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    run_cli.ok("export", "--data", data_copy, "--format", "csv", "-o", folder)
    assert sorted(p.stem for p in folder.glob("*.csv")) == sorted(SHEETS)
    raw = (folder / "engagements.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfid;parties;clause;libelle;statut;")
    assert b"\r\n" in raw


def test_export_refuses_a_target_in_the_registry_or_no_target(
        run_cli: RunCli, data_copy: Path) -> None:
    assert run_cli("export", "--data", data_copy, "-f", "xlsx").code == 2
    assert run_cli("export", "--data", data_copy, "-f", "xlsx", "-o",
                   data_copy / "x.xlsx").code == 2
    assert run_cli("export", "--data", data_copy, "-f", "csv").code == 2


def _fill(path: Path) -> None:
    workbook = openpyxl.load_workbook(path)
    workbook["journal"].append(["bilan-annuel", date(2024, 6, 20), "Bilan 2023 remis", None,
                                "Courriel du 20 juin 2024", None, None, "bilan-annuel-2023",
                                None, "non"])
    workbook["journal"].append(["gt-1", date(2024, 3, 12), "Lancement décidé", None,
                                "Relevé de décisions", None, "constitue", None, None, None])
    workbook["mesures"].append(["ind-referents-designes", date(2024, 3, 31), 2,
                                "Compte rendu", "Deux référents", None, None])
    workbook["engagements"]["D2"] = "Libellé changé"
    workbook.save(path)


def test_import_applies_new_rows_once(run_cli: RunCli, data_copy: Path,
                                      tmp_path: Path) -> None:
    book = tmp_path / "registre.xlsx"
    run_cli.ok("export", "--data", data_copy, "-f", "xlsx", "-o", book)
    _fill(book)
    before = _texts(data_copy)
    dry = run_cli("import", book, "--data", data_copy, "--dry-run")
    assert dry.code == 0
    assert "+        echeance: bilan-annuel-2023\n" in dry.out
    assert _texts(data_copy) == before
    first = run_cli("import", book, "--data", data_copy)
    assert first.code == 0, first.err
    assert "journal : 2 lignes ajoutées ; mesures : 1 ajoutée ;" in first.out
    assert "registre.xlsx:engagements!D2: « libelle » modifié" in first.err
    after = _texts(data_copy)
    second = run_cli("import", book, "--data", data_copy)
    assert second.code == 0
    assert "journal : 0 ligne ajoutée ; mesures : 0 ajoutée ;" in second.out
    assert _texts(data_copy) == after
    assert run_cli("validate", "--data", data_copy).code == 0


def test_import_errors_are_located_and_nothing_is_written(
        run_cli: RunCli, data_copy: Path, tmp_path: Path) -> None:
    book = tmp_path / "registre.xlsx"
    run_cli.ok("export", "--data", data_copy, "-f", "xlsx", "-o", book)
    workbook = openpyxl.load_workbook(book)
    journal = workbook["journal"]
    journal.append(["bilan-anuel", date(2024, 6, 20), "X", None, "s", None, None, None, None,
                    None])
    bad_date_row = journal.max_row + 1
    journal.append(["gt-1", "hier", "Y", None, "s", None, None, None, None, None])
    workbook["mesures"].append(["ind-referents-designes", date(2024, 3, 31), "beaucoup", "s",
                                None, None, None])
    workbook.save(book)
    before = _texts(data_copy)
    result = run_cli("import", book, "--data", data_copy)
    assert result.code == 1
    assert f"registre.xlsx:journal!B{bad_date_row}: date invalide « hier »" in result.err
    assert "vouliez-vous dire « bilan-annuel »" in result.err
    assert "registre.xlsx:mesures!C" in result.err
    assert "aucun fichier n'a été modifié" in result.err
    assert _texts(data_copy) == before


def test_csv_folder_round_trip_closes_an_action(run_cli: RunCli, data_copy: Path,
                                                tmp_path: Path) -> None:
    run_cli.ok("reunion", "add", "--instance", "commission", "--date", "2024-03-12",
               "--source", "Compte rendu", "--data", data_copy)
    run_cli.ok("action", "add", "commission-2024-03-12", "--texte", "Note logement",
               "--responsable", "unml", "--echeance", "2024-05-31", "--data", data_copy)
    folder = tmp_path / "csv"
    run_cli.ok("export", "--data", data_copy, "-f", "csv", "-o", folder)
    actions = folder / "actions.csv"
    lines = actions.read_text(encoding="utf-8-sig").splitlines()
    lines[1] = lines[1].replace(";2024-05-31;;;", ";2024-05-31;2024-05-20;notes/note.pdf;")
    actions.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    journal = folder / "journal.csv"
    journal.write_text(journal.read_text(encoding="utf-8-sig")
                       + "gt-1;2024-13-01;Z;;s;;;;;\n", encoding="utf-8-sig")
    refused = run_cli("import", folder, "--data", data_copy)
    assert refused.code == 1
    assert "journal.csv:" in refused.err
    assert ":2: date invalide « 2024-13-01 »" in refused.err
    journal.write_text("\n".join(journal.read_text(encoding="utf-8-sig").splitlines()[:-1])
                       + "\n", encoding="utf-8-sig")
    result = run_cli("import", folder, "--data", data_copy)
    assert result.code == 0, result.err
    assert "1 close ;" in result.out
    text = (data_copy / "reunions.yaml").read_text(encoding="utf-8")
    assert "        cloture: 2024-05-20\n" in text
    assert "url: notes/note.pdf" in text


def test_a_file_that_is_not_a_workbook_is_said_in_french(
        run_cli: RunCli, data_copy: Path, tmp_path: Path) -> None:
    fake = tmp_path / "fake.xlsx"
    fake.write_text("pas un classeur\n", encoding="utf-8")
    before = _texts(data_copy)
    result = run_cli("import", fake, "--data", data_copy)
    assert (result.code, result.out) == (2, "")
    assert result.err == (f"convention : {fake} : ce fichier n'est pas un classeur xlsx "
                          "lisible\n")
    assert _texts(data_copy) == before
