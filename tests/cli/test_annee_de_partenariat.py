"""A year of the partnership (2025), recorded with the command line alone, then again
through an exported-then-filled workbook: a commission per quarter, a decision and an
action (closed), a working group launched, journal entries that honour the bilan and
the communication, a measurement, a referent change, a prorogation avenant, two
projects and an evaluation request. The registry stays valid and the views show it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl

from tests.conftest import RegistryCopy, RunCli

QUARTERS = ("2025-03-12", "2025-06-11", "2025-09-17", "2025-12-10")


def _structure(run_cli: RunCli, data: Path) -> None:
    """What only the edit commands create: meetings, decision, referents, avenant,
    projects and the evaluation request."""
    for day in QUARTERS:
        run_cli.ok("reunion", "add", "--instance", "commission", "--date", day, "--lieu",
                   "Paris", "--source", f"Relevé de décisions du {day}", "--data", data)
    run_cli.ok("decision", "add", "commission-2025-03-12", "--texte",
               "Lancer le groupe de travail logement", "--data", data)
    run_cli.ok("referent", "set", "dgom", "--nom", "Camille Martin", "--fonction",
               "Cheffe de bureau", "--depuis", "2025-01-06", "--source",
               "Courriel de la DGOM du 6 janvier 2025", "--data", data)
    run_cli.ok("referent", "set", "dgom", "--nom", "Alex Durand", "--depuis", "2025-09-01",
               "--source", "Courriel de la DGOM du 28 août 2025", "--data", data)
    run_cli.ok("avenant", "add", "--date", "2025-12-15", "--objet", "Prorogation d'un an",
               "--prorogation-jusqu-au", "2027-07-17", "--source", "Avenant n° 1 signé",
               "--data", data)
    run_cli.ok("projet", "add", "--titre", "Garage solidaire", "--territoire", "guyane",
               "--mission-locale", "ml-guyane-ouest", "--fonds", "Fonds d'innovation",
               "--date", "2025-02-10", "--source", "Courriel de l'UNML", "--data", data)
    run_cli.ok("projet", "add", "--titre", "Équipe mobile aller vers", "--territoire",
               "mayotte", "--date", "2025-04-15", "--source", "Courriel de l'UNML",
               "--data", data)
    run_cli.ok("evaluation", "add", "--objet", "Évaluation du dispositif mobilité",
               "--mission-locale", "ml-mayotte", "--date", "2025-04-02", "--source",
               "Courrier de la mission locale", "--data", data)


JOURNAL = [
    ("gt-1", "2025-03-12", "Lancement décidé en commission", "Relevé du 12 mars 2025",
     "constitue", None),
    ("valoriser-partenariat-annuellement", "2025-05-15", "Article commun sur le partenariat",
     "Site de l'UNML", None, "communication-2024-2025"),
    ("bilan-annuel", "2025-06-20", "Bilan 2024 remis aux parties",
     "Courriel du secrétariat du 20 juin 2025", None, "bilan-annuel-2024"),
    ("projet-garage-solidaire", "2025-03-01", "Relayé à la DGOM", "Courriel", "relaye", None),
    ("evaluation-ml-mayotte-2025-04-02", "2025-05-02", "Demande examinée", "Courriel",
     "en_examen", None),
]


def _record_by_cli(run_cli: RunCli, data: Path) -> None:
    _structure(run_cli, data)
    run_cli.ok("action", "add", "commission-2025-03-12", "--texte", "Note sur le logement",
               "--responsable", "unml", "--echeance", "2025-05-31", "--data", data)
    run_cli.ok("action", "close", "commission-2025-03-12-action-1", "--date", "2025-05-20",
               "--preuve", "notes/logement.pdf", "--data", data)
    for ident, day, texte, source, statut, honore in JOURNAL:
        args = ["journal", "add", ident, "--texte", texte, "--date", day, "--source", source]
        args += ["--statut", statut] if statut else []
        args += ["--honore", honore] if honore else []
        run_cli.ok(*args, "--data", data)
    run_cli.ok("mesure", "add", "ind-referents-designes", "--valeur", "2", "--date",
               "2025-03-31", "--source", "Compte rendu de la commission", "--data", data)


def _record_by_workbook(run_cli: RunCli, data: Path, tmp_path: Path) -> None:
    _structure(run_cli, data)
    book = tmp_path / "registre.xlsx"
    run_cli.ok("export", "--data", data, "-f", "xlsx", "-o", book, "--as-of", "2025-12-31")
    workbook = openpyxl.load_workbook(book)
    for ident, day, texte, source, statut, honore in JOURNAL:
        workbook["journal"].append([ident, date.fromisoformat(day), texte, None, source,
                                    None, statut, honore, None, None])
    workbook["mesures"].append(["ind-referents-designes", date(2025, 3, 31), 2,
                                "Compte rendu de la commission", None, None, None])
    workbook["actions"].append([None, "commission-2025-03-12", "Note sur le logement",
                                "unml", date(2025, 5, 31), None, None, None])
    workbook.save(book)
    run_cli.ok("import", book, "--data", data)
    # The action is closed in a second round, on the row the next export gives it.
    run_cli.ok("export", "--data", data, "-f", "xlsx", "-o", book, "--as-of", "2025-12-31")
    workbook = openpyxl.load_workbook(book)
    actions = workbook["actions"]
    [row] = [r for r in actions.iter_rows(min_row=2)
             if r[0].value == "commission-2025-03-12-action-1"]
    row[5].value = date(2025, 5, 20)
    row[6].value = "notes/logement.pdf"
    workbook.save(book)
    out = run_cli.ok("import", book, "--data", data)
    assert "1 close ;" in out
    assert "journal : 0 ligne ajoutée ;" in out  # the first round is not repeated


def _json(run_cli: RunCli, *args: str | Path) -> Any:
    return json.loads(run_cli.ok(*args, "--format", "json"))


def _check_the_year(run_cli: RunCli, data: Path) -> None:
    assert run_cli("validate", "--data", data, "--format", "text").code == 0
    fiche = _json(run_cli, "engagement", "commission-ultramarine-trimestrielle", "--data",
                  data, "--as-of", "2025-12-31")
    [indicator] = fiche["engagement"]["indicateurs"]
    assert {"date": "2025-12-31", "valeur": 4, "calculee": True}.items() <= \
        indicator["mesures"][-1].items()
    bilan = _json(run_cli, "engagement", "bilan-annuel", "--data", data, "--as-of",
                  "2025-12-31")
    [bilans] = bilan["engagement"]["indicateurs"]
    assert [(m["date"], m["valeur"], m["calculee"]) for m in bilans["mesures"]] == [
        ("2025-06-20", 1, True)]
    echeances = {e["id"]: e for e in _json(run_cli, "echeances", "--data", data, "--as-of",
                                           "2025-12-31")["echeances"]}
    assert echeances["bilan-annuel-2024"]["etat"] == "honorée"
    assert echeances["communication-2024-2025"]["etat"] == "honorée"
    assert echeances["commission-2025-t4"]["etat"] == "honorée"
    assert "commission-2027-t2" in echeances  # the prorogation extends the échéancier
    assert "communication-2026-2027" in echeances
    assert echeances["fin-convention"]["date"] == "2027-07-17"
    before = {e["id"] for e in _json(run_cli, "echeances", "--data", data, "--as-of",
                                     "2025-12-01")["echeances"]}
    assert "commission-2027-t2" not in before  # not signed yet on that day
    status = _json(run_cli, "status", "--data", data, "--as-of", "2025-12-31")
    assert status["convention"]["date_fin"] == "2027-07-17"
    assert "prorogée par avenant" in status["convention"]["resume"]
    [dgom] = [r for r in status["convention"]["referents"] if r["partie"] == "dgom"]
    assert (dgom["nom"], dgom["depuis"]) == ("Alex Durand", "2025-09-01")
    passation = run_cli.ok("passation", "--partie", "dgom", "--data", data, "--as-of", "2025-10-01")
    assert "Alex Durand, depuis le 1er septembre 2025 (en fonction)" in passation
    assert "Camille Martin, Cheffe de bureau, depuis le 6 janvier 2025" in passation
    assert "| Garage solidaire |" in passation
    earlier = run_cli.ok("passation", "--partie", "dgom", "--data", data, "--as-of", "2025-06-01")
    assert "Alex Durand" not in earlier
    assert "Camille Martin, Cheffe de bureau, depuis le 6 janvier 2025" in earlier
    # the status text says who is referent on the day asked (section III)
    for fmt, day, shown, absent in (
            ("table", "2025-10-01", "DGOM : Alex Durand (depuis le 1er septembre 2025)",
             "Camille"),
            ("table", "2025-06-01", "DGOM : Camille Martin (depuis le 6 janvier 2025)",
             "Alex Durand"),
            ("table", "2024-12-31", "DGOM : non nommé", "Camille"),
            ("markdown", "2025-06-01", "Référents en fonction au 1er juin 2025 : DGOM : "
             "Camille Martin, Cheffe de bureau (depuis le 6 janvier 2025)", "Alex Durand"),
            ("markdown", "2024-12-31", "DGOM : aucune personne nommée", "Camille")):
        text = " ".join(run_cli.ok("status", "--data", data, "--as-of", day, "-f",
                                   fmt).split())
        assert shown in text, (day, fmt)
        assert absent not in text, (day, fmt)
    territoire = run_cli.ok("territoire", "guyane", "--data", data, "--as-of", "2025-12-31")
    assert "projet-garage-solidaire : Garage solidaire" in territoire
    assert "statut : relayé à la DGOM" in territoire
    gt = run_cli.ok("gt", "gt-3", "--data", data, "--as-of", "2025-12-31")
    assert "projet-equipe-mobile-aller-vers : Équipe mobile aller vers" in gt
    gt1 = _json(run_cli, "gt", "gt-1", "--data", data, "--as-of", "2025-12-31")
    assert gt1["groupe_travail"]["statut"] == "constitue"
    mayotte = _json(run_cli, "territoire", "mayotte", "--data", data, "--as-of", "2025-12-31")
    [demande] = mayotte["territoire"]["evaluations"]
    assert demande["statut"] == "en_examen"


def test_a_year_with_the_command_line_alone(run_cli: RunCli,
                                            registry_copy: RegistryCopy) -> None:
    data = registry_copy()
    _record_by_cli(run_cli, data)
    _check_the_year(run_cli, data)


def test_the_same_year_through_a_workbook(run_cli: RunCli, registry_copy: RegistryCopy,
                                          tmp_path: Path) -> None:
    by_cli = registry_copy(name="cli")
    _record_by_cli(run_cli, by_cli)
    by_book = registry_copy(name="classeur")
    _record_by_workbook(run_cli, by_book, tmp_path)
    _check_the_year(run_cli, by_book)

    def export(data: Path) -> str:
        return run_cli.ok("export", "--data", data, "--as-of", "2025-12-31")

    assert json.loads(export(by_book)) == json.loads(export(by_cli))
