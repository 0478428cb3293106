"""A year of follow-up recorded through the command line, then read at several dates.

Meetings, actions and their closing, journal entries naming the party they attest: every
state read back with ``--as-of`` must be the one known on that day (« Le temps juste »).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import RegistryCopy, RunCli


@pytest.fixture
def year_2024(run_cli: RunCli, registry_copy: RegistryCopy) -> Path:
    data = registry_copy()
    steps = [
        ["reunion", "add", "--instance", "commission", "--date", "2024-03-12",
         "--source", "Compte rendu de la commission du 12 mars 2024"],
        ["action", "add", "commission-2024-03-12", "--texte", "Note sur le logement",
         "--responsable", "unml", "--echeance", "2024-05-31"],
        ["action", "close", "commission-2024-03-12-action-1", "--date", "2024-04-10"],
        ["reunion", "add", "--instance", "commission", "--date", "2024-09-10",
         "--source", "Compte rendu de la commission du 10 septembre 2024"],
        ["action", "add", "commission-2024-09-10", "--texte", "Recenser les projets",
         "--responsable", "dgom", "--echeance", "2024-11-30"],
        ["journal", "add", "bilan-annuel", "--texte", "Bilan 2023 : partie UNML remise",
         "--date", "2024-06-20", "--honore", "bilan-annuel-2023", "--partie", "unml",
         "--source", "Courriel du référent UNML"],
        ["journal", "add", "bilan-pluriannuel", "--texte", "Partie UNML du bilan engagée",
         "--date", "2024-11-05", "--statut", "en_cours", "--partie", "unml",
         "--source", "Courriel du référent UNML"],
    ]
    for step in steps:
        run_cli.ok(*step, "--data", data)
    return data


def _status(run_cli: RunCli, data: Path, day: str) -> dict[str, Any]:
    return json.loads(run_cli.ok("status", "--data", data, "--as-of", day, "-f", "json"))  # type: ignore[no-any-return]


def _echeances(run_cli: RunCli, data: Path, day: str) -> dict[str, dict[str, Any]]:
    payload = json.loads(run_cli.ok("echeances", "--data", data, "--as-of", day, "-f", "json"))
    return {e["id"]: e for e in payload["echeances"]}


def test_a_meeting_honours_its_quarter_only_once_held(run_cli: RunCli, year_2024: Path) -> None:
    before = _echeances(run_cli, year_2024, "2024-03-11")
    assert before["commission-2024-t1"]["etat_code"] == "proche"
    assert before["commission-2024-t1"]["honoree_le"] is None
    assert "commission-2024-03-12-action-1" not in before  # decided the next day
    after = _echeances(run_cli, year_2024, "2024-03-12")
    assert after["commission-2024-t1"]["etat_code"] == "honoree"
    assert after["commission-2024-t1"]["porteurs"] == ["unml"]
    assert after["commission-2024-t1"]["participants"] == ["dgom"]


def test_an_action_is_open_until_its_closing(run_cli: RunCli, year_2024: Path) -> None:
    assert _echeances(run_cli, year_2024, "2024-04-09")[
        "commission-2024-03-12-action-1"]["etat_code"] == "a_venir"
    closed = _echeances(run_cli, year_2024, "2024-04-10")["commission-2024-03-12-action-1"]
    assert (closed["etat_code"], closed["honoree_le"]) == ("honoree", "2024-04-10")
    late = _echeances(run_cli, year_2024, "2024-12-01")["commission-2024-09-10-action-1"]
    assert late["etat_code"] == "en_retard"


def test_next_is_never_a_missed_quarter(run_cli: RunCli, year_2024: Path) -> None:
    status = _status(run_cli, year_2024, "2024-06-01")
    line = next(e for e in status["engagements"]
                if e["id"] == "commission-ultramarine-trimestrielle")
    assert line["prochaine_echeance"] == "commission-2024-t2"
    assert line["echeances_en_retard"] == ["commission-2023-t3", "commission-2023-t4"]


def test_late_commissions_are_grouped_and_carried_by_the_unml(
    run_cli: RunCli, year_2024: Path
) -> None:
    status = _status(run_cli, year_2024, "2024-12-31")
    group = next(g for g in status["retards"] if g["cle"] == "commission")
    assert group["resume"] == ("3 commissions trimestrielles non tenues, depuis le 3e "
                               "trimestre 2023")
    assert (group["porteurs"], group["participants"]) == (["unml"], ["dgom"])
    counters = {c["id"]: c for c in status["compteurs"]["par_partie"]}
    late_dgom = [e for e in status["echeances"]["en_retard"] if "dgom" in e["porteurs"]]
    assert not any(e["objet"] == "commission" for e in late_dgom)
    assert "commission-2024-09-10-action-1" in {e["id"] for e in late_dgom}
    # The counter counts late engagements (a meeting's action is none), as by objective.
    assert counters["dgom"]["en_retard"] == len(
        {e["engagement"] for e in late_dgom if e["engagement"]})
    out = run_cli.ok("status", "--data", year_2024, "--as-of", "2024-12-31")
    assert "3 commissions trimestrielles non tenues, depuis le 3e trimestre 2023" in out


def test_one_party_progress_leaves_the_other_share_open(
    run_cli: RunCli, year_2024: Path
) -> None:
    status = _status(run_cli, year_2024, "2024-12-01")
    line = next(e for e in status["engagements"] if e["id"] == "bilan-pluriannuel")
    assert line["statuts_par_partie"] == {"unml": "en_cours", "dgom": "non_renseigne"}
    earlier = _status(run_cli, year_2024, "2024-11-04")
    line = next(e for e in earlier["engagements"] if e["id"] == "bilan-pluriannuel")
    assert line["statuts_par_partie"] == {"unml": "non_renseigne", "dgom": "non_renseigne"}


def test_a_joint_occurrence_keeps_one_state_per_party(
    run_cli: RunCli, year_2024: Path
) -> None:
    bilan = _echeances(run_cli, year_2024, "2024-07-01")["bilan-annuel-2023"]
    assert bilan["etat_code"] == "en_retard"  # the DGOM's share is still missing
    assert {p["partie"]: (p["etat_code"], p["honoree_le"]) for p in bilan["parts"]} == {
        "unml": ("honoree", "2024-06-20"), "dgom": ("en_retard", None)}
    before = _echeances(run_cli, year_2024, "2024-06-19")["bilan-annuel-2023"]
    assert {p["etat_code"] for p in before["parts"]} == {"proche"}
    table = run_cli.ok("echeances", "--data", year_2024, "--as-of", "2024-07-01",
                       "--depuis", "2024-06-30", "--jusqu-au", "2024-06-30")
    assert "en retard (unml : honorée, dgom : en retard)" in table
    status = _status(run_cli, year_2024, "2024-07-01")
    counters = {c["id"]: c["en_retard"] for c in status["compteurs"]["par_partie"]}
    late = status["echeances"]["en_retard"]
    # Late engagements of the UNML: those where its own share is late (not bilan-annuel).
    assert counters["unml"] == len({
        e["engagement"] for e in late if e["engagement"] and "unml" in e["porteurs"]
        and all(p["etat_code"] == "en_retard" for p in e["parts"] if p["partie"] == "unml")})
    assert "bilan-annuel" not in {
        e["engagement"] for e in late if e["engagement"] and "unml" in e["porteurs"]
        and all(p["etat_code"] == "en_retard" for p in e["parts"] if p["partie"] == "unml")}


def test_the_agenda_shows_the_situation_as_of(run_cli: RunCli, year_2024: Path) -> None:
    def section(text: str, title: str) -> str:
        return text.split(title, 1)[1].split("\n## ", 1)[0].split("\n### ", 1)[0]

    later = run_cli.ok("agenda", "--data", year_2024, "--trimestre", "2024-T2",
                       "--as-of", "2024-06-01")
    # closed on 10 April: no longer open, and among what happened since the last commission
    assert "Note sur le logement" not in section(later, "### Actions ouvertes")
    assert "| Note sur le logement | UNML | 10 avril 2024 |" in section(
        later, "### Actions closes")
    earlier = run_cli.ok("agenda", "--data", year_2024, "--trimestre", "2024-T2",
                         "--as-of", "2024-04-01")
    assert "Note sur le logement" in section(earlier, "### Actions ouvertes")
    assert "### Actions closes" not in earlier
