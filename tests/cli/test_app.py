"""Exit codes, formats and help, through the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from convention_cli.cli.app import app, main
from tests.casefolders import BASE
from tests.conftest import RunCli
from tests.paths import DATA, ROOT

INVALID = ROOT / "tests" / "cases" / "invalid"



def test_valid_registry_exits_0(run_cli: RunCli) -> None:
    assert run_cli("validate", "--data", str(BASE))[0] == 0


def test_missing_data_dir_exits_2(run_cli: RunCli, tmp_path: Path) -> None:
    code, out, err = run_cli("validate", "--data", str(tmp_path / "absent"))
    assert (code, out) == (2, "")
    assert err == f"convention : dossier de données introuvable : {tmp_path / 'absent'}\n"


def test_data_dir_that_is_a_file_exits_2(
    run_cli: RunCli, tmp_path: Path
) -> None:
    target = tmp_path / "fichier"
    target.write_text("x", encoding="utf-8")
    code, _, err = run_cli("validate", "--data", str(target))
    assert code == 2
    assert "n'est pas un dossier" in err


def test_bad_option_value_exits_2(run_cli: RunCli) -> None:
    assert run_cli("validate", "--format", "xml")[0] == 2


def test_data_from_environment(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CONVENTION_DATA", str(tmp_path / "ailleurs"))
    _, _, err = run_cli("validate")
    assert str(tmp_path / "ailleurs") in err


def test_strict_turns_warnings_into_failure(run_cli: RunCli,
                                            tmp_path: Path) -> None:
    from tests.casefolders import materialise

    data = materialise(INVALID / "DAT001-echeance-avant-signature", tmp_path)
    assert run_cli("validate", "--data", str(data))[0] == 0
    assert run_cli("validate", "--data", str(data), "--strict")[0] == 1


def test_json_format_shape(run_cli: RunCli, tmp_path: Path) -> None:
    from tests.casefolders import materialise

    data = materialise(INVALID / "SCH004-valeur-non-admise", tmp_path)
    code, out, _ = run_cli("validate", "--data", str(data), "--format", "json")
    payload = json.loads(out)
    assert code == 1
    assert payload["valide"] is False
    assert payload["resume"] == {"erreurs": 1, "avertissements": 0, "acceptes": 0,
                                 "fichiers": 6}
    assert payload["acceptes"] == []
    [item] = payload["diagnostics"]
    assert item == {
        "file": str(data / "engagements.yaml"), "line": 27, "column": 13,
        "severity": "erreur", "code": "SCH004",
        "message": "« statut » : valeur « en_retard » non admise ; valeurs acceptées : "
                   "non_renseigne, non_demarre, en_cours, realise, suspendu, abandonne",
    }


def test_github_format_is_automatic_under_actions(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from tests.casefolders import materialise

    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    data = materialise(INVALID / "DAT001-echeance-avant-signature", tmp_path)
    _, out, _ = run_cli("validate", "--data", str(data))
    first = out.splitlines()[0]
    path = str(data / "engagements.yaml").replace(":", "%3A").replace(",", "%2C")
    assert first.startswith(f"::warning file={path},line=26,col=15,title=DAT001::échéance du ")


def test_missing_library_is_an_environment_error(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A library the installation lacks (Pillow for the timeline picture…) is a problem of
    the environment: exit 2 and a French message, no « erreur interne »."""
    from convention_cli.checks import pipeline

    def missing(_data: Path) -> None:
        raise ModuleNotFoundError("No module named 'PIL'", name="PIL")

    monkeypatch.setattr(pipeline, "validate_registry", missing)
    code, _, err = run_cli("validate", "--data", str(BASE))
    assert code == 2
    assert err == ("convention : le module Python « PIL » est introuvable : l'installation "
                   "est incomplète. Réinstallez l'outil (voir « Installation en deux "
                   "commandes » dans le README).\n")


