"""Indicators as measured and as computed: every indicator's series of measurements.

Some indicators of the agreement are countable from the registry itself: they are
computed, never typed twice (issue 11):

- the Commission ultramarine meets each quarter (III, target 4 a year): commissions
  held per calendar year, from ``reunions.yaml``;
- the annual and multi-year bilans (V): bilans delivered, from the échéances honoured
  by a journal entry (one handed in after its deadline counts 0: the text asks for it
  « au plus tard » on that day);
- the public communication (IV, at least once a year): communications per year of the
  convention, from the journal of the engagement that carries the rule.

An indicator is computed when its engagement carries one of these rules (``regle``).
Pure functions: the date is passed in, and nothing dated after it is counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from convention_cli.load.registry import Registry, end_date
from convention_cli.models import Engagement, Indicateur

COMPUTED_RULES: dict[str, str] = {
    "commission_trimestrielle": "réunions de la Commission ultramarine par année civile",
    "bilan_annuel": "bilans annuels remis (échéances honorées)",
    "bilan_pluriannuel": "bilan pluriannuel remis (échéance honorée)",
    "communication_annuelle": "communications publiques par année de la convention",
}
"""Rules whose engagement's indicators are computed, with what is counted."""


@dataclass(frozen=True)
class MesureVue:
    """One measurement of an indicator, typed (``calculee`` false) or computed."""

    date: date
    valeur: int | float
    source: str
    calculee: bool = False
    commentaire: str | None = None
    confidentiel: bool = False
    hors_delai: bool = False
    """A bilan handed in after its deadline: counted 0 (not handed in on time), and a
    measure all the same (the registry records it)."""

    def to_json(self) -> dict[str, object]:
        return {"date": self.date.isoformat(), "valeur": self.valeur, "source": self.source,
                "calculee": self.calculee, "commentaire": self.commentaire,
                "confidentiel": self.confidentiel}


def is_computed(engagement: Engagement) -> bool:
    return engagement.regle in COMPUTED_RULES


def is_measure(measure: MesureVue) -> bool:
    """A computed count of zero is not a measure: it says only that the registry has
    recorded nothing (the bilans print it as « non retenu », the site leaves it out)."""
    return measure.hors_delai or not (measure.calculee and not measure.valeur)


def measure_source(engagement: Engagement, measure: MesureVue) -> str:
    """Where a measure comes from, as a sent document or the site says it: a typed
    measure's source; for a computed one, what the registry counts (no identifier, no file
    name, unlike ``MesureVue.source``, which names the records for the referents)."""
    if not measure.calculee or engagement.regle not in COMPUTED_RULES:
        return measure.source
    partial = ", année en cours" if measure.source.endswith("année en cours") else ""
    late = ", remis après la date limite : compté 0" if measure.hors_delai else ""
    return f"calculé du registre, {COMPUTED_RULES[engagement.regle]}{partial}{late}"


def _commissions(registry: Registry, as_of: date) -> list[MesureVue]:
    conv = registry.convention
    end = registry.date_fin
    if conv is None or end is None:
        return []
    held = sorted((r.date, r.confidentiel) for r in registry.reunions
                  if r.instance == "commission" and r.date <= as_of)
    result = []
    for year in range(conv.date_signature.year, min(as_of, end).year + 1):
        dates = [d for d in held if d[0].year == year]
        year_end = min(date(year, 12, 31), end)
        if not dates and year_end > as_of:
            continue  # the year is under way and nothing is held yet: no measurement
        # dated by the last meeting while the year is under way: confidential if it is
        when, secret = max(dates) if year_end > as_of else (year_end, False)
        result.append(MesureVue(
            when, len(dates), f"calculé, réunions de la commission en {year} dans "
            f"reunions.yaml{', année en cours' if year_end > as_of else ''}", True,
            confidentiel=secret))
    return result


def _bilans(registry: Registry, engagement: Engagement, as_of: date) -> list[MesureVue]:
    from convention_cli.domain.echeances import Objet, compute_echeances

    result = []
    for echeance in compute_echeances(registry, as_of):
        if (echeance.objet is not Objet.BILAN or echeance.engagement != engagement.id
                or echeance.honneur is None or echeance.honneur.date > as_of):
            continue
        # dated and sourced by what honours it: confidential if that is. The indicators
        # ask for a bilan handed in by its deadline: a late one counts 0.
        late = echeance.honneur.date > echeance.date
        result.append(MesureVue(
            echeance.honneur.date, 0 if late else 1,
            f"calculé, échéance {echeance.id} honorée"
            f"{' après la date limite du ' + echeance.date.isoformat() if late else ''} : "
            f"{echeance.honneur.origine}", True,
            confidentiel=echeance.honneur.confidentiel, hors_delai=late))
    return sorted(result, key=lambda m: m.date)


def _communications(registry: Registry, engagement: Engagement, as_of: date) -> list[MesureVue]:
    conv = registry.convention
    end = registry.date_fin
    if conv is None or end is None:
        return []
    entries = sorted((e.date, e.confidentiel) for e in engagement.journal if e.date <= as_of)
    result = []
    start = conv.date_signature
    while start <= min(as_of, end):
        period_end = min(end_date(start, 1), end)
        dates = [d for d in entries if start <= d[0] <= period_end]
        if dates or period_end <= as_of:
            # dated by the last entry while the period is under way: confidential if it is
            when, secret = (period_end, False) if period_end <= as_of else max(dates)
            result.append(MesureVue(
                when, len(dates), f"calculé, entrées du journal de {engagement.id} du "
                f"{start.isoformat()} au {period_end.isoformat()}", True,
                confidentiel=secret))
        start = period_end + timedelta(days=1)
    return result


def indicator_measures(
    registry: Registry, engagement: Engagement, indicator: Indicateur, as_of: date
) -> tuple[MesureVue, ...]:
    """Every measurement of ``indicator`` known on ``as_of``, oldest first."""
    if engagement.regle == "commission_trimestrielle":
        return tuple(_commissions(registry, as_of))
    if engagement.regle in ("bilan_annuel", "bilan_pluriannuel"):
        return tuple(_bilans(registry, engagement, as_of))
    if engagement.regle == "communication_annuelle":
        return tuple(_communications(registry, engagement, as_of))
    return tuple(sorted(
        (MesureVue(m.date, m.valeur, m.source, False, m.commentaire, m.confidentiel)
         for m in indicator.mesures if m.date <= as_of),
        key=lambda m: m.date))

