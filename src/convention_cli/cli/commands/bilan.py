"""``convention bilan``."""

from __future__ import annotations

from typing import Annotated

import typer

from convention_cli.cli.options import (
    DataOption,
    IdsOption,
    OutputOption,
    PublicOption,
    parse_date_option,
)


def bilan(
    data: DataOption = None,
    annee: Annotated[
        str | None, typer.Option("--annee", help="Année du bilan annuel AAAA (ex. 2024).",
                                 show_default=False)
    ] = None,
    pluriannuel: Annotated[
        bool, typer.Option("--pluriannuel", help="Bilan pluriannuel de toute la période : "
                           "atteinte des objectifs.")
    ] = False,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Date d'observation AAAA-MM-JJ (défaut : fin "
                                 "de l'année du bilan annuel ; 30 juin 2026, date limite du "
                                 "bilan pluriannuel).", show_default=False)
    ] = None,
    sortie: OutputOption = None,
    public: PublicOption = False,
    identifiants: IdsOption = False,
) -> None:
    """Bilan annuel (--annee) ou pluriannuel (--pluriannuel) de la convention, en Markdown.

    Bilan annuel (section V, à remettre au plus tard le 30 juin de l'année suivante) :
    période couverte, engagements par objectif avec leur statut en fin d'année, journal
    et preuves de l'année, indicateurs (cible et mesures), réunions de la Commission
    ultramarine face à la cible trimestrielle, activité des groupes de travail, reste à
    faire et calendrier Mermaid des échéances. Bilan pluriannuel : atteinte de chaque
    objectif avec ses preuves, relevé des commissions trimestrielles, bilans annuels et
    communication, questions que la section V pose aux parties (prorogation, avenant).

    Exemple : convention bilan --annee 2024 -o bilan-2024.md
    """
    from convention_cli.cli.documents import produce_document
    from convention_cli.errors import UsageError
    from convention_cli.views.documents.catalogue import DocumentRequest

    if annee is not None and pluriannuel:
        raise UsageError("--annee et --pluriannuel s'excluent : un bilan annuel ou le bilan "
                         "pluriannuel")
    if annee is None and not pluriannuel:
        raise UsageError("indiquez --annee AAAA (bilan annuel) ou --pluriannuel")
    day = parse_date_option(as_of, "--as-of")
    if annee is not None:
        from convention_cli.views.documents.bilan import parse_year

        request = DocumentRequest(year=parse_year(annee), as_of=day, public=public,
                                  identifiants=identifiants)
        produce_document("bilan-annuel", request, data, sortie)
    else:
        produce_document("bilan-pluriannuel", DocumentRequest(
            as_of=day, public=public, identifiants=identifiants), data, sortie)
