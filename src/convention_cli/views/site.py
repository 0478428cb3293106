"""The view model of ``convention site``: every page of the static site, as plain data.

Pure: built from the registry, the as-of day and the chosen version (public or
internal); ``formats/site.py`` turns it into bytes through the Jinja templates of
``templates/site/``. Confidential records are removed here, once, upstream of every
page (section VI of the agreement): the templates never decide what may be shown.

Every address is derived from an id (``engagements/<id>.html``) and written relative
to the site's root; the format layer makes each link relative to the page that holds
it, so the site works from any sub-path and from the disk.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from convention_cli.domain.echeances import Echeance, Etat, Objet, compute_echeances
from convention_cli.domain.queries import echeances_by_engagement, next_echeance
from convention_cli.domain.snapshot import snapshot
from convention_cli.load.registry import Registry
from convention_cli.models import (
    GT_STATUT_LABELS,
    STATUT_LABELS,
    Engagement,
    EntreeJournal,
    Fait,
    GroupeTravail,
    Indicateur,
    Preuve,
    Reunion,
    Territoire,
)
from convention_cli.views.consultation.common import CONFIANCE_LABELS, RECURRENCE_LABELS
from convention_cli.views.documents.common import INSTANCE_LABELS
from convention_cli.views.lectures import lectures_of
from convention_cli.views.provenance import Provenance
from convention_cli.vocab import format_date, format_number, lecture_fr, plural

Day = date  # fields named ``date`` shadow the type inside class bodies

LAST_UPDATES = 10
"""Journal entries shown under « Dernières mises à jour » on the home page."""
STATUT_ORDER = tuple(STATUT_LABELS)
PROGRESS_RULE = (
    "Avancement : part des engagements au statut « réalisé » parmi les engagements suivis "
    "(un statut ne change que sur une entrée datée et sourcée du journal ; « non renseigné » "
    "compte comme non réalisé, « abandonné » reste dans le total)."
)
_WEB = re.compile(r"^https?://\S+$")


# --- rows -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Lien:
    """A link inside the site: ``href`` is relative to the site's root."""

    texte: str
    href: str


@dataclass(frozen=True)
class Rubrique:
    """A section of the navigation."""

    cle: str
    texte: str
    href: str


@dataclass(frozen=True)
class LignePreuve:
    libelle: str
    url: str | None
    """An http(s) address, or None when the evidence is not published online."""
    date: Day | None


@dataclass(frozen=True)
class LigneJournal:
    date: Day
    texte: str
    source: str | None
    statut: str | None
    echeance: str | None
    preuves: tuple[LignePreuve, ...]
    sujet: Lien | None = None
    """What the entry is about (home page and meetings only)."""


@dataclass(frozen=True)
class LigneEcheance:
    id: str
    date: Day
    libelle: str
    parties: str
    source: str
    etat: str
    etat_code: str
    honoree_le: Day | None
    lien: Lien | None


@dataclass(frozen=True)
class Compteur:
    """Engagements of one objective or party, counted by status."""

    cle: str
    libelle: str
    lien: Lien | None
    total: int
    realises: int
    en_retard: int
    par_statut: tuple[tuple[str, int], ...]

    @property
    def pourcentage(self) -> int:
        return round(100 * self.realises / self.total) if self.total else 0


@dataclass(frozen=True)
class LigneEngagement:
    lien: Lien
    parties: str
    statut: str
    statut_code: str
    prochaine: LigneEcheance | None
    en_retard: bool


@dataclass(frozen=True)
class LigneMesure:
    date: Day
    valeur: str
    source: str


@dataclass(frozen=True)
class LigneIndicateur:
    id: str
    libelle: str
    type: str
    cible: str
    periode: str | None
    mesuree: str
    """The last measure (with its date), or « aucune mesure »."""
    atteinte: str | None
    """« 75 % de la cible » when both target and measure are figures."""
    mesures: tuple[LigneMesure, ...]
    lectures: tuple[str, ...] = ()


