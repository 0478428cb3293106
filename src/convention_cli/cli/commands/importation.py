"""``convention import``: new rows of a filled workbook or CSV folder into the registry."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from convention_cli.cli.edition import DryRunOption
from convention_cli.cli.options import AsOfOption, DataOption, resolve_as_of, resolve_data

if TYPE_CHECKING:
    from convention_cli.edit.importer import ImportReport


def import_(
    fichier: Annotated[Path, typer.Argument(
        metavar="FICHIER.xlsx|DOSSIER_CSV", help="Classeur exporté puis rempli, ou dossier "
        "des fichiers CSV exportés.")],
    data: DataOption = None,
    dry_run: DryRunOption = False,
    as_of: AsOfOption = None,
) -> None:
    """Importe les nouvelles lignes d'un classeur rempli (journal, mesures, actions).

    Chaque ligne est vérifiée d'abord ; une erreur est située dans le classeur
    (registre.xlsx:journal!C7 ou journal.csv:7:3) et rien n'est écrit. Une action se clôt
    en remplissant cloturee_le et preuve sur sa ligne. Les lignes déjà dans le registre sont
    reconnues et ignorées : importer deux fois le même fichier ne change rien. Les
    modifications des autres feuilles sont signalées, jamais appliquées.

    Exemple : convention export --format xlsx -o registre.xlsx ; (remplir) ;
    convention import registre.xlsx --dry-run
    """
    from convention_cli.cli.reporters import text_reporter
    from convention_cli.edit.importer import ImportRefusedError, import_rows
    from convention_cli.edit.transaction import EditRefusedError, transaction
    from convention_cli.errors import UserError
    from convention_cli.formats.spreadsheet import read_spreadsheet
    from convention_cli.formats.tables import registry_tables

    data_dir = resolve_data(data)
    day = resolve_as_of(as_of)
    sheets = read_spreadsheet(fichier)
    with transaction(data_dir) as tx:
        current = tx.validate()
        if current.has_errors:
            raise UserError(f"le registre {data_dir} contient des erreurs : lancez « convention "
                            f"validate --data {data_dir} » avant d'importer")
        try:
            report = import_rows(tx, sheets, registry_tables(current.registry, day))
        except ImportRefusedError as exc:
            for problem in exc.problems:
                sys.stderr.write(problem + "\n")
            raise
        try:
            changes = tx.commit(dry_run=dry_run)
        except EditRefusedError as exc:
            text_reporter(exc.diagnostics, 6, sys.stderr)
            raise
    for note in report.ignored[:20]:
        sys.stderr.write(note + "\n")
    if len(report.ignored) > 20:
        sys.stderr.write(f"… et {len(report.ignored) - 20} de plus (modifications de feuilles "
                         "en lecture seule, non appliquées)\n")
    summary = _summary(report)
    if dry_run:
        sys.stdout.write("".join(c.diff() for c in changes) or "Aucune modification.\n")
        sys.stderr.write(f"(essai à blanc) {summary}\n")
        return
    sys.stdout.write(f"Import de {fichier.name} : {summary}.\n")
    for change in changes:
        sys.stdout.write(f"écrit : {change.path}\n")


def _summary(report: ImportReport) -> str:
    """``journal : 1 ligne ajoutée ; mesures : 0 ajoutée ; actions : 2 ajoutées, 1 close ;
    3 lignes déjà présentes ignorées`` (numbers and words agree)."""
    from convention_cli.vocab import plural

    journal, mesures, actions = (report.added.get(name, 0)
                                 for name in ("journal", "mesures", "actions"))
    return (f"journal : {plural(journal, 'ligne ajoutée', 'lignes ajoutées')} ; "
            f"mesures : {plural(mesures, 'ajoutée')} ; "
            f"actions : {plural(actions, 'ajoutée')}, {plural(report.closed, 'close')} ; "
            + plural(report.skipped, "ligne déjà présente ignorée",
                     "lignes déjà présentes ignorées"))
