"""Meetings, decisions and actions: what an edit says when it adds, when the record is
already there (no change), and its refusals."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from convention_cli.edit.operations import (
    EditOutcome,
    JournalFields,
    add_action,
    add_decision,
    add_journal_entry,
    add_reunion,
    close_action,
)
from convention_cli.edit.records import add_projet
from convention_cli.edit.transaction import RegistryTransaction, transaction
from convention_cli.errors import UsageError, UserError
from tests.edit.test_operations import diff_of

D = date(2024, 3, 12)
REUNION = "commission-2024-03-12"


@pytest.fixture
def data(data_copy: Path) -> Path:
    """The repository's registry with one meeting of the commission."""
    with transaction(data_copy) as tx:
        add_reunion(tx, instance="commission", day=D, participants=[], lieu=None,
                    source="Compte rendu")
        tx.commit()
    return data_copy


def _run(data: Path, edit: object) -> EditOutcome:
    with transaction(data) as tx:
        outcome = edit(tx)  # type: ignore[operator]
        tx.commit()
    assert isinstance(outcome, EditOutcome)
    return outcome


@pytest.mark.parametrize(("edit", "error", "message"), [
    (lambda tx: add_reunion(tx, instance="gt:", day=D, participants=[], lieu=None,
                            source="s"),
     UsageError, "instance inconnue « gt: » ; instances possibles : commission, "
                 "referents, gt:ID"),
    (lambda tx: add_decision(tx, REUNION, texte=" "), UsageError, "--texte est vide"),
    (lambda tx: add_action(tx, REUNION, texte="", responsable="unml", echeance=D),
     UsageError, "--texte est vide"),
    (lambda tx: add_action(tx, REUNION, texte="Note", responsable="ladom", echeance=D),
     UserError, "partie responsable « ladom » inconnue ; vouliez-vous dire « dgom » ?"),
    (lambda tx: close_action(tx, "commission-2024-03-12-action-7", day=D),
     UserError, "action « commission-2024-03-12-action-7 » inconnue ; le registre n'en "
                "contient aucune"),
])
def test_refusals(data: Path, edit: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error) as caught, transaction(data) as tx:
        edit(tx)  # type: ignore[operator]
    assert str(caught.value) == message


def test_meeting_decision_and_action_once_each(data: Path) -> None:
    assert _run(data, lambda tx: add_reunion(
        tx, instance="commission", day=D, participants=[], lieu=None, source="Compte rendu",
    )) == EditOutcome(f"réunion déjà enregistrée : {REUNION}", changed=False)
    def decide(tx: RegistryTransaction) -> EditOutcome:
        return add_decision(tx, REUNION, texte="Feuille de route adoptée", confidentiel=True)

    assert _run(data, decide) == EditOutcome(f"décision enregistrée : {REUNION}-decision-1")
    assert _run(data, decide) == EditOutcome(
        f"décision déjà enregistrée : {REUNION}-decision-1", changed=False)
    def act(tx: RegistryTransaction) -> EditOutcome:
        return add_action(tx, REUNION, texte="Note logement", responsable="unml",
                          echeance=date(2024, 5, 31), confidentiel=True)

    assert _run(data, act) == EditOutcome(
        f"action enregistrée : {REUNION}-action-1 (échéance 2024-05-31)")
    assert _run(data, act) == EditOutcome(f"action déjà enregistrée : {REUNION}-action-1",
                                          changed=False)
    assert diff_of(data, "reunions").count("confidentiel: true\n") == 2


def test_closing_an_action_again(data: Path) -> None:
    action = f"{REUNION}-action-1"
    _run(data, lambda tx: add_action(tx, REUNION, texte="Note logement", responsable="unml",
                                     echeance=date(2024, 5, 31)))
    closed = date(2024, 5, 20)
    assert _run(data, lambda tx: close_action(tx, action, day=closed)) == EditOutcome(
        f"action « {action} » close le 2024-05-20")
    assert _run(data, lambda tx: close_action(tx, action, day=closed)) == EditOutcome(
        f"action « {action} » déjà close le 2024-05-20 : rien à faire", changed=False)
    # a proof added to a closed action; the same proof again changes nothing
    def with_proof(tx: RegistryTransaction) -> EditOutcome:
        return close_action(tx, action, day=closed, preuve="notes/note.pdf")

    assert _run(data, with_proof) == EditOutcome(f"action « {action} » close le 2024-05-20")
    assert _run(data, with_proof) == EditOutcome(f"action « {action} » close le 2024-05-20",
                                                 changed=False)
    with pytest.raises(UserError) as caught, transaction(data) as tx:
        close_action(tx, action, day=date(2024, 5, 21))
    assert str(caught.value) == f"action « {action} » déjà close le 2024-05-20"
    assert diff_of(data, "reunions").count("url: notes/note.pdf\n") == 1


def test_confidential_journal_entry(data_copy: Path) -> None:
    _run(data_copy, lambda tx: add_journal_entry(
        tx, "bilan-annuel", JournalFields(date(2024, 6, 20), "Bilan remis", confidentiel=True)))
    assert "confidentiel: true\n" in diff_of(data_copy, "engagements")


def test_a_second_project_of_the_same_title_gets_a_numbered_id(data_copy: Path) -> None:
    for territoire in ("guyane", "mayotte"):
        outcome = _run(data_copy, lambda tx, t=territoire: add_projet(
            tx, titre="Garage solidaire", territoire=t, day=D, source="Courriel"))
    assert outcome == EditOutcome("projet enregistré : projet-garage-solidaire-2")
