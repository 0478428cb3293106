"""Pieces shared by the documents: one row type and one row builder per kind (échéance,
journal entry, engagement, meeting action, working group), filtered by ``views.public``.

Rows of the long tables are named tuples: the templates unpack them in their ``for``
loops, which spares the sandbox's check on every attribute access (about half of the
rendering time on the 10,000-engagement registry of bench/). Keep the field order in step
with the templates."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from convention_cli.domain.echeances import Echeance, Etat, Objet
from convention_cli.load.registry import Registry
from convention_cli.models import (
    Action,
    Engagement,
    EntreeJournal,
    GroupeTravail,
    Preuve,
    Reunion,
)
from convention_cli.views.lectures import row_readings
from convention_cli.views.public import (
    cited_sources,
    fact_value,
    journal_author,
    visible_actions,
    visible_journal,
    visible_preuves,
)
from convention_cli.vocab import (
    GT_STATUT_LABELS,
    INSTANCE_LABELS,
    STATUT_LABELS,
    format_date,
    owner_statut_label,
)


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
    reunion: str | None = None
    """The meeting that decided an action (its source, shown by the meeting's label)."""


class JournalRow(NamedTuple):
    """A journal entry of an engagement or a working group (``engagement``: its owner's id)."""

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
        reunion=echeance.reunion if echeance.objet is Objet.ACTION else None,
    )


_GENERATED_PREUVE = re.compile(
    r"^Preuve du (\d{4}-\d{2}-\d{2}|(?:1er|\d{1,2}) \w+ \d{4}) : .+$")
"""The label ``convention … --preuve`` gives a proof: « Preuve du 20 mai 2025 : <fichier> »
(« Preuve du AAAA-MM-JJ : <fichier> » in registries written before)."""


def preuve_label(libelle: str) -> str:
    """A proof's label as a sent document shows it: its own label, except the one the
    command line generates (« Preuve du 2024-07-15 : logement.pdf »), shown with its French
    date and without the file or page name (an identifier or a local file name; the link
    keeps the target): « Preuve du 15 juillet 2024 »."""
    match = _GENERATED_PREUVE.match(libelle)
    if match is None:
        return libelle
    day = match.group(1)
    if day[0:4].isdigit() and day[4] == "-":
        try:
            day = format_date(datetime.date.fromisoformat(day))
        except ValueError:
            return libelle
    return f"Preuve du {day}"


def preuve_rows(preuves: Iterable[Preuve], public: bool) -> tuple[PreuveRow, ...]:
    return tuple(PreuveRow(preuve_label(p.libelle), p.url, p.date)
                 for p in visible_preuves(preuves, public))


def journal_rows(
    owners: Iterable[Engagement | GroupeTravail], public: bool,
    start: datetime.date | None = None, end: datetime.date | None = None,
    *, bibliography: dict[str, tuple[str, str]],
) -> list[JournalRow]:
    """Journal entries of engagements or working groups, dated within [start, end],
    oldest first. In a public document confidential entries are left out, and an entry's
    author (often a person) gives way to its source: no personal name leaves the registry.
    A source cites the bibliography by name, never by id (:func:`cited_sources`)."""
    rows = []
    for owner in owners:
        for entry in visible_journal(owner, public):
            if (start and entry.date < start) or (end and entry.date > end):
                continue
            rows.append(_journal_row(owner, entry, public, bibliography))
    rows.sort(key=lambda r: (r.date, r.engagement))
    return rows


def _journal_row(
    owner: Engagement | GroupeTravail, entry: EntreeJournal, public: bool,
    bibliography: dict[str, tuple[str, str]],
) -> JournalRow:
    return JournalRow(
        date=entry.date, engagement=owner.id, texte=entry.texte,
        auteur=cited_sources(journal_author(entry, public), bibliography),
        statut=owner_statut_label(owner, entry.statut) if entry.statut else None,
        preuves=preuve_rows(entry.preuves, public),
    )


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


def place_names(registry: Registry, public: bool) -> dict[str, str]:
    """What a document shows instead of a territory's or a mission locale's id: the
    territory's name; the mission locale's name where its confidence allows
    (``views.public.fact_value``), else internally the registry's description, and in
    public « mission locale (nom non vérifié), <territory> »."""
    names = {t.id: t.nom for t in registry.territoires}
    for territory in registry.territoires:
        for mission in territory.missions_locales:
            names[mission.id] = fact_value(mission.nom, public) or (
                f"mission locale (nom non vérifié), {territory.nom}" if public
                else mission.designation)
    return names


def document_year(
    registry: Registry, year: int, as_of: datetime.date | None = None
) -> tuple[datetime.date, datetime.date]:
    """The part of ``year`` within the convention's period (first day, last day): the one
    check of the year of an annual document (bilan annuel, communication). A year outside
    the period, or one not begun on ``as_of`` (when given), is a usage error of the
    option (exit 2), said in French with the period."""
    from convention_cli.errors import UsageError
    from convention_cli.vocab import format_date

    conv = registry.convention
    end = registry.date_fin
    assert conv is not None
    assert end is not None
    start = conv.date_signature
    years = list(range(start.year, end.year + 1))
    if year not in years:
        raise UsageError(
            f"l'année {year} est hors de la période de la convention (du "
            f"{format_date(start)} au {format_date(end)}) : années possibles "
            f"{', '.join(str(y) for y in years[:-1])} et {years[-1]}")
    first = max(start, datetime.date(year, 1, 1))
    if as_of is not None and as_of < first:
        raise UsageError(f"l'année {year} n'a pas commencé au {format_date(as_of)} : "
                         "choisissez une date d'observation (--as-of) dans l'année")
    return first, min(end, datetime.date(year, 12, 31))


