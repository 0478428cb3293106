"""Reading what ``convention import`` is given: a workbook or a folder of CSV files;
every unreadable input is a usage error naming it."""

from __future__ import annotations

from pathlib import Path

import pytest

from convention_cli.errors import UsageError
from convention_cli.formats.spreadsheet import csv_cell, read_spreadsheet


def _refusal(path: Path) -> str:
    with pytest.raises(UsageError) as caught:
        read_spreadsheet(path)
    return str(caught.value)


def test_what_is_neither_a_workbook_nor_a_folder_is_refused(tmp_path: Path) -> None:
    assert _refusal(tmp_path / "absent.xlsx") == f"{tmp_path / 'absent.xlsx'} introuvable"
    text = tmp_path / "registre.ods"
    text.write_text("x", encoding="utf-8")
    assert _refusal(text) == (f"{text} : classeur .xlsx ou dossier de fichiers CSV attendu")
    damaged = tmp_path / "registre.xlsx"
    damaged.write_bytes(b"PK\x03\x04 pas un classeur")
    assert _refusal(damaged) == f"{damaged} : ce fichier n'est pas un classeur xlsx lisible"


def test_csv_folder_comma_or_semicolon_empty_files_and_bad_encoding(tmp_path: Path) -> None:
    (tmp_path / "journal.csv").write_text(
        "element,date,texte\ngt-1,2024-03-12,Lancement\n,,\n", encoding="utf-8")
    (tmp_path / "mesures.csv").write_text("", encoding="utf-8")  # no header: no sheet
    (tmp_path / "actions.csv").write_text("\ufeffid;reunion;texte\n;commission;Note\n",
                                          encoding="utf-8")
    sheets = read_spreadsheet(tmp_path)
    assert sorted(sheets) == ["actions", "journal"]
    [row] = sheets["journal"].rows  # the blank row is skipped
    assert (row.number, row.values["element"], row.values["date"]) == (2, "gt-1",
                                                                       "2024-03-12")
    assert sheets["actions"].rows[0].values["texte"] == "Note"
    (tmp_path / "zz.csv").write_bytes(b"id\n\xe9t\xe9\n")
    assert _refusal(tmp_path).startswith(f"{tmp_path / 'zz.csv'} illisible (UTF-8 attendu) : ")


def test_csv_cells_use_the_french_decimal_comma() -> None:
    assert csv_cell(2.5) == "2,5"
    assert csv_cell(3) == "3"
