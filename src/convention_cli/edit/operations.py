"""The registry's edit operations: journal, meetings, decisions, actions.

Each operation works on a ``RegistryTransaction`` (see ``writer``): it finds its
target in the parsed tree, refuses bad arguments with a French message naming the
accepted values, and appends or changes only what it must. Repeating an identical
edit changes nothing. New ids are readable and derived from what they name
(``commission-2026-03-12``, ``commission-2026-03-12-action-2``); a number is never
taken twice within the registry as it stands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath
from typing import Any

from convention_cli.domain.queries import unknown_message
from convention_cli.edit.splice import dated_index
from convention_cli.edit.transaction import RegistryTransaction
from convention_cli.errors import UsageError, UserError
from convention_cli.load.yaml_reader import YamlMap, YamlSeq
from convention_cli.vocab import (
    EVALUATION_STATUT_LABELS,
    GT_STATUT_LABELS,
    PROJET_STATUT_LABELS,
    STATUT_LABELS,
    format_date,
)

INSTANCES = ("commission", "referents", "gt:ID")


@dataclass(frozen=True)
class EditOutcome:
    """What an operation did, for the command's message."""

    message: str
    changed: bool = True


def _entries(root: Any, key: str) -> YamlSeq:
    items = root.get(key) if isinstance(root, YamlMap) else None
    if not isinstance(items, YamlSeq):
        raise UserError(f"la liste « {key} » est absente ou mal formée : lancez convention "
                        "validate")
    return items


def _find(items: YamlSeq, ident: str, kind: str, feminine: bool = False) -> YamlMap:
    for item in items:
        if isinstance(item, YamlMap) and item.get("id") == ident:
            return item
    ids = [str(i.get("id")) for i in items if isinstance(i, YamlMap)]
    raise UserError(unknown_message(kind, ident, ids, feminine=feminine))


def _preuve(url: str, day: date) -> dict[str, Any]:
    name = PurePosixPath(url.rstrip("/")).name or url
    return {"libelle": f"Preuve du {format_date(day)} : {name}", "url": url, "date": day}


def _same(existing: Any, wanted: dict[str, Any]) -> bool:
    """An entry already holds every value of ``wanted`` (dates compared as text)."""
    if not isinstance(existing, YamlMap):
        return False
    for key, value in wanted.items():
        if isinstance(value, list):
            continue
        expected = value.isoformat() if isinstance(value, date) else value
        if existing.get(key) != expected:
            return False
    return True


# Where a journal lives: (file, list key, kind for messages, statuses it accepts).
_JOURNAL_OWNERS: tuple[tuple[str, str, str, dict[str, str]], ...] = (
    ("engagements", "engagements", "engagement", STATUT_LABELS),
    ("groupes_travail", "groupes_travail", "groupe de travail", GT_STATUT_LABELS),
    ("engagements", "projets", "projet", PROJET_STATUT_LABELS),
    ("engagements", "evaluations", "demande d'évaluation", EVALUATION_STATUT_LABELS),
)


def _journal_owner(tx: RegistryTransaction, ident: str) -> tuple[str, YamlMap, str,
                                                                  dict[str, str]]:
    """(file, entry, kind, statuses) of the record ``ident`` whose journal is edited."""
    known: list[str] = []
    for name, key, kind, statuses in _JOURNAL_OWNERS:
        root = tx.editor(name).root
        items = root.get(key) if isinstance(root, YamlMap) else None
        for item in items if isinstance(items, YamlSeq) else []:
            if isinstance(item, YamlMap):
                known.append(str(item.get("id")))
                if item.get("id") == ident:
                    return name, item, kind, statuses
    raise UserError(unknown_message(
        "engagement, groupe de travail, projet ou demande d'évaluation", ident, known))


