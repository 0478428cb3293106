"""The per-territory section of the bilans: the projects (II) and evaluation requests
(II.3.1) a territory received, and the missions locales concerned, by name only where
the name is verified (only « haute » confidence in a public document)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from convention_cli.load.registry import Registry
from convention_cli.models import EntreeJournal
from convention_cli.views.public import fact_value, visible_journal, visible_suivis
from convention_cli.vocab import EVALUATION_STATUT_LABELS, PROJET_STATUT_LABELS


class SuiviBilanRow(NamedTuple):
    """A project or an evaluation request in a territory's table."""

    nature: str
    libelle: str
    statut: str
    date: date
    mission_locale: str


@dataclass(frozen=True)
class TerritoireBilan:
    nom: str
    suivis: tuple[SuiviBilanRow, ...]
    missions_locales: tuple[str, ...]
    """The missions locales concerned, by name (only « haute » confidence in public;
    internally the registry's description when the name is not verified)."""
    non_nommees: int
    """Missions locales concerned whose name the document may not give."""


def territory_sections(
    registry: Registry, public: bool, start: date | None, end: date
) -> tuple[TerritoireBilan, ...]:
    """Per territory, the projects and evaluation requests received up to ``end`` (from
    ``start`` when given, or with a journal entry in [start, end]); territories without
    any are left out. ``registry``: a snapshot on ``end``."""
    def active(day: date, journal: Iterable[EntreeJournal]) -> bool:
        if start is None or day >= start:
            return day <= end
        return any(start <= e.date <= end for e in journal)

    missions = {m.id: (t.id, m) for t in registry.territoires for m in t.missions_locales}
    found: dict[str, list[tuple[SuiviBilanRow, str | None]]] = {}
    for projet in visible_suivis(registry.projets, public):
        if not active(projet.date, visible_journal(projet, public)):
            continue
        found.setdefault(projet.territoire, []).append((SuiviBilanRow(
            "projet innovant (II)", projet.titre, PROJET_STATUT_LABELS[projet.statut],
            projet.date, ""), projet.mission_locale))
    for demande in visible_suivis(registry.evaluations, public):
        if demande.mission_locale not in missions or not active(
                demande.date, visible_journal(demande, public)):
            continue
        found.setdefault(missions[demande.mission_locale][0], []).append((SuiviBilanRow(
            "demande d’évaluation (II.3.1)", demande.objet,
            EVALUATION_STATUT_LABELS[demande.statut], demande.date, ""),
            demande.mission_locale))
    sections = []
    for territory in registry.territoires:
        if territory.id not in found:
            continue
        names: list[str] = []
        unnamed: set[str] = set()
        rows = []
        for row, mission_id in sorted(found[territory.id], key=lambda r: (r[0].date, r[0].libelle)):
            name = "—"
            if mission_id is not None and mission_id in missions:
                mission = missions[mission_id][1]
                # Internally an unverified name gives way to the registry's description.
                value = fact_value(mission.nom, public) or (
                    None if public else mission.designation)
                if value is None:
                    unnamed.add(mission_id)
                    name = "nom non vérifié"
                else:
                    name = value
                    if value not in names:
                        names.append(value)
            rows.append(row._replace(mission_locale=name))
        sections.append(TerritoireBilan(territory.nom, tuple(rows), tuple(names),
                                        len(unnamed)))
    return tuple(sections)
