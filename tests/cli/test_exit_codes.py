"""One exit-code contract: 0 done, 1 data, 2 usage or environment; never 70 for what can
be foreseen; a command that wrote exits 0, a command that fails wrote nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import RegistryCopy, RunCli
from tests.paths import CASES, DATA

FIXTURE = CASES / "documents" / "data"


def _convention(*args: str | bytes, env: dict[str, str] | None = None,
                stdout: int | None = subprocess.PIPE) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "convention_cli", *args],
                          stdout=stdout, stderr=subprocess.PIPE, check=False,
                          env={**os.environ, **(env or {})})


def _yaml(data: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(data.glob("*.yaml"))}


def test_ascii_output_degrades_characters_and_the_edit_exits_0(
    registry_copy: RegistryCopy
) -> None:
    data = registry_copy(FIXTURE)
    result = _convention("journal", "add", "dgom-ladom", "--date", "2024-05-02", "--texte",
                         "Réunion d'été", "--data", str(data),
                         env={"PYTHONIOENCODING": "ascii", "PYTHONUTF8": "0"})
    assert result.returncode == 0, result.stderr
    assert b"ajout" in result.stdout
    assert "Réunion d'été" in (data / "engagements.yaml").read_text(encoding="utf-8")
    listing = _convention("echeances", "--data", str(DATA), "--as-of", "2024-01-01",
                          env={"PYTHONIOENCODING": "ascii", "PYTHONUTF8": "0"})
    assert listing.returncode == 0, listing.stderr


def test_full_standard_output(registry_copy: RegistryCopy) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("pas de /dev/full")
    data = registry_copy(FIXTURE)
    with open("/dev/full", "wb") as full:  # noqa: PTH123 - a device, not a path to read
        listing = _convention("status", "--data", str(data), stdout=full.fileno())
        edit = _convention("journal", "add", "dgom-ladom", "--date", "2024-05-02", "--texte",
                           "x", "--data", str(data), stdout=full.fileno())
    assert listing.returncode == 2
    assert "disque plein" in listing.stderr.decode()
    assert b"Traceback" not in listing.stderr
    assert edit.returncode == 0  # it wrote: 0, whatever the message's fate
    assert "texte: x" in (data / "engagements.yaml").read_text(encoding="utf-8")


def test_invalid_argument_bytes(registry_copy: RegistryCopy) -> None:
    data = registry_copy(FIXTURE)
    before = _yaml(data)
    for args in (["journal", "add", "dgom-ladom", "--texte", b"a\xffb", "--data", str(data)],
                 ["status", "--data", b"/tmp/\xfe"], [b"\xc3"]):
        result = _convention(*args)
        assert result.returncode == 2, result.stderr
        assert "UTF-8" in result.stderr.decode()
    assert result.stderr.decode().startswith("convention : argument illisible « \\xc3 » : ")
    assert _yaml(data) == before


@pytest.mark.parametrize("args", [
    ("agenda", "--date", "9999-12-31"),
    ("agenda", "--trimestre", "0000-T1"),
    ("agenda", "--trimestre", "2201-T1"),
    ("passation", "--partie", "dgom", "--as-of", "0001-01-01"),
    ("echeances", "--as-of", "1899-12-31"),
    ("echeances", "--depuis", "2201-01-01"),
    ("status", "--as-of", "9999-12-31"),
    ("bilan", "--annee", "9999"),
    ("bilan", "--pluriannuel", "--as-of", "0001-01-01"),
    ("communication", "--annee", "2201"),
    ("action", "add", "commission-2024-t1", "--texte", "x", "--responsable", "unml",
     "--echeance", "9999-12-31"),
    ("journal", "add", "dgom-ladom", "--texte", "x", "--date", "1899-12-31"),
    ("reunion", "add", "--instance", "commission", "--date", "2201-01-01"),
    ("action", "close", "action-note-logement", "--date", "9999-12-31"),
])
def test_dates_outside_the_range_are_refused_at_input(
    args: tuple[str, ...], registry_copy: RegistryCopy, run_cli: RunCli
) -> None:
    data = registry_copy(FIXTURE)
    before = _yaml(data)
    code, _, err = run_cli(*args, "--data", str(data))
    assert code == 2, err
    assert "1900" in err or "2200" in err
    assert _yaml(data) == before


@pytest.mark.parametrize("day", ["1900-01-01", "2200-12-31"])
def test_every_accepted_date_works_in_every_command(day: str, registry_copy: RegistryCopy,
                                                    run_cli: RunCli, tmp_path: Path) -> None:
    data = registry_copy(FIXTURE)
    year = day[:4]
    for args in (
        ("agenda", "--date", day), ("agenda", "--trimestre", f"{year}-T1"),
        ("agenda", "--trimestre", f"{year}-T4"), ("passation", "--partie", "dgom", "--as-of", day),
        ("echeances", "--as-of", day), ("echeances", "--as-of", day, "--format", "json"),
        ("echeances", "--as-of", day, "--ics", str(tmp_path / "e.ics")),
        ("status", "--as-of", day), ("bilan", "--pluriannuel", "--as-of", day),
        ("bilan", "--annee", "2024", "--as-of", day), ("engagements", "--as-of", day),
        ("communication", "--as-of", day),
    ):
        code, _, err = run_cli(*args, "--data", str(data))
        assert code in (0, 1, 2), (args, err)
        assert "erreur interne" not in err, (args, err)
    code, _, err = run_cli("action", "add", "commission-2024-t1", "--texte", "Loin",
                           "--responsable", "unml", "--echeance", day, "--data", str(data))
    assert code == (1 if year == "1900" else 0), err  # 1900: before the meeting (DAT003)
    run_cli.ok("echeances", "--ics", str(tmp_path / "loin.ics"), "--data", str(data))
    run_cli.ok("init", str(tmp_path / "neuf"), "--signature", day if year == "1900"
               else "2190-01-01", "--duree", "10")
    run_cli.ok("validate", "--data", str(tmp_path / "neuf"))


def test_unknown_id_never_lists_nothing(tmp_path: Path, run_cli: RunCli) -> None:
    run_cli.ok("init", str(tmp_path / "r"), "--signature", "2024-01-01")
    code, _, err = run_cli("decision", "add", "inconnue", "--texte", "x",
                           "--data", str(tmp_path / "r"))
    assert code == 1
    assert "valeurs possibles : \n" not in err + "\n"
    assert "possibles :" not in err or "possibles : ," not in err
    assert err.rstrip().endswith(("aucune", "aucun", "?")) or "possibles : " in err
