"""Honest bilans on a registry filled through the command line (a year of meetings,
journal entries, measurements, projects and an evaluation request), read at several
dates: what the annual bilan says happened, the one rule that rates the objectives, the
indicators, the territories, the bilan « à mi-étape »; each engagement shown once, no
bilan listing itself, no DGEFP among the derived partnerships; the office files carry
the same headings and tables."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from convention_cli.checks.pipeline import load_valid_registry
from convention_cli.views.documents.bilan import indicator_rows, objective_rating
from tests.cli.test_annee_de_partenariat import _record_by_cli
from tests.conftest import RegistryCopy, RunCli
from tests.formats.office import docx_outline, html_outline, odt_outline
from tests.paths import DATA
from tests.views.documents.support import (
    FIXTURE,
    GOLDEN,
    assert_commonmark_tables,
    plain,
)

# Sections whose exact text the golden files hold: those that say what happened. The
# table of engagements without facts lists every engagement of the shipped registry: it
# is checked by rule below, not by text.
SECTIONS = ("Atteinte des objectifs", "Indicateurs", "Engagements avec des faits",
            "Réunions de la Commission", "Groupes de travail", "Territoires",
            "Synthèse par objectif", "Bilans et communication", "Commission ultramarine",
            "Règle d’appréciation")


@pytest.fixture
def recorded(run_cli: RunCli, registry_copy: RegistryCopy) -> Path:
    """The shipped registry, with the year 2025 recorded through the command line."""
    data = registry_copy()
    _record_by_cli(run_cli, data)
    return data


def sections(text: str, titles: tuple[str, ...] = SECTIONS) -> str:
    """The ``## `` sections of ``text`` whose title starts with one of ``titles``."""
    parts = re.split(r"(?m)^(?=## )", text)
    return "".join(p for p in parts if p.startswith(tuple(f"## {t}" for t in titles)))


def check_sections(name: str, text: str) -> None:
    path = GOLDEN / f"{name}.md"
    kept = sections(text)
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(kept, encoding="utf-8")
    assert kept == path.read_text(encoding="utf-8")


def outside_code(text: str) -> str:
    """The document without its Mermaid block (a picture in the office formats)."""
    return re.sub(r"```mermaid\n.*?```\n", "", text, flags=re.DOTALL)


CASES = {
    "cli-bilan-annuel-2024@2024-12-31": ("--annee", "2024", "--as-of", "2024-12-31"),
    "cli-bilan-annuel-2025@2025-07-01": ("--annee", "2025", "--as-of", "2025-07-01"),
    "cli-bilan-annuel-2025@2026-07-01": ("--annee", "2025", "--as-of", "2026-07-01"),
    "cli-bilan-annuel-2025-public@2026-07-01": ("--annee", "2025", "--as-of", "2026-07-01",
                                               "--public"),
    "cli-bilan-mi-etape@2025-07-01": ("--mi-etape", "--as-of", "2025-07-01"),
    "cli-bilan-pluriannuel@2026-07-01": ("--pluriannuel", "--as-of", "2026-07-01"),
}


def test_bilans_of_a_year_recorded_through_the_command_line(
    recorded: Path, run_cli: RunCli
) -> None:
    for name, args in CASES.items():
        text = run_cli.ok("bilan", "--data", recorded, *args)
        assert_commonmark_tables(text)
        check_sections(name, text)