# --- engagements, meeting actions and working groups: one row builder each ----------------

class EngagementDocumentRow(NamedTuple):
    """An engagement as a document's table shows it."""

    id: str
    libelle: str
    parties: str
    statut: str
    """Status on the document's reference day (year end, or the as-of date)."""
    statut_actuel: str
    """Status the registry shows now."""
    objectifs: str = ""
    """« 1, 2 »: the objectives the engagement serves."""
    echeance: str | None = None
    """Its own échéance in the document's period, with its state (« 30 juin 2024, en retard »)."""
    lectures: tuple[str, ...] = ()
    """« lecture : … » lines where the engagement's date or state is a reading of the text
    (:func:`views.lectures.row_readings`; a document row never shows the rhythm)."""


@dataclass(frozen=True)
class EngagementSection:
    """An engagement with something recorded, shown once with its facts: named under its
    own heading, its journal entries, preuves and measures beneath (the bilans)."""

    ligne: EngagementDocumentRow
    journal: tuple[JournalRow, ...]
    preuves: tuple[PreuveRow, ...]
    """Preuves attached to the engagement itself (the annual bilan: dated in the year)."""
    mesures: tuple[str, ...] = ()
    """Its indicators' measures dated in the year (a computed count only when not nil)."""


def split_by_facts(
    sections: Iterable[EngagementSection],
) -> tuple[tuple[EngagementSection, ...], tuple[EngagementDocumentRow, ...]]:
    """The engagements with something recorded, each shown in its own section, and the
    rows of the others, shown in one table: each engagement once, named once."""
    with_facts, without = [], []
    for section in sections:
        if section.journal or section.preuves or section.mesures:
            with_facts.append(section)
        else:
            without.append(section.ligne)
    return tuple(with_facts), tuple(without)


def engagement_row(
    engagement: Engagement, statut: str, names: dict[str, str], *,
    objectifs: dict[str, int] | None = None, echeance: Echeance | None = None,
) -> EngagementDocumentRow:
    """``statut``: the status code on the document's reference day (from a snapshot);
    ``objectifs``: objective id → number, to list the objectives it serves."""
    numbers = sorted(objectifs[o] for o in engagement.objectifs if o in objectifs) \
        if objectifs else []
    return EngagementDocumentRow(
        id=engagement.id, libelle=engagement.libelle,
        parties=", ".join(names.get(p, p) for p in engagement.parties),
        statut=STATUT_LABELS[statut], statut_actuel=STATUT_LABELS[engagement.statut],
        objectifs=", ".join(str(n) for n in numbers),
        echeance=f"{format_date(echeance.date)}, {echeance.etat.value}" if echeance else None,
        lectures=row_readings(engagement, echeance, rythme=False),
    )


class ActionDocumentRow(NamedTuple):
    """A meeting action: owner, due date and state on the as-of day."""

    id: str
    texte: str
    responsable: str
    echeance: datetime.date
    cloture: datetime.date | None
    """The closing date, once reached on the as-of day."""
    etat: str
    """« close le 20 mai 2025 », « ouverte, en retard » or « ouverte »."""
    en_retard: bool
    reunion: str


def action_row(
    action: Action, reunion: str, names: dict[str, str], as_of: datetime.date
) -> ActionDocumentRow:
    closed = action.cloture if action.cloture is not None and action.cloture <= as_of else None
    late = closed is None and action.echeance < as_of
    state = (f"close le {format_date(closed)}" if closed
             else "ouverte, en retard" if late else "ouverte")
    return ActionDocumentRow(
        id=action.id, texte=action.texte,
        responsable=names.get(action.responsable, action.responsable),
        echeance=action.echeance, cloture=closed, etat=state, en_retard=late, reunion=reunion)


def open_action_rows(
    reunions: Iterable[Reunion], as_of: datetime.date, names: dict[str, str], public: bool
) -> list[ActionDocumentRow]:
    """The meeting actions still open on ``as_of``, late ones first, then by due date
    (section VI applied)."""
    rows = [row for reunion in reunions for action in visible_actions(reunion, public)
            if (row := action_row(action, reunion.id, names, as_of)).cloture is None]
    rows.sort(key=lambda a: (not a.en_retard, a.echeance))
    return rows


class GroupeDocumentRow(NamedTuple):
    """A working group of the annex: number, label, status."""

    id: str
    numero: int
    libelle: str
    statut: str


def groupe_row(group: GroupeTravail) -> GroupeDocumentRow:
    return GroupeDocumentRow(group.id, group.numero, group.libelle,
                             GT_STATUT_LABELS[group.statut])
