"""``convention communication``: the public document of section IV, always public."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import RegistryCopy, RunCli
from tests.views.documents.support import (
    FIXTURE,
    NAMED_PERSONS,
    assert_commonmark_tables,
    assert_nothing_confidential,
    check_golden,
    plain,
)

VARIANTS = {
    "communication-2023": ["--annee", "2023"],
    "communication-2024": ["--annee", "2024"],
    "communication-2024-en-cours": ["--annee", "2024", "--as-of", "2024-06-10"],
}
PERSONS = (*NAMED_PERSONS, "Sophie BROCAS", "Stéphane VALLI", "Jacques LOWINSKY")
AUTHORS = ("Référent UNML", "Référent DGOM", "Référent technique", "Secrétariat de la commission")


@pytest.mark.parametrize("name", list(VARIANTS))
def test_communication_golden(name: str, registry_copy: RegistryCopy, run_cli: RunCli) -> None:
    data = registry_copy(FIXTURE)
    text = run_cli.ok("communication", "--data", str(data), *VARIANTS[name])
    check_golden(name, text, data)
    assert_commonmark_tables(text)


@pytest.mark.parametrize("annee", ["2023", "2024", "2025", "2026"])
def test_communication_leaks_nothing(
    annee: str, registry_copy: RegistryCopy, run_cli: RunCli
) -> None:
    data = registry_copy(FIXTURE)
    text = run_cli.ok("communication", "--data", str(data), "--annee", annee,
                   "--as-of", "2026-12-31")
    assert_nothing_confidential(text)
    for person in (*PERSONS, *AUTHORS):
        assert person not in text
    assert "Version publique" in text


def test_year_counts_journal_entries_and_meetings(
    registry_copy: RegistryCopy, run_cli: RunCli
) -> None:
    data = registry_copy(FIXTURE)
    text = run_cli.ok("communication", "--data", str(data), "--annee", "2024")
    assert "arrêtée au 31 décembre 2024" in text
    assert "- Commission ultramarine : 1 réunion\n" in plain(text)
    assert "- Groupes de travail : 1 réunion\n" in plain(text)
    assert "1 réunion pour 4 trimestres de convention en 2024" in text
    assert "Bilan annuel 2023 remis aux parties." in text
    assert "Première note transmise. Deuxième ligne \\| avec une barre." in text


def test_unverified_names_are_not_shown(registry_copy: RegistryCopy, run_cli: RunCli) -> None:
    data = registry_copy(FIXTURE)
    territoires = data / "territoires.yaml"
    territoires.write_text(territoires.read_text(encoding="utf-8").replace(
        "nom: {valeur: Mission Locale Nord, confiance: haute, source: Presse}",
        "nom: {confiance: non_verifie, note: Nom à confirmer.}"), encoding="utf-8")
    text = run_cli.ok("communication", "--data", str(data), "--annee", "2024")
    # Saint-Benoît is of confidence « moyenne »: a public document shows only « haute ».
    assert "| La Réunion | DROM | 2 | nom non vérifié ; Mission Locale Est |" in plain(text)
    assert "Mission Locale Nord" not in text
    assert "Saint-Benoît" not in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--annee", "2022"], "hors de la période de la convention (années 2023 à 2026)"),
        (["--annee", "2027"], "hors de la période"),
        (["--annee", "2025", "--as-of", "2024-12-31"], "n'a pas commencé"),
        (["--annee", "2024", "--public"], "--public"),
    ],
)
def test_communication_errors(
    args: list[str], message: str, run_cli: RunCli, registry_copy: RegistryCopy
) -> None:
    data = registry_copy(FIXTURE)
    result = run_cli("communication", "--data", data, *args)
    assert result.code == 2
    assert message in result.err


def test_output_file(tmp_path: Path, registry_copy: RegistryCopy, run_cli: RunCli) -> None:
    data = registry_copy(FIXTURE)
    target = tmp_path / "communication.md"
    assert run_cli.ok("communication", "--data", str(data), "--annee", "2024", "-o",
                   str(target)) == ""
    assert target.read_text(encoding="utf-8").startswith("# Le partenariat DGOM × UNML")
