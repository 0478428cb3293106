"""The view model of ``convention status``: a row per engagement, the counters by party
and by objective, late obligations grouped by kind, the quarterly commissions, and the
view that holds them (built by ``views.status``, serialised by ``views.status_json``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from convention_cli.domain.echeances import Echeance, Etat
from convention_cli.domain.queries import Filtres
from convention_cli.views.groupes_travail import GroupeTravailRow
from convention_cli.views.position import Position
from convention_cli.vocab import STATUT_LABELS


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
    """Late engagements among them: for a party, those where its own share of an
    occurrence is late."""

    @property
    def total(self) -> int:
        return sum(self.par_statut.values())

    @property
    def realises(self) -> int:
        return self.par_statut.get("realise", 0)


@dataclass(frozen=True)
class GroupeRetard:
    """Late occurrences of one kind: « 12 commissions trimestrielles non tenues »."""

    cle: str
    resume: str
    nombre: int
    depuis: date
    porteurs: tuple[str, ...]
    participants: tuple[str, ...]
    echeances: tuple[Echeance, ...]


@dataclass(frozen=True)
class Trimestre:
    id: str
    libelle: str
    etat: Etat
    reunion: str | None
    date_reunion: date | None


@dataclass(frozen=True)
class StatusView:
    as_of: date
    horizon: int
    stale_days: int
    filtres: Filtres
    titre: str
    position: Position
    lignes: tuple[EngagementStatusRow, ...]
    par_partie: tuple[StatusCounter, ...]
    par_objectif: tuple[StatusCounter, ...]
    retards: tuple[GroupeRetard, ...]
    prochaines: tuple[Echeance, ...]
    """Due within the horizon, then the next bilan if it lies beyond."""
    a_decider: tuple[Echeance, ...]
    """Decisions the text allows (prorogation) and deadlines set before the signature:
    readings with their own state, never late."""
    commissions: tuple[Trimestre, ...]
    groupes: tuple[GroupeTravailRow, ...]
    noms_parties: dict[str, str]
    referents: tuple[dict[str, str | None], ...] = ()  # in office on as_of (section III)

    @property
    def en_retard(self) -> tuple[Echeance, ...]:
        return tuple(e for groupe in self.retards for e in groupe.echeances)

    @property
    def horizon_fin(self) -> date:
        return self.as_of + timedelta(days=self.horizon)