@dataclass(frozen=True)
class JournalFields:
    """A journal entry as the user gives it (``journal add`` options, a row of ``import``):
    one place for its fields, from the command to the YAML entry."""

    day: date
    texte: str
    auteur: str | None = None
    statut: str | None = None
    """The owner's new status."""
    preuve: str | None = None
    """An address or path, kept as a dated ``preuves`` item."""
    confidentiel: bool = False
    honore: str | None = None
    """The id of the échéance the entry honours (written as ``echeance``)."""
    source: str | None = None
    parties: tuple[str, ...] = ()
    """The parties the entry attests (a status of a joint engagement needs them)."""

    def entry(self) -> dict[str, Any]:
        """The YAML entry, keys in the registry's order."""
        entry: dict[str, Any] = {"date": self.day, "texte": self.texte}
        if self.auteur:
            entry["auteur"] = self.auteur
        if self.source:
            entry["source"] = self.source
        if self.parties:
            entry["parties"] = list(self.parties)
        if self.statut:
            entry["statut"] = self.statut
        if self.honore:
            entry["echeance"] = self.honore
        if self.preuve:
            entry["preuves"] = [_preuve(self.preuve, self.day)]
        if self.confidentiel:
            entry["confidentiel"] = True
        return entry


@dataclass(frozen=True)
class PreparedEntry:
    """A journal entry checked against the registry, ready to be appended."""

    file: str
    owner: YamlMap
    entry: dict[str, Any]
    statuses: dict[str, str]

    @property
    def present(self) -> bool:
        """The owner's journal already holds this entry (a repeat changes nothing)."""
        journal = self.owner.get("journal")
        return isinstance(journal, YamlSeq) and any(_same(e, self.entry) for e in journal)


def prepare_journal_entry(tx: RegistryTransaction, ident: str,
                          fields: JournalFields) -> PreparedEntry:
    """Check a journal entry's fields against the registry and build it (nothing is
    changed yet)."""
    if not fields.texte.strip():
        raise UsageError("--texte est vide")
    name, owner, kind, statuses = _journal_owner(tx, ident)
    statut = fields.statut
    if statut is not None and statut not in statuses:
        raise UsageError(f"statut inconnu « {statut} » pour un {kind} ; statuts possibles : "
                         + ", ".join(statuses))
    if statut is not None and not (fields.source or fields.preuve):
        raise UsageError(f"statut « {statut} » sans source : un statut s'appuie sur une source ; "
                         "indiquez d'où vient l'entrée (source ou preuve)")
    if fields.parties:
        known = [str(p.get("id")) for p in _entries(tx.editor("parties").root, "parties")
                 if isinstance(p, YamlMap)]
        owner_parties = owner.get("parties")
        allowed = [str(p) for p in owner_parties] if isinstance(owner_parties, YamlSeq) \
            else known
        for partie in fields.parties:
            if partie not in allowed:
                raise UserError(unknown_message(f"partie de « {ident} »", partie, allowed,
                                                feminine=True))
    return PreparedEntry(name, owner, fields.entry(), statuses)


def add_journal_entry(tx: RegistryTransaction, ident: str,
                      fields: JournalFields) -> EditOutcome:
    """Append a dated entry to the journal of an engagement, a working group, a project or
    an evaluation request; with ``statut``, change its status; with ``honore``, name the
    échéance it honours (checked by the re-validation: REF003, REF004). ``source`` says
    where the entry comes from; ``parties`` which parties it attests (a status of a joint
    engagement needs them, PRV002)."""
    prepared = prepare_journal_entry(tx, ident, fields)
    if prepared.present:
        return EditOutcome(f"entrée déjà présente au journal de « {ident} » : rien à "
                           "faire", changed=False)
    editor = tx.editor(prepared.file)
    owner = prepared.owner
    # At its date's place: an entry dated before the last one keeps the journal in order.
    editor.insert_item(owner, "journal", dated_index(owner.get("journal"), "date", fields.day),
                       prepared.entry)
    message = f"entrée du {fields.day.isoformat()} ajoutée au journal de « {ident} »"
    if fields.honore:
        message += f" ; honore l'échéance « {fields.honore} »"
    if fields.statut and owner.get("statut") != fields.statut:
        editor.set_value(owner, "statut", fields.statut)
        message += f" ; statut : {prepared.statuses[fields.statut]}"
    return EditOutcome(message)