def test_what_happened_in_2025_and_what_did_not(recorded: Path, run_cli: RunCli) -> None:
    text = plain(run_cli.ok("bilan", "--data", recorded, "--annee", "2025", "--as-of",
                            "2026-07-01"))
    # The rule is stated once, and the objectives follow it: some indicators are measured
    # and at target, others are not measured, hence « partiellement atteint ».
    assert text.count("L’atteinte d’un objectif se lit sur les indicateurs chiffrés") == 1
    assert ("| 1. Connaissance mutuelle des missions locales et de la jeunesse ultramarine | "
            "**partiellement atteint** | 4 mesures retenues pour 6 indicateurs chiffrés |"
            ) in text
    # Computed measures with their source, typed ones with theirs.
    assert ("| Réunions de la commission ultramarine avec la DGOM | 4 réunions | 4 réunions "
            "au 31 décembre 2025 | calculé du registre, commissions trimestrielles "
            "tenues par année civile (échéances honorées) | cible atteinte |") in text
    assert ("| Référents désignés (un par partie) | 2 référents | 2 référents au 31 mars "
            "2025 | Compte rendu de la commission | cible atteinte |") in text
    # The territories where something was received, with the missions locales concerned.
    assert "### Guyane\n\nMissions locales concernées : Structure de l'Ouest guyanais" in text
    assert ("| demande d’évaluation (II.3.1) | Évaluation du dispositif mobilité | en examen "
            "| 2 avril 2025 | Mission Locale de Mayotte |") in text
    assert "### Martinique" not in text  # nothing there: omitted
    # The untouched engagements: one table, one row each.
    untouched = text.split("## Engagements sans fait enregistré en 2025\n", 1)[1]
    untouched = untouched.split("\n## ", 1)[0]
    assert untouched.count("\n| ") == 1 + 29  # header and 29 engagements (of 33)
    # The annual bilan does not list itself; the bilan due the year after is its own.
    assert "Bilan annuel 2025 |" not in text
    assert ("- **Remise** : au plus tard le 30 juin 2026 (section V) ; état au 1er juillet "
            "2026 : en retard") in text


def test_a_year_without_facts_is_short(recorded: Path, run_cli: RunCli) -> None:
    """2024 has nothing recorded: every engagement in the one table, no territory."""
    text = run_cli.ok("bilan", "--data", recorded, "--annee", "2024")
    assert "Aucun engagement n’a de fait enregistré en 2024" in plain(text)
    assert "## Territoires" not in text
    assert len(text.splitlines()) < 130


@pytest.mark.parametrize("source", ["data", "recorded", "fixture"])
def test_each_engagement_once_per_bilan(
    source: str, recorded: Path, registry_copy: RegistryCopy, run_cli: RunCli
) -> None:
    data = {"data": DATA, "recorded": recorded,
            "fixture": registry_copy(FIXTURE, name="fixture")}[source]
    registry = load_valid_registry(data)
    labels = [plain(e.libelle.replace("|", "\\|")) for e in registry.engagements]
    for args in (("--annee", "2024"), ("--annee", "2025"), ("--annee", "2025", "--public")):
        text = plain(outside_code(run_cli.ok("bilan", "--data", data, *args)))
        for label in labels:
            shown = len(re.findall(rf"(?m)^(?:### |\| ){re.escape(label)}(?: ;| \||$)", text))
            assert shown <= 1, (args, label)
            if "--public" not in args:
                assert shown == 1, (args, label)


def test_no_bilan_lists_itself_nor_the_dgefp(recorded: Path, run_cli: RunCli) -> None:
    multi = run_cli.ok("bilan", "--data", recorded, "--pluriannuel")
    assert "| Bilan pluriannuel |" not in multi
    assert "| Bilan partagé à mi-étape | 17 janvier 2025 |" in multi
    middle = run_cli.ok("bilan", "--data", recorded, "--mi-etape")
    assert "| Bilan partagé à mi-étape |" not in middle
    derived = multi.split("### 3. Alignement des partenariats qui en découlent", 1)[1]
    derived = derived.split("\n### ", 1)[0]
    assert "SMA (Service militaire adapté)" in derived
    assert "DGEFP" not in derived
    for args in (("--annee", "2024"), ("--annee", "2025"), ("--mi-etape",)):
        annual = run_cli.ok("bilan", "--data", recorded, *args)
        assert "partenariats qui en découlent" not in annual
        # The DGEFP appears only in the label of the engagement that excludes it.
        assert all("hors programmes budgétaires de la DGEFP" in line
                   for line in annual.splitlines() if "DGEFP" in line)


