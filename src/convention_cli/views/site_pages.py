"""The pages of the static site, one builder per kind: engagement, working group,
territory, meeting; and the rows they share (échéances, journal, evidence).

What a public page may show is decided by ``views/public.py`` (section VI: nothing
confidential, no personal name, only facts of confidence « haute », no local path);
these builders only ask it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from convention_cli.domain.echeances import Echeance, Etat, Objet
from convention_cli.domain.indicators import indicator_measures, is_measure, measure_source
from convention_cli.domain.queries import next_echeance, organisation_labels, organisation_names
from convention_cli.load.registry import JournalOwner, Registry
from convention_cli.models import (
    Convention,
    DemandeEvaluation,
    Engagement,
    Fait,
    GroupeTravail,
    Indicateur,
    Preuve,
    Projet,
    Reunion,
    Territoire,
)
from convention_cli.views.lectures import lecture_lines
from convention_cli.views.public import (
    bibliography_names,
    cited_sources,
    fact_value,
    is_web_address,
    journal_author,
    mission_designation,
    participants,
    person_contact,
    person_name,
    visible_actions,
    visible_decisions,
    visible_evaluations,
    visible_journal,
    visible_mesures,
    visible_preuves,
    visible_projets,
)
from convention_cli.views.site_model import (
    DocumentSite,
    Lien,
    LigneAction,
    LigneEcheance,
    LigneEngagement,
    LigneIndicateur,
    LigneJournal,
    LigneMesure,
    LigneMissionLocale,
    LignePreuve,
    LigneReferent,
    LigneStatut,
    LigneSuivi,
    PageEngagement,
    PageGroupe,
    PageReunion,
    PageTerritoire,
    engagement_href,
    groupe_href,
    reunion_href,
    territoire_href,
)
from convention_cli.vocab import (
    CONFIANCE_LABELS,
    EVALUATION_STATUT_LABELS,
    GT_STATUT_LABELS,
    INSTANCE_LABELS,
    PROJET_STATUT_LABELS,
    RECURRENCE_LABELS,
    STATUT_LABELS,
    format_date,
    format_number,
    owner_statut_label,
)


@dataclass
class Context:
    """What every page builder needs, computed once for the whole site."""

    registry: Registry
    as_of: date
    public: bool
    names: dict[str, str]
    engagements: list[Engagement]
    visible_ids: set[str]
    echeances: list[Echeance]
    by_engagement: dict[str, list[Echeance]]
    follows: dict[str, list[str]] = field(default_factory=dict)
    """Engagement id → the visible engagements that may lead to it."""
    objectifs: dict[str, str] = field(default_factory=dict)
    parties: dict[str, str] = field(default_factory=dict)
    organisations: dict[str, str] = field(default_factory=dict)
    """Every party and operator by id → its name (``domain.queries.organisation_labels``)."""
    territoires: dict[str, str] = field(default_factory=dict)
    groupes: dict[str, list[Lien]] = field(default_factory=dict)
    """Engagement id → links to its working groups, by number."""
    libelles: dict[str, str] = field(default_factory=dict)
    """Visible engagement id → its title."""
    projets: list[Projet] = field(default_factory=list)
    evaluations: list[DemandeEvaluation] = field(default_factory=list)
    missions: dict[str, str] = field(default_factory=dict)
    bibliographie: dict[str, tuple[str, str]] = field(default_factory=dict)  # (title, publisher)
    echeance_libelles: dict[str, str] = field(default_factory=dict)  # visible échéance id → label

    def index(self) -> None:
        """The lookups every engagement page needs, computed once (linear in the site)."""
        registry = self.registry
        self.organisations = organisation_labels(registry)
        self.territoires = {t.id: t.nom for t in registry.territoires}
        self.libelles = {e.id: e.libelle for e in self.engagements}
        self.bibliographie = bibliography_names(registry)
        self.echeance_libelles = {e.id: e.libelle for e in self.echeances}
        self.projets = visible_projets(registry, self.public)
        self.evaluations = visible_evaluations(registry, self.public)
        self.missions = {m.id: mission_designation(m, self.public) for t in registry.territoires
                         for m in t.missions_locales}
        for groupe in sorted(registry.groupes_travail, key=lambda g: g.numero):
            lien = Lien(f"n° {groupe.numero} — {groupe.libelle}", groupe_href(groupe.id))
            for ident in dict.fromkeys(groupe.engagements):
                self.groupes.setdefault(ident, []).append(lien)
        for eng in self.engagements:
            for target in eng.peut_deboucher_sur:
                self.follows.setdefault(target, []).append(eng.id)


def convention_term(registry: Registry) -> tuple[Convention, date]:
    """The convention and its last day in force (a valid registry has both)."""
    conv = registry.convention
    end = registry.date_fin
    assert conv is not None
    assert end is not None
    return conv, end


# --- the confidentiality cut: views/public.py decides, the site only asks -------------


def _fait(fait: Fait | None, public: bool) -> tuple[str, str | None]:
    """A fact's value and confidence, as ``public.fact_value`` lets it through (public:
    confidence « haute » only; never an unverified value)."""
    value = fact_value(fait, public)
    if fait is None or value is None:
        return ("à confirmer" if fait is not None and fait.valeur is not None
                and fait.confiance != "non_verifie" else "non vérifié"), None
    return value, CONFIANCE_LABELS[fait.confiance]


def _preuves(preuves: Iterable[Preuve], public: bool) -> tuple[LignePreuve, ...]:
    """Evidence: a web address becomes a link; a file of the registry (internal version
    only) is named without its path, which means nothing on a site. A label that already
    says its date (« Preuve du 10 juillet 2024 : … ») is not followed by it again."""
    return tuple(LignePreuve(p.libelle, p.url if is_web_address(p.url) else None,
                             None if p.date and format_date(p.date) in p.libelle else p.date)
                 for p in visible_preuves(preuves, public))


def journal_lines(
    ctx: Context, owner: JournalOwner, sujet: Lien | None = None
) -> list[LigneJournal]:
    """An owner's visible entries, oldest first; in public the author (often a person) gives
    way to the source. A cited source and an honoured échéance are named, never an id."""
    public = ctx.public
    return [
        LigneJournal(
            date=e.date, texte=e.texte,
            source=cited_sources(journal_author(e, public), ctx.bibliographie),
            statut=owner_statut_label(owner, e.statut) if e.statut else None,
            echeance=ctx.echeance_libelles.get(e.echeance) if e.echeance else None,
            preuves=_preuves(e.preuves, public), sujet=sujet)
        for e in sorted(visible_journal(owner, public), key=lambda e: e.date)
    ]


def _porteurs(ctx: Context, echeance: Echeance) -> str:
    """``UNML (avec DGOM)``: who must act, then who takes part."""
    carriers = ", ".join(ctx.names.get(p, p) for p in echeance.porteurs)
    others = [ctx.names.get(p, p) for p in echeance.participants
              if p not in echeance.porteurs]
    return f"{carriers} (avec {', '.join(others)})" if others else carriers


def echeance_row(ctx: Context, echeance: Echeance) -> LigneEcheance:
    lien = None
    if echeance.engagement is not None and echeance.engagement in ctx.visible_ids:
        lien = Lien(echeance.engagement, engagement_href(echeance.engagement))
    elif echeance.reunion is not None and echeance.objet is Objet.ACTION:
        lien = Lien(echeance.reunion, reunion_href(echeance.reunion))
    return LigneEcheance(
        id=echeance.id, date=echeance.date, libelle=echeance.libelle,
        parties=_porteurs(ctx, echeance),
        source=echeance.source, etat=echeance.etat.value, etat_code=echeance.etat.key,
        honoree_le=echeance.honneur.date if echeance.honneur else None, lien=lien,
    )


def engagement_rows(ctx: Context, engagements: list[Engagement]) -> tuple[LigneEngagement, ...]:
    rows = []
    for eng in engagements:
        own = ctx.by_engagement.get(eng.id, [])
        upcoming = next_echeance(own)
        rows.append(LigneEngagement(
            lien=Lien(eng.libelle, engagement_href(eng.id)),
            parties=", ".join(ctx.names.get(p, p) for p in eng.parties),
            statut=STATUT_LABELS[eng.statut], statut_code=eng.statut,
            prochaine=echeance_row(ctx, upcoming) if upcoming else None,
            en_retard=any(e.etat is Etat.EN_RETARD for e in own)))
    return tuple(rows)


def _quantity(value: int | float, unite: str | None) -> str:
    return f"{format_number(value)} {unite}" if unite else format_number(value)


def _indicateur(ctx: Context, eng: Engagement, ind: Indicateur) -> LigneIndicateur:
    """An indicator with its measures known on the as-of date, typed or computed by the
    registry (``domain.indicators``, the same as the bilans), their sources in words; a
    computed count of zero is not a measure."""
    mesures = [m for m in visible_mesures(
        indicator_measures(ctx.registry, eng, ind, ctx.as_of), ctx.public) if is_measure(m)]
    last = mesures[-1] if mesures else None
    reached = None
    if last is not None and ind.cible:
        reached = f"{format_number(round(100 * last.valeur / ind.cible))}\u202f% de la cible"
    return LigneIndicateur(
        id=ind.id, libelle=ind.libelle, type=ind.type,
        cible=_quantity(ind.cible, ind.unite) if ind.cible is not None else "aucune",
        periode=ind.periode,
        mesuree=(f"{_quantity(last.valeur, ind.unite)} au {format_date(last.date)}"
                 if last else "aucune mesure"),
        atteinte=reached,
        mesures=tuple(LigneMesure(m.date, _quantity(m.valeur, ind.unite),
                                  measure_source(eng, m)) for m in mesures),
        lectures=lecture_lines(ind),
    )




def engagement_page(ctx: Context, eng: Engagement) -> PageEngagement:
    objectives = ctx.objectifs
    territories = ctx.territoires
    journal = journal_lines(ctx, eng)
    history = [LigneStatut(j.date, j.statut, j.source) for j in journal if j.statut]
    echeance = None
    if eng.echeance is not None:
        echeance = format_date(eng.echeance) + (f" ({eng.echeance_libelle})"
                                                if eng.echeance_libelle else "")
    return PageEngagement(
        id=eng.id, libelle=eng.libelle, clause=eng.clause, citation=eng.citation,
        parties=tuple(ctx.parties.get(i, i) for i in eng.parties),
        objectifs=tuple(objectives.get(o, o) for o in eng.objectifs),
        operateurs=organisation_names(ctx.organisations, eng.operateurs),
        territoires=tuple(Lien(territories[t], territoire_href(t))
                          for t in eng.territoires if t in territories),
        participants=tuple(ctx.parties.get(i, i) for i in eng.participants),
        exclus=organisation_names(ctx.organisations, eng.exclus),
        debut=format_date(eng.debut) if eng.debut else None,
        statut=STATUT_LABELS[eng.statut], statut_code=eng.statut,
        echeance=echeance,
        recurrence=RECURRENCE_LABELS[eng.recurrence] if eng.recurrence else None,
        historique=tuple(history),
        echeances=tuple(echeance_row(ctx, e) for e in ctx.by_engagement.get(eng.id, [])),
        indicateurs=tuple(_indicateur(ctx, eng, i) for i in eng.indicateurs),
        qualitatif=eng.qualitatif,
        journal=tuple(reversed(journal)),
        preuves=_preuves(eng.preuves, ctx.public)
        + tuple(p for j in journal for p in j.preuves),
        groupes=tuple(ctx.groupes.get(eng.id, ())),
        liens=tuple(Lien(f"peut déboucher sur : {ctx.libelles[e]}", engagement_href(e))
                    for e in eng.peut_deboucher_sur if e in ctx.visible_ids)
        + tuple(Lien(f"peut découler de : {ctx.libelles[e]}", engagement_href(e))
                for e in ctx.follows.get(eng.id, ())),
        sources=tuple(filter(None, (cited_sources(s, ctx.bibliographie) for s in eng.sources))),
        note=None if ctx.public else eng.note,
        lectures=lecture_lines(eng),
    )


def groupe_page(ctx: Context, groupe: GroupeTravail, reunions: list[Reunion]) -> PageGroupe:
    conv = ctx.registry.convention
    assert conv is not None
    themes = {t.numero: t.libelle for t in conv.themes_annexe}
    objectives = ctx.objectifs
    labels = ctx.libelles
    return PageGroupe(
        id=groupe.id, numero=groupe.numero, libelle=groupe.libelle,
        theme=themes.get(groupe.theme, str(groupe.theme)), clause=groupe.clause,
        statut=GT_STATUT_LABELS[groupe.statut],
        engagements=tuple(Lien(labels[e], engagement_href(e)) for e in groupe.engagements
                          if e in labels),
        objectifs=tuple(objectives.get(o, o) for o in groupe.objectifs),
        journal=tuple(reversed(journal_lines(ctx, groupe))),
        reunions=tuple(Lien(f"{format_date(r.date)}", reunion_href(r.id)) for r in reunions
                       if r.instance == "groupe_travail" and r.groupe_travail == groupe.id),
    )


def territoire_page(ctx: Context, territoire: Territoire) -> PageTerritoire:
    armls = {p.id: p.sigle for p in ctx.registry.parties}
    missions = []
    for ml in territoire.missions_locales:
        nom, nom_conf = _fait(ml.nom, ctx.public)
        ville, ville_conf = _fait(ml.ville_siege, ctx.public)
        missions.append(LigneMissionLocale(
            ml.id, mission_designation(ml, ctx.public), nom, nom_conf, ville, ville_conf,
            armls.get(ml.arml, ml.arml)))
    rsma, rsma_conf = _fait(territoire.rsma, ctx.public)
    missions_ids = {m.id for m in territoire.missions_locales}
    own = [e for e in ctx.engagements if territoire.id in e.territoires]
    return PageTerritoire(
        id=territoire.id, nom=territoire.nom, statut=territoire.statut,
        code_insee=territoire.code_insee, nombre_declare=territoire.nombre_missions_locales,
        missions_locales=tuple(missions), rsma=rsma, rsma_confiance=rsma_conf,
        engagements=tuple(Lien(e.libelle, engagement_href(e.id)) for e in own),
        engagements_communs=sum(1 for e in ctx.engagements if not e.territoires),
        projets=tuple(_projet(ctx, p) for p in ctx.projets
                      if p.territoire == territoire.id),
        evaluations=tuple(_evaluation(ctx, d) for d in ctx.evaluations
                          if d.mission_locale in missions_ids),
    )


def reunion_page(ctx: Context, reunion: Reunion, releve: DocumentSite | None) -> PageReunion:
    groupe = None
    if reunion.instance == "groupe_travail" and reunion.groupe_travail is not None:
        numbers = {g.id: g.numero for g in ctx.registry.groupes_travail}
        if reunion.groupe_travail in numbers:
            groupe = Lien(f"Groupe de travail n° {numbers[reunion.groupe_travail]}",
                          groupe_href(reunion.groupe_travail))
    return PageReunion(
        id=reunion.id, instance=INSTANCE_LABELS[reunion.instance], groupe=groupe,
        date=reunion.date, lieu=reunion.lieu,
        participants=participants(reunion, ctx.public),
        source=None if ctx.public else reunion.source,
        decisions=tuple(d.texte for d in visible_decisions(reunion, ctx.public)),
        actions=tuple(
            LigneAction(a.id, a.texte, ctx.names.get(a.responsable, a.responsable),
                        a.echeance, a.cloture, _preuves(a.preuves, ctx.public))
            for a in visible_actions(reunion, ctx.public)),
        releve=releve.versions if releve else (),
    )


def referent_rows(ctx: Context) -> tuple[LigneReferent, ...]:
    """Each party's referent in office on the as-of day (section III): the office, the
    verified generic address and the person's function; the person's name and contact
    only where ``views/public.py`` lets them through (never in public)."""
    from convention_cli.domain.referents import referent_in_office

    rows = []
    for partie in ctx.registry.parties:
        referent = partie.referent
        if referent is None:
            continue
        person = referent_in_office(referent, ctx.as_of)
        rows.append(LigneReferent(
            partie=f"{partie.sigle} — {partie.nom}", libelle=referent.libelle,
            clause=referent.clause,
            adresse=fact_value(referent.adresse_generique, ctx.public),
            fonction=person.fonction if person else None,
            depuis=person.depuis if person else None,
            nom=person_name(person.nom, ctx.public) if person else None,
            contact=person_contact(person.contact, ctx.public) if person else None))
    return tuple(rows)


def _projet(ctx: Context, projet: Projet) -> LigneSuivi:
    details = []
    if projet.mission_locale:
        mission = projet.mission_locale
        details.append(f"mission locale : {ctx.missions.get(mission, mission)}")
    if projet.fonds:
        details.append(f"fonds visé : {projet.fonds}")
    if projet.groupe_travail:
        numero = {g.id: g.numero for g in ctx.registry.groupes_travail}.get(projet.groupe_travail)
        details.append(f"groupe de travail n° {numero}" if numero
                       else f"groupe de travail : {projet.groupe_travail}")
    details += [f"{format_date(j.date)} — {j.texte}" for j in journal_lines(ctx, projet)]
    return LigneSuivi(projet.id, projet.titre, PROJET_STATUT_LABELS[projet.statut],
                      projet.date, tuple(details))


def _evaluation(ctx: Context, demande: DemandeEvaluation) -> LigneSuivi:
    mission = demande.mission_locale
    details = [f"mission locale : {ctx.missions.get(mission, mission)}"]
    details += [f"{format_date(j.date)} — {j.texte}" for j in journal_lines(ctx, demande)]
    return LigneSuivi(demande.id, demande.objet, EVALUATION_STATUT_LABELS[demande.statut],
                      demande.date, tuple(details))
