"""``convention echeances`` through the command line."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from rich.console import Console

from convention_cli.cli import terminal
from convention_cli.cli.commands.echeances import EtatChoice
from convention_cli.domain.echeances import Etat
from tests.casefolders import BASE
from tests.conftest import RegistryCopy, RunCli
from tests.paths import ROOT

DATA = str(ROOT / "data")
BOX_DRAWING = set("─│┌┐└┘├┤┬┴┼━┃╭╮╯╰")


@pytest.fixture(autouse=True)
def piped(monkeypatch: pytest.MonkeyPatch) -> None:
    """Output is not a terminal unless a test says so (also under ``pytest -s``)."""
    monkeypatch.setattr(terminal, "make_console", lambda: None)


@pytest.fixture
def honoured(registry_copy: RegistryCopy) -> Path:
    """The base registry, with a journal entry that honours bilan-annuel-2023."""
    data = registry_copy(BASE)
    path = data / "engagements.yaml"
    text = path.read_text(encoding="utf-8")
    anchor = "        statut: en_cours\n"
    assert text.count(anchor) == 1
    path.write_text(text.replace(anchor, anchor + (
        "      - date: 2024-06-20\n"
        "        texte: Bilan annuel 2023 remis aux parties\n"
        "        auteur: Référent UNML\n"
        "        echeance: bilan-annuel-2023\n")), encoding="utf-8")
    return data


def _snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*"))}


# --- table ------------------------------------------------------------------------------


def test_filtered_table_when_piped(run_cli: RunCli, honoured: Path) -> None:
    code, out, err = run_cli("echeances", "--data", str(honoured),
                             "--as-of", "2024-07-01", "--partie", "dgom",
                             "--depuis", "2024-03-31", "--jusqu-au", "2024-07-17")
    assert (code, err) == (0, "")
    assert out == (
        "Échéances au 1er juillet 2024\n"
        "date             état       clause  qui agit    identifiant              échéance\n"
        "31 mars 2024     en retard  III     dgom, unml  commission-2024-t1       "
        "Commission ultramarine du 1er trimestre 2024\n"
        "30 juin 2024     honorée    V       dgom, unml  bilan-annuel-2023        "
        "Bilan annuel 2023 — honorée le 20 juin 2024 (engagement unml-relayer, journal) "
        "(lecture : année 2023 couverte en partie (du 18 juillet 2023 au 31 décembre 2023) : "
        "le bilan annuel porte sur cette partie de l'année)\n"
        "30 juin 2024     en retard  III     dgom, unml  commission-2024-t2       "
        "Commission ultramarine du 2e trimestre 2024\n"
        "30 juin 2024     en retard  II      dgom        dgom-ladom               "
        "Accord-cadre LADOM\n"
        "17 juillet 2024  proche     IV      dgom, unml  communication-2023-2024  "
        "Valorisation publique du partenariat, année du 18 juillet 2023 au 17 juillet 2024\n"
        "5 échéances : 3 en retard, 1 proche, 1 honorée.\n"
    )
    assert not BOX_DRAWING & set(out)
    assert "\x1b[" not in out


def test_state_filter_and_party_filter(run_cli: RunCli) -> None:
    code, out, _ = run_cli("echeances", "--data", DATA,
                           "--as-of", "2026-03-01", "--etat", "honoree",
                           "--partie", "dgom")
    assert code == 0
    assert "dgom-programme-previsionnel-annexe" in out
    # Nothing dated « au moment de la signature » attests the communication (IV).
    assert "valoriser-partenariat-signature" not in out
    assert out.endswith("1 échéance : 1 honorée.\n")
    code, out, _ = run_cli("echeances", "--data", DATA,
                           "--as-of", "2026-03-01", "--etat", "honoree", "--partie", "unml")
    assert "dgom-programme-previsionnel-annexe" not in out  # honoured, but DGOM's alone


def test_no_match(run_cli: RunCli) -> None:
    code, out, _ = run_cli("echeances", "--data", DATA,
                           "--as-of", "2026-03-01", "--partie", "arml-reunion")
    assert (code, out) == (0, "Aucune échéance ne correspond aux filtres.\n")


def _tty_console(**options: Any) -> Callable[[], Console]:
    return lambda: Console(file=sys.stdout, force_terminal=True, width=120,
                           color_system="standard", **options)


def test_terminal_gets_a_coloured_table(run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(terminal, "make_console", _tty_console())
    code, out, _ = run_cli("echeances", "--data", DATA,
                           "--as-of", "2026-03-01", "--jusqu-au", "2023-12-31")
    assert code == 0
    assert "\x1b[31m30 septembre 2023" in out  # a late row in red
    assert "dgom-participer-accord-cadre-ladom" in out


def test_no_color_means_no_colour_and_no_box(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(terminal, "make_console", _tty_console(no_color=True))
    code, out, _ = run_cli("echeances", "--data", DATA,
                           "--as-of", "2026-03-01", "--jusqu-au", "2023-12-31")
    assert code == 0
    assert not BOX_DRAWING & set(out)
    assert "\x1b[31m" not in out
    assert "dgom-participer-accord-cadre-ladom" in out


@pytest.fixture
def many_actions(registry_copy: RegistryCopy) -> Path:
    data = registry_copy(BASE)
    actions = "".join(
        f"      - {{id: action-{i:03d}, texte: Action numéro {i} décidée en commission, "
        f"responsable: dgom, echeance: 2024-{1 + i % 12:02d}-28}}\n" for i in range(70))
    (data / "reunions.yaml").write_text(
        "reunions:\n"
        "  - id: cu-2023-12\n"
        "    instance: commission\n"
        "    date: 2023-12-15\n"
        "    source: Compte rendu de la commission\n"
        "    actions:\n" + actions, encoding="utf-8")
    return data


def test_long_listing_is_one_aligned_block(
    run_cli: RunCli, many_actions: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(terminal, "make_console", _tty_console())
    code, out, _ = run_cli("echeances", "--data", str(many_actions), "--as-of", "2024-07-01")
    assert code == 0
    assert not BOX_DRAWING & set(out)
    lines = re.sub(r"\x1b\[[0-9;]*m", "", out).splitlines()
    assert sum(1 for line in lines if "action-0" in line) == 70
    assert max(len(line) for line in lines) <= 120  # cut to the terminal, not wrapped
    assert "\x1b[31m" in out


def test_long_listing_piped_keeps_whole_lines(run_cli: RunCli, many_actions: Path) -> None:
    code, out, _ = run_cli("echeances", "--data", str(many_actions), "--as-of", "2024-07-01")
    assert code == 0
    assert out.count("Action numéro") == 70
    assert "Action numéro 69 décidée en commission\n" in out
    assert "…" not in out


# --- JSON and Markdown -------------------------------------------------------------------


def test_json_shape(run_cli: RunCli, honoured: Path) -> None:
    code, out, _ = run_cli("echeances", "--data", str(honoured),
                           "--as-of", "2024-07-01", "-f", "json",
                           "--horizon", "20", "--depuis", "2024-06-30", "--jusqu-au", "2024-06-30")
    assert code == 0
    payload = json.loads(out)
    assert payload["as_of"] == "2024-07-01"
    assert payload["horizon_jours"] == 20
    assert [e["id"] for e in payload["echeances"]] == [
        "bilan-annuel-2023", "commission-2024-t2", "dgom-ladom"]
    assert payload["echeances"][0] == {
        "id": "bilan-annuel-2023", "date": "2024-06-30", "libelle": "Bilan annuel 2023",
        "etat": "honorée", "etat_code": "honoree", "a_agir": False, "source": "V",
        "objet": "bilan", "serie": "bilan-annuel",
        "porteurs": ["dgom", "unml"], "participants": [], "parties": ["dgom", "unml"],
        "parts": [
            {"partie": "dgom", "etat": "honorée", "etat_code": "honoree",
             "honoree_le": "2024-06-20"},
            {"partie": "unml", "etat": "honorée", "etat_code": "honoree",
             "honoree_le": "2024-06-20"}],
        "engagement": None, "reunion": None,
        "honoree_le": "2024-06-20", "honoree_par": "engagement unml-relayer, journal",
        "sans_objet": None,
        "lecture": {
            "motif": "année 2023 couverte en partie (du 18 juillet 2023 au 31 décembre "
                     "2023) : le bilan annuel porte sur cette partie de l'année",
            "texte": "lecture : année 2023 couverte en partie (du 18 juillet 2023 au 31 "
                     "décembre 2023) : le bilan annuel porte sur cette partie de l'année"},
        "confidentiel": False,
    }
    assert payload["echeances"][2]["engagement"] == "dgom-ladom"
    assert payload["echeances"][2]["etat_code"] == "en_retard"


def test_honour_recorded_after_as_of_is_not_shown(run_cli: RunCli, honoured: Path) -> None:
    code, out, _ = run_cli("echeances", "--data", str(honoured),
                           "--as-of", "2024-06-10", "-f", "json",
                           "--jusqu-au", "2024-06-30", "--depuis", "2024-06-30")
    assert code == 0
    bilan = json.loads(out)["echeances"][0]
    assert (bilan["id"], bilan["etat_code"]) == ("bilan-annuel-2023", "proche")
    assert (bilan["honoree_le"], bilan["honoree_par"]) == (None, None)


def test_markdown(run_cli: RunCli, honoured: Path) -> None:
    code, out, _ = run_cli("echeances", "--data", str(honoured),
                           "--as-of", "2024-07-01", "-f", "markdown",
                           "--etat", "honoree")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "# Échéances au 1er juillet 2024"
    assert lines[4] == ("| Date | État | Clause | Parties | Identifiant | Échéance | "
                        "Honorée le (par) |")
    assert lines[6] == ("| 30 juin 2024 | honorée | V | dgom, unml | bilan-annuel-2023 | "
                        "Bilan annuel 2023 | 20 juin 2024 (engagement unml-relayer, journal) |")
    assert lines[-1] == "1 échéance : 1 honorée."


# --- errors ------------------------------------------------------------------------------


@pytest.mark.parametrize(("option", "value"), [
    ("--depuis", "2024-02-30"), ("--jusqu-au", "30/06/2024"), ("--as-of", "demain")])
def test_invalid_date_is_a_usage_error(run_cli: RunCli, option: str, value: str) -> None:
    code, out, err = run_cli("echeances", "--data", DATA, option, value)
    assert (code, out) == (2, "")
    assert err.startswith(f"convention : date invalide pour {option} : « {value} » "
                          "(attendu AAAA-MM-JJ")


def test_reversed_bounds_are_a_usage_error(run_cli: RunCli) -> None:
    code, _, err = run_cli("echeances", "--data", DATA,
                           "--depuis", "2025-01-01", "--jusqu-au", "2024-01-01")
    assert code == 2
    assert "--depuis (2025-01-01) est postérieure à --jusqu-au (2024-01-01)" in err


def test_unknown_party_exits_1_with_a_suggestion(run_cli: RunCli) -> None:
    code, out, err = run_cli("echeances", "--data", DATA, "--partie", "dgon")
    assert (code, out) == (1, "")
    assert err.startswith("convention : partie « dgon » inconnu")
    assert err.endswith(" ; vouliez-vous dire « dgom » ?\n")


def test_unknown_state_is_a_usage_error(run_cli: RunCli) -> None:
    code, _, err = run_cli("echeances", "--data", DATA, "--etat", "retard")
    assert code == 2
    assert "valeur « retard » invalide pour '--etat'" in err


# --- iCalendar ---------------------------------------------------------------------------


def test_ics_is_written_and_the_data_folder_is_untouched(
    run_cli: RunCli, registry_copy: RegistryCopy, tmp_path: Path
) -> None:
    data = registry_copy(BASE)
    before = _snapshot(data)
    target = tmp_path / "sortie" / "echeances.ics"
    target.parent.mkdir()
    code, out, err = run_cli("echeances", "--data", str(data),
                             "--as-of", "2024-07-01", "--partie", "dgom",
                             "--etat", "en_retard", "--ics", str(target))
    assert (code, err) == (0, "")
    assert out == f"6 échéances écrites dans {target}\n"
    assert _snapshot(data) == before
    assert sorted(p.name for p in target.parent.iterdir()) == ["echeances.ics"]
    events = list(Calendar.from_ical(target.read_bytes()).walk("VEVENT"))
    assert len(events) == 6
    assert all(str(e["SUMMARY"]).startswith("En retard : ") for e in events)
    first = target.read_bytes()
    assert run_cli("echeances", "--data", str(data), "--as-of", "2024-07-01", "--partie", "dgom",
                   "--etat", "en_retard", "--ics", str(target))[0] == 0
    assert target.read_bytes() == first


def test_ics_inside_the_data_folder_is_refused(
    run_cli: RunCli, registry_copy: RegistryCopy
) -> None:
    data = registry_copy(BASE)
    before = _snapshot(data)
    code, _, err = run_cli("echeances", "--data", str(data), "--ics", str(data / "echeances.ics"))
    assert code == 2
    assert "est dans le dossier du registre" in err
    assert _snapshot(data) == before


def test_ics_bad_targets(run_cli: RunCli, tmp_path: Path) -> None:
    # A missing folder is created, as for -o (the output guard is one for every option).
    code, _, err = run_cli("echeances", "--data", DATA, "--ics", str(tmp_path / "absent" / "e.ics"))
    assert code == 0
    assert (tmp_path / "absent" / "e.ics").is_file()
    code, _, err = run_cli("echeances", "--data", DATA, "--ics", str(tmp_path))
    assert code == 2
    assert "est un dossier" in err


def test_ics_with_nothing_selected_writes_nothing(run_cli: RunCli, tmp_path: Path) -> None:
    target = tmp_path / "e.ics"
    code, _, err = run_cli("echeances", "--data", DATA,
                           "--partie", "arml-reunion", "--ics", str(target))
    assert code == 1
    assert "aucune échéance ne correspond aux filtres" in err
    assert not target.exists()


# --- wiring -------------------------------------------------------------------------------


def test_options_follow_the_core() -> None:
    assert [c.value for c in EtatChoice] == [e.key for e in Etat]


def test_help_does_not_import_the_work() -> None:
    script = (
        "import sys\n"
        "from convention_cli.cli.app import main\n"
        "main(['echeances', '--help'])\n"
        "heavy = ('icalendar', 'convention_cli.formats.ics', 'convention_cli.domain.echeances',\n"
        "         'convention_cli.models', 'yaml', 'ruamel', 'jinja2')\n"
        "print(sorted(m for m in sys.modules if m in heavy or m.split('.')[0] in heavy))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=True, env={**os.environ, "COLUMNS": "100"})
    assert "Exemple : convention echeances" in result.stdout
    assert result.stdout.strip().splitlines()[-1] == "[]"
