"""``convention status``."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from convention_cli.cli.options import (
    AsOfOption,
    DataOption,
    Format,
    HorizonOption,
    ListFormat,
    ObjectifOption,
    PartieOption,
    StatutOption,
    TerritoireOption,
    resolve_as_of,
    resolve_data,
)
from convention_cli.defaults import STALE_DAYS, STATUS_HORIZON_DAYS, STATUS_ROWS


def status(
    data: DataOption = None,
    as_of: AsOfOption = None,
    partie: PartieOption = None,
    territoire: TerritoireOption = None,
    objectif: ObjectifOption = None,
    statut: StatutOption = None,
    horizon: HorizonOption = STATUS_HORIZON_DAYS,
    alerte: Annotated[
        int, typer.Option("--alerte-jours", min=1,
                          help="Signale un engagement sans entrée de journal depuis ce nombre "
                          "de jours.")
    ] = STALE_DAYS,
    lignes: Annotated[
        int, typer.Option("--lignes", min=1, help="Lignes au plus par liste dans la vue "
                          "tableau (les formats json et markdown donnent tout).")
    ] = STATUS_ROWS,
    output_format: Annotated[
        ListFormat, typer.Option("--format", "-f", help="table, json ou markdown.")
    ] = Format.table,
) -> None:
    """Où en est la convention, sur un écran : retards, échéances proches, compteurs.

    Position de la date d'observation dans la période (et ce que demande alors la
    section V), obligations en retard regroupées par nature (« 7 commissions
    trimestrielles non tenues, depuis le 3e trimestre 2023 »), échéances des 90
    prochains jours et toujours le prochain bilan, décisions à prendre et lectures du
    texte, engagements portés par chaque partie et par objectif. La liste des
    engagements est dans convention engagements ; --format json donne tout.

    Exemple : convention status --as-of 2024-07-01 --partie dgom
    """
    from convention_cli.checks.pipeline import load_valid_registry
    from convention_cli.domain.queries import Filtres
    from convention_cli.views.status import build_status

    registry = load_valid_registry(resolve_data(data))
    view = build_status(registry, resolve_as_of(as_of),
                        Filtres(partie, territoire, objectif, statut), horizon, alerte)
    if output_format is Format.json:
        from convention_cli.formats.json import dumps
        from convention_cli.views.status_json import status_to_json

        sys.stdout.write(dumps(status_to_json(view)))
    elif output_format is Format.markdown:
        from convention_cli.formats.status_markdown import status_to_markdown

        sys.stdout.write(status_to_markdown(view))
    else:
        from convention_cli.cli.status_table import render_status
        from convention_cli.cli.terminal import make_console

        render_status(view, make_console(), lignes)
