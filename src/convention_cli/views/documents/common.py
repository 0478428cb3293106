"""Pieces shared by the documents: échéance and journal rows (filtered by ``views.public``)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from convention_cli.domain.echeances import Echeance, Etat
from convention_cli.load.registry import Registry
from convention_cli.models import Engagement, EntreeJournal, GroupeTravail, Preuve, Reunion
from convention_cli.views.public import journal_author, visible_journal, visible_preuves
from convention_cli.vocab import INSTANCE_LABELS, STATUT_LABELS


@dataclass(frozen=True)
class EcheanceDocumentRow:
    id: str
    date: datetime.date
    libelle: str
    parties: str
    source: str
    etat: str
    en_retard: bool
    honoree_le: datetime.date | None


@dataclass(frozen=True)
class JournalRow:
    date: datetime.date
    engagement: str
    texte: str
    auteur: str | None
    statut: str | None
    preuves: tuple[PreuveRow, ...]


@dataclass(frozen=True)
class PreuveRow:
    libelle: str
    url: str
    date: datetime.date | None


def echeance_row(echeance: Echeance, names: dict[str, str]) -> EcheanceDocumentRow:
    return EcheanceDocumentRow(
        id=echeance.id, date=echeance.date, libelle=echeance.libelle,
        parties=", ".join(names.get(p, p) for p in echeance.parties), source=echeance.source,
        etat=echeance.etat.value, en_retard=echeance.etat is Etat.EN_RETARD,
        honoree_le=echeance.honneur.date if echeance.honneur else None,
    )


def preuve_rows(preuves: Iterable[Preuve], public: bool) -> tuple[PreuveRow, ...]:
    return tuple(PreuveRow(p.libelle, p.url, p.date) for p in visible_preuves(preuves, public))


def journal_rows(
    owners: Iterable[Engagement | GroupeTravail], public: bool,
    start: datetime.date | None = None, end: datetime.date | None = None,
) -> list[JournalRow]:
    """Journal entries of engagements or working groups, dated within [start, end],
    oldest first. In a public document confidential entries are left out, and an entry's
    author (often a person) gives way to its source: no personal name leaves the registry."""
    rows = []
    for owner in owners:
        for entry in visible_journal(owner, public):
            if (start and entry.date < start) or (end and entry.date > end):
                continue
            rows.append(_journal_row(owner.id, entry, public))
    rows.sort(key=lambda r: (r.date, r.engagement))
    return rows


def _journal_row(owner_id: str, entry: EntreeJournal, public: bool) -> JournalRow:
    return JournalRow(
        date=entry.date, engagement=owner_id, texte=entry.texte,
        auteur=journal_author(entry, public),
        statut=STATUT_LABELS[entry.statut] if entry.statut else None,
        preuves=preuve_rows(entry.preuves, public),
    )


def statut_at(engagement: Engagement, day: datetime.date) -> str:
    """The status a source showed on ``day``: the last journal status dated up to it
    (« non renseigné » when no entry up to that day states one)."""
    status = "non_renseigne"
    for entry in sorted(engagement.journal, key=lambda e: e.date):
        if entry.date > day:
            break
        if entry.statut is not None:
            status = entry.statut
    return status


# --- shared by the passation and the public communication -------------------------------



def instance_label(reunion: Reunion, registry: Registry) -> str:
    """``Commission ultramarine``, ``Groupe de travail n° 5``…"""
    if reunion.instance == "groupe_travail" and reunion.groupe_travail is not None:
        numbers = {g.id: g.numero for g in registry.groupes_travail}
        if reunion.groupe_travail in numbers:
            return f"Groupe de travail n° {numbers[reunion.groupe_travail]}"
    return INSTANCE_LABELS[reunion.instance]


def year_before(day: datetime.date) -> datetime.date:
    """The same day a year earlier (28 February for a 29 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def reference_labels(registry: Registry) -> dict[str, str]:
    """What a document shows instead of an identifier: an engagement's or a group's
    label, « Commission ultramarine du 12 mars 2024 » for a meeting, an action's text."""
    from convention_cli.vocab import format_date

    labels: dict[str, str] = {e.id: e.libelle for e in registry.engagements}
    labels.update({g.id: f"Groupe de travail n° {g.numero} : {g.libelle}"
                   for g in registry.groupes_travail})
    for reunion in registry.reunions:
        labels[reunion.id] = f"{instance_label(reunion, registry)} du {format_date(reunion.date)}"
        labels.update({a.id: a.texte for a in reunion.actions})
    for owner in (*getattr(registry, "projets", ()), *getattr(registry, "evaluations", ())):
        text = getattr(owner, "libelle", None) or getattr(owner, "objet", None)
        if isinstance(text, str):
            labels[owner.id] = text
    return labels
