"""``convention bilan``."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from convention_cli.cli.commands.agenda import OutputOption, PublicOption
from convention_cli.cli.options import DataOption, parse_date_option, resolve_data


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
    from convention_cli.checks.pipeline import gc_paused
    from convention_cli.cli.output import write_document
    from convention_cli.errors import UsageError

    if annee is not None and pluriannuel:
        raise UsageError("--annee et --pluriannuel s'excluent : un bilan annuel ou le bilan "
                         "pluriannuel")
    if annee is None and not pluriannuel:
        raise UsageError("indiquez --annee AAAA (bilan annuel) ou --pluriannuel")
    day = parse_date_option(as_of, "--as-of")
    data_dir = resolve_data(data)
    # The view models and the document hold no cycles: on a large registry the cyclic
    # collector would only re-scan the loaded registry again and again (see gc_paused).
    with gc_paused():
        text = _render(data_dir, annee, day, public)
    write_document(text, sortie)


def _render(data_dir: Path, annee: str | None, day: date | None, public: bool) -> str:
    from convention_cli.checks.pipeline import load_valid_registry
    from convention_cli.formats.templating import render_document, template_dir_for
    from convention_cli.views.provenance import provenance

    if annee is not None:
        from convention_cli.views.documents.bilan import parse_year
        from convention_cli.views.documents.bilan_annuel import annual_as_of, build_bilan_annuel

        year = parse_year(annee)
        registry = load_valid_registry(data_dir)
        reference = day or annual_as_of(registry, year)
        origin = provenance(reference, data_dir, public=public)
        view: object = build_bilan_annuel(registry, year, as_of=reference, public=public,
                                          provenance=origin)
        template = "bilan_annuel.md.j2"
    else:
        from convention_cli.views.documents.bilan_pluriannuel import (
            build_bilan_pluriannuel,
            multi_year_as_of,
        )

        registry = load_valid_registry(data_dir)
        reference = day or multi_year_as_of(registry)
        origin = provenance(reference, data_dir, public=public)
        view = build_bilan_pluriannuel(registry, as_of=reference, public=public,
                                       provenance=origin)
        template = "bilan_pluriannuel.md.j2"
    return render_document(template, {"view": view, "public": public, "provenance": origin},
                           template_dir_for(data_dir))
