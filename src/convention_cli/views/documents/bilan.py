"""Pieces shared by the annual and the multi-year bilans (section V).

The view models themselves live in ``bilan_annuel`` and ``bilan_pluriannuel``; this
module holds what they share: the year checks, the one rule that rates an objective
from its indicators (``RULE``, ``appreciation``, ``indicator_rows``), evidence rows, the
quarterly-meeting record, the per-territory section and the Mermaid escaping.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import NamedTuple

from convention_cli.defaults import DATE_RANGE_TEXT, year_supported
from convention_cli.domain.calendar import quarter_of
from convention_cli.domain.echeances import Echeance, Etat, Objet
from convention_cli.domain.indicators import indicator_measures, is_measure, measure_source
from convention_cli.errors import UsageError
from convention_cli.load.registry import Registry
from convention_cli.models import Engagement, GroupeTravail, Objectif, Preuve, Reunion
from convention_cli.views.documents.agenda import quarter_label
from convention_cli.views.documents.common import (
    EcheanceDocumentRow,
    document_year,
    echeance_row,
    preuve_label,
)
from convention_cli.views.public import (
    visible_actions,
    visible_journal,
    visible_mesures,
    visible_preuves,
)
from convention_cli.vocab import (
    STATUT_LABELS,
    count_statut,
    format_date,
    quantity,
)

_YEAR = re.compile(r"^\d{4}$")
# Mermaid reads ``:`` as the start of the task data, ``#`` and ``;`` as entity
# delimiters; its own entity codes keep them in a task name.
_MERMAID_ESCAPES = str.maketrans({":": "#58;", "#": "#35;", ";": "#59;", "`": "'"})
MERMAID_NAME_MAX = 70


@dataclass(frozen=True)
class Periode:
    debut: date
    fin: date


@dataclass(frozen=True)
class LignePreuveDatee:
    date: date | None
    origine: str
    """What carries the preuve: « engagement », « groupe de travail », « action »."""
    origine_id: str
    libelle: str
    url: str


@dataclass(frozen=True)
class LigneTrimestre:
    id: str
    libelle: str
    date_limite: date
    resultat: str
    """« tenue », « non tenue », « à venir » or « sans objet »."""
    manquee: bool
    reunion: str | None
    date_reunion: date | None
    motif: str | None
    """Why a quarter asks no meeting (« sans objet »)."""


@dataclass(frozen=True)
class BilanCommissions:
    trimestres: tuple[LigneTrimestre, ...]
    tenues: int
    manquees: int
    a_venir: int
    sans_objet: int
    resume: str


def parse_year(value: str) -> int:
    if not _YEAR.match(value):
        raise UsageError(f"année invalide « {value} » : attendu AAAA, par exemple 2024")
    if not year_supported(int(value)):
        raise UsageError(f"année hors de la plage prise en charge « {value} » "
                         f"({DATE_RANGE_TEXT})")
    return int(value)


def convention_period(registry: Registry) -> Periode:
    conv = registry.convention
    end = registry.date_fin
    assert conv is not None
    assert end is not None
    return Periode(conv.date_signature, end)


def year_period(registry: Registry, year: int, as_of: date | None = None) -> Periode:
    """The year intersected with the convention's period (``common.document_year``: a
    usage error outside it, or when ``as_of`` comes before it)."""
    return Periode(*document_year(registry, year, as_of))


def echeance_line(echeance: Echeance, names: dict[str, str]) -> EcheanceDocumentRow:
    """``echeance_row``, with the honouring date only once it is reached on the as-of day."""
    row = echeance_row(echeance, names)
    return row if echeance.etat is Etat.HONOREE else replace(row, honoree_le=None)


def count_by_status(statuses: Iterable[str]) -> str:
    """``1 réalisé, 2 non renseignés`` in the order of the statuses."""
    values = list(statuses)
    parts = [count_statut(s, values.count(s)) for s in STATUT_LABELS if s in values]
    return ", ".join(parts) if parts else "aucun engagement"


def _preuve(
    preuve: Preuve, fallback: date | None, origine: str, origine_id: str
) -> LignePreuveDatee:
    return LignePreuveDatee(preuve.date or fallback, origine, origine_id,
                            preuve_label(preuve.libelle), preuve.url)


def dated_preuves(
    engagements: Iterable[Engagement], groups: Iterable[GroupeTravail],
    reunions: Iterable[Reunion], public: bool, start: date, end: date,
) -> tuple[LignePreuveDatee, ...]:
    """Every preuve dated within [start, end]. A preuve without its own date takes the
    date of the journal entry that carries it, or the closing date of its action."""
    found: list[LignePreuveDatee] = []
    owners: list[tuple[str, Engagement | GroupeTravail]] = [
        *(("engagement", e) for e in engagements), *(("groupe de travail", g) for g in groups)]
    for kind, owner in owners:
        if isinstance(owner, Engagement):
            if public and owner.confidentiel:
                continue
            found.extend(_preuve(p, None, kind, owner.id)
                         for p in visible_preuves(owner.preuves, public))
        for entry in visible_journal(owner, public):
            found.extend(_preuve(p, entry.date, kind, owner.id)
                         for p in visible_preuves(entry.preuves, public))
    for reunion in reunions:
        for action in visible_actions(reunion, public):
            found.extend(_preuve(p, action.cloture, "action", action.id)
                         for p in visible_preuves(action.preuves, public))
    kept = [p for p in found if p.date is not None and start <= p.date <= end]
    kept.sort(key=lambda p: (p.date or start, p.origine_id, p.libelle))
    return tuple(kept)


def commission_record(echeances: Iterable[Echeance], as_of: date) -> BilanCommissions:
    """The commission échéances, one per quarter: held, missed, to come or not asked.

    In a public document the échéances come masked (``views.public``): a quarter held by
    a confidential meeting counts as held, without naming or dating the meeting."""
    rows = []
    for echeance in echeances:
        if echeance.objet is not Objet.COMMISSION:
            continue
        shown = echeance.honneur is not None  # échéances come from a snapshot
        held = shown or echeance.etat is Etat.HONOREE  # masked by views.public
        if echeance.etat is Etat.SANS_OBJET:
            result = "sans objet"
        elif held:
            result = "tenue"
        elif echeance.date <= as_of:
            result = "non tenue"
        else:
            result = "à venir"
        rows.append(LigneTrimestre(
            id=echeance.id, libelle=quarter_label(*quarter_of(echeance.date)),
            date_limite=echeance.date, resultat=result, manquee=result == "non tenue",
            reunion=echeance.reunion if shown else None,
            date_reunion=echeance.honneur.date if shown and echeance.honneur else None,
            motif=echeance.sans_objet))
    counts = {r: sum(1 for row in rows if row.resultat == r)
              for r in ("tenue", "non tenue", "à venir", "sans objet")}
    expected = len(rows) - counts["sans objet"]
    summary = (f"Trimestres avec une réunion de la commission : {counts['tenue']} sur "
               f"{expected} attendu{'s' if expected > 1 else ''} (cible : une réunion par "
               "trimestre)")
    details = [(counts["non tenue"], "sans réunion"), (counts["à venir"], "à venir"),
               (counts["sans objet"], "sans objet")]
    for count, label in details:
        if count:
            summary += f" ; {label} : {count}"
    return BilanCommissions(tuple(rows), counts["tenue"], counts["non tenue"],
                            counts["à venir"], counts["sans objet"], summary + ".")


def mermaid_name(text: str) -> str:
    """A Mermaid gantt task name: one line, short, with ``:``, ``#`` and ``;`` escaped."""
    flat = " ".join(text.split())
    if len(flat) > MERMAID_NAME_MAX:
        flat = flat[:MERMAID_NAME_MAX - 1].rstrip() + "…"
    return flat.translate(_MERMAID_ESCAPES)


