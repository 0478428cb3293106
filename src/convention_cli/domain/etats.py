"""An échéance, its states and who must act: the types of the échéancier.

Pure: the state of an occurrence depends on the day passed in (``as_of``) and on the
records that honour it, never on the clock.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import Enum

from convention_cli.defaults import HORIZON_DAYS

Day = date  # ``Echeance.date`` shadows the type inside the class body

DEFAULT_HORIZON_DAYS = HORIZON_DAYS  # defaults.py; the name kept for callers
MIN_QUARTER_DAYS = 31
"""A quarter in which the convention is in force for fewer days asks for no meeting."""


class Etat(Enum):
    A_VENIR = "à venir"
    PROCHE = "proche"
    EN_RETARD = "en retard"
    HONOREE = "honorée"
    SANS_OBJET = "sans objet"
    A_DECIDER = "à décider"
    """A decision the text allows without requiring it (prorogation): never late."""
    ECHUE_AVANT_SIGNATURE = "échue avant la signature"
    """A deadline the text set before its own signature: nobody can be late on it."""

    @property
    def key(self) -> str:
        """ASCII name for JSON and options: ``a_venir``, ``en_retard``…"""
        return self.name.lower()

    @property
    def a_agir(self) -> bool:
        """Someone must act: late, or due soon (the only states a warning flags)."""
        return self in (Etat.EN_RETARD, Etat.PROCHE)

    @property
    def ouverte(self) -> bool:
        """Still asks something on or after the day (a candidate for « prochaine »)."""
        return self in (Etat.PROCHE, Etat.A_VENIR, Etat.A_DECIDER)


class Objet(Enum):
    ENGAGEMENT = "engagement"
    BILAN = "bilan"
    COMMUNICATION = "communication"
    COMMISSION = "commission"
    CONVENTION = "convention"
    ACTION = "action"


@dataclass(frozen=True)
class Honneur:
    """What honours an échéance: a dated record."""

    date: date
    texte: str
    origine: str  # where the record lives: "engagement bilan-annuel, journal", "réunion …"
    confidentiel: bool = False
    """The record is confidential (section VI): a public output may say the échéance is
    honoured, never by what, when or by whom (``views.public``)."""


@dataclass(frozen=True)
class Part:
    """One carrying party's share of a joint occurrence."""

    partie: str
    etat: Etat
    honneur: Honneur | None = None


@dataclass(frozen=True)
class Echeance:
    id: str
    date: date
    libelle: str
    porteurs: tuple[str, ...]
    """Who must act (the text names them): counted for these parties."""
    source: str
    objet: Objet
    participants: tuple[str, ...] = ()
    """Who takes part without carrying it (the DGOM at the UNML's commission)."""
    serie: str | None = None
    """The recurring obligation this occurrence belongs to (``commission``,
    ``bilan-annuel``, ``communication``); None for a one-off."""
    engagement: str | None = None
    reunion: str | None = None
    honneur: Honneur | None = None
    """Set once every carrying party has honoured its share."""
    honneurs: tuple[tuple[str, Honneur], ...] = ()
    """The share honoured by each party so far (joint occurrences)."""
    sans_objet: str | None = None
    """Why the échéance asks nothing (e.g. engagement abandoned); None otherwise."""
    evenement: bool = False
    """A date that asks nothing of anyone (the term): passed, it is « sans objet »."""
    option: bool = False
    """A decision the text allows (« pourra ») : « à décider », never late."""
    avant_signature: bool = False
    """Due before the agreement was signed: « échue avant la signature »."""
    lecture: str | None = None
    """A reading of the text behind this date or state (one French line), shown as
    « lecture : … », never as the text."""
    visible_des: Day | None = None
    """Listed only from this day on (an occurrence after the term, relevant late)."""
    confidentiel: bool = False
    """Of a confidential engagement, meeting or action (section VI): kept out of public
    documents and marked CLASS:CONFIDENTIAL in calendars."""
    etat: Etat = Etat.A_VENIR
    parts: tuple[Part, ...] = ()
    """One state per carrying party, for a joint occurrence (empty otherwise)."""

    @property
    def parties(self) -> tuple[str, ...]:
        """Everyone concerned: carrying parties, then participants."""
        return (*self.porteurs, *(p for p in self.participants if p not in self.porteurs))

    @property
    def parts_differentes(self) -> bool:
        """The parties of a joint occurrence do not stand at the same point."""
        return len({p.etat for p in self.parts}) > 1

    def etat_pour(self, partie: str | None) -> Etat | None:
        """THE state of the échéance for ``partie``: its own share of a joint occurrence
        (honoured by it while the other party is late: honoured), the échéance's state
        when it carries it alone or takes part in it; None when it is not concerned. No
        party (``None``): the échéance's state. Every filter or list « for a party »
        (échéances, engagements, status, passation) reads this."""
        if partie is None:
            return self.etat
        if partie not in self.parties:
            return None
        for part in self.parts:
            if part.partie == partie:
                return part.etat
        return self.etat

    def etat_de(self, partie: str) -> Etat | None:
        """The state of the share ``partie`` carries (None when it does not carry it:
        a participant is never late on it)."""
        return self.etat_pour(partie) if partie in self.porteurs else None

    def with_state(self, as_of: Day, horizon_days: int) -> Echeance:
        etat = state_of(self, as_of, horizon_days)
        parts: tuple[Part, ...] = ()
        if len(self.porteurs) > 1:
            done = dict(self.honneurs)
            pending = etat if self.honneur is None else state_of(
                replace(self, honneur=None), as_of, horizon_days)
            # Honoured as a whole (a meeting held): every share is honoured.
            parts = tuple(Part(p, Etat.HONOREE if p in done or etat is Etat.HONOREE
                               else pending, done.get(p)) for p in self.porteurs)
        return replace(self, etat=etat, parts=parts)


def state_of(echeance: Echeance, as_of: date, horizon_days: int = DEFAULT_HORIZON_DAYS) -> Etat:
    if echeance.sans_objet is not None or (echeance.evenement and echeance.date < as_of):
        return Etat.SANS_OBJET
    if echeance.honneur is not None and echeance.honneur.date <= as_of:
        return Etat.HONOREE
    if echeance.option:
        return Etat.A_DECIDER if as_of <= echeance.date else Etat.SANS_OBJET
    if echeance.avant_signature:
        return Etat.ECHUE_AVANT_SIGNATURE
    if echeance.date < as_of:
        return Etat.EN_RETARD
    if (echeance.date - as_of).days <= horizon_days:
        return Etat.PROCHE
    return Etat.A_VENIR
