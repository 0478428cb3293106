"""The status view model: position in the period, counters, late and near échéances."""

from __future__ import annotations

from datetime import date

import pytest

from convention_cli.checks.pipeline import validate_registry
from convention_cli.domain.queries import Filtres
from convention_cli.errors import UserError
from convention_cli.formats.status_markdown import status_to_markdown
from convention_cli.load.registry import Registry
from convention_cli.views.status import build_status
from convention_cli.views.status_json import status_to_json
from tests.paths import DATA


@pytest.fixture(scope="module")
def registry() -> Registry:
    return validate_registry(DATA).registry


def test_2024_annual_bilan_is_late_on_1_july_2024(registry: Registry) -> None:
    view = build_status(registry, date(2024, 7, 1))
    assert "bilan-annuel-2023" in {e.id for e in view.en_retard}
    assert view.position.etat == "en_vigueur"
    assert view.position.jours == (date(2026, 7, 17) - date(2024, 7, 1)).days
    assert view.position.exigences == ()


def test_term_reached_on_26_november_2026(registry: Registry) -> None:
    view = build_status(registry, date(2026, 11, 26))
    assert view.position.etat == "echue"
    assert view.position.jours == 132
    assert view.position.resume.startswith("Convention échue depuis 132 jours")
    requirements = "\n".join(view.position.exigences)
    assert "Bilan pluriannuel (atteinte des objectifs) : était dû au plus tard le 30 juin 2026" \
        in requirements
    # The term passed without an avenant: the prorogation is no longer offered (V).
    assert "Prorogation : possible" not in requirements
    assert "Fin de la convention : elle a pris fin le 17 juillet 2026" in requirements
    assert "sans avenant de prorogation enregistré" in requirements
    assert view.position.en_bref == (
        "Section V, en fin de période : remettre les bilans (ci-dessous) ; la convention a "
        "pris fin le 17 juillet 2026, sans avenant de prorogation.")
    assert "prorogation est possible" not in build_status(
        registry, date(2030, 1, 1)).position.en_bref


def test_before_signature(registry: Registry) -> None:
    view = build_status(registry, date(2023, 7, 1))
    assert (view.position.etat, view.position.jours) == ("non_commencee", 17)


def test_near_end_lists_requirements(registry: Registry) -> None:
    view = build_status(registry, date(2026, 7, 1))
    assert view.position.etat == "en_vigueur"
    assert any("Prorogation : possible" in item for item in view.position.exigences)
    assert "la prorogation est possible d'un commun accord" in view.position.en_bref
    last_day = build_status(registry, date(2026, 7, 17)).position
    assert any("Prorogation : possible" in item for item in last_day.exigences)


def test_filters(registry: Registry) -> None:
    view = build_status(registry, date(2024, 7, 1), Filtres(partie="unml"))
    assert all("unml" in line.parties for line in view.lignes)
    assert all("unml" in e.parties for e in view.en_retard)
    late = build_status(registry, date(2024, 7, 1), Filtres(statut="en_retard"))
    assert late.lignes
    assert all(line.en_retard for line in late.lignes)
    assert {e.engagement for e in late.en_retard} <= {line.id for line in late.lignes}
    by_objective = build_status(registry, date(2024, 7, 1), Filtres(objectif="obj-3"))
    assert all("obj-3" in line.objectifs for line in by_objective.lignes)


def test_unknown_filter_value_suggests(registry: Registry) -> None:
    with pytest.raises(UserError, match="« dgom »"):
        build_status(registry, date(2024, 7, 1), Filtres(partie="dgon"))


def test_stale_flag(registry: Registry) -> None:
    view = build_status(registry, date(2024, 7, 1), stale_days=10_000)
    assert not any(line.sans_nouvelles for line in view.lignes)
    view = build_status(registry, date(2024, 7, 1), stale_days=30)
    stale = {line.id for line in view.lignes if line.sans_nouvelles}
    assert "bilan-annuel" in stale
    assert "dgom-programme-previsionnel-annexe" not in stale  # réalisé


def test_json_and_markdown_agree(registry: Registry) -> None:
    view = build_status(registry, date(2026, 11, 26))
    payload = status_to_json(view)
    assert payload["as_of"] == "2026-11-26"
    assert payload["convention"]["etat"] == "echue"
    assert {e["id"] for e in payload["engagements"]} == {line.id for line in view.lignes}
    assert all({"id", "statut", "echeances"} <= set(e) for e in payload["engagements"])
    late = payload["echeances"]["en_retard"]
    assert all({"date", "libelle", "etat", "source"} <= set(e) for e in late)
    markdown = status_to_markdown(view)
    for item in late:
        assert f"`{item['id']}`" in markdown
    for line in view.lignes:
        assert f"`{line.id}`" in markdown


def test_late_columns_count_engagements_for_parties_and_objectives(
    registry: Registry,
) -> None:
    """Both « en retard » columns count late engagements (never occurrences): 12 missed
    commissions are one late engagement of the UNML."""
    view = build_status(registry, date(2026, 12, 1))
    late_lines = [line for line in view.lignes if line.en_retard]
    for counter in view.par_partie:
        assert counter.en_retard == sum(1 for line in late_lines if counter.cle in line.statuts)
        assert counter.en_retard <= counter.total
    for counter in view.par_objectif:
        assert counter.en_retard == sum(1 for line in late_lines
                                        if counter.cle in line.objectifs)
    unml = next(c for c in view.par_partie if c.cle == "unml")
    assert unml.en_retard == 5
