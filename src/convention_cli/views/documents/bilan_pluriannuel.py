"""Multi-year bilan (section V: due 30 June 2026): were the objectives met?"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from convention_cli.domain.echeances import Etat, Objet, compute_echeances
from convention_cli.domain.queries import organisation_label, party_names
from convention_cli.domain.snapshot import snapshot
from convention_cli.load.registry import Registry
from convention_cli.models import Engagement
from convention_cli.views.documents.bilan import (
    NON_ATTEINT,
    NON_EVALUABLE,
    BilanCommissions,
    IndicateurBilanRow,
    Periode,
    commission_record,
    convention_period,
    count_by_status,
    echeance_line,
    indicator_rows,
    objective_engagements,
    objective_rating,
    own_bilan_row,
    rule_text,
)
from convention_cli.views.documents.bilan_territoires import TerritoireBilan, territory_sections
from convention_cli.views.documents.common import (
    EcheanceDocumentRow,
    EngagementDocumentRow,
    EngagementSection,
    engagement_row,
    journal_rows,
    preuve_rows,
    split_by_facts,
)
from convention_cli.views.lectures import lecture_lines
from convention_cli.views.provenance import Provenance
from convention_cli.views.public import (
    bibliography_names,
    public_counts,
    visible_echeances,
    visible_engagements,
)
from convention_cli.vocab import format_date, lecture_fr


@dataclass(frozen=True)
class ObjectifPluriannuel:
    numero: int
    libelle: str
    citation: str
    clause: str
    appreciation: str
    decompte: str
    indicateurs: tuple[IndicateurBilanRow, ...]
    engagements: tuple[EngagementSection, ...]
    """The engagements first shown under this objective with a journal entry or a preuve:
    each named once, its entries and preuves beneath (each engagement appears once)."""
    sans_fait: tuple[EngagementDocumentRow, ...]
    """The other engagements first shown under this objective, in one table."""
    deja_presentes: tuple[tuple[int, int], ...]
    """(objective number, count) of serving engagements shown under an earlier objective."""


@dataclass(frozen=True)
class BilanAnnee:
    annee: int
    attendues: int
    tenues: int


@dataclass(frozen=True)
class Question:
    titre: str
    clause: str
    citation: str
    question: str
    constats: tuple[str, ...]


@dataclass(frozen=True)
class BilanPluriannuelView:
    titre: str
    convention: str
    periode: Periode
    date_limite: date
    citation: str
    clause: str
    citation_objectifs: str
    clause_objectifs: str
    regle: str
    objectifs: tuple[ObjectifPluriannuel, ...]
    commissions: BilanCommissions
    commissions_par_annee: tuple[BilanAnnee, ...]
    bilans: tuple[EcheanceDocumentRow, ...]
    questions: tuple[Question, ...]
    public: bool
    provenance: Provenance
    date_statut: date | None = None
    """Statuses and measures on this day (the as-of day, or the mid-term day before it)."""
    territoires: tuple[TerritoireBilan, ...] = ()
    lectures: tuple[str, ...] = ()
    """Why the document exists and is dated as it is, when that is a reading (mi-étape)."""
    mi_etape: bool = False


def multi_year_as_of(registry: Registry) -> date:
    """The default as-of day: the multi-year bilan's deadline (section V)."""
    conv = registry.convention
    assert conv is not None
    return conv.regles.bilan_pluriannuel.date_limite


def build_bilan_pluriannuel(
    registry: Registry, *, as_of: date, public: bool, provenance: Provenance
) -> BilanPluriannuelView:
    """The multi-year bilan: statuses and states on ``as_of``, over the whole period."""
    conv = registry.convention
    assert conv is not None
    return _build(registry, as_of=as_of, public=public, provenance=provenance,
                  titre="Bilan pluriannuel", own="bilan-pluriannuel",
                  period=convention_period(snapshot(registry, as_of)),
                  date_limite=conv.regles.bilan_pluriannuel.date_limite,
                  citation=conv.regles.bilan_pluriannuel.citation,
                  clause=conv.regles.bilan_pluriannuel.clause, lectures=())


def mid_term(registry: Registry) -> tuple[date, tuple[str, ...]]:
    """The day of the bilan « à mi-étape » (V) and why: the text names this shared bilan
    without dating it; the registry's ``regles.bilan_mi_etape`` holds the day it retains
    and its reading, else the middle of the period is taken, said as a reading too."""
    conv = registry.convention
    end = registry.date_fin
    assert conv is not None
    assert end is not None
    rule = conv.regles.bilan_mi_etape
    if rule is not None:
        return rule.date, lecture_lines(rule, "date") or (
            lecture_fr("le texte ne date pas le bilan « à mi-étape »"),)
    middle = conv.date_signature + (end - conv.date_signature) / 2
    return middle, (lecture_fr(
        "le texte ne date pas le bilan « à mi-étape » et le registre n’en retient aucune "
        f"date : l’outil prend le milieu de la période, le "
        f"{format_date(middle)}"),)


