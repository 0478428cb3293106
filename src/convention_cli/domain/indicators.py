"""Indicators as measured and as computed: every indicator's series of measurements.

Some indicators of the agreement are countable from the registry itself: they are
computed, never typed twice (issue 11):

- the Commission ultramarine meets each quarter (III, target 4 a year): commissions
  held per calendar year, quarters held in the échéancier (each quarter once);
- the annual and multi-year bilans (V): bilans delivered, from the échéances honoured
  by a journal entry (one handed in after its deadline counts 0: the text asks for it
  « au plus tard » on that day);
- the public communication (IV, at least once a year): communications per year of the
  convention, the year's échéance honoured (its own year, whenever honoured).

An indicator is computed when its engagement carries one of these rules (``regle``),
and counts what the échéancier says (``COMPUTED_RULES``).
Pure functions: the date is passed in, and nothing dated after it is counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from convention_cli.load.registry import Registry
from convention_cli.models import Engagement, Indicateur

COMPUTED_RULES: dict[str, str] = {
    "commission_trimestrielle": "commissions trimestrielles tenues par année civile "
                                "(échéances honorées)",
    "bilan_annuel": "bilans annuels remis (échéances honorées)",
    "bilan_pluriannuel": "bilan pluriannuel remis (échéance honorée)",
    "communication_annuelle": "valorisations publiques par année de la convention "
                              "(échéances honorées)",
}
"""Rules whose engagement's indicators are computed, with what is counted. Every computed
count is read on the échéancier (``compute_echeances``): the échéances of the rule
honoured, each counted once, in the period it belongs to (not on the day it was
honoured), so that an indicator never disagrees with the échéances' states."""


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
    """Per calendar year, the quarters whose commission is held (« commission-AAAA-tN »
    honoured, by a meeting in the quarter or a journal entry naming it): two meetings in
    one quarter count once, as the échéancier does."""
    from convention_cli.domain.echeances import Etat, Objet, compute_echeances

    conv = registry.convention
    end = registry.date_fin
    if conv is None or end is None:
        return []
    quarters = [e for e in compute_echeances(registry, as_of) if e.objet is Objet.COMMISSION]
    result = []
    for year in range(conv.date_signature.year, min(as_of, end).year + 1):
        held = sorted((e.honneur.date, e.honneur.confidentiel) for e in quarters
                      if e.date.year == year and e.etat is Etat.HONOREE
                      and e.honneur is not None)
        year_end = min(date(year, 12, 31), end)
        if not held and year_end > as_of:
            continue  # the year is under way and nothing is held yet: no measurement
        # dated by the last meeting while the year is under way: confidential if it is
        when, secret = max(held) if year_end > as_of else (year_end, False)
        result.append(MesureVue(
            when, len(held), f"calculé, commissions trimestrielles tenues en {year} "
            f"(échéances commission-{year}-t… honorées)"
            f"{', année en cours' if year_end > as_of else ''}", True,
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
    """Per year of the convention, its public communication honoured (1) or not (0): the
    échéance of the year, honoured by a journal entry naming it. An entry naming no
    échéance honours nothing and counts for nothing; an entry honouring last year's
    échéance counts for last year, never for the year it is dated in."""
    from convention_cli.domain.echeances import Etat, Objet, compute_echeances

    conv = registry.convention
    if conv is None:
        return []
    years = sorted((e for e in compute_echeances(registry, as_of)
                    if e.objet is Objet.COMMUNICATION and e.engagement == engagement.id),
                   key=lambda e: e.date)
    result = []
    start = conv.date_signature
    for echeance in years:
        if start > as_of:
            break
        period_end = echeance.date
        honneur = echeance.honneur if echeance.etat is Etat.HONOREE else None
        if honneur is not None or period_end <= as_of:
            # dated by what honours it while the year is under way: confidential if it is
            when, secret = (period_end, False) if period_end <= as_of or honneur is None \
                else (honneur.date, honneur.confidentiel)
            result.append(MesureVue(
                when, int(honneur is not None),
                f"calculé, échéance {echeance.id} (du {start.isoformat()} au "
                f"{period_end.isoformat()}) {'honorée' if honneur else 'non honorée'}"
                f"{' : ' + honneur.origine if honneur else ''}", True,
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