def test_mid_term_bilan_says_why_it_exists_and_its_date(recorded: Path,
                                                        run_cli: RunCli) -> None:
    text = plain(run_cli.ok("bilan", "--data", recorded, "--mi-etape"))
    assert text.startswith("# Bilan à mi-étape de la convention de partenariat UNML × DGOM\n")
    assert "- **Période couverte** : du 18 juillet 2023 au 17 janvier 2025\n" in text
    assert ("- lecture : le texte nomme ce bilan partagé (« Ce bilan partagé se réalisera à "
            "mi-étape et à l’issue de cette convention », section V) sans en dire le contenu "
            ": il reprend celui du bilan pluriannuel, limité à la première moitié de la "
            "période\n") in text
    assert ("- lecture : le texte ne date pas le bilan « à mi-étape » : le registre retient la "
            "fin de la première moitié de la période de trois ans ouverte le 18 juillet 2023 "
            "(18 mois), le 17 janvier 2025\n") in text
    # Nothing of 2025 counts: statuses and measures stop at the mid-term day.
    assert "12 mars 2025" not in text
    assert "## Questions posées aux parties" not in text


def test_mid_term_without_a_registry_date_is_the_middle_said_as_a_reading(
    registry_copy: RegistryCopy, run_cli: RunCli
) -> None:
    text = plain(run_cli.ok("bilan", "--data", registry_copy(FIXTURE), "--mi-etape"))
    assert ("- lecture : le texte ne date pas le bilan « à mi-étape » et le registre n’en "
            "retient aucune date : l’outil prend le milieu de la "
            "période, le 15 janvier 2025\n") in text


def test_public_territories_name_only_verified_missions_locales(
    recorded: Path, run_cli: RunCli
) -> None:
    internal = run_cli.ok("bilan", "--data", recorded, "--annee", "2025")
    public = run_cli.ok("bilan", "--data", recorded, "--annee", "2025", "--public")
    assert "Structure de l'Ouest guyanais" in internal  # confidence not verified
    assert "Structure de l'Ouest guyanais" not in public
    assert ("Missions locales concernées : 1 autre dont le nom n’est pas vérifié."
            in plain(public))
    assert "Mission Locale de Mayotte" in public  # confidence « haute »


def _html(payload: bytes) -> str:
    return html_outline(payload)[0]


OUTLINES: dict[str, Callable[[bytes], str]] = {
    ".docx": docx_outline, ".odt": odt_outline, ".html": _html}


@pytest.mark.parametrize("suffix", list(OUTLINES))
def test_office_files_of_the_recorded_year(
    suffix: str, recorded: Path, run_cli: RunCli, tmp_path: Path
) -> None:
    target = tmp_path / f"bilan{suffix}"
    run_cli.ok("bilan", "--data", recorded, "--annee", "2025", "--as-of", "2026-07-01",
               "-o", target)
    outline = plain(OUTLINES[suffix](target.read_bytes()))
    headings = [line for line in outline.splitlines()
                if line.startswith(("[Heading", "[h1]", "[h2]", "[h3]"))]
    for title in ("Atteinte des objectifs (section I)", "Indicateurs : cible, mesure et écart",
                  "Engagements avec des faits enregistrés en 2025",
                  "Engagements sans fait enregistré en 2025",
                  "Territoires : projets, demandes d’évaluation, missions locales",
                  "Guyane", "Mayotte"):
        assert any(line.endswith(f"] {title}") for line in headings), (title, headings)
    rows = [line for line in outline.splitlines() if line.startswith("| ")]
    assert ("| projet innovant (II) | Garage solidaire | relayé à la DGOM | 10 février 2025 "
            "| Structure de l'Ouest guyanais (Saint-Laurent-du-Maroni) |") in rows
    assert ("| Référents désignés (un par partie) | 2 référents | 2 référents au 31 mars 2025 "
            "| Compte rendu de la commission | cible atteinte |") in rows


