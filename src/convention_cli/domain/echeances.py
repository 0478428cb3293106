"""The échéancier by occurrence: every dated obligation of the agreement, who must act,
and its state on a given day.

Pure functions: the date is always passed in (``as_of``), and the registry is first cut
to what is known on that day (``snapshot``). Sources of échéances:

- each engagement's own deadline (``echeance``), e.g. the LADOM accord-cadre by
  30 June 2023 (II.1): carried by the parties the engagement names (``parties``), the
  others taking part (``participants``);
- the rules of the agreement, one occurrence per period, for the engagement that
  carries them (``regle``): an annual bilan for each year the convention covers, due
  30 June of the next year (V); the bilan « à mi-étape » (V, its date a reading kept in
  ``regles.bilan_mi_etape``); the multi-year bilan (V, 30 June 2026); a public
  communication in each year of the convention (IV); a Commission ultramarine in each
  quarter (III), convened by the UNML with the DGOM;
- the end of the convention and the prorogation, a decision that may be taken (V);
- the open actions of recorded meetings.

An occurrence is honoured by a dated journal entry that names it (``echeance: <id>``;
when the entry names parties, only their share), by the engagement's status ``realise``
(own deadlines), by a commission meeting in the quarter, by an avenant (prorogation) or
by the closing of an action. A joint occurrence keeps one state per party (``parts``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta

from convention_cli.domain.calendar import iter_quarters, quarter_bounds, safe_date
from convention_cli.domain.etats import (
    DEFAULT_HORIZON_DAYS,
    MIN_QUARTER_DAYS,
    Echeance,
    Etat,
    Honneur,
    Objet,
    Part,
    state_of,
)
from convention_cli.domain.porteurs import (
    engagement_participants,
    entry_parties,
    statuts_par_partie,
)
from convention_cli.domain.snapshot import snapshot
from convention_cli.load.registry import JournalOwner, Registry, end_date
from convention_cli.models import Engagement, EntreeJournal, GroupeTravail, Projet
from convention_cli.vocab import format_date

__all__ = [
    "DEFAULT_HORIZON_DAYS", "MIN_QUARTER_DAYS", "Echeance", "Etat", "Honneur", "Objet", "Part",
    "compute_echeances", "echeance_ids", "late", "state_of", "statuts_par_partie",
]
# --- parties and honouring records ------------------------------------------------------


def _origin(owner: JournalOwner) -> str:
    return f"{journal_owner_kind(owner)} {owner.id}, journal"


def _linked_entries(
    registry: Registry,
) -> dict[str, list[tuple[EntreeJournal, str, tuple[str, ...]]]]:
    """Journal entries that name the échéance they honour, oldest first, with the
    parties each attests (empty: all)."""
    linked: dict[str, list[tuple[EntreeJournal, str, tuple[str, ...]]]] = {}
    for owner in registry.journal_owners:
        for entry in owner.journal:
            if entry.echeance is not None:
                linked.setdefault(entry.echeance, []).append(
                    (entry, _origin(owner), entry_parties(entry)))
    for entries in linked.values():
        entries.sort(key=lambda item: item[0].date)
    return linked


def journal_owner_kind(owner: JournalOwner) -> str:
    """``engagement``, ``groupe de travail``, ``projet``, ``demande d'évaluation``."""
    if isinstance(owner, Engagement):
        return "engagement"
    if isinstance(owner, GroupeTravail):
        return "groupe de travail"
    if isinstance(owner, Projet):
        return "projet"
    return "demande d'évaluation"


def _honour_from_entry(entry: EntreeJournal, origin: str) -> Honneur:
    return Honneur(entry.date, entry.texte, origin, entry.confidentiel)