def mid_term_as_of(registry: Registry) -> date:
    """The default as-of day of the bilan « à mi-étape »: its day."""
    return mid_term(registry)[0]


def build_bilan_mi_etape(
    registry: Registry, *, as_of: date, public: bool, provenance: Provenance
) -> BilanPluriannuelView:
    """The shared bilan « à mi-étape » (V): the multi-year bilan's reading of the first half
    of the period, up to the mid-term day (statuses and measures cut there, states on
    ``as_of``)."""
    conv = registry.convention
    assert conv is not None
    day, readings = mid_term(registry)
    rule = conv.regles.bilan_mi_etape
    return _build(
        registry, as_of=as_of, public=public, provenance=provenance,
        titre="Bilan à mi-étape", own="bilan-mi-etape",
        period=Periode(conv.date_signature, day), date_limite=day,
        citation=rule.citation if rule else conv.regles.bilan_pluriannuel.citation,
        clause=rule.clause if rule else conv.regles.bilan_pluriannuel.clause,
        lectures=(lecture_fr(
            "le texte nomme ce bilan partagé (« Ce bilan partagé se réalisera à mi-étape et "
            "à l’issue de cette convention », section V) sans en dire le contenu : il reprend "
            "celui du bilan pluriannuel, limité à la première moitié de la période"),
            *readings))


PERIOD_BILANS: dict[str, tuple[Callable[..., BilanPluriannuelView],
                               Callable[[Registry], date]]] = {
    "bilan-pluriannuel": (build_bilan_pluriannuel, multi_year_as_of),
    "bilan-mi-etape": (build_bilan_mi_etape, mid_term_as_of),
}
"""The bilans over a period: builder (keyword arguments as_of, public, provenance) and
default as-of day."""


def _build(
    registry: Registry, *, as_of: date, public: bool, provenance: Provenance, titre: str,
    own: str, period: Periode, date_limite: date, citation: str, clause: str,
    lectures: tuple[str, ...],
) -> BilanPluriannuelView:
    registry = public_counts(snapshot(registry, as_of), public)
    conv = registry.convention
    assert conv is not None
    mi_etape = own == "bilan-mi-etape"
    cutoff = min(as_of, period.fin)
    at_cutoff = snapshot(registry, cutoff)
    names = party_names(registry)
    engagements = visible_engagements(at_cutoff, public)
    shown = [e for e in visible_echeances(compute_echeances(registry, as_of), public)
             if e.id != own]  # the bilan does not list itself among the bilans due
    statuses = {e.id: e.statut for e in engagements}
    numbers = {o.id: o.numero for o in conv.objectifs}
    bibliography = bibliography_names(registry)
    sections = {e.id: EngagementSection(
        engagement_row(e, statuses[e.id], names, objectifs=numbers),
        tuple(journal_rows([e], public, None, cutoff, bibliography=bibliography)),
        preuve_rows(e.preuves, public)) for e in engagements}
    # The bilan does not count its own handing-in: its indicator is not a measure here.
    itself = next((e.engagement for e in compute_echeances(registry, as_of) if e.id == own),
                  None)
    indicators = tuple(own_bilan_row(i) if i.engagement == itself else i
                       for i in indicator_rows(at_cutoff, engagements, cutoff, public))
    attached = objective_engagements(conv.objectifs, engagements)
    # engagement id -> number of the objective it is shown (and counted) under
    first_shown = {e.id: numbers[o] for o, rows in attached.items() for e in rows}
    objectives = []
    for objective in sorted(conv.objectifs, key=lambda o: o.numero):
        own_rows = attached[objective.id]
        own_ids = {e.id for e in own_rows}
        serving = [e for e in engagements if objective.id in e.objectifs]
        earlier: dict[int, int] = {}
        for engagement in serving:
            number = first_shown[engagement.id]
            if number != objective.numero:
                earlier[number] = earlier.get(number, 0) + 1
        with_facts, without = split_by_facts(sections[e.id] for e in own_rows)
        # Rated on the indicators shown under the objective, and on those only.
        own_indicators = tuple(i for i in indicators if i.engagement in own_ids)
        objectives.append(ObjectifPluriannuel(
            numero=objective.numero, libelle=objective.libelle, citation=objective.citation,
            clause=objective.clause,
            appreciation=objective_rating(own_indicators)[0],
            decompte=count_by_status(statuses[e.id] for e in serving),
            indicateurs=own_indicators,
            engagements=with_facts,
            sans_fait=without,
            deja_presentes=tuple(sorted(earlier.items()))))
    record = commission_record([e for e in shown if e.date <= period.fin], as_of)
    return BilanPluriannuelView(
        titre=titre,
        convention=f"{conv.titre} — {conv.sous_titre}",
        periode=period,
        date_limite=date_limite,
        citation=citation,
        clause=clause,
        citation_objectifs=conv.regles.objectifs_mesurables.citation,
        clause_objectifs=conv.regles.objectifs_mesurables.clause,
        regle=rule_text(cutoff),
        objectifs=tuple(objectives),
        commissions=record,
        commissions_par_annee=tuple(
            BilanAnnee(year,
                       sum(1 for t in record.trimestres
                           if t.date_limite.year == year and t.resultat != "sans objet"),
                       sum(1 for t in record.trimestres
                           if t.date_limite.year == year and t.resultat == "tenue"))
            for year in range(period.debut.year, period.fin.year + 1)),
        bilans=tuple(echeance_line(e, names) for e in shown
                     if e.objet in (Objet.BILAN, Objet.COMMUNICATION)
                     and e.id != "bilan-pluriannuel"
                     and (not mi_etape or e.date <= period.fin)),
        questions=() if mi_etape else _questions(
            registry, engagements, objectives, prorogation_recorded=any(
                e.id == "decision-prorogation" and e.etat is Etat.HONOREE for e in shown)),
        date_statut=cutoff,
        territoires=territory_sections(at_cutoff, public, None, cutoff),
        lectures=lectures,
        mi_etape=mi_etape,
        public=public,
        provenance=provenance,
    )


