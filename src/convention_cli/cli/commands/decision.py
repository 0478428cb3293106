"""``convention decision add``: a decision taken in a meeting."""

from __future__ import annotations

import typer

from convention_cli.cli.edition import (
    ConfidentielOption,
    DryRunOption,
    ReunionIdArgument,
    TexteOption,
    run_edit,
)
from convention_cli.cli.french import FrenchCommand, FrenchGroup
from convention_cli.cli.options import DataOption

decision_app = typer.Typer(help="Décisions prises en réunion.", cls=FrenchGroup,
                           no_args_is_help=True)


@decision_app.command("add", cls=FrenchCommand)
def decision_add(
    reunion_id: ReunionIdArgument,
    texte: TexteOption,
    confidentiel: ConfidentielOption = False,
    data: DataOption = None,
    dry_run: DryRunOption = False,
) -> None:
    """Enregistre une décision prise lors d'une réunion.

    Exemple : convention decision add commission-2026-03-12 --texte "Lancer le GT logement"
    """
    from convention_cli.edit.operations import add_decision

    run_edit(data, dry_run, lambda tx: add_decision(tx, reunion_id, texte=texte,
                                                    confidentiel=confidentiel))
