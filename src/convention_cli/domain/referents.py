"""Who is referent of a party on a given day (section III: continuity when referents
change). Pure: the date is passed in."""

from __future__ import annotations

from datetime import date

from convention_cli.models import PersonneReferente, Referent


def known_referents(referent: Referent, as_of: date) -> list[PersonneReferente]:
    """The history as known on ``as_of``, oldest first (undated persons first)."""
    known = [p for p in referent.personnes if p.depuis is None or p.depuis <= as_of]
    return sorted(known, key=lambda p: p.depuis or date.min)


def referent_in_office(referent: Referent, as_of: date) -> PersonneReferente | None:
    """The person in office on ``as_of``: the last one whose ``depuis`` has come."""
    known = known_referents(referent, as_of)
    return known[-1] if known else None
