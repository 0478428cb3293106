"""``convention passation`` and ``convention communication``."""

from __future__ import annotations

from typing import Annotated

import typer

from convention_cli.cli.commands.agenda import OutputOption, PublicOption
from convention_cli.cli.options import AsOfOption, DataOption, resolve_as_of, resolve_data


def passation(
    partie: Annotated[
        str, typer.Option("--partie", help="Partie dont on prépare la passation (ex. dgom).",
                          show_default=False)
    ],
    data: DataOption = None,
    as_of: AsOfOption = None,
    sortie: OutputOption = None,
    public: PublicOption = False,
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
    from convention_cli.checks.pipeline import load_valid_registry
    from convention_cli.cli.output import write_document
    from convention_cli.formats.templating import render_document, template_dir_for
    from convention_cli.views.documents.passation import build_passation
    from convention_cli.views.provenance import provenance

    data_dir = resolve_data(data)
    day = resolve_as_of(as_of)
    registry = load_valid_registry(data_dir)
    origin = provenance(day, data_dir, public=public)
    view = build_passation(registry, partie, as_of=day, public=public, provenance=origin)
    text = render_document("passation.md.j2", {"view": view, "public": public,
                                               "provenance": origin},
                           template_dir_for(data_dir))
    write_document(text, sortie)


def communication(
    annee: Annotated[
        int | None, typer.Option("--annee", min=1900, max=9999, metavar="AAAA",
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
    from datetime import date

    from convention_cli.checks.pipeline import load_valid_registry
    from convention_cli.cli.output import write_document
    from convention_cli.formats.templating import render_document, template_dir_for
    from convention_cli.views.documents.communication import build_communication
    from convention_cli.views.provenance import provenance

    data_dir = resolve_data(data)
    day = resolve_as_of(as_of)
    if annee is not None and as_of is None:
        day = min(day, date(annee, 12, 31))
    registry = load_valid_registry(data_dir)
    origin = provenance(day, data_dir, public=True)
    view = build_communication(registry, annee or day.year, as_of=day, provenance=origin)
    text = render_document("communication.md.j2", {"view": view, "public": True,
                                                   "provenance": origin},
                           template_dir_for(data_dir))
    write_document(text, sortie)
