"""``convention engagement ID``."""

from __future__ import annotations

from typing import Annotated

from convention_cli.cli.consultation import emit_view, load_registry
from convention_cli.cli.options import (
    AsOfOption,
    DataOption,
    FicheFormatOption,
    Format,
    HorizonOption,
    id_argument,
    resolve_as_of,
)
from convention_cli.defaults import HORIZON_DAYS

EngagementId = Annotated[str, id_argument("Identifiant de l'engagement (ex. bilan-annuel).")]


def engagement(
    ident: EngagementId,
    data: DataOption = None,
    as_of: AsOfOption = None,
    horizon: HorizonOption = HORIZON_DAYS,
    output_format: FicheFormatOption = Format.text,
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
    fiche = build_engagement_fiche(load_registry(data), ident, day, horizon)
    emit_view(output_format, lambda: engagement_fiche_to_json(fiche),
               lambda: engagement_fiche_document(fiche))
