"""The ``convention`` application: commands, and the one top-level error handler.

Start-up matters (pre-commit hooks, CI): this module and the command modules import
only typer; each command imports its work when it runs.
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import Annotated, Any

import typer

from convention_cli import __version__
from convention_cli.cli.commands.action import action_app
from convention_cli.cli.commands.agenda import agenda
from convention_cli.cli.commands.bilan import bilan
from convention_cli.cli.commands.couverture import couverture
from convention_cli.cli.commands.decision import decision_app
from convention_cli.cli.commands.echeances import echeances
from convention_cli.cli.commands.engagement import engagement
from convention_cli.cli.commands.engagements import engagements
from convention_cli.cli.commands.export import export
from convention_cli.cli.commands.gt import gt
from convention_cli.cli.commands.importation import import_
from convention_cli.cli.commands.init import init
from convention_cli.cli.commands.journal import journal_app
from convention_cli.cli.commands.passation import communication, passation
from convention_cli.cli.commands.releve import releve
from convention_cli.cli.commands.reunion import reunion_app
from convention_cli.cli.commands.schema import schema
from convention_cli.cli.commands.site import site
from convention_cli.cli.commands.status import status
from convention_cli.cli.commands.suivi import (
    avenant_app,
    evaluation_app,
    mesure_app,
    projet_app,
    referent_app,
)
from convention_cli.cli.commands.territoire import territoire
from convention_cli.cli.commands.territoires import territoires
from convention_cli.cli.commands.validate import validate
from convention_cli.cli.french import (
    CommandInterruptedError,
    FrenchCommand,
    FrenchGroup,
    translate_usage_message,
)

EXIT_INTERNAL_ERROR = 70  # EX_SOFTWARE: a bug, not a problem in the data
_COMPLETION_OPTIONS = {"--show-completion", "--install-completion"}

app = typer.Typer(
    name="convention",
    help="Registre vivant de la convention de partenariat UNML × DGOM (2023-2025) : "
    "validation, échéances et documents de suivi.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    cls=FrenchGroup,
)


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"convention {__version__}")
        raise typer.Exit


@app.callback()
def root(
    version: bool = typer.Option(
        False, "--version", help="Affiche la version et quitte.",
        callback=_version_callback, is_eager=True,
    ),
    debug: bool = typer.Option(
        False, "--debug", help="Affiche la trace complète en cas d'erreur interne."
    ),
    show_completion: Annotated[str | None, typer.Option(
        "--show-completion", metavar="[SHELL]", show_default=False,
        help="Affiche le script de complétion pour bash, zsh ou fish (défaut : le shell "
        "courant), à copier ou à charger avec « source ».")] = None,
    install_completion: Annotated[str | None, typer.Option(
        "--install-completion", metavar="[SHELL]", show_default=False,
        help="Installe la complétion (commandes, options, identifiants du registre) pour "
        "bash, zsh ou fish (défaut : le shell courant).")] = None,
) -> None:
    """Registre vivant de la convention de partenariat UNML × DGOM (2023-2025)."""


app.command("validate", cls=FrenchCommand)(validate)
app.command("status", cls=FrenchCommand)(status)
app.command("echeances", cls=FrenchCommand)(echeances)
app.command("engagements", cls=FrenchCommand)(engagements)
app.command("engagement", cls=FrenchCommand)(engagement)
app.command("territoires", cls=FrenchCommand)(territoires)
app.command("territoire", cls=FrenchCommand)(territoire)
app.command("gt", cls=FrenchCommand)(gt)
app.command("agenda", cls=FrenchCommand)(agenda)
app.command("passation", cls=FrenchCommand)(passation)
app.command("communication", cls=FrenchCommand)(communication)
app.command("releve", cls=FrenchCommand)(releve)
app.command("bilan", cls=FrenchCommand)(bilan)
app.add_typer(journal_app, name="journal")
app.add_typer(reunion_app, name="reunion")
app.add_typer(decision_app, name="decision")
app.add_typer(action_app, name="action")
app.add_typer(mesure_app, name="mesure")
app.add_typer(referent_app, name="referent")
app.add_typer(avenant_app, name="avenant")
app.add_typer(projet_app, name="projet")
app.add_typer(evaluation_app, name="evaluation")
app.command("init", cls=FrenchCommand)(init)
app.command("schema", cls=FrenchCommand)(schema)
app.command("export", cls=FrenchCommand)(export)
app.command("couverture", cls=FrenchCommand)(couverture)
app.command("import", cls=FrenchCommand)(import_)
app.command("site", cls=FrenchCommand)(site)


def main(argv: list[str] | None = None) -> int:
    """Run the application; map every failure to a French message and an exit code."""
    args = sys.argv[1:] if argv is None else argv
    from convention_cli.cli.terminal import default_sigpipe, exit_on_broken_pipe
    from convention_cli.errors import ConventionError

    if argv is None:
        default_sigpipe()
    _forget_earlier_writes()
    undecodable = _undecodable_argument(args)
    if undecodable is not None:
        sys.stderr.write(f"convention : argument illisible « {undecodable} » : octets qui ne "
                         "sont pas de l'UTF-8 valide ; rien n'a été fait\n")
        return _exit(2, argv)
    _degrade_unencodable_output()
    try:
        if _COMPLETION_OPTIONS & set(args[:1]) or os.environ.get("_CONVENTION_COMPLETE"):
            from convention_cli.cli.completion import prepare_protocol, run_completion_option

            prepare_protocol()
            code = run_completion_option(args)
            if code is not None:
                return _exit(code, argv)
        result = app(args=args, prog_name="convention", standalone_mode=False)
        sys.stdout.flush()  # inside the handler: a full or closed output is reported here
    except BrokenPipeError:
        code = exit_on_broken_pipe()
        return _exit(0 if _wrote_files() else code, argv)
    except SystemExit as exc:  # click ends a closed pipe (EPIPE) with exit 1
        if exc.code not in (0, None) and _wrote_files():
            _discard_stdout()
            return _exit(0, argv)
        raise
    except ConventionError as exc:
        sys.stderr.write(f"convention : {exc}\n")
        return _exit(exc.exit_code, argv)
    except (KeyboardInterrupt, CommandInterruptedError):
        return _exit(_report_interruption(), argv)
    except OSError as exc:
        return _exit(_report_system_error(exc), argv)
    except Exception as exc:
        if _is_missing_dependency(exc) and "--debug" not in args:
            return _exit(_report_missing_dependency(exc), argv)
        if _is_usage_error(exc):
            return _exit(_report_usage_error(exc), argv)
        if "--debug" in args:
            raise
        sys.stderr.write(
            f"convention : erreur interne inattendue ({exc.__class__.__name__} : {exc}). "
            "Relancez avec --debug pour la trace et signalez-la.\n")
        return _exit(EXIT_INTERNAL_ERROR, argv)
    return _exit(result if isinstance(result, int) else 0, argv)


def _undecodable_argument(args: list[str]) -> str | None:
    """An argument holding bytes that are not UTF-8 (Python keeps them as lone
    surrogates), shown with the bad bytes as bytes (``/tmp/\\xfe``); None if all are
    readable."""
    for arg in args:
        if any(0xD800 <= ord(c) <= 0xDFFF for c in arg):
            try:
                raw = arg.encode("utf-8", "surrogateescape")
            except UnicodeEncodeError:  # a lone surrogate that is no escaped byte
                return arg.encode("utf-8", "backslashreplace").decode("utf-8")
            return raw.decode("utf-8", "backslashreplace")
    return None


def _degrade_unencodable_output() -> None:
    """An output that cannot take UTF-8 (``PYTHONIOENCODING=ascii``, a legacy console)
    gets « ? » for the characters it cannot show, instead of failing midway."""
    stream = sys.stdout
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
    if not encoding.startswith("utf") and hasattr(stream, "reconfigure"):
        with contextlib.suppress(OSError, ValueError):
            stream.reconfigure(errors="replace")


def _forget_earlier_writes() -> None:
    """« If it wrote, 0 » speaks of this run: what an earlier ``main`` of the same process
    wrote (tests, embedding) must not turn a later failure into a success."""
    getattr(sys.modules.get("convention_cli.edit.atomic"), "WRITTEN", []).clear()


def _written_files() -> list[str]:
    """The files this run wrote (none when ``edit.atomic`` was never imported)."""
    atomic = sys.modules.get("convention_cli.edit.atomic")
    return sorted({str(path) for path in getattr(atomic, "WRITTEN", None) or []})


def _wrote_files() -> bool:
    return bool(_written_files())


def _report_interruption() -> int:
    """Ctrl-C: 130 (128 + SIGINT), or 0 when the command had already written its files
    (each one whole: the writes are atomic)."""
    written = _written_files()
    if not written:
        sys.stderr.write("convention : interrompu.\n")
        return 130
    what = f"de {written[0]}" if len(written) == 1 else f"de {len(written)} fichiers"
    sys.stderr.write(f"convention : interrompu après l'écriture {what} (écritures "
                     "complètes)\n")
    return 0


def _discard_stdout() -> None:
    """Point standard output at the null device: Python's final flush must not fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _report_system_error(exc: OSError) -> int:
    """A system refusal outside the guarded writes (most often a full or failing standard
    output). A command that already wrote its files exits 0; otherwise 2."""
    from convention_cli.errors import os_error_label

    _discard_stdout()
    if _wrote_files():
        sys.stderr.write(f"convention : message final non affiché ({os_error_label(exc)}) ; "
                         "les fichiers ont bien été écrits\n")
        return 0
    where = f" : {exc.filename}" if exc.filename else ""
    sys.stderr.write(f"convention : refus du système ({os_error_label(exc)}{where}) ; rien "
                     "n'a été écrit\n")
    return 2


