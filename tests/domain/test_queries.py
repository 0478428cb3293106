"""Selecting engagements by their filters, and computed indicators without an agreement."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from convention_cli.checks.pipeline import load_valid_registry
from convention_cli.domain.echeances import compute_echeances
from convention_cli.domain.indicators import indicator_measures
from convention_cli.domain.queries import Filtres, echeances_by_engagement, select_engagements
from convention_cli.load.registry import Registry
from tests.paths import DATA

AS_OF = date(2026, 3, 1)


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_valid_registry(DATA)


def _ids(registry: Registry, filtres: Filtres) -> list[str]:
    by_engagement = echeances_by_engagement(compute_echeances(registry, AS_OF))
    return [e.id for e in select_engagements(registry, filtres, by_engagement)]


def test_status_filter_keeps_only_that_status(registry: Registry) -> None:
    assert _ids(registry, Filtres(statut="realise")) == ["dgom-programme-previsionnel-annexe"]
    assert _ids(registry, Filtres(statut="realise", partie="unml")) == []
    assert "bilan-annuel" in _ids(registry, Filtres(statut="en_retard"))


def test_computed_indicators_count_nothing_without_an_agreement(registry: Registry) -> None:
    without = dataclasses.replace(registry, convention=None)
    for engagement in registry.engagements:
        if engagement.id in ("commission-ultramarine-trimestrielle",
                             "valoriser-partenariat-annuellement"):
            [indicateur] = engagement.indicateurs
            assert indicator_measures(without, engagement, indicateur, AS_OF) == ()
            assert indicator_measures(registry, engagement, indicateur, AS_OF) != ()
