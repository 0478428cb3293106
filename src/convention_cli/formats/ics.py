"""Échéances → an iCalendar file (RFC 5545) that Outlook and Thunderbird import.

Pure (writing the file is ``atomic.atomic_write_bytes``). The output is reproducible:
for a given registry and ``as_of`` the bytes are identical, because nothing reads the clock.

- One all-day VEVENT per échéance (``DTSTART;VALUE=DATE``, ``DTEND`` the next day:
  RFC 5545 §3.6.1, the end of an all-day event is exclusive).
- ``UID`` = ``<échéance id>@<registry identity>``: échéance ids are stable and never
  reused, so a client that matches events on their UID (Thunderbird subscribed to the
  file, calendar servers) updates them instead of duplicating them. Classic Outlook
  matches UIDs only for meetings and recurring appointments ([MS-STANOICAL] 2.2.84):
  there, open the file as a separate calendar (README).
- ``DTSTAMP`` = the as-of day at 00:00 UTC: a later ``--as-of`` is a newer revision.
- ``SUMMARY`` = the libellé, prefixed with the state only when that state does not go
  stale as days pass (« En retard : », « Honorée : », « Sans objet : »); « à venir »
  and « proche » are what the calendar itself shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Event

from convention_cli import __version__
from convention_cli.domain.echeances import Echeance, Etat
from convention_cli.domain.queries import party_names
from convention_cli.load.registry import Registry
from convention_cli.views.echeances import source_label
from convention_cli.vocab import format_date

PRODID = f"-//convention-cli {__version__}//Echeancier de la convention UNML-DGOM//FR"

SUMMARY_PREFIX_BY_ETAT = {
    Etat.EN_RETARD: "En retard : ",
    Etat.HONOREE: "Honorée : ",
    Etat.SANS_OBJET: "Sans objet : ",
}


def registry_identity(registry: Registry) -> str:
    """``convention-dgom-unml-20230718``: the signatories and the signature date.

    Party ids are never reused and the signature date never changes (an avenant keeps
    it), so the identity survives edits of the registry but differs for a next
    agreement between the same parties."""
    parties = sorted(p.id for p in registry.parties if p.role == "partie")
    signed = registry.convention.date_signature if registry.convention else None
    return "-".join(["convention", *parties, *([f"{signed:%Y%m%d}"] if signed else [])])


def echeance_uid(echeance: Echeance, identity: str) -> str:
    return f"{echeance.id}@{identity}"


def calendar_name(registry: Registry) -> str:
    sigles = " × ".join(p.sigle for p in registry.parties if p.role == "partie")
    titre = registry.convention.titre if registry.convention else "Convention"
    return f"Échéances — {titre} ({sigles})"


def echeances_to_ics(echeances: Sequence[Echeance], registry: Registry, as_of: date) -> bytes:
    """The iCalendar text of ``echeances`` as they stand on ``as_of``, CRLF, folded."""
    identity = registry_identity(registry)
    names = party_names(registry, full=True)
    stamp = datetime(as_of.year, as_of.month, as_of.day, tzinfo=UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", calendar_name(registry))
    for echeance in echeances:
        event = Event()
        event.add("uid", echeance_uid(echeance, identity))
        event.add("dtstamp", stamp)
        event.add("dtstart", echeance.date)
        event.add("dtend", echeance.date + timedelta(days=1))
        event.add("summary", SUMMARY_PREFIX_BY_ETAT.get(echeance.etat, "") + echeance.libelle)
        event.add("description", describe(echeance, names, as_of))
        event.add("categories", [echeance.objet.value.capitalize()])
        event.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy
        if echeance.confidentiel:  # RFC 5545 §3.8.1.3: calendars hide or restrict it
            event.add("class", "CONFIDENTIAL")
        calendar.add_component(event)
    payload: bytes = calendar.to_ical()
    return payload


def describe(echeance: Echeance, names: dict[str, str], as_of: date) -> str:
    """The DESCRIPTION: what is due, under which clause, by whom, and its state."""
    responsables = ", ".join(names.get(p, p) for p in echeance.parties)
    lines = [
        echeance.libelle,
        f"Échéance : {format_date(echeance.date)}",
        source_label(echeance.source),
        f"Responsables : {responsables}",
        f"État au {format_date(as_of)} : {echeance.etat.value}",
    ]
    honneur = echeance.honneur
    if honneur is not None:
        lines.append(f"Honorée le {format_date(honneur.date)} ({honneur.origine})")
    if echeance.sans_objet is not None:
        lines.append(f"Sans objet : {echeance.sans_objet}")
    if echeance.engagement is not None and echeance.engagement != echeance.id:
        lines.append(f"Engagement : {echeance.engagement}")
    if echeance.reunion is not None:
        lines.append(f"Réunion : {echeance.reunion}")
    lines.append(f"Identifiant : {echeance.id}")
    return "\n".join(lines)
