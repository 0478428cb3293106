"""``convention engagements`` (a filtered listing) and ``convention engagement ID``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from convention_cli.domain.echeances import (
    DEFAULT_HORIZON_DAYS,
    Echeance,
    compute_echeances,
    late,
)
from convention_cli.domain.indicators import MesureVue, indicator_measures, is_computed
from convention_cli.domain.queries import (
    Filtres,
    check_filter_values,
    echeances_by_engagement,
    last_entry_date,
    next_echeance,
    organisation_label,
    organisation_labels,
    organisation_names,
    select_engagements,
)
from convention_cli.domain.snapshot import snapshot
from convention_cli.load.registry import Registry
from convention_cli.models import (
    Engagement,
    EntreeJournal,
    GroupeTravail,
    Indicateur,
    Objectif,
    Operateur,
    Partie,
    Territoire,
)
from convention_cli.views.blocks import Element, FicheDocument, Section, Tableau
from convention_cli.views.consultation.common import (
    FICHES_JSON_FORMAT,
    echeance_fr,
    iso,
    journal_element,
    objectif_elements,
    preuve_fr,
    resolve_id,
    sorted_journal,
)
from convention_cli.views.echeances import echeance_to_json
from convention_cli.views.lectures import lecture_lines, lectures_json, lectures_of
from convention_cli.vocab import (
    NONE,
    RECURRENCE_LABELS,
    REGLE_LABELS,
    STATUT_LABELS,
    date_or_dash,
    format_date,
    format_number,
    plural,
)

# --- convention engagements ----------------------------------------------------------------


@dataclass(frozen=True)
class EngagementRow:
    id: str
    parties: tuple[str, ...]
    sigles: tuple[str, ...]
    libelle: str
    statut: str
    prochaine: Echeance | None
    derniere_entree: date | None
    retards: tuple[Echeance, ...] = ()
    """Missed occurrences (late), oldest first: never shown as « next »."""

    @property
    def statut_libelle(self) -> str:
        return STATUT_LABELS[self.statut]


@dataclass(frozen=True)
class ListeEngagements:
    as_of: date
    horizon: int
    filtres: Filtres
    lignes: tuple[EngagementRow, ...]


def build_engagement_list(
    registry: Registry, as_of: date, filtres: Filtres | None = None,
    horizon: int = DEFAULT_HORIZON_DAYS,
) -> ListeEngagements:
    """The engagements matching ``filtres``, in registry order, with their next échéance."""
    registry = snapshot(registry, as_of)
    filtres = filtres or Filtres()
    filtres = check_filter_values(registry, filtres)
    by_engagement = echeances_by_engagement(compute_echeances(registry, as_of, horizon))
    sigles = {p.id: p.sigle for p in registry.parties}
    lignes = tuple(
        EngagementRow(
            id=eng.id, parties=tuple(eng.parties),
            sigles=tuple(sigles.get(p, p) for p in eng.parties), libelle=eng.libelle,
            statut=eng.statut, prochaine=next_echeance(by_engagement.get(eng.id, [])),
            derniere_entree=last_entry_date(eng.journal),
            retards=tuple(late(by_engagement.get(eng.id, []), filtres.partie)),
        )
        for eng in select_engagements(registry, filtres, by_engagement)
    )
    return ListeEngagements(as_of, horizon, filtres, lignes)


def _filters_fr(filtres: Filtres) -> str:
    chosen = [f"{name} {value}" for name, value in vars(filtres).items() if value is not None]
    return ", ".join(chosen)


def engagement_list_to_json(view: ListeEngagements) -> dict[str, Any]:
    return {
        "format": FICHES_JSON_FORMAT,
        "as_of": view.as_of.isoformat(),
        "horizon_jours": view.horizon,
        "filtres": {k: v for k, v in vars(view.filtres).items() if v is not None},
        "engagements": [
            {
                "id": line.id,
                "parties": list(line.parties),
                "libelle": line.libelle,
                "statut": line.statut,
                "statut_libelle": line.statut_libelle,
                "prochaine_echeance": echeance_to_json(line.prochaine) if line.prochaine else None,
                "en_retard": [e.id for e in line.retards],
                "derniere_entree": iso(line.derniere_entree),
            }
            for line in view.lignes
        ],
    }


def late_fr(retards: tuple[Echeance, ...]) -> str:
    """``2 (depuis le 30 septembre 2023)``, or ``—``."""
    if not retards:
        return NONE
    if len(retards) == 1:
        return format_date(retards[0].date)
    return f"{len(retards)} (depuis le {format_date(retards[0].date)})"


def engagement_list_table(view: ListeEngagements) -> Tableau:
    count = plural(len(view.lignes), "engagement")
    filters = _filters_fr(view.filtres)
    return Tableau(
        titre=f"Engagements au {format_date(view.as_of)}",
        entetes=("identifiant", "parties", "libellé", "statut", "prochaine échéance",
                 "en retard", "dernière entrée"),
        lignes=tuple(
            (line.id, ", ".join(line.sigles), line.libelle, line.statut_libelle,
             echeance_fr(line.prochaine) if line.prochaine else NONE,
             late_fr(line.retards), date_or_dash(line.derniere_entree))
            for line in view.lignes
        ),
        notes=(f"{count} (filtres : {filters})." if filters else f"{count}.",),
    )


# --- convention engagement ID ----------------------------------------------------------------


@dataclass(frozen=True)
class IndicateurVue:
    indicateur: Indicateur
    derniere_mesure: MesureVue | None
    mesures: tuple[MesureVue, ...] = ()
    calcule: bool = False


@dataclass(frozen=True)
class FicheEngagement:
    as_of: date
    horizon: int
    engagement: Engagement
    parties: tuple[Partie, ...]
    participants: tuple[Partie, ...]
    objectifs: tuple[Objectif, ...]
    operateurs: tuple[Operateur, ...]
    territoires: tuple[Territoire, ...]
    """Empty: every territory of the agreement."""
    indicateurs: tuple[IndicateurVue, ...]
    journal: tuple[EntreeJournal, ...]
    groupes: tuple[GroupeTravail, ...]
    debouche_sur: tuple[Engagement, ...]
    decoule_de: tuple[Engagement, ...]
    echeances: tuple[Echeance, ...]
    exclus: tuple[str, ...] = ()
    """The organisations the text names only to exclude them, by name (ids kept in JSON)."""


_T = TypeVar("_T")


def _pick(by_id: dict[str, _T], ids: Iterable[str]) -> tuple[_T, ...]:
    return tuple(by_id[i] for i in ids if i in by_id)


def _indicateur_vue(registry: Registry, eng: Engagement, ind: Indicateur,
                    as_of: date) -> IndicateurVue:
    mesures = indicator_measures(registry, eng, ind, as_of)
    return IndicateurVue(ind, max(mesures, key=lambda m: m.date, default=None), mesures,
                         is_computed(eng))


def build_engagement_fiche(
    registry: Registry, ident: str, as_of: date, horizon: int = DEFAULT_HORIZON_DAYS
) -> FicheEngagement:
    """Everything about one engagement as known on ``as_of``; unknown ``ident`` → French
    error with suggestions."""
    registry = snapshot(registry, as_of)
    engagements = {e.id: e for e in registry.engagements}
    eng = engagements[resolve_id("engagement", ident, engagements)]
    conv = registry.convention
    echeances = echeances_by_engagement(compute_echeances(registry, as_of, horizon))
    parties = {p.id: p for p in registry.parties}
    return FicheEngagement(
        as_of=as_of, horizon=horizon, engagement=eng,
        parties=_pick(parties, eng.parties),
        participants=_pick(parties, eng.participants),
        objectifs=_pick({o.id: o for o in conv.objectifs} if conv else {}, eng.objectifs),
        operateurs=_pick({o.id: o for o in registry.operateurs}, eng.operateurs),
        territoires=_pick({t.id: t for t in registry.territoires}, eng.territoires),
        indicateurs=tuple(_indicateur_vue(registry, eng, ind, as_of)
                          for ind in eng.indicateurs),
        journal=sorted_journal(eng.journal),
        groupes=tuple(g for g in registry.groupes_travail if eng.id in g.engagements),
        debouche_sur=_pick(engagements, eng.peut_deboucher_sur),
        decoule_de=tuple(e for e in registry.engagements if eng.id in e.peut_deboucher_sur),
        echeances=tuple(echeances.get(eng.id, [])),
        exclus=organisation_names(organisation_labels(registry), eng.exclus),
    )


def engagement_fiche_to_json(fiche: FicheEngagement) -> dict[str, Any]:
    eng = fiche.engagement
    return {
        "format": FICHES_JSON_FORMAT,
        "as_of": fiche.as_of.isoformat(),
        "horizon_jours": fiche.horizon,
        "engagement": {
            "id": eng.id,
            "libelle": eng.libelle,
            "clause": eng.clause,
            "citation": eng.citation,
            "parties": [{"id": p.id, "nom": p.nom, "sigle": p.sigle} for p in fiche.parties],
            "objectifs": [{"id": o.id, "numero": o.numero, "libelle": o.libelle}
                          for o in fiche.objectifs],
            "operateurs": [{"id": o.id, "nom": o.nom, "sigle": o.sigle}
                           for o in fiche.operateurs],
            "territoires": [{"id": t.id, "nom": t.nom} for t in fiche.territoires],
            "tous_territoires": not eng.territoires,
            "participants": list(eng.participants),
            "exclus": list(eng.exclus),
            "debut": iso(eng.debut),
            "lectures": lectures_json(eng),
            "statut": eng.statut,
            "statut_libelle": STATUT_LABELS[eng.statut],
            "echeance": iso(eng.echeance),
            "echeance_libelle": eng.echeance_libelle,
            "recurrence": eng.recurrence,
            "regle": eng.regle,
            "qualitatif": eng.qualitatif,
            "confidentiel": eng.confidentiel,
            "indicateurs": [
                {**vue.indicateur.model_dump(mode="json", exclude={"mesures"}),
                 "calcule": vue.calcule,
                 "mesures": [m.to_json() for m in vue.mesures],
                 "derniere_mesure": vue.derniere_mesure.to_json()
                 if vue.derniere_mesure else None,
                 "nombre_mesures": len(vue.mesures)}
                for vue in fiche.indicateurs
            ],
            "journal": [entry.model_dump(mode="json") for entry in fiche.journal],
            "preuves": [p.model_dump(mode="json") for p in eng.preuves],
            "groupes_travail": [{"id": g.id, "numero": g.numero, "libelle": g.libelle}
                                for g in fiche.groupes],
            "peut_deboucher_sur": [{"id": e.id, "libelle": e.libelle}
                                   for e in fiche.debouche_sur],
            "peut_decouler_de": [{"id": e.id, "libelle": e.libelle} for e in fiche.decoule_de],
            "sources": list(eng.sources),
            "note": eng.note,
            "echeances": [echeance_to_json(e) for e in fiche.echeances],
        },
    }


def _quantity(value: int | float, unite: str | None) -> str:
    return f"{format_number(value)} {unite}" if unite else format_number(value)


def _indicateur_element(vue: IndicateurVue) -> Element:
    ind = vue.indicateur
    target = "cible : " + (_quantity(ind.cible, ind.unite) if ind.cible is not None
                           else "aucune")
    if ind.periode:
        target += f" (période : {ind.periode})"
    mesure = vue.derniere_mesure
    latest = (f"dernière mesure : {_quantity(mesure.valeur, ind.unite)} au "
              f"{format_date(mesure.date)} (source : {mesure.source})"
              if mesure else "aucune mesure")
    if vue.calcule:
        latest = f"indicateur calculé ; {latest}"
    return Element(f"{ind.libelle} ({ind.id})", (f"{ind.type} ; {target}", latest))


def _organisations_fr(entries: Iterable[Partie | Operateur]) -> str:
    """``UNML (Union nationale des missions locales), DGOM (…)``: parties, participants
    and operators of the fiche, all labelled alike."""
    return ", ".join(organisation_label(e) for e in entries)


def _main_fields(fiche: FicheEngagement) -> tuple[tuple[str, str], ...]:
    eng = fiche.engagement
    fields = [("clause", eng.clause)]
    if eng.citation:
        fields.append(("citation", f"« {eng.citation} »"))
    fields.append(("parties", _organisations_fr(fiche.parties)))
    if fiche.participants:
        fields.append(("participants", _organisations_fr(fiche.participants)))
    if fiche.exclus:
        fields.append(("exclus par le texte", ", ".join(fiche.exclus)))
    if fiche.operateurs:
        fields.append(("opérateurs", _organisations_fr(fiche.operateurs)))
    fields.append(("territoires", ", ".join(t.nom for t in fiche.territoires) or "tous"))
    fields.append(("statut", STATUT_LABELS[eng.statut]))
    if eng.debut:
        fields.append(("début", format_date(eng.debut)))
    if eng.echeance:
        when = format_date(eng.echeance)
        fields.append(("échéance", f"{when} ({eng.echeance_libelle})"
                       if eng.echeance_libelle else when))
    if eng.recurrence:
        fields.append(("récurrence", RECURRENCE_LABELS[eng.recurrence]))
    if eng.regle:
        fields.append(("règle", f"{REGLE_LABELS[eng.regle]} (échéances calculées)"))
    if eng.confidentiel:
        fields.append(("confidentiel", "oui"))
    return tuple(fields)


def _ref_elements(entries: Iterable[Engagement | GroupeTravail]) -> tuple[Element, ...]:
    return tuple(Element(f"{e.id} : {e.libelle}") for e in entries)


def engagement_fiche_document(fiche: FicheEngagement) -> FicheDocument:
    eng = fiche.engagement
    indicator_gap = ("engagement qualitatif : aucun indicateur chiffré" if eng.qualitatif
                     else "aucun indicateur")
    sources = [Element(s) for s in eng.sources]
    if eng.note:
        sources.append(Element(f"note : {eng.note}"))
    return FicheDocument(
        titre=f"Engagement {eng.id}",
        sous_titre=eng.libelle,
        sections=(
            Section(champs=_main_fields(fiche)),
            Section("Objectifs", elements=objectif_elements(fiche.objectifs)),
            Section("Indicateurs", elements=tuple(_indicateur_element(v)
                                                  for v in fiche.indicateurs),
                    vide=indicator_gap),
            Section("Journal", elements=tuple(journal_element(e) for e in fiche.journal),
                    vide="aucune entrée"),
            Section("Preuves", elements=tuple(Element(preuve_fr(p)) for p in eng.preuves),
                    vide="aucune preuve"),
            Section("Groupes de travail", elements=_ref_elements(fiche.groupes),
                    vide="aucun groupe de travail"),
            Section("Peut déboucher sur", elements=_ref_elements(fiche.debouche_sur),
                    vide="aucun engagement"),
            *((Section("Peut découler de", elements=_ref_elements(fiche.decoule_de)),)
              if fiche.decoule_de else ()),
            *((Section("Lectures du registre (ce que le texte ne dit pas)",
                       elements=tuple(Element(f"{line} ({lu.champ})") for lu, line in zip(
                           lectures_of(eng), lecture_lines(eng), strict=True))),)
              if eng.lectures else ()),
            Section("Sources et notes", elements=tuple(sources), vide="aucune"),
            Section(f"Échéances au {format_date(fiche.as_of)}", elements=tuple(
                Element(f"{format_date(e.date)} — {e.libelle} : {e.etat.value}",
                        (f"honorée le {format_date(e.honneur.date)} ({e.honneur.origine})",)
                        if e.honneur else ())
                for e in fiche.echeances), vide="aucune échéance datée"),
        ),
    )
