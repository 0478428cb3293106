"""The edit operations on the repository's own registry (full of comments)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from convention_cli.checks.pipeline import validate_registry
from convention_cli.edit.operations import (
    JournalFields,
    add_action,
    add_decision,
    add_journal_entry,
    add_reunion,
    close_action,
)
from convention_cli.edit.transaction import EditRefusedError, transaction
from convention_cli.errors import UsageError, UserError
from tests.paths import DATA


def diff_of(data_copy: Path, name: str) -> str:
    import difflib

    before = (DATA / f"{name}.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
    after = (data_copy / f"{name}.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
    return "".join(line for line in difflib.unified_diff(before, after, n=0)
                   if line[:1] in "+-" and not line.startswith(("+++", "---")))


def test_journal_entry_with_status_changes_only_those_lines(data_copy: Path) -> None:
    with transaction(data_copy) as tx:
        add_journal_entry(tx, "bilan-annuel", JournalFields(
            day=date(2024, 6, 20), texte="Bilan 2023 remis", auteur="Secrétariat",
            statut="en_cours", preuve="https://example.org/bilan-2023.pdf",
            parties=("unml", "dgom")))
        tx.commit()
    assert diff_of(data_copy, "engagements") == (
        "-    statut: non_renseigne\n"
        "+    statut: en_cours\n"
        "-    journal: []\n"
        "+    journal:\n"
        "+      - date: 2024-06-20\n"
        "+        texte: Bilan 2023 remis\n"
        "+        auteur: Secrétariat\n"
        "+        parties: [unml, dgom]\n"
        "+        statut: en_cours\n"
        "+        preuves:\n"
        '+          - libelle: "Preuve du 20 juin 2024 : bilan-2023.pdf"\n'
        "+            url: https://example.org/bilan-2023.pdf\n"
        "+            date: 2024-06-20\n"
    )
    assert not validate_registry(data_copy).has_errors


def test_second_journal_entry_appends_after_the_first(data_copy: Path) -> None:
    with transaction(data_copy) as tx:
        add_journal_entry(tx, "dgom-integrer-accord-cadre-sma", JournalFields(
            day=date(2024, 2, 1), texte="Réunion avec le SMA", auteur="Référent DGOM"))
        tx.commit()
    diff = diff_of(data_copy, "engagements")
    assert diff == ("+      - date: 2024-02-01\n"
                    "+        texte: Réunion avec le SMA\n"
                    "+        auteur: Référent DGOM\n")


def test_meeting_decision_action_and_closing(data_copy: Path) -> None:
    with transaction(data_copy) as tx:
        add_reunion(tx, instance="commission", day=date(2024, 3, 12),
                    participants=["DGOM", "UNML"], lieu="Paris", source="Compte rendu")
        tx.commit()
    with transaction(data_copy) as tx:
        add_decision(tx, "commission-2024-03-12", texte="Lancer le groupe logement")
        add_action(tx, "commission-2024-03-12", texte="Note | logement", responsable="unml",
                   echeance=date(2024, 5, 31))
        tx.commit()
    with transaction(data_copy) as tx:
        close_action(tx, "commission-2024-03-12-action-1", day=date(2024, 5, 20),
                     preuve="notes/logement.pdf")
        tx.commit()
    assert diff_of(data_copy, "reunions") == (
        "-reunions: []\n"
        "+reunions:\n"
        "+  - id: commission-2024-03-12\n"
        "+    instance: commission\n"
        "+    date: 2024-03-12\n"
        "+    lieu: Paris\n"
        "+    participants: [DGOM, UNML]\n"
        "+    source: Compte rendu\n"
        "+    decisions:\n"
        "+      - id: commission-2024-03-12-decision-1\n"
        "+        texte: Lancer le groupe logement\n"
        "+    actions:\n"
        "+      - id: commission-2024-03-12-action-1\n"
        "+        texte: Note | logement\n"
        "+        responsable: unml\n"
        "+        echeance: 2024-05-31\n"
        "+        cloture: 2024-05-20\n"
        "+        preuves:\n"
        '+          - libelle: "Preuve du 20 mai 2024 : logement.pdf"\n'
        "+            url: notes/logement.pdf\n"
        "+            date: 2024-05-20\n"
    )
    assert not validate_registry(data_copy).has_errors


def test_the_template_comment_shows_the_ids_the_tool_creates(data_copy: Path) -> None:
    import re

    comment = (DATA / "reunions.yaml").read_text(encoding="utf-8")
    shown = re.findall(r"^#\s+- id: (\S+)", comment, flags=re.MULTILINE)
    with transaction(data_copy) as tx:
        created = [add_reunion(tx, instance="commission", day=date(2024, 3, 12),
                               participants=[], lieu=None, source="Relevé").message,
                   add_decision(tx, "commission-2024-03-12", texte="Décision").message,
                   add_action(tx, "commission-2024-03-12", texte="Action", responsable="dgom",
                              echeance=date(2024, 5, 31)).message]
    ids = [message.split(" : ")[1].split(" ")[0] for message in created]
    assert [i.replace("aaaa-mm-jj", "2024-03-12") for i in shown] == ids


def test_repeating_an_edit_changes_nothing(data_copy: Path) -> None:
    def once() -> bool:
        with transaction(data_copy) as tx:
            outcome = add_journal_entry(tx, "bilan-annuel", JournalFields(
                day=date(2024, 6, 20), texte="Bilan 2023 remis", statut="en_cours",
                source="Courriel du référent", parties=("dgom",)))
            tx.commit()
        return outcome.changed

    assert once()
    first = (data_copy / "engagements.yaml").read_text(encoding="utf-8")
    assert not once()
    assert (data_copy / "engagements.yaml").read_text(encoding="utf-8") == first


def test_meeting_ids_are_unique(data_copy: Path) -> None:
    with transaction(data_copy) as tx:
        add_reunion(tx, instance="gt:gt-5", day=date(2024, 3, 12), participants=[], lieu=None,
                    source="Relevé")
        add_reunion(tx, instance="commission", day=date(2024, 3, 12), participants=[],
                    lieu=None, source="Relevé")
        tx.commit()
    ids = [r.id for r in validate_registry(data_copy).registry.reunions]
    assert ids == ["gt-5-2024-03-12", "commission-2024-03-12"]


def test_refused_edit_leaves_files_untouched(data_copy: Path) -> None:
    with transaction(data_copy) as tx:
        add_reunion(tx, instance="commission", day=date(2024, 3, 12), participants=[],
                    lieu=None, source="Relevé")
        tx.commit()
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in data_copy.glob("*.yaml")}
    def refused_edit() -> None:
        with transaction(data_copy) as tx:
            add_action(tx, "commission-2024-03-12", texte="Trop tôt", responsable="dgom",
                       echeance=date(2024, 1, 1))
            tx.commit()

    with pytest.raises(EditRefusedError) as refused:
        refused_edit()
    assert [d.code for d in refused.value.diagnostics] == ["DAT003"]
    assert refused.value.diagnostics[0].location.line == 39  # in the text as it would be
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in data_copy.glob("*.yaml")}
    assert after == before
    assert sorted(p.name for p in data_copy.iterdir() if p.name.startswith(".")) == [
        ".convention.lock", ".gitignore"]


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda tx: add_journal_entry(tx, "inconnu", JournalFields(date(2024, 1, 1), "x")),
         UserError, "groupe de travail, projet ou demande d.évaluation « inconnu » inconnu"),
        (lambda tx: add_journal_entry(tx, "bilan-annuel", JournalFields(
            date(2024, 1, 1), "x", statut="fini")), UsageError, "statuts possibles"),
        (lambda tx: add_journal_entry(tx, "bilan-annuel", JournalFields(date(2024, 1, 1), " ")),
         UsageError, "vide"),
        (lambda tx: add_reunion(tx, instance="bureau", day=date(2024, 1, 1), participants=[],
                                lieu=None, source="x"), UsageError, "instances possibles"),
        (lambda tx: add_reunion(tx, instance="gt:gt-9", day=date(2024, 1, 1),
                                participants=[], lieu=None, source="x"),
         UserError, "vouliez-vous dire"),
        (lambda tx: add_decision(tx, "absente", texte="x"), UserError, "réunion « absente »"),
        (lambda tx: close_action(tx, "absente", day=date(2024, 1, 1)), UserError,
         "action « absente » inconnue"),
    ],
)
def test_bad_arguments(data_copy: Path, call: object, error: type[Exception], message: str) -> None:
    before = {p.name: p.read_bytes() for p in data_copy.glob("*.yaml")}

    def edit() -> None:
        with transaction(data_copy) as tx:
            call(tx)  # type: ignore[operator]
            tx.commit()

    with pytest.raises(error, match=message):
        edit()
    assert {p.name: p.read_bytes() for p in data_copy.glob("*.yaml")} == before


def test_unknown_responsible_party(data_copy: Path) -> None:
    with transaction(data_copy) as tx:
        add_reunion(tx, instance="commission", day=date(2024, 3, 12), participants=[],
                    lieu=None, source="Relevé")
        tx.commit()
    with pytest.raises(UserError, match="partie responsable « dgon » inconnue"), \
            transaction(data_copy) as tx:
        add_action(tx, "commission-2024-03-12", texte="x", responsable="dgon",
                   echeance=date(2024, 4, 1))


def test_journal_fields_make_one_entry_in_the_registry_order() -> None:
    fields = JournalFields(date(2024, 6, 20), "Bilan remis", auteur="Secrétariat",
                           statut="en_cours", preuve="https://example.org/b.pdf",
                           confidentiel=True, honore="bilan-annuel-2023", source="Courriel",
                           parties=("unml",))
    entry = fields.entry()
    assert list(entry) == ["date", "texte", "auteur", "source", "parties", "statut",
                           "echeance", "preuves", "confidentiel"]
    assert entry["parties"] == ["unml"]
    assert entry["preuves"] == [{"libelle": "Preuve du 20 juin 2024 : b.pdf",
                                 "url": "https://example.org/b.pdf", "date": date(2024, 6, 20)}]
    assert JournalFields(date(2024, 6, 20), "x").entry() == {"date": date(2024, 6, 20),
                                                             "texte": "x"}