# --- objectives: one rule, from the indicators --------------------------------------------

ATTEINT = "atteint"
PARTIEL = "partiellement atteint"
NON_ATTEINT = "non atteint"
NON_EVALUABLE = "non évaluable (aucune donnée)"
HALF = 0.5
PERIODIC_TARGETS = ("annuelle", "trimestrielle")
RULE = (
    "L’atteinte d’un objectif se lit sur les indicateurs chiffrés des engagements qui lui "
    "sont rattachés (un engagement qui sert plusieurs objectifs est rattaché au premier "
    "d’entre eux, sous lequel ses indicateurs sont présentés), cible contre dernière mesure "
    "datée au plus tard le {day}{window} : « atteint » "
    "quand chaque indicateur chiffré avec une cible est mesuré et atteint sa cible ; « non "
    "atteint » quand aucun indicateur mesuré n’atteint la moitié de sa cible ; « partiellement "
    "atteint » entre les deux, et dès qu’une partie seulement des indicateurs est mesurée ; "
    "« non évaluable (aucune donnée) » quand aucun indicateur n’a à la fois une cible et une "
    "mesure, ou qu’aucun indicateur n’est rattaché à l’objectif. Une mesure "
    "saisie compte, comme un compte que l’outil calcule du registre (réunions tenues, bilans "
    "remis, communications) ; un compte calculé nul n’est pas une mesure : il dit seulement "
    "que le registre n’a rien enregistré. Un bilan remis après sa date limite compte 0 "
    "(mesure retenue : il n’a pas été remis dans le délai) ; un bilan ne se compte pas "
    "lui-même. Ni les statuts déclarés, ni l’existence de "
    "l’annexe de la convention, ni la communication du jour de la signature n’entrent dans "
    "cette appréciation : ils sont rapportés à part."
)