@dataclass(frozen=True)
class LigneStatut:
    """One step of an engagement's status history."""

    date: Day
    statut: str
    source: str | None


@dataclass(frozen=True)
class PageEngagement:
    id: str
    libelle: str
    clause: str
    citation: str | None
    parties: tuple[str, ...]
    objectifs: tuple[str, ...]
    operateurs: tuple[str, ...]
    territoires: tuple[Lien, ...]
    statut: str
    statut_code: str
    echeance: str | None
    recurrence: str | None
    historique: tuple[LigneStatut, ...]
    echeances: tuple[LigneEcheance, ...]
    indicateurs: tuple[LigneIndicateur, ...]
    qualitatif: bool
    journal: tuple[LigneJournal, ...]
    preuves: tuple[LignePreuve, ...]
    groupes: tuple[Lien, ...]
    liens: tuple[Lien, ...]
    """Engagements it may lead to, or follow from."""
    sources: tuple[str, ...]
    note: str | None
    lectures: tuple[str, ...] = ()
    """Readings of the registry beyond the text, « champ : lecture : motif »."""


@dataclass(frozen=True)
class PageGroupe:
    id: str
    numero: int
    libelle: str
    theme: str
    clause: str
    statut: str
    engagements: tuple[Lien, ...]
    objectifs: tuple[str, ...]
    journal: tuple[LigneJournal, ...]
    reunions: tuple[Lien, ...]


@dataclass(frozen=True)
class LigneMissionLocale:
    id: str
    designation: str
    nom: str
    nom_confiance: str | None
    ville: str
    ville_confiance: str | None
    arml: str


@dataclass(frozen=True)
class PageTerritoire:
    id: str
    nom: str
    statut: str
    code_insee: str
    nombre_declare: int
    missions_locales: tuple[LigneMissionLocale, ...]
    rsma: str
    rsma_confiance: str | None
    engagements: tuple[Lien, ...]
    engagements_communs: int
    projets: tuple[str, ...]
    evaluations: tuple[str, ...]


@dataclass(frozen=True)
class LigneAction:
    id: str
    texte: str
    responsable: str
    echeance: Day
    cloture: Day | None
    preuves: tuple[LignePreuve, ...]


@dataclass(frozen=True)
class PageReunion:
    id: str
    instance: str
    groupe: Lien | None
    date: Day
    lieu: str | None
    participants: tuple[str, ...]
    source: str | None
    decisions: tuple[str, ...]
    actions: tuple[LigneAction, ...]
    releve: Lien | None


@dataclass(frozen=True)
class DocumentSite:
    """A downloadable document: its view model, rendered by the format layer."""

    chemin: str
    titre: str
    description: str
    format: str
    modele: str
    vue: Any
    public: bool


@dataclass(frozen=True)
class JalonFrise:
    date: Day
    libelle: str
    etat: str
    etat_code: str


@dataclass(frozen=True)
class Frise:
    """The timeline picture: the convention's period, today, and its échéances."""

    debut: Day
    fin: Day
    as_of: Day
    jalons: tuple[JalonFrise, ...]
    titre: str


@dataclass(frozen=True)
class Accueil:
    titre: str
    presentation: tuple[str, str]
    position: str
    exigences: tuple[str, ...]
    regle: str
    par_objectif: tuple[Compteur, ...]
    par_partie: tuple[Compteur, ...]
    total_engagements: int
    total_realises: int
    en_retard: tuple[LigneEcheance, ...]
    prochaines: tuple[LigneEcheance, ...]
    dernieres: tuple[LigneJournal, ...]


@dataclass(frozen=True)
class Page:
    """One HTML page: its address, title, nav section and template with its data."""

    chemin: str
    titre: str
    rubrique: str
    modele: str
    donnees: Any
    description: str = ""


