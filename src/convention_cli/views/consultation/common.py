"""French formatting shared by the consultation views: dates, facts, journal, proofs.

Facts the agreement does not state are shown with their confidence, and « non
vérifié » when unconfirmed: a value is never guessed.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from convention_cli.domain.echeances import Echeance
from convention_cli.domain.queries import unknown_message
from convention_cli.errors import UserError
from convention_cli.models import EntreeJournal, Fait, Objectif, Preuve
from convention_cli.views.blocks import Element
from convention_cli.vocab import (
    CONFIANCE_LABELS,
    EVALUATION_STATUT_LABELS,
    GT_STATUT_LABELS,
    PROJET_STATUT_LABELS,
    STATUT_LABELS,
    format_date,
)

FICHES_JSON_FORMAT = 1
"""Version of the JSON shapes below; changes when a shape does."""



def iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def fait_fr(fait: Fait) -> str:
    """``Les Abymes (confiance moyenne)``, or « non vérifié »: a value is never guessed."""
    if fait.confiance == "non_verifie" or fait.valeur is None:
        return "non vérifié"
    return f"{fait.valeur} (confiance {CONFIANCE_LABELS[fait.confiance]})"


def echeance_fr(echeance: Echeance) -> str:
    """``30 juin 2026 (à venir)``."""
    return f"{format_date(echeance.date)} ({echeance.etat.value})"


def resolve_id(kind: str, value: str, known: Iterable[str]) -> str:
    """``value`` if it is a known id; otherwise a French error with the closest ids."""
    ids = list(known)
    if value not in ids:
        raise UserError(unknown_message(kind, value, ids))
    return value


JOURNAL_STATUT_LABELS: dict[str, str] = {
    **EVALUATION_STATUT_LABELS, **PROJET_STATUT_LABELS, **GT_STATUT_LABELS, **STATUT_LABELS}
"""A status noted in any journal (engagement, working group, project, evaluation)."""


def journal_element(entry: EntreeJournal) -> Element:
    flag = "[confidentiel] " if entry.confidentiel else ""
    details = []
    who = " ; ".join(part for part in (
        f"auteur : {entry.auteur}" if entry.auteur else "",
        f"source : {entry.source}" if entry.source else "",
    ) if part)
    if who:
        details.append(who)
    if entry.parties:
        details.append("parties : " + ", ".join(entry.parties))
    if entry.statut:
        details.append(f"statut noté : {JOURNAL_STATUT_LABELS.get(entry.statut, entry.statut)}")
    if entry.echeance:
        details.append(f"honore l'échéance {entry.echeance}")
    details += [f"preuve : {preuve_fr(p)}" for p in entry.preuves]
    return Element(f"{format_date(entry.date)} — {flag}{entry.texte}", tuple(details))


def preuve_fr(preuve: Preuve) -> str:
    when = f", {format_date(preuve.date)}" if preuve.date else ""
    flag = " [confidentiel]" if preuve.confidentiel else ""
    return f"{preuve.libelle} ({preuve.url}{when}){flag}"


def objectif_elements(objectifs: Iterable[Objectif]) -> tuple[Element, ...]:
    return tuple(Element(f"Objectif {o.numero} : {o.libelle} ({o.id})") for o in objectifs)


def sorted_journal(journal: Iterable[EntreeJournal]) -> tuple[EntreeJournal, ...]:
    return tuple(sorted(journal, key=lambda e: e.date))


