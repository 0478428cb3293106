"""What a public output may show (section VI of the agreement): the one filter.

Every public output calls these functions and only these: ``echeances --public`` (table,
JSON, Markdown, iCalendar), ``agenda``/``bilan``/``passation --public``,
``communication``, and any later public output (site, office documents, exports). The
rules, in one place:

1. A confidential record (engagement, journal entry of an engagement or of a working
   group, meeting, decision, action, preuve) never appears: not its id, date, title,
   place, author or text.
2. A confidential record may still honour an échéance: the échéance says « honorée »,
   without the record's date, text, origin or meeting (``public_echeance``).
3. No personal name or contact: a journal entry's author gives way to its source,
   meeting participants and named persons are left out.
4. Only facts of confidence « haute » (``fact_value``); an unverified value is never shown,
   not even internally.
5. No local path: a preuve whose address is not a web address is left out, and the
   registry folder is named by its last component only.

Every function takes ``public``: with ``False`` it returns its input unchanged (less the
never-shown unverified values), so internal and public outputs share one code path.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import PurePath
from typing import TypeVar

from convention_cli.domain.echeances import Echeance
from convention_cli.load.registry import JournalOwner, Registry
from convention_cli.models import (
    Action,
    Decision,
    DemandeEvaluation,
    Engagement,
    EntreeJournal,
    Fait,
    GroupeTravail,
    MissionLocale,
    Preuve,
    Projet,
    Reunion,
)

T = TypeVar("T")

PUBLIC_CONFIANCE = frozenset({"haute"})
"""Confidence levels a public output may show."""

_WEB_ADDRESS = re.compile(r"https?://\S+\Z")


def is_web_address(url: str) -> bool:
    """``https://…`` or ``http://…``; anything else is a local path (or a bare name)."""
    return bool(_WEB_ADDRESS.match(url))


# --- records ---------------------------------------------------------------------------


def visible_engagements(registry: Registry, public: bool) -> list[Engagement]:
    return [e for e in registry.engagements if not (public and e.confidentiel)]


def visible_reunions(registry: Registry, public: bool) -> list[Reunion]:
    return [r for r in registry.reunions if not (public and r.confidentiel)]


def public_counts(registry: Registry, public: bool) -> Registry:
    """The registry a public document counts on: its meetings are the visible ones
    (:func:`visible_reunions`), so that a confidential meeting counts nowhere (meetings
    held, quarters with a meeting, computed indicators), as in the public communication."""
    if not public or not any(r.confidentiel for r in registry.reunions):
        return registry
    return replace(registry, reunions=visible_reunions(registry, public))


def visible_decisions(reunion: Reunion, public: bool) -> list[Decision]:
    if public and reunion.confidentiel:
        return []
    return [d for d in reunion.decisions if not (public and d.confidentiel)]


def visible_actions(reunion: Reunion, public: bool) -> list[Action]:
    if public and reunion.confidentiel:
        return []
    return [a for a in reunion.actions if not (public and a.confidentiel)]


def visible_journal(owner: JournalOwner, public: bool) -> list[EntreeJournal]:
    """The journal entries of an engagement, a working group, a project or an evaluation
    request, in file order (none of a confidential owner in a public output)."""
    if public and not isinstance(owner, GroupeTravail) and owner.confidentiel:
        return []
    return [j for j in owner.journal if not (public and j.confidentiel)]


def visible_preuves(preuves: Iterable[Preuve], public: bool) -> list[Preuve]:
    """Preuves, less the confidential ones and local paths in a public output."""
    return [p for p in preuves
            if not (public and (p.confidentiel or not is_web_address(p.url)))]


def visible_projets(registry: Registry, public: bool) -> list[Projet]:
    """Innovation projects (II), less the confidential ones in a public output."""
    return [p for p in registry.projets if not (public and p.confidentiel)]


def visible_evaluations(registry: Registry, public: bool) -> list[DemandeEvaluation]:
    """Evaluation requests (II.3.1), less the confidential ones in a public output."""
    return [d for d in registry.evaluations if not (public and d.confidentiel)]


def journal_author(entry: EntreeJournal, public: bool) -> str | None:
    """Who wrote an entry: its author (often a person) internally, its source in public."""
    return entry.source if public else (entry.auteur or entry.source)


def participants(reunion: Reunion, public: bool) -> tuple[str, ...]:
    """A meeting's participants: personal names, never public."""
    return () if public else tuple(reunion.participants)


def person_name(name: str, public: bool) -> str | None:
    """A person's name: None in a public output."""
    return None if public else name


def person_contact(contact: str | None, public: bool) -> str | None:
    """A person's own contact (address, telephone): None in a public output."""
    return None if public else contact


