"""The view model of ``convention status``: where the partnership stands on a given day.

Pure: built from the registry and ``as_of``; the CLI renders it as a rich table, and
``status_to_json`` / ``status_to_markdown`` give the same content for scripts and
documents.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from convention_cli.defaults import STALE_DAYS
from convention_cli.domain.echeances import (
    DEFAULT_HORIZON_DAYS,
    Echeance,
    Etat,
    Objet,
    compute_echeances,
)
from convention_cli.domain.queries import (
    Filtres,
    check_filter_values,
    echeances_by_engagement,
    last_entry_date,
    next_echeance,
    select_engagements,
)
from convention_cli.domain.snapshot import snapshot
from convention_cli.load.registry import Registry
from convention_cli.models import STATUT_LABELS, Engagement
from convention_cli.vocab import format_date, plural

DEFAULT_STALE_DAYS = STALE_DAYS  # defaults.py
STATUT_ORDER = tuple(STATUT_LABELS)


@dataclass(frozen=True)
class Position:
    """Where ``as_of`` falls in the convention's period."""

    date_signature: date
    date_fin: date
    etat: Literal["non_commencee", "en_vigueur", "echue"]
    jours: int
    resume: str
    exigences: tuple[str, ...]


@dataclass(frozen=True)
class LigneEngagement:
    id: str
    parties: tuple[str, ...]
    libelle: str
    statut: str
    objectifs: tuple[str, ...]
    prochaine: Echeance | None
    derniere_entree: date | None
    sans_nouvelles: bool
    en_retard: bool
    echeances: tuple[Echeance, ...]

    @property
    def statut_libelle(self) -> str:
        return STATUT_LABELS[self.statut]


@dataclass(frozen=True)
class Compteur:
    """Engagements of one party or objective, counted by status."""

    cle: str
    libelle: str
    par_statut: dict[str, int]
    en_retard: int

    @property
    def total(self) -> int:
        return sum(self.par_statut.values())

    @property
    def realises(self) -> int:
        return self.par_statut.get("realise", 0)


@dataclass(frozen=True)
class Trimestre:
    id: str
    libelle: str
    etat: Etat
    reunion: str | None
    date_reunion: date | None


@dataclass(frozen=True)
class LigneGroupe:
    id: str
    numero: int
    libelle: str
    statut: str
    engagements: int
    derniere_entree: date | None


@dataclass(frozen=True)
class StatusView:
    as_of: date
    horizon: int
    stale_days: int
    filtres: Filtres
    titre: str
    position: Position
    lignes: tuple[LigneEngagement, ...]
    par_partie: tuple[Compteur, ...]
    par_objectif: tuple[Compteur, ...]
    en_retard: tuple[Echeance, ...]
    prochaines: tuple[Echeance, ...]
    commissions: tuple[Trimestre, ...]
    groupes: tuple[LigneGroupe, ...]
    noms_parties: dict[str, str]


def position_of(registry: Registry, as_of: date, echeances: list[Echeance]) -> Position:
    conv = registry.convention
    end = registry.date_fin
    assert conv is not None
    assert end is not None
    start = conv.date_signature
    period = f"du {format_date(start)} au {format_date(end)}"
    if as_of < start:
        days = (start - as_of).days
        return Position(start, end, "non_commencee", days,
                        f"Convention signée le {format_date(start)}, pas encore en vigueur "
                        f"(dans {plural(days, 'jour')}).", ())
    if as_of <= end:
        days = (end - as_of).days
        elapsed = round(100 * (as_of - start).days / max((end - start).days, 1))
        return Position(start, end, "en_vigueur", days,
                        f"Convention en vigueur {period} : {plural(days, 'jour')} restant"
                        f"{'s' if days > 1 else ''} ({elapsed}\u202f% de la période écoulée).",
                        _requirements(registry, as_of, echeances, ended=False))
    days = (as_of - end).days
    return Position(start, end, "echue", days,
                    f"Convention échue depuis {plural(days, 'jour')} : elle couvrait la "
                    f"période {period}.",
                    _requirements(registry, as_of, echeances, ended=True))


