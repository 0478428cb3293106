"""Who is referent of a party on a given day (section III: continuity when referents
change). Pure: the date is passed in."""

from __future__ import annotations

from datetime import date

from convention_cli.load.registry import Registry
from convention_cli.models import PersonneReferente, Referent


def known_referents(referent: Referent, as_of: date) -> list[PersonneReferente]:
    """The history as known on ``as_of``, oldest first (undated persons first)."""
    known = [p for p in referent.personnes if p.depuis is None or p.depuis <= as_of]
    return sorted(known, key=lambda p: p.depuis or date.min)


def referent_in_office(referent: Referent, as_of: date) -> PersonneReferente | None:
    """The person in office on ``as_of``: the last one whose ``depuis`` has come."""
    known = known_referents(referent, as_of)
    return known[-1] if known else None


def referents_in_office(registry: Registry, as_of: date) -> list[dict[str, str | None]]:
    """Each party's referent in office on ``as_of`` (JSON-ready: partie, nom, fonction,
    contact, depuis); ``nom`` is None when nobody is named yet."""
    rows: list[dict[str, str | None]] = []
    for partie in registry.parties:
        if partie.referent is None:
            continue
        person = referent_in_office(partie.referent, as_of)
        rows.append({
            "partie": partie.id, "nom": person.nom if person else None,
            "fonction": person.fonction if person else None,
            "contact": person.contact if person else None,
            "depuis": person.depuis.isoformat() if person and person.depuis else None,
        })
    return rows