@dataclass(frozen=True)
class SiteView:
    titre: str
    as_of: Day
    public: bool
    provenance: Provenance
    pages: tuple[Page, ...]
    documents: tuple[DocumentSite, ...]
    frise: Frise
    rubriques: tuple[Rubrique, ...] = field(default=())


# --- the confidentiality cut ------------------------------------------------------------
# TODO(views/public.py): once the one confidentiality filter lands, take these three
# decisions from it.


def _visible(items: Iterable[Any], public: bool) -> list[Any]:
    return [i for i in items if not (public and getattr(i, "confidentiel", False))]


def _fait(fait: Fait | None, public: bool) -> tuple[str, str | None]:
    """A fact's value and confidence; public pages show only facts of confidence
    « haute » (the rule of every public document), never a guessed value."""
    if fait is None or fait.valeur is None or fait.confiance == "non_verifie":
        return "non vérifié", None
    if public and fait.confiance != "haute":
        return "à confirmer", None
    return fait.valeur, CONFIANCE_LABELS[fait.confiance]


def _preuves(preuves: Iterable[Preuve], public: bool) -> tuple[LignePreuve, ...]:
    """Evidence: a web address becomes a link; a file of the registry is named only
    (its path means nothing on the site, and may be a local one)."""
    return tuple(
        LignePreuve(p.libelle, p.url if _WEB.match(p.url) else None, p.date)
        for p in _visible(preuves, public)
    )


def _journal(
    entries: Iterable[EntreeJournal], public: bool, sujet: Lien | None = None
) -> list[LigneJournal]:
    """Entries, oldest first; in public the author (often a person) gives way to
    the source: no personal name leaves the registry."""
    return [
        LigneJournal(
            date=e.date, texte=e.texte,
            source=e.source if public else (e.auteur or e.source),
            statut=STATUT_LABELS[e.statut] if e.statut else None,
            echeance=e.echeance, preuves=_preuves(e.preuves, public), sujet=sujet)
        for e in sorted(_visible(entries, public), key=lambda e: e.date)
    ]


# --- addresses --------------------------------------------------------------------------


def engagement_href(ident: str) -> str:
    return f"engagements/{ident}.html"


def groupe_href(ident: str) -> str:
    return f"groupes/{ident}.html"


def territoire_href(ident: str) -> str:
    return f"territoires/{ident}.html"


def reunion_href(ident: str) -> str:
    return f"reunions/index.html#{ident}"


RUBRIQUES = (
    ("accueil", "Accueil", "index.html"),
    ("engagements", "Engagements", "engagements/index.html"),
    ("echeances", "Échéances", "echeances.html"),
    ("groupes", "Groupes de travail", "groupes/index.html"),
    ("territoires", "Territoires", "territoires/index.html"),
    ("reunions", "Réunions", "reunions/index.html"),
    ("documents", "Documents", "documents/index.html"),
)


# --- builder ----------------------------------------------------------------------------


@dataclass
class _Context:
    registry: Registry
    as_of: Day
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