def shows_confidence(confiance: str, public: bool) -> bool:
    """Whether an output may show something of this confidence: never an unverified one,
    in public only « haute » (rule 4)."""
    return confiance != "non_verifie" and (not public or confiance in PUBLIC_CONFIANCE)


def fact_value(fait: Fait | None, public: bool = False) -> str | None:
    """A fact's value; None when unverified (never guessed) or, in public, unless its
    confidence is « haute »."""
    if fait is None or not shows_confidence(fait.confiance, public):
        return None
    return fait.valeur


def mission_designation(mission: MissionLocale, public: bool) -> str:
    """A mission locale's designation as an output may show it: a town the designation
    names in parentheses (« Structure de l'Ouest guyanais (Saint-Laurent-du-Maroni) ») is
    its seat, a fact with its own confidence: left out where ``fact_value`` hides the seat
    (in public, unless « haute »), else followed internally by its confidence when not
    « haute »."""
    from convention_cli.vocab import CONFIANCE_LABELS

    town = mission.ville_siege.valeur
    if not town:
        return mission.designation
    in_brackets = re.compile(r"\s*\(\s*" + re.escape(town) + r"\s*\)")
    if not in_brackets.search(mission.designation):
        return mission.designation
    if fact_value(mission.ville_siege, public) is None:
        return in_brackets.sub("", mission.designation).strip()
    if mission.ville_siege.confiance in PUBLIC_CONFIANCE:
        return mission.designation
    note = f" ({town}, confiance {CONFIANCE_LABELS[mission.ville_siege.confiance]})"
    return in_brackets.sub(lambda _: note, mission.designation, count=1)


_CITATION = re.compile(r"\[([a-z0-9]+(?:-[a-z0-9]+)*)\]")
"""A bibliography entry cited in a source: ``[outremers360-2023]``."""


def cited_sources(
    source: str | None, bibliography: dict[str, tuple[str, str]]
) -> str | None:
    """A source as a public document names it: each ``[id]`` of the bibliography
    (id → (title, publisher)) becomes its publisher (« Le Journal de Mayotte »), or its
    title when a locator follows (« Convention …, Annexe »); an id never shows."""
    if source is None:
        return None

    def name(match: re.Match[str]) -> str:
        if match.group(1) not in bibliography:
            return match.group(0)
        title, publisher = bibliography[match.group(1)]
        rest = match.string[match.end():].lstrip()
        return f"{title}," if rest and not rest.startswith(";") else publisher

    return _CITATION.sub(name, source).strip() or None


def bibliography_names(registry: Registry) -> dict[str, tuple[str, str]]:
    """The registry's bibliography as :func:`cited_sources` reads it: id → (title, publisher)."""
    return {b.id: (b.titre, b.editeur) for b in registry.bibliographie}


def registry_label(data_dir: str, public: bool) -> str:
    """The registry folder as a document names it: its last component only in public."""
    return (PurePath(data_dir).name or data_dir) if public else data_dir


# --- échéances -------------------------------------------------------------------------


def public_echeance(echeance: Echeance) -> Echeance:
    """The échéance as a public output shows it: honoured by a confidential record, it
    keeps its state but loses the record (date, text, origin) and the meeting's id."""
    honneur = echeance.honneur
    shares_hidden = any(h.confidentiel for _, h in echeance.honneurs)
    if (honneur is None or not honneur.confidentiel) and not shares_hidden:
        return echeance
    # a joint occurrence keeps each party's state, never a confidential record's date
    return replace(
        echeance, honneur=None if honneur is not None and honneur.confidentiel else honneur,
        reunion=None,
        honneurs=tuple((p, h) for p, h in echeance.honneurs if not h.confidentiel),
        parts=tuple(replace(part, honneur=None)
                    if part.honneur is not None and part.honneur.confidentiel else part
                    for part in echeance.parts))


def visible_echeances(echeances: Iterable[Echeance], public: bool) -> list[Echeance]:
    """Échéances, less the confidential ones and masked (``public_echeance``) in public."""
    if not public:
        return list(echeances)
    return [public_echeance(e) for e in echeances if not e.confidentiel]


def visible_suivis(records: Iterable[T], public: bool) -> list[T]:
    """Innovation projects and evaluation requests (issue 11): a confidential one stays out
    of public outputs (rule 1)."""
    return [r for r in records if not (public and getattr(r, "confidentiel", False))]


def visible_mesures(mesures: Iterable[T], public: bool) -> list[T]:
    """Measurements of an indicator: a confidential one stays out of public outputs."""
    return [m for m in mesures if not (public and getattr(m, "confidentiel", False))]
