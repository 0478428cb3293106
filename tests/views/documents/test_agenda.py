"""``convention agenda``: exact documents on the fixture registry."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from convention_cli.errors import UsageError
from convention_cli.views.documents.agenda import local_times, parse_quarter
from tests.conftest import RegistryCopy, RunCli
from tests.views.documents.support import (
    FIXTURE,
    assert_commonmark_tables,
    assert_nothing_confidential,
    check_golden,
)

VARIANTS = {
    "agenda-commission": ["--date", "2024-06-10", "--heure", "14:00", "--as-of", "2024-06-10"],
    "agenda-commission-public": ["--date", "2024-06-10", "--public", "--as-of", "2024-06-10"],
    "agenda-trimestre": ["--trimestre", "2026-T4", "--as-of", "2026-10-01"],
    "agenda-gt": ["--date", "2024-06-10", "--instance", "gt:gt-1", "--as-of", "2024-06-10"],
}


@pytest.mark.parametrize("name", list(VARIANTS))
def test_agenda_golden(name: str, registry_copy: RegistryCopy, run_cli: RunCli) -> None:
    data = registry_copy(FIXTURE)
    text = run_cli.ok("agenda", "--data", str(data), *VARIANTS[name])
    check_golden(name, text, data)
    assert_commonmark_tables(text)
    if "--public" in VARIANTS[name]:
        assert_nothing_confidential(text)


def test_private_agenda_does_show_confidential_items(
    registry_copy: RegistryCopy, run_cli: RunCli
) -> None:
    data = registry_copy(FIXTURE)
    text = run_cli.ok("agenda", "--data", str(data), "--date", "2024-06-10")
    assert "CONFIDENTIEL-DECISION" in text  # so the public test above proves something


def test_local_times_follow_daylight_saving() -> None:
    winter = {h.lieu.split(" ")[0]: h for h in local_times(date(2026, 1, 15), "10:00")}
    summer = {h.lieu.split(" ")[0]: h for h in local_times(date(2026, 7, 15), "10:00")}
    assert (winter["Paris"].heure, winter["Antilles"].heure) == ("10 h 00", "5 h 00")
    assert (summer["Paris"].heure, summer["Antilles"].heure) == ("10 h 00", "4 h 00")
    assert summer["La"].heure == "12 h 00"
    late = {h.lieu.split(" ")[0]: h for h in local_times(date(2026, 1, 15), "01:30")}
    assert late["Antilles"].jour == "la veille"


@pytest.mark.parametrize("bad", ["2026-Q4", "2026-T5", "T4-2026"])
def test_bad_quarter(bad: str) -> None:
    with pytest.raises(UsageError, match="AAAA-Tn"):
        parse_quarter(bad)


def test_bad_hour() -> None:
    with pytest.raises(UsageError, match="HH:MM"):
        local_times(date(2026, 1, 15), "25:00")


def test_output_file_is_written_atomically(
    tmp_path: Path, registry_copy: RegistryCopy, run_cli: RunCli
) -> None:
    data = registry_copy(FIXTURE)
    target = tmp_path / "sortie" / "odj.md"
    assert run_cli.ok("agenda", "--data", str(data), "--trimestre", "2024-T2", "-o",
                   str(target)) == ""
    assert target.read_text(encoding="utf-8").startswith("# Ordre du jour")
    assert [p.name for p in target.parent.iterdir()] == ["odj.md"]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--date", "2024-06-10", "--trimestre", "2024-T2"], 2, "s'excluent"),
        ([], 2, "indiquez --date ou --trimestre"),
        (["--trimestre", "2024-T2", "--heure", "10:00"], 2, "--heure demande"),
        (["--date", "2024-06-10", "--instance", "gt:gt-9"], 1, "vouliez-vous dire"),
        (["--date", "2024-06-10", "--instance", "bureau"], 2, "commission ou gt:ID"),
    ],
)
def test_agenda_errors(
    args: list[str], code: int, message: str, run_cli: RunCli, registry_copy: RegistryCopy
) -> None:
    data = registry_copy(FIXTURE)
    result = run_cli("agenda", "--data", data, *args)
    assert result.code == code
    assert message in result.err
