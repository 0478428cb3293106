"""``convention engagements``, ``engagement``, ``territoires``, ``territoire``, ``gt``.

Read-only consultation of the registry. Each command loads a valid registry, builds
one view model (``convention_cli.views.consultation``) and prints it; rich, the models
and the registry are imported inside the functions so that start-up stays light.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from convention_cli.cli.options import (
    AsOfOption,
    DataOption,
    HorizonOption,
    ObjectifOption,
    PartieOption,
    StatutOption,
    TerritoireOption,
    resolve_as_of,
    resolve_data,
)
from convention_cli.defaults import HORIZON_DAYS

if TYPE_CHECKING:
    from pathlib import Path

    from convention_cli.load.registry import Registry
    from convention_cli.views.blocks import Document, Tableau



class ListFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


class FicheFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


ListFormatOption = Annotated[
    ListFormat,
    typer.Option("--format", "-f", help="Format de sortie : table (terminal), json ou "
                 "markdown (tout le contenu)."),
]
FicheFormatOption = Annotated[
    FicheFormat,
    typer.Option("--format", "-f", help="Format de sortie : text (terminal), json ou "
                 "markdown."),
]


def _registry(data: Path | None) -> Registry:
    from convention_cli.checks.pipeline import load_valid_registry

    return load_valid_registry(resolve_data(data))


def _emit_list(
    output_format: ListFormat, to_json: Callable[[], Any], to_table: Callable[[], Tableau]
) -> None:
    from convention_cli.cli import render

    if output_format is ListFormat.json:
        render.print_json(to_json())
    elif output_format is ListFormat.markdown:
        from convention_cli.formats.blocks_markdown import tableau_to_markdown

        render.print_text(tableau_to_markdown(to_table()))
    else:
        render.print_tableau(to_table())


def _emit_fiche(
    output_format: FicheFormat, to_json: Callable[[], Any], to_document: Callable[[], Document]
) -> None:
    from convention_cli.cli import render

    if output_format is FicheFormat.json:
        render.print_json(to_json())
    elif output_format is FicheFormat.markdown:
        from convention_cli.formats.blocks_markdown import document_to_markdown

        render.print_text(document_to_markdown(to_document()))
    else:
        render.print_document(to_document())


def engagements(
    data: DataOption = None,
    partie: PartieOption = None,
    territoire: TerritoireOption = None,
    objectif: ObjectifOption = None,
    statut: StatutOption = None,
    as_of: AsOfOption = None,
    horizon: HorizonOption = HORIZON_DAYS,
    output_format: ListFormatOption = ListFormat.table,
) -> None:
    """Liste les engagements : parties, statut, prochaine échéance, dernière entrée.

    Mêmes filtres que convention status ; --statut en_retard retient les engagements
    dont une échéance est dépassée sans avoir été honorée à la date --as-of. Au-delà de
    60 lignes, la table est imprimée en texte aligné, sans mise en forme.

    Exemple : convention engagements --partie dgom --statut en_retard --as-of 2026-03-01
    """
    from convention_cli.domain.queries import Filtres
    from convention_cli.views.consultation.engagements import (
        build_engagement_list,
        engagement_list_table,
        engagement_list_to_json,
    )

    day = resolve_as_of(as_of)
    view = build_engagement_list(
        _registry(data), day, Filtres(partie, territoire, objectif, statut), horizon)
    _emit_list(output_format, lambda: engagement_list_to_json(view),
               lambda: engagement_list_table(view))


EngagementId = Annotated[
    str, typer.Argument(metavar="ID", help="Identifiant de l'engagement (ex. bilan-annuel).",
                        show_default=False)]


def engagement(
    ident: EngagementId,
    data: DataOption = None,
    as_of: AsOfOption = None,
    horizon: HorizonOption = HORIZON_DAYS,
    output_format: FicheFormatOption = FicheFormat.text,
) -> None:
    """Affiche la fiche complète d'un engagement.

    Clause et citation, parties, objectifs, opérateurs, territoires, statut, échéance ou
    récurrence, indicateurs (cible et dernière mesure), journal daté, preuves, groupes de
    travail, suites possibles, sources, et ses échéances avec leur état à la date --as-of.

    Exemple : convention engagement bilan-pluriannuel --as-of 2026-06-01
    """
    from convention_cli.views.consultation.engagements import (
        build_engagement_fiche,
        engagement_fiche_document,
        engagement_fiche_to_json,
    )

    day = resolve_as_of(as_of)
    fiche = build_engagement_fiche(_registry(data), ident, day, horizon)
    _emit_fiche(output_format, lambda: engagement_fiche_to_json(fiche),
                lambda: engagement_fiche_document(fiche))


def territoires(
    data: DataOption = None,
    output_format: ListFormatOption = ListFormat.table,
) -> None:
    """Liste les six territoires de la convention, et la Nouvelle-Calédonie hors périmètre.

    Code INSEE, statut (DROM ou COM), nombre de missions locales, ARML de rattachement,
    régiment du service militaire adapté (fait sourcé, avec sa confiance).

    Exemple : convention territoires --format markdown
    """
    from convention_cli.views.consultation.territoires import (
        build_territory_list,
        territory_list_table,
        territory_list_to_json,
    )

    view = build_territory_list(_registry(data))
    _emit_list(output_format, lambda: territory_list_to_json(view),
               lambda: territory_list_table(view))


TerritoireId = Annotated[
    str, typer.Argument(metavar="ID", help="Identifiant (ex. mayotte) ou code INSEE (ex. 976).",
                        show_default=False)]


def territoire(
    ident: TerritoireId,
    data: DataOption = None,
    as_of: AsOfOption = None,
    output_format: FicheFormatOption = FicheFormat.text,
) -> None:
    """Affiche la fiche d'un territoire : missions locales, ARML, opérateurs, engagements.

    Nom et siège de chaque mission locale avec leur niveau de confiance (« non vérifié »
    quand aucune source ne les confirme), ARML et ses autres noms, opérateurs liés
    (dont le régiment du SMA) et engagements qui le concernent.

    Exemple : convention territoire la-reunion
    """
    from convention_cli.views.consultation.territoires import (
        build_territory_fiche,
        territory_fiche_document,
        territory_fiche_to_json,
    )

    fiche = build_territory_fiche(_registry(data), ident, resolve_as_of(as_of))
    _emit_fiche(output_format, lambda: territory_fiche_to_json(fiche),
                lambda: territory_fiche_document(fiche))


GroupeId = Annotated[
    str | None,
    typer.Argument(metavar="[ID]", help="Identifiant (ex. gt-3) ou numéro (ex. 3) du groupe ; "
                   "sans lui, la liste des groupes.", show_default=False)]


class GroupFormat(StrEnum):
    table = "table"
    text = "text"
    json = "json"
    markdown = "markdown"


def gt(
    ident: GroupeId = None,
    data: DataOption = None,
    as_of: AsOfOption = None,
    output_format: Annotated[
        GroupFormat | None,
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

    registry = _registry(data)
    day = resolve_as_of(as_of)
    # table and text are the same choice, the terminal view, for a list or a fiche.
    terminal = output_format in (None, GroupFormat.table, GroupFormat.text)
    if ident is None:
        lignes = build_group_list(registry, day)
        _emit_list(ListFormat.table if terminal else ListFormat(str(output_format)),
                   lambda: group_list_to_json(lignes), lambda: group_list_table(lignes))
        return
    fiche = build_group_fiche(registry, ident, day)
    _emit_fiche(FicheFormat.text if terminal else FicheFormat(str(output_format)),
                lambda: group_fiche_to_json(fiche), lambda: group_fiche_document(fiche))
