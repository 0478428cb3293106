"""Edit commands through the command line: messages, dry run, refusals, init."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import RunCli


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.glob("*.yaml")}


def test_dry_run_prints_the_diff_and_writes_nothing(data_copy: Path, run_cli: RunCli) -> None:
    before = snapshot(data_copy)
    code, out, err = run_cli("journal", "add", "bilan-annuel", "--texte", "Bilan remis", "--date",
                             "2024-06-20", "--statut", "en_cours", "--source", "Courriel",
                             "--partie", "unml", "--partie", "dgom", "--data", data_copy,
                             "--dry-run")
    assert code == 0
    assert "+        parties: [unml, dgom]\n" in out
    assert "-    statut: non_renseigne\n+    statut: en_cours\n" in out
    assert "+      - date: 2024-06-20\n" in out
    assert err.startswith("(essai à blanc) entrée du 2024-06-20 ajoutée")
    assert snapshot(data_copy) == before


def test_a_status_needs_a_source_and_the_attested_party(data_copy: Path,
                                                        run_cli: RunCli) -> None:
    before = snapshot(data_copy)
    code, _, err = run_cli("journal", "add", "bilan-annuel", "--texte", "Bilan remis",
                           "--date", "2024-06-20", "--statut", "en_cours", "--data", data_copy)
    assert code == 2
    assert err == ("convention : statut « en_cours » sans source : un statut s'appuie sur une "
                   "source ; indiquez d'où vient l'entrée (source ou preuve)\n")
    code, _, err = run_cli("journal", "add", "bilan-annuel", "--texte", "Bilan remis",
                           "--date", "2024-06-20", "--statut", "en_cours", "--source",
                           "Courriel", "--data", data_copy)
    assert code == 1
    assert "PRV002" in err
    assert snapshot(data_copy) == before


def test_meeting_workflow(data_copy: Path, run_cli: RunCli) -> None:
    meeting = run_cli.ok("reunion", "add", "--instance", "commission", "--date", "2024-03-12",
                         "--participants", "DGOM", "--participants", "UNML", "--lieu", "Paris",
                         "--data", data_copy)
    run_cli.ok("decision", "add", "commission-2024-03-12", "--texte", "Lancer le GT",
               "--data", data_copy)
    run_cli.ok("action", "add", "commission-2024-03-12", "--texte", "Note logement",
               "--responsable", "unml", "--echeance", "2024-05-31", "--data", data_copy)
    closed = run_cli.ok("action", "close", "commission-2024-03-12-action-1", "--date",
                        "2024-05-20", "--data", data_copy)
    assert "Réunion enregistrée : commission-2024-03-12." in meeting
    assert "Action « commission-2024-03-12-action-1 » close le 2024-05-20." in closed
    run_cli.ok("validate", "--data", data_copy)


def test_a_meeting_recorded_again_with_other_data_is_refused(data_copy: Path,
                                                             run_cli: RunCli) -> None:
    first = ["reunion", "add", "--instance", "commission", "--date", "2024-03-12", "--lieu",
             "Paris", "--source", "Compte rendu", "--data", str(data_copy)]
    run_cli.ok(*first)
    recorded = snapshot(data_copy)
    # the same meeting again, or with less: nothing to do
    for again in (first, first[:6] + first[8:]):
        code, out, _ = run_cli(*again)
        assert code == 0
        assert "Réunion déjà enregistrée : commission-2024-03-12." in out
    code, out, err = run_cli("reunion", "add", "--instance", "commission", "--date",
                             "2024-03-12", "--lieu", "Lyon", "--source", "Relevé",
                             "--confidentiel", "--data", data_copy)
    assert (code, out) == (1, "")
    assert err == (
        "convention : réunion déjà enregistrée : commission-2024-03-12, avec d'autres "
        "données : lieu : « Paris » dans le registre, « Lyon » dans la commande ; source : "
        "« Compte rendu » dans le registre, « Relevé » dans la commande ; confidentielle "
        "dans la commande, pas dans le registre ; rien n'a été modifié (corrigez "
        "reunions.yaml à la main si la réunion enregistrée est fausse)\n")
    assert snapshot(data_copy) == recorded


def test_a_confidential_meeting(data_copy: Path, run_cli: RunCli) -> None:
    run_cli.ok("reunion", "add", "--instance", "referents", "--date", "2024-03-13",
               "--confidentiel", "--data", data_copy)
    text = (data_copy / "reunions.yaml").read_text(encoding="utf-8")
    assert text.endswith("    date: 2024-03-13\n"
                         "    source: Déclarée par le secrétariat de la commission\n"
                         "    confidentiel: true\n")
    run_cli.ok("validate", "--data", data_copy)


def test_refused_edit_prints_diagnostics_and_exits_1(data_copy: Path, run_cli: RunCli) -> None:
    run_cli.ok("reunion", "add", "--instance", "commission", "--date", "2024-03-12",
               "--data", data_copy)
    before = snapshot(data_copy)
    code, _, err = run_cli("action", "add", "commission-2024-03-12", "--texte", "x",
                           "--responsable", "dgom", "--echeance", "2024-01-01",
                           "--data", data_copy)
    assert code == 1
    assert "erreur DAT003" in err
    assert "modification refusée" in err
    assert snapshot(data_copy) == before


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["journal", "add", "bilan-annuel", "--texte", "x", "--date", "2026-02-30"], 2,
         "date invalide pour --date"),
        (["journal", "add", "bilan-annuel", "--texte", "x", "--statut", "fini"], 2,
         "statuts possibles"),
        (["journal", "add", "bilan-annul", "--texte", "x"], 1, "« bilan-annuel »"),
        # an engagement whose journal already has a sourced entry: the new status still
        # needs its own source
        (["journal", "add", "dgom-programme-previsionnel-annexe", "--texte", "x", "--statut",
          "en_cours"], 2, "sans source"),
        (["reunion", "add", "--instance", "bureau", "--date", "2024-01-01"], 2,
         "instances possibles"),
    ],
)
def test_bad_arguments_write_nothing(
    data_copy: Path, run_cli: RunCli, args: list[str], code: int, message: str
) -> None:
    before = snapshot(data_copy)
    result = run_cli(*args, "--data", data_copy)
    assert result.code == code
    assert message in result.err
    assert snapshot(data_copy) == before


def test_init_scaffolds_a_valid_registry(tmp_path: Path, run_cli: RunCli) -> None:
    target = tmp_path / "accord"
    run_cli.ok("init", target, "--titre", "Accord local : test", "--signature", "2024-01-15")
    assert "Registre valide" in run_cli.ok("validate", "--data", target, "--strict")
    code, _, err = run_cli("init", target)
    assert code == 1
    assert "rien n'est jamais écrasé" in err


def test_a_record_dated_before_the_last_goes_to_its_date_place(data_copy: Path,
                                                              run_cli: RunCli) -> None:
    """A journal entry or a referent recorded late is inserted at its date, not appended:
    the lists stay chronological (DAT005, GOV003 under validate --strict)."""
    data = ["--data", str(data_copy)]
    for day, texte in (("2025-06-01", "Deuxième"), ("2025-09-01", "Quatrième"),
                       ("2024-03-01", "Premier"), ("2025-07-01", "Troisième")):
        run_cli.ok("journal", "add", "bilan-annuel", "--texte", texte, "--date", day, *data)
    for day, nom in (("2025-09-01", "Alex Durand"), ("2024-09-01", "Camille Martin")):
        run_cli.ok("referent", "set", "dgom", "--nom", nom, "--depuis", day, "--source",
                   "Courriel", *data)
    engagements = (data_copy / "engagements.yaml").read_text(encoding="utf-8")
    order = [engagements.index(f"texte: {t}\n")
             for t in ("Premier", "Deuxième", "Troisième", "Quatrième")]
    assert order == sorted(order)
    parties = (data_copy / "parties.yaml").read_text(encoding="utf-8")
    assert parties.index("nom: Camille Martin") < parties.index("nom: Alex Durand")
    _, out, _ = run_cli("validate", "--format", "json", *data)
    codes = {d["code"] for d in json.loads(out)["diagnostics"]}
    assert not codes & {"DAT005", "GOV003"}, codes
