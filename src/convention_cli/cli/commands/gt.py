"""``convention gt [ID]``."""

from __future__ import annotations

from typing import Annotated

import typer

from convention_cli.cli.consultation import emit_view, load_registry
from convention_cli.cli.options import (
    AsOfOption,
    DataOption,
    Format,
    ListOrFicheFormat,
    resolve_as_of,
)

GroupeId = Annotated[
    str | None,
    typer.Argument(metavar="[ID]", help="Identifiant (ex. gt-3) ou numéro (ex. 3) du groupe ; "
                   "sans lui, la liste des groupes.", show_default=False)]


def gt(
    ident: GroupeId = None,
    data: DataOption = None,
    as_of: AsOfOption = None,
    output_format: Annotated[
        ListOrFicheFormat | None,
        typer.Option("--format", "-f", help="Format de sortie : table (liste) ou text (fiche) "
                     "pour le terminal, json ou markdown.", show_default=False),
    ] = None,
) -> None:
    """Liste les groupes de travail de l'annexe, ou affiche la fiche de l'un d'eux.

    Liste : numéro, libellé, thème de l'annexe, statut, nombre d'engagements liés,
    dernière entrée du journal. Fiche : thème de l'annexe mot pour mot, objectifs,
    engagements liés et leur statut, journal, réunions.

    Exemple : convention gt 3
    """
    from convention_cli.views.consultation.groupes import (
        build_group_fiche,
        build_group_list,
        group_fiche_document,
        group_fiche_to_json,
        group_list_table,
        group_list_to_json,
    )

    registry = load_registry(data)
    day = resolve_as_of(as_of)
    # table and text are the same choice, the terminal view, for a list or a fiche.
    output_format = output_format or Format.table
    if ident is None:
        lignes = build_group_list(registry, day)
        emit_view(output_format, lambda: group_list_to_json(lignes),
                  lambda: group_list_table(lignes))
        return
    fiche = build_group_fiche(registry, ident, day)
    emit_view(output_format, lambda: group_fiche_to_json(fiche),
              lambda: group_fiche_document(fiche))
