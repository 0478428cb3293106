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

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date

from convention_cli.domain.echeances import Etat, Objet, compute_echeances
from convention_cli.domain.porteurs import statuts_par_partie
from convention_cli.domain.queries import echeances_by_engagement
from convention_cli.domain.snapshot import snapshot
from convention_cli.load.registry import Registry
from convention_cli.models import Objectif
from convention_cli.views.provenance import Provenance
from convention_cli.views.public import (
    visible_echeances,
    visible_engagements,
    visible_reunions,
)
from convention_cli.views.site_model import (
    RUBRIQUES,
    Accueil,
    Compteur,
    DocumentSite,
    Frise,
    JalonFrise,
    Lien,
    LigneJournal,
    Page,
    Rubrique,
    SiteView,
    engagement_href,
    groupe_href,
    territoire_href,
)
from convention_cli.views.site_pages import (
    Context,
    convention_term,
    echeance_row,
    engagement_page,
    engagement_rows,
    groupe_page,
    journal_lines,
    referent_rows,
    reunion_page,
    territoire_page,
)
from convention_cli.vocab import STATUT_LABELS, count_statut, format_date, plural

LAST_UPDATES = 10
"""Journal entries shown under « Dernières mises à jour » on the home page."""
FRISE_MAX_ENGAGEMENTS = 30
"""Engagements' échéances the timeline picture draws at most (one row each)."""
STATUT_ORDER = tuple(STATUT_LABELS)
PROGRESS_RULE = (
    "Avancement : part des engagements au statut « réalisé » parmi les engagements suivis "
    "(un statut ne change que sur une entrée datée et sourcée du journal ; « non renseigné » "
    "compte comme non réalisé, « abandonné » reste dans le total)."
)


def build_site_view(
    registry: Registry, as_of: date, *, public: bool, provenance: Provenance
) -> SiteView:
    """The whole site as known on ``as_of``: its documents (``views/site_documents.py``)
    and its pages, from one snapshot of the registry."""
    from convention_cli.views.site_documents import build_releves, build_site_documents

    registry = snapshot(registry, as_of)
    return build_site(
        registry, as_of, public=public, provenance=provenance,
        documents=build_site_documents(registry, as_of, public=public,
                                       provenance=provenance),
        releves=build_releves(registry, as_of, public=public, provenance=provenance))


