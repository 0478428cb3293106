"""Edit commands of the follow-up records: ``mesure add``, ``referent set``, ``avenant add``,
``projet add``, ``evaluation add`` (each one operation of ``edit.records``, run in the
same locked, re-validated transaction as the other edits)."""

from __future__ import annotations

from typing import Annotated

import typer

from convention_cli.cli.edition import ConfidentielOption, DryRunOption, required_date, run_edit
from convention_cli.cli.french import FrenchCommand, FrenchGroup
from convention_cli.cli.options import DataOption, parse_date_option

mesure_app = typer.Typer(help="Mesures datées des indicateurs.", cls=FrenchGroup,
                         no_args_is_help=True)
referent_app = typer.Typer(help="Référents des parties (section III), avec leur historique.",
                           cls=FrenchGroup, no_args_is_help=True)
avenant_app = typer.Typer(help="Avenants à la convention (section V), dont la prorogation.",
                          cls=FrenchGroup, no_args_is_help=True)
projet_app = typer.Typer(help="Projets innovants relayés par l'UNML (II ; thème 3 de "
                         "l'annexe).", cls=FrenchGroup, no_args_is_help=True)
evaluation_app = typer.Typer(help="Demandes d'évaluation examinées par la DGOM (II.3.1).",
                             cls=FrenchGroup, no_args_is_help=True)

SourceOption = Annotated[str, typer.Option("--source", help="D'où vient l'information "
                                           "(document, courriel, compte rendu…).")]


@mesure_app.command("add", cls=FrenchCommand)
def mesure_add(
    indicateur_id: Annotated[str, typer.Argument(metavar="INDICATEUR_ID",
                                                 help="Identifiant de l'indicateur.")],
    valeur: Annotated[str, typer.Option("--valeur", help="La valeur mesurée (ex. 4 ou 3,5).")],
    date: Annotated[str, typer.Option("--date", help="Date de la mesure AAAA-MM-JJ.")],
    source: SourceOption,
    commentaire: Annotated[str | None, typer.Option("--commentaire", help="Précision sur la "
                           "mesure.", show_default=False)] = None,
    confidentiel: ConfidentielOption = False,
    data: DataOption = None,
    dry_run: DryRunOption = False,
) -> None:
    """Enregistre une mesure datée d'un indicateur.

    Les indicateurs que le registre permet de compter (réunions de la commission, bilans
    remis, communications publiques) sont calculés : ils ne se saisissent pas.

    Exemple : convention mesure add ind-referents-designes --valeur 2 --date 2025-03-31
    --source "Compte rendu de la commission"
    """
    from convention_cli.edit.records import add_mesure, parse_number

    number = parse_number(valeur)
    day = required_date(date)
    run_edit(data, dry_run, lambda tx: add_mesure(
        tx, indicateur_id, valeur=number, day=day, source=source, commentaire=commentaire,
        confidentiel=confidentiel))


@referent_app.command("set", cls=FrenchCommand)
def referent_set(
    partie: Annotated[str, typer.Argument(metavar="PARTIE", help="Partie (dgom ou unml).")],
    depuis: Annotated[str, typer.Option("--depuis", help="Date de prise de fonction "
                                        "AAAA-MM-JJ.")],
    source: SourceOption,
    nom: Annotated[str | None, typer.Option("--nom", help="Nom du ou de la référente.",
                                            show_default=False)] = None,
    fonction: Annotated[str | None, typer.Option("--fonction", help="Fonction.",
                                                 show_default=False)] = None,
    contact: Annotated[str | None, typer.Option("--contact", help="Adresse ou téléphone.",
                                                show_default=False)] = None,
    adresse_generique: Annotated[str | None, typer.Option(
        "--adresse-generique", help="Adresse générique mise à disposition (section III).",
        show_default=False)] = None,
    data: DataOption = None,
    dry_run: DryRunOption = False,
) -> None:
    """Désigne le référent d'une partie à partir d'une date ; l'historique est conservé.

    passation, status et les documents retiennent le référent en fonction à la date
    d'observation (--as-of).

    Exemple : convention referent set dgom --nom "Camille Martin" --fonction "Cheffe de
    bureau" --depuis 2025-09-01 --source "Courriel de la DGOM du 28 août 2025"
    """
    from convention_cli.edit.records import set_referent

    day = required_date(depuis, "--depuis")
    run_edit(data, dry_run, lambda tx: set_referent(
        tx, partie, nom=nom, depuis=day, source=source, fonction=fonction, contact=contact,
        adresse_generique=adresse_generique))


