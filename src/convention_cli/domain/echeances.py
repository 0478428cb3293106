"""The échéancier: every dated obligation of the agreement, and its state on a given day.

Pure functions: the date is always passed in (``as_of``), never read from the clock.
Sources of échéances:

- each engagement's own deadline (``echeance``), e.g. the LADOM accord-cadre by
  30 June 2023 (II.1);
- the rules of the agreement, for the engagement that carries them (``regle``):
  an annual bilan for each year the convention covers, due 30 June of the next
  year (V); the multi-year bilan (V, 30 June 2026); a public communication in each
  year of the convention (IV); a Commission ultramarine in each quarter (III);
- the end of the convention and the prorogation decision (V);
- the open actions of recorded meetings.

An échéance is honoured by a dated journal entry that names it (``echeance: <id>``),
by the engagement's status ``realise`` (own deadlines), by a commission meeting in
the quarter, by an avenant (prorogation) or by the closing of an action.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import Enum

from convention_cli.defaults import HORIZON_DAYS
from convention_cli.domain.calendar import iter_quarters, quarter_bounds, safe_date
from convention_cli.domain.snapshot import snapshot
from convention_cli.load.registry import Registry, end_date
from convention_cli.models import Engagement, EntreeJournal
from convention_cli.vocab import format_date

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

    @property
    def key(self) -> str:
        """ASCII name for JSON and options: ``a_venir``, ``en_retard``…"""
        return self.name.lower()


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
class Echeance:
    id: str
    date: date
    libelle: str
    parties: tuple[str, ...]
    source: str
    objet: Objet
    engagement: str | None = None
    reunion: str | None = None
    honneur: Honneur | None = None
    sans_objet: str | None = None
    """Why the échéance asks nothing (e.g. engagement abandoned); None otherwise."""
    evenement: bool = False
    """A date that asks nothing of anyone (the term): passed, it is « sans objet »."""
    confidentiel: bool = False
    """Of a confidential engagement, meeting or action (section VI): kept out of public
    documents and marked CLASS:CONFIDENTIAL in calendars."""
    etat: Etat = Etat.A_VENIR

    def with_state(self, as_of: Day, horizon_days: int) -> Echeance:
        return replace(self, etat=state_of(self, as_of, horizon_days))


def state_of(echeance: Echeance, as_of: date, horizon_days: int = DEFAULT_HORIZON_DAYS) -> Etat:
    if echeance.sans_objet is not None or (echeance.evenement and echeance.date < as_of):
        return Etat.SANS_OBJET
    if echeance.honneur is not None and echeance.honneur.date <= as_of:
        return Etat.HONOREE
    if echeance.date < as_of:
        return Etat.EN_RETARD
    if (echeance.date - as_of).days <= horizon_days:
        return Etat.PROCHE
    return Etat.A_VENIR


# --- honouring records ------------------------------------------------------------------


def _linked_entries(registry: Registry) -> dict[str, tuple[EntreeJournal, str]]:
    """Journal entries that name the échéance they honour: first (earliest) wins."""
    linked: dict[str, tuple[EntreeJournal, str]] = {}
    for owner in registry.journal_owners:
        kind = "engagement" if isinstance(owner, Engagement) else "groupe de travail"
        for entry in sorted(owner.journal, key=lambda e: e.date):
            if entry.echeance is not None and entry.echeance not in linked:
                linked[entry.echeance] = (entry, f"{kind} {owner.id}, journal")
    return linked


def _honour_from_entry(entry: EntreeJournal, origin: str) -> Honneur:
    return Honneur(entry.date, entry.texte, origin, entry.confidentiel)


def _realisation(engagement: Engagement) -> Honneur | None:
    """The record that shows an engagement realised: its last ``realise`` entry."""
    if engagement.statut != "realise":
        return None
    for entry in reversed(engagement.journal):
        if entry.statut == "realise":
            return _honour_from_entry(entry, f"engagement {engagement.id}, journal")
    if engagement.journal:
        last = engagement.journal[-1]
        return _honour_from_entry(last, f"engagement {engagement.id}, journal")
    for preuve in engagement.preuves:
        if preuve.date is not None:
            return Honneur(preuve.date, preuve.libelle, f"engagement {engagement.id}, preuves",
                           preuve.confidentiel)
    return None


# --- generation -------------------------------------------------------------------------


def _main_parties(registry: Registry) -> tuple[str, ...]:
    return tuple(p.id for p in registry.parties if p.role == "partie")


def _rule_engagements(registry: Registry) -> dict[str, Engagement]:
    return {e.regle: e for e in registry.engagements if e.regle is not None}


def _engagement_echeances(registry: Registry) -> Iterator[Echeance]:
    for eng in registry.engagements:
        if eng.echeance is None or eng.regle is not None:
            continue
        label = eng.libelle
        if eng.echeance_libelle:
            label = f"{label} ({eng.echeance_libelle})"
        yield Echeance(
            id=eng.id, date=eng.echeance, libelle=label, parties=tuple(eng.parties),
            source=eng.clause, objet=Objet.ENGAGEMENT, engagement=eng.id,
            honneur=_realisation(eng),
            sans_objet="engagement abandonné" if eng.statut == "abandonne" else None,
            confidentiel=eng.confidentiel,
        )


def _rule_echeances(registry: Registry, start: date, end: date) -> Iterator[Echeance]:
    conv = registry.convention
    assert conv is not None
    by_rule = _rule_engagements(registry)
    everyone = _main_parties(registry)

    def parties(rule: str) -> tuple[str, ...]:
        eng = by_rule.get(rule)
        return tuple(eng.parties) if eng else everyone

    def engagement_id(rule: str) -> str | None:
        eng = by_rule.get(rule)
        return eng.id if eng else None

    annual = conv.regles.bilan_annuel
    for year in range(start.year, end.year + 1):
        due = safe_date(year + annual.decalage_annees, annual.mois, annual.jour)
        yield Echeance(
            id=f"bilan-annuel-{year}", date=due, libelle=f"Bilan annuel {year}",
            parties=parties("bilan_annuel"), source=annual.clause, objet=Objet.BILAN,
            engagement=engagement_id("bilan_annuel"),
        )
    multi = conv.regles.bilan_pluriannuel
    yield Echeance(
        id="bilan-pluriannuel", date=multi.date_limite,
        libelle="Bilan pluriannuel (atteinte des objectifs)",
        parties=parties("bilan_pluriannuel"), source=multi.clause, objet=Objet.BILAN,
        engagement=engagement_id("bilan_pluriannuel"),
        honneur=_realisation(by_rule["bilan_pluriannuel"])
        if "bilan_pluriannuel" in by_rule else None,
    )
    communication = conv.regles.communication
    period_start = start
    while period_start <= end:
        period_end = end_date(period_start, 1)
        yield Echeance(
            id=f"communication-{period_start.year}-{period_start.year + 1}",
            date=min(period_end, end),
            libelle=f"Valorisation publique du partenariat, année du "
            f"{format_date(period_start)} au {format_date(min(period_end, end))}",
            parties=parties("communication_annuelle"), source=communication.clause,
            objet=Objet.COMMUNICATION, engagement=engagement_id("communication_annuelle"),
        )
        period_start = period_end + timedelta(days=1)
    yield from _commission_echeances(registry, start, end, parties("commission_trimestrielle"),
                                     engagement_id("commission_trimestrielle"))


def _commission_echeances(
    registry: Registry, start: date, end: date, parties: tuple[str, ...],
    engagement: str | None,
) -> Iterator[Echeance]:
    conv = registry.convention
    assert conv is not None
    clause = next((m.clause for m in conv.modalites_concertation
                   if m.frequence_annuelle_cible == 4), "III")
    meetings = sorted((r for r in registry.reunions if r.instance == "commission"),
                      key=lambda r: r.date)
    for year, quarter in iter_quarters(start, end):
        q_start, q_end = quarter_bounds(year, quarter)
        in_force = (min(q_end, end) - max(q_start, start)).days + 1
        held = next((r for r in meetings if q_start <= r.date <= q_end), None)
        yield Echeance(
            id=f"commission-{year}-t{quarter}", date=q_end,
            libelle=f"Commission ultramarine du {quarter}{'er' if quarter == 1 else 'e'} "
            f"trimestre {year}",
            parties=parties, source=clause, objet=Objet.COMMISSION, engagement=engagement,
            reunion=held.id if held else None,
            honneur=Honneur(held.date, f"Commission ultramarine du {format_date(held.date)}",
                            f"réunion {held.id}", held.confidentiel) if held else None,
            sans_objet=None if in_force >= MIN_QUARTER_DAYS or held else
            f"convention en vigueur {in_force} jours seulement ce trimestre",
        )


def _convention_echeances(registry: Registry, end: date) -> Iterator[Echeance]:
    conv = registry.convention
    assert conv is not None
    everyone = _main_parties(registry)
    yield Echeance(
        id="fin-convention", date=end,
        libelle="Terme de la convention (dernier jour en vigueur)",
        parties=everyone, source=conv.clause_duree, objet=Objet.CONVENTION, evenement=True,
    )
    avenant = next((a for a in sorted(conv.avenants, key=lambda a: a.date_signature)
                    if "prorog" in a.objet.lower()), None)
    yield Echeance(
        id="decision-prorogation", date=end,
        libelle="Décision de prorogation d'un commun accord, à l'issue du bilan partagé",
        parties=everyone, source=conv.regles.prorogation.clause, objet=Objet.CONVENTION,
        honneur=Honneur(avenant.date_signature, avenant.objet, f"avenant {avenant.id}")
        if avenant else None,
    )


def _action_echeances(registry: Registry) -> Iterator[Echeance]:
    for reunion in registry.reunions:
        for action in reunion.actions:
            yield Echeance(
                id=action.id, date=action.echeance, libelle=action.texte,
                parties=(action.responsable,), source=f"réunion {reunion.id}",
                objet=Objet.ACTION, reunion=reunion.id,
                honneur=Honneur(action.cloture, "Action close", f"réunion {reunion.id}",
                                action.confidentiel or reunion.confidentiel)
                if action.cloture else None,
                confidentiel=action.confidentiel or reunion.confidentiel,
            )


def compute_echeances(
    registry: Registry, as_of: date, horizon_days: int = DEFAULT_HORIZON_DAYS
) -> list[Echeance]:
    """Every échéance of the registry with its state on ``as_of``, sorted by date.

    Computed from the registry as known on ``as_of`` (``snapshot``): a record dated
    later honours nothing yet."""
    registry = snapshot(registry, as_of)
    if registry.convention is None:
        return []
    start = registry.convention.date_signature
    end = end_date(start, registry.convention.duree_annees)
    generated = [
        *_engagement_echeances(registry),
        *_rule_echeances(registry, start, end),
        *_convention_echeances(registry, end),
        *_action_echeances(registry),
    ]
    linked = _linked_entries(registry)
    result = []
    for generated_echeance in generated:
        echeance = generated_echeance
        link = linked.get(echeance.id)
        if link is not None and echeance.honneur is None:
            echeance = replace(echeance, honneur=_honour_from_entry(*link))
        result.append(echeance.with_state(as_of, horizon_days))
    result.sort(key=lambda e: (e.date, e.objet.value, e.id))
    return result


def echeance_ids(registry: Registry) -> set[str]:
    """The ids a journal entry may name (independent of any date)."""
    if registry.convention is None:
        return set()
    return {e.id for e in compute_echeances(registry, registry.convention.date_signature)}
