"""The iCalendar export: parsed back with icalendar, byte-stable, RFC 5545 framing."""

from __future__ import annotations

import json
import os
import stat
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar, Event

from convention_cli.checks.pipeline import load_valid_registry
from convention_cli.domain.echeances import Echeance, Etat, compute_echeances
from convention_cli.edit.atomic import atomic_write_bytes
from convention_cli.formats.ics import echeances_to_ics, registry_identity
from convention_cli.load.registry import Registry
from convention_cli.views.echeances import source_label
from tests.conftest import RegistryCopy, RunCli
from tests.paths import ROOT

AS_OF = date(2026, 3, 1)


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_valid_registry(ROOT / "data")


@pytest.fixture(scope="module")
def echeances(registry: Registry) -> list[Echeance]:
    return compute_echeances(registry, AS_OF)


@pytest.fixture(scope="module")
def payload(registry: Registry, echeances: list[Echeance]) -> bytes:
    return echeances_to_ics(echeances, registry, AS_OF)


def _events(payload: bytes) -> list[Event]:
    events = Calendar.from_ical(payload).walk("VEVENT")
    assert all(isinstance(e, Event) for e in events)
    return [e for e in events if isinstance(e, Event)]


def test_one_all_day_event_per_echeance(payload: bytes, echeances: list[Echeance]) -> None:
    events = _events(payload)
    assert len(events) == len(echeances) > 20
    for event, echeance in zip(events, echeances, strict=True):
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert not isinstance(start, datetime)  # a DATE, not a DATE-TIME
        assert start == echeance.date
        assert end == echeance.date + timedelta(days=1)
    assert payload.count(b"DTSTART;VALUE=DATE:") == len(echeances)
    assert payload.count(b"DTEND;VALUE=DATE:") == len(echeances)


def test_uids_are_unique_and_derived_from_the_echeance_id(
    payload: bytes, echeances: list[Echeance], registry: Registry
) -> None:
    uids = [str(event["UID"]) for event in _events(payload)]
    assert len(set(uids)) == len(uids)
    assert registry_identity(registry) == "convention-dgom-unml-20230718"
    assert uids == [f"{e.id}@convention-dgom-unml-20230718" for e in echeances]


def test_output_is_reproducible_and_uids_survive_a_new_as_of(
    registry: Registry, payload: bytes
) -> None:
    again = echeances_to_ics(compute_echeances(registry, AS_OF), registry, AS_OF)
    assert again == payload
    later_day = date(2026, 9, 1)
    later = echeances_to_ics(compute_echeances(registry, later_day), registry, later_day)
    assert later != payload
    # the third quarter of 2026 (17 days in force) is listed once it has begun
    later_uids = [e["UID"] for e in _events(later)]
    assert [u for u in later_uids if not str(u).startswith("commission-2026-t3@")] == [
        e["UID"] for e in _events(payload)]
    stamps = {e.decoded("DTSTAMP") for e in _events(later)}
    assert stamps == {datetime(2026, 9, 1, tzinfo=UTC)}


def test_calendar_header(payload: bytes) -> None:
    calendar = Calendar.from_ical(payload)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]).startswith("-//convention-cli ")
    assert str(calendar["X-WR-CALNAME"]) == (
        "Échéances — Convention de partenariat 2023-2025 (DGOM × UNML)")
    assert payload.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")


def test_description_names_clause_parties_state_and_honour(
    payload: bytes, echeances: list[Echeance]
) -> None:
    by_uid = {str(e["UID"]).split("@")[0]: e for e in _events(payload)}
    bilan = str(by_uid["bilan-annuel-2024"]["DESCRIPTION"])
    assert bilan.splitlines() == [
        "Bilan annuel 2024",
        "Échéance : 30 juin 2025",
        "Clause V de la convention",
        "Responsables : Union nationale des missions locales (UNML), "
        "Direction générale des outre-mer (DGOM)",
        "État au 1er mars 2026 : en retard",
        "Engagement : bilan-annuel",
        "Identifiant : bilan-annuel-2024",
    ]
    honoured = next(e for e in echeances if e.etat is Etat.HONOREE)
    assert honoured.honneur is not None
    text = str(by_uid[honoured.id]["DESCRIPTION"])
    assert f"({honoured.honneur.origine})" in text
    assert "État au 1er mars 2026 : honorée" in text


