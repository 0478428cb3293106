"""Multi-year bilan (section V: due 30 June 2026): were the objectives met?"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from convention_cli.domain.echeances import Etat, Objet, compute_echeances
from convention_cli.domain.queries import party_names
from convention_cli.domain.snapshot import snapshot
from convention_cli.load.registry import Registry
from convention_cli.models import Engagement
from convention_cli.views.documents.bilan import (
    BilanCommissions,
    LigneEngagementBilan,
    LigneJournalBilan,
    LignePreuveDatee,
    Periode,
    commission_record,
    convention_period,
    count_by_status,
    echeance_line,
    engagement_line,
    journal_tuples,
)
from convention_cli.views.documents.common import EcheanceDocumentRow, journal_rows
from convention_cli.views.provenance import Provenance
from convention_cli.views.public import (
    visible_echeances,
    visible_engagements,
    visible_preuves,
)
from convention_cli.vocab import format_date

ATTEINT = "atteint"
PARTIEL = "partiellement atteint"
NON_ATTEINT = "non atteint"
NON_EVALUABLE = "non évaluable (aucune donnée)"
HALF = 0.5
RULE = (
    "L’atteinte d’un objectif se lit sur les indicateurs chiffrés des engagements qui le "
    "servent, cible contre dernière mesure datée au plus tard le {day} : « atteint » quand "
    "chaque indicateur mesuré atteint sa cible ; « non atteint » quand aucun n’en atteint la "
    "moitié ; « partiellement atteint » entre les deux ; « non évaluable (aucune donnée) » "
    "quand aucun indicateur n’a à la fois une cible et une mesure. Ni les statuts déclarés, "
    "ni l’existence de l’annexe de la convention, ni la communication du jour de la "
    "signature n’entrent dans cette appréciation : ils sont rapportés à part."
)


@dataclass(frozen=True)
class IndicateurPluriannuelRow:
    """An indicator of an engagement: target, last measure up to the as-of day, gap."""

    libelle: str
    engagement: str
    cible: str
    mesure: str
    ecart: str
    taux: float | None
    """Measure ÷ target (None when not measured)."""


@dataclass(frozen=True)
class ObjectifPluriannuel:
    numero: int
    libelle: str
    citation: str
    clause: str
    appreciation: str
    decompte: str
    indicateurs: tuple[IndicateurPluriannuelRow, ...]
    engagements: tuple[LigneEngagementBilan, ...]
    """The engagements first shown under this objective (each engagement appears once)."""
    deja_presentes: tuple[tuple[int, int], ...]
    """(objective number, count) of serving engagements shown under an earlier objective."""
    journal: tuple[LigneJournalBilan, ...]
    preuves: tuple[LignePreuveDatee, ...]
    """Preuves attached to the engagements themselves (journal preuves are in ``journal``)."""


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


def multi_year_as_of(registry: Registry) -> date:
    """The default as-of day: the multi-year bilan's deadline (section V)."""
    conv = registry.convention
    assert conv is not None
    return conv.regles.bilan_pluriannuel.date_limite


def appreciation(rates: list[float]) -> str:
    """The rule stated in ``RULE``, from the measure ÷ target rate of each measured
    indicator of an objective's engagements."""
    if not rates:
        return NON_EVALUABLE
    if all(rate >= 1 for rate in rates):
        return ATTEINT
    if all(rate < HALF for rate in rates):
        return NON_ATTEINT
    return PARTIEL


def indicator_lines(
    engagements: list[Engagement], as_of: date
) -> tuple[IndicateurPluriannuelRow, ...]:
    """Each quantitative indicator with a target: its last measure up to ``as_of`` and the
    gap to the target (« aucune mesure » when none is recorded)."""
    from convention_cli.vocab import format_number

    rows = []
    for engagement in engagements:
        for indicator in engagement.indicateurs:
            if indicator.type != "quantitatif" or indicator.cible is None:
                continue
            unit = f" {indicator.unite}" if indicator.unite else ""
            measures = sorted((m for m in indicator.mesures if m.date <= as_of),
                              key=lambda m: m.date)
            target = f"{format_number(indicator.cible)}{unit}"
            if not measures:
                rows.append(IndicateurPluriannuelRow(indicator.libelle, engagement.id, target,
                                            "aucune mesure", "—", None))
                continue
            last = measures[-1]
            gap = last.valeur - indicator.cible
            sign = "+" if gap > 0 else "−" if gap < 0 else ""
            rate = last.valeur / indicator.cible if indicator.cible else 1.0
            rows.append(IndicateurPluriannuelRow(
                indicator.libelle, engagement.id, target,
                f"{format_number(last.valeur)}{unit} au {format_date(last.date)}",
                f"{sign}{format_number(abs(gap))}{unit}" if gap else "cible atteinte",
                rate))
    return tuple(rows)