def _questions(
    registry: Registry, engagements: list[Engagement],
    objectives: list[ObjectifPluriannuel], *, prorogation_recorded: bool,
) -> tuple[Question, ...]:
    """What section V puts to the parties at the end of the period."""
    conv = registry.convention
    end = registry.date_fin
    assert conv is not None
    assert end is not None
    rules = conv.regles
    avenants = sorted(conv.avenants, key=lambda a: a.date_signature)
    recorded = tuple(f"Avenant signé le {format_date(a.date_signature)} : {a.objet}"
                     for a in avenants) or ("Aucun avenant n’est enregistré dans le registre.",)
    prorogation = ("La décision de prorogation est enregistrée (avenant)."
                   if prorogation_recorded else
                   f"Aucune décision de prorogation n’est enregistrée ; sans elle, la "
                   f"convention prend fin le {format_date(end)}.")
    weak = [f"objectif {o.numero} ({o.appreciation})" for o in objectives
            if o.appreciation in (NON_ATTEINT, NON_EVALUABLE)]
    operator_ids = {op for e in engagements for op in e.operateurs}
    operators = [organisation_label(op) for op in registry.operateurs if op.id in operator_ids]
    return (
        Question(
            "Prorogation", rules.prorogation.clause, rules.prorogation.citation,
            "Les parties souhaitent-elles proroger la convention d’un commun accord, à "
            "l’issue du bilan partagé des actions réalisées que constitue le présent bilan ?",
            (prorogation,)),
        Question(
            "Avenant", rules.avenant.clause, rules.avenant.citation,
            "Quelles modifications les besoins recensés appellent-ils (objectifs, engagements, "
            "modalités de concertation) ? Chacune fera l’objet d’un avenant.",
            (*recorded, *(["Objectifs à réexaminer : " + ", ".join(weak) + "."]
                          if weak else []))),
        Question(
            "Alignement des partenariats qui en découlent", rules.alignement_partenariats.clause,
            rules.alignement_partenariats.citation,
            "Les partenariats qui découlent de la convention sont-ils alignés sur sa durée "
            "(et, en cas de prorogation, sur la nouvelle durée) ?",
            (("Opérateurs cités par les engagements : " + ", ".join(operators) + ".",)
             if operators else ("Aucun opérateur n’est cité par les engagements.",))),
        Question(
            "Absence de financement direct", rules.financement.clause,
            rules.financement.citation,
            "Les parties confirment-elles que la suite donnée à la convention (prorogation ou "
            "avenant) ne donne pas non plus lieu à un financement direct de la DGOM ?",
            ()),
    )
