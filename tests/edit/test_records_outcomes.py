"""Follow-up records: what an edit says when it adds, when it finds the record already
there (no change), and the refusals of empty or unknown values."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from convention_cli.checks.pipeline import validate_registry
from convention_cli.edit.operations import EditOutcome
from convention_cli.edit.records import (
    add_avenant,
    add_evaluation,
    add_mesure,
    add_projet,
    set_referent,
    slug,
)
from convention_cli.edit.transaction import transaction
from convention_cli.errors import UsageError, UserError
from tests.edit.test_operations import diff_of

D = date(2025, 3, 31)


def _twice(data: Path, edit: object) -> tuple[EditOutcome, EditOutcome]:
    """Run an edit, commit, then run it again."""
    outcomes = []
    for _ in range(2):
        with transaction(data) as tx:
            outcomes.append(edit(tx))  # type: ignore[operator]
            tx.commit()
    return outcomes[0], outcomes[1]


def test_slug_stops_at_a_whole_word() -> None:
    title = "Équipe mobile « aller vers » pour les jeunes des quartiers prioritaires"
    assert slug(title) == "equipe-mobile-aller-vers-pour-les-jeunes"
    assert slug("« ! »") == "sans-titre"


@pytest.mark.parametrize(("edit", "message"), [
    (lambda tx: add_mesure(tx, "ind-referents-designes", valeur=2, day=D, source=" "),
     "--source est vide"),
    (lambda tx: set_referent(tx, "dgom", nom=None, depuis=D, source="Courriel"),
     "indiquez --nom (le référent) ou --adresse-generique"),
    (lambda tx: add_avenant(tx, day=D, objet="", source="s"), "--objet est vide"),
    (lambda tx: add_projet(tx, titre="Garage", territoire="guyane", day=D, source=""),
     "--source est vide"),
    (lambda tx: add_evaluation(tx, objet=" ", mission_locale="ml-mayotte", day=D,
                               source="s"), "--objet est vide"),
])
def test_empty_values_are_usage_errors(data_copy: Path, edit: object, message: str) -> None:
    with pytest.raises(UsageError) as caught, transaction(data_copy) as tx:
        edit(tx)  # type: ignore[operator]
    assert str(caught.value) == message


def test_unknown_territory_and_mission_locale(data_copy: Path) -> None:
    with pytest.raises(UserError) as caught, transaction(data_copy) as tx:
        add_projet(tx, titre="Garage", territoire="guyanne", day=D, source="s")
    assert str(caught.value) == "territoire « guyanne » inconnu ; vouliez-vous dire « guyane » ?"
    with pytest.raises(UserError) as caught, transaction(data_copy) as tx:
        add_evaluation(tx, objet="Mobilité", mission_locale="ml-mayote", day=D, source="s")
    assert str(caught.value) == ("mission locale « ml-mayote » inconnue ; vouliez-vous dire "
                                 "« ml-mayotte », « ml-martinique-nord », « ml-saint-martin » ?")


def test_mesure_with_comment_and_confidentiality_then_repeated(data_copy: Path) -> None:
    first, again = _twice(data_copy, lambda tx: add_mesure(
        tx, "ind-referents-designes", valeur=2, day=D, source="Compte rendu",
        commentaire="Deux référents", confidentiel=True))
    assert first == EditOutcome(
        "mesure du 2025-03-31 enregistrée pour « ind-referents-designes » : 2")
    assert again == EditOutcome("mesure du 2025-03-31 déjà enregistrée pour "
                                "« ind-referents-designes » : rien à faire", changed=False)
    diff = diff_of(data_copy, "engagements")
    assert "commentaire: Deux référents\n" in diff
    assert "confidentiel: true\n" in diff


def test_referent_with_contact_then_repeated(data_copy: Path) -> None:
    first, again = _twice(data_copy, lambda tx: set_referent(
        tx, "unml", nom="Camille Martin", contact="camille@example.org", depuis=D,
        source="Courriel", adresse_generique="referent@example.org"))
    assert first == EditOutcome("référent(e) de « unml » depuis le 2025-03-31 : Camille Martin"
                                " ; adresse générique de « unml » : referent@example.org")
    assert again == EditOutcome("Camille Martin déjà référent(e) depuis le 2025-03-31 ; "
                                "adresse générique déjà enregistrée : rien à faire",
                                changed=False)
    assert "contact: camille@example.org\n" in diff_of(data_copy, "parties")
    assert not validate_registry(data_copy).has_errors


def test_avenant_without_prorogation_then_repeated(data_copy: Path) -> None:
    first, again = _twice(data_copy, lambda tx: add_avenant(
        tx, day=D, objet="Nouveaux sujets", source="Avenant n° 1"))
    assert first == EditOutcome("avenant enregistré : avenant-1")
    assert again == EditOutcome("avenant déjà enregistré : avenant-1", changed=False)


def test_projet_and_evaluation_then_repeated(data_copy: Path) -> None:
    first, again = _twice(data_copy, lambda tx: add_projet(
        tx, titre="Garage solidaire", territoire="guyane", day=D, source="Courriel",
        fonds="Fonds d'innovation", confidentiel=True))
    assert first == EditOutcome("projet enregistré : projet-garage-solidaire")
    assert again == EditOutcome("projet déjà enregistré : projet-garage-solidaire",
                                changed=False)
    first, again = _twice(data_copy, lambda tx: add_evaluation(
        tx, objet="Mobilité", mission_locale="ml-mayotte", day=D, source="Courrier",
        confidentiel=True))
    assert first == EditOutcome("demande d'évaluation enregistrée : "
                                "evaluation-ml-mayotte-2025-03-31")
    assert again == EditOutcome("demande d'évaluation déjà enregistrée : "
                                "evaluation-ml-mayotte-2025-03-31", changed=False)
    diff = diff_of(data_copy, "engagements")
    assert "fonds: Fonds d'innovation\n" in diff
    assert diff.count("confidentiel: true\n") == 2
    assert not validate_registry(data_copy).has_errors