def build_bilan_pluriannuel(
    registry: Registry, *, as_of: date, public: bool, provenance: Provenance
) -> BilanPluriannuelView:
    """The multi-year bilan: statuses and states on ``as_of``, over the whole period."""
    registry = snapshot(registry, as_of)
    conv = registry.convention
    assert conv is not None
    period = convention_period(registry)
    names = party_names(registry)
    engagements = visible_engagements(registry, public)
    shown = visible_echeances(compute_echeances(registry, as_of), public)
    statuses = {e.id: e.statut for e in engagements}
    lines = {e.id: engagement_line(e, statuses[e.id], names) for e in engagements}
    entries = {e.id: journal_tuples(journal_rows([e], public))
               for e in engagements}
    objectives = []
    first_shown: dict[str, int] = {}  # engagement id -> objective number it is shown under
    for objective in sorted(conv.objectifs, key=lambda o: o.numero):
        serving = [e for e in engagements if objective.id in e.objectifs]
        earlier: dict[int, int] = {}
        for engagement in serving:
            number = first_shown.setdefault(engagement.id, objective.numero)
            if number != objective.numero:
                earlier[number] = earlier.get(number, 0) + 1
        own = [e for e in serving if first_shown[e.id] == objective.numero]
        journal = [row for e in own for row in entries[e.id]]
        journal.sort(key=lambda r: (r.date, r.engagement))
        indicators = indicator_lines(serving, as_of)
        objectives.append(ObjectifPluriannuel(
            numero=objective.numero, libelle=objective.libelle, citation=objective.citation,
            clause=objective.clause,
            appreciation=appreciation([i.taux for i in indicators if i.taux is not None]),
            decompte=count_by_status(statuses[e.id] for e in serving),
            # Every serving indicator counts; each is shown once, with its engagement.
            indicateurs=tuple(i for i in indicators
                              if first_shown[i.engagement] == objective.numero),
            engagements=tuple(lines[e.id] for e in own),
            deja_presentes=tuple(sorted(earlier.items())),
            journal=tuple(journal),
            preuves=_engagement_preuves(own, public)))
    record = commission_record(shown, as_of)
    return BilanPluriannuelView(
        convention=f"{conv.titre} — {conv.sous_titre}",
        periode=period,
        date_limite=conv.regles.bilan_pluriannuel.date_limite,
        citation=conv.regles.bilan_pluriannuel.citation,
        clause=conv.regles.bilan_pluriannuel.clause,
        citation_objectifs=conv.regles.objectifs_mesurables.citation,
        clause_objectifs=conv.regles.objectifs_mesurables.clause,
        regle=RULE.format(day=format_date(as_of)),
        objectifs=tuple(objectives),
        commissions=record,
        commissions_par_annee=tuple(
            BilanAnnee(year,
                       sum(1 for t in record.trimestres
                           if t.date_limite.year == year and t.resultat != "sans objet"),
                       sum(1 for t in record.trimestres
                           if t.date_limite.year == year and t.resultat == "tenue"))
            for year in range(period.debut.year, period.fin.year + 1)),
        # The bilan does not list itself among the bilans due.
        bilans=tuple(echeance_line(e, names) for e in shown
                     if e.objet in (Objet.BILAN, Objet.COMMUNICATION)
                     and e.id != "bilan-pluriannuel"),
        questions=_questions(registry, engagements, objectives, prorogation_recorded=any(
            e.id == "decision-prorogation" and e.etat is Etat.HONOREE for e in shown)),
        public=public,
        provenance=provenance,
    )


def _engagement_preuves(
    engagements: list[Engagement], public: bool
) -> tuple[LignePreuveDatee, ...]:
    return tuple(
        LignePreuveDatee(p.date, "engagement", e.id, p.libelle, p.url)
        for e in engagements for p in visible_preuves(e.preuves, public))


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
    operators = [op.sigle if op.sigle == op.nom else f"{op.sigle} ({op.nom})"
                 for op in registry.operateurs if op.id in operator_ids]
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
