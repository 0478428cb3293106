"""``convention passation`` and ``convention communication``."""

from __future__ import annotations

from typing import Annotated

import typer

from convention_cli.cli.options import AsOfOption, DataOption, IdsOption, OutputOption, PublicOption


def passation(
    partie: Annotated[
        str, typer.Option("--partie", help="Partie dont on prépare la passation (ex. dgom).",
                          show_default=False)
    ],
    data: DataOption = None,
    as_of: AsOfOption = None,
    sortie: OutputOption = None,
    public: PublicOption = False,
    identifiants: IdsOption = False,
) -> None:
    """Note de passation pour le nouveau référent d'une partie, en Markdown.

    Le risque que la convention nomme elle-même (section III) : la rupture des
    discussions quand un référent change de fonctions. La note donne la partie et son
    rôle, les contacts (représentant, référent, autre partie), les modalités de
    concertation, les engagements ouverts (retards d'abord), les décisions et actions
    des douze derniers mois, les échéances des 90 prochains jours, les groupes de
    travail et où tout se trouve (fichiers, commandes).

    Exemple : convention passation --partie dgom -o passation-dgom.md
    """
    from convention_cli.cli.documents import produce_from_options

    produce_from_options("passation", data, sortie, as_of, public=public,
                         identifiants=identifiants, partie=partie)


def communication(
    annee: Annotated[
        int | None, typer.Option("--annee", min=1900, max=2200, metavar="AAAA",
                                 help="Année civile couverte (défaut : celle de --as-of).",
                                 show_default=False)
    ] = None,
    data: DataOption = None,
    as_of: AsOfOption = None,
    sortie: OutputOption = None,
) -> None:
    """Document public de valorisation annuelle du partenariat (section IV), en Markdown.

    Toujours public : rien de confidentiel (section VI) ni aucune donnée personnelle.
    Le partenariat en quelques lignes, les territoires et missions locales couverts, ce
    qui a été fait dans l'année, les réunions tenues, les groupes de travail et les
    prochaines étapes. Sans --as-of, la situation est arrêtée au 31 décembre de l'année
    demandée (ou à aujourd'hui si l'année est en cours).

    Exemple : convention communication --annee 2024 -o communication-2024.md
    """
    from convention_cli.cli.documents import produce_from_options

    produce_from_options("communication", data, sortie, as_of, year=annee)
