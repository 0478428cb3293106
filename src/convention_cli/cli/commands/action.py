"""``convention action add|close``: actions decided in a meeting."""

from __future__ import annotations

from typing import Annotated

import typer

from convention_cli.cli.edition import (
    ConfidentielOption,
    DryRunOption,
    ReunionIdArgument,
    TexteOption,
    edit_date,
    required_date,
    run_edit,
)
from convention_cli.cli.french import FrenchCommand, FrenchGroup
from convention_cli.cli.options import DataOption

action_app = typer.Typer(help="Actions décidées en réunion : ajout et clôture.",
                         cls=FrenchGroup, no_args_is_help=True)


@action_app.command("add", cls=FrenchCommand)
def action_add(
    reunion_id: ReunionIdArgument,
    texte: TexteOption,
    responsable: Annotated[str, typer.Option("--responsable", help="Partie responsable "
                                             "(ex. dgom, unml).")],
    echeance: Annotated[str, typer.Option("--echeance", help="Date limite AAAA-MM-JJ.")],
    confidentiel: ConfidentielOption = False,
    data: DataOption = None,
    dry_run: DryRunOption = False,
) -> None:
    """Enregistre une action décidée en réunion, avec sa partie responsable et son échéance.

    Les actions ouvertes nourrissent l'échéancier et l'ordre du jour suivant.

    Exemple : convention action add commission-2026-03-12 --texte "Note" --responsable unml
    --echeance 2026-05-31
    """
    from convention_cli.edit.operations import add_action

    day = required_date(echeance, "--echeance")
    run_edit(data, dry_run, lambda tx: add_action(tx, reunion_id, texte=texte,
                                                  responsable=responsable, echeance=day,
                                                  confidentiel=confidentiel))


@action_app.command("close", cls=FrenchCommand)
def action_close(
    action_id: Annotated[str, typer.Argument(metavar="ACTION_ID",
                                             help="Identifiant de l'action.")],
    date: Annotated[str | None, typer.Option("--date", help="Date de clôture AAAA-MM-JJ "
                                             "(défaut : aujourd'hui).", show_default=False)]
    = None,
    preuve: Annotated[str | None, typer.Option("--preuve", help="Adresse ou chemin d'une "
                      "preuve.", show_default=False)] = None,
    data: DataOption = None,
    dry_run: DryRunOption = False,
) -> None:
    """Clôt une action (date de clôture et, au besoin, preuve).

    Exemple : convention action close commission-2026-03-12-action-1 --preuve notes/logement.pdf
    """
    from convention_cli.edit.operations import close_action

    day = edit_date(date)
    run_edit(data, dry_run, lambda tx: close_action(tx, action_id, day=day, preuve=preuve))
