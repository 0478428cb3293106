"""Start-up scenario: ``convention --help`` and ``--version`` against a minimal typer app
with as many commands, and the heavy modules left loaded after ``--help``."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from harness import (
    Series,
    paired_ratio,
    python_json,
    time_pair,
)

# Modules that ``convention --help`` must not import (perf-baselines.md, goal 1).
HEAVY_ROOTS = ("yaml", "_yaml", "ruamel", "_ruamel_yaml", "pydantic", "pydantic_core", "jinja2")
HEAVY_PREFIX = "convention_cli.models"


TARGET_HELP = 1.15  # convention --help ÷ minimal typer app --help, paired


COMMANDS_CODE = """
import json
from convention_cli.cli.app import app
names = [c.name or c.callback.__name__ for c in app.registered_commands]
names += [g.name or "groupe" for g in app.registered_groups]
print(json.dumps(names))
"""

MODULES_CODE = """
import contextlib, io, json, runpy, sys
sys.argv = ["convention", *ARGS]
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    try:
        runpy.run_module("convention_cli", run_name="__main__", alter_sys=True)
    except SystemExit:
        pass
roots = set(ROOTS)
found = sorted(m for m in sys.modules
               if m.split(".")[0] in roots or m == PREFIX or m.startswith(PREFIX + "."))
print(json.dumps(found))
"""


def heavy_modules(python: str, argv: Sequence[str]) -> list[str] | None:
    code = (MODULES_CODE.replace("ARGS", repr(list(argv)))
            .replace("ROOTS", repr(HEAVY_ROOTS)).replace("PREFIX", repr(HEAVY_PREFIX)))
    result = python_json(python, code)
    return [str(m) for m in result] if isinstance(result, list) else None


MINIMAL_APP = '''"""Minimal typer app shaped like ``convention``, written by bench/run_bench.py."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    name="minimal",
    help="Application typer minimale de référence : mêmes réglages que convention.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version_callback(value: bool) -> None:
    if value:
        typer.echo("minimal 0.0.0")
        raise typer.Exit


@app.callback()
def root(
    version: bool = typer.Option(
        False, "--version", help="Affiche la version et quitte.",
        callback=_version_callback, is_eager=True,
    ),
    debug: bool = typer.Option(False, "--debug", help="Affiche la trace complète."),
) -> None:
    """Application typer minimale de référence."""
{commands}

if __name__ == "__main__":
    app()
'''

MINIMAL_COMMAND = '''

@app.command("{name}")
def command_{index}(
    data: Annotated[Path | None, typer.Option("--data", "-d", help="Dossier.")] = None,
) -> None:
    """Commande {name} de référence, qui n'importe rien de lourd.

    Son travail serait importé ici, à l'exécution seulement.
    """
    import json

    typer.echo(json.dumps({{"commande": "{name}", "data": str(data)}}))
'''


def write_minimal_app(folder: Path, names: Sequence[str]) -> Path:
    commands = "".join(MINIMAL_COMMAND.format(name=name, index=index)
                       for index, name in enumerate(names, start=1))
    path = folder / "minimal_typer_app.py"
    path.write_text(MINIMAL_APP.replace("{commands}", commands), encoding="utf-8")
    return path


@dataclass
class StartupResult:
    argv: list[str]
    convention: Series
    minimal: Series

    @property
    def ratio(self) -> float:
        return paired_ratio(self.convention, self.minimal)


def bench_startup(args: argparse.Namespace, tmp: Path, tools: dict[str, str],
                  names: Sequence[str]) -> list[StartupResult]:
    minimal = write_minimal_app(tmp, names)
    results = []
    for argv in (["--help"], ["--version"]):
        conv = Series(f"convention {argv[0]}", [tools["convention"], *argv])
        mini = Series(f"minimale {argv[0]}", [tools["python"], str(minimal), *argv])
        time_pair(conv, mini, runs=args.startup_runs_effective, warmup=args.warmup, workdir=tmp,
                  tag=argv[0])
        results.append(StartupResult(argv, conv, mini))
    return results
