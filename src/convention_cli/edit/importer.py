"""``convention import``: new rows of a filled workbook (or CSV folder) into the registry.

The sheets ``journal``, ``mesures`` and ``actions`` are read row by row; every row is
checked first, by the same functions as the edit commands (``prepare_journal_entry``,
``prepare_mesure``…), and each problem is located in the workbook
(``registre.xlsx:journal!C7: …`` or ``journal.csv:7:3: …``). Rows already in the
registry are recognised and skipped, so importing the same file twice changes nothing.
Any error: nothing is written. Otherwise the new rows are spliced, grouped by the list
they go to (one splice per list: no parse between rows), and the whole registry is
re-validated ONCE before the atomic write, under the lock. Changes made to the other
(read-only) sheets are reported, never applied.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from convention_cli.edit.operations import (
    JournalFields,
    PreparedEntry,
    _entries,
    _preuve,
    _unique_id,
    prepare_journal_entry,
)
from convention_cli.edit.records import parse_number, prepare_mesure
from convention_cli.edit.transaction import RegistryTransaction
from convention_cli.errors import ConventionError, UserError
from convention_cli.formats.spreadsheet import Sheet, SheetRow, csv_cell
from convention_cli.formats.tables import WRITABLE_SHEETS, SheetTable, cell_text
from convention_cli.load.yaml_reader import YamlMap, YamlSeq
from convention_cli.vocab import plural

MAX_REPORTED = 20
"""Read-only changes listed one by one; beyond, a count."""

_TRUE = {"oui", "vrai", "true", "1", "x"}
_FALSE = {"non", "faux", "false", "0", ""}


class ImportRefusedError(UserError):
    """Rows that cannot be applied: nothing is written. Carries the located messages."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(f"import refusé : {plural(len(problems), 'problème')} ; aucun "
                         "fichier n'a été modifié")
        self.problems = problems


@dataclass
class ImportReport:
    added: dict[str, int] = field(default_factory=dict)
    closed: int = 0
    skipped: int = 0
    ignored: list[str] = field(default_factory=list)
    """Changes made to read-only sheets or cells, reported and not applied."""


class _RowError(Exception):
    def __init__(self, column: str | None, message: str) -> None:
        super().__init__(message)
        self.column = column


def _cell(row: SheetRow, column: str, required: bool, expected: str = "") -> Any:
    """The cell's value; None when empty, an error when ``required``."""
    value = row.values.get(column)
    if value is None and required:
        raise _RowError(column, f"« {column} » est vide{expected}")
    return value


def _text(row: SheetRow, column: str, required: bool = False) -> str | None:
    value = _cell(row, column, required)
    return None if value is None else cell_text(value)


def _need(row: SheetRow, column: str) -> str:
    text = _text(row, column, required=True)
    assert text is not None
    return text


def _need_day(row: SheetRow, column: str) -> date:
    day = _day(row, column)
    assert day is not None
    return day


def _day(row: SheetRow, column: str, required: bool = True) -> date | None:
    value = _cell(row, column, required, " : date AAAA-MM-JJ attendue")
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise _RowError(column, f"date invalide « {value} » (attendu AAAA-MM-JJ)") from None


