"""How ``convention status`` computes where the partnership stands on a given day.

Pure: the view (``views.status_model``) is built from the registry as known on ``as_of``
(``snapshot``). The terminal view fits one screen: the position in the period, late
obligations grouped by kind (« 12 commissions trimestrielles non tenues, depuis le 3e
trimestre 2023 »), what is due soon (the horizon, and always the next bilan), decisions
and readings, counters of what each party carries; ``views.status_json`` keeps
everything.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from convention_cli.defaults import STALE_DAYS, STATUS_HORIZON_DAYS
from convention_cli.domain.calendar import quarter_of
from convention_cli.domain.echeances import (
    Echeance,
    Etat,
    Objet,
    compute_echeances,
    statuts_par_partie,
)
from convention_cli.domain.queries import (
    CLOSED_STATUTS,
    Filtres,
    check_filter_values,
    echeances_by_engagement,
    last_entry_date,
    next_echeance,
    party_names,
    select_engagements,
)
from convention_cli.domain.referents import referents_in_office
from convention_cli.domain.snapshot import snapshot
from convention_cli.load.registry import Registry
from convention_cli.models import Engagement
from convention_cli.views.groupes_travail import groupe_travail_rows
from convention_cli.views.position import position_of
from convention_cli.views.status_model import (
    EngagementStatusRow,
    GroupeRetard,
    StatusCounter,
    StatusView,
    Trimestre,
)
from convention_cli.vocab import STATUT_LABELS, format_date

STATUT_ORDER = tuple(STATUT_LABELS)


def _counters(
    keys: list[tuple[str, str]], lignes: list[EngagementStatusRow], *, by_party: bool
) -> tuple[StatusCounter, ...]:
    """Both count engagements, and late engagements (one with a late occurrence). By
    party: the engagements the party carries, with its own status, late when its own
    share of an occurrence is (``Echeance.etat_de``). By objective: the engagements
    serving it."""
    counters = []
    for key, label in keys:
        if by_party:
            concerned = [line for line in lignes if key in line.statuts]
            counts = Counter(line.statuts[key] for line in concerned)
            late_count = sum(1 for line in concerned
                             if any(e.etat_de(key) is Etat.EN_RETARD for e in line.retards))
        else:
            concerned = [line for line in lignes if key in line.objectifs]
            counts = Counter(line.statut for line in concerned)
            late_count = sum(1 for line in concerned if line.en_retard)
        counters.append(StatusCounter(
            key, label, {s: counts[s] for s in STATUT_ORDER if counts[s]}, late_count))
    return tuple(c for c in counters if c.total)


def _commissions(echeances: list[Echeance]) -> tuple[Trimestre, ...]:
    return tuple(
        Trimestre(e.id, e.libelle, e.etat, e.reunion, e.honneur.date if e.honneur else None)
        for e in echeances if e.objet is Objet.COMMISSION
    )


def _select_echeances(
    echeances: list[Echeance], filtres: Filtres, selected: set[str]
) -> list[Echeance]:
    narrow = any((filtres.territoire, filtres.objectif, filtres.statut))
    chosen = []
    for echeance in echeances:
        if narrow and echeance.engagement not in selected:
            continue
        if filtres.partie is not None and filtres.partie not in echeance.parties:
            continue
        chosen.append(echeance)
    return chosen


def _quarter_fr(day: date) -> str:
    year, quarter = quarter_of(day)
    return f"{quarter}{'er' if quarter == 1 else 'e'} trimestre {year}"


_GROUP_WORDS = {
    # serie: (one, several)
    "commission": ("commission trimestrielle non tenue",
                   "commissions trimestrielles non tenues"),
    "bilan-annuel": ("bilan annuel non remis", "bilans annuels non remis"),
    "communication": ("valorisation publique annuelle non faite",
                      "valorisations publiques annuelles non faites"),
    "action": ("action de réunion en retard", "actions de réunion en retard"),
}


def _since(key: str, members: list[Echeance]) -> str:
    """``depuis le 3e trimestre 2023``, ``pour 2023, 2024 (le premier dû le …)``."""
    oldest = members[0]
    if key == "commission":
        return f"depuis le {_quarter_fr(oldest.date)}"
    if key == "bilan-annuel":
        years = ", ".join(e.id.rsplit("-", 1)[-1] for e in members)
        first = "le premier dû" if len(members) > 1 else "dû"
        return f"pour {years} ({first} le {format_date(oldest.date)})"
    return f"depuis le {format_date(oldest.date)}"


def _late_groups(late: list[Echeance]) -> tuple[GroupeRetard, ...]:
    """Late occurrences grouped by kind (one line each), oldest group first."""
    grouped: dict[str, list[Echeance]] = {}
    for echeance in late:
        key = "action" if echeance.objet is Objet.ACTION else echeance.serie or echeance.id
        grouped.setdefault(key, []).append(echeance)
    groups = []
    for key, members in grouped.items():
        members.sort(key=lambda e: e.date)
        oldest = members[0]
        words = _GROUP_WORDS.get(key)
        if words is not None:
            resume = (f"{len(members)} {words[1] if len(members) > 1 else words[0]}, "
                      f"{_since(key, members)}")
        else:
            resume = f"{oldest.libelle} : dû le {format_date(oldest.date)}"
        porteurs = tuple(dict.fromkeys(p for e in members for p in e.porteurs))
        participants = tuple(dict.fromkeys(
            p for e in members for p in e.participants if p not in porteurs))
        groups.append(GroupeRetard(key, resume, len(members), oldest.date, porteurs,
                                   participants, tuple(members)))
    groups.sort(key=lambda g: (g.depuis, g.cle))
    return tuple(groups)


def _due_soon(chosen: list[Echeance], as_of: date, horizon: int) -> tuple[Echeance, ...]:
    """Open occurrences due within ``horizon`` days, then the next bilan (the next major
    deliverable) wherever it lies."""
    limit = as_of + timedelta(days=horizon)
    soon = [e for e in chosen if e.etat in (Etat.PROCHE, Etat.A_VENIR) and e.date <= limit]
    bilans = [e for e in chosen if e.objet is Objet.BILAN
              and e.etat in (Etat.PROCHE, Etat.A_VENIR)]
    if bilans:  # the next bilan date, with every bilan due that day (e.g. 30 June 2026)
        first = min(e.date for e in bilans)
        soon += [e for e in bilans if e.date == first and e not in soon]
    return tuple(sorted(soon, key=lambda e: (e.date, e.id)))


def build_status(
    registry: Registry,
    as_of: date,
    filtres: Filtres | None = None,
    horizon: int = STATUS_HORIZON_DAYS,
    stale_days: int = STALE_DAYS,
) -> StatusView:
    """Everything ``convention status`` shows, computed once from the registry as known
    on ``as_of``."""
    registry = snapshot(registry, as_of)
    filtres = filtres or Filtres()
    filtres = check_filter_values(registry, filtres)
    conv = registry.convention
    assert conv is not None
    echeances = compute_echeances(registry, as_of, horizon)
    by_engagement = echeances_by_engagement(echeances)
    selected = select_engagements(registry, filtres, by_engagement)
    lignes = [_line(eng, by_engagement.get(eng.id, []), as_of, stale_days, conv.date_signature)
              for eng in selected]
    chosen = _select_echeances(echeances, filtres, {e.id for e in selected})
    late = [e for e in chosen if e.etat is Etat.EN_RETARD and (
        filtres.partie is None or e.etat_de(filtres.partie) is Etat.EN_RETARD)]
    return StatusView(
        as_of=as_of, horizon=horizon, stale_days=stale_days, filtres=filtres,
        titre=conv.titre,
        position=position_of(registry, as_of, echeances),
        lignes=tuple(lignes),
        par_partie=_counters([(p.id, p.sigle) for p in registry.parties], lignes,
                             by_party=True),
        par_objectif=_counters([(o.id, f"{o.numero}. {o.libelle}") for o in conv.objectifs],
                               lignes, by_party=False),
        retards=_late_groups(late),
        prochaines=_due_soon(chosen, as_of, horizon),
        a_decider=tuple(e for e in chosen if e.etat in (Etat.A_DECIDER,
                                                        Etat.ECHUE_AVANT_SIGNATURE)),
        commissions=_commissions(chosen),
        groupes=groupe_travail_rows(registry),
        noms_parties=party_names(registry),
        referents=tuple(referents_in_office(registry, as_of)),
    )


def _line(
    eng: Engagement, echeances: list[Echeance], as_of: date, stale_days: int, signature: date
) -> EngagementStatusRow:
    last = last_entry_date(eng.journal)
    reference = last or signature
    return EngagementStatusRow(
        id=eng.id, parties=tuple(eng.parties), libelle=eng.libelle, statut=eng.statut,
        objectifs=tuple(eng.objectifs), prochaine=next_echeance(echeances),
        derniere_entree=last,
        sans_nouvelles=eng.statut not in CLOSED_STATUTS
        and (as_of - reference).days > stale_days,
        retards=tuple(e for e in echeances if e.etat is Etat.EN_RETARD),
        echeances=tuple(echeances),
        statuts=statuts_par_partie(eng),
        participants=tuple(getattr(eng, "participants", ()) or ()),
    )
