"""The cut-offs of ``snapshot`` record type by record type, at the edge dates: what is
dated after the day is not known yet, and the statuses follow."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from convention_cli.checks.pipeline import load_valid_registry
from convention_cli.domain.snapshot import snapshot
from convention_cli.load.registry import Registry
from convention_cli.models import (
    Action,
    Avenant,
    EntreeJournal,
    PersonneReferente,
    Preuve,
    Projet,
    Reunion,
)
from tests.paths import DATA

ENGAGEMENT = "dgom-partenariats-consolides-micro-credit"


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_valid_registry(DATA)


def _preuve(day: date | None, libelle: str) -> Preuve:
    return Preuve(libelle=libelle, url=f"docs/{libelle}.pdf", date=day)


def _engagement(registry: Registry, **update: object) -> Registry:
    engagements = [e.model_copy(update=update) if e.id == ENGAGEMENT else e
                   for e in registry.engagements]
    return dataclasses.replace(registry, engagements=engagements)


def _cut_engagement(registry: Registry, day: date) -> object:
    return next(e for e in snapshot(registry, day).engagements if e.id == ENGAGEMENT)


def test_a_status_resting_on_proofs_holds_while_one_is_known(registry: Registry) -> None:
    changed = _engagement(registry, statut="realise", preuves=[
        _preuve(date(2024, 5, 2), "premiere"), _preuve(date(2025, 1, 10), "seconde")])
    cut = _cut_engagement(changed, date(2025, 1, 9))
    assert ([p.libelle for p in cut.preuves], cut.statut) == (  # type: ignore[attr-defined]
        ["premiere"], "realise")
    cut = _cut_engagement(changed, date(2024, 5, 1))
    assert (cut.preuves, cut.statut) == ([], "non_renseigne")  # type: ignore[attr-defined]


def test_later_proofs_of_a_kept_entry_are_dropped(registry: Registry) -> None:
    entry = EntreeJournal(date=date(2024, 3, 1), texte="Conventions relues", preuves=[
        _preuve(date(2024, 3, 1), "compte-rendu"), _preuve(date(2024, 9, 1), "annexe"),
        _preuve(None, "note")])
    cut = _cut_engagement(_engagement(registry, journal=[entry]), date(2024, 6, 30))
    [kept] = cut.journal  # type: ignore[attr-defined]
    assert [p.libelle for p in kept.preuves] == ["compte-rendu", "note"]


def test_a_group_closed_later_is_active_and_one_not_started_is_unknown(
    registry: Registry,
) -> None:
    journal = [EntreeJournal(date=date(2024, 1, 10), texte="Constitution", statut="actif"),
               EntreeJournal(date=date(2025, 6, 1), texte="Clôture", statut="clos")]
    groupes = [g.model_copy(update={"statut": "clos", "journal": journal})
               if g.id == "gt-1" else g for g in registry.groupes_travail]
    changed = dataclasses.replace(registry, groupes_travail=groupes)
    states = {}
    for day in (date(2025, 6, 1), date(2025, 5, 31), date(2024, 1, 9)):
        groupe = next(g for g in snapshot(changed, day).groupes_travail if g.id == "gt-1")
        states[day] = (groupe.statut, len(groupe.journal))
    assert states == {date(2025, 6, 1): ("clos", 2), date(2025, 5, 31): ("actif", 1),
                      date(2024, 1, 9): ("non_renseigne", 0)}


def test_an_action_closed_later_is_open_without_its_later_proofs(registry: Registry) -> None:
    action = Action(id="commission-2024-03-12-action-1", texte="Note", responsable="unml",
                    echeance=date(2024, 5, 31), cloture=date(2024, 7, 1), preuves=[
                        _preuve(date(2024, 5, 2), "brouillon"),
                        _preuve(date(2024, 7, 1), "note")])
    reunion = Reunion(id="commission-2024-03-12", instance="commission",
                      date=date(2024, 3, 12), source="Compte rendu", actions=[action])
    changed = dataclasses.replace(registry, reunions=[reunion])
    [cut] = snapshot(changed, date(2024, 6, 30)).reunions[0].actions
    assert (cut.cloture, [p.libelle for p in cut.preuves]) == (None, ["brouillon"])
    assert snapshot(changed, date(2024, 7, 1)).reunions[0].actions == [action]
    assert snapshot(changed, date(2024, 3, 11)).reunions == []


def test_a_project_as_known_on_a_day(registry: Registry) -> None:
    projet = Projet(id="projet-garage", titre="Garage", territoire="guyane",
                    date=date(2024, 2, 10), source="Courriel", journal=[
                        EntreeJournal(date=date(2024, 3, 1), texte="Relayé", statut="relaye"),
                        EntreeJournal(date=date(2024, 6, 1), texte="Retenu",
                                      statut="retenu")], statut="retenu")
    changed = dataclasses.replace(registry, projets=[projet])
    states = {day: [(p.statut, len(p.journal)) for p in snapshot(changed, day).projets]
              for day in (date(2024, 6, 1), date(2024, 5, 31), date(2024, 2, 10),
                          date(2024, 2, 9))}
    assert states == {date(2024, 6, 1): [("retenu", 2)], date(2024, 5, 31): [("relaye", 1)],
                      date(2024, 2, 10): [("repere", 0)], date(2024, 2, 9): []}


def test_referents_and_avenants_are_known_from_their_date(registry: Registry) -> None:
    people = [PersonneReferente(nom="Camille Martin", depuis=date(2023, 7, 18), source="s"),
              PersonneReferente(nom="Alex Durand", depuis=date(2025, 9, 1), source="s")]
    parties = [p.model_copy(update={"referent": p.referent.model_copy(
        update={"personnes": people})}) if p.id == "unml" and p.referent else p
        for p in registry.parties]
    assert registry.convention is not None
    convention = registry.convention.model_copy(update={"avenants": [Avenant(
        id="avenant-1", date_signature=date(2026, 6, 15), objet="Prorogation",
        source="Avenant", prorogation_jusqu_au=date(2027, 7, 17))]})
    changed = dataclasses.replace(registry, parties=parties, convention=convention)
    cut = snapshot(changed, date(2025, 8, 31))
    [unml] = [p for p in cut.parties if p.id == "unml"]
    assert unml.referent is not None
    assert [p.nom for p in unml.referent.personnes] == ["Camille Martin"]
    assert cut.convention is not None
    assert cut.convention.avenants == []
    assert cut.date_fin == date(2026, 7, 17)
    assert snapshot(changed, date(2026, 6, 15)).date_fin == date(2027, 7, 17)


def test_a_registry_without_convention(registry: Registry) -> None:
    assert snapshot(dataclasses.replace(registry, convention=None),
                    date(2024, 1, 1)).convention is None


def test_a_name_taken_later_is_not_known_yet(registry: Registry) -> None:
    """``arml-reunion`` is also « ARML Océan Indien » since December 2023 (in words)."""
    def alias(as_of: date) -> list[str]:
        partie = next(p for p in snapshot(registry, as_of).parties if p.id == "arml-reunion")
        return [a.nom for a in partie.alias]

    assert alias(date(2023, 7, 17)) == []
    assert alias(date(2023, 11, 30)) == []
    assert alias(date(2023, 12, 1)) == ["ARML Océan Indien"]
    undated = dataclasses.replace(registry, parties=[
        p.model_copy(update={"alias": [a.model_copy(update={"depuis": "fin d'année"})
                                       for a in p.alias]}) for p in registry.parties])
    kept = next(p for p in snapshot(undated, date(2023, 7, 17)).parties
                if p.id == "arml-reunion")
    assert [a.nom for a in kept.alias] == ["ARML Océan Indien"]  # free text: not guessed
