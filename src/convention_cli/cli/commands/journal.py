"""``convention journal add``: a dated entry in a journal."""

from __future__ import annotations

from typing import Annotated

import typer

from convention_cli.cli.edition import (
    ConfidentielOption,
    DryRunOption,
    TexteOption,
    edit_date,
    run_edit,
)
from convention_cli.cli.french import FrenchCommand, FrenchGroup
from convention_cli.cli.options import DataOption

journal_app = typer.Typer(help="Journal daté des engagements, groupes de travail, projets et "
                          "demandes d'évaluation.", cls=FrenchGroup,
                          no_args_is_help=True)


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
                      "(document, article, \\[id] de la bibliographie) ; exigée pour un statut (ou "
                      "--preuve).",
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
    from convention_cli.edit.operations import JournalFields, add_journal_entry

    fields = JournalFields(day=edit_date(date), texte=texte, auteur=auteur, statut=statut,
                           preuve=preuve, confidentiel=confidentiel, honore=honore,
                           source=source, parties=tuple(partie or ()))
    run_edit(data, dry_run, lambda tx: add_journal_entry(tx, engagement_id, fields))
