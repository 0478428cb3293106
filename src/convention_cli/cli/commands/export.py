"""``convention export``: the registry as JSON, as an .xlsx workbook or as CSV files."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from convention_cli.cli.options import (
    AsOfOption,
    DataOption,
    ExportFormat,
    Format,
    PublicOption,
    resolve_as_of,
    resolve_data,
)

if TYPE_CHECKING:
    from convention_cli.formats.tables import SheetTable
    from convention_cli.load.registry import Registry


def export(
    data: DataOption = None,
    export_format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="Format de sortie : json, xlsx "
                                   "(classeur) ou csv (un fichier par table).")
    ] = Format.json,
    sortie: Annotated[
        str | None, typer.Option("--sortie", "-o", help="Fichier (json, xlsx) ou dossier (csv) "
                                 "à écrire ; json : sortie standard par défaut.",
                                 show_default=False)
    ] = None,
    as_of: AsOfOption = None,
    public: PublicOption = False,
) -> None:
    """Exporte tout le registre : JSON normalisé, classeur .xlsx ou fichiers CSV.

    Le classeur a une feuille par table (engagements, echeances, indicateurs, journal,
    mesures, actions, projets, evaluations, reunions), une ligne d'en-tête figée aux noms
    des champs, des dates réelles. Les CSV (un par table) s'ouvrent dans un Excel français :
    UTF-8 avec BOM, séparateur « ; ». Les feuilles journal, mesures et actions se
    remplissent puis se relisent par convention import.

    Avec --public, les tables ne montrent que ce qu'une sortie publique peut montrer
    (section VI) : ni élément confidentiel, ni auteur ou participant nommé, ni chemin
    local ; en JSON, ce sont ces mêmes tables (et non le registre entier).

    Refuse un registre qui contient des erreurs (voir convention validate).

    Exemple : convention export --format xlsx -o registre.xlsx
    """
    from convention_cli.checks.pipeline import load_valid_registry
    from convention_cli.edit.output import output_file, output_folder, write_output

    data_dir = resolve_data(data)
    day = resolve_as_of(as_of)
    target: Path | None = None
    folder: Path | None = None
    if export_format is Format.csv:
        if sortie is None:
            raise _usage("--format csv écrit un dossier : indiquez -o DOSSIER")
        folder = output_folder(sortie, data_dir)
    else:
        if export_format is Format.xlsx and sortie in (None, "-"):
            raise _usage("--format xlsx écrit un classeur : indiquez -o FICHIER.xlsx")
        target = output_file(sortie, data_dir)
    registry = load_valid_registry(data_dir)
    if public:
        _write_public(registry, day, export_format, target, folder)
        return
    if export_format is Format.json:
        from convention_cli.formats.export import export_registry
        from convention_cli.formats.json import dumps

        text = dumps(export_registry(registry, day))
        if target is None:
            sys.stdout.write(text)
        else:
            write_output(target, text)
            sys.stderr.write(f"Export écrit : {target}\n")
        return
    from convention_cli.formats.tables import registry_tables

    _write_tables(registry_tables(registry, day), export_format, target, folder)


def _write_public(registry: Registry, day: date, export_format: ExportFormat,
                  target: Path | None, folder: Path | None) -> None:
    """The public tables (``registry_tables(public=True)``) in the format asked."""
    from convention_cli.edit.output import write_output
    from convention_cli.formats.json import dumps
    from convention_cli.formats.tables import public_tables_json, registry_tables

    tables = registry_tables(registry, day, public=True)
    if export_format is not Format.json:
        _write_tables(tables, export_format, target, folder)
        return
    text = dumps(public_tables_json(tables))
    if target is None:
        sys.stdout.write(text)
    else:
        write_output(target, text)
        sys.stderr.write(f"Export public écrit : {target}\n")


def _write_tables(tables: list[SheetTable], export_format: ExportFormat,
                  target: Path | None, folder: Path | None) -> None:
    from convention_cli.edit.output import write_output
    from convention_cli.formats.spreadsheet import csv_files, workbook_bytes

    if export_format is Format.xlsx:
        assert target is not None
        write_output(target, workbook_bytes(tables))
        sys.stderr.write(f"Classeur écrit : {target} ({len(tables)} feuilles)\n")
        return
    assert folder is not None
    for name, payload in csv_files(tables).items():
        write_output(folder / name, payload)
    sys.stderr.write(f"Fichiers CSV écrits dans {folder} ({len(tables)} tables ; UTF-8 avec "
                     "BOM, séparateur « ; »)\n")


def _usage(message: str) -> Exception:
    from convention_cli.errors import UsageError

    return UsageError(message)