def _flag(row: SheetRow, column: str) -> bool:
    value = row.values.get(column)
    if isinstance(value, bool):
        return value
    text = cell_text(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise _RowError(column, f"« {value} » : oui ou non attendu")


def _ref(row: SheetRow, column: str) -> str | None:
    """An identifier or a coded value: read without regard to case, like the options of
    the command line (the registry's ids and codes are lower case)."""
    text = _text(row, column)
    return None if text is None else text.strip().lower()


def _ids(row: SheetRow, column: str) -> tuple[str, ...]:
    text = _ref(row, column) or ""
    return tuple(p.strip() for p in text.split(",") if p.strip())


def _number(row: SheetRow, column: str) -> int | float:
    value = row.values.get(column)
    if isinstance(value, bool) or value is None:
        raise _RowError(column, f"« {column} » : nombre attendu")
    if isinstance(value, int | float):
        return int(value) if isinstance(value, float) and value.is_integer() else value
    try:
        return parse_number(str(value), column)
    except ConventionError as exc:
        raise _RowError(column, str(exc)) from None


@dataclass
class _Plan:
    """What the import will splice, grouped by target list."""

    journal: dict[int, tuple[str, YamlMap, list[PreparedEntry]]] = field(default_factory=dict)
    mesures: dict[int, tuple[YamlMap, list[dict[str, Any]]]] = field(default_factory=dict)
    actions: dict[int, tuple[YamlMap, list[dict[str, Any]]]] = field(default_factory=dict)
    closings: list[tuple[YamlMap, date, str | None]] = field(default_factory=list)


def _journal_row(tx: RegistryTransaction, row: SheetRow, plan: _Plan,
                 seen: set[tuple[str, str, str]]) -> bool:
    ident = _need(row, "element").strip().lower()
    day = _need_day(row, "date")
    texte = _need(row, "texte")
    key = (ident, day.isoformat(), texte)
    if key in seen:
        return False
    seen.add(key)
    try:
        prepared = prepare_journal_entry(tx, ident, JournalFields(
            day=day, texte=texte, auteur=_text(row, "auteur"), statut=_ref(row, "statut"),
            preuve=_text(row, "preuve"), confidentiel=_flag(row, "confidentiel"),
            honore=_ref(row, "echeance"), source=_text(row, "source"),
            parties=_ids(row, "parties")))
    except ConventionError as exc:
        message = str(exc)
        column = ("source" if "sans source" in message else
                  "statut" if "statut" in message else
                  "parties" if "partie" in message else "element")
        raise _RowError(column, message) from None
    if prepared.present:
        return False
    group = plan.journal.setdefault(id(prepared.owner), (prepared.file, prepared.owner, []))
    group[2].append(prepared)
    return True


def _mesure_row(tx: RegistryTransaction, row: SheetRow, plan: _Plan,
                computed: set[tuple[str, str, str]], report: ImportReport,
                sheet: Sheet) -> bool:
    ident = _need(row, "indicateur").strip().lower()
    day = _need_day(row, "date")
    if row.values.get("calculee") not in (None, False) and _flag(row, "calculee"):
        if (ident, day.isoformat(), cell_text(row.values.get("valeur"))) not in computed:
            report.ignored.append(f"{sheet.location(row.number, 'valeur')}: mesure calculée "
                                  "modifiée : non appliquée (elle se calcule à partir du "
                                  "registre)")
        return False
    valeur = _number(row, "valeur")
    source = _need(row, "source")
    try:
        indicator, entry, present = prepare_mesure(
            tx, ident, valeur=valeur, day=day, source=source,
            commentaire=_text(row, "commentaire"), confidentiel=_flag(row, "confidentiel"))
    except ConventionError as exc:
        raise _RowError("indicateur", str(exc)) from None
    group = plan.mesures.setdefault(id(indicator), (indicator, []))
    if present or any(m["date"] == day and m["valeur"] == valeur for m in group[1]):
        return False
    group[1].append(entry)
    return True


@dataclass
class _Actions:
    by_id: dict[str, tuple[YamlMap, YamlMap]]
    reunions: dict[str, YamlMap]
    parties: list[str]
    taken: set[str]


def _actions_index(tx: RegistryTransaction) -> _Actions:
    reunions: dict[str, YamlMap] = {}
    by_id: dict[str, tuple[YamlMap, YamlMap]] = {}
    taken: set[str] = set()
    for reunion in _entries(tx.editor("reunions").root, "reunions"):
        if not isinstance(reunion, YamlMap):
            continue
        reunions[str(reunion.get("id"))] = reunion
        taken.add(str(reunion.get("id")))
        for key in ("decisions", "actions"):
            for item in reunion.get(key) or []:
                if isinstance(item, YamlMap):
                    taken.add(str(item.get("id")))
                    if key == "actions":
                        by_id[str(item.get("id"))] = (reunion, item)
    parties = [str(p.get("id")) for p in _entries(tx.editor("parties").root, "parties")
               if isinstance(p, YamlMap)]
    return _Actions(by_id, reunions, parties, taken)


def _action_row(row: SheetRow, plan: _Plan, index: _Actions, report: ImportReport,
                sheet: Sheet) -> str | None:
    """'added', 'closed' or None (skipped)."""
    from convention_cli.domain.queries import unknown_message

    ident = _ref(row, "id")
    closed = _day(row, "cloturee_le", required=False)
    preuve = _text(row, "preuve")
    if ident is not None:
        found = index.by_id.get(ident)
        if found is None:
            raise _RowError("id", unknown_message("action", ident, index.by_id, feminine=True)
                            + " ; laissez « id » vide pour une nouvelle action")
        _reunion, action = found
        for column, key in (("texte", "texte"), ("responsable", "responsable"),
                            ("echeance", "echeance")):
            given = row.values.get(column)
            if given is not None and cell_text(given) != str(action.get(key)) and not (
                    column == "responsable" and _ref(row, column) == action.get(key)):
                report.ignored.append(f"{sheet.location(row.number, column)}: « {column} » "
                                      "d'une action existante modifié : non appliqué (seules "
                                      "cloturee_le et preuve s'importent)")
        current = action.get("cloture")
        if closed is None:
            if preuve and not current:
                raise _RowError("cloturee_le", "preuve sans date de clôture : remplissez "
                                "« cloturee_le »")
            return None
        if current is not None:
            if current != closed.isoformat():
                raise _RowError("cloturee_le", f"action « {ident} » déjà close le {current}")
            return None
        plan.closings.append((action, closed, preuve))
        return "closed"
    reunion_id = _need(row, "reunion").strip().lower()
    texte = _need(row, "texte")
    responsable = _need(row, "responsable").strip().lower()
    echeance = _need_day(row, "echeance")
    reunion = index.reunions.get(reunion_id)
    if reunion is None:
        raise _RowError("reunion", unknown_message("réunion", reunion_id, index.reunions,
                                                   feminine=True))
    if responsable not in index.parties:
        raise _RowError("responsable", unknown_message("partie responsable", responsable,
                                                       index.parties, feminine=True))
    wanted = {"texte": texte, "responsable": responsable, "echeance": echeance.isoformat()}
    for existing in reunion.get("actions") or []:
        if isinstance(existing, YamlMap) and all(existing.get(k) == v
                                                 for k, v in wanted.items()):
            return None
    group = plan.actions.setdefault(id(reunion), (reunion, []))
    if any(a["texte"] == texte and a["responsable"] == responsable
           and a["echeance"] == echeance for a in group[1]):
        return None
    numbers = [int(str(a.get("id")).rsplit("-", 1)[-1]) for a in reunion.get("actions") or []
               if isinstance(a, YamlMap) and str(a.get("id")).rsplit("-", 1)[-1].isdigit()]
    base = f"{reunion_id}-action-{max(numbers, default=0) + len(group[1]) + 1}"
    new_id = _unique_id(base, index.taken)
    index.taken.add(new_id)
    new: dict[str, Any] = {"id": new_id, "texte": texte, "responsable": responsable,
                           "echeance": echeance}
    if closed is not None:
        new["cloture"] = closed
        if preuve:
            new["preuves"] = [_preuve(preuve, closed)]
    if _flag(row, "confidentiel"):
        new["confidentiel"] = True
    group[1].append(new)
    return "added"


def _read_only_changes(sheets: dict[str, Sheet], tables: list[SheetTable]) -> list[str]:
    """Rows added or cells changed in the sheets an import does not apply."""
    notes: list[str] = []
    for table in tables:
        sheet = sheets.get(table.name)
        if sheet is None or table.name in WRITABLE_SHEETS or table.name == "echeances":
            continue  # échéances are computed: their state depends on the day
        expected = {cell_text(row[0]): row for row in table.rows}
        for row in sheet.rows:
            key = cell_text(row.values.get(table.columns[0]))
            known = expected.get(key)
            if known is None:
                notes.append(f"{sheet.location(row.number)}: ligne ajoutée à la feuille "
                             f"{table.name} (lecture seule) : non appliquée")
                continue
            for column, value in zip(table.columns, known, strict=True):
                if column not in row.values:
                    continue
                wanted = cell_text(value) if sheet.xlsx else csv_cell(value)
                if cell_text(row.values[column]) != wanted:
                    notes.append(f"{sheet.location(row.number, column)}: « {column} » modifié "
                                 f"dans la feuille {table.name} (lecture seule) : non appliqué")
    return notes


def import_rows(tx: RegistryTransaction, sheets: dict[str, Sheet],
                tables: list[SheetTable]) -> ImportReport:
    """Check every row, then splice the new ones (grouped); raises ``ImportRefusedError``
    with every located problem, before any change."""
    report = ImportReport()
    problems: list[str] = []
    plan = _Plan()
    counts = dict.fromkeys(WRITABLE_SHEETS, 0)
    computed = {(cell_text(r[0]), cell_text(r[1]), cell_text(r[2]))
                for t in tables if t.name == "mesures" for r in t.rows if r[-1] is True}
    index = _actions_index(tx) if "actions" in sheets else None
    seen: set[tuple[str, str, str]] = set()
    for name in WRITABLE_SHEETS:
        sheet = sheets.get(name)
        if sheet is None:
            continue
        for row in sheet.rows:
            try:
                if name == "journal":
                    added = _journal_row(tx, row, plan, seen)
                elif name == "mesures":
                    added = _mesure_row(tx, row, plan, computed, report, sheet)
                else:
                    assert index is not None
                    outcome = _action_row(row, plan, index, report, sheet)
                    added = outcome == "added"
                    report.closed += outcome == "closed"
                    if outcome == "closed":
                        continue
            except _RowError as exc:
                problems.append(f"{sheet.location(row.number, exc.column)}: {exc}")
                continue
            if added:
                counts[name] += 1
            else:
                report.skipped += 1
    if problems:
        raise ImportRefusedError(problems)
    report.ignored.extend(_read_only_changes(sheets, tables))
    _apply(tx, plan)
    report.added = counts
    return report


def _apply(tx: RegistryTransaction, plan: _Plan) -> None:
    """Splice the plan: one append per list, at most one status change per record."""
    for file, owner, entries in plan.journal.values():
        editor = tx.current(file)
        editor.append_items(owner, "journal", [p.entry for p in entries])
        statuses = [p.entry["statut"] for p in sorted(entries, key=lambda p: p.entry["date"])
                    if "statut" in p.entry]
        if statuses and owner.get("statut") != statuses[-1]:
            editor.set_value(owner, "statut", statuses[-1])
    engagements = tx.current("engagements") if plan.mesures else None
    for indicator, mesures in plan.mesures.values():
        assert engagements is not None
        engagements.append_items(indicator, "mesures", mesures)
    reunions = tx.current("reunions") if plan.actions or plan.closings else None
    for reunion, actions in plan.actions.values():
        assert reunions is not None
        reunions.append_items(reunion, "actions", actions)
    for action, day, preuve in plan.closings:
        assert reunions is not None
        reunions.set_value(action, "cloture", day)
        if preuve:
            existing = action.get("preuves")
            if not (isinstance(existing, YamlSeq)
                    and any(isinstance(p, YamlMap) and p.get("url") == preuve
                            for p in existing)):
                reunions.append_items(action, "preuves", [_preuve(preuve, day)])