def _realisations(engagement: Engagement) -> dict[str, Honneur]:
    """Per carrying party, the record that shows its share realised."""
    statuses = statuts_par_partie(engagement)
    origin = f"engagement {engagement.id}, journal"
    done: dict[str, Honneur] = {}
    for partie, statut in statuses.items():
        if statut != "realise":
            continue
        honour = None
        for entry in reversed(engagement.journal):
            if entry.statut == "realise" and (
                    not entry_parties(entry) or partie in entry_parties(entry)):
                honour = _honour_from_entry(entry, origin)
                break
        if honour is None and engagement.journal:
            honour = _honour_from_entry(engagement.journal[-1], origin)
        if honour is None:
            for preuve in engagement.preuves:
                if preuve.date is not None:
                    honour = Honneur(preuve.date, preuve.libelle,
                                     f"engagement {engagement.id}, preuves",
                                     preuve.confidentiel)
                    break
        if honour is not None:
            done[partie] = honour
    return done


def _complete(echeance: Echeance, honneurs: dict[str, Honneur]) -> Echeance:
    """Record each party's share; the occurrence is honoured once every carrying party
    has honoured its share (on the latest of their dates)."""
    shares = tuple((p, honneurs[p]) for p in echeance.porteurs if p in honneurs)
    honneur = None
    if echeance.porteurs and len(shares) == len(echeance.porteurs):
        honneur = max((h for _, h in shares), key=lambda h: h.date)
    return replace(echeance, honneurs=shares, honneur=honneur)


# --- generation -------------------------------------------------------------------------


def _main_parties(registry: Registry) -> tuple[str, ...]:
    return tuple(p.id for p in registry.parties if p.role == "partie")


def _rule_engagements(registry: Registry) -> dict[str, Engagement]:
    return {e.regle: e for e in registry.engagements if e.regle is not None}


def _lecture(item: object, champ: str) -> str | None:
    """The first reading an item of the registry carries about ``champ``."""
    for lecture in getattr(item, "lectures", ()):
        if lecture.champ == champ:
            return str(lecture.motif)
    return None


def _engagement_echeances(registry: Registry, signature: date) -> Iterator[Echeance]:
    for eng in registry.engagements:
        if eng.echeance is None or eng.regle is not None:
            continue
        label = eng.libelle
        if eng.echeance_libelle:
            label = f"{label} ({eng.echeance_libelle})"
        echeance = Echeance(
            id=eng.id, date=eng.echeance, libelle=label, porteurs=tuple(eng.parties),
            participants=engagement_participants(eng),
            source=eng.clause, objet=Objet.ENGAGEMENT, engagement=eng.id,
            sans_objet="engagement abandonné" if eng.statut == "abandonne" else None,
            avant_signature=eng.echeance < signature,
            lecture=_lecture(eng, "echeance"),
            confidentiel=eng.confidentiel,
        )
        yield _complete(echeance, _realisations(eng))


@dataclass(frozen=True)
class _Rule:
    porteurs: tuple[str, ...]
    participants: tuple[str, ...]
    engagement: Engagement | None


def _rules(registry: Registry) -> dict[str, _Rule]:
    by_rule = _rule_engagements(registry)
    everyone = _main_parties(registry)
    rules = {}
    for name in ("bilan_annuel", "bilan_pluriannuel", "communication_annuelle",
                 "commission_trimestrielle"):
        eng = by_rule.get(name)
        rules[name] = _Rule(tuple(eng.parties) if eng else everyone,
                            engagement_participants(eng) if eng else (), eng)
    return rules


def _partial_year_lecture(year: int, start: date, end: date, due: date,
                          multi: date | None) -> str | None:
    """The reading behind an annual bilan of a year the convention covers in part."""
    first, last = max(date(year, 1, 1), start), min(date(year, 12, 31), end)
    if (first, last) == (date(year, 1, 1), date(year, 12, 31)):
        return None
    period = f"du {format_date(first)} au {format_date(last)}"
    if last == end and multi is not None and multi < due:
        return (f"année {year} couverte en partie ({period}) : le texte demande un bilan "
                f"annuel au 30 juin de l'année n+1, soit après le terme ; le bilan "
                f"pluriannuel du {format_date(multi)} couvre déjà presque toute cette année")
    return (f"année {year} couverte en partie ({period}) : le bilan annuel porte sur "
            "cette partie de l'année")


