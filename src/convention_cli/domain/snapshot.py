"""The registry as known on a date: records dated after it do not exist.

``snapshot(registry, as_of)`` is THE cut-off of the project (hledger's ``-e DATE``,
fava's time filter): every view, document, JSON output and calendar starts from it,
so no output can show a record dated after ``as_of``. One linear pass over the
registry; an entry with nothing to cut is kept as is (same object), so a snapshot at
today's date costs little more than the pass itself.

What is cut, in one place (one function per record type below; whoever adds a dated
record type adds its cut-off here and one line to ``_RECORDS``):

- journal entries (engagements, working groups) dated after ``as_of``, and the
  proofs dated after it (proofs without a date are kept: nothing dates them);
- indicator measurements dated after ``as_of``;
- meetings held after ``as_of`` (with their decisions and actions), the closing of an
  action closed after it (the action is open again), the proofs of an action dated
  after it;
- avenants signed after ``as_of`` (so a prorogation moves the term only once signed);
- innovation projects and evaluation requests dated after ``as_of``, and their journal
  entries dated after it (their status is then the last one noted, else the first);
- referents who take office after ``as_of`` (the one in office is the last left), and
  the other names of a party taken after it (``alias``, dated in words).

Statuses follow: an engagement's status on ``as_of`` is the last status its journal
records on or before ``as_of`` (``non_renseigne`` when none), as soon as something of
its journal or proofs is cut. A working group with no journal entry left is
``non_renseigne``; one that was ``clos`` by a later entry is ``actif`` again.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from operator import attrgetter
from typing import Any, TypeVar

from convention_cli.domain.calendar import first_day
from convention_cli.load.registry import Registry
from convention_cli.load.source_map import PathItem
from convention_cli.models import (
    Action,
    Convention,
    DemandeEvaluation,
    Engagement,
    EntreeJournal,
    GroupeTravail,
    Indicateur,
    Partie,
    Preuve,
    Projet,
    Reunion,
)


def snapshot(registry: Registry, as_of: date) -> Registry:
    """The registry as known on ``as_of`` (pure; ``registry`` is not modified).

    Idempotent and cheap to call again: a snapshot remembers its date
    (``Registry.as_of``), and a snapshot of a snapshot at a later date is itself."""
    known = registry.as_of
    if known is not None and known <= as_of:
        return registry
    origins = registry._origins
    new_origins: dict[int, tuple[str, tuple[PathItem, ...]]] = {}
    lists: dict[str, Any] = {}
    for field, dated, cut in _RECORDS:
        kept = lists[field] = []
        for record in getattr(registry, field):
            if dated is not None and dated(record) > as_of:
                continue
            new = cut(record, as_of)
            if new is not record and id(record) in origins:
                new_origins[id(new)] = origins[id(record)]
            kept.append(new)
    convention = registry.convention
    if convention is not None:
        convention = _convention(convention, as_of)
    result = dataclasses.replace(registry, convention=convention, as_of=as_of, **lists)
    if new_origins:
        result._origins = {**origins, **new_origins}
    return result


# --- one function per record type (the cut-offs) -----------------------------------------


def _preuves(preuves: list[Preuve], as_of: date) -> list[Preuve] | None:
    """The proofs known on ``as_of``, or None when none is cut."""
    if all(p.date is None or p.date <= as_of for p in preuves):
        return None
    return [p for p in preuves if p.date is None or p.date <= as_of]


def _journal(journal: list[EntreeJournal], as_of: date) -> list[EntreeJournal] | None:
    """The entries dated up to ``as_of`` (their later proofs dropped), or None when
    nothing is cut."""
    changed = False
    kept = []
    for entry in journal:
        if entry.date > as_of:
            changed = True
            continue
        preuves = _preuves(entry.preuves, as_of)
        if preuves is not None:
            changed = True
        kept.append(entry if preuves is None else entry.model_copy(update={"preuves": preuves}))
    return kept if changed else None


def _indicateurs(indicateurs: list[Indicateur], as_of: date) -> list[Indicateur] | None:
    changed = False
    kept = []
    for indicateur in indicateurs:
        if any(m.date > as_of for m in indicateur.mesures):
            changed = True
            kept.append(indicateur.model_copy(
                update={"mesures": [m for m in indicateur.mesures if m.date <= as_of]}))
        else:
            kept.append(indicateur)
    return kept if changed else None


def statut_recorded(journal: list[EntreeJournal]) -> str:
    """The last status a journal records (in date order), else ``non_renseigne``."""
    status = "non_renseigne"
    for entry in sorted(journal, key=lambda e: e.date):
        if entry.statut is not None:
            status = entry.statut
    return status


def _engagement(eng: Engagement, as_of: date) -> Engagement:
    journal = _journal(eng.journal, as_of)
    preuves = _preuves(eng.preuves, as_of)
    indicateurs = _indicateurs(eng.indicateurs, as_of)
    if journal is None and preuves is None and indicateurs is None:
        return eng
    update: dict[str, object] = {}
    if journal is not None or preuves is not None:
        entries = eng.journal if journal is None else journal
        update["statut"] = statut_recorded(entries)
        if update["statut"] == "non_renseigne" and not any(e.statut for e in eng.journal):
            # a status resting on proofs only holds while one of them is known
            known = eng.preuves if preuves is None else preuves
            if known:
                update["statut"] = eng.statut
    if journal is not None:
        update["journal"] = journal
    if preuves is not None:
        update["preuves"] = preuves
    if indicateurs is not None:
        update["indicateurs"] = indicateurs
    return eng.model_copy(update=update)


def _groupe(groupe: GroupeTravail, as_of: date) -> GroupeTravail:
    journal = _journal(groupe.journal, as_of)
    if journal is None:
        return groupe
    statut = groupe.statut
    if not journal:
        statut = "non_renseigne"
    elif statut == "clos":
        statut = "actif"
    return groupe.model_copy(update={"journal": journal, "statut": statut})


def _action(action: Action, as_of: date) -> Action:
    update: dict[str, object] = {}
    if action.cloture is not None and action.cloture > as_of:
        update["cloture"] = None
    preuves = _preuves(action.preuves, as_of)
    if preuves is not None:
        update["preuves"] = preuves
    return action.model_copy(update=update) if update else action


def _reunion(reunion: Reunion, as_of: date) -> Reunion:
    actions = [_action(a, as_of) for a in reunion.actions]
    if all(new is old for new, old in zip(actions, reunion.actions, strict=True)):
        return reunion
    return reunion.model_copy(update={"actions": actions})


_Suivi = TypeVar("_Suivi", Projet, DemandeEvaluation)


def _suivi(record: _Suivi, as_of: date, first: str) -> _Suivi:
    """A project or an evaluation request as known on ``as_of``: later journal entries
    dropped, status = last one noted (else its first status)."""
    journal = _journal(record.journal, as_of)
    if journal is None:
        return record
    noted = [e.statut for e in sorted(journal, key=lambda e: e.date) if e.statut is not None]
    return record.model_copy(update={"journal": journal,
                                     "statut": noted[-1] if noted else first})


def _partie(partie: Partie, as_of: date) -> Partie:
    """Referents who take office after ``as_of`` are not known yet, nor names taken
    after it (an alias ``depuis: décembre 2023`` is known from its first possible day;
    one whose ``depuis`` is no date is kept: free text is not guessed)."""
    update: dict[str, object] = {}
    referent = partie.referent
    if referent is not None and any(p.depuis is not None and p.depuis > as_of
                                    for p in referent.personnes):
        personnes = [p for p in referent.personnes if p.depuis is None or p.depuis <= as_of]
        update["referent"] = referent.model_copy(update={"personnes": personnes})
    alias = [a for a in partie.alias if (first_day(a.depuis) or as_of) <= as_of]
    if len(alias) != len(partie.alias):
        update["alias"] = alias
    return partie.model_copy(update=update) if update else partie


_dated = attrgetter("date")

_RECORDS: tuple[tuple[str, Callable[[Any], date] | None, Callable[[Any, date], Any]], ...] = (
    ("engagements", None, _engagement),
    ("groupes_travail", None, _groupe),
    ("reunions", _dated, _reunion),
    ("projets", _dated, lambda projet, as_of: _suivi(projet, as_of, "repere")),
    ("evaluations", _dated, lambda evaluation, as_of: _suivi(evaluation, as_of, "recue")),
    ("parties", None, _partie),
)
"""The record lists of the registry and their cut-offs, one line a record type: the field
of ``Registry``; the date of a record, when one dated after ``as_of`` is dropped whole
(None: records are kept, only cut); the cut of a record kept (same object when nothing
is cut)."""


def _convention(convention: Convention, as_of: date) -> Convention:
    if all(a.date_signature <= as_of for a in convention.avenants):
        return convention
    return convention.model_copy(update={
        "avenants": [a for a in convention.avenants if a.date_signature <= as_of]})
