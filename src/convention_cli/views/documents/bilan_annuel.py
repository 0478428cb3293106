"""Annual bilan of one year of the convention (section V: due 30 June of year n+1)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from convention_cli.domain.echeances import Echeance, Etat, Objet, compute_echeances
from convention_cli.domain.indicators import indicator_measures
from convention_cli.domain.queries import party_names
from convention_cli.domain.snapshot import snapshot
from convention_cli.load.registry import Registry
from convention_cli.models import Engagement, Reunion
from convention_cli.views.consultation.suivi import SuiviRow, suivi_rows
from convention_cli.views.documents.bilan import (
    BilanCommissions,
    LigneEngagementBilan,
    LigneJournalBilan,
    LignePreuveDatee,
    Periode,
    commission_record,
    dated_preuves,
    echeance_line,
    engagement_line,
    group_journal,
    journal_tuples,
    mermaid_name,
    year_period,
)
from convention_cli.views.documents.common import EcheanceDocumentRow, journal_rows
from convention_cli.views.provenance import Provenance
from convention_cli.views.public import (
    visible_actions,
    visible_decisions,
    visible_echeances,
    visible_engagements,
    visible_mesures,
    visible_reunions,
)
from convention_cli.vocab import GT_STATUT_LABELS, PERIODE_LABELS

GANTT_SECTIONS: tuple[tuple[str, tuple[Objet, ...]], ...] = (
    ("Engagements", (Objet.ENGAGEMENT,)),
    ("Bilans et communication", (Objet.BILAN, Objet.COMMUNICATION)),
    ("Commission ultramarine", (Objet.COMMISSION,)),
    ("Actions des réunions", (Objet.ACTION,)),
    ("Convention", (Objet.CONVENTION,)),
)


@dataclass(frozen=True)
class ObjectifBilan:
    numero: int
    libelle: str
    engagements: tuple[LigneEngagementBilan, ...]


@dataclass(frozen=True)
class MesureBilanRow:
    date: date
    valeur: int | float
    source: str


class IndicateurBilanRow(NamedTuple):
    """A long-table row: a named tuple, unpacked by the template (see ``bilan``)."""

    id: str
    libelle: str
    engagement: str
    cible: int | float | None
    unite: str | None
    qualitatif: bool
    periode: str
    mesures: tuple[MesureBilanRow, ...]


@dataclass(frozen=True)
class ActionBilanRow:
    id: str
    texte: str
    responsable: str
    echeance: date
    cloture: date | None
    en_retard: bool


@dataclass(frozen=True)
class ReunionBilan:
    id: str
    date: date
    lieu: str | None
    decisions: tuple[str, ...]
    actions: tuple[ActionBilanRow, ...]


@dataclass(frozen=True)
class ActiviteGroupe:
    id: str
    numero: int
    libelle: str
    statut: str
    entrees: tuple[LigneJournalBilan, ...]
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
    objectifs: tuple[ObjectifBilan, ...]
    journal: tuple[LigneJournalBilan, ...]
    preuves: tuple[LignePreuveDatee, ...]
    indicateurs: tuple[IndicateurBilanRow, ...]
    commissions: BilanCommissions
    reunions: tuple[ReunionBilan, ...]
    groupes: tuple[ActiviteGroupe, ...]
    restants: tuple[LigneEngagementBilan, ...]
    retards: tuple[EcheanceDocumentRow, ...]
    gantt: tuple[SectionGantt, ...]
    public: bool
    provenance: Provenance
    suivis: tuple[SuiviRow, ...] = ()
    """Innovation projects and evaluation requests known at the end of the year."""


def annual_as_of(registry: Registry, year: int) -> date:
    """The default as-of day of an annual bilan: the end of the year in force."""
    return year_period(registry, year).fin


def build_bilan_annuel(
    registry: Registry, year: int, *, as_of: date, public: bool, provenance: Provenance
) -> BilanAnnuelView:
    """The annual bilan of ``year``: states on ``as_of``, year-end statuses on the last
    day of the year in force (or on ``as_of`` when it comes first)."""
    registry = snapshot(registry, as_of)
    conv = registry.convention
    assert conv is not None
    period = year_period(registry, year)
    cutoff = min(period.fin, as_of)
    at_cutoff = {e.id: e for e in snapshot(registry, cutoff).engagements}
    names = party_names(registry)
    engagements = visible_engagements(registry, public)
    reunions = sorted(visible_reunions(registry, public), key=lambda r: r.date)
    shown = visible_echeances(compute_echeances(registry, as_of), public)
    by_id = {e.id: e for e in shown}
    in_year = [e for e in shown if period.debut.year == e.date.year]
    meetings = [r for r in reunions if period.debut <= r.date <= cutoff]
    statuses = {e.id: at_cutoff[e.id].statut for e in engagements}
    lines = {e.id: engagement_line(e, statuses[e.id], names) for e in engagements}
    return BilanAnnuelView(
        annee=year,
        convention=f"{conv.titre} — {conv.sous_titre}",
        periode=period,
        date_statut=cutoff,
        remise=echeance_line(by_id[f"bilan-annuel-{year}"], names)
        if f"bilan-annuel-{year}" in by_id else None,
        citation_remise=conv.regles.bilan_annuel.citation,
        clause_remise=conv.regles.bilan_annuel.clause,
        objectifs=tuple(
            ObjectifBilan(o.numero, o.libelle, tuple(
                lines[e.id] for e in engagements if o.id in e.objectifs))
            for o in sorted(conv.objectifs, key=lambda o: o.numero)),
        journal=journal_tuples(journal_rows(engagements, public, period.debut, cutoff)),
        preuves=dated_preuves(engagements, registry.groupes_travail, reunions, public,
                              period.debut, cutoff),
        indicateurs=_indicators(registry, engagements, period.debut, cutoff, public),
        suivis=suivi_rows(snapshot(registry, cutoff), public),
        commissions=commission_record(in_year, as_of),
        reunions=tuple(_meeting(r, names, as_of, public) for r in meetings
                       if r.instance == "commission"),
        groupes=tuple(
            ActiviteGroupe(
                g.id, g.numero, g.libelle, GT_STATUT_LABELS[g.statut],
                group_journal(g, public, period.debut, cutoff),
                tuple(_meeting(r, names, as_of, public) for r in meetings
                      if r.instance == "groupe_travail" and r.groupe_travail == g.id))
            for g in sorted(registry.groupes_travail, key=lambda g: g.numero)),
        restants=tuple(lines[e.id] for e in engagements
                       if statuses[e.id] not in ("realise", "abandonne")),
        retards=tuple(echeance_line(e, names) for e in shown
                      if e.etat is Etat.EN_RETARD and e.date <= period.fin),
        gantt=_gantt(in_year),
        public=public,
        provenance=provenance,
    )


def _indicators(
    registry: Registry, engagements: list[Engagement], start: date, end: date, public: bool
) -> tuple[IndicateurBilanRow, ...]:
    """Each indicator's target, and the measures dated in the year (never a guess):
    typed ones, and those the registry computes (commissions, bilans, communications)."""
    return tuple(
        IndicateurBilanRow(
            id=ind.id, libelle=ind.libelle, engagement=eng.id, cible=ind.cible,
            unite=ind.unite, qualitatif=ind.type == "qualitatif",
            periode=PERIODE_LABELS[ind.periode],
            mesures=tuple(MesureBilanRow(m.date, m.valeur, m.source)
                          for m in visible_mesures(indicator_measures(registry, eng, ind, end),
                                                   public)
                          if start <= m.date <= end))
        for eng in engagements for ind in eng.indicateurs
    )


def _meeting(
    reunion: Reunion, names: dict[str, str], as_of: date, public: bool
) -> ReunionBilan:
    return ReunionBilan(
        id=reunion.id, date=reunion.date, lieu=reunion.lieu,
        decisions=tuple(d.texte for d in visible_decisions(reunion, public)),
        actions=tuple(
            ActionBilanRow(
                a.id, a.texte, names.get(a.responsable, a.responsable), a.echeance,
                a.cloture, a.cloture is None and a.echeance < as_of)
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
