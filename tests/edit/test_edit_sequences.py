"""Random sequences of edits keep the registry valid and keep every comment."""

from __future__ import annotations

import tempfile
from contextlib import suppress
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from convention_cli.checks.pipeline import validate_registry
from convention_cli.edit.operations import (
    JournalFields,
    add_action,
    add_decision,
    add_journal_entry,
    add_reunion,
    close_action,
)
from convention_cli.edit.transaction import transaction
from convention_cli.errors import UserError
from tests.conftest import copy_registry
from tests.paths import DATA

ENGAGEMENTS = ["bilan-annuel", "confidentialite", "dgom-adresse-generique",
               "valoriser-partenariat-signature"]
TEXTS = st.text(alphabet=st.sampled_from(list("abcé :#|-'\"[]{},!&*?>%@`\\\n")),
                min_size=1, max_size=30).filter(lambda t: t.strip() != "")

OPERATION = st.one_of(
    st.tuples(st.just("journal"), st.sampled_from(ENGAGEMENTS), TEXTS,
              st.sampled_from([None, "en_cours", "realise"]), st.integers(0, 900)),
    st.tuples(st.just("reunion"), st.sampled_from(["commission", "referents", "gt:gt-2"]),
              st.integers(0, 900)),
    st.tuples(st.just("decision"), TEXTS),
    st.tuples(st.just("action"), TEXTS, st.sampled_from(["dgom", "unml"]),
              st.integers(0, 60)),
    st.tuples(st.just("close"), st.integers(0, 30)),
)
START = date(2023, 7, 18)


def _comments(folder: Path) -> dict[str, list[str]]:
    return {p.name: [line for line in p.read_text(encoding="utf-8").splitlines()
                     if line.lstrip().startswith("#")] for p in sorted(folder.glob("*.yaml"))}


def _apply(data: Path, operation: tuple[object, ...], state: dict[str, list[str]]) -> None:
    kind = operation[0]
    with transaction(data) as tx:
        if kind == "journal":
            _, engagement, texte, statut, offset = operation
            add_journal_entry(tx, str(engagement), JournalFields(
                day=START + timedelta(int(offset)),  # type: ignore[call-overload]
                texte=str(texte), auteur="test", statut=statut,  # type: ignore[arg-type]
                source="test" if statut else None))
        elif kind == "reunion":
            _, instance, offset = operation
            day = START + timedelta(int(offset))  # type: ignore[call-overload]
            outcome = add_reunion(tx, instance=str(instance), day=day, participants=["DGOM"],
                                  lieu=None, source="test")
            state["reunions"].append(outcome.message.rsplit(" ", 1)[-1])
            state["dates"].append(day.isoformat())
        elif kind == "decision" and state["reunions"]:
            add_decision(tx, state["reunions"][-1], texte=str(operation[1]))
        elif kind == "action" and state["reunions"]:
            _, texte, responsable, offset = operation
            meeting = date.fromisoformat(state["dates"][-1])
            outcome = add_action(tx, state["reunions"][-1], texte=str(texte),
                                 responsable=str(responsable),
                                 echeance=meeting + timedelta(int(offset)))  # type: ignore[call-overload]
            if outcome.changed:
                state["actions"].append(outcome.message.split(" ")[2])
        elif kind == "close" and state["actions"]:
            action = state["actions"].pop(0)
            close_action(tx, action, day=date(2027, 1, 1) + timedelta(int(operation[1])))  # type: ignore[call-overload]
        tx.commit()


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(OPERATION, min_size=1, max_size=7))
def test_random_edit_sequences(operations: list[tuple[object, ...]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        copy_registry(DATA, data)
        comments = _comments(data)
        state: dict[str, list[str]] = {"reunions": [], "dates": [], "actions": []}
        for operation in operations:
            with suppress(UserError):  # a refused edit must leave a valid registry too
                _apply(data, operation, state)
        result = validate_registry(data)
        assert not result.has_errors, [str(d.location) + d.message for d in result.diagnostics]
        assert _comments(data) == comments