def build_site(
    registry: Registry, as_of: Day, *, public: bool, provenance: Provenance,
    documents: Sequence[DocumentSite] = (),
) -> SiteView:
    """Every page of the site as known on ``as_of``; ``documents`` are the downloadable
    documents already built by their own view models (public ones for a public site)."""
    registry = snapshot(registry, as_of)
    conv = registry.convention
    assert conv is not None
    engagements = _visible(registry.engagements, public)
    echeances = [e for e in compute_echeances(registry, as_of)
                 if not (public and e.confidentiel)]
    ctx = _Context(
        registry=registry, as_of=as_of, public=public,
        names={p.id: p.sigle for p in registry.parties},
        engagements=engagements, visible_ids={e.id for e in engagements},
        echeances=echeances, by_engagement=echeances_by_engagement(echeances),
        objectifs={o.id: f"{o.numero}. {o.libelle}" for o in conv.objectifs},
        parties={p.id: f"{p.sigle} — {p.nom}" for p in registry.parties},
    )
    for eng in engagements:
        for target in eng.peut_deboucher_sur:
            ctx.follows.setdefault(target, []).append(eng.id)
    reunions = sorted(_visible(registry.reunions, public), key=lambda r: (r.date, r.id))
    releves = {d.chemin.rsplit("/", 1)[-1].removeprefix("releve-").removesuffix(".md"): d
               for d in documents if d.chemin.startswith("documents/releve-")}
    pages: list[Page] = [
        Page("index.html", conv.titre, "accueil", "site/accueil.html.j2", _accueil(ctx),
             "Où en est le partenariat : position dans la période, avancement, échéances."),
        Page("engagements/index.html", "Engagements", "engagements",
             "site/engagements.html.j2", _engagement_rows(ctx, engagements),
             "Tous les engagements des parties, avec leur statut et leur prochaine échéance."),
    ]
    pages += [Page(engagement_href(e.id), e.libelle, "engagements", "site/engagement.html.j2",
                   _engagement_page(ctx, e)) for e in engagements]
    pages.append(Page("echeances.html", "Échéances", "echeances", "site/echeances.html.j2",
                      tuple(_echeance_row(ctx, e) for e in echeances),
                      "Le calendrier des obligations de la convention et leur état."))
    groupes = sorted(registry.groupes_travail, key=lambda g: g.numero)
    pages.append(Page("groupes/index.html", "Groupes de travail", "groupes",
                      "site/groupes.html.j2",
                      tuple(Lien(f"n° {g.numero} — {g.libelle}", groupe_href(g.id))
                            for g in groupes),
                      "Les groupes de travail de l'annexe de la convention."))
    pages += [Page(groupe_href(g.id), f"Groupe de travail n° {g.numero} : {g.libelle}",
                   "groupes", "site/groupe.html.j2", _groupe_page(ctx, g, reunions))
              for g in groupes]
    pages.append(Page("territoires/index.html", "Territoires", "territoires",
                      "site/territoires.html.j2",
                      tuple(Lien(t.nom, territoire_href(t.id)) for t in registry.territoires),
                      "Les territoires couverts par la convention et leurs missions locales."))
    pages += [Page(territoire_href(t.id), t.nom, "territoires", "site/territoire.html.j2",
                   _territoire_page(ctx, t)) for t in registry.territoires]
    pages.append(Page("reunions/index.html", "Réunions", "reunions", "site/reunions.html.j2",
                      tuple(_reunion_page(ctx, r, releves.get(r.id)) for r in reunions),
                      "Les réunions tenues au titre de la convention : décisions et actions."))
    pages.append(Page("documents/index.html", "Documents", "documents",
                      "site/documents.html.j2", tuple(documents),
                      "Bilans et documents de valorisation à télécharger."))
    return SiteView(
        titre=conv.titre, as_of=as_of, public=public, provenance=provenance,
        pages=tuple(pages), documents=tuple(documents), frise=_frise(ctx),
        rubriques=tuple(Rubrique(*row) for row in RUBRIQUES),
    )


def _echeance_row(ctx: _Context, echeance: Echeance) -> LigneEcheance:
    lien = None
    if echeance.engagement is not None and echeance.engagement in ctx.visible_ids:
        lien = Lien(echeance.engagement, engagement_href(echeance.engagement))
    elif echeance.reunion is not None and echeance.objet is Objet.ACTION:
        lien = Lien(echeance.reunion, reunion_href(echeance.reunion))
    return LigneEcheance(
        id=echeance.id, date=echeance.date, libelle=echeance.libelle,
        parties=", ".join(ctx.names.get(p, p) for p in echeance.parties),
        source=echeance.source, etat=echeance.etat.value, etat_code=echeance.etat.key,
        honoree_le=echeance.honneur.date if echeance.honneur else None, lien=lien,
    )


