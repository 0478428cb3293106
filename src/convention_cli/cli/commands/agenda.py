"""``convention agenda``."""

from __future__ import annotations

from typing import Annotated

import typer

from convention_cli.cli.options import (
    AsOfOption,
    DataOption,
    IdsOption,
    OutputOption,
    PublicOption,
    parse_date_option,
)


def agenda(
    data: DataOption = None,
    date: Annotated[
        str | None, typer.Option("--date", help="Date de la réunion AAAA-MM-JJ.",
                                 show_default=False)
    ] = None,
    trimestre: Annotated[
        str | None, typer.Option("--trimestre", help="Trimestre AAAA-Tn quand la date n'est "
                                 "pas fixée (ex. 2026-T4).", show_default=False)
    ] = None,
    instance: Annotated[
        str, typer.Option("--instance", help="commission, ou gt:ID pour un groupe de travail "
                          "(ex. gt:gt-5).")
    ] = "commission",
    heure: Annotated[
        str | None, typer.Option("--heure", help="Heure de Paris HH:MM : l'ordre du jour la "
                                 "donne aussi à l'heure de chaque territoire.",
                                 show_default=False)
    ] = None,
    sortie: OutputOption = None,
    public: PublicOption = False,
    identifiants: IdsOption = False,
    as_of: AsOfOption = None,
) -> None:
    """Ordre du jour de la Commission ultramarine (ou d'un groupe de travail), en Markdown.

    Participants et points permanents de la section III, suivi des décisions et des
    actions ouvertes (retards d'abord), engagements en retard ou dus avant la fin du
    trimestre, point de chaque groupe de travail, bilans et communication dus. La
    situation est celle que le registre connaît à la date --as-of (défaut : aujourd'hui).

    Exemple : convention agenda --trimestre 2026-T4 -o ordre-du-jour.md
    """
    from convention_cli.cli.documents import produce_from_options
    from convention_cli.errors import UsageError
    from convention_cli.views.documents.agenda import parse_quarter

    if date is not None and trimestre is not None:
        raise UsageError("--date et --trimestre s'excluent : la date fixe le trimestre")
    day = parse_date_option(date, "--date")
    quarter = parse_quarter(trimestre) if trimestre else None
    if day is None and quarter is None:
        raise UsageError("indiquez --date ou --trimestre")
    produce_from_options("agenda", data, sortie, as_of, public=public,
                         identifiants=identifiants, day=day, quarter=quarter,
                         instance=instance, hour=heure)
