"""``convention bilan``."""

from __future__ import annotations

from typing import Annotated

import typer

from convention_cli.cli.options import DataOption, IdsOption, OutputOption, PublicOption


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
    mi_etape: Annotated[
        bool, typer.Option("--mi-etape", help="Bilan partagé à mi-étape (section V) : la "
                           "première moitié de la période, à la date que retient le registre.")
    ] = False,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Date d'observation AAAA-MM-JJ (défaut : fin "
                                 "de l'année du bilan annuel ; 30 juin 2026, date limite du "
                                 "bilan pluriannuel ; date retenue du bilan à mi-étape).",
                                 show_default=False)
    ] = None,
    sortie: OutputOption = None,
    public: PublicOption = False,
    identifiants: IdsOption = False,
) -> None:
    """Bilan annuel (--annee), à mi-étape (--mi-etape) ou pluriannuel (--pluriannuel).

    Bilan annuel (section V, à remettre au plus tard le 30 juin de l'année suivante) :
    atteinte des objectifs selon une règle énoncée (indicateurs : cible, mesure, écart),
    engagements avec des faits de l'année (journal, preuves, mesures), les autres dans
    un seul tableau, réunions de la Commission ultramarine face à la cible trimestrielle,
    groupes de travail, territoires (projets, demandes d'évaluation, missions locales),
    retards et calendrier des échéances. Bilan pluriannuel : atteinte de chaque objectif
    selon la même règle, commissions, bilans et communication, questions que la section V
    pose aux parties (prorogation, avenant). Bilan à mi-étape : le bilan pluriannuel
    limité à la première moitié de la période (le texte le nomme sans le dater).

    Exemple : convention bilan --annee 2024 -o bilan-2024.docx
    """
    from convention_cli.cli.documents import produce_from_options
    from convention_cli.errors import UsageError

    if annee is not None and pluriannuel:
        raise UsageError("--annee et --pluriannuel s'excluent : un bilan annuel ou le bilan "
                         "pluriannuel")
    if mi_etape and (annee is not None or pluriannuel):
        raise UsageError("--mi-etape s'emploie seul : un bilan annuel, le bilan à mi-étape "
                         "ou le bilan pluriannuel")
    if annee is None and not pluriannuel and not mi_etape:
        raise UsageError("indiquez --annee AAAA (bilan annuel), --mi-etape ou --pluriannuel")
    if annee is not None:
        from convention_cli.views.documents.bilan import parse_year

        produce_from_options("bilan-annuel", data, sortie, as_of, public=public,
                             identifiants=identifiants, year=parse_year(annee))
    elif mi_etape:
        produce_from_options("bilan-mi-etape", data, sortie, as_of, public=public,
                             identifiants=identifiants)
    else:
        produce_from_options("bilan-pluriannuel", data, sortie, as_of, public=public,
                             identifiants=identifiants)