def test_summary_prefix_and_categories(payload: bytes, echeances: list[Echeance]) -> None:
    for event, echeance in zip(_events(payload), echeances, strict=True):
        summary = str(event["SUMMARY"])
        prefix = {Etat.EN_RETARD: "En retard : ", Etat.HONOREE: "Honorée : ",
                  Etat.SANS_OBJET: "Sans objet : "}.get(echeance.etat, "")
        assert summary == prefix + echeance.libelle
        assert event.categories == [echeance.objet.value.capitalize()]


def test_lines_are_crlf_and_folded_at_75_octets(payload: bytes) -> None:
    assert b"\n" not in payload.replace(b"\r\n", b"")
    lines = payload.split(b"\r\n")
    assert lines[-1] == b""
    assert all(len(line) <= 75 for line in lines)
    assert any(line.startswith(b" ") for line in lines)  # long descriptions are folded
    for line in lines:
        line.decode("utf-8")  # folding never splits a multi-byte character


def test_source_labels() -> None:
    assert source_label("V") == "Clause V de la convention"
    assert source_label("II.3.1") == "Clause II.3.1 de la convention"
    assert source_label("Annexe 4") == "Annexe 4 de la convention"
    assert source_label("Préambule") == "Préambule de la convention"
    assert source_label("réunion cu-2024-03") == "Décidée en réunion cu-2024-03"


def test_write_atomic_replaces_and_keeps_permissions(tmp_path: Path) -> None:
    target = tmp_path / "echeances.ics"
    atomic_write_bytes(target, b"un")
    assert target.read_bytes() == b"un"
    target.chmod(0o640)
    atomic_write_bytes(target, b"deux")
    assert target.read_bytes() == b"deux"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["echeances.ics"]


def test_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "echeances.ics"
    target.write_bytes(b"ancien")

    def refuse(_src: str, _dst: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="No space left"):
        atomic_write_bytes(target, b"nouveau")
    assert target.read_bytes() == b"ancien"
    assert [p.name for p in tmp_path.iterdir()] == ["echeances.ics"]


def test_confidential_echeances_are_marked_confidential() -> None:
    from icalendar import Calendar

    from convention_cli.checks.pipeline import validate_registry
    from convention_cli.domain.echeances import compute_echeances
    from convention_cli.formats.ics import echeances_to_ics
    from tests.views.documents.support import FIXTURE

    registry = validate_registry(FIXTURE).registry
    payload = echeances_to_ics(compute_echeances(registry, date(2024, 6, 1)), registry,
                               date(2024, 6, 1))
    classes = {str(e["uid"]).split("@")[0]: str(e.get("class", "PUBLIC"))
               for e in Calendar.from_ical(payload).walk("VEVENT")}
    assert classes["dgom-financement-secret"] == "CONFIDENTIAL"
    assert classes["action-secrete"] == "CONFIDENTIAL"
    assert classes["dgom-ladom"] == "PUBLIC"


def test_public_option_leaves_confidential_echeances_out(
    registry_copy: RegistryCopy, run_cli: RunCli
) -> None:
    from tests.views.documents.support import FIXTURE

    data = registry_copy(FIXTURE)
    out = run_cli.ok("echeances", "--data", data, "--as-of", "2024-06-01", "-f", "json",
                     "--public")
    ids = {e["id"] for e in json.loads(out)["echeances"]}
    assert "dgom-ladom" in ids
    assert not ids & {"dgom-financement-secret", "action-secrete"}
