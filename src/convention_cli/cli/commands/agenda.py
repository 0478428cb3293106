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
    lieu: Annotated[
        str | None, typer.Option("--lieu", help="Lieu de la réunion, ou lien de "
                                 "visioconférence (https://…). Défaut : le lieu de la réunion "
                                 "enregistrée à cette date, s'il y en a une.",
                                 show_default=False)
    ] = None,
    horaire: Annotated[
        list[str] | None, typer.Option("--horaire", help="Heure d'un point, N=HH:MM (N : "
                                       "numéro du point ; répétable), ex. --horaire 3=14:30.",
                                       show_default=False)
    ] = None,
    intervenant: Annotated[
        list[str] | None, typer.Option("--intervenant", help="Qui présente un point, N=NOM "
                                       "(répétable), ex. --intervenant \"3=Référent DGOM\" ; "
                                       "omis dans la version publique.",
                                       show_default=False)
    ] = None,
    sortie: OutputOption = None,
    public: PublicOption = False,
    identifiants: IdsOption = False,
    as_of: AsOfOption = None,
) -> None:
    """Ordre du jour de la Commission ultramarine (ou d'un groupe de travail), en Markdown.

    Titre au nom de la convention, lieu ou lien de visioconférence, référents en
    fonction, participants et points permanents de la section III ; suivi des décisions
    et des actions ouvertes (retards d'abord) ; « Depuis la dernière commission » (journal,
    statuts modifiés, actions closes, mesures, échéances passées en retard) ; engagements
    en retard ou dus avant la fin du trimestre ; point de chaque groupe de travail ; bilans
    et communication dus, puis les prochains livrables quelle que soit leur échéance. La
    situation est celle que le registre connaît à la date --as-of (défaut : aujourd'hui) :
    rien de postérieur n'y figure.

    Exemple : convention agenda --date 2026-03-12 --heure 14:00 --lieu
    https://visio.example.org/commission --horaire 1=14:00 --intervenant 1=UNML
    -o ordre-du-jour.docx
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
                         instance=instance, hour=heure, lieu=lieu,
                         horaires=tuple(horaire or ()), intervenants=tuple(intervenant or ()))
