"""The ``convention`` application: commands, and the one top-level error handler.

Start-up matters (pre-commit hooks, CI): this module and the command modules import
only typer; each command imports its work when it runs.
"""

from __future__ import annotations

import sys

import typer

from convention_cli import __version__
from convention_cli.cli.commands.export import export
from convention_cli.cli.commands.schema import schema
from convention_cli.cli.commands.validate import validate

EXIT_INTERNAL_ERROR = 70  # EX_SOFTWARE: a bug, not a problem in the data

app = typer.Typer(
    name="convention",
    help="Registre vivant de la convention de partenariat UNML × DGOM (2023-2025) : "
    "validation, échéances et documents de suivi.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
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
) -> None:
    """Registre vivant de la convention de partenariat UNML × DGOM (2023-2025)."""


app.command("validate")(validate)
app.command("schema")(schema)
app.command("export")(export)


def main(argv: list[str] | None = None) -> int:
    """Run the application; map every failure to a French message and an exit code."""
    args = sys.argv[1:] if argv is None else argv
    from convention_cli.errors import ConventionError

    try:
        app(args=args, prog_name="convention", standalone_mode=True)
    except SystemExit as exc:
        code = exc.code
        if code is None:
            return _exit(0, argv)
        return _exit(code if isinstance(code, int) else 1, argv)
    except ConventionError as exc:
        sys.stderr.write(f"convention : {exc}\n")
        return _exit(exc.exit_code, argv)
    except KeyboardInterrupt:
        sys.stderr.write("convention : interrompu.\n")
        return _exit(130, argv)
    except Exception as exc:
        if "--debug" in args:
            raise
        sys.stderr.write(
            f"convention : erreur interne inattendue ({exc.__class__.__name__} : {exc}). "
            "Relancez avec --debug pour la trace et signalez-la.\n")
        return _exit(EXIT_INTERNAL_ERROR, argv)
    return _exit(0, argv)


def _exit(code: int, argv: list[str] | None) -> int:
    if argv is None:  # called as the console script
        sys.exit(code)
    return code