def _rule_echeances(registry: Registry, start: date, end: date) -> Iterator[Echeance]:
    conv = registry.convention
    assert conv is not None
    rules = _rules(registry)

    def carried(rule: str) -> dict[str, object]:
        info = rules[rule]
        return {"porteurs": info.porteurs, "participants": info.participants,
                "engagement": info.engagement.id if info.engagement else None,
                "confidentiel": info.engagement.confidentiel if info.engagement else False}

    annual = conv.regles.bilan_annuel
    multi = conv.regles.bilan_pluriannuel
    for year in range(start.year, end.year + 1):
        due = safe_date(year + annual.decalage_annees, annual.mois, annual.jour)
        yield Echeance(
            id=f"bilan-annuel-{year}", date=due, libelle=f"Bilan annuel {year}",
            source=annual.clause, objet=Objet.BILAN, serie="bilan-annuel",
            lecture=_partial_year_lecture(year, start, end, due, multi.date_limite),
            visible_des=date(year, 1, 1) if due > end else None,
            **carried("bilan_annuel"),  # type: ignore[arg-type]
        )
    mid = conv.regles.bilan_mi_etape
    if mid is not None:
        yield Echeance(
            id="bilan-mi-etape", date=mid.date, libelle="Bilan partagé à mi-étape",
            source=mid.clause, objet=Objet.BILAN,
            lecture=_lecture(mid, "date") or "le texte ne date pas le bilan « à mi-étape »",
            **carried("bilan_annuel"),  # type: ignore[arg-type]
        )
    multi_eng = rules["bilan_pluriannuel"].engagement
    multi_echeance = Echeance(
        id="bilan-pluriannuel", date=multi.date_limite,
        libelle="Bilan pluriannuel (atteinte des objectifs)",
        source=multi.clause, objet=Objet.BILAN, lecture=_lecture(multi, "date_limite"),
        **carried("bilan_pluriannuel"),  # type: ignore[arg-type]
    )
    yield _complete(multi_echeance, _realisations(multi_eng) if multi_eng else {})
    communication = conv.regles.communication
    period_start = start
    while period_start <= end:
        period_end = min(end_date(period_start, 1), end)
        yield Echeance(
            id=f"communication-{period_start.year}-{period_start.year + 1}",
            date=period_end,
            libelle=f"Valorisation publique du partenariat, année du "
            f"{format_date(period_start)} au {format_date(period_end)}",
            source=communication.clause, objet=Objet.COMMUNICATION, serie="communication",
            **carried("communication_annuelle"),  # type: ignore[arg-type]
        )
        period_start = period_end + timedelta(days=1)
    yield from _commission_echeances(registry, start, end, rules["commission_trimestrielle"])


def _commission_echeances(
    registry: Registry, start: date, end: date, rule: _Rule,
) -> Iterator[Echeance]:
    conv = registry.convention
    assert conv is not None
    clause = next((m.clause for m in conv.modalites_concertation
                   if m.frequence_annuelle_cible == 4), "III")
    meetings = sorted((r for r in registry.reunions if r.instance == "commission"),
                      key=lambda r: r.date)
    index = 0
    for year, quarter in iter_quarters(start, end):
        q_start, q_end = quarter_bounds(year, quarter)
        while index < len(meetings) and meetings[index].date < q_start:
            index += 1
        held = meetings[index] if index < len(meetings) and meetings[index].date <= q_end \
            else None
        in_force = (min(q_end, end) - max(q_start, start)).days + 1
        short = in_force < MIN_QUARTER_DAYS and held is None
        yield Echeance(
            id=f"commission-{year}-t{quarter}", date=q_end,
            libelle=f"Commission ultramarine du {quarter}{'er' if quarter == 1 else 'e'} "
            f"trimestre {year}",
            porteurs=rule.porteurs, participants=rule.participants,
            source=clause, objet=Objet.COMMISSION, serie="commission",
            engagement=rule.engagement.id if rule.engagement else None,
            reunion=held.id if held else None,
            honneur=Honneur(held.date, f"Commission ultramarine du {format_date(held.date)}",
                            f"réunion {held.id}", held.confidentiel) if held else None,
            sans_objet=f"convention en vigueur {in_force} jours seulement ce trimestre"
            if short else None,
            visible_des=q_start if short else None,
        )