@pytest.mark.parametrize("args", [("--annee", "2023"), ("--annee", "2024"),
                                  ("--annee", "2025"), ("--mi-etape",), ("--pluriannuel",)])
def test_shipped_registry_rates_every_objective_non_evaluable(
    args: tuple[str, ...], run_cli: RunCli
) -> None:
    """The shipped registry records the annex and the signature-day communication, but no
    measure: no objective is rated from them."""
    text = plain(run_cli.ok("bilan", "--data", DATA, *args))
    ratings = re.findall(r"(?m)^\| \d\. [^|]+(?:\\\|[^|]*)* \| \*\*([^*]+)\*\* \|", text)
    assert ratings == ["non évaluable (aucune donnée)"] * 4, (args, ratings)


def test_computed_sources_name_no_identifier_nor_file(recorded: Path, run_cli: RunCli) -> None:
    """A sent bilan says what the registry counts, not its ids or its file names."""
    text = run_cli.ok("bilan", "--data", recorded, "--annee", "2025", "--as-of", "2025-07-01")
    for leak in ("reunions.yaml", "valoriser-partenariat-annuellement", "bilan-annuel-2024",
                 "2024-07-18"):
        assert leak not in text, leak
    assert ("calculé du registre, commissions trimestrielles tenues par année civile "
            "(échéances honorées), "
            "année en cours") in plain(text)


def test_indicator_rows_without_a_target_report_but_do_not_rate() -> None:
    registry = load_valid_registry(FIXTURE)
    engagement = next(e for e in registry.engagements if e.indicateurs
                      and e.indicateurs[0].id == "ind-notes")
    indicator = engagement.indicateurs[0]
    qualitative = indicator.model_copy(update={"type": "qualitatif", "cible": None})
    untargeted = indicator.model_copy(update={"id": "ind-sans-cible", "cible": None})
    changed = engagement.model_copy(update={"indicateurs": [qualitative, untargeted]})
    rows = indicator_rows(registry, [changed], date(2024, 12, 31), False, date(2024, 1, 1))
    assert [(r.cible, r.mesure, r.ecart, r.taux, r.chiffre) for r in rows] == [
        ("qualitatif", "3 au 31 décembre 2024", "—", None, False),
        ("—", "3 au 31 décembre 2024", "—", None, False),
    ]
    assert objective_rating(rows) == ("non évaluable (aucune donnée)", 0, 0)
    # A measure of an earlier year does not count for an annual target.
    assert indicator_rows(registry, [engagement], date(2025, 12, 31), False,
                          date(2025, 1, 1))[0].mesure == "aucune mesure"


def test_territories_keep_what_the_year_touched(recorded: Path, run_cli: RunCli) -> None:
    """2026: nothing received, nothing followed up: no territory; a journal entry of 2026 on
    a project received in 2025 brings its territory back."""
    assert "## Territoires" not in run_cli.ok("bilan", "--data", recorded, "--annee", "2026",
                                              "--as-of", "2026-07-01")
    run_cli.ok("journal", "add", "projet-garage-solidaire", "--texte", "Dossier déposé",
               "--date", "2026-02-02", "--source", "Courriel", "--data", recorded)
    text = run_cli.ok("bilan", "--data", recorded, "--annee", "2026", "--as-of", "2026-07-01")
    assert "### Guyane" in text
    assert "### Mayotte" not in text


def _objective_sections(text: str) -> list[str]:
    parts = re.split(r"(?m)^(?=### )", text.split("## Objectif par objectif", 1)[1])
    return [p for p in parts if p.startswith("### Objectif ")]


