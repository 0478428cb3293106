"""Computed indicators agree with the échéancier: a computed measure counts the échéances
of its rule honoured in the period, each once, in the period it belongs to."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from convention_cli.checks.pipeline import load_valid_registry
from convention_cli.domain.echeances import Etat, compute_echeances
from convention_cli.domain.indicators import indicator_measures
from convention_cli.load.registry import Registry
from convention_cli.models import EntreeJournal
from tests.paths import DATA

COMMUNICATION = "valoriser-partenariat-annuellement"
COMMISSION = "commission-ultramarine-trimestrielle"


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_valid_registry(DATA)


def _with_entry(registry: Registry, engagement: str, entry: EntreeJournal) -> Registry:
    engagements = [e.model_copy(update={"journal": [*e.journal, entry]}) if e.id == engagement
                   else e for e in registry.engagements]
    return dataclasses.replace(registry, engagements=engagements)


def _measures(registry: Registry, engagement: str, as_of: date) -> list[tuple[date, float]]:
    eng = next(e for e in registry.engagements if e.id == engagement)
    return [(m.date, m.valeur) for m in indicator_measures(registry, eng, eng.indicateurs[0],
                                                           as_of)]


def _state(registry: Registry, ident: str, as_of: date) -> Etat:
    return next(e.etat for e in compute_echeances(registry, as_of) if e.id == ident)


def test_an_entry_honouring_nothing_counts_for_nothing(registry: Registry) -> None:
    changed = _with_entry(registry, COMMUNICATION, EntreeJournal(
        date=date(2024, 7, 10), texte="Article sur le partenariat", source="site"))
    as_of = date(2024, 8, 1)
    assert _state(changed, "communication-2023-2024", as_of) is Etat.EN_RETARD
    assert _measures(changed, COMMUNICATION, as_of) == [(date(2024, 7, 17), 0)]


def test_a_late_communication_counts_once_for_its_own_year(registry: Registry) -> None:
    changed = _with_entry(registry, COMMUNICATION, EntreeJournal(
        date=date(2024, 9, 15), texte="Rencontre publique", source="site",
        echeance="communication-2023-2024"))
    as_of = date(2025, 8, 1)
    assert _state(changed, "communication-2023-2024", as_of) is Etat.HONOREE
    assert _state(changed, "communication-2024-2025", as_of) is Etat.EN_RETARD
    assert _measures(changed, COMMUNICATION, as_of)[:2] == [
        (date(2024, 7, 17), 1), (date(2025, 7, 17), 0)]
    # While the year is under way, the honoured year is measured on the day it was.
    assert _measures(changed, COMMUNICATION, date(2024, 7, 1)) == []


def test_a_quarter_honoured_by_the_journal_counts_as_held(registry: Registry) -> None:
    changed = _with_entry(registry, COMMISSION, EntreeJournal(
        date=date(2023, 9, 20), texte="Commission tenue", source="compte rendu",
        echeance="commission-2023-t3"))
    assert _state(changed, "commission-2023-t3", date(2024, 1, 1)) is Etat.HONOREE
    assert _measures(changed, COMMISSION, date(2024, 1, 1)) == [(date(2023, 12, 31), 1)]
    assert _measures(changed, COMMISSION, date(2023, 10, 1)) == [(date(2023, 9, 20), 1)]