def rule_text(day: date, year: int | None = None) -> str:
    """The stated rule, as the document shows it (``year``: an annual bilan's year)."""
    window = (f" (mesure de {year} pour une cible annuelle ou trimestrielle)"
              if year is not None else "")
    return RULE.format(day=format_date(day), window=window)


class IndicateurBilanRow(NamedTuple):
    """An indicator: target, the measure the rule retains, its source, and the gap."""

    id: str
    libelle: str
    engagement: str
    cible: str
    mesure: str
    source: str
    ecart: str
    taux: float | None
    """Measure ÷ target, the rule's input (None when there is no retained measure)."""
    chiffre: bool = False
    """A quantitative indicator with a target: one the rule expects a measure of."""


def appreciation(rates: Iterable[float], targets: int | None = None) -> str:
    """The rule stated in ``RULE``, from the measure ÷ target rate of each measured
    indicator of an objective's engagements; ``targets``: how many of its indicators have
    a target (all are measured when None)."""
    values = list(rates)
    if not values:
        return NON_EVALUABLE
    if all(rate < HALF for rate in values):
        return NON_ATTEINT
    if all(rate >= 1 for rate in values) and (targets is None or len(values) >= targets):
        return ATTEINT
    return PARTIEL


def objective_rating(indicators: Iterable[IndicateurBilanRow]) -> tuple[str, int, int]:
    """(appreciation, retained measures, indicators with a target) of one objective's
    indicators: the one function both bilans rate objectives with."""
    rows = list(indicators)
    rates = [i.taux for i in rows if i.taux is not None]
    targets = sum(1 for i in rows if i.chiffre)
    return appreciation(rates, targets), len(rates), targets


def objective_engagements(
    objectives: Iterable[Objectif], engagements: Iterable[Engagement]
) -> dict[str, list[Engagement]]:
    """The engagements attached to each objective (by id), in the registry's order: an
    engagement serving several objectives is attached to the first of them (by number)
    only. The one attachment both bilans rate and show objectives with (``RULE``)."""
    order = {o.id: o.numero for o in objectives}
    attached: dict[str, list[Engagement]] = {o: [] for o in order}
    for engagement in engagements:
        served = [o for o in engagement.objectifs if o in order]
        if served:
            attached[min(served, key=order.__getitem__)].append(engagement)
    return attached


def own_bilan_row(row: IndicateurBilanRow) -> IndicateurBilanRow:
    """The indicator of the bilan a document is: not measured by the document itself."""
    return row._replace(mesure="le présent bilan", source="—",
                        ecart="non compté (un bilan ne se compte pas lui-même)",
                        taux=None, chiffre=False)


def indicator_rows(
    registry: Registry, engagements: Iterable[Engagement], as_of: date, public: bool,
    year_start: date | None = None,
) -> tuple[IndicateurBilanRow, ...]:
    """Every indicator of ``engagements`` with the measure the rule retains: the last one
    dated up to ``as_of`` (from ``year_start`` for an annual or quarterly target when
    given), typed or computed by the registry (``domain.indicators``)."""
    rows = []
    for engagement in engagements:
        for indicator in engagement.indicateurs:
            unit = indicator.unite
            target = (quantity(indicator.cible, unit) if indicator.cible is not None
                      else "qualitatif" if indicator.type == "qualitatif" else "—")
            since = year_start if indicator.periode in PERIODIC_TARGETS else None
            measures = [m for m in visible_mesures(
                indicator_measures(registry, engagement, indicator, as_of), public)
                if since is None or m.date >= since]
            counted = indicator.type == "quantitatif" and indicator.cible is not None
            if not measures:
                rows.append(IndicateurBilanRow(indicator.id, indicator.libelle, engagement.id,
                                               target, "aucune mesure", "—", "—", None,
                                               counted))
                continue
            last = measures[-1]
            source = measure_source(engagement, last)
            shown = f"{quantity(last.valeur, unit)} au {format_date(last.date)}"
            if not counted or indicator.cible is None:
                rows.append(IndicateurBilanRow(indicator.id, indicator.libelle, engagement.id,
                                               target, shown, source, "—", None))
                continue
            if not is_measure(last):
                rows.append(IndicateurBilanRow(
                    indicator.id, indicator.libelle, engagement.id, target, shown,
                    source, "non retenu (compte calculé nul)", None, True))
                continue
            gap = last.valeur - indicator.cible
            sign = "+" if gap > 0 else "−" if gap < 0 else ""
            rows.append(IndicateurBilanRow(
                indicator.id, indicator.libelle, engagement.id, target, shown, source,
                f"{sign}{quantity(abs(gap), unit)}" if gap else "cible atteinte",
                last.valeur / indicator.cible if indicator.cible else 1.0, True))
    return tuple(rows)
