"""The registry as spreadsheet tables (``convention export --format csv|xlsx``).

One table per sheet, a header row of French field names, one row per record. Cells
hold plain values: text, number, date, boolean or None (an empty cell). Lists of ids
are written ``dgom, unml``. Which sheets an import may change is said here too: new
rows of ``journal``, ``mesures`` and ``actions`` (and the closing of an action, by
filling ``cloturee_le`` and ``preuve``); every other sheet is read-only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from convention_cli.load.registry import Registry
from convention_cli.models import Preuve
from convention_cli.views.public import (
    participants,
    person_name,
    visible_actions,
    visible_echeances,
    visible_engagements,
    visible_evaluations,
    visible_journal,
    visible_mesures,
    visible_preuves,
    visible_projets,
    visible_reunions,
)

Cell = str | int | float | date | bool | None

WRITABLE_SHEETS = ("journal", "mesures", "actions")
"""Sheets whose new rows ``convention import`` applies."""


@dataclass(frozen=True)
class SheetTable:
    name: str
    columns: tuple[str, ...]
    rows: list[tuple[Cell, ...]]


def _ids(values: list[str]) -> str | None:
    return ", ".join(values) if values else None


def _engagements(registry: Registry, as_of: date, public: bool) -> Iterator[tuple[Cell, ...]]:
    for e in visible_engagements(registry, public):
        yield (e.id, _ids(e.parties), e.clause, e.libelle, e.statut, e.echeance,
               e.recurrence, e.regle, e.confidentiel)


def _echeances(registry: Registry, as_of: date, public: bool) -> Iterator[tuple[Cell, ...]]:
    from convention_cli.domain.echeances import compute_echeances

    for e in visible_echeances(compute_echeances(registry, as_of), public):
        honoured = e.honneur.date if e.honneur and e.honneur.date <= as_of else None
        yield (e.id, e.date, e.libelle, e.objet.value, e.engagement, _ids(list(e.parties)),
               e.etat.value, honoured, e.confidentiel)


def _indicateurs(registry: Registry, as_of: date, public: bool) -> Iterator[tuple[Cell, ...]]:
    from convention_cli.domain.indicators import is_computed

    for e in visible_engagements(registry, public):
        for i in e.indicateurs:
            yield (i.id, e.id, i.libelle, i.type, i.cible, i.unite, i.periode, is_computed(e))


def _first_preuve(preuves: list[Preuve], public: bool) -> str | None:
    shown = visible_preuves(preuves, public)
    return shown[0].url if shown else None


def _journal(registry: Registry, as_of: date, public: bool) -> Iterator[tuple[Cell, ...]]:
    owners = {id(o) for o in (*visible_engagements(registry, public),
                              *visible_projets(registry, public),
                              *visible_evaluations(registry, public), *registry.groupes_travail)}
    for owner in registry.journal_owners:
        if id(owner) not in owners:
            continue
        for entry in visible_journal(owner, public):
            auteur = person_name(entry.auteur, public) if entry.auteur else None
            yield (owner.id, entry.date, entry.texte, auteur, entry.source,
                   _ids(entry.parties), entry.statut, entry.echeance,
                   _first_preuve(entry.preuves, public), entry.confidentiel)


def _mesures(registry: Registry, as_of: date, public: bool) -> Iterator[tuple[Cell, ...]]:
    from convention_cli.domain.indicators import indicator_measures

    for e in visible_engagements(registry, public):
        for i in e.indicateurs:
            for m in visible_mesures(indicator_measures(registry, e, i, as_of), public):
                yield (i.id, m.date, m.valeur, m.source, m.commentaire, m.confidentiel,
                       m.calculee)


def _actions(registry: Registry, as_of: date, public: bool) -> Iterator[tuple[Cell, ...]]:
    for r in visible_reunions(registry, public):
        for a in visible_actions(r, public):
            yield (a.id, r.id, a.texte, a.responsable, a.echeance, a.cloture,
                   _first_preuve(a.preuves, public), a.confidentiel)


def _projets(registry: Registry, as_of: date, public: bool) -> Iterator[tuple[Cell, ...]]:
    for p in visible_projets(registry, public):
        yield (p.id, p.titre, p.territoire, p.mission_locale, p.fonds, p.groupe_travail,
               p.date, p.source, p.statut, p.confidentiel)


def _evaluations(registry: Registry, as_of: date, public: bool) -> Iterator[tuple[Cell, ...]]:
    for d in visible_evaluations(registry, public):
        yield (d.id, d.objet, d.mission_locale, d.date, d.source, d.statut, d.confidentiel)


def _reunions(registry: Registry, as_of: date, public: bool) -> Iterator[tuple[Cell, ...]]:
    for r in visible_reunions(registry, public):
        yield (r.id, r.instance, r.groupe_travail, r.date, r.lieu,
               _ids(list(participants(r, public))), r.source, r.confidentiel)


_Rows = Callable[[Registry, date, bool], Iterator[tuple[Cell, ...]]]

TABLES: tuple[tuple[str, tuple[str, ...], _Rows], ...] = (
    ("engagements", ("id", "parties", "clause", "libelle", "statut", "echeance", "recurrence",
                     "regle", "confidentiel"), _engagements),
    ("echeances", ("id", "date", "libelle", "objet", "engagement", "parties", "etat",
                   "honoree_le", "confidentiel"), _echeances),
    ("indicateurs", ("id", "engagement", "libelle", "type", "cible", "unite", "periode",
                     "calcule"), _indicateurs),
    ("journal", ("element", "date", "texte", "auteur", "source", "parties", "statut",
                 "echeance", "preuve", "confidentiel"), _journal),
    ("mesures", ("indicateur", "date", "valeur", "source", "commentaire", "confidentiel",
                 "calculee"), _mesures),
    ("actions", ("id", "reunion", "texte", "responsable", "echeance", "cloturee_le", "preuve",
                 "confidentiel"), _actions),
    ("projets", ("id", "titre", "territoire", "mission_locale", "fonds", "groupe_travail",
                 "date", "source", "statut", "confidentiel"), _projets),
    ("evaluations", ("id", "objet", "mission_locale", "date", "source", "statut",
                     "confidentiel"), _evaluations),
    ("reunions", ("id", "instance", "groupe_travail", "date", "lieu", "participants",
                  "source", "confidentiel"), _reunions),
)
"""Sheets in workbook order: (name, French column names, rows)."""

COLUMNS_BY_SHEET: dict[str, tuple[str, ...]] = {name: columns for name, columns, _ in TABLES}
DATE_COLUMNS = frozenset({"date", "echeance", "honoree_le", "cloturee_le"})


def registry_tables(registry: Registry, as_of: date, *, public: bool = False) -> list[SheetTable]:
    """Every table of the registry as known on ``as_of`` (computed sheets included).

    ``public``: only what a public output may show, through ``views.public`` (no
    confidential record, no author or participant, no local path)."""
    from convention_cli.domain.snapshot import snapshot

    known = snapshot(registry, as_of)
    return [SheetTable(name, columns, list(rows(known, as_of, public)))
            for name, columns, rows in TABLES]


def cell_text(value: Any) -> str:
    """A cell as text, for comparisons and CSV: dates ISO, booleans ``oui``/``non``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, date):
        return value.isoformat()[:10]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def public_tables_json(tables: list[SheetTable]) -> dict[str, Any]:
    """The public tables as JSON (``export --public --format json``): one list of rows per
    table, each row keyed by the column names, dates as ISO texts."""
    from convention_cli import __version__

    def plain(value: Cell) -> Any:
        return value.isoformat() if isinstance(value, date) else value

    return {"format": 1, "outil": f"convention {__version__}", "public": True,
            "tables": {t.name: [{c: plain(v) for c, v in zip(t.columns, row, strict=True)}
                                for row in t.rows] for t in tables}}
