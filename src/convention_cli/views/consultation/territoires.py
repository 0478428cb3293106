"""``convention territoires`` and ``convention territoire ID``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from convention_cli.domain.queries import territory_id
from convention_cli.domain.snapshot import snapshot
from convention_cli.load.registry import Registry
from convention_cli.models import (
    DemandeEvaluation,
    HorsPerimetre,
    Operateur,
    Partie,
    Projet,
    Territoire,
)
from convention_cli.views.blocks import Element, FicheDocument, Section, Tableau
from convention_cli.views.consultation.common import FICHES_JSON_FORMAT, fait_fr, resolve_id
from convention_cli.views.consultation.suivi import record_to_json, suivi_sections
from convention_cli.vocab import CONFIANCE_LABELS, NONE, plural

RSMA_OPERATEUR = "sma"
"""The operator whose regiment each territory's ``rsma`` fact names (Préambule, II.1)."""


def _arml_ids(territoire: Territoire) -> tuple[str, ...]:
    return tuple(dict.fromkeys(ml.arml for ml in territoire.missions_locales))


def _arml_fr(partie: Partie) -> str:
    aliases = "".join(f" ; aussi « {a.nom} » depuis {a.depuis} (confiance "
                      f"{CONFIANCE_LABELS[a.confiance]})" for a in partie.alias)
    return f"{partie.sigle} ({partie.nom}){aliases}"


# --- convention territoires ------------------------------------------------------------------


@dataclass(frozen=True)
class ListeTerritoires:
    territoires: tuple[Territoire, ...]
    armls: dict[str, Partie]
    hors_perimetre: tuple[HorsPerimetre, ...]


def build_territory_list(registry: Registry, as_of: date) -> ListeTerritoires:
    """The territories of the registry as known on ``as_of``."""
    registry = snapshot(registry, as_of)
    return ListeTerritoires(
        tuple(registry.territoires), {p.id: p for p in registry.parties},
        tuple(registry.hors_perimetre))


def territory_list_to_json(view: ListeTerritoires) -> dict[str, Any]:
    return {
        "format": FICHES_JSON_FORMAT,
        "territoires": [
            {"id": t.id, "nom": t.nom, "statut": t.statut, "code_insee": t.code_insee,
             "iso_3166_1": t.iso_3166_1, "nombre_missions_locales": t.nombre_missions_locales,
             "armls": list(_arml_ids(t)), "rsma": t.rsma.model_dump(mode="json")}
            for t in view.territoires
        ],
        "hors_perimetre": [h.model_dump(mode="json") for h in view.hors_perimetre],
    }


def territory_list_table(view: ListeTerritoires) -> Tableau:
    def armls(territoire: Territoire) -> str:
        return ", ".join(view.armls[a].sigle if a in view.armls else a
                         for a in _arml_ids(territoire))

    rows: list[tuple[str, ...]] = [
        (t.id, t.nom, t.statut, t.code_insee, str(t.nombre_missions_locales), armls(t),
         fait_fr(t.rsma)) for t in view.territoires]
    rows += [(h.id, h.nom, "hors périmètre", NONE, str(h.nombre_missions_locales), NONE,
              NONE) for h in view.hors_perimetre]
    covered = plural(len(view.territoires), "territoire couvert", "territoires couverts")
    notes = [f"{covered} par la convention."]
    notes += [f"{h.nom} : hors du périmètre de la convention ({h.clause}), citée pour "
              f"mémoire." for h in view.hors_perimetre]
    return Tableau(
        titre="Territoires de la convention",
        entetes=("identifiant", "territoire", "statut", "code INSEE", "missions locales",
                 "ARML", "RSMA"),
        lignes=tuple(rows), notes=tuple(notes))


# --- convention territoire ID ------------------------------------------------------------------


@dataclass(frozen=True)
class OperateurLie:
    operateur: Operateur
    raisons: tuple[str, ...]
    """Why the operator relates to the territory (its regiment, a detail naming it)."""


@dataclass(frozen=True)
class FicheTerritoire:
    territoire: Territoire
    armls: tuple[Partie, ...]
    operateurs: tuple[OperateurLie, ...]
    engagements: tuple[str, ...]
    """Engagements for every territory (empty ``territoires``) or naming this one."""
    projets: tuple[Projet, ...] = ()
    evaluations: tuple[DemandeEvaluation, ...] = ()


def _related_operators(registry: Registry, territoire: Territoire) -> tuple[OperateurLie, ...]:
    related = []
    name = territoire.nom.casefold()
    for operateur in registry.operateurs:
        reasons = [f"régiment : {fait_fr(territoire.rsma)}"] \
            if operateur.id == RSMA_OPERATEUR else []
        reasons += [fait_fr(d) for d in operateur.details
                    if name in f"{d.valeur or ''} {d.note or ''}".casefold()]
        if reasons:
            related.append(OperateurLie(operateur, tuple(reasons)))
    return tuple(related)


