"""The state of an échéance for a party (``Echeance.etat_pour``), one rule read by every
list « for a party »: the UNML's share of a joint deadline honoured, the DGOM still late,
the deadline is no longer late for the UNML in ``echeances``, ``engagements``, ``status``
and the passation note."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from convention_cli.checks.pipeline import load_valid_registry
from convention_cli.domain.echeances import Etat, compute_echeances
from convention_cli.domain.queries import Filtres
from convention_cli.load.registry import Registry
from convention_cli.models import EntreeJournal
from convention_cli.views.consultation.engagements import build_engagement_list
from convention_cli.views.documents.passation import build_passation
from convention_cli.views.echeances import FiltresEcheances, filter_echeances
from convention_cli.views.provenance import Provenance
from convention_cli.views.status import build_status
from tests.paths import DATA
from tests.views.documents.support import FIXTURE

AS_OF = date(2024, 1, 1)
JOINT = "valoriser-partenariat-signature"  # unml and dgom, due 18 July 2023


@pytest.fixture(scope="module")
def registry() -> Registry:
    """The UNML honours its share on 20 July 2023; the DGOM does not."""
    base = load_valid_registry(DATA)
    entry = EntreeJournal(date=date(2023, 7, 20), texte="Communiqué de l'UNML",
                          source="site de l'UNML", parties=["unml"], echeance=JOINT)
    engagements = [e.model_copy(update={"journal": [*e.journal, entry]}) if e.id == JOINT
                   else e for e in base.engagements]
    return dataclasses.replace(base, engagements=engagements)


def test_the_state_for_a_party_is_its_share(registry: Registry) -> None:
    echeance = next(e for e in compute_echeances(registry, AS_OF) if e.id == JOINT)
    assert echeance.etat is Etat.EN_RETARD
    assert echeance.etat_pour("unml") is Etat.HONOREE
    assert echeance.etat_pour("dgom") is Etat.EN_RETARD
    assert echeance.etat_pour(None) is Etat.EN_RETARD
    assert echeance.etat_pour("arml-reunion") is None


def test_echeances_filter_reads_the_party_state(registry: Registry) -> None:
    echeances = compute_echeances(registry, AS_OF)

    def ids(partie: str, etat: Etat) -> set[str]:
        return {e.id for e in filter_echeances(
            echeances, FiltresEcheances(partie=partie, etat=etat))}

    assert JOINT not in ids("unml", Etat.EN_RETARD)
    assert JOINT in ids("unml", Etat.HONOREE)
    assert JOINT in ids("dgom", Etat.EN_RETARD)


def test_engagements_filter_reads_the_party_state(registry: Registry) -> None:
    def ids(partie: str) -> set[str]:
        view = build_engagement_list(registry, AS_OF, Filtres(partie=partie, statut="en_retard"))
        return {line.id for line in view.lignes}

    assert JOINT not in ids("unml")
    assert JOINT in ids("dgom")
    unml = build_engagement_list(registry, AS_OF, Filtres(partie="unml"))
    assert next(line for line in unml.lignes if line.id == JOINT).retards == ()


def test_status_and_passation_agree(registry: Registry) -> None:
    status = build_status(registry, AS_OF, Filtres(partie="unml"))
    assert JOINT not in {e.id for e in status.en_retard}
    note = build_passation(registry, "unml", as_of=AS_OF, public=False,
                           provenance=Provenance(AS_OF, "test", None, "data"))
    assert JOINT not in {row.id for row in note.echeances}
    assert next(row for row in note.engagements if row.id == JOINT).retards == 0
    dgom = build_passation(registry, "dgom", as_of=AS_OF, public=False,
                           provenance=Provenance(AS_OF, "test", None, "data"))
    assert JOINT in {row.id for row in dgom.echeances}


def test_an_occurrence_honoured_as_a_whole_is_honoured_for_each_party() -> None:
    fixture = load_valid_registry(FIXTURE)
    held = next(e for e in compute_echeances(fixture, date(2024, 6, 10))
                if e.id == "commission-2024-t1")
    assert held.etat is Etat.HONOREE
    assert {held.etat_pour(p) for p in held.porteurs} == {Etat.HONOREE}