def build_site(
    registry: Registry, as_of: date, *, public: bool, provenance: Provenance,
    documents: Sequence[DocumentSite] = (), releves: Mapping[str, DocumentSite] | None = None,
) -> SiteView:
    """Every page of the site as known on ``as_of``; ``documents`` are the downloadable
    documents already built by their own view models (public ones for a public site),
    ``releves`` the relevé of each meeting by its id."""
    registry = snapshot(registry, as_of)
    releves = releves or {}
    conv = registry.convention
    assert conv is not None
    engagements = visible_engagements(registry, public)
    echeances = visible_echeances(compute_echeances(registry, as_of), public)
    ctx = Context(
        registry=registry, as_of=as_of, public=public,
        names={p.id: p.sigle for p in registry.parties},
        engagements=engagements, visible_ids={e.id for e in engagements},
        echeances=echeances, by_engagement=echeances_by_engagement(echeances),
        objectifs={o.id: f"{o.numero}. {o.libelle}" for o in conv.objectifs},
        parties={p.id: f"{p.sigle} — {p.nom}" for p in registry.parties},
    )
    ctx.index()
    reunions = sorted(visible_reunions(registry, public), key=lambda r: (r.date, r.id))
    pages: list[Page] = [
        Page("index.html", conv.titre, "accueil", "site/accueil.html.j2", _accueil(ctx),
             "Où en est le partenariat : position dans la période, avancement, échéances."),
        Page("engagements/index.html", "Engagements", "engagements",
             "site/engagements.html.j2", engagement_rows(ctx, engagements),
             "Tous les engagements des parties, avec leur statut et leur prochaine échéance."),
    ]
    pages += [Page(engagement_href(e.id), e.libelle, "engagements", "site/engagement.html.j2",
                   engagement_page(ctx, e)) for e in engagements]
    pages.append(Page("echeances.html", "Échéances", "echeances", "site/echeances.html.j2",
                      tuple(echeance_row(ctx, e) for e in echeances),
                      "Le calendrier des obligations de la convention et leur état."))
    groupes = sorted(registry.groupes_travail, key=lambda g: g.numero)
    pages.append(Page("groupes/index.html", "Groupes de travail", "groupes",
                      "site/groupes.html.j2",
                      tuple(Lien(f"n° {g.numero} — {g.libelle}", groupe_href(g.id))
                            for g in groupes),
                      "Les groupes de travail de l'annexe de la convention."))
    pages += [Page(groupe_href(g.id), f"Groupe de travail n° {g.numero} : {g.libelle}",
                   "groupes", "site/groupe.html.j2", groupe_page(ctx, g, reunions))
              for g in groupes]
    pages.append(Page("territoires/index.html", "Territoires", "territoires",
                      "site/territoires.html.j2",
                      tuple(Lien(t.nom, territoire_href(t.id)) for t in registry.territoires),
                      "Les territoires couverts par la convention et leurs missions locales."))
    pages += [Page(territoire_href(t.id), t.nom, "territoires", "site/territoire.html.j2",
                   territoire_page(ctx, t)) for t in registry.territoires]
    pages.append(Page("reunions/index.html", "Réunions", "reunions", "site/reunions.html.j2",
                      tuple(reunion_page(ctx, r, releves.get(r.id)) for r in reunions),
                      "Les réunions tenues au titre de la convention : décisions et actions."))
    pages.append(Page("documents/index.html", "Documents", "documents",
                      "site/documents.html.j2", tuple(documents),
                      "Bilans et documents de valorisation à télécharger."))
    return SiteView(
        titre=conv.titre, as_of=as_of, public=public, provenance=provenance,
        pages=tuple(pages), documents=(*documents, *releves.values()), frise=_frise(ctx),
        rubriques=tuple(Rubrique(*row) for row in RUBRIQUES),
    )


def _counter(key: str, label: str, statuts: list[str], late: int) -> Compteur:
    counts: Counter[str] = Counter(statuts)
    return Compteur(key, label, None, len(statuts), counts["realise"], late,
                    tuple(count_statut(s, counts[s]) for s in STATUT_ORDER if counts[s]))


def _par_objectif(ctx: Context, objectives: list[Objectif], late: set[str]) -> tuple[Compteur, ...]:
    """The engagements serving each objective, by status; « en retard »: how many of them
    have a late échéance."""
    counters = []
    for objective in objectives:
        concerned = [e for e in ctx.engagements if objective.id in e.objectifs]
        if concerned:
            counters.append(_counter(
                objective.id, f"{objective.numero}. {objective.libelle}",
                [e.statut for e in concerned], sum(1 for e in concerned if e.id in late)))
    return tuple(counters)


def _par_partie(ctx: Context) -> tuple[Compteur, ...]:
    """Each party as ``convention status`` counts it: the engagements it carries, with the
    status of its own share (``domain.porteurs.statuts_par_partie``); « en retard »: those
    of them where its own share of an échéance is late (``Echeance.etat_de``)."""
    shares = {e.id: statuts_par_partie(e) for e in ctx.engagements}
    counters = []
    for partie in ctx.registry.parties:
        statuts = [own[partie.id] for own in shares.values() if partie.id in own]
        if statuts:
            late = len({e.engagement for e in ctx.echeances
                        if e.engagement is not None and partie.id in shares.get(e.engagement, {})
                        and e.etat_de(partie.id) is Etat.EN_RETARD})
            counters.append(_counter(partie.id, f"{partie.sigle} — {partie.nom}", statuts, late))
    return tuple(counters)