PROROGATION_LECTURE = ("« pourra être prorogée » : une faculté que les parties peuvent "
                       "exercer d'un commun accord à l'issue d'un bilan partagé, pas une "
                       "obligation ; sans avenant, la convention prend fin à son terme")


def _convention_echeances(registry: Registry, end: date) -> Iterator[Echeance]:
    conv = registry.convention
    assert conv is not None
    everyone = _main_parties(registry)
    yield Echeance(
        id="fin-convention", date=end,
        libelle="Terme de la convention (dernier jour en vigueur)",
        porteurs=everyone, source=conv.clause_duree, objet=Objet.CONVENTION, evenement=True,
    )
    avenant = next((a for a in sorted(conv.avenants, key=lambda a: a.date_signature)
                    if a.prorogation_jusqu_au is not None or "prorog" in a.objet.lower()),
                   None)
    # The decision is due at the term as signed; a prorogation moves only the term.
    yield Echeance(
        id="decision-prorogation", date=registry.date_fin_initiale or end,
        libelle="Prorogation possible d'un commun accord, à l'issue du bilan partagé",
        porteurs=everyone, source=conv.regles.prorogation.clause, objet=Objet.CONVENTION,
        option=True,
        lecture=_lecture(conv.regles.prorogation, "citation") or PROROGATION_LECTURE,
        honneur=Honneur(avenant.date_signature, avenant.objet, f"avenant {avenant.id}")
        if avenant else None,
    )


def _action_echeances(registry: Registry) -> Iterator[Echeance]:
    for reunion in registry.reunions:
        for action in reunion.actions:
            yield Echeance(
                id=action.id, date=action.echeance, libelle=action.texte,
                porteurs=(action.responsable,), source=f"réunion {reunion.id}",
                objet=Objet.ACTION, reunion=reunion.id,
                honneur=Honneur(action.cloture, "Action close", f"réunion {reunion.id}",
                                action.confidentiel or reunion.confidentiel)
                if action.cloture else None,
                confidentiel=action.confidentiel or reunion.confidentiel,
            )


def _generate(registry: Registry) -> list[Echeance]:
    """Every occurrence with its honouring records, before any state."""
    conv = registry.convention
    if conv is None:
        return []
    start = conv.date_signature
    end = registry.date_fin or end_date(start, conv.duree_annees)
    generated = [
        *_engagement_echeances(registry, start),
        *_rule_echeances(registry, start, end),
        *_convention_echeances(registry, end),
        *_action_echeances(registry),
    ]
    linked = _linked_entries(registry)
    result = []
    for echeance in generated:
        links = linked.get(echeance.id)
        if not links or echeance.honneur is not None:
            result.append(echeance)
            continue
        shares = dict(echeance.honneurs)
        for entry, origin, parties in links:
            for partie in parties or echeance.porteurs:
                shares.setdefault(partie, _honour_from_entry(entry, origin))
        result.append(_complete(echeance, shares))
    return result


def compute_echeances(
    registry: Registry, as_of: date, horizon_days: int = DEFAULT_HORIZON_DAYS
) -> list[Echeance]:
    """Every échéance of the registry relevant on ``as_of`` with its state, by date.

    Computed from the registry as known on ``as_of`` (``snapshot``): a record dated
    later honours nothing yet. Occurrences after the term are listed once relevant."""
    registry = snapshot(registry, as_of)
    result = [e.with_state(as_of, horizon_days) for e in _generate(registry)
              if e.visible_des is None or e.visible_des <= as_of]
    result.sort(key=lambda e: (e.date, e.objet.value, e.id))
    return result


def echeance_ids(registry: Registry) -> set[str]:
    """The ids a journal entry may name (independent of any date)."""
    return {e.id for e in _generate(registry)}


# --- reading the échéancier -------------------------------------------------------------


def late(echeances: Iterable[Echeance], partie: str | None = None) -> list[Echeance]:
    """Late occurrences (for ``partie``: late as far as it is concerned)."""
    return [e for e in echeances if e.etat_pour(partie) is Etat.EN_RETARD]