@avenant_app.command("add", cls=FrenchCommand)
def avenant_add(
    date: Annotated[str, typer.Option("--date", help="Date de signature AAAA-MM-JJ.")],
    objet: Annotated[str, typer.Option("--objet", help="Objet de l'avenant.")],
    source: SourceOption,
    prorogation: Annotated[str | None, typer.Option(
        "--prorogation-jusqu-au", help="Nouveau dernier jour en vigueur AAAA-MM-JJ : "
        "l'échéancier (commissions, bilans, communications) suit.", show_default=False)]
    = None,
    data: DataOption = None,
    dry_run: DryRunOption = False,
) -> None:
    """Enregistre un avenant signé (section V), par exemple une prorogation.

    Exemple : convention avenant add --date 2026-06-15 --objet "Prorogation d'un an"
    --prorogation-jusqu-au 2027-07-17 --source "Avenant n° 1 signé"
    """
    from convention_cli.edit.records import add_avenant

    day = required_date(date)
    until = parse_date_option(prorogation, "--prorogation-jusqu-au")
    run_edit(data, dry_run, lambda tx: add_avenant(tx, day=day, objet=objet, source=source,
                                                   prorogation=until))


@projet_app.command("add", cls=FrenchCommand)
def projet_add(
    titre: Annotated[str, typer.Option("--titre", help="Titre du projet.")],
    territoire: Annotated[str, typer.Option("--territoire", help="Territoire (ex. mayotte).")],
    date: Annotated[str, typer.Option("--date", help="Date où le projet est relayé "
                                      "AAAA-MM-JJ.")],
    source: SourceOption,
    mission_locale: Annotated[str | None, typer.Option(
        "--mission-locale", help="Mission locale porteuse (ex. ml-mayotte).",
        show_default=False)] = None,
    fonds: Annotated[str | None, typer.Option("--fonds", help="Fonds d'innovation visé.",
                                              show_default=False)] = None,
    confidentiel: ConfidentielOption = False,
    data: DataOption = None,
    dry_run: DryRunOption = False,
) -> None:
    """Enregistre un projet innovant relayé par l'UNML (II), rattaché au groupe de travail
    du thème 3 ; son statut avance par convention journal add ID --statut.

    Exemple : convention projet add --titre "Garage solidaire" --territoire guyane
    --mission-locale ml-guyane-ouest --date 2025-02-10 --source "Courriel de l'UNML"
    """
    from convention_cli.edit.records import add_projet

    day = required_date(date)
    run_edit(data, dry_run, lambda tx: add_projet(
        tx, titre=titre, territoire=territoire, day=day, source=source,
        mission_locale=mission_locale, fonds=fonds, confidentiel=confidentiel))


@evaluation_app.command("add", cls=FrenchCommand)
def evaluation_add(
    objet: Annotated[str, typer.Option("--objet", help="Objet de la demande.")],
    mission_locale: Annotated[str, typer.Option("--mission-locale", help="Mission locale "
                                                "demandeuse (ex. ml-mayotte).")],
    date: Annotated[str, typer.Option("--date", help="Date de la demande AAAA-MM-JJ.")],
    source: SourceOption,
    confidentiel: ConfidentielOption = False,
    data: DataOption = None,
    dry_run: DryRunOption = False,
) -> None:
    """Enregistre une demande d'évaluation que la DGOM examine (II.3.1) ; son statut
    avance par convention journal add ID --statut.

    Exemple : convention evaluation add --objet "Évaluation du dispositif mobilité"
    --mission-locale ml-mayotte --date 2025-04-02 --source "Courrier de la mission locale"
    """
    from convention_cli.edit.records import add_evaluation

    day = required_date(date)
    run_edit(data, dry_run, lambda tx: add_evaluation(
        tx, objet=objet, mission_locale=mission_locale, day=day, source=source,
        confidentiel=confidentiel))
