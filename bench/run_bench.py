"""Whole-process benchmark of ``convention`` against check-jsonschema and a minimal typer app.

Usage::

    python bench/run_bench.py [--sizes 100,1000,10000] [--runs N] [--quick] [--out results.md]

For each size N it generates a synthetic registry (``gen_registry.py``) in a temporary
folder, or reuses ``bench/.cache/N/``, exports the JSON Schemas with
``convention schema --sortie``, then runs, alternately (A B A B ...):

* A: ``convention validate --data DIR``;
* B: ``check-jsonschema --schemafile DIR/schemas/engagements.schema.json DIR/engagements.yaml``.

It reports median wall times, the median of the per-pair ratios A/B, the peak RSS of each
child process (``os.wait4``), the cost per engagement after start-up and the start-up of
``convention --help`` against a minimal typer app with as many commands.

Unless ``--no-commands``, it also times ``status``, ``agenda``, ``bilan --annee``,
``bilan --pluriannuel``, ``passation`` and a one-field edit (``journal add``), each paired
with ``convention validate --data DIR`` on the same registry (A B A B ...), on a copy of the
repository's ``data/`` and on every synthetic size (the edit: up to 1,000 engagements, on a
copy of its own, with a new text at every run so that each run writes). Method and
targets: ``/work/shared/reference/perf-baselines.md``; how to read the output:
``bench/README.md``. Standard library only: it drives the tools as a user would.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from fr import fr_seconds, log
from harness import (
    ENV,
    VERSIONS_CODE,
    close_launchers,
    find_tool,
    interpreter_of,
    python_json,
)
from registries import (
    copy_registry,
    is_complete,
)
from report import render
from scenarios import (
    REAL_DATA,
    CommandResult,
    Results,
    SizeResult,
    bench_commands,
    bench_size,
    parse_command_runs,
    runs_for,
    series_of,
)
from startup import (
    COMMANDS_CODE,
    StartupResult,
    bench_startup,
    heavy_modules,
)

# --- Command line ---------------------------------------------------------------------------


def parse_sizes(text: str) -> list[int]:
    try:
        sizes = sorted({int(part.replace("_", "")) for part in text.split(",") if part.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(f"liste de tailles invalide : {text!r}") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("les tailles sont des entiers ≥ 1")
    return sizes


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description="Mesure convention validate face à check-jsonschema, et le démarrage "
        "face à une app typer minimale (processus entiers, mesures appariées).")
    parser.add_argument("--sizes", type=parse_sizes, default=parse_sizes("100,1000,10000"),
                        help="tailles N (engagements), séparées par des virgules "
                        "(défaut 100,1000,10000)")
    parser.add_argument("--runs", type=int, default=0,
                        help="exécutions chronométrées par commande et par taille "
                        "(défaut : 10 jusqu'à 1 000, 3 au-delà)")
    parser.add_argument("--startup-runs", type=int, default=20,
                        help="exécutions pour le démarrage (défaut 20)")
    parser.add_argument("--warmup", type=int, default=1,
                        help="exécutions de chauffe non chronométrées par commande (défaut 1)")
    parser.add_argument("--quick", action="store_true",
                        help="une exécution de chaque, sans chauffe (vérification rapide)")
    parser.add_argument("--out", type=Path, default=None,
                        help="écrit aussi le tableau Markdown dans ce fichier "
                        "(défaut : sortie standard seulement)")
    parser.add_argument("--startup-n", type=int, default=10,
                        help="engagements du registre de démarrage t₀ (défaut 10 ; "
                        "0 pour ne pas le mesurer)")
    parser.add_argument("--missions-locales", type=int, default=450,
                        help="missions locales des registres générés (défaut 450)")
    parser.add_argument("--seed", type=int, default=42, help="graine du générateur (défaut 42)")
    parser.add_argument("--keep", action="store_true",
                        help="garde les registres générés dans bench/.cache/N/ pour les "
                        "réutiliser")
    parser.add_argument("--convention", default=None, help="chemin de l'exécutable convention")
    parser.add_argument("--check-jsonschema", default=None,
                        help="chemin de l'exécutable check-jsonschema")
    parser.add_argument("--no-startup", action="store_true",
                        help="ne mesure pas le démarrage (--help, --version)")
    parser.add_argument("--commands", action=argparse.BooleanOptionalAction, default=True,
                        help="chronomètre status, agenda, bilan, passation et journal add face "
                        "à validate, sur les données réelles et sur chaque taille (défaut : "
                        "oui)")
    parser.add_argument("--commands-runs", type=parse_command_runs, default=(10, 5, 2),
                        metavar="REEL,PETIT,GRAND",
                        help="paires par commande : données réelles, N ≤ 1 000, N > 1 000 "
                        "(défaut 10,5,2 ; un seul nombre vaut pour les trois)")
    parser.add_argument("--real-data", type=Path, default=REAL_DATA,
                        help="dossier des données réelles, copié avant les mesures "
                        "(défaut : data/ du dépôt)")
    return parser


def build_steps(args: argparse.Namespace, tmp: Path, tools: dict[str, str],
                names: Sequence[str], results: Results) -> list[tuple[str, Callable[[], None]]]:
    """The measurements in their order; each fills ``results``."""
    steps: list[tuple[str, Callable[[], None]]] = []
    if not args.no_startup:
        def startup() -> None:
            results.startup.extend(bench_startup(args, tmp, tools, names))
            for flag in ("--help", "--version"):
                results.heavy[flag] = heavy_modules(tools["python"], [flag])
        steps.append(("démarrage : --help et --version", startup))
    if args.startup_n > 0:
        def reference() -> None:
            results.sizes.append(bench_size(args.startup_n, args, tmp, tools,
                                            runs=args.startup_runs_effective,
                                            startup_reference=True))
        steps.append((f"registre de démarrage (N = {args.startup_n})", reference))
    if args.commands:
        def real_commands() -> None:
            source = args.real_data.resolve()
            if not is_complete(source):
                raise SystemExit(f"run_bench : {source} n'a pas les six fichiers du registre")
            copy = copy_registry(source, tmp / "donnees-reelles" / "data")
            results.commands.append(bench_commands(
                None, copy, f"copie de {source}", args, tmp, tools))
        steps.append(("commandes face à validate : données réelles", real_commands))
    for n in args.sizes:
        def one_size(n: int = n) -> None:
            size = bench_size(n, args, tmp, tools, runs=runs_for(n, args))
            results.sizes.append(size)
            if args.commands:
                log(f"== commandes face à validate : N = {n}")
                results.commands.append(bench_commands(
                    n, size.registry.path, size.registry.origin, args, tmp, tools))
        steps.append((f"N = {n}", one_size))
    return steps


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.quick:
        args.warmup = 0
    args.startup_runs_effective = 1 if args.quick else args.startup_runs
    tools = {
        "convention": find_tool("convention", args.convention),
        "check-jsonschema": find_tool("check-jsonschema", args.check_jsonschema),
    }
    tools["python"] = interpreter_of(tools["convention"])
    versions_raw = python_json(interpreter_of(tools["check-jsonschema"]), VERSIONS_CODE)
    versions: dict[str, object] = versions_raw if isinstance(versions_raw, dict) else {}
    names_raw = python_json(tools["python"], COMMANDS_CODE)
    names = [str(n) for n in names_raw] if isinstance(names_raw, list) else []
    if not names:
        raise SystemExit("run_bench : impossible de lister les commandes de convention "
                         "(import de convention_cli.cli.app)")
    raw_argv = list(sys.argv if argv is None else ["bench/run_bench.py", *argv])
    results = Results(
        command_line="python " + shlex.join(raw_argv),
        tools=tools, versions=versions, command_names=names,
    )
    log(f"convention : {tools['convention']} ; check-jsonschema : {tools['check-jsonschema']} ; "
        f"ruamel.yaml.clib importable : {'oui' if versions.get('clib_importable') else 'non'}")
    started = time.perf_counter()
    results.load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="convention-bench-") as tmp_name:
        tmp = Path(tmp_name)
        ENV["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
        steps = build_steps(args, tmp, tools, names, results)
        for title, step in steps:
            log(f"== {title}")
            step()
        close_launchers()
        every: list[SizeResult | StartupResult | CommandResult] = [
            *results.sizes, *results.startup,
            *(res for section in results.commands for res in section.results)]
        results.rss_floor_kib = max(
            (r.floor_kib for item in every for series in series_of(item) for r in series.runs),
            default=0)
        results.load_after = os.getloadavg()[0]
        report = render(results)
    log(f"terminé en {fr_seconds(time.perf_counter() - started)}")
    sys.stdout.write(report + "\n")
    if args.out is not None:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(report + "\n", encoding="utf-8")
        log(f"résultats écrits dans {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
