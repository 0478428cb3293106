"""The rows of ``convention status``: one line per engagement, and the counters of what
each party carries and of the engagements serving each objective."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from convention_cli.domain.echeances import Echeance, Etat, statuts_par_partie
from convention_cli.domain.queries import last_entry_date, next_echeance
from convention_cli.models import Engagement
from convention_cli.vocab import STATUT_LABELS

STATUT_ORDER = tuple(STATUT_LABELS)


@dataclass(frozen=True)
class EngagementStatusRow:
    id: str
    parties: tuple[str, ...]
    libelle: str
    statut: str
    objectifs: tuple[str, ...]
    prochaine: Echeance | None
    derniere_entree: date | None
    sans_nouvelles: bool
    retards: tuple[Echeance, ...]
    echeances: tuple[Echeance, ...]
    statuts: dict[str, str]
    """Each carrying party's status (differs when one party's share is done)."""
    participants: tuple[str, ...] = ()

    @property
    def en_retard(self) -> bool:
        return bool(self.retards)

    @property
    def statut_libelle(self) -> str:
        return STATUT_LABELS[self.statut]


@dataclass(frozen=True)
class StatusCounter:
    """Engagements a party carries (or serving an objective), counted by status."""

    cle: str
    libelle: str
    par_statut: dict[str, int]
    en_retard: int
    """Late occurrences of which this party carries a share (objective: of its
    engagements)."""

    @property
    def total(self) -> int:
        return sum(self.par_statut.values())

    @property
    def realises(self) -> int:
        return self.par_statut.get("realise", 0)


def status_counters(
    keys: list[tuple[str, str]], lignes: list[EngagementStatusRow], late: list[Echeance] | None
) -> tuple[StatusCounter, ...]:
    """By party (``late`` given): the engagements the party carries, with its own status,
    and every late occurrence it carries a share of (meeting actions included). By
    objective: the engagements serving it, and how many of them are late."""
    counters = []
    for key, label in keys:
        if late is not None:
            concerned = [line for line in lignes if key in line.statuts]
            counts = Counter(line.statuts[key] for line in concerned)
            late_count = sum(1 for e in late if e.etat_de(key) is Etat.EN_RETARD)
        else:
            concerned = [line for line in lignes if key in line.objectifs]
            counts = Counter(line.statut for line in concerned)
            late_count = sum(1 for line in concerned if line.en_retard)
        counters.append(StatusCounter(
            key, label, {s: counts[s] for s in STATUT_ORDER if counts[s]}, late_count))
    return tuple(c for c in counters if c.total)


def engagement_status_row(
    eng: Engagement, echeances: list[Echeance], as_of: date, stale_days: int, signature: date
) -> EngagementStatusRow:
    last = last_entry_date(eng.journal)
    reference = last or signature
    return EngagementStatusRow(
        id=eng.id, parties=tuple(eng.parties), libelle=eng.libelle, statut=eng.statut,
        objectifs=tuple(eng.objectifs), prochaine=next_echeance(echeances),
        derniere_entree=last,
        sans_nouvelles=eng.statut not in ("realise", "abandonne")
        and (as_of - reference).days > stale_days,
        retards=tuple(e for e in echeances if e.etat is Etat.EN_RETARD),
        echeances=tuple(echeances),
        statuts=statuts_par_partie(eng),
        participants=tuple(getattr(eng, "participants", ()) or ()),
    )