def _accueil(ctx: Context) -> Accueil:
    registry = ctx.registry
    conv, _ = convention_term(registry)
    main = [p for p in registry.parties if p.role == "partie"]
    cosign = [p for p in registry.parties if p.role == "co_signataire"]
    objectives = sorted(conv.objectifs, key=lambda o: o.numero)
    # The registry gives no article for a party's name (« la Direction… », « l'Union… »):
    # the parties are listed after a colon rather than put into a sentence after « entre ».
    cosigners = (" ; co-signataires : " + ", ".join(f"{p.nom} ({p.sigle})" for p in cosign)
                 if cosign else "")
    first = (f"La convention de partenariat signée à {conv.lieu_signature} le "
             f"{format_date(conv.date_signature)}, pour {plural(conv.duree_annees, 'an')}, "
             f"vise à {conv.sous_titre[0].lower()}{conv.sous_titre[1:].rstrip('.')}. "
             f"Parties : {', '.join(f'{p.nom} ({p.sigle})' for p in main)}{cosigners}.")
    second = (f"Elle fixe {plural(len(objectives), 'objectif')} "
              f"({' ; '.join(o.libelle.rstrip('.') for o in objectives)}) et engage les parties "
              f"sur {plural(len(ctx.engagements), 'engagement')} suivis dans ce registre.")
    late = {e.engagement for e in ctx.echeances
            if e.etat is Etat.EN_RETARD and e.engagement is not None}
    from convention_cli.views.position import position_of

    position = position_of(registry, ctx.as_of, ctx.echeances)
    dated: list[LigneJournal] = []
    for eng in ctx.engagements:
        dated += journal_lines(ctx, eng, Lien(eng.libelle, engagement_href(eng.id)))
    for groupe in registry.groupes_travail:
        dated += journal_lines(ctx, groupe, Lien(f"Groupe de travail n° {groupe.numero}",
                               groupe_href(groupe.id)))
    dated.sort(key=lambda j: (j.date, j.sujet.href if j.sujet else ""), reverse=True)
    return Accueil(
        titre=f"{conv.titre} — {' × '.join(p.sigle for p in main)}",
        presentation=(first, second),
        position=position.resume,
        exigences=position.exigences,
        regle=PROGRESS_RULE,
        par_objectif=_par_objectif(ctx, objectives, late),
        par_partie=_par_partie(ctx),
        total_engagements=len(ctx.engagements),
        total_realises=sum(1 for e in ctx.engagements if e.statut == "realise"),
        en_retard=tuple(echeance_row(ctx, e) for e in ctx.echeances
                        if e.etat is Etat.EN_RETARD),
        prochaines=tuple(echeance_row(ctx, e) for e in ctx.echeances
                         if e.etat is Etat.PROCHE)
        or tuple(echeance_row(ctx, e) for e in ctx.echeances
                 if e.etat is Etat.A_VENIR)[:3],
        dernieres=tuple(dated[:LAST_UPDATES]),
        referents=referent_rows(ctx),
    )


def _frise(ctx: Context) -> Frise:
    """The convention's own obligations (bilans, valorisation, term) and the engagements'
    échéances, as long as these fit in a picture (``FRISE_MAX_ENGAGEMENTS``); beyond, the
    engagements' échéances are left to the page of the échéances."""
    registry = ctx.registry
    conv, end = convention_term(registry)
    shown = [e for e in ctx.echeances
             if e.objet in (Objet.BILAN, Objet.COMMUNICATION, Objet.ENGAGEMENT,
                            Objet.CONVENTION) and e.id != "decision-prorogation"]
    engagements = sum(1 for e in shown if e.objet is Objet.ENGAGEMENT)
    omitted = engagements if engagements > FRISE_MAX_ENGAGEMENTS else 0
    if omitted:
        shown = [e for e in shown if e.objet is not Objet.ENGAGEMENT]
    return Frise(conv.date_signature, end, ctx.as_of,
                 tuple(JalonFrise(e.date, e.libelle, e.etat.value, e.etat.key)
                       for e in shown),
                 f"Frise de la convention du {format_date(conv.date_signature)} au "
                 f"{format_date(end)}, situation au {format_date(ctx.as_of)}", omitted)
