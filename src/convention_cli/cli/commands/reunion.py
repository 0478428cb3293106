"""``convention reunion add``: a meeting held."""

from __future__ import annotations

from typing import Annotated

import typer

from convention_cli.cli.edition import (
    ConfidentielOption,
    DryRunOption,
    required_date,
    run_edit,
)
from convention_cli.cli.french import FrenchCommand, FrenchGroup
from convention_cli.cli.options import DataOption

reunion_app = typer.Typer(help="Réunions : commission, groupes de travail, référents.",
                          cls=FrenchGroup, no_args_is_help=True)


@reunion_app.command("add", cls=FrenchCommand)
def reunion_add(
    instance: Annotated[str, typer.Option("--instance", help="commission, referents ou gt:ID "
                                          "(ex. gt:gt-5).")],
    date: Annotated[str, typer.Option("--date", help="Date de la réunion AAAA-MM-JJ.")],
    participants: Annotated[list[str] | None, typer.Option(
        "--participants", help="Participant (répéter l'option pour chacun).",
        show_default=False)] = None,
    lieu: Annotated[str | None, typer.Option("--lieu", help="Lieu ou « visioconférence ».",
                                             show_default=False)] = None,
    source: Annotated[str | None, typer.Option(
        "--source", help="D'où vient l'information (compte rendu, relevé de décisions…) ; "
        "défaut : « Déclarée par le secrétariat de la commission ».", show_default=False)]
    = None,
    confidentiel: ConfidentielOption = False,
    data: DataOption = None,
    dry_run: DryRunOption = False,
) -> None:
    """Enregistre une réunion tenue (commission, groupe de travail ou référents).

    Une réunion est une instance à une date : la même commande répétée ne change rien ;
    la même réunion avec un autre lieu, d'autres participants ou une autre source est
    refusée (code 1), sans rien modifier.

    Exemple : convention reunion add --instance commission --date 2026-03-12 --lieu Paris
    """
    from convention_cli.edit.operations import add_reunion

    day = required_date(date)
    run_edit(data, dry_run, lambda tx: add_reunion(
        tx, instance=instance, day=day, participants=list(participants or []), lieu=lieu,
        source=source, confidentiel=confidentiel))
