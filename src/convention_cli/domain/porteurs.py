"""Who carries an engagement and whose share a journal entry attests (section II).

An engagement is carried by the parties it names (``parties``); others may take part
(``participants``). A journal entry may name the parties whose action it attests
(``parties``; empty: every party of the engagement): one party's « réalisé » does not
close the other party's share of a joint engagement.
"""

from __future__ import annotations

from convention_cli.models import Engagement, EntreeJournal


def entry_parties(entry: EntreeJournal) -> tuple[str, ...]:
    """The parties a journal entry attests (empty: every party of its owner)."""
    return tuple(getattr(entry, "parties", ()) or ())


def engagement_participants(eng: Engagement) -> tuple[str, ...]:
    """Parties that take part in an engagement without carrying it."""
    return tuple(getattr(eng, "participants", ()) or ())


def statuts_par_partie(eng: Engagement) -> dict[str, str]:
    """Each carrying party's status: the engagement's own, unless journal entries name
    parties, in which case the last status recorded for that party (else
    ``non_renseigne``): one party's « réalisé » does not close the other's share."""
    if not any(entry_parties(e) for e in eng.journal if e.statut is not None):
        return dict.fromkeys(eng.parties, eng.statut)
    statuses = dict.fromkeys(eng.parties, "non_renseigne")
    for entry in sorted(eng.journal, key=lambda e: e.date):
        if entry.statut is None:
            continue
        for partie in entry_parties(entry) or eng.parties:
            if partie in statuses:
                statuses[partie] = entry.statut
    return statuses
