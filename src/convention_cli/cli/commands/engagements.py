"""``convention engagements``."""

from __future__ import annotations

from convention_cli.cli.consultation import emit_view, load_registry
from convention_cli.cli.options import (
    AsOfOption,
    DataOption,
    Format,
    HorizonOption,
    ListFormatOption,
    ObjectifOption,
    PartieOption,
    StatutOption,
    TerritoireOption,
    resolve_as_of,
)
from convention_cli.defaults import HORIZON_DAYS


def engagements(
    data: DataOption = None,
    partie: PartieOption = None,
    territoire: TerritoireOption = None,
    objectif: ObjectifOption = None,
    statut: StatutOption = None,
    as_of: AsOfOption = None,
    horizon: HorizonOption = HORIZON_DAYS,
    output_format: ListFormatOption = Format.table,
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
        load_registry(data), day, Filtres(partie, territoire, objectif, statut), horizon)
    emit_view(output_format, lambda: engagement_list_to_json(view),
              lambda: engagement_list_table(view))
