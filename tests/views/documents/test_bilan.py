"""``convention bilan``: exact documents on the fixture registry, and their rules."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from convention_cli.checks.pipeline import load_valid_registry
from convention_cli.domain.echeances import Echeance, Honneur, Objet
from convention_cli.load.registry import Registry
from convention_cli.models import Preuve
from convention_cli.views.documents.bilan import appreciation, commission_record, mermaid_name
from convention_cli.views.public import visible_echeances
from tests.conftest import RegistryCopy, RunCli
from tests.paths import ROOT
from tests.views.documents.support import (
    FIXTURE,
    NAMED_PERSONS,
    assert_commonmark_tables,
    assert_nothing_confidential,
    check_golden,
    plain,
)

VARIANTS = {
    "bilan-annuel-2024": ["--annee", "2024"],
    "bilan-annuel-2024-public": ["--annee", "2024", "--public"],
    "bilan-annuel-2023": ["--annee", "2023"],
    "bilan-annuel-2023-public": ["--annee", "2023", "--public"],
    "bilan-pluriannuel": ["--pluriannuel"],
    "bilan-pluriannuel-public": ["--pluriannuel", "--public"],
}
PUBLIC = [name for name, args in VARIANTS.items() if "--public" in args]
# A task name holds no bare ``:``, ``#`` or ``;``: only Mermaid entity codes (``#58;``).
GANTT_TASK = re.compile(r"^    (?:[^:#;\n]|#\d+;)+ :(crit, |done, )?\d{4}-\d{2}-\d{2}, 1d$")


@pytest.mark.parametrize("name", list(VARIANTS))
def test_bilan_golden(name: str, registry_copy: RegistryCopy, run_cli: RunCli) -> None:
    data = registry_copy(FIXTURE)
    text = run_cli.ok("bilan", "--data", str(data), *VARIANTS[name])
    check_golden(name, text, data)
    assert_commonmark_tables(text)
    assert text.rstrip().endswith("*")  # the provenance line closes every document


def _preuve_texts(preuves: list[Preuve], hidden: bool) -> Iterator[str]:
    for preuve in preuves:
        if hidden or preuve.confidentiel:
            yield preuve.libelle
            yield preuve.url


def confidential_texts(registry: Registry) -> list[str]:
    """Every text the fixture marks confidential, at every level where the flag exists."""
    texts: list[str] = []
    for eng in registry.engagements:
        if eng.confidentiel:
            texts.append(eng.libelle)
        texts.extend(_preuve_texts(eng.preuves, eng.confidentiel))
        for entry in eng.journal:
            if eng.confidentiel or entry.confidentiel:
                texts.append(entry.texte)
            texts.extend(_preuve_texts(entry.preuves, eng.confidentiel or entry.confidentiel))
    for group in registry.groupes_travail:
        for entry in group.journal:
            if entry.confidentiel:
                texts.append(entry.texte)
            texts.extend(_preuve_texts(entry.preuves, entry.confidentiel))
    for reunion in registry.reunions:
        if reunion.confidentiel:
            texts.append(reunion.id)
        texts.extend(d.texte for d in reunion.decisions
                     if reunion.confidentiel or d.confidentiel)
        for action in reunion.actions:
            if reunion.confidentiel or action.confidentiel:
                texts.append(action.texte)
            texts.extend(_preuve_texts(action.preuves, reunion.confidentiel
                                       or action.confidentiel))
    return texts


def test_public_bilans_leak_nothing_confidential(
    registry_copy: RegistryCopy, run_cli: RunCli
) -> None:
    data = registry_copy(FIXTURE)
    secrets = confidential_texts(load_valid_registry(data))
    assert len(secrets) >= 5  # engagement, journal entry, preuve (libellé, url), decision…
    for name in PUBLIC:
        text = run_cli.ok("bilan", "--data", str(data), *VARIANTS[name])
        assert_nothing_confidential(text)
        leaked = [s for s in secrets if s in text or " ".join(s.split()) in text]
        assert leaked == [], name


def test_private_bilans_do_show_confidential_items(
    registry_copy: RegistryCopy, run_cli: RunCli
) -> None:
    """So that the public tests above prove something."""
    data = registry_copy(FIXTURE)
    annual = run_cli.ok("bilan", "--data", str(data), "--annee", "2024")
    for mark in ("CONFIDENTIEL-ENGAGEMENT", "CONFIDENTIEL-JOURNAL", "CONFIDENTIEL-DECISION",
                 "CONFIDENTIEL-ACTION"):
        assert mark in annual
    assert "CONFIDENTIEL-PREUVE" in run_cli.ok("bilan", "--data", str(data), "--annee", "2023")
    for person in NAMED_PERSONS:  # no bilan names the referents' persons, public or not
        assert person not in annual


def test_gantt_tasks_are_valid_mermaid_lines(registry_copy: RegistryCopy, run_cli: RunCli) -> None:
    data = registry_copy(FIXTURE)
    text = run_cli.ok("bilan", "--data", str(data), "--annee", "2024")
    block = text.split("```mermaid\n", 1)[1].split("\n```", 1)[0].splitlines()
    assert block[:4] == ["gantt", "    title Échéances de 2024", "    dateFormat YYYY-MM-DD",
                         "    axisFormat %d/%m"]
    tasks = [line for line in block[4:] if not line.startswith("    section ")]
    assert tasks
    assert all(GANTT_TASK.match(task) for task in tasks), tasks
    # One task per échéance of the year: late ones critical, honoured ones done; the
    # engagements' own échéances are in their tables (each engagement is shown once).
    assert "    Commission ultramarine du 2e trimestre 2024 :crit, 2024-06-30, 1d" in tasks
    assert "    section Engagements" not in block
    assert "    Bilan annuel 2023 :done, 2024-06-30, 1d" in tasks


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Point : budget # 2 ; suite", "Point #58; budget #35; 2 #59; suite"),
        ("Deux\nlignes  `code`", "Deux lignes 'code'"),
        ("x" * 80, "x" * 69 + "…"),
    ],
)
def test_mermaid_name(text: str, name: str) -> None:
    assert mermaid_name(text) == name


@pytest.mark.parametrize(
    ("rates", "expected"),
    [
        ([], "non évaluable (aucune donnée)"),
        ([1.0, 1.2], "atteint"),
        ([1.0, 0.3], "partiellement atteint"),
        ([0.6], "partiellement atteint"),
        ([0.0, 0.4], "non atteint"),
    ],
)
def test_appreciation_rule(rates: list[float], expected: str) -> None:
    assert appreciation(rates) == expected


def test_appreciation_needs_every_target_measured_to_say_met() -> None:
    assert appreciation([1.0, 1.2], targets=2) == "atteint"
    assert appreciation([1.0, 1.2], targets=3) == "partiellement atteint"
    assert appreciation([0.1], targets=3) == "non atteint"
    assert appreciation([], targets=3) == "non évaluable (aucune donnée)"


def _commission(quarter_end: date, held: date | None, reunion: str | None,
                confidentiel: bool = False) -> Echeance:
    return Echeance(
        id=f"commission-{quarter_end.year}-t{(quarter_end.month - 1) // 3 + 1}",
        date=quarter_end, libelle="Commission", porteurs=("unml",), participants=("dgom",),
        source="III",
        objet=Objet.COMMISSION, reunion=reunion,
        honneur=Honneur(held, "Commission", f"réunion {reunion}", confidentiel)
        if held else None).with_state(date(2024, 10, 1), 30)


def test_commission_record_counts_and_hides_confidential_meetings() -> None:
    echeances = [
        _commission(date(2024, 3, 31), date(2024, 3, 12), "commission-secrete", True),
        _commission(date(2024, 6, 30), None, None),
        _commission(date(2024, 9, 30), date(2024, 9, 2), "commission-2024-09"),
        _commission(date(2024, 12, 31), None, None),
    ]
    internal = commission_record(visible_echeances(echeances, False), date(2024, 10, 1))
    assert internal.trimestres[0].reunion == "commission-secrete"
    record = commission_record(visible_echeances(echeances, True), date(2024, 10, 1))
    assert [t.resultat for t in record.trimestres] == ["tenue", "non tenue", "tenue", "à venir"]
    assert [t.reunion for t in record.trimestres] == [None, None, "commission-2024-09", None]
    assert record.trimestres[0].date_reunion is None
    assert record.resume == ("Trimestres avec une réunion de la commission : 2 sur 4 attendus "
                             "(cible : une réunion par trimestre) ; sans réunion : 1 ; "
                             "à venir : 1.")


def test_as_of_sets_the_states(registry_copy: RegistryCopy, run_cli: RunCli) -> None:
    data = registry_copy(FIXTURE)
    at_year_end = run_cli.ok("bilan", "--data", str(data), "--annee", "2023")
    assert "état au 31 décembre 2023 : à venir\n" in plain(at_year_end)
    later = run_cli.ok("bilan", "--data", str(data), "--annee", "2023", "--as-of", "2024-07-01")
    assert "état au 1er juillet 2024 : honorée, le 20 juin 2024\n" in plain(later)
    # Year-end statuses stay those of the year: the 2024 entries do not count.
    assert ("| Relayer les problématiques \\| pratiques des missions locales | 1 | UNML | "
            "non renseigné | — |") in later
    multi = run_cli.ok("bilan", "--data", str(data), "--pluriannuel", "--as-of", "2024-01-01")
    assert "statuts et états au 1er janvier 2024" in multi


def _objective(text: str, number: int) -> str:
    return re.split(r"(?m)^(?=### Objectif )", text)[number]


def test_multi_year_bilan_names_each_engagement_once_above_its_entries(
    registry_copy: RegistryCopy, run_cli: RunCli
) -> None:
    """Under each objective, an engagement with journal entries or preuves is named once,
    its entries and preuves beneath (as in the annual bilan); the others in one table,
    introduced when sections come before it."""
    data = registry_copy(FIXTURE)
    path = data / "engagements.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "    libelle: Accord-cadre LADOM\n",
        "    libelle: Accord-cadre LADOM\n    preuves:\n      - libelle: Projet d'accord\n"
        "        url: https://example.org/accord\n", 1), encoding="utf-8")
    text = run_cli.ok("bilan", "--data", str(data), "--pluriannuel")
    assert_commonmark_tables(text)
    text = plain(text)
    first = _objective(text, 1)
    assert first.count("Relayer les problématiques \\| pratiques des missions locales") == 1
    relayer = first.split("#### Relayer les problématiques")[1].split("####")[0]
    assert "- 15 janvier 2024 : Première note transmise." in relayer
    assert "- 10 février 2024 : CONFIDENTIEL-JOURNAL" in relayer
    assert "| date | engagement |" not in text
    second = _objective(text, 2)
    assert ("#### Accord-cadre LADOM\n\n- Objectifs : 2 ; parties : DGOM\n"
            "- Statut au 30 juin 2026 : non renseigné\n\nPreuves :\n\n"
            "- [Projet d'accord](https://example.org/accord)\n\n"
            "Sans entrée de journal ni preuve :\n\n| engagement | parties |") in second
    assert second.count("Accord-cadre LADOM") == 1


def test_output_file(tmp_path: Path, registry_copy: RegistryCopy, run_cli: RunCli) -> None:
    data = registry_copy(FIXTURE)
    target = tmp_path / "sortie" / "bilan.md"
    assert run_cli.ok("bilan", "--data", str(data), "--pluriannuel", "-o", str(target)) == ""
    assert target.read_text(encoding="utf-8").startswith("# Bilan pluriannuel")


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--annee", "2024", "--pluriannuel"], 2, "--annee et --pluriannuel s'excluent"),
        ([], 2, "indiquez --annee AAAA (bilan annuel), --mi-etape ou --pluriannuel"),
        (["--mi-etape", "--pluriannuel"], 2, "--mi-etape s'emploie seul"),
        (["--annee", "24"], 2, "année invalide « 24 » : attendu AAAA"),
        (["--annee", "2024", "--as-of", "2024-13-01"], 2, "date invalide pour --as-of"),
        (["--annee", "2022"], 2,
         "l'année 2022 est hors de la période de la convention (du 18 juillet 2023 au "
         "17 juillet 2026) : années possibles 2023, 2024, 2025 et 2026"),
        (["--annee", "2027"], 2, "années possibles 2023, 2024, 2025 et 2026"),
        (["--annee", "2024", "--as-of", "2023-12-01"], 2,
         "l'année 2024 n'a pas commencé au 1er décembre 2023 : choisissez une date "
         "d'observation (--as-of) dans l'année"),
    ],
)
def test_bilan_errors(
    args: list[str], code: int, message: str, run_cli: RunCli, registry_copy: RegistryCopy
) -> None:
    data = registry_copy(FIXTURE)
    result = run_cli("bilan", "--data", data, *args)
    assert (result.code, result.out) == (code, "")
    assert message in result.err


@pytest.mark.parametrize("args", [["--annee", "2024"], ["--pluriannuel"],
                                  ["--annee", "2025", "--public"]])
def test_bilans_of_the_repository_data(args: list[str], run_cli: RunCli) -> None:
    """The repository's own registry gives complete documents (content changes with it)."""
    text = run_cli.ok("bilan", "--data", str(ROOT / "data"), *args)
    assert_commonmark_tables(text)
    assert "4. Innovation et capacité d'initiative des acteurs de terrain" in plain(text)