def _counters(
    keys: Iterable[tuple[str, str, Lien | None]], engagements: list[Engagement],
    attribute: str, late: set[str],
) -> tuple[Compteur, ...]:
    counters = []
    for key, label, lien in keys:
        concerned = [e for e in engagements if key in getattr(e, attribute)]
        if not concerned:
            continue
        counts: Counter[str] = Counter(e.statut for e in concerned)
        counters.append(Compteur(
            key, label, lien, len(concerned), counts["realise"],
            sum(1 for e in concerned if e.id in late),
            tuple((STATUT_LABELS[s], counts[s]) for s in STATUT_ORDER if counts[s])))
    return tuple(counters)


def _accueil(ctx: _Context) -> Accueil:
    registry = ctx.registry
    conv = registry.convention
    end = registry.date_fin
    assert conv is not None
    assert end is not None
    main = [p for p in registry.parties if p.role == "partie"]
    cosign = [p for p in registry.parties if p.role == "co_signataire"]
    objectives = sorted(conv.objectifs, key=lambda o: o.numero)
    cosigners = (", avec " + " et ".join(p.sigle for p in cosign) + " en co-signataires"
                 if cosign else "")
    first = (f"La convention de partenariat signée à {conv.lieu_signature} le "
             f"{format_date(conv.date_signature)} entre "
             f"{' et '.join(f'{p.nom} ({p.sigle})' for p in main)}{cosigners}"
             f", pour {plural(conv.duree_annees, 'an')}, vise à {conv.sous_titre[0].lower()}"
             f"{conv.sous_titre[1:].rstrip('.')}.")
    second = (f"Elle fixe {plural(len(objectives), 'objectif')} "
              f"({' ; '.join(o.libelle.rstrip('.') for o in objectives)}) et engage les parties "
              f"sur {plural(len(ctx.engagements), 'engagement')} suivis dans ce registre.")
    late = {e.engagement for e in ctx.echeances
            if e.etat is Etat.EN_RETARD and e.engagement is not None}
    from convention_cli.views.status import position_of

    position = position_of(registry, ctx.as_of, ctx.echeances)
    dated: list[LigneJournal] = []
    for eng in ctx.engagements:
        dated += _journal(eng.journal, ctx.public,
                          Lien(eng.libelle, engagement_href(eng.id)))
    for groupe in registry.groupes_travail:
        dated += _journal(groupe.journal, ctx.public,
                          Lien(f"Groupe de travail n° {groupe.numero}",
                               groupe_href(groupe.id)))
    dated.sort(key=lambda j: (j.date, j.sujet.href if j.sujet else ""), reverse=True)
    return Accueil(
        titre=f"{conv.titre} — {' × '.join(p.sigle for p in main)}",
        presentation=(first, second),
        position=position.resume,
        exigences=position.exigences,
        regle=PROGRESS_RULE,
        par_objectif=_counters(
            ((o.id, f"{o.numero}. {o.libelle}", None) for o in objectives),
            ctx.engagements, "objectifs", {i for i in late if i}),
        par_partie=_counters(
            ((p.id, f"{p.sigle} — {p.nom}", None) for p in registry.parties),
            ctx.engagements, "parties", {i for i in late if i}),
        total_engagements=len(ctx.engagements),
        total_realises=sum(1 for e in ctx.engagements if e.statut == "realise"),
        en_retard=tuple(_echeance_row(ctx, e) for e in ctx.echeances
                        if e.etat is Etat.EN_RETARD),
        prochaines=tuple(_echeance_row(ctx, e) for e in ctx.echeances
                         if e.etat is Etat.PROCHE)
        or tuple(_echeance_row(ctx, e) for e in ctx.echeances
                 if e.etat is Etat.A_VENIR)[:3],
        dernieres=tuple(dated[:LAST_UPDATES]),
    )