def build_territory_fiche(
    registry: Registry, ident: str, as_of: date
) -> FicheTerritoire | HorsPerimetre:
    """One territory, by id or INSEE code, as known on ``as_of``; a territory outside
    the agreement as it is."""
    registry = snapshot(registry, as_of)
    outside = {h.id: h for h in registry.hors_perimetre}
    if ident in outside:
        return outside[ident]
    by_id = {t.id: t for t in registry.territoires}
    known = [*by_id, *(t.code_insee for t in registry.territoires), *outside]
    territoire = by_id[territory_id(registry, resolve_id("territoire", ident, known)) or ""]
    parties = {p.id: p for p in registry.parties}
    return FicheTerritoire(
        territoire=territoire,
        armls=tuple(parties[a] for a in _arml_ids(territoire) if a in parties),
        operateurs=_related_operators(registry, territoire),
        engagements=tuple(e.id for e in registry.engagements
                          if not e.territoires or territoire.id in e.territoires),
        projets=tuple(p for p in registry.projets if p.territoire == territoire.id),
        evaluations=tuple(d for d in registry.evaluations
                          if d.mission_locale in {m.id for m in territoire.missions_locales}),
    )


def territory_fiche_to_json(fiche: FicheTerritoire | HorsPerimetre) -> dict[str, Any]:
    if isinstance(fiche, HorsPerimetre):
        return {"format": FICHES_JSON_FORMAT,
                "hors_perimetre": fiche.model_dump(mode="json")}
    return {
        "format": FICHES_JSON_FORMAT,
        "territoire": {
            **fiche.territoire.model_dump(mode="json"),
            "armls": [{"id": p.id, "nom": p.nom, "sigle": p.sigle,
                       "alias": [a.model_dump(mode="json") for a in p.alias]}
                      for p in fiche.armls],
            "operateurs_lies": [{"id": o.operateur.id, "nom": o.operateur.nom,
                                 "sigle": o.operateur.sigle, "raisons": list(o.raisons)}
                                for o in fiche.operateurs],
            "engagements": {"nombre": len(fiche.engagements), "ids": list(fiche.engagements)},
            "projets": [record_to_json(p) for p in fiche.projets],
            "evaluations": [record_to_json(d) for d in fiche.evaluations],
        },
    }


def _outside_document(hors: HorsPerimetre) -> FicheDocument:
    return FicheDocument(
        titre=f"Territoire {hors.id}", sous_titre=f"{hors.nom} — hors du périmètre de la "
        "convention",
        sections=(Section(champs=(
            ("clause", hors.clause),
            ("citation", f"« {hors.citation} »"),
            ("missions locales", str(hors.nombre_missions_locales)),
            ("structures", fait_fr(hors.structures)),
        )),),
    )


def territory_fiche_document(fiche: FicheTerritoire | HorsPerimetre) -> FicheDocument:
    if isinstance(fiche, HorsPerimetre):
        return _outside_document(fiche)
    terr = fiche.territoire
    sigles = {p.id: p.sigle for p in fiche.armls}
    missions = []
    for ml in terr.missions_locales:
        details = [f"nom : {fait_fr(ml.nom)}", f"siège : {fait_fr(ml.ville_siege)}",
                   f"ARML : {sigles.get(ml.arml, ml.arml)}"
                   + (f", depuis {fait_fr(ml.arml_depuis)}" if ml.arml_depuis else "")]
        if ml.note:
            details.append(f"note : {ml.note}")
        missions.append(Element(f"{ml.id} : {ml.designation}", tuple(details)))
    return FicheDocument(
        titre=f"Territoire {terr.id}",
        sous_titre=terr.nom,
        sections=(
            Section(champs=(
                ("statut", terr.statut),
                ("code INSEE", terr.code_insee),
                ("code ISO 3166-1", terr.iso_3166_1),
                ("missions locales", f"{terr.nombre_missions_locales} selon la convention "
                                     f"({terr.clause})"),
                ("RSMA", fait_fr(terr.rsma)),
                ("source du statut", terr.statut_source),
            )),
            Section(f"Missions locales ({len(terr.missions_locales)})",
                    elements=tuple(missions), vide="aucune mission locale"),
            Section("ARML", elements=tuple(Element(f"{p.id} : {_arml_fr(p)}")
                                           for p in fiche.armls), vide="aucune ARML"),
            Section("Opérateurs liés", elements=tuple(
                Element(f"{o.operateur.id} : {o.operateur.sigle} ({o.operateur.nom})",
                        o.raisons) for o in fiche.operateurs), vide="aucun opérateur"),
            Section("Engagements concernés", champs=(
                ("nombre", f"{len(fiche.engagements)} (tous territoires ou celui-ci)"),
                ("identifiants", ", ".join(fiche.engagements) or NONE),
            )),
            *suivi_sections(fiche.projets, fiche.evaluations),
        ),
    )