@pytest.mark.parametrize("kind", ["--pluriannuel", "--mi-etape"])
def test_an_objective_is_rated_on_the_indicators_shown_under_it(
    recorded: Path, run_cli: RunCli, kind: str
) -> None:
    """An objective whose section shows no indicator is « non évaluable », not rated on
    the indicators shown under objective 1 (the engagements serving every objective)."""
    text = plain(run_cli.ok("bilan", "--data", recorded, kind, "--as-of", "2026-07-01"))
    sections = _objective_sections(text)
    assert len(sections) == 4
    empty = [s for s in sections if "Aucun indicateur ne sert cet objectif." in s]
    assert len(empty) >= 2  # objectives 3 and 4
    for section in empty:
        assert "Appréciation : **non évaluable (aucune donnée)**." in section


def test_a_bilan_handed_in_late_or_by_itself_does_not_reach_its_target(
    registry_copy: RegistryCopy, run_cli: RunCli
) -> None:
    """« Remis au plus tard le 30 juin » is not met by a bilan handed in on 15 July, and
    the multi-year bilan does not count its own handing-in."""
    data = registry_copy()
    run_cli.ok("journal", "add", "bilan-annuel", "--texte", "Bilan 2024 remis",
               "--date", "2025-07-15", "--source", "Courriel", "--honore",
               "bilan-annuel-2024", "--data", data)
    run_cli.ok("journal", "add", "bilan-pluriannuel", "--texte", "Bilan pluriannuel remis",
               "--date", "2026-06-25", "--source", "Courriel", "--honore",
               "bilan-pluriannuel", "--data", data)
    annual = plain(run_cli.ok("bilan", "--data", data, "--annee", "2025", "--as-of",
                              "2026-07-01"))
    [row] = [line for line in annual.splitlines()
             if line.startswith("| Bilan annuel remis au plus tard")]
    assert "| 0 bilan au 15 juillet 2025 |" in row
    assert "remis après la date limite" in row
    assert "cible atteinte" not in row
    assert "Un bilan remis après sa date limite compte 0" in annual
    multi = plain(run_cli.ok("bilan", "--data", data, "--pluriannuel", "--as-of",
                             "2026-07-01"))
    [row] = [line for line in multi.splitlines()
             if line.startswith("| Bilan pluriannuel remis |")]
    assert "cible atteinte" not in row
    assert "un bilan ne se compte pas lui-même" in row


def test_a_proof_shows_its_label_with_a_french_date(recorded: Path, run_cli: RunCli) -> None:
    """The label the command line gives a proof (« Preuve du 2025-05-20 : logement.pdf »)
    is shown with its French date and without the file's name."""
    from convention_cli.views.documents.common import preuve_label

    assert preuve_label("Preuve du 2025-05-20 : logement.pdf") == "Preuve du 20 mai 2025"
    assert preuve_label("Preuve du 1er juin 2025 : cp-2025") == "Preuve du 1er juin 2025"
    assert preuve_label("Preuve du 2025-02-30 : x.pdf") == "Preuve du 2025-02-30 : x.pdf"
    assert preuve_label("Communiqué de presse") == "Communiqué de presse"
    text = plain(run_cli.ok("bilan", "--data", recorded, "--annee", "2025", "--as-of",
                            "2026-07-01"))
    assert "[Preuve du 20 mai 2025](notes/logement.pdf)" in text
    assert "Preuve du 2025-05-20" not in text
    assert "logement.pdf]" not in text


def test_annual_bilan_says_which_statuses_it_shows(recorded: Path, run_cli: RunCli) -> None:
    """One status column (year end); the as-of day's status only beside an engagement
    with facts, when it differs: the header says so, and no « statut actuel »."""
    text = plain(run_cli.ok("bilan", "--data", recorded, "--annee", "2025", "--as-of",
                            "2026-07-01"))
    assert ("- **Statuts** : au 31 décembre 2025 (dernier statut daté du journal de chaque "
            "engagement) ; pour un engagement avec des faits, le statut au 1er juillet 2026 "
            "est ajouté quand il diffère\n") in text
    assert "statut actuel" not in text
