"""Edit commands: ``journal add``, ``reunion add``, ``decision add``, ``action add|close``.

Each runs one operation of ``edits`` inside a locked transaction that re-validates
the whole registry before writing anything (see ``writer``).
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from convention_cli.cli.french import FrenchCommand, FrenchGroup
from convention_cli.cli.options import DataOption, parse_date_option, resolve_as_of, resolve_data

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

journal_app = typer.Typer(help="Journal daté des engagements, groupes de travail, projets et "
                          "demandes d'évaluation.", cls=FrenchGroup,
                          no_args_is_help=True)
reunion_app = typer.Typer(help="Réunions : commission, groupes de travail, référents.",
                          cls=FrenchGroup, no_args_is_help=True)
decision_app = typer.Typer(help="Décisions prises en réunion.", cls=FrenchGroup,
                           no_args_is_help=True)
action_app = typer.Typer(help="Actions décidées en réunion : ajout et clôture.",
                         cls=FrenchGroup, no_args_is_help=True)


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


@journal_app.command("add", cls=FrenchCommand)
def journal_add(
    engagement_id: Annotated[str, typer.Argument(
        metavar="ID", help="Identifiant de l'engagement, du groupe de travail (gt-1), du "
        "projet ou de la demande d'évaluation.")],
    texte: TexteOption,
    date: Annotated[str | None, typer.Option("--date", help="Date de l'entrée AAAA-MM-JJ "
                                             "(défaut : aujourd'hui).", show_default=False)]
    = None,
    auteur: Annotated[str | None, typer.Option("--auteur", help="Qui écrit l'entrée.",
                                               show_default=False)] = None,
    statut: Annotated[str | None, typer.Option("--statut", help="Nouveau statut ; engagement : "
                      "non_renseigne, non_demarre, en_cours, realise, suspendu, abandonne ; "
                      "groupe de travail : constitue, actif, clos ; projet : repere, relaye, "
                      "en_instruction, retenu, non_retenu, abandonne ; demande d'évaluation : "
                      "recue, en_examen, acceptee, refusee, realisee, abandonnee.",
                      show_default=False)] = None,
    honore: Annotated[str | None, typer.Option("--honore", help="Identifiant de l'échéance "
                      "que l'entrée honore (voir convention echeances), par exemple "
                      "bilan-annuel-2024.", show_default=False)] = None,
    preuve: Annotated[str | None, typer.Option("--preuve", help="Adresse ou chemin d'une "
                      "preuve.", show_default=False)] = None,
    source: Annotated[str | None, typer.Option("--source", help="D'où vient l'entrée "
                      "(document, article, [id] de la bibliographie) ; exigée pour un statut.",
                      show_default=False)] = None,
    partie: Annotated[list[str] | None, typer.Option("--partie", help="Partie dont l'entrée "
                      "atteste l'action (répétable) ; exigée pour le statut d'un engagement "
                      "conjoint.", show_default=False)] = None,
    confidentiel: ConfidentielOption = False,
    data: DataOption = None,
    dry_run: DryRunOption = False,
) -> None:
    """Ajoute une entrée datée au journal d'un engagement, d'un groupe de travail, d'un
    projet ou d'une demande d'évaluation (et change son statut).

    Un statut s'appuie sur une source (--source ou --preuve) et, pour un engagement
    conjoint, dit quelle partie l'entrée atteste (--partie). Avec --honore, l'entrée honore
    une échéance de cet engagement : elle est refusée si l'échéance appartient à un autre
    engagement.

    Exemple : convention journal add bilan-annuel --texte "Bilan 2024 remis" --honore
    bilan-annuel-2024 --source "Courriel du référent" --partie unml --partie dgom
    """
    from convention_cli.edit.operations import add_journal_entry

    day = resolve_as_of(date) if date is None else parse_date_option(date, "--date")
    assert day is not None
    run_edit(data, dry_run, lambda tx: add_journal_entry(
        tx, engagement_id, day=day, texte=texte, auteur=auteur, statut=statut, preuve=preuve,
        confidentiel=confidentiel, honore=honore, source=source, parties=partie))


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
    source: Annotated[str, typer.Option("--source", help="D'où vient l'information "
                                        "(compte rendu, relevé de décisions…).")]
    = "Déclarée par le secrétariat de la commission",
    data: DataOption = None,
    dry_run: DryRunOption = False,
) -> None:
    """Enregistre une réunion tenue (commission, groupe de travail ou référents).

    Exemple : convention reunion add --instance commission --date 2026-03-12 --lieu Paris
    """
    from convention_cli.edit.operations import add_reunion

    day = parse_date_option(date, "--date")
    assert day is not None
    run_edit(data, dry_run, lambda tx: add_reunion(
        tx, instance=instance, day=day, participants=list(participants or []), lieu=lieu,
        source=source))


@decision_app.command("add", cls=FrenchCommand)
def decision_add(
    reunion_id: Annotated[str, typer.Argument(metavar="REUNION_ID",
                                              help="Identifiant de la réunion.")],
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


@action_app.command("add", cls=FrenchCommand)
def action_add(
    reunion_id: Annotated[str, typer.Argument(metavar="REUNION_ID",
                                              help="Identifiant de la réunion.")],
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

    day = parse_date_option(echeance, "--echeance")
    assert day is not None
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

    day = resolve_as_of(date) if date is None else parse_date_option(date, "--date")
    assert day is not None
    run_edit(data, dry_run, lambda tx: close_action(tx, action_id, day=day, preuve=preuve))