def parse_instance(instance: str) -> tuple[str, str | None]:
    """``commission`` / ``referents`` / ``gt:ID`` → (instance, working group id)."""
    if instance in ("commission", "referents"):
        return instance, None
    if instance.startswith("gt:") and len(instance) > 3:
        return "groupe_travail", instance[3:]
    raise UsageError(f"instance inconnue « {instance} » ; instances possibles : "
                     + ", ".join(INSTANCES))


def _unique_id(base: str, taken: set[str]) -> str:
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def _all_ids(tx: RegistryTransaction) -> set[str]:
    root = tx.editor("reunions").root
    ids: set[str] = set()
    for reunion in _entries(root, "reunions"):
        if not isinstance(reunion, YamlMap):
            continue
        ids.add(str(reunion.get("id")))
        for key in ("decisions", "actions"):
            for item in reunion.get(key) or []:
                if isinstance(item, YamlMap):
                    ids.add(str(item.get("id")))
    return ids


REUNION_SOURCE = "Déclarée par le secrétariat de la commission"
"""The source of a meeting recorded without ``--source``."""


def _reunion_conflicts(existing: YamlMap, given: dict[str, Any]) -> list[str]:
    """What ``given`` (the values the user gave: None or empty when not given) says
    differently from the meeting already recorded, as French phrases."""
    differences: list[str] = []
    for key, value in given.items():
        if value is None or value == [] or value is False:
            continue
        recorded = existing.get(key)
        if isinstance(recorded, YamlSeq):
            recorded = [str(item) for item in recorded]
        if recorded == value:
            continue
        if key == "confidentiel":
            differences.append("confidentielle dans la commande, pas dans le registre")
            continue
        shown = ", ".join(value) if isinstance(value, list) else value
        was = ("rien" if recorded is None else
               "« " + (", ".join(recorded) if isinstance(recorded, list) else str(recorded))
               + " »")
        differences.append(f"{key} : {was} dans le registre, « {shown} » dans la commande")
    return differences


def add_reunion(
    tx: RegistryTransaction, *, instance: str, day: date, participants: list[str],
    lieu: str | None, source: str | None, confidentiel: bool = False,
) -> EditOutcome:
    """Record a meeting held. The same instance on the same day is the same meeting:
    repeating it with the same data (or less) changes nothing; with different data it is
    refused (exit 1), naming what differs, and nothing is changed."""
    kind, group = parse_instance(instance)
    if group is not None:
        groups = _entries(tx.editor("groupes_travail").root, "groupes_travail")
        _find(groups, group, "groupe de travail")
    editor = tx.editor("reunions")
    reunions = _entries(editor.root, "reunions")
    for existing in reunions:
        if (isinstance(existing, YamlMap) and existing.get("instance") == kind
                and existing.get("date") == day.isoformat()
                and existing.get("groupe_travail") == group):
            differences = _reunion_conflicts(existing, {
                "lieu": lieu, "participants": participants, "source": source,
                "confidentiel": confidentiel})
            if differences:
                raise UserError(f"réunion déjà enregistrée : {existing.get('id')}, avec "
                                "d'autres données : " + " ; ".join(differences)
                                + " ; rien n'a été modifié (corrigez reunions.yaml à la "
                                "main si la réunion enregistrée est fausse)")
            return EditOutcome(f"réunion déjà enregistrée : {existing.get('id')}",
                               changed=False)
    prefix = group if group is not None else kind
    ident = _unique_id(f"{prefix}-{day.isoformat()}", _all_ids(tx))
    reunion: dict[str, Any] = {"id": ident, "instance": kind}
    if group is not None:
        reunion["groupe_travail"] = group
    reunion["date"] = day
    if lieu:
        reunion["lieu"] = lieu
    if participants:
        reunion["participants"] = participants
    reunion["source"] = source or REUNION_SOURCE
    if confidentiel:
        reunion["confidentiel"] = True
    editor.append_item(editor.root, "reunions", reunion)
    return EditOutcome(f"réunion enregistrée : {ident}")


