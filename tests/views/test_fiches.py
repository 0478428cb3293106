"""Detail views (fiches): every field of an engagement, and the projects and evaluation
requests of a territory and a working group as known on a date."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from convention_cli.checks.pipeline import load_valid_registry
from convention_cli.load.registry import Registry
from convention_cli.views.blocks import Element, Section
from convention_cli.views.consultation.engagements import (
    build_engagement_fiche,
    engagement_fiche_document,
    engagement_fiche_to_json,
)
from convention_cli.views.consultation.groupes import build_group_fiche, group_fiche_document
from convention_cli.views.consultation.territoires import (
    build_territory_fiche,
    territory_fiche_document,
)
from convention_cli.views.provenance import Provenance
from convention_cli.views.site import build_site
from tests.casefolders import CASES, materialise
from tests.paths import DATA

ENGAGEMENT = "dgom-partenariats-consolides-micro-credit"
HORS_DGEFP = "dgom-appui-financement-hors-dgefp"


@pytest.mark.parametrize(("exclus", "shown"), [
    (["dgefp"], ("DGEFP (Délégation générale à l'emploi et à la formation "
                 "professionnelle)",)),
    (["dgefp", "sans-fiche"], ("DGEFP (Délégation générale à l'emploi et à la formation "
                               "professionnelle)", "sans-fiche")),
    (["arml-reunion"], ("ARML La Réunion (Association régionale des missions locales "
                        "La Réunion)",)),
])
def test_excluded_organisations_are_named_alike_on_fiche_and_site(
    exclus: list[str], shown: tuple[str, ...]
) -> None:
    """« exclus par le texte » names the organisations (the DGEFP is no party: an operator
    of the registry's table); an id that names nothing stays as it is; the site's
    engagement page shows the same names; the JSON keeps the ids."""
    registry = load_valid_registry(DATA)
    registry = dataclasses.replace(registry, engagements=[
        e.model_copy(update={"exclus": exclus}) if e.id == HORS_DGEFP else e
        for e in registry.engagements])
    fiche = build_engagement_fiche(registry, HORS_DGEFP, date(2026, 3, 1))
    assert dict(engagement_fiche_document(fiche).sections[0].champs)[
        "exclus par le texte"] == ", ".join(shown)
    assert engagement_fiche_to_json(fiche)["engagement"]["exclus"] == exclus
    site = build_site(registry, date(2026, 3, 1), public=False,
                      provenance=Provenance(date(2026, 3, 1), "test", None, "data"))
    page = next(p for p in site.pages if p.chemin == f"engagements/{HORS_DGEFP}.html")
    assert page.donnees.exclus == shown


def test_engagement_fiche_shows_every_field_it_has() -> None:
    registry = load_valid_registry(DATA)
    engagements = [e.model_copy(update={
        "participants": ["unml"], "exclus": ["arml-reunion"], "debut": date(2023, 9, 1),
        "regle": "bilan_annuel", "recurrence": "annuelle", "confidentiel": True,
        "note": "Suivi par le bureau", "sources": ["Convention, II.2"],
    }) if e.id == ENGAGEMENT else e for e in registry.engagements]
    fiche = build_engagement_fiche(dataclasses.replace(registry, engagements=engagements),
                                   ENGAGEMENT, date(2026, 3, 1))
    document = engagement_fiche_document(fiche)
    champs = dict(document.sections[0].champs)
    assert list(champs) == [
        "clause", "citation", "parties", "participants", "exclus par le texte", "opérateurs",
        "territoires", "statut", "début", "échéance", "récurrence", "règle", "confidentiel"]
    assert champs["citation"].startswith("« A ce titre, les conventions existantes ")
    assert champs["opérateurs"] == (
        "ADIE (Association pour le droit à l'initiative économique), France Active, "
        "Initiative Outre-mer")
    assert (champs["participants"], champs["exclus par le texte"]) == (
        "UNML (Union nationale des missions locales)",
        "ARML La Réunion (Association régionale des missions locales La Réunion)")
    assert champs["début"] == "1er septembre 2023"
    assert champs["échéance"] == ("30 juin 2026 (sans date dans le texte ; à constater au plus "
                                  "tard au bilan pluriannuel (30 juin 2026))")
    assert (champs["récurrence"], champs["règle"], champs["confidentiel"]) == (
        "annuelle", "bilan annuel (échéances calculées)", "oui")
    sections = {s.titre: s for s in document.sections}
    [indicateur] = sections["Indicateurs"].elements
    assert indicateur.details == ("quantitatif ; cible : 1 partenariat (période : convention)",
                                  "indicateur calculé ; aucune mesure")
    assert sections["Sources et notes"].elements == (
        Element("Convention, II.2"), Element("note : Suivi par le bureau"))


@pytest.fixture(scope="module")
def suivi(tmp_path_factory: pytest.TempPathFactory) -> Registry:
    case = CASES / "valid" / "suivi-projets-evaluations-referents-avenant"
    data: Path = materialise(case, tmp_path_factory.mktemp("suivi"))
    return load_valid_registry(data)


PROJET = Section("Projets innovants (1)", elements=(Element(
    "projet-garage : Garage solidaire",
    ("statut : relayé à la DGOM ; relayé le 10 février 2024 ; la-reunion, ml-reunion-nord",
     "fonds visé : Fonds d'innovation", "source : Courriel de l'UNML",
     "dernière entrée : 1er mars 2024 — Relayé à la DGOM")),))


def test_territory_fiche_lists_projects_and_evaluation_requests(suivi: Registry) -> None:
    document = territory_fiche_document(build_territory_fiche(suivi, "la-reunion",
                                                              date(2025, 1, 1)))
    assert document.sections[-2:] == (PROJET, Section("Demandes d'évaluation (1)", elements=(
        Element("evaluation-ml-reunion-nord-2024-04-02 : Évaluation du dispositif mobilité",
                ("statut : reçue ; reçue le 2 avril 2024 ; ml-reunion-nord",
                 "source : Courrier de la mission locale")),)))


def test_before_a_request_is_received_its_section_is_left_out(suivi: Registry) -> None:
    """On 1 March 2024 the project (10 February) is known, the request (2 April) is not;
    the project's journal entry of 1 March is."""
    document = territory_fiche_document(build_territory_fiche(suivi, "la-reunion",
                                                              date(2024, 3, 1)))
    assert [s.titre for s in document.sections][-2:] == [
        "Engagements concernés", "Projets innovants (1)"]
    assert document.sections[-1] == PROJET


def test_group_fiche_lists_its_projects(suivi: Registry) -> None:
    document = group_fiche_document(build_group_fiche(suivi, "gt-1", date(2025, 1, 1)))
    assert document.sections[-1] == PROJET
    before = group_fiche_document(build_group_fiche(suivi, "gt-1", date(2024, 2, 9)))
    assert before.sections[-1].titre == "Réunions"
