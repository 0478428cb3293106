"""Evidence rules on the shipped registry, each broken once on purpose."""

from __future__ import annotations

from datetime import date

import pytest

from convention_cli.checks.pipeline import validate_registry
from convention_cli.checks.preuves import (
    excluded_not_linked,
    qualified_numbers,
    relations_sourced,
    signature_time_evidence,
    status_evidence,
)
from convention_cli.load.registry import Registry
from convention_cli.models import EntreeJournal
from tests.paths import DATA


@pytest.fixture
def registry() -> Registry:
    return validate_registry(DATA).registry


def _replace(registry: Registry, ident: str, **changes: object) -> None:
    index = next(i for i, e in enumerate(registry.engagements) if e.id == ident)
    old = registry.engagements[index]
    new = old.model_copy(update=changes)
    registry.engagements[index] = new
    registry._origins[id(new)] = registry._origins[id(old)]


@pytest.mark.parametrize(("text", "expected"), [
    ("accompagnent plus de 1,3 millions de jeunes par an", {1_300_000.0: "plus_de"}),
    ("la branche qui regroupe environ 13 000 salariés", {13_000.0: "environ"}),
    ("des agents issus d'une trentaine de corps", {30.0: "une_trentaine"}),
    ("plus de 80 000 jeunes par an et sont en contact avec plus de 150 000 jeunes",
     {80_000.0: "plus_de", 150_000.0: "plus_de"}),
    ("les 436 ML se sont regroupées en 15 associations régionales", {}),
])
def test_qualified_numbers(text: str, expected: dict[float, str]) -> None:
    assert qualified_numbers(text) == expected


def test_the_dgefp_cannot_be_an_operator(registry: Registry) -> None:
    _replace(registry, "dgom-appui-financement-hors-dgefp", operateurs=["dgefp"], exclus=[])
    found = list(excluded_not_linked.function(registry))
    assert [d.code for d in found] == ["EXC001"]
    assert "« dgefp »" in found[0].message


def test_the_sma_is_not_under_tutelle_without_a_source(registry: Registry) -> None:
    index = next(i for i, o in enumerate(registry.operateurs) if o.id == "sma")
    old = registry.operateurs[index]
    registry.operateurs[index] = old.model_copy(update={"tutelle": "dgom"})
    registry._origins[id(registry.operateurs[index])] = registry._origins[id(old)]
    assert [d.code for d in relations_sourced.function(registry)] == ["REL001"]


def test_press_months_later_does_not_make_the_signature_communication_done(
        registry: Registry) -> None:
    eng = next(e for e in registry.engagements if e.id == "valoriser-partenariat-signature")
    entry = eng.journal[0].model_copy(update={"statut": "realise", "parties": ["dgom"]})
    _replace(registry, eng.id, statut="realise", journal=[entry])
    assert [d.code for d in signature_time_evidence.function(registry)] == ["PRV003"]
    # Nothing from the UNML: « réalisé » is not attested for both parties.
    assert [d.code for d in status_evidence.function(registry)] == ["PRV002"]


def test_a_joint_status_attested_for_each_party_passes(registry: Registry) -> None:
    entry = EntreeJournal(date=date(2024, 6, 20), texte="Bilan remis", source="Courriel",
                          parties=["unml", "dgom"], statut="realise")
    _replace(registry, "bilan-annuel", statut="realise", journal=[entry])
    assert list(status_evidence.function(registry)) == []
