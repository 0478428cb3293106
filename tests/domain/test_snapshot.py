"""The registry as known on a date: nothing dated after it survives."""

from __future__ import annotations

from datetime import date

import pytest

from convention_cli.checks.pipeline import validate_registry
from convention_cli.domain.snapshot import snapshot
from convention_cli.load.registry import Registry
from tests.paths import CASES, DATA

DOCUMENTS = CASES / "documents" / "data"


@pytest.fixture(scope="module")
def registry() -> Registry:
    return validate_registry(DOCUMENTS).registry


def dated_records(registry: Registry) -> list[date]:
    """Every record date of the registry (journal, proofs, measures, meetings, closings,
    avenants)."""
    days: list[date] = []
    for owner in registry.journal_owners:
        for entry in owner.journal:
            days.append(entry.date)
            days.extend(p.date for p in entry.preuves if p.date)
    for eng in registry.engagements:
        days.extend(p.date for p in eng.preuves if p.date)
        days.extend(m.date for ind in eng.indicateurs for m in ind.mesures)
    for reunion in registry.reunions:
        days.append(reunion.date)
        for action in reunion.actions:
            if action.cloture:
                days.append(action.cloture)
            days.extend(p.date for p in action.preuves if p.date)
    if registry.convention:
        days.extend(a.date_signature for a in registry.convention.avenants)
    return days


@pytest.mark.parametrize("day", [date(2023, 1, 1), date(2023, 12, 31), date(2024, 6, 10),
                                 date(2025, 4, 9), date(2030, 1, 1)])
def test_nothing_after_the_date(registry: Registry, day: date) -> None:
    cut = snapshot(registry, day)
    assert all(d <= day for d in dated_records(cut))
    assert cut.as_of == day


def test_everything_up_to_the_date_is_kept(registry: Registry) -> None:
    day = date(2024, 6, 10)
    kept = [d for d in dated_records(registry) if d <= day]
    assert sorted(dated_records(snapshot(registry, day))) == sorted(kept)


def test_later_date_keeps_the_registry_objects(registry: Registry) -> None:
    cut = snapshot(registry, date(2100, 1, 1))
    assert all(a is b for a, b in zip(cut.engagements, registry.engagements, strict=True))
    assert all(a is b for a, b in zip(cut.reunions, registry.reunions, strict=True))


def test_status_is_the_last_recorded_one(registry: Registry) -> None:
    eng = next(e for e in registry.engagements if e.id == "unml-relayer")
    assert eng.statut == "en_cours"
    assert next(e for e in snapshot(registry, date(2023, 12, 31)).engagements
                if e.id == "unml-relayer").statut == "non_renseigne"
    assert next(e for e in snapshot(registry, date(2024, 1, 15)).engagements
                if e.id == "unml-relayer").statut == "en_cours"


def test_closed_action_is_open_before_its_closing(registry: Registry) -> None:
    closed = [(r, a) for r in registry.reunions for a in r.actions if a.cloture]
    assert closed
    reunion, action = closed[0]
    assert action.cloture is not None
    day = action.cloture.fromordinal(action.cloture.toordinal() - 1)
    if reunion.date <= day:
        cut = snapshot(registry, day)
        again = next(a for r in cut.reunions for a in r.actions if a.id == action.id)
        assert again.cloture is None


def test_snapshot_is_idempotent_and_pure(registry: Registry) -> None:
    before = [e.model_dump() for e in registry.engagements]
    once = snapshot(registry, date(2024, 1, 1))
    assert snapshot(once, date(2024, 1, 1)) is once
    assert registry.as_of is None
    assert [e.model_dump() for e in registry.engagements] == before


def test_real_registry_at_signature_has_only_signature_day_records() -> None:
    real = validate_registry(DATA).registry
    cut = snapshot(real, date(2023, 7, 18))
    assert all(d <= date(2023, 7, 18) for d in dated_records(cut))
    statuses = {e.id: e.statut for e in cut.engagements}
    assert statuses["valoriser-partenariat-signature"] == "non_renseigne"  # 25 Sept. 2023
