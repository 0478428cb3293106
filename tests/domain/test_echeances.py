"""The échéancier, from the agreement's own dates."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convention_cli.checks.pipeline import validate_registry
from convention_cli.domain.calendar import iter_quarters, quarter_bounds
from convention_cli.domain.echeances import Etat, compute_echeances
from convention_cli.load.registry import Registry
from tests.paths import DATA


@pytest.fixture(scope="module")
def registry() -> Registry:
    return validate_registry(DATA).registry


def by_id(registry: Registry, as_of: date) -> dict[str, tuple[date, Etat]]:
    return {e.id: (e.date, e.etat) for e in compute_echeances(registry, as_of)}


@pytest.mark.parametrize(
    ("ident", "due"),
    [
        ("dgom-participer-accord-cadre-ladom", date(2023, 6, 30)),  # II.1
        ("bilan-annuel-2023", date(2024, 6, 30)),  # V: 30 June n+1
        ("bilan-annuel-2024", date(2025, 6, 30)),
        ("bilan-annuel-2025", date(2026, 6, 30)),
        ("bilan-annuel-2026", date(2027, 6, 30)),
        ("bilan-pluriannuel", date(2026, 6, 30)),  # V
        ("commission-2023-t3", date(2023, 9, 30)),  # III: once a quarter
        ("commission-2026-t2", date(2026, 6, 30)),
        ("communication-2023-2024", date(2024, 7, 17)),  # IV: at least once a year
        ("communication-2025-2026", date(2026, 7, 17)),
        ("fin-convention", date(2026, 7, 17)),  # V: 3 years from 18 July 2023
        ("decision-prorogation", date(2026, 7, 17)),
    ],
)
def test_dates_from_the_agreement(registry: Registry, ident: str, due: date) -> None:
    assert by_id(registry, date(2026, 8, 1))[ident][0] == due


@pytest.mark.parametrize(
    ("as_of", "ident", "etat"),
    [
        (date(2024, 7, 1), "bilan-annuel-2023", Etat.EN_RETARD),
        (date(2024, 6, 30), "bilan-annuel-2023", Etat.PROCHE),
        (date(2024, 5, 31), "bilan-annuel-2023", Etat.PROCHE),
        (date(2024, 5, 30), "bilan-annuel-2023", Etat.A_VENIR),
        # d'ici le 30 juin 2023 (II.1): set before the signature of 18 July 2023
        (date(2023, 7, 18), "dgom-participer-accord-cadre-ladom", Etat.ECHUE_AVANT_SIGNATURE),
        (date(2025, 7, 18), "dgom-participer-accord-cadre-ladom", Etat.ECHUE_AVANT_SIGNATURE),
        (date(2023, 7, 18), "valoriser-partenariat-signature", Etat.PROCHE),
        (date(2023, 9, 25), "valoriser-partenariat-signature", Etat.EN_RETARD),
        (date(2026, 7, 17), "fin-convention", Etat.PROCHE),
        (date(2026, 11, 26), "fin-convention", Etat.SANS_OBJET),
        # « pourra être prorogée » (V): an option, to decide until the term, never late
        (date(2024, 1, 1), "decision-prorogation", Etat.A_DECIDER),
        (date(2026, 7, 17), "decision-prorogation", Etat.A_DECIDER),
        (date(2026, 11, 26), "decision-prorogation", Etat.SANS_OBJET),
        (date(2026, 11, 26), "commission-2026-t3", Etat.SANS_OBJET),
        (date(2026, 11, 26), "bilan-annuel-2026", Etat.A_VENIR),
    ],
)
def test_states(registry: Registry, as_of: date, ident: str, etat: Etat) -> None:
    assert by_id(registry, as_of)[ident][1] is etat


def test_horizon_is_configurable(registry: Registry) -> None:
    states = {e.id: e.etat for e in compute_echeances(registry, date(2024, 4, 1), 100)}
    assert states["bilan-annuel-2023"] is Etat.PROCHE


def test_commission_quarters_cover_the_whole_period(registry: Registry) -> None:
    ids = [e.id for e in compute_echeances(registry, date(2026, 7, 1))
           if e.id.startswith("commission-")]
    assert ids[0] == "commission-2023-t3"
    assert ids[-1] == "commission-2026-t3"
    assert len(ids) == 13


@pytest.mark.parametrize(("as_of", "listed"), [
    (date(2023, 7, 18), False), (date(2025, 12, 31), False), (date(2026, 1, 1), True)])
def test_occurrences_after_the_term_are_listed_once_relevant(
    registry: Registry, as_of: date, listed: bool
) -> None:
    """The 2026 annual bilan (due 30 June 2027) is listed from 2026 on; the third quarter
    of 2026 (17 days in force, asks no meeting) only from that quarter on."""
    ids = {e.id for e in compute_echeances(registry, as_of)}
    assert ("bilan-annuel-2026" in ids) is listed
    assert "commission-2026-t3" not in ids


def test_quarter_helpers() -> None:
    assert quarter_bounds(2024, 1) == (date(2024, 1, 1), date(2024, 3, 31))
    assert quarter_bounds(2024, 4) == (date(2024, 10, 1), date(2024, 12, 31))
    assert list(iter_quarters(date(2023, 12, 31), date(2024, 1, 1))) == [(2023, 4), (2024, 1)]


def test_meeting_honours_its_quarter_and_action_closing_honours_action(
    tmp_path: Path,
) -> None:
    from tests.casefolders import CASES, materialise

    data = materialise(CASES / "valid" / "reunions-sourcees", tmp_path)
    registry = validate_registry(data).registry
    states = {e.id: e for e in compute_echeances(registry, date(2024, 12, 1))}
    assert states["commission-2024-t1"].etat is Etat.HONOREE
    assert states["commission-2024-t1"].reunion == "commission-2024-t1"
    assert states["commission-2024-t2"].etat is Etat.EN_RETARD
    action = states["action-note-logement"]
    assert (action.etat, action.parties, action.date) == (
        Etat.HONOREE, ("unml",), date(2024, 6, 1))


def test_journal_link_honours_a_rule_echeance(tmp_path: Path) -> None:
    from tests.casefolders import CASES, materialise

    data = materialise(CASES / "valid" / "journal-honore-une-echeance", tmp_path)
    registry = validate_registry(data).registry
    states = {e.id: e for e in compute_echeances(registry, date(2024, 12, 1))}
    honoured = states["commission-2023-t4"]
    assert honoured.etat is Etat.HONOREE
    assert honoured.honneur is not None
    assert honoured.honneur.date == date(2024, 1, 15)
    # Before the honouring entry was written, the échéance was late.
    late = {e.id: e.etat for e in compute_echeances(registry, date(2024, 1, 14))}
    assert late["commission-2023-t4"] is Etat.EN_RETARD


_DAYS = st.integers(min_value=-400, max_value=2000).map(
    lambda n: date(2023, 7, 18) + timedelta(days=n))


@settings(max_examples=60, deadline=None)
@given(_DAYS, st.integers(min_value=0, max_value=800))
def test_a_later_day_never_unhonours(as_of: date, later_by: int) -> None:
    registry = validate_registry(DATA).registry
    before = {e.id: e.etat for e in compute_echeances(registry, as_of)}
    after = {e.id: e.etat for e in compute_echeances(registry, as_of + timedelta(later_by))}
    for ident, etat in before.items():
        if etat is Etat.HONOREE:
            assert after[ident] is Etat.HONOREE, ident
        if etat is Etat.EN_RETARD:
            assert after[ident] in (Etat.EN_RETARD, Etat.HONOREE), ident


@settings(max_examples=30, deadline=None)
@given(_DAYS)
def test_nothing_before_signature_but_what_the_text_dates(as_of: date) -> None:
    registry = validate_registry(DATA).registry
    early = {e.id for e in compute_echeances(registry, as_of) if e.date < date(2023, 7, 18)}
    # « d'ici le 30 juin 2023 » (II.1); « dès le premier semestre 2023 » (II.2) is a start.
    assert early == {"dgom-participer-accord-cadre-ladom"}


def test_confidential_items_make_confidential_echeances() -> None:
    from tests.views.documents.support import FIXTURE

    registry = validate_registry(FIXTURE).registry
    flags = {e.id: e.confidentiel for e in compute_echeances(registry, date(2024, 6, 1))}
    assert flags["dgom-financement-secret"] is True
    assert flags["action-secrete"] is True
    assert flags["dgom-ladom"] is False
    assert flags["action-note-logement"] is False
