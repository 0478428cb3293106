"""The view model of ``convention status``: where the partnership stands on a given day.

Pure: built from the registry as known on ``as_of`` (``snapshot``). The terminal view
fits one screen: the position in the period, late obligations grouped by kind (« 12
commissions trimestrielles non tenues, depuis le 3e trimestre 2023 »), what is due
soon (the horizon, and always the next bilan), decisions and readings, counters of
what each party carries; ``status_to_json`` keeps everything.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from convention_cli.defaults import STALE_DAYS, STATUS_HORIZON_DAYS
from convention_cli.domain.echeances import Echeance, Etat, Objet, compute_echeances
from convention_cli.domain.queries import (
    Filtres,
    check_filter_values,
    echeances_by_engagement,
    party_names,
    select_engagements,
)
from convention_cli.domain.referents import referents_in_office
from convention_cli.domain.snapshot import snapshot
from convention_cli.load.registry import Registry
from convention_cli.views.echeances import echeance_to_json
from convention_cli.views.groupes_travail import GroupeTravailRow, groupe_travail_rows
from convention_cli.views.position import Position, position_of
from convention_cli.views.status_retards import (
    GroupeRetard,
    Trimestre,
    commission_quarters,
    late_groups,
)
from convention_cli.views.status_rows import (
    EngagementStatusRow,
    StatusCounter,
    engagement_status_row,
    status_counters,
)

DEFAULT_STALE_DAYS = STALE_DAYS  # defaults.py


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
    stale_days: int = DEFAULT_STALE_DAYS,
) -> StatusView:
    """Everything ``convention status`` shows, computed once from the registry as known
    on ``as_of``."""
    registry = snapshot(registry, as_of)
    filtres = filtres or Filtres()
    check_filter_values(registry, filtres)
    conv = registry.convention
    assert conv is not None
    echeances = compute_echeances(registry, as_of, horizon)
    by_engagement = echeances_by_engagement(echeances)
    selected = select_engagements(registry, filtres, by_engagement)
    lignes = [engagement_status_row(eng, by_engagement.get(eng.id, []), as_of, stale_days,
                                    conv.date_signature)
              for eng in selected]
    chosen = _select_echeances(echeances, filtres, {e.id for e in selected})
    late = [e for e in chosen if e.etat is Etat.EN_RETARD and (
        filtres.partie is None or e.etat_de(filtres.partie) is Etat.EN_RETARD)]
    return StatusView(
        as_of=as_of, horizon=horizon, stale_days=stale_days, filtres=filtres,
        titre=conv.titre,
        position=position_of(registry, as_of, echeances),
        lignes=tuple(lignes),
        par_partie=status_counters([(p.id, p.sigle) for p in registry.parties], lignes, late),
        par_objectif=status_counters(
            [(o.id, f"{o.numero}. {o.libelle}") for o in conv.objectifs], lignes, None),
        retards=late_groups(late),
        prochaines=_due_soon(chosen, as_of, horizon),
        a_decider=tuple(e for e in chosen if e.etat in (Etat.A_DECIDER,
                                                        Etat.ECHUE_AVANT_SIGNATURE)),
        commissions=commission_quarters(chosen),
        groupes=groupe_travail_rows(registry),
        noms_parties=party_names(registry),
        referents=tuple(referents_in_office(registry, as_of)),
    )

# --- serialisation ----------------------------------------------------------------------


def status_to_json(view: StatusView) -> dict[str, Any]:
    """A stable object; ``STATUS_JSON_FORMAT`` changes when its shape does."""
    pos = view.position
    return {
        "format": STATUS_JSON_FORMAT,
        "as_of": view.as_of.isoformat(),
        "horizon_jours": view.horizon,
        "alerte_jours": view.stale_days,
        "filtres": {k: v for k, v in vars(view.filtres).items() if v is not None},
        "convention": {
            "date_signature": pos.date_signature.isoformat(),
            "date_fin": pos.date_fin.isoformat(),
            "etat": pos.etat,
            "jours": pos.jours,
            "resume": pos.resume,
            "exigences": list(pos.exigences),
            "referents": list(view.referents),
        },
        "compteurs": {
            "par_partie": [_counter_json(c) for c in view.par_partie],
            "par_objectif": [_counter_json(c) for c in view.par_objectif],
        },
        "retards": [
            {"cle": g.cle, "resume": g.resume, "nombre": g.nombre,
             "depuis": g.depuis.isoformat(), "porteurs": list(g.porteurs),
             "participants": list(g.participants), "echeances": [e.id for e in g.echeances]}
            for g in view.retards
        ],
        "engagements": [
            {
                "id": line.id,
                "parties": list(line.parties),
                "participants": list(line.participants),
                "libelle": line.libelle,
                "statut": line.statut,
                "statut_libelle": line.statut_libelle,
                "statuts_par_partie": line.statuts,
                "en_retard": line.en_retard,
                "echeances_en_retard": [e.id for e in line.retards],
                "prochaine_echeance": line.prochaine.id if line.prochaine else None,
                "derniere_entree": line.derniere_entree.isoformat()
                if line.derniere_entree else None,
                "sans_nouvelles": line.sans_nouvelles,
                "echeances": [e.id for e in line.echeances],
            }
            for line in view.lignes
        ],
        "echeances": {
            "en_retard": [echeance_to_json(e) for e in view.en_retard],
            "proches": [echeance_to_json(e) for e in view.prochaines],
            "a_decider": [echeance_to_json(e) for e in view.a_decider],
        },
        "commissions": [
            {"id": t.id, "libelle": t.libelle, "etat": t.etat.value, "reunion": t.reunion,
             "date_reunion": t.date_reunion.isoformat() if t.date_reunion else None}
            for t in view.commissions
        ],
        "groupes_travail": [
            {"id": g.id, "numero": g.numero, "libelle": g.libelle, "statut": g.statut,
             "engagements": g.engagements,
             "derniere_entree": g.derniere_entree.isoformat() if g.derniere_entree else None}
            for g in view.groupes
        ],
    }


STATUS_JSON_FORMAT = 2


def _counter_json(counter: StatusCounter) -> dict[str, Any]:
    return {"id": counter.cle, "libelle": counter.libelle, "total": counter.total,
            "realises": counter.realises, "en_retard": counter.en_retard,
            "par_statut": counter.par_statut}