def test_missing_module_of_the_tool_itself_is_an_internal_error(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    from convention_cli.checks import pipeline

    def missing(_data: Path) -> None:
        raise ModuleNotFoundError("No module named 'convention_cli.x'", name="convention_cli.x")

    monkeypatch.setattr(pipeline, "validate_registry", missing)
    code, _, err = run_cli("validate", "--data", str(BASE))
    assert code == 70
    assert "erreur interne inattendue" in err


def test_unexpected_exception_is_reported_without_traceback(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    from convention_cli.checks import pipeline

    def boom(_data: Path) -> None:
        raise RuntimeError("panne simulée")

    monkeypatch.setattr(pipeline, "validate_registry", boom)
    code, _, err = run_cli("validate", "--data", str(BASE))
    assert code == 70
    assert "erreur interne inattendue (RuntimeError : panne simulée)" in err
    assert "Traceback" not in err
    with pytest.raises(RuntimeError):
        main(["--debug", "validate", "--data", str(BASE)])


def test_version(run_cli: RunCli) -> None:
    from convention_cli import __version__

    assert run_cli("--version")[:2] == (0, f"convention {__version__}\n")


def test_every_command_has_french_help() -> None:
    for command in app.registered_commands:
        doc = command.callback.__doc__ if command.callback else None
        assert doc, command.name
        assert "Exemple" in doc, command.name
        assert any(c in doc for c in "éèàêçûô"), command.name


def test_help_imports_no_heavy_module() -> None:
    """``convention --help`` stays fast: no YAML library, pydantic model or jinja2."""
    script = (
        "import sys\n"
        "from convention_cli.cli.app import main\n"
        "main(['--help'])\n"
        "heavy = ('yaml', 'ruamel', 'jinja2', 'convention_cli.models', 'pydantic')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy"
        " or m == 'convention_cli.models'))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=True, env={**os.environ, "COLUMNS": "100"})
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_python_dash_m_entry_point() -> None:
    result = subprocess.run([sys.executable, "-m", "convention_cli", "--version"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert result.stdout.startswith("convention ")


# markdown_it is not listed: typer's rich help already imports it.
CONVERTERS = ("docx", "odf", "matplotlib", "numpy", "PIL", "lxml", "fontTools")


@pytest.mark.parametrize("args", [["--help"], ["validate", "--data", str(DATA)]])
def test_help_and_validate_import_no_converter(args: list[str]) -> None:
    """The document converters and the plotting library load only for a document that
    needs them: ``--help`` and ``validate`` never pay their start-up."""
    script = (
        "import sys\n"
        "from convention_cli.cli.app import main\n"
        f"main({args!r})\n"
        f"heavy = {CONVERTERS!r}\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=False, env={**os.environ, "COLUMNS": "100"})
    assert result.stdout.strip().splitlines()[-1] == "[]"


# --- failures mapped to a French message and an exit code, in process ----------------------


@pytest.fixture
def nothing_written(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files written by this run only (earlier in-process runs may have written)."""
    from convention_cli.edit import atomic

    written: list[Path] = []
    monkeypatch.setattr(atomic, "WRITTEN", written)
    return written


def _failing_validation(monkeypatch: pytest.MonkeyPatch, exc: BaseException,
                        wrote: Path | None = None) -> None:
    """``validate`` fails with ``exc``, after writing ``wrote`` if given."""
    from convention_cli.checks import pipeline
    from convention_cli.edit import atomic

    def fail(_data: Path) -> None:
        if wrote is not None:
            atomic.WRITTEN.append(wrote)
        raise exc

    monkeypatch.setattr(pipeline, "validate_registry", fail)


def test_undecodable_argument_is_refused_before_anything_runs(
    run_cli: RunCli, nothing_written: list[Path],
) -> None:
    """The bad byte is shown as a byte (``\\xfe``), the readable characters as they are."""
    code, out, err = run_cli("status", "--data", "/tmp/é\udcfe")
    assert (code, out) == (2, "")
    assert err == ("convention : argument illisible « /tmp/é\\xfe » : octets qui ne sont pas "
                   "de l'UTF-8 valide ; rien n'a été fait\n")
    assert run_cli("status", "\ud800").err.startswith(
        "convention : argument illisible « \\ud800 » : ")


def test_interruption_exits_130(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, nothing_written: list[Path],
) -> None:
    """Ctrl-C inside a command: 130 (128 + SIGINT), said in one line, without a traceback
    (typer alone would end it silently)."""
    _failing_validation(monkeypatch, KeyboardInterrupt())
    assert run_cli("validate", "--data", str(BASE)) == (130, "", "convention : interrompu.\n")


@pytest.mark.parametrize("reader", ["FrenchGroup", "FrenchCommand"])
def test_interruption_while_reading_arguments_is_said(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, nothing_written: list[Path],
    reader: str,
) -> None:
    """Ctrl-C while the command line is read (the application's options, then the
    command's): the same 130 and the same line as inside a command (typer alone ends it
    silently with 130)."""
    from convention_cli.cli import french

    def interrupted(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(getattr(french, reader), "parse_args", interrupted, raising=False)
    assert run_cli("validate", "--data", str(BASE)) == (130, "", "convention : interrompu.\n")


def test_interruption_after_writing_exits_0(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, nothing_written: list[Path],
) -> None:
    """If it wrote, 0: Ctrl-C after the files are written (atomically, so each is whole)
    says so and exits 0."""
    _failing_validation(monkeypatch, KeyboardInterrupt(), wrote=Path("engagements.yaml"))
    assert run_cli("validate", "--data", str(BASE)) == (
        0, "", "convention : interrompu après l'écriture de engagements.yaml (écritures "
               "complètes)\n")
    from convention_cli.checks import pipeline
    from convention_cli.edit import atomic

    def write_two_then_interrupt(_data: Path) -> None:
        atomic.WRITTEN.extend([Path("engagements.yaml"), Path("reunions.yaml")])
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "validate_registry", write_two_then_interrupt)
    assert run_cli("validate", "--data", str(BASE)) == (
        0, "", "convention : interrompu après l'écriture de 2 fichiers (écritures "
               "complètes)\n")


def test_edit_interrupted_after_its_write_exits_0(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, nothing_written: list[Path],
    data_copy: Path,
) -> None:
    """A real edit: the registry file is replaced, then Ctrl-C arrives (before the lock is
    released and the message printed): the entry is there and the exit code is 0."""
    from convention_cli.edit import transaction

    write_changes = transaction.write_changes

    def write_then_interrupt(changes: list[transaction.Change]) -> None:
        write_changes(changes)
        raise KeyboardInterrupt

    monkeypatch.setattr(transaction, "write_changes", write_then_interrupt)
    code, out, err = run_cli("journal", "add", "bilan-annuel", "--texte", "Bilan remis",
                             "--date", "2024-06-20", "--data", str(data_copy))
    assert (code, out) == (0, "")
    assert err == (f"convention : interrompu après l'écriture de {data_copy / 'engagements.yaml'}"
                   " (écritures complètes)\n")
    assert "texte: Bilan remis" in (data_copy / "engagements.yaml").read_text("utf-8")


def test_system_refusal_says_nothing_was_written(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, nothing_written: list[Path],
) -> None:
    import errno

    _failing_validation(monkeypatch, OSError(errno.ENOSPC, "No space left", "/tmp/x"))
    assert run_cli("validate", "--data", str(BASE)) == (
        2, "", "convention : refus du système (disque plein : /tmp/x) ; rien n'a été écrit\n")
    _failing_validation(monkeypatch, OSError(errno.EIO, "I/O error"))
    assert run_cli("validate", "--data", str(BASE)).err == (
        "convention : refus du système (erreur d'entrée-sortie) ; rien n'a été écrit\n")


def test_system_refusal_after_writing_exits_0(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, nothing_written: list[Path],
) -> None:
    import errno

    _failing_validation(monkeypatch, OSError(errno.ENOSPC, "No space left"),
                        wrote=Path("engagements.yaml"))
    assert run_cli("validate", "--data", str(BASE)) == (
        0, "", "convention : message final non affiché (disque plein) ; les fichiers ont "
               "bien été écrits\n")


def test_closed_pipe_ends_quietly(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, nothing_written: list[Path],
) -> None:
    _failing_validation(monkeypatch, BrokenPipeError())
    assert run_cli("validate", "--data", str(BASE)) == (141, "", "")
    _failing_validation(monkeypatch, BrokenPipeError(), wrote=Path("engagements.yaml"))
    assert run_cli("validate", "--data", str(BASE)) == (0, "", "")


def test_what_an_earlier_run_wrote_does_not_make_a_later_failure_succeed(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, nothing_written: list[Path],
    tmp_path: Path,
) -> None:
    """Two ``main`` calls in one process: the first writes, the second fails and says
    that nothing was written (« if it wrote, 0 » speaks of one run)."""
    import errno
    import shutil

    data = shutil.copytree(BASE, tmp_path / "data")
    assert run_cli("journal", "add", "unml-relayer", "--texte", "Deuxième note", "--date",
                   "2024-02-01", "--data", data).code == 0
    assert nothing_written == [data / "engagements.yaml"]
    _failing_validation(monkeypatch, OSError(errno.ENOSPC, "No space left"))
    assert run_cli("validate", "--data", str(data)) == (
        2, "", "convention : refus du système (disque plein) ; rien n'a été écrit\n")
    assert nothing_written == []


def test_no_arguments_shows_the_help(run_cli: RunCli) -> None:
    code, out, err = run_cli()
    assert code in (0, 2)
    assert "Utilisation : convention" in out + err
    assert "convention : " not in err  # no error line under the help


def test_output_that_cannot_take_utf8_gets_question_marks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import io

    from convention_cli.cli import app as app_module

    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii")
    monkeypatch.setattr(sys, "stdout", stream)
    app_module._degrade_unencodable_output()
    stream.write("échéance")
    stream.flush()
    assert raw.getvalue() == b"?ch?ance"


def test_python_dash_m_exits_with_the_code_of_main(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    """``python -m convention_cli`` in process: the console-script path (``argv`` None)
    ends with ``sys.exit(code)``."""
    import runpy
    import signal

    import convention_cli

    entry = Path(convention_cli.__file__).with_name("__main__.py")
    before = signal.getsignal(signal.SIGPIPE)
    monkeypatch.setattr(sys, "argv", ["convention", "validate", "--data", str(BASE)])
    try:
        with pytest.raises(SystemExit) as ended:
            runpy.run_path(str(entry), run_name="__main__")
    finally:
        signal.signal(signal.SIGPIPE, before)
    assert ended.value.code == 0
    assert capsys.readouterr().out == "Registre valide : 6 fichiers vérifiés, aucun problème.\n"
