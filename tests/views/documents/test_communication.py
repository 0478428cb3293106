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
    # a count of missed meetings is not a public sentence; a year held in full is
    assert "trimestres" not in text
    assert "s’est réunie chaque trimestre" not in text
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
    assert "| La Réunion | DROM | 2 | Mission Locale Est |" in plain(text)
    assert "non vérifié" not in text
    assert "Mission Locale Nord" not in text
    assert "Saint-Benoît" not in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--annee", "2022"],
         "l'année 2022 est hors de la période de la convention (du 18 juillet 2023 au "
         "17 juillet 2026) : années possibles 2023, 2024, 2025 et 2026"),
        (["--annee", "2027"], "hors de la période"),
        (["--annee", "2025", "--as-of", "2024-12-31"],
         "l'année 2025 n'a pas commencé au 31 décembre 2024 : choisissez"),
        (["--annee", "2023", "--as-of", "2023-07-17"],
         "l'année 2023 n'a pas commencé au 17 juillet 2023"),
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


# --- what a communication office would not publish ------------------------------------------

FORBIDDEN_SENTENCES = (
    "Aucun engagement n’a été enregistré comme réalisé",
    "Aucune entrée datée",
    "Aucune réunion n’est enregistrée",
    "0 réunion",
    "réunion pour",
    "non vérifié",
    "non renseigné",
    "lorsqu’ils sont vérifiés",
    "Aucune étape datée",
    "Aucun groupe de travail enregistré",
    "en retard",
    "lecture :",
    "\\[",
)
"""Sentences (or pieces of them) that say what did not happen or was not checked, and
the registry's bibliography ids (``\\[outremers360-2023\\]``): a source is named."""
LOW_CONFIDENCE = ("Saint-Denis", "Saint-Benoît", "Le Robert")
"""Towns of confidence « faible » or « moyenne » (fixture and shipped registry)."""
LOCAL_PATHS = ("communication/congres-2025.pdf", "congres-2025", "notes/interne.pdf")


def _plant_public_traps(data: Path) -> None:
    """A low-confidence town, a public entry of 2025 with a local file as proof."""
    from tests.ruamel_roundtrip import round_trip_yaml

    territoires = data / "territoires.yaml"
    territoires.write_text(territoires.read_text(encoding="utf-8").replace(
        "ville_siege: {confiance: non_verifie, note: Siège non sourcé.}",
        "ville_siege: {valeur: Saint-Denis, confiance: faible, source: Presse}"),
        encoding="utf-8")
    yaml = round_trip_yaml()
    path = data / "engagements.yaml"
    tree = yaml.load(path.read_text(encoding="utf-8"))
    tree["engagements"][0]["journal"].append({
        "date": "2025-03-20", "texte": "Présentation du partenariat au congrès.",
        "source": "Programme du congrès",
        "preuves": [{"libelle": "Support du congrès", "url": "communication/congres-2025.pdf"},
                    {"libelle": "Programme", "url": "https://example.org/congres"}]})
    with path.open("w", encoding="utf-8") as stream:
        yaml.dump(tree, stream)


def _assert_publishable(text: str) -> None:
    for piece in (*FORBIDDEN_SENTENCES, *LOW_CONFIDENCE, *LOCAL_PATHS):
        assert piece not in plain(text), piece


@pytest.mark.parametrize(("annee", "as_of"), [
    ("2023", "2023-12-31"), ("2024", "2024-06-10"), ("2024", "2024-12-31"),
    ("2025", "2025-04-01"), ("2025", "2025-12-31"), ("2026", "2026-07-17"),
])
def test_public_communication_is_publishable(
    annee: str, as_of: str, registry_copy: RegistryCopy, run_cli: RunCli
) -> None:
    """Only facts of confidence « haute », links only to web addresses, and no sentence a
    communication office would not publish, on the fixture (with traps) and on the
    shipped registry."""
    data = registry_copy(FIXTURE)
    _plant_public_traps(data)
    text = run_cli.ok("communication", "--data", str(data), "--annee", annee,
                      "--as-of", as_of)
    _assert_publishable(text)
    if annee == "2025":
        assert "Présentation du partenariat au congrès." in text
        assert "(<https://example.org/congres>)" in text
    shipped = run_cli.ok("communication", "--data", str(registry_copy(name="reel")),
                         "--annee", annee, "--as-of", as_of)
    _assert_publishable(shipped)
    assert "Mission Locale Nord ;" in plain(shipped)  # the name (haute), not its town
    if annee == "2023":
        assert "(source : Le Journal de Mayotte ; Outremers360 ; FXG / faxinfo.fr)" in plain(
            shipped)


def test_cited_sources_name_the_publisher() -> None:
    from convention_cli.views.public import cited_sources

    bibliography = {"presse-2023": ("Article sur la signature", "Le Journal"),
                    "texte": ("Convention de partenariat", "DGOM et UNML")}
    assert cited_sources("[presse-2023] ; [texte]", bibliography) == "Le Journal ; DGOM et UNML"
    assert cited_sources("[texte] Annexe 1", bibliography) == "Convention de partenariat, Annexe 1"
    assert cited_sources("Courriel ; [inconnu-1]", bibliography) == "Courriel ; [inconnu-1]"
    assert cited_sources(None, bibliography) is None
