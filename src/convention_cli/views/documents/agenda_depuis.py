"""« Depuis la dernière commission »: what the registry recorded between the previous
meeting and the agenda, and the next major deliverables whatever their distance.

Pure: the registry is the agenda's snapshot (``domain.snapshot``), so nothing dated after
``--as-of`` exists here; every record goes through ``views.public`` (one journal path:
``common.journal_rows``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from convention_cli.domain.echeances import Echeance, Etat, Objet
from convention_cli.domain.referents import referent_in_office
from convention_cli.load.registry import Registry
from convention_cli.models import Engagement, EntreeJournal, GroupeTravail, Reunion
from convention_cli.views.documents.common import (
    ActionDocumentRow,
    JournalRow,
    action_row,
    journal_rows,
)
from convention_cli.views.public import (
    bibliography_names,
    person_name,
    visible_actions,
    visible_journal,
    visible_mesures,
)
from convention_cli.vocab import GT_STATUT_LABELS, STATUT_LABELS

MAJOR_OBJETS = (Objet.BILAN, Objet.COMMUNICATION, Objet.CONVENTION)
"""The deliverables an agenda announces whatever their distance (sections IV and V)."""


@dataclass(frozen=True)
class StatutChangeRow:
    date: date
    sujet: str
    """An engagement's or a working group's id (the template shows its label)."""
    avant: str
    apres: str


@dataclass(frozen=True)
class MesureAgendaRow:
    date: date
    indicateur: str
    engagement: str
    valeur: int | float
    unite: str | None
    cible: int | float | None
    source: str


@dataclass(frozen=True)
class RetardAgendaRow:
    libelle: str
    date: date
    parties: str
    source: str
    reunion: str | None
    """The meeting that decided an action (its id; the template shows its label)."""


@dataclass(frozen=True)
class DepuisCommission:
    """What happened in ``(debut, fin]``: ``debut`` is the previous meeting's day (or the
    signature's, when no meeting is recorded), ``fin`` the agenda's as-of day."""

    reunion: str | None
    """The previous meeting's id; None: counted from the signature."""
    debut: date
    fin: date
    journal: tuple[JournalRow, ...]
    statuts: tuple[StatutChangeRow, ...]
    actions: tuple[ActionDocumentRow, ...]
    mesures: tuple[MesureAgendaRow, ...]
    retards: tuple[RetardAgendaRow, ...]

    @property
    def vide(self) -> bool:
        return not (self.journal or self.statuts or self.actions or self.mesures
                    or self.retards)


@dataclass(frozen=True)
class LivrableRow:
    libelle: str
    date: date
    parties: str
    source: str
    etat: str
    jours: int
    """Days from the as-of day to the deadline."""


@dataclass(frozen=True)
class ReferentAgendaRow:
    sigle: str
    libelle: str
    nom: str | None
    """None in a public agenda, or when nobody is named in the registry."""
    fonction: str | None
    depuis: date | None


def depuis_commission(
    registry: Registry,
    *,
    previous: Reunion | None,
    end: date,
    engagements: list[Engagement],
    groupes: list[GroupeTravail],
    reunions: list[Reunion],
    echeances: list[Echeance],
    names: dict[str, str],
    public: bool,
) -> DepuisCommission:
    """The records dated after ``previous`` (or the signature) and up to ``end``, among
    the given engagements, working groups, meetings and (public-filtered) échéances."""
    conv = registry.convention
    assert conv is not None
    start = previous.date if previous is not None else conv.date_signature
    journal = [r for r in journal_rows([*engagements, *groupes], public, start, end,
                                        bibliography=bibliography_names(registry))
               if r.date > start]
    statuts = [*(_status_changes(e, public, start, end, STATUT_LABELS) for e in engagements),
               *(_status_changes(g, public, start, end, GT_STATUT_LABELS) for g in groupes)]
    actions = sorted(
        (row for r in reunions for a in visible_actions(r, public)
         if (row := action_row(a, r.id, names, end)).cloture is not None
         and row.cloture > start),
        key=lambda a: a.cloture or end)
    mesures = sorted(
        (MesureAgendaRow(m.date, ind.libelle, eng.id, m.valeur, ind.unite, ind.cible, m.source)
         for eng in engagements for ind in eng.indicateurs
         for m in visible_mesures(ind.mesures, public) if start < m.date <= end),
        key=lambda m: (m.date, m.indicateur))
    retards = tuple(
        RetardAgendaRow(e.libelle, e.date, ", ".join(names.get(p, p) for p in e.parties),
                        e.source, e.reunion if e.objet is Objet.ACTION else None)
        for e in echeances if e.etat is Etat.EN_RETARD and start < e.date <= end)
    return DepuisCommission(
        reunion=previous.id if previous is not None else None, debut=start, fin=end,
        journal=tuple(journal),
        statuts=tuple(sorted((row for rows in statuts for row in rows),
                             key=lambda s: (s.date, s.sujet))),
        actions=tuple(actions), mesures=tuple(mesures), retards=retards)


def _status_changes(
    owner: Engagement | GroupeTravail, public: bool, start: date, end: date,
    labels: dict[str, str],
) -> list[StatutChangeRow]:
    """Each status an entry of ``(start, end]`` sets that differs from the one before."""
    rows = []
    status = "non_renseigne"
    entries: list[EntreeJournal] = sorted(visible_journal(owner, public), key=lambda e: e.date)
    for entry in entries:
        if entry.date > end:
            break
        if entry.statut is None or entry.statut == status:
            continue
        if entry.date > start:
            rows.append(StatutChangeRow(entry.date, owner.id, labels.get(status, status),
                                        labels.get(entry.statut, entry.statut)))
        status = entry.statut
    return rows


def prochains_livrables(
    echeances: list[Echeance], as_of: date, names: dict[str, str], shown: set[str]
) -> tuple[LivrableRow, ...]:
    """The next occurrence of each bilan, communication and convention date still open on
    ``as_of``, whatever its distance (the multi-year bilan six months ahead), less those
    in ``shown`` (already listed as due)."""
    seen: set[str] = set()
    rows = []
    for e in sorted(echeances, key=lambda e: (e.date, e.id)):
        serie = e.serie or e.id
        if (e.objet not in MAJOR_OBJETS or e.option or serie in seen or e.date < as_of
                or not e.etat.ouverte):  # a prorogation is a decision, not a deliverable
            continue
        seen.add(serie)  # the next occurrence of its series, listed once
        if e.id in shown:
            continue
        rows.append(LivrableRow(e.libelle, e.date, ", ".join(names.get(p, p) for p in e.parties),
                                e.source, e.etat.value, (e.date - as_of).days))
    return tuple(rows)


def referents_agenda(
    registry: Registry, as_of: date, public: bool
) -> tuple[ReferentAgendaRow, ...]:
    """Each party's referent in office on ``as_of`` (section III): the institutional
    point of contact, and the person only in an internal agenda."""
    rows = []
    for partie in registry.parties:
        if partie.referent is None:
            continue
        person = referent_in_office(partie.referent, as_of)
        rows.append(ReferentAgendaRow(
            partie.sigle, partie.referent.libelle,
            person_name(person.nom, public) if person else None,
            person.fonction if person and not public else None,
            person.depuis if person and not public else None))
    return tuple(rows)
