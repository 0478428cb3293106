"""Help that reads well, for every command, including those added later: French words,
French placeholders, no type placeholder for a flag, no English library sentence."""

from __future__ import annotations

import re
from typing import Any

import pytest
import typer.main

from convention_cli.cli.app import app, main
from convention_cli.cli.french import reflow, translate_usage_message

PLACEHOLDER = re.compile(
    r"<(?:bool|str|int|float|path|file|text|datetime|uuid|list\[[^\]]*\]|tuple[^>]*"
    r"|int range|float range|[a-z_]+(?:\|[a-z_]+)+)>"
)
ENGLISH = (
    "Show this message", "Usage:", "[default", "[required]", "[env var", "Input should",
    "COMMAND [ARGS]", "Commands", "x>=", "x<=", "is not in the range", "Error", "Aborted",
    "Try '", "for help", "Install completion", "Show completion", "(deprecated)",
)


def command_paths() -> list[list[str]]:
    """Every command and subcommand registered on the application, found by walking it."""
    paths: list[list[str]] = [[]]

    def walk(command: Any, path: list[str]) -> None:
        for name, sub in getattr(command, "commands", {}).items():
            if sub.hidden:
                continue
            paths.append([*path, name])
            walk(sub, [*path, name])

    walk(typer.main.get_command(app), [])
    return paths


def test_the_sweep_finds_subcommands() -> None:
    found = {" ".join(p) for p in command_paths()}
    assert {"", "validate", "journal", "journal add", "action close"} <= found


@pytest.mark.parametrize("path", command_paths(), ids=lambda p: " ".join(p) or "convention")
def test_help_is_french_without_placeholders(
    path: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    assert main([*path, "--help"]) == 0
    out = capsys.readouterr().out
    assert "Utilisation : convention" in out
    assert not PLACEHOLDER.search(out), PLACEHOLDER.findall(out)
    english = [s for s in ENGLISH if s in out]
    assert not english, english


def test_flags_show_no_placeholder(capsys: pytest.CaptureFixture[str],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    assert main(["status", "--help"]) == 0
    lines = {line.split()[1]: line for line in capsys.readouterr().out.splitlines()
             if line.startswith("│ --")}
    assert lines["--as-of"].split()[2] == "DATE"
    assert lines["--horizon"].split()[2] == "JOURS"
    assert lines["--partie"].split()[2] == "ID"
    assert lines["--data"].split()[3] == "DOSSIER"
    assert lines["--format"].split()[3] == "table|json|markdown"
    assert lines["--help"].split()[3] == "Affiche"


def test_docstrings_are_reflowed() -> None:
    text = """Première ligne.

    Un paragraphe coupé
    à la main, en deux lignes.

    - un point
    - un autre
    """
    assert reflow(text) == ("Première ligne.\n\nUn paragraphe coupé à la main, en deux lignes."
                            "\n\n- un point\n- un autre")


@pytest.mark.parametrize(
    ("english", "french"),
    [
        ("Invalid value for '--horizon': Input should be greater than or equal to 0",
         "valeur invalide pour '--horizon' : un nombre supérieur ou égal à 0 est attendu"),
        ("Invalid value for '--lignes': Input should be a valid integer, unable to parse "
         "string as an integer",
         "valeur invalide pour '--lignes' : un nombre entier est attendu"),
        ("Invalid value for '--duree': Input should be less than or equal to 10",
         "valeur invalide pour '--duree' : un nombre inférieur ou égal à 10 est attendu"),
    ],
)
def test_value_errors_are_french(english: str, french: str) -> None:
    assert translate_usage_message(english) == french


def test_bad_number_is_french_on_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", "--horizon", "-1"]) == 2
    err = capsys.readouterr().err
    assert "un nombre supérieur ou égal à 0 est attendu" in err
    assert "Input" not in err


def test_ids_and_choices_are_case_insensitive(capsys: pytest.CaptureFixture[str]) -> None:
    from tests.paths import DATA

    base = ["--data", str(DATA), "--as-of", "2025-01-01"]
    assert main(["engagement", "Bilan-Annuel", *base]) == 0
    assert capsys.readouterr().out.startswith("Engagement bilan-annuel\n")
    assert main(["engagements", "--partie", "DGOM", "--statut", "EN_RETARD", *base,
                 "--format", "JSON"]) == 0
    upper = capsys.readouterr().out
    assert main(["engagements", "--partie", "dgom", "--statut", "en_retard", *base,
                 "--format", "json"]) == 0
    assert upper == capsys.readouterr().out
    assert main(["echeances", "--etat", "En_Retard", *base]) == 0


def test_missing_argument_names_its_french_placeholder(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["init"]) == 2
    assert capsys.readouterr().err.startswith("convention : argument manquant : DOSSIER\n")


def _help_texts(path: list[str]) -> list[str]:
    command: Any = typer.main.get_command(app)
    for name in path:
        command = command.commands[name]
    return [command.help or "", *(getattr(p, "help", None) or "" for p in command.params)]


@pytest.mark.parametrize("path", command_paths(), ids=lambda p: " ".join(p) or "convention")
def test_help_keeps_its_brackets(
    path: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rich reads « [id] » as a style tag and drops it: every bracketed text of a help
    (written ``\\[id]`` in the source) is shown."""
    monkeypatch.setenv("COLUMNS", "200")
    assert main([*path, "--help"]) == 0
    shown = " ".join(re.sub(r"[│╭╮╰╯─]", " ", capsys.readouterr().out).split())
    for text in _help_texts(path):
        for bracketed in re.findall(r"\[[^\]]*\]", text.replace("\\[", "[")):
            assert " ".join(bracketed.split()) in shown, bracketed


def test_help_words_match_what_the_options_take(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from convention_cli.domain.etats import Etat

    monkeypatch.setenv("COLUMNS", "200")

    def help_of(*path: str) -> str:
        assert main([*path, "--help"]) == 0
        return " ".join(re.sub(r"[│╭╮╰╯─]", " ", capsys.readouterr().out).split())

    echeances = help_of("echeances")
    states = [e.key for e in Etat]
    assert ("Seulement cet état : " + ", ".join(states[:-1]) + f" ou {states[-1]}."
            in echeances)
    assert "dont cette partie est responsable" not in echeances
    assert "celles auxquelles elle participe" in echeances
    assert "--sortie -o DOSSIER" in help_of("site")
    init = help_of("init")
    assert "DIR" not in init
    assert "DOSSIER/schemas" in init
