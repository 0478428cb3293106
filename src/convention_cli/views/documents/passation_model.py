"""The view model of the passation note (``views.documents.passation`` builds it): the
party and its contacts, the concertation, its open engagements and what is due, the working
groups, where everything is kept. In the public version a person's name is None."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from convention_cli.views.consultation.suivi import SuiviRow
from convention_cli.views.documents.common import (
    ActionDocumentRow,
    EcheanceDocumentRow,
    JournalRow,
)
from convention_cli.views.groupes_travail import GroupeTravailRow
from convention_cli.views.position import Position
from convention_cli.views.provenance import Provenance


@dataclass(frozen=True)
class PersonnePassationRow:
    nom: str | None
    """None in the public version: no personal name leaves the registry."""
    fonction: str | None
    source: str
    depuis: date | None = None
    en_fonction: bool = False  # in office on the as-of day (listed first)


@dataclass(frozen=True)
class ReferentPartie:
    sigle: str
    libelle: str
    clause: str
    citation: str
    adresse: str | None
    """The generic address when its value is verified; None means « non connue »."""
    adresse_detail: str | None
    personnes: tuple[PersonnePassationRow, ...]


@dataclass(frozen=True)
class OperateurPassationRow:
    sigle: str
    nom: str


@dataclass(frozen=True)
class Identite:
    id: str
    nom: str
    sigle: str
    role: str
    clause: str
    siege: str | None
    alias: tuple[str, ...]
    operateurs: tuple[OperateurPassationRow, ...]  # under its tutelle (LADOM, IFCASS)
    resume: str
    rattaches: tuple[OperateurPassationRow, ...] = ()  # « rattaché pour emploi » (SMA)


@dataclass(frozen=True)
class ModalitePassationRow:
    libelle: str
    objet: str
    participants: str
    rythme: str
    clause: str


@dataclass(frozen=True)
class EngagementOuvert:
    id: str
    libelle: str
    clause: str
    statut: str
    prochaine: EcheanceDocumentRow | None
    precision: str | None
    """What the next échéance is, when it is not the engagement's own deadline."""
    rythme: str | None
    retards: int
    lectures: tuple[str, ...] = ()  # « lecture : … » behind the date, rhythm or state


@dataclass(frozen=True)
class LigneDecision:
    date: date
    instance: str
    reunion: str
    texte: str


@dataclass(frozen=True)
class Emplacement:
    chemin: str
    contenu: str


@dataclass(frozen=True)
class Commande:
    commande: str
    usage: str


@dataclass(frozen=True)
class PassationView:
    as_of: date
    risque: str
    partie: Identite
    position: Position
    representant: PersonnePassationRow
    referent: ReferentPartie | None
    autres_referents: tuple[ReferentPartie, ...]
    modalites: tuple[ModalitePassationRow, ...]
    engagements: tuple[EngagementOuvert, ...]
    depuis: date
    decisions: tuple[LigneDecision, ...]
    actions: tuple[ActionDocumentRow, ...]
    journal: tuple[JournalRow, ...]
    horizon: int
    echeances: tuple[EcheanceDocumentRow, ...]
    groupes: tuple[GroupeTravailRow, ...]
    fichiers: tuple[Emplacement, ...]
    commandes: tuple[Commande, ...]
    public: bool
    provenance: Provenance
    suivis: tuple[SuiviRow, ...] = ()  # projects (II) and evaluation requests (II.3.1)