def _requirements(
    registry: Registry, as_of: date, echeances: list[Echeance], *, ended: bool
) -> tuple[str, ...]:
    """What section V asks next, once the end is near or passed."""
    conv = registry.convention
    assert conv is not None
    by_id = {e.id: e for e in echeances}
    near_end = ended or any(e.id == "fin-convention" and e.etat is Etat.PROCHE
                            for e in echeances)
    if not near_end:
        return ()
    lines = []
    for echeance in echeances:
        if echeance.objet is Objet.BILAN and echeance.etat in (
                Etat.EN_RETARD, Etat.PROCHE, Etat.A_VENIR):
            verb = "était dû" if echeance.etat is Etat.EN_RETARD else "est dû"
            lines.append(f"{echeance.libelle} : {verb} au plus tard le "
                         f"{format_date(echeance.date)} ({echeance.etat.value}, section "
                         f"{echeance.source}).")
    prorogation = by_id.get("decision-prorogation")
    if prorogation is not None and prorogation.etat is not Etat.HONOREE:
        lines.append(
            "Prorogation : possible d'un commun accord « à l'issue d'un bilan partagé des "
            "actions réalisées » ; toute modification fait l'objet d'un avenant (section "
            f"{conv.regles.prorogation.clause}). Aucun avenant n'est enregistré.")
    return tuple(lines)


def _counters(
    keys: list[tuple[str, str]], lignes: list[LigneEngagement], attribute: str
) -> tuple[Compteur, ...]:
    counters = []
    for key, label in keys:
        concerned = [line for line in lignes if key in getattr(line, attribute)]
        counts = Counter(line.statut for line in concerned)
        counters.append(Compteur(
            key, label, {s: counts[s] for s in STATUT_ORDER if counts[s]},
            sum(1 for line in concerned if line.en_retard)))
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


def build_status(
    registry: Registry,
    as_of: date,
    filtres: Filtres | None = None,
    horizon: int = DEFAULT_HORIZON_DAYS,
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
    lignes = [_line(eng, by_engagement.get(eng.id, []), as_of, stale_days, conv.date_signature)
              for eng in selected]
    chosen = _select_echeances(echeances, filtres, {e.id for e in selected})
    party_names = {p.id: p.sigle for p in registry.parties}
    return StatusView(
        as_of=as_of, horizon=horizon, stale_days=stale_days, filtres=filtres,
        titre=f"{conv.titre} — {conv.sous_titre}",
        position=position_of(registry, as_of, echeances),
        lignes=tuple(lignes),
        par_partie=_counters([(p.id, p.sigle) for p in registry.parties], lignes, "parties"),
        par_objectif=_counters([(o.id, f"{o.numero}. {o.libelle}") for o in conv.objectifs],
                               lignes, "objectifs"),
        en_retard=tuple(e for e in chosen if e.etat is Etat.EN_RETARD),
        prochaines=tuple(e for e in chosen if e.etat is Etat.PROCHE),
        commissions=_commissions(echeances),
        groupes=tuple(
            LigneGroupe(g.id, g.numero, g.libelle, g.statut, len(g.engagements),
                        max((e.date for e in g.journal), default=None))
            for g in registry.groupes_travail),
        noms_parties=party_names,
    )


def _line(
    eng: Engagement, echeances: list[Echeance], as_of: date, stale_days: int, signature: date
) -> LigneEngagement:
    last = last_entry_date(eng)
    reference = last or signature
    return LigneEngagement(
        id=eng.id, parties=tuple(eng.parties), libelle=eng.libelle, statut=eng.statut,
        objectifs=tuple(eng.objectifs), prochaine=next_echeance(echeances),
        derniere_entree=last,
        sans_nouvelles=eng.statut not in ("realise", "abandonne")
        and (as_of - reference).days > stale_days,
        en_retard=any(e.etat is Etat.EN_RETARD for e in echeances),
        echeances=tuple(echeances),
    )


# --- serialisations ---------------------------------------------------------------------


def echeance_to_json(echeance: Echeance) -> dict[str, Any]:
    return {
        "id": echeance.id,
        "date": echeance.date.isoformat(),
        "libelle": echeance.libelle,
        "etat": echeance.etat.value,
        "etat_code": echeance.etat.key,
        "source": echeance.source,
        "parties": list(echeance.parties),
        "objet": echeance.objet.value,
        "engagement": echeance.engagement,
        "reunion": echeance.reunion,
        "honoree_le": echeance.honneur.date.isoformat() if echeance.honneur else None,
    }


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
        },
        "compteurs": {
            "par_partie": [_counter_json(c) for c in view.par_partie],
            "par_objectif": [_counter_json(c) for c in view.par_objectif],
        },
        "engagements": [
            {
                "id": line.id,
                "parties": list(line.parties),
                "libelle": line.libelle,
                "statut": line.statut,
                "statut_libelle": line.statut_libelle,
                "en_retard": line.en_retard,
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


STATUS_JSON_FORMAT = 1


def _counter_json(counter: Compteur) -> dict[str, Any]:
    return {"id": counter.cle, "libelle": counter.libelle, "total": counter.total,
            "realises": counter.realises, "en_retard": counter.en_retard,
            "par_statut": counter.par_statut}