def test_public_bilan_counts_meetings_as_the_communication_does(
    registry_copy: RegistryCopy, run_cli: RunCli
) -> None:
    """A confidential commission counts nowhere in public: the public bilan says what the
    communication says (« 1 réunion »), and its quarters held agree."""
    data = registry_copy(ROOT / "data")
    for day in ("2024-03-14", "2024-11-20"):
        run_cli.ok("reunion", "add", "--instance", "commission", "--date", day, "--lieu",
                   "Paris", "--source", f"Relevé du {day}", "--data", data)
    path = data / "reunions.yaml"
    text = path.read_text(encoding="utf-8")
    marker = "date: 2024-03-14\n"
    indent = text.split(marker, 1)[0].rsplit("\n", 1)[1]
    path.write_text(text.replace(marker, f"{marker}{indent}confidentiel: true\n"),
                    encoding="utf-8")
    communication = plain(run_cli.ok("communication", "--data", data, "--annee", "2024"))
    assert "Commission ultramarine : 1 réunion\n" in communication
    public = plain(run_cli.ok("bilan", "--data", data, "--annee", "2024", "--public"))
    assert "| 1 réunion au 31 décembre 2024 |" in public
    assert "Trimestres avec une réunion de la commission : 1 sur 4 attendus" in public
    private = plain(run_cli.ok("bilan", "--data", data, "--annee", "2024"))
    assert "| 2 réunions au 31 décembre 2024 |" in private
    assert "Trimestres avec une réunion de la commission : 2 sur 4 attendus" in private
