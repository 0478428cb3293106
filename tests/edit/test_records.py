"""Edits of the follow-up records on the repository's own registry: exact lines changed,
repetition is a no-op, a refusal writes nothing."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from convention_cli.checks.pipeline import validate_registry
from convention_cli.edit.operations import JournalFields, add_journal_entry
from convention_cli.edit.records import (
    add_avenant,
    add_evaluation,
    add_mesure,
    add_projet,
    parse_number,
    set_referent,
    slug,
)
from convention_cli.edit.transaction import EditRefusedError, transaction
from convention_cli.errors import UsageError, UserError
from tests.edit.test_operations import diff_of
from tests.paths import DATA


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def _snapshot(data: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(data.glob("*.yaml"))}


def test_journal_honours_an_echeance_with_source_and_party(data: Path) -> None:
    with transaction(data) as tx:
        add_journal_entry(tx, "bilan-annuel", JournalFields(
            day=date(2024, 6, 20), texte="Bilan 2023 remis", honore="bilan-annuel-2023",
            source="Courriel du 20 juin 2024", parties=("unml",)))
        tx.commit()
    assert diff_of(data, "engagements") == (
        "-    journal: []\n"
        "+    journal:\n"
        "+      - date: 2024-06-20\n"
        "+        texte: Bilan 2023 remis\n"
        "+        source: Courriel du 20 juin 2024\n"
        "+        parties: [unml]\n"
        "+        echeance: bilan-annuel-2023\n"
    )
    assert not validate_registry(data).has_errors


def test_journal_refuses_the_echeance_of_another_engagement(data: Path) -> None:
    before = _snapshot(data)

    def edit() -> None:
        with transaction(data) as tx:
            add_journal_entry(tx, "collaborer-temps-echanges", JournalFields(
                day=date(2024, 6, 20), texte="x", honore="bilan-annuel-2023", source="s"))
            tx.commit()

    with pytest.raises(EditRefusedError) as caught:
        edit()
    assert [d.code for d in caught.value.diagnostics] == ["REF004"]
    assert _snapshot(data) == before


def test_journal_on_a_working_group_with_its_own_statuses(data: Path) -> None:
    with transaction(data) as tx:
        add_journal_entry(tx, "gt-1", JournalFields(
            day=date(2024, 3, 12), texte="Lancement décidé", statut="constitue",
            source="Relevé de décisions"))
        tx.commit()
    assert diff_of(data, "groupes_travail").startswith(
        "-    statut: non_renseigne\n+    statut: constitue\n")
    with pytest.raises(UsageError, match="statut inconnu « en_cours » pour un groupe"), \
            transaction(data) as tx:
        add_journal_entry(tx, "gt-1", JournalFields(date(2024, 3, 12), "x", statut="en_cours"))


def test_mesure_is_appended_then_a_repeat_changes_nothing(data: Path) -> None:
    for _ in range(2):
        with transaction(data) as tx:
            add_mesure(tx, "ind-referents-designes", valeur=2, day=date(2024, 3, 31),
                       source="Compte rendu", commentaire="Deux référents")
            tx.commit()
    assert diff_of(data, "engagements") == (
        "-        mesures: []\n"
        "+        mesures:\n"
        "+          - date: 2024-03-31\n"
        "+            valeur: 2\n"
        "+            source: Compte rendu\n"
        "+            commentaire: Deux référents\n"
    )


def test_mesure_refused_on_a_computed_indicator_or_unknown_one(data: Path) -> None:
    with pytest.raises(UserError, match="calculé à partir du registre"), transaction(data) as tx:
        add_mesure(tx, "ind-commission-ultramarine-reunions", valeur=4, day=date(2024, 12, 31),
                   source="s")
    with pytest.raises(UserError, match="vouliez-vous dire « ind-referents-designes »"), \
            transaction(data) as tx:
        add_mesure(tx, "ind-referents-designe", valeur=4, day=date(2024, 12, 31), source="s")


def test_referent_history_and_generic_address(data: Path) -> None:
    with transaction(data) as tx:
        set_referent(tx, "dgom", nom="Camille Martin", fonction="Cheffe de bureau",
                     depuis=date(2024, 9, 1), source="Courriel")
        tx.commit()
    with transaction(data) as tx:
        set_referent(tx, "dgom", nom="Alex Durand", depuis=date(2025, 9, 1), source="Courriel",
                     adresse_generique="bureau@example.org")
        tx.commit()
    diff = diff_of(data, "parties")
    assert "+        - nom: Camille Martin\n" in diff
    assert "+        - nom: Alex Durand\n" in diff
    assert "+        valeur: bureau@example.org\n" in diff
    assert not validate_registry(data).has_errors
    with pytest.raises(UserError, match="n'a pas de référent"), transaction(data) as tx:
        set_referent(tx, "arml-reunion", nom="X", depuis=date(2025, 1, 1), source="s")


def test_prorogation_avenant_moves_the_end(data: Path) -> None:
    with transaction(data) as tx:
        add_avenant(tx, day=date(2026, 6, 15), objet="Prorogation d'un an", source="Avenant 1",
                    prorogation=date(2027, 7, 17))
        tx.commit()
    assert diff_of(data, "convention") == (
        "-  avenants: []\n"
        "+  avenants:\n"
        "+    - id: avenant-1\n"
        "+      date_signature: 2026-06-15\n"
        "+      objet: Prorogation d'un an\n"
        "+      source: Avenant 1\n"
        "+      prorogation_jusqu_au: 2027-07-17\n"
    )
    registry = validate_registry(data).registry
    assert registry.date_fin == date(2027, 7, 17)
    with pytest.raises(UserError, match="ne prolonge pas"), transaction(data) as tx:
        add_avenant(tx, day=date(2026, 7, 1), objet="Autre", source="s",
                    prorogation=date(2027, 1, 1))


def test_projects_and_evaluations_with_their_journal(data: Path) -> None:
    with transaction(data) as tx:
        add_projet(tx, titre="Garage solidaire", territoire="guyane",
                   mission_locale="ml-guyane-ouest", day=date(2025, 2, 10), source="Courriel")
        add_evaluation(tx, objet="Évaluation mobilité", mission_locale="ml-mayotte",
                       day=date(2025, 4, 2), source="Courrier")
        add_journal_entry(tx, "projet-garage-solidaire", JournalFields(
            day=date(2025, 3, 1), texte="Relayé", statut="relaye", source="Courriel"))
        tx.commit()
    result = validate_registry(data)
    assert not result.has_errors
    [projet] = result.registry.projets
    assert (projet.statut, projet.groupe_travail) == ("relaye", "gt-3")
    assert [e.id for e in result.registry.evaluations] == ["evaluation-ml-mayotte-2025-04-02"]
    with pytest.raises(UserError, match="vouliez-vous dire « ml-guyane-ouest »"), \
            transaction(data) as tx:
        add_projet(tx, titre="Autre", territoire="guyane", mission_locale="ml-guyane-oest",
                   day=date(2025, 2, 10), source="s")


def test_numbers_and_slugs() -> None:
    assert parse_number("3,5") == 3.5
    assert parse_number("12") == 12
    with pytest.raises(UsageError):
        parse_number("douze")
    assert slug("Équipe mobile « aller vers »") == "equipe-mobile-aller-vers"