def _engagement_rows(ctx: _Context, engagements: list[Engagement]) -> tuple[LigneEngagement, ...]:
    rows = []
    for eng in engagements:
        own = ctx.by_engagement.get(eng.id, [])
        upcoming = next_echeance(own)
        rows.append(LigneEngagement(
            lien=Lien(eng.libelle, engagement_href(eng.id)),
            parties=", ".join(ctx.names.get(p, p) for p in eng.parties),
            statut=STATUT_LABELS[eng.statut], statut_code=eng.statut,
            prochaine=_echeance_row(ctx, upcoming) if upcoming else None,
            en_retard=any(e.etat is Etat.EN_RETARD for e in own)))
    return tuple(rows)


def _quantity(value: int | float, unite: str | None) -> str:
    return f"{format_number(value)} {unite}" if unite else format_number(value)


def _indicateur(ind: Indicateur) -> LigneIndicateur:
    mesures = sorted(ind.mesures, key=lambda m: m.date)
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
        mesures=tuple(LigneMesure(m.date, _quantity(m.valeur, ind.unite), m.source)
                      for m in mesures),
        lectures=_lectures(ind),
    )


def _lectures(item: object) -> tuple[str, ...]:
    """What the registry reads into the text, never shown as the text itself."""
    return tuple(f"{lu.champ} — {lecture_fr(lu.motif)}" for lu in lectures_of(item))


def _engagement_page(ctx: _Context, eng: Engagement) -> PageEngagement:
    registry = ctx.registry
    conv = registry.convention
    assert conv is not None
    objectives = ctx.objectifs
    operators = {o.id: f"{o.sigle} ({o.nom})" for o in registry.operateurs}
    territories = {t.id: t.nom for t in registry.territoires}
    journal = _journal(eng.journal, ctx.public)
    history = [LigneStatut(j.date, j.statut, j.source) for j in journal if j.statut]
    echeance = None
    if eng.echeance is not None:
        echeance = format_date(eng.echeance) + (f" ({eng.echeance_libelle})"
                                                if eng.echeance_libelle else "")
    return PageEngagement(
        id=eng.id, libelle=eng.libelle, clause=eng.clause, citation=eng.citation,
        parties=tuple(ctx.parties.get(i, i) for i in eng.parties),
        objectifs=tuple(objectives.get(o, o) for o in eng.objectifs),
        operateurs=tuple(operators.get(o, o) for o in eng.operateurs),
        territoires=tuple(Lien(territories[t], territoire_href(t))
                          for t in eng.territoires if t in territories),
        statut=STATUT_LABELS[eng.statut], statut_code=eng.statut,
        echeance=echeance,
        recurrence=RECURRENCE_LABELS[eng.recurrence] if eng.recurrence else None,
        historique=tuple(history),
        echeances=tuple(_echeance_row(ctx, e) for e in ctx.by_engagement.get(eng.id, [])),
        indicateurs=tuple(_indicateur(i) for i in eng.indicateurs),
        qualitatif=eng.qualitatif,
        journal=tuple(reversed(journal)),
        preuves=_preuves(eng.preuves, ctx.public)
        + tuple(p for j in journal for p in j.preuves),
        groupes=tuple(Lien(f"n° {g.numero} — {g.libelle}", groupe_href(g.id))
                      for g in sorted(registry.groupes_travail, key=lambda g: g.numero)
                      if eng.id in g.engagements),
        liens=tuple(Lien(f"peut déboucher sur : {e}", engagement_href(e))
                    for e in eng.peut_deboucher_sur if e in ctx.visible_ids)
        + tuple(Lien(f"peut découler de : {e}", engagement_href(e))
                for e in ctx.follows.get(eng.id, ())),
        sources=tuple(eng.sources),
        note=None if ctx.public else eng.note,
        lectures=_lectures(eng),
    )