def _next_child_id(reunion: YamlMap, key: str, kind: str, taken: set[str]) -> str:
    pattern = re.compile(rf"^{re.escape(str(reunion.get('id')))}-{kind}-(\d+)$")
    numbers = [int(m.group(1)) for item in reunion.get(key) or []
               if isinstance(item, YamlMap) and (m := pattern.match(str(item.get("id"))))]
    return _unique_id(f"{reunion.get('id')}-{kind}-{max(numbers, default=0) + 1}", taken)


def add_decision(tx: RegistryTransaction, reunion_id: str, *, texte: str,
                 confidentiel: bool = False) -> EditOutcome:
    if not texte.strip():
        raise UsageError("--texte est vide")
    editor = tx.editor("reunions")
    reunion = _find(_entries(editor.root, "reunions"), reunion_id, "réunion", feminine=True)
    for existing in reunion.get("decisions") or []:
        if _same(existing, {"texte": texte}):
            return EditOutcome(f"décision déjà enregistrée : {existing.get('id')}",
                               changed=False)
    ident = _next_child_id(reunion, "decisions", "decision", _all_ids(tx))
    decision: dict[str, Any] = {"id": ident, "texte": texte}
    if confidentiel:
        decision["confidentiel"] = True
    editor.append_item(reunion, "decisions", decision)
    return EditOutcome(f"décision enregistrée : {ident}")


def add_action(
    tx: RegistryTransaction, reunion_id: str, *, texte: str, responsable: str,
    echeance: date, confidentiel: bool = False,
) -> EditOutcome:
    if not texte.strip():
        raise UsageError("--texte est vide")
    parties = [str(p.get("id")) for p in _entries(tx.editor("parties").root, "parties")
               if isinstance(p, YamlMap)]
    if responsable not in parties:
        raise UserError(unknown_message("partie responsable", responsable, parties,
                                        feminine=True))
    editor = tx.editor("reunions")
    reunion = _find(_entries(editor.root, "reunions"), reunion_id, "réunion", feminine=True)
    wanted = {"texte": texte, "responsable": responsable, "echeance": echeance}
    for existing in reunion.get("actions") or []:
        if _same(existing, wanted):
            return EditOutcome(f"action déjà enregistrée : {existing.get('id')}",
                               changed=False)
    ident = _next_child_id(reunion, "actions", "action", _all_ids(tx))
    action: dict[str, Any] = {"id": ident, **wanted}
    if confidentiel:
        action["confidentiel"] = True
    editor.append_item(reunion, "actions", action)
    return EditOutcome(f"action enregistrée : {ident} (échéance {echeance.isoformat()})")


def close_action(tx: RegistryTransaction, action_id: str, *, day: date,
                 preuve: str | None = None) -> EditOutcome:
    editor = tx.editor("reunions")
    found: YamlMap | None = None
    ids: list[str] = []
    for reunion in _entries(editor.root, "reunions"):
        for action in (reunion.get("actions") or []) if isinstance(reunion, YamlMap) else []:
            if isinstance(action, YamlMap):
                ids.append(str(action.get("id")))
                if action.get("id") == action_id:
                    found = action
    if found is None:
        raise UserError(unknown_message("action", action_id, ids, feminine=True))
    closed = found.get("cloture")
    if closed == day.isoformat() and not preuve:
        return EditOutcome(f"action « {action_id} » déjà close le {closed} : rien à faire",
                           changed=False)
    if closed is not None and closed != day.isoformat():
        raise UserError(f"action « {action_id} » déjà close le {closed}")
    if closed is None:
        editor.set_value(found, "cloture", day)
    if preuve:
        evidence = _preuve(preuve, day)
        if any(_same(p, {"url": preuve}) for p in found.get("preuves") or []):
            return EditOutcome(f"action « {action_id} » close le {day.isoformat()}",
                               changed=closed is None)
        editor.append_item(found, "preuves", evidence)
    return EditOutcome(f"action « {action_id} » close le {day.isoformat()}")