def _is_missing_dependency(exc: Exception) -> bool:
    """A library the tool needs is not installed: a problem of the environment, not a bug
    (a module of the tool itself that fails to import is one)."""
    name = getattr(exc, "name", None)
    return (isinstance(exc, ModuleNotFoundError) and isinstance(name, str)
            and name.partition(".")[0] != "convention_cli")


def _report_missing_dependency(exc: Exception) -> int:
    """Exit 2 (environment), or 0 when the command had already written its files."""
    name = getattr(exc, "name", "?")
    sys.stderr.write(
        f"convention : le module Python « {name} » est introuvable : l'installation est "
        "incomplète. Réinstallez l'outil (voir « Installation en deux commandes » dans le "
        "README).\n")
    return 0 if _wrote_files() else 2


def _is_usage_error(exc: Exception) -> bool:
    """click's exceptions (vendored by typer, so matched by shape, not by class)."""
    return hasattr(exc, "format_message") and isinstance(getattr(exc, "exit_code", None), int)


def _report_usage_error(exc: Any) -> int:
    message = translate_usage_message(exc.format_message())
    if not message.strip():  # no arguments: click has already printed the help
        return int(exc.exit_code)
    ctx = getattr(exc, "ctx", None)
    hint = f"\nAide : {ctx.command_path} --help" if ctx is not None else ""
    sys.stderr.write(f"convention : {message}{hint}\n")
    return int(exc.exit_code)


def _exit(code: int, argv: list[str] | None) -> int:
    if argv is None:  # called as the console script
        sys.exit(code)
    return code
