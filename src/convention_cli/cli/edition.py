"""What the edit commands share (``journal``, ``reunion``, ``decision``, ``action``, and the
follow-up records of ``suivi``): their options and ``run_edit``.

Each runs one operation of ``edit`` inside a locked transaction that re-validates the
whole registry before writing anything (``edit.transaction``).
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from convention_cli.cli.options import parse_date_option, resolve_as_of, resolve_data

if TYPE_CHECKING:
    from convention_cli.edit.operations import EditOutcome
    from convention_cli.edit.transaction import RegistryTransaction

DryRunOption = Annotated[
    bool, typer.Option("--dry-run", help="Affiche le diff qui serait appliqué ; n'écrit rien.")
]
TexteOption = Annotated[str, typer.Option("--texte", help="Le texte, en une phrase ou plus.")]
ConfidentielOption = Annotated[
    bool, typer.Option("--confidentiel", help="Marque l'élément confidentiel (section VI) : "
                       "absent des documents publics.")
]
ReunionIdArgument = Annotated[
    str, typer.Argument(metavar="REUNION_ID", help="Identifiant de la réunion.")
]


def required_date(value: str, option: str = "--date") -> date:
    """A date the edit cannot do without, checked as every date option is."""
    day = parse_date_option(value, option)
    assert day is not None
    return day


def edit_date(value: str | None, option: str = "--date") -> date:
    """The day of an entry or a closing: the given date, or today."""
    return resolve_as_of(None) if value is None else required_date(value, option)


def run_edit(
    data: Path | None, dry_run: bool,
    operation: Callable[[RegistryTransaction], EditOutcome],
) -> None:
    """Run one edit in a transaction; print the diff (dry run) or what was written."""
    from convention_cli.cli.reporters import text_reporter
    from convention_cli.edit.transaction import EditRefusedError, transaction

    data_dir = resolve_data(data)
    with transaction(data_dir, dry_run=dry_run) as tx:
        outcome = operation(tx)
        try:
            changes = tx.commit(dry_run=dry_run) if outcome.changed else []
        except EditRefusedError as exc:
            text_reporter(exc.diagnostics, 6, sys.stderr)
            raise
    if changes and not dry_run and hasattr(signal, "SIGPIPE"):
        # Written: a closed output must not turn that into a failure (cli.app.main).
        signal.signal(signal.SIGPIPE, signal.SIG_IGN)
    if dry_run:
        sys.stdout.write("".join(c.diff() for c in changes) or "Aucune modification.\n")
        sys.stderr.write(f"(essai à blanc) {outcome.message}\n")
        return
    sys.stdout.write(outcome.message[0].upper() + outcome.message[1:] + ".\n")
    for change in changes:
        sys.stdout.write(f"écrit : {change.path}\n")
