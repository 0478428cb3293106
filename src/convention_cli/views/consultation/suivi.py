"""Innovation projects (II, annex theme 3) and evaluation requests (II.3.1) in the views:
one element and one JSON shape each, shared by ``territoire``, ``gt``, the bilans and the
passation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from convention_cli.load.registry import Registry
from convention_cli.models import DemandeEvaluation, Projet
from convention_cli.views.blocks import Element, Section
from convention_cli.views.public import visible_suivis
from convention_cli.vocab import EVALUATION_STATUT_LABELS, PROJET_STATUT_LABELS, format_date


def _last_entry(record: Projet | DemandeEvaluation, public: bool) -> str | None:
    entries = [e for e in record.journal if not (public and e.confidentiel)]
    if not entries:
        return None
    last = max(entries, key=lambda e: e.date)
    return f"dernière entrée : {format_date(last.date)} — {last.texte}"


def projet_element(projet: Projet, public: bool = False) -> Element:
    flag = "[confidentiel] " if projet.confidentiel else ""
    where = projet.territoire + (f", {projet.mission_locale}" if projet.mission_locale else "")
    details = [f"statut : {PROJET_STATUT_LABELS[projet.statut]} ; relayé le "
               f"{format_date(projet.date)} ; {where}"]
    if projet.fonds:
        details.append(f"fonds visé : {projet.fonds}")
    details.append(f"source : {projet.source}")
    if (last := _last_entry(projet, public)) is not None:
        details.append(last)
    return Element(f"{flag}{projet.id} : {projet.titre}", tuple(details))


def evaluation_element(demande: DemandeEvaluation, public: bool = False) -> Element:
    flag = "[confidentiel] " if demande.confidentiel else ""
    details = [f"statut : {EVALUATION_STATUT_LABELS[demande.statut]} ; reçue le "
               f"{format_date(demande.date)} ; {demande.mission_locale}",
               f"source : {demande.source}"]
    if (last := _last_entry(demande, public)) is not None:
        details.append(last)
    return Element(f"{flag}{demande.id} : {demande.objet}", tuple(details))


def suivi_sections(projets: Sequence[Projet],
                   evaluations: Sequence[DemandeEvaluation] = ()) -> tuple[Section, ...]:
    """The « Projets innovants (n) » and « Demandes d'évaluation (n) » sections of a fiche,
    each only when it lists something."""
    sections = []
    if projets:
        sections.append(Section(f"Projets innovants ({len(projets)})",
                                elements=tuple(projet_element(p) for p in projets)))
    if evaluations:
        sections.append(Section(f"Demandes d'évaluation ({len(evaluations)})",
                                elements=tuple(evaluation_element(d) for d in evaluations)))
    return tuple(sections)


def record_to_json(record: Projet | DemandeEvaluation) -> dict[str, Any]:
    labels = PROJET_STATUT_LABELS if isinstance(record, Projet) else EVALUATION_STATUT_LABELS
    return {**record.model_dump(mode="json"), "statut_libelle": labels[record.statut]}


@dataclass(frozen=True)
class SuiviRow:
    """A project or an evaluation request, as a row of a document's table."""

    nature: str
    id: str
    libelle: str
    statut: str
    date: date
    lieu: str


def suivi_rows(registry: Registry, public: bool) -> tuple[SuiviRow, ...]:
    """Projects then evaluation requests of ``registry`` (a snapshot), section VI applied."""
    rows = [SuiviRow("projet innovant (II)", p.id, p.titre,
                       PROJET_STATUT_LABELS[p.statut], p.date,
                       p.mission_locale or p.territoire)
            for p in visible_suivis(registry.projets, public)]
    rows += [SuiviRow("demande d'évaluation (II.3.1)", d.id, d.objet,
                        EVALUATION_STATUT_LABELS[d.statut], d.date, d.mission_locale)
             for d in visible_suivis(registry.evaluations, public)]
    return tuple(rows)
