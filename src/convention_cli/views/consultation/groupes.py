"""``convention gt`` (the working groups of the annex) and ``convention gt ID``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from convention_cli.domain.snapshot import snapshot
from convention_cli.load.registry import Registry
from convention_cli.models import (
    Engagement,
    EntreeJournal,
    GroupeTravail,
    Objectif,
    Projet,
    Reunion,
)
from convention_cli.views.blocks import Element, FicheDocument, Section, Tableau
from convention_cli.views.consultation.common import (
    FICHES_JSON_FORMAT,
    iso,
    journal_element,
    objectif_elements,
    resolve_id,
    sorted_journal,
)
from convention_cli.views.consultation.suivi import record_to_json, suivi_sections
from convention_cli.views.groupes_travail import GroupeTravailRow, groupe_travail_rows
from convention_cli.vocab import (
    GT_STATUT_LABELS,
    NONE,
    STATUT_LABELS,
    date_or_dash,
    format_date,
    plural,
)

# --- convention gt -------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupeRow:
    """A line of ``convention gt``: the follow-up row ``status`` and the passation show,
    with the annex theme the group works on."""

    suivi: GroupeTravailRow
    theme_numero: int
    theme: str | None
    """The annex theme's text, verbatim (convention.themes_annexe)."""


def _themes(registry: Registry) -> dict[int, str]:
    conv = registry.convention
    return {t.numero: t.libelle for t in conv.themes_annexe} if conv else {}


def build_group_list(registry: Registry, as_of: date) -> tuple[GroupeRow, ...]:
    """The working groups as known on ``as_of`` (status, last entry)."""
    registry = snapshot(registry, as_of)
    themes = _themes(registry)
    return tuple(GroupeRow(row, g.theme, themes.get(g.theme))
                 for g, row in zip(registry.groupes_travail, groupe_travail_rows(registry),
                                   strict=True))


def group_list_to_json(lignes: tuple[GroupeRow, ...]) -> dict[str, Any]:
    return {
        "format": FICHES_JSON_FORMAT,
        "groupes_travail": [_list_line_json(line) for line in lignes],
    }


def group_list_table(lignes: tuple[GroupeRow, ...]) -> Tableau:
    return Tableau(
        titre="Groupes de travail (thèmes de l'annexe)",
        entetes=("n°", "identifiant", "libellé", "thème de l'annexe", "statut", "engagements",
                 "dernière entrée"),
        lignes=tuple(_list_line_cells(line) for line in lignes),
        notes=(f"{plural(len(lignes), 'groupe')} de travail.",),
    )


def _list_line_json(line: GroupeRow) -> dict[str, Any]:
    row = line.suivi
    return {"id": row.id, "numero": row.numero, "libelle": row.libelle,
            "theme": line.theme_numero, "theme_libelle": line.theme,
            "statut": row.statut, "statut_libelle": row.statut_libelle,
            "engagements": row.engagements, "derniere_entree": iso(row.derniere_entree)}


def _list_line_cells(line: GroupeRow) -> tuple[str, ...]:
    row = line.suivi
    return (str(row.numero), row.id, row.libelle, line.theme or NONE, row.statut_libelle,
            str(row.engagements), date_or_dash(row.derniere_entree))


# --- convention gt ID ------------------------------------------------------------------------


@dataclass(frozen=True)
class FicheGroupe:
    groupe: GroupeTravail
    theme: str | None
    objectifs: tuple[Objectif, ...]
    engagements: tuple[Engagement, ...]
    journal: tuple[EntreeJournal, ...]
    reunions: tuple[Reunion, ...]
    projets: tuple[Projet, ...] = ()
    """Innovation projects followed by this group (theme 3 of the annex)."""


def build_group_fiche(registry: Registry, ident: str, as_of: date) -> FicheGroupe:
    """One working group, by id (``gt-3``) or number (``3``), as known on ``as_of``."""
    registry = snapshot(registry, as_of)
    by_id = {g.id: g for g in registry.groupes_travail}
    by_id.update((str(g.numero), g) for g in registry.groupes_travail)
    groupe = by_id[resolve_id("groupe de travail", ident, by_id)]
    conv = registry.convention
    objectifs = {o.id: o for o in conv.objectifs} if conv else {}
    engagements = {e.id: e for e in registry.engagements}
    return FicheGroupe(
        groupe=groupe,
        theme=_themes(registry).get(groupe.theme),
        objectifs=tuple(objectifs[o] for o in groupe.objectifs if o in objectifs),
        engagements=tuple(engagements[e] for e in groupe.engagements if e in engagements),
        journal=sorted_journal(groupe.journal),
        reunions=tuple(sorted((r for r in registry.reunions if r.groupe_travail == groupe.id),
                              key=lambda r: r.date)),
        projets=tuple(p for p in registry.projets if p.groupe_travail == groupe.id),
    )


def group_fiche_to_json(fiche: FicheGroupe) -> dict[str, Any]:
    groupe = fiche.groupe
    return {
        "format": FICHES_JSON_FORMAT,
        "groupe_travail": {
            "id": groupe.id, "numero": groupe.numero, "libelle": groupe.libelle,
            "clause": groupe.clause, "theme": groupe.theme, "theme_libelle": fiche.theme,
            "statut": groupe.statut, "statut_libelle": GT_STATUT_LABELS[groupe.statut],
            "objectifs": [{"id": o.id, "numero": o.numero, "libelle": o.libelle}
                          for o in fiche.objectifs],
            "engagements": [{"id": e.id, "libelle": e.libelle, "statut": e.statut,
                             "statut_libelle": STATUT_LABELS[e.statut]}
                            for e in fiche.engagements],
            "journal": [entry.model_dump(mode="json") for entry in fiche.journal],
            "reunions": [{"id": r.id, "date": r.date.isoformat(), "lieu": r.lieu}
                         for r in fiche.reunions],
            "projets": [record_to_json(p) for p in fiche.projets],
        },
    }


def group_fiche_document(fiche: FicheGroupe) -> FicheDocument:
    groupe = fiche.groupe
    return FicheDocument(
        titre=f"Groupe de travail {groupe.id} (n° {groupe.numero})",
        sous_titre=groupe.libelle,
        sections=(
            Section(champs=(
                ("clause", groupe.clause),
                ("statut", GT_STATUT_LABELS[groupe.statut]),
                (f"thème {groupe.theme} de l'annexe",
                 f"« {fiche.theme} »" if fiche.theme else NONE),
            )),
            Section("Objectifs", elements=objectif_elements(fiche.objectifs)),
            Section(f"Engagements liés ({len(fiche.engagements)})", elements=tuple(
                Element(f"{e.id} : {e.libelle} — {STATUT_LABELS[e.statut]}")
                for e in fiche.engagements), vide="aucun engagement"),
            Section("Journal", elements=tuple(journal_element(e) for e in fiche.journal),
                    vide="aucune entrée"),
            Section("Réunions", elements=tuple(
                Element(f"{format_date(r.date)} — {r.id}" + (f" ({r.lieu})" if r.lieu else ""))
                for r in fiche.reunions), vide="aucune réunion enregistrée"),
            *suivi_sections(fiche.projets),
        ),
    )