def _groupe_page(ctx: _Context, groupe: GroupeTravail, reunions: list[Reunion]) -> PageGroupe:
    conv = ctx.registry.convention
    assert conv is not None
    themes = {t.numero: t.libelle for t in conv.themes_annexe}
    objectives = {o.id: f"{o.numero}. {o.libelle}" for o in conv.objectifs}
    labels = {e.id: e.libelle for e in ctx.engagements}
    return PageGroupe(
        id=groupe.id, numero=groupe.numero, libelle=groupe.libelle,
        theme=themes.get(groupe.theme, str(groupe.theme)), clause=groupe.clause,
        statut=GT_STATUT_LABELS[groupe.statut],
        engagements=tuple(Lien(labels[e], engagement_href(e)) for e in groupe.engagements
                          if e in labels),
        objectifs=tuple(objectives.get(o, o) for o in groupe.objectifs),
        journal=tuple(reversed(_journal(groupe.journal, ctx.public))),
        reunions=tuple(Lien(f"{format_date(r.date)}", reunion_href(r.id)) for r in reunions
                       if r.instance == "groupe_travail" and r.groupe_travail == groupe.id),
    )


def _territoire_page(ctx: _Context, territoire: Territoire) -> PageTerritoire:
    armls = {p.id: p.sigle for p in ctx.registry.parties}
    missions = []
    for ml in territoire.missions_locales:
        nom, nom_conf = _fait(ml.nom, ctx.public)
        ville, ville_conf = _fait(ml.ville_siege, ctx.public)
        missions.append(LigneMissionLocale(ml.id, ml.designation, nom, nom_conf, ville,
                                           ville_conf, armls.get(ml.arml, ml.arml)))
    rsma, rsma_conf = _fait(territoire.rsma, ctx.public)
    own = [e for e in ctx.engagements if territoire.id in e.territoires]
    return PageTerritoire(
        id=territoire.id, nom=territoire.nom, statut=territoire.statut,
        code_insee=territoire.code_insee, nombre_declare=territoire.nombre_missions_locales,
        missions_locales=tuple(missions), rsma=rsma, rsma_confiance=rsma_conf,
        engagements=tuple(Lien(e.libelle, engagement_href(e.id)) for e in own),
        engagements_communs=sum(1 for e in ctx.engagements if not e.territoires),
        projets=(), evaluations=(),
    )


def _reunion_page(ctx: _Context, reunion: Reunion, releve: DocumentSite | None) -> PageReunion:
    groupe = None
    if reunion.instance == "groupe_travail" and reunion.groupe_travail is not None:
        numbers = {g.id: g.numero for g in ctx.registry.groupes_travail}
        if reunion.groupe_travail in numbers:
            groupe = Lien(f"Groupe de travail n° {numbers[reunion.groupe_travail]}",
                          groupe_href(reunion.groupe_travail))
    return PageReunion(
        id=reunion.id, instance=INSTANCE_LABELS[reunion.instance], groupe=groupe,
        date=reunion.date, lieu=reunion.lieu,
        # Participants may be people: never on a public page.
        participants=() if ctx.public else tuple(reunion.participants),
        source=None if ctx.public else reunion.source,
        decisions=tuple(d.texte for d in _visible(reunion.decisions, ctx.public)),
        actions=tuple(
            LigneAction(a.id, a.texte, ctx.names.get(a.responsable, a.responsable),
                        a.echeance, a.cloture, _preuves(a.preuves, ctx.public))
            for a in _visible(reunion.actions, ctx.public)),
        releve=Lien(releve.titre, releve.chemin) if releve else None,
    )


def _frise(ctx: _Context) -> Frise:
    registry = ctx.registry
    conv = registry.convention
    end = registry.date_fin
    assert conv is not None
    assert end is not None
    jalons = tuple(
        JalonFrise(e.date, e.libelle, e.etat.value, e.etat.key) for e in ctx.echeances
        if e.objet in (Objet.BILAN, Objet.COMMUNICATION, Objet.ENGAGEMENT, Objet.CONVENTION)
        and e.id != "decision-prorogation")
    return Frise(conv.date_signature, end, ctx.as_of, jalons,
                 f"Frise de la convention du {format_date(conv.date_signature)} au "
                 f"{format_date(end)}, situation au {format_date(ctx.as_of)}")
