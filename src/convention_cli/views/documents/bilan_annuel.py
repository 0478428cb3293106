"""Annual bilan of one year of the convention (section V: due 30 June of year n+1)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from convention_cli.domain.echeances import Echeance, Etat, Objet, compute_echeances
from convention_cli.domain.indicators import indicator_measures, is_measure, measure_source
from convention_cli.domain.queries import echeances_by_engagement, party_names
from convention_cli.domain.snapshot import snapshot
from convention_cli.load.registry import Registry
from convention_cli.models import Engagement, Objectif, Reunion
from convention_cli.views.documents.bilan import (
    BilanCommissions,
    IndicateurBilanRow,
    LignePreuveDatee,
    Periode,
    commission_record,
    dated_preuves,
    echeance_line,
    indicator_rows,
    mermaid_name,
    objective_engagements,
    objective_rating,
    rule_text,
    year_period,
)
from convention_cli.views.documents.bilan_territoires import TerritoireBilan, territory_sections
from convention_cli.views.documents.common import (
    ActionDocumentRow,
    EcheanceDocumentRow,
    EngagementDocumentRow,
    EngagementSection,
    GroupeDocumentRow,
    JournalRow,
    action_row,
    engagement_row,
    groupe_row,
    journal_rows,
    preuve_rows,
    split_by_facts,
)
from convention_cli.views.provenance import Provenance
from convention_cli.views.public import (
    bibliography_names,
    public_counts,
    visible_actions,
    visible_decisions,
    visible_echeances,
    visible_engagements,
    visible_mesures,
    visible_reunions,
)
from convention_cli.vocab import format_date, plural, quantity

# The engagements' own échéances are in the engagements' tables (each engagement is shown
# once): the calendar shows the other deadlines of the year.
GANTT_SECTIONS: tuple[tuple[str, tuple[Objet, ...]], ...] = (
    ("Bilans et communication", (Objet.BILAN, Objet.COMMUNICATION)),
    ("Commission ultramarine", (Objet.COMMISSION,)),
    ("Actions des réunions", (Objet.ACTION,)),
    ("Convention", (Objet.CONVENTION,)),
)


@dataclass(frozen=True)
class ObjectifAnnuel:
    numero: int
    libelle: str
    appreciation: str
    indicateurs: str
    """« 1 indicateur retenu sur 6 »: what the rule had to go on."""


@dataclass(frozen=True)
class ReunionBilan:
    id: str
    date: date
    lieu: str | None
    decisions: tuple[str, ...]
    actions: tuple[ActionDocumentRow, ...]


@dataclass(frozen=True)
class ActiviteGroupe:
    groupe: GroupeDocumentRow
    entrees: tuple[JournalRow, ...]
    reunions: tuple[ReunionBilan, ...]


@dataclass(frozen=True)
class TacheGantt:
    nom: str
    """Already escaped for Mermaid (not Markdown: the block is code)."""
    debut: str
    etiquettes: str
    """Mermaid tags followed by a comma: ``crit, ``, ``done, `` or empty."""


@dataclass(frozen=True)
class SectionGantt:
    titre: str
    taches: tuple[TacheGantt, ...]


@dataclass(frozen=True)
class BilanAnnuelView:
    annee: int
    convention: str
    periode: Periode
    date_statut: date
    remise: EcheanceDocumentRow | None
    citation_remise: str
    clause_remise: str
    regle: str
    objectifs: tuple[ObjectifAnnuel, ...]
    indicateurs: tuple[IndicateurBilanRow, ...]
    engagements: tuple[EngagementSection, ...]
    """Engagements with a journal entry, a preuve or a measure dated in the year."""
    sans_fait: tuple[EngagementDocumentRow, ...]
    """The others, in one short table."""
    preuves: tuple[LignePreuveDatee, ...]
    """Preuves of working groups and meeting actions dated in the year."""
    commissions: BilanCommissions
    reunions: tuple[ReunionBilan, ...]
    groupes: tuple[ActiviteGroupe, ...]
    groupes_sans_activite: tuple[GroupeDocumentRow, ...]
    territoires: tuple[TerritoireBilan, ...]
    retards: tuple[EcheanceDocumentRow, ...]
    """Late bilans and communications (engagements, quarters and actions are shown in
    their own sections); never this bilan itself."""
    gantt: tuple[SectionGantt, ...]
    public: bool
    provenance: Provenance


def annual_as_of(registry: Registry, year: int) -> date:
    """The default as-of day of an annual bilan: the end of the year in force."""
    return year_period(registry, year).fin


def build_bilan_annuel(
    registry: Registry, year: int, *, as_of: date, public: bool, provenance: Provenance
) -> BilanAnnuelView:
    """The annual bilan of ``year``: states on ``as_of``, year-end statuses on the last
    day of the year in force (or on ``as_of`` when it comes first)."""
    registry = public_counts(snapshot(registry, as_of), public)
    conv = registry.convention
    assert conv is not None
    bibliography = bibliography_names(registry)
    period = year_period(registry, year, as_of)
    cutoff = min(period.fin, as_of)
    at_cutoff = snapshot(registry, cutoff)
    statuses = {e.id: e.statut for e in at_cutoff.engagements}
    names = party_names(registry)
    engagements = visible_engagements(registry, public)
    reunions = sorted(visible_reunions(registry, public), key=lambda r: r.date)
    own = f"bilan-annuel-{year}"
    every = visible_echeances(compute_echeances(registry, as_of), public)
    shown = [e for e in every if e.id != own]  # the bilan does not list itself as a deadline
    remise = next((e for e in every if e.id == own), None)
    in_year = [e for e in shown if period.debut.year == e.date.year]
    meetings = [r for r in reunions if period.debut <= r.date <= cutoff]
    numbers = {o.id: o.numero for o in conv.objectifs}
    indicators = indicator_rows(registry, engagements, cutoff, public, period.debut)
    by_engagement = echeances_by_engagement(shown)  # indexed once: linear in the registry
    sections = []
    for engagement in engagements:
        row = engagement_row(engagement, statuses[engagement.id], names, objectifs=numbers,
                             echeance=_own_echeance(by_engagement.get(engagement.id, []),
                                                    period))
        journal = tuple(journal_rows([engagement], public, period.debut, cutoff,
                                           bibliography=bibliography))
        preuves = tuple(p for p in preuve_rows(engagement.preuves, public)
                        if p.date is not None and period.debut <= p.date <= cutoff)
        measured = _measures_of_the_year(registry, engagement, period.debut, cutoff, public)
        sections.append(EngagementSection(row, journal, preuves, measured))
    active, quiet = split_by_facts(sections)
    groups = []
    idle = []
    for group in sorted(registry.groupes_travail, key=lambda g: g.numero):
        entries = tuple(journal_rows([group], public, period.debut, cutoff,
                                           bibliography=bibliography))
        held = tuple(_meeting(r, names, as_of, public) for r in meetings
                     if r.instance == "groupe_travail" and r.groupe_travail == group.id)
        if entries or held:
            groups.append(ActiviteGroupe(groupe_row(group), entries, held))
        else:
            idle.append(groupe_row(group))
    return BilanAnnuelView(
        annee=year,
        convention=f"{conv.titre} — {conv.sous_titre}",
        periode=period,
        date_statut=cutoff,
        remise=echeance_line(remise, names) if remise is not None else None,
        citation_remise=conv.regles.bilan_annuel.citation,
        clause_remise=conv.regles.bilan_annuel.clause,
        regle=rule_text(cutoff, year),
        objectifs=_objectives(conv.objectifs, engagements, indicators),
        indicateurs=indicators,
        engagements=active,
        sans_fait=quiet,
        preuves=tuple(p for p in dated_preuves((), registry.groupes_travail, reunions,
                                                public, period.debut, cutoff)),
        commissions=commission_record(in_year, as_of),
        reunions=tuple(_meeting(r, names, as_of, public) for r in meetings
                       if r.instance == "commission"),
        groupes=tuple(groups),
        groupes_sans_activite=tuple(idle),
        territoires=territory_sections(at_cutoff, public, period.debut, cutoff),
        retards=tuple(echeance_line(e, names) for e in shown
                      if e.etat is Etat.EN_RETARD and e.date <= period.fin
                      and e.objet in (Objet.BILAN, Objet.COMMUNICATION)),
        gantt=_gantt(in_year),
        public=public,
        provenance=provenance,
    )


def _objectives(
    objectives: Iterable[Objectif], engagements: list[Engagement],
    indicators: tuple[IndicateurBilanRow, ...],
) -> tuple[ObjectifAnnuel, ...]:
    rows = []
    listed = list(objectives)
    attached = objective_engagements(listed, engagements)
    for objective in sorted(listed, key=lambda o: o.numero):
        own = {e.id for e in attached[objective.id]}
        rating, retained, targets = objective_rating(
            i for i in indicators if i.engagement in own)
        rows.append(ObjectifAnnuel(
            objective.numero, objective.libelle, rating,
            f"{plural(retained, 'mesure retenue', 'mesures retenues')} pour "
            f"{plural(targets, 'indicateur chiffré', 'indicateurs chiffrés')}"))
    return tuple(rows)


def _measures_of_the_year(
    registry: Registry, engagement: Engagement, start: date, end: date, public: bool
) -> tuple[str, ...]:
    """« Indicator : 2 référents au 31 mars 2025 ; source : … » for each measure dated in
    [start, end]; a computed count of nothing says only that nothing is recorded."""
    lines = []
    for indicator in engagement.indicateurs:
        for m in visible_mesures(indicator_measures(registry, engagement, indicator, end),
                                 public):
            if start <= m.date <= end and is_measure(m):
                lines.append(f"{indicator.libelle} : {quantity(m.valeur, indicator.unite)} au "
                             f"{format_date(m.date)} ; source : "
                             f"{measure_source(engagement, m)}")
    return tuple(lines)


def _own_echeance(own_echeances: list[Echeance], period: Periode) -> Echeance | None:
    """The engagement's own échéance for the year (``own_echeances``: the échéances of the
    engagement): a late one first, else one of the year."""
    own = [e for e in own_echeances if e.objet is Objet.ENGAGEMENT and e.date <= period.fin]
    late = [e for e in own if e.etat is Etat.EN_RETARD]
    if late:
        return late[0]
    return next((e for e in own if e.date >= period.debut), None)


def _meeting(
    reunion: Reunion, names: dict[str, str], as_of: date, public: bool
) -> ReunionBilan:
    return ReunionBilan(
        id=reunion.id, date=reunion.date, lieu=reunion.lieu,
        decisions=tuple(d.texte for d in visible_decisions(reunion, public)),
        actions=tuple(action_row(a, reunion.id, names, as_of)
                      for a in visible_actions(reunion, public)),
    )


def _gantt(echeances: list[Echeance]) -> tuple[SectionGantt, ...]:
    """One Mermaid task per échéance of the year: ``crit`` when late, ``done`` when
    honoured."""
    sections = []
    for title, kinds in GANTT_SECTIONS:
        tasks = tuple(
            TacheGantt(
                mermaid_name(e.libelle), e.date.isoformat(),
                "crit, " if e.etat is Etat.EN_RETARD
                else "done, " if e.etat is Etat.HONOREE else "")
            for e in echeances if e.objet in kinds)
        if tasks:
            sections.append(SectionGantt(title, tasks))
    return tuple(sections)
