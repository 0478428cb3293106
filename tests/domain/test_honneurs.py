"""What honours an échéance, and where the échéancier says it comes from: the fallbacks
of a « réalisé » engagement, and journal entries of groups, projects and evaluation
requests that name an échéance."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from convention_cli.checks.pipeline import load_valid_registry
from convention_cli.domain.echeances import Echeance, Etat, Honneur, compute_echeances
from convention_cli.load.registry import Registry
from convention_cli.models import DemandeEvaluation, EntreeJournal, Preuve, Projet
from tests.paths import DATA

AS_OF = date(2026, 3, 1)
ENGAGEMENT = "dgom-partenariats-consolides-micro-credit"  # dgom, due 30 June 2026


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_valid_registry(DATA)


def _echeance(registry: Registry, ident: str, as_of: date = AS_OF) -> Echeance:
    return next(e for e in compute_echeances(registry, as_of) if e.id == ident)


def _with_engagement(registry: Registry, **update: object) -> Registry:
    engagements = [e.model_copy(update=update) if e.id == ENGAGEMENT else e
                   for e in registry.engagements]
    return dataclasses.replace(registry, engagements=engagements)


def test_realised_without_a_realising_entry_is_honoured_by_the_last_entry(
    registry: Registry,
) -> None:
    journal = [EntreeJournal(date=date(2025, 3, 4), texte="Conventions relues"),
               EntreeJournal(date=date(2025, 11, 20), texte="Deux partenariats signés")]
    changed = _with_engagement(registry, statut="realise", journal=journal)
    echeance = _echeance(changed, ENGAGEMENT)
    assert echeance.etat is Etat.HONOREE
    assert echeance.honneur == Honneur(date(2025, 11, 20), "Deux partenariats signés",
                                       f"engagement {ENGAGEMENT}, journal")


def test_realised_on_proofs_only_is_honoured_by_the_first_dated_proof(
    registry: Registry,
) -> None:
    preuves = [Preuve(libelle="Compte rendu", url="docs/cr.pdf"),
               Preuve(libelle="Convention signée", url="docs/signee.pdf",
                      date=date(2025, 10, 2), confidentiel=True)]
    changed = _with_engagement(registry, statut="realise", preuves=preuves)
    echeance = _echeance(changed, ENGAGEMENT)
    assert echeance.etat is Etat.HONOREE
    assert echeance.honneur == Honneur(date(2025, 10, 2), "Convention signée",
                                       f"engagement {ENGAGEMENT}, preuves", True)


def test_realised_with_undated_proofs_only_is_not_honoured(registry: Registry) -> None:
    """Nothing dates the realisation: the échéance keeps its own state."""
    changed = _with_engagement(registry, statut="realise",
                               preuves=[Preuve(libelle="Compte rendu", url="docs/cr.pdf")])
    echeance = _echeance(changed, ENGAGEMENT)
    assert echeance.honneur is None
    assert echeance.etat is Etat.A_VENIR


def _entry(texte: str) -> EntreeJournal:
    return EntreeJournal(date=date(2024, 3, 20), texte=texte, echeance="commission-2024-t1")


@pytest.mark.parametrize(("kind", "origin"), [
    ("groupe", "groupe de travail gt-1, journal"),
    ("projet", "projet projet-garage, journal"),
    ("evaluation", "demande d'évaluation evaluation-ml-nord, journal"),
])
def test_an_entry_naming_an_echeance_says_whose_journal_it_is(
    registry: Registry, kind: str, origin: str,
) -> None:
    entry = _entry(f"Commission tenue ({kind})")
    if kind == "groupe":
        groupes = [g.model_copy(update={"journal": [entry]}) if g.id == "gt-1" else g
                   for g in registry.groupes_travail]
        changed = dataclasses.replace(registry, groupes_travail=groupes)
    elif kind == "projet":
        changed = dataclasses.replace(registry, projets=[Projet(
            id="projet-garage", titre="Garage solidaire", territoire="la-reunion",
            date=date(2024, 2, 10), source="Courriel", journal=[entry])])
    else:
        changed = dataclasses.replace(registry, evaluations=[DemandeEvaluation(
            id="evaluation-ml-nord", objet="Mobilité", mission_locale="ml-reunion-nord",
            date=date(2024, 2, 10), source="Courrier", journal=[entry])])
    echeance = _echeance(changed, "commission-2024-t1")
    assert echeance.etat is Etat.HONOREE
    assert echeance.honneur == Honneur(date(2024, 3, 20), f"Commission tenue ({kind})",
                                       origin)


def test_no_convention_no_echeance(registry: Registry) -> None:
    assert compute_echeances(dataclasses.replace(registry, convention=None), AS_OF) == []
