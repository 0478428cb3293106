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
import itertools
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
GENERATOR = BENCH_DIR / "gen_registry.py"
CACHE_DIR = BENCH_DIR / ".cache"
DATA_FILES = ("convention", "parties", "territoires", "engagements", "groupes_travail",
              "reunions")

# Modules that ``convention --help`` must not import (perf-baselines.md, goal 1).
HEAVY_ROOTS = ("yaml", "_yaml", "ruamel", "_ruamel_yaml", "pydantic", "pydantic_core", "jinja2")
HEAVY_PREFIX = "convention_cli.models"

# Targets (perf-baselines.md, "Proposed performance goals").
TARGET_RATIO = {1000: 0.50, 10000: 0.35}  # validate ÷ check-jsonschema (+clib), paired
TARGET_LINEARITY = 1.20  # cost per engagement after start-up, 10,000 ÷ 1,000
TARGET_HELP = 1.15  # convention --help ÷ minimal typer app --help, paired
TARGET_RSS_1K_MIB = 75.0

MIB = 1024  # ru_maxrss is in KiB on Linux


# --- Formatting (French) -------------------------------------------------------------------


def fr_number(value: float, decimals: int) -> str:
    text = f"{value:,.{decimals}f}"
    return text.replace(",", " ").replace(".", ",")


def fr_seconds(seconds: float) -> str:
    if seconds < 1:
        return f"{fr_number(seconds * 1000, 0 if seconds >= 0.1 else 1)} ms"
    return f"{fr_number(seconds, 2 if seconds < 10 else 1)} s"


def fr_ratio(value: float) -> str:
    return fr_number(value, 2 if value < 10 else 1)


def fr_mib(kib: float) -> str:
    return f"{fr_number(kib / MIB, 0)} Mio"


def rss_cell(series: Series) -> str:
    """Median peak RSS; a star when it may be the launcher's own (see LAUNCHER_CODE)."""
    return fr_mib(series.median_rss) + (" *" if series.rss_at_floor else "")


def fr_bytes(size: int) -> str:
    if size >= 1_000_000:
        return f"{fr_number(size / 1_000_000, 2)} Mo"
    return f"{fr_number(size / 1000, 0)} ko"


def verdict(ok: bool | None) -> str:
    if ok is None:
        return "— (non mesuré)"
    return "✅ atteinte" if ok else "❌ non atteinte"


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- Running one process -------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    rss_kib: int  # peak resident set size of the child
    code: int
    floor_kib: int  # the launcher's own peak RSS when the child started (see LAUNCHER_CODE)


def clean_env() -> dict[str, str]:
    """The user's environment, minus what would change the tools' behaviour.

    ``PYTHONDONTWRITEBYTECODE`` is dropped: an installed tool runs from cached bytecode,
    and without it every run of the editable project would recompile its sources.
    ``main`` points ``PYTHONPYCACHEPREFIX`` at a temporary folder, so that the cache is
    written there and never into the source tree.
    """
    env = dict(os.environ)
    for name in ("GITHUB_ACTIONS", "CONVENTION_DATA", "PYTHONPROFILEIMPORTTIME",
                 "PYTHONDONTWRITEBYTECODE"):
        env.pop(name, None)
    env["NO_COLOR"] = "1"
    return env


ENV = clean_env()
PRIMED: set[str] = set()  # labels of the commands already run once (bytecode cache filled)


# The launcher is a small separate process that starts every measured command and waits
# for it with ``os.wait4``, which returns the child's own rusage (peak RSS in KiB on
# Linux). Why not ``subprocess.Popen`` + ``os.wait4`` from here: Popen and posix_spawn
# start the child with vfork, and the kernel then counts the *parent's* peak RSS as a
# floor of the child's (checked: after this process peaked at 310 MiB, ``/bin/true``
# reported 310 MiB). The launcher only ever holds a few MiB, and reports that floor.
LAUNCHER_CODE = """
import json, os, resource, sys, time


def floor():
    # VmHWM is the peak RSS of this process's memory map, which a vforked child inherits;
    # ru_maxrss would also count what this process inherited from its own parent.
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for row in status:
                if row.startswith("VmHWM:"):
                    return int(row.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


for line in sys.stdin:
    cmd, out = json.loads(line)
    actions = [
        (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
        (os.POSIX_SPAWN_OPEN, 1, out or os.devnull, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600),
        (os.POSIX_SPAWN_DUP2, 1, 2),
    ]
    base = floor()
    start = time.perf_counter()
    pid = os.posix_spawnp(cmd[0], cmd, os.environ, file_actions=actions)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    sys.stdout.write(json.dumps([wall, usage.ru_maxrss, os.waitstatus_to_exitcode(status), base]))
    sys.stdout.write("\\n")
    sys.stdout.flush()
"""


class Launcher:
    """Runs commands one at a time in the launcher process (see LAUNCHER_CODE)."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-I", "-S", "-c", LAUNCHER_CODE],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=ENV,
        )

    def run(self, cmd: Sequence[str], capture: Path | None) -> Run:
        assert self.proc.stdin is not None
        assert self.proc.stdout is not None
        self.proc.stdin.write(json.dumps([list(cmd), str(capture) if capture else None]) + "\n")
        self.proc.stdin.flush()
        answer = self.proc.stdout.readline()
        if not answer:
            raise SystemExit(f"run_bench : le lanceur s'est arrêté (commande : {shlex.join(cmd)})")
        wall, rss, code, floor = json.loads(answer)
        return Run(float(wall), int(rss), int(code), int(floor))

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        self.proc.wait()


_LAUNCHER: list[Launcher] = []  # started by main once the environment is final


def run_once(cmd: Sequence[str], capture: Path | None = None) -> Run:
    """Run ``cmd`` to completion: wall time, the child's own peak RSS, exit code.

    Output (stdout and stderr) goes to ``capture``, or to /dev/null."""
    if not _LAUNCHER:
        _LAUNCHER.append(Launcher())
    return _LAUNCHER[0].run(cmd, capture)


@dataclass
class Series:
    """Timed runs of one command."""

    label: str
    cmd: list[str]
    runs: list[Run] = field(default_factory=list)
    first_output: Path | None = None
    first_code: int | None = None
    # When set, called before every run (warm-up included) for the command to launch:
    # an edit that must really write each time (``cmd`` is then only shown).
    make_cmd: Callable[[], list[str]] | None = None
    executions: int = 0  # every run, warm-up and priming included

    def next_cmd(self) -> list[str]:
        self.executions += 1
        return self.make_cmd() if self.make_cmd is not None else self.cmd

    @property
    def median_wall(self) -> float:
        return statistics.median(r.wall for r in self.runs)

    @property
    def median_rss(self) -> float:
        return statistics.median(r.rss_kib for r in self.runs)

    @property
    def max_rss(self) -> int:
        return max(r.rss_kib for r in self.runs)

    @property
    def codes(self) -> set[int]:
        return {r.code for r in self.runs}

    @property
    def rss_at_floor(self) -> bool:
        """True when the measured peak may only be the launcher's own (see LAUNCHER_CODE)."""
        return self.median_rss <= 1.05 * max(r.floor_kib for r in self.runs)


def paired_ratio(a: Series, b: Series) -> float:
    return statistics.median(x.wall / y.wall for x, y in zip(a.runs, b.runs, strict=True))


def time_pair(a: Series, b: Series, *, runs: int, warmup: int, workdir: Path, tag: str) -> None:
    """Warm up, then run A B A B ...; the first run of each is captured for diagnostics.

    A command never run before gets one more untimed run first, which fills the
    bytecode cache (even with ``--quick``)."""
    safe = re.sub(r"[^A-Za-z0-9=_-]+", "_", tag).strip("_")
    for series, slug in ((a, "a"), (b, "b")):
        series.first_output = workdir / f"sortie-{safe}-{slug}.txt"
    if any(s.label not in PRIMED for s in (a, b)):
        warmup += 1
        PRIMED.update((a.label, b.label))
    for index in range(warmup + runs):
        timed = index >= warmup
        for series in (a, b):
            capture = series.first_output if index == 0 else None
            run = run_once(series.next_cmd(), capture)
            if index == 0:
                series.first_code = run.code
            if timed:
                series.runs.append(run)
        if timed:
            n = index - warmup + 1
            log(f"  [{tag}] {n}/{runs} : {a.label} {fr_seconds(a.runs[-1].wall)}, "
                f"{b.label} {fr_seconds(b.runs[-1].wall)}")


# --- Registries -----------------------------------------------------------------------------


@dataclass
class Registry:
    n: int
    path: Path
    origin: str
    engagements_bytes: int
    engagements_lines: int
    total_bytes: int


def count_lines(path: Path) -> int:
    lines = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            lines += chunk.count(b"\n")
    return lines


def is_complete(folder: Path) -> bool:
    return all((folder / f"{name}.yaml").is_file() for name in DATA_FILES)


def prepare_registry(n: int, args: argparse.Namespace, tmp: Path, convention: str) -> Registry:
    params = {"n": n, "missions_locales": args.missions_locales, "seed": args.seed}
    cached = CACHE_DIR / str(n)
    origin = ""
    if is_complete(cached):
        recorded = cached / "parametres.json"
        if not recorded.is_file():
            origin = f"cache {cached} (paramètres non enregistrés)"
        elif json.loads(recorded.read_text(encoding="utf-8")) == params:
            origin = f"cache {cached}"
        else:
            log(f"  {cached} a été généré avec d'autres paramètres : nouveau registre")
    if origin:
        folder = cached
    else:
        folder = cached if args.keep else tmp / f"registre-{n}"
        log(f"  génération de {n} engagements dans {folder}")
        subprocess.run(
            [sys.executable, str(GENERATOR), str(folder), "-n", str(n),
             "--missions-locales", str(args.missions_locales), "--seed", str(args.seed)],
            check=True, stdout=subprocess.DEVNULL,
        )
        if args.keep:
            (folder / "parametres.json").write_text(json.dumps(params) + "\n", encoding="utf-8")
        origin = f"généré (graine {args.seed})" + (f", gardé dans {folder}" if args.keep else "")
    log(f"  export des schémas : {convention} schema --sortie {folder / 'schemas'}")
    exported = subprocess.run(
        [convention, "schema", "--sortie", str(folder / "schemas")],
        check=False, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=ENV,
    )
    if exported.returncode != 0:
        raise SystemExit(f"run_bench : « convention schema --sortie » a échoué "
                         f"(code {exported.returncode}) :\n{exported.stderr}")
    engagements = folder / "engagements.yaml"
    return Registry(
        n=n, path=folder, origin=origin,
        engagements_bytes=engagements.stat().st_size,
        engagements_lines=count_lines(engagements),
        total_bytes=sum((folder / f"{name}.yaml").stat().st_size for name in DATA_FILES),
    )


# --- Reading the tools' output --------------------------------------------------------------

_DIAGNOSTIC = re.compile(r": (erreur|avertissement) ([A-Z]+[0-9]+): ")


@dataclass
class Outcome:
    summary: str
    by_code: Counter[str]
    head: list[str]


def read_outcome(path: Path | None, head_lines: int = 12) -> Outcome:
    """Summary line, diagnostics per code and the first lines, read line by line."""
    by_code: Counter[str] = Counter()
    head: list[str] = []
    last = ""
    if path is None or not path.is_file():
        return Outcome("(aucune sortie)", by_code, head)
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            text = line.rstrip("\n")
            if len(head) < head_lines:
                head.append(text[:300])
            match = _DIAGNOSTIC.search(text)
            if match:
                by_code[f"{match.group(2)} ({match.group(1)})"] += 1
            if text.strip():
                last = text
    return Outcome(last[:300], by_code, head)


# --- Tools and machine ----------------------------------------------------------------------


def find_tool(name: str, explicit: str | None) -> str:
    if explicit:
        return explicit
    beside = Path(sys.executable).parent / name
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"run_bench : « {name} » introuvable (ni à côté de {sys.executable}, "
                         f"ni dans le PATH) ; installez-le ou passez --{name} CHEMIN")
    return found


def interpreter_of(script: str) -> str:
    """The Python that runs a console script (its shebang), else this one."""
    try:
        with Path(script).open("rb") as handle:
            first = handle.readline(512).decode("utf-8", "replace").strip()
    except OSError:
        return sys.executable
    if first.startswith("#!"):
        candidate = first[2:].strip().split(" ")[0]
        if Path(candidate).is_file():
            return candidate
    return sys.executable


def python_json(python: str, code: str) -> object:
    """Run ``code`` with ``python``; it prints one JSON value as its last line."""
    done = subprocess.run([python, "-c", code], check=False, capture_output=True, text=True,
                          env=ENV)
    if done.returncode != 0 or not done.stdout.strip():
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


VERSIONS_CODE = """
import json
from importlib import metadata
names = ["convention-cli", "typer", "click", "rich", "pydantic", "pydantic-core", "PyYAML",
         "ruamel.yaml", "ruamel.yaml.clib", "check-jsonschema", "jsonschema"]
found = {}
for name in names:
    try:
        found[name] = metadata.version(name)
    except metadata.PackageNotFoundError:
        pass
try:
    import yaml
    found["libyaml"] = "oui" if yaml.__with_libyaml__ else "non"
except ImportError:
    pass
try:
    import _ruamel_yaml  # noqa: F401
    found["clib_importable"] = True
except ImportError:
    found["clib_importable"] = False
print(json.dumps(found))
"""

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


# --- The benchmark --------------------------------------------------------------------------


@dataclass
class SizeResult:
    registry: Registry
    validate: Series
    peer: Series
    startup_reference: bool = False

    @property
    def ratio(self) -> float:
        return paired_ratio(self.validate, self.peer)


@dataclass
class StartupResult:
    argv: list[str]
    convention: Series
    minimal: Series

    @property
    def ratio(self) -> float:
        return paired_ratio(self.convention, self.minimal)


@dataclass
class Results:
    command_line: str
    tools: dict[str, str]
    versions: dict[str, object]
    command_names: list[str]
    sizes: list[SizeResult] = field(default_factory=list)
    startup: list[StartupResult] = field(default_factory=list)
    heavy: dict[str, list[str] | None] = field(default_factory=dict)
    commands: list[CommandSection] = field(default_factory=list)
    rss_floor_kib: int = 0
    load_before: float = 0.0
    load_after: float = 0.0


def series_of(item: SizeResult | StartupResult | CommandResult) -> tuple[Series, Series]:
    if isinstance(item, SizeResult):
        return item.validate, item.peer
    if isinstance(item, CommandResult):
        return item.command, item.validate
    return item.convention, item.minimal


def runs_for(n: int, args: argparse.Namespace) -> int:
    if args.quick:
        return 1
    if args.runs:
        return int(args.runs)
    return 10 if n <= 1000 else 3


def bench_size(n: int, args: argparse.Namespace, tmp: Path, tools: dict[str, str], *,
               runs: int, startup_reference: bool = False) -> SizeResult:
    registry = prepare_registry(n, args, tmp, tools["convention"])
    folder = registry.path
    validate = Series("validate", [tools["convention"], "validate", "--data", str(folder)])
    peer = Series("check-jsonschema", [
        tools["check-jsonschema"], "--schemafile",
        str(folder / "schemas" / "engagements.schema.json"), str(folder / "engagements.yaml"),
    ])
    log(f"  {runs} paire(s) chronométrée(s), {args.warmup} de chauffe")
    time_pair(validate, peer, runs=runs, warmup=args.warmup, workdir=tmp, tag=f"N={n}")
    return SizeResult(registry, validate, peer, startup_reference)


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


# --- Commands against ``convention validate`` -----------------------------------------------

REAL_DATA = BENCH_DIR.parent / "data"
REAL_EDIT_ID = "confidentialite"  # engagement of data/ that the edit writes to
EDIT_MAX_N = 1000  # the edit is timed on the real data and on synthetic registries up to this
AS_OF = "2026-11-26"
WRITTEN = re.compile(r"^\s*(?:-\s+)?texte: [\"']?mesure [0-9]+[\"']?\s*$")
_FIRST_ID = re.compile(r"^  - id: ([^\s#]+)")

# Key of a registry in the command targets: None for the repository's data/, else N.
RegistryKey = int | None


@dataclass(frozen=True)
class CommandSpec:
    """One command timed against ``convention validate --data DIR`` on the same registry."""

    label: str
    args: tuple[str, ...]  # after ``convention``, without ``--data DIR``
    issue: int
    targets: dict[RegistryKey, float]  # command ÷ validate, paired
    edit: bool = False  # ``journal add``: a different text at every run, so each run writes

    def argv(self, convention: str, folder: Path, engagement: str, number: int) -> list[str]:
        if self.edit:
            return [convention, "journal", "add", engagement, "--texte", f"mesure {number}",
                    "--date", "2024-01-01", "--auteur", "bench", "--data", str(folder)]
        return [convention, *self.args, "--data", str(folder)]

    def shown(self) -> str:
        if self.edit:
            return ("convention journal add ID --texte \"mesure N\" --date 2024-01-01 "
                    "--auteur bench --data DIR")
        return f"convention {' '.join(self.args[:1])} --data DIR {' '.join(self.args[1:])}"


READ_TARGETS: dict[RegistryKey, float] = {None: 1.5, 10000: 1.5}
COMMANDS: tuple[CommandSpec, ...] = (
    CommandSpec("status", ("status", "--as-of", AS_OF), 3, {None: 1.2, 10000: 1.5}),
    CommandSpec("agenda", ("agenda", "--trimestre", "2026-T4"), 4, READ_TARGETS),
    CommandSpec("bilan --annee", ("bilan", "--annee", "2024"), 4, READ_TARGETS),
    CommandSpec("bilan --pluriannuel", ("bilan", "--pluriannuel"), 4, READ_TARGETS),
    CommandSpec("passation", ("passation", "--partie", "dgom"), 4, READ_TARGETS),
    CommandSpec("journal add", ("journal", "add"), 5, {1000: 1.5}, edit=True),
)
_EDIT_NUMBER = itertools.count(1)  # "mesure N": never the same text twice in one run


@dataclass
class CommandResult:
    spec: CommandSpec
    key: RegistryKey
    command: Series
    validate: Series
    written: tuple[int, int] | None = None  # edit: (entries found, runs), read after the runs

    @property
    def ratio(self) -> float:
        return paired_ratio(self.command, self.validate)

    @property
    def target(self) -> float | None:
        return self.spec.targets.get(self.key)

    @property
    def exit_ok(self) -> bool:
        return self.command.codes == {0} and self.validate.codes == {0} and (
            self.command.first_code == 0 and self.validate.first_code == 0)

    @property
    def writes_ok(self) -> bool:
        return self.written is None or self.written[0] == self.written[1]

    @property
    def ok(self) -> bool | None:
        if self.target is None:
            return None
        return self.exit_ok and self.writes_ok and self.ratio <= self.target


@dataclass
class CommandSection:
    key: RegistryKey
    title: str
    origin: str
    engagements: int
    total_bytes: int
    runs: int
    results: list[CommandResult] = field(default_factory=list)


def registry_key_label(key: RegistryKey) -> str:
    return "données réelles" if key is None else f"N = {fr_number(key, 0)}"


def section_title(key: RegistryKey) -> str:
    return ("Données réelles (`data/` du dépôt)" if key is None
            else f"Registre synthétique, N = {fr_number(key, 0)}")


def first_engagement_id(folder: Path) -> str | None:
    with (folder / "engagements.yaml").open(encoding="utf-8") as handle:
        for line in handle:
            match = _FIRST_ID.match(line)
            if match:
                return match.group(1).strip("\"'")
    return None


def count_engagements(folder: Path) -> int:
    with (folder / "engagements.yaml").open(encoding="utf-8") as handle:
        return sum(1 for line in handle if _FIRST_ID.match(line))


def count_written(folder: Path) -> int:
    with (folder / "engagements.yaml").open(encoding="utf-8") as handle:
        return sum(1 for line in handle if WRITTEN.match(line))


def copy_registry(source: Path, target: Path) -> Path:
    """A private copy of the six data files (edits write; the source is never touched)."""
    target.mkdir(parents=True)
    for name in DATA_FILES:
        shutil.copy2(source / f"{name}.yaml", target / f"{name}.yaml")
    return target


def parse_command_runs(text: str) -> tuple[int, int, int]:
    """``10,5,2`` (real data, N ≤ 1,000, N > 1,000) or one number for all three."""
    try:
        parts = [int(part) for part in text.split(",")]
    except ValueError:
        raise argparse.ArgumentTypeError(f"nombre d'exécutions invalide : {text!r}") from None
    if len(parts) == 1:
        parts *= 3
    if len(parts) != 3 or min(parts) < 1:
        raise argparse.ArgumentTypeError("attendu : un entier ≥ 1, ou trois (données réelles, "
                                         "N ≤ 1 000, N > 1 000), ex. 10,5,2")
    return parts[0], parts[1], parts[2]


def command_runs(key: RegistryKey, args: argparse.Namespace) -> int:
    if args.quick:
        return 1
    real, small, big = args.commands_runs
    if key is None:
        return int(real)
    return int(small) if key <= 1000 else int(big)


def bench_commands(key: RegistryKey, source: Path, origin: str, args: argparse.Namespace,
                   tmp: Path, tools: dict[str, str]) -> CommandSection:
    """Each command of COMMANDS, paired with ``convention validate`` on the same registry.

    Read-only commands run on ``source`` (for the real data: a copy, made by the caller);
    the edit runs on a copy of its own, against ``validate`` on that copy."""
    name = "reel" if key is None else str(key)
    runs = command_runs(key, args)
    section = CommandSection(
        key=key, title=section_title(key), origin=origin,
        engagements=count_engagements(source),
        total_bytes=sum((source / f"{n}.yaml").stat().st_size for n in DATA_FILES), runs=runs)
    convention = tools["convention"]
    for spec in COMMANDS:
        if spec.edit and key is not None and key > EDIT_MAX_N:
            continue
        folder = source
        engagement = ""
        if spec.edit:
            folder = copy_registry(source, tmp / f"edition-{name}")
            engagement = REAL_EDIT_ID if key is None else (
                first_engagement_id(folder) or "eng-00001")

        def make(spec: CommandSpec = spec, folder: Path = folder,
                 engagement: str = engagement) -> list[str]:
            return spec.argv(convention, folder, engagement, next(_EDIT_NUMBER))

        command = Series(spec.label, spec.argv(convention, folder, engagement or "ID", 0),
                         make_cmd=make if spec.edit else None)
        validate = Series("validate", [convention, "validate", "--data", str(folder)])
        time_pair(command, validate, runs=runs, warmup=args.warmup, workdir=tmp,
                  tag=f"{name}-{spec.label}")
        result = CommandResult(spec, key, command, validate)
        if spec.edit:
            result.written = (count_written(folder), command.executions)
        section.results.append(result)
    return section


def render_commands(results: Results) -> list[str]:
    if not results.commands:
        return []
    out = [
        "## 4. Commandes face à `convention validate`",
        "",
        "Chaque commande (A) est appariée à `convention validate --data DIR` (B) sur le même "
        "registre, dans la même série : A B A B … ; sorties vers /dev/null (pas un terminal, "
        "`NO_COLOR=1`). Ratio = médiane des ratios A ÷ B de chaque paire (plus petit = mieux). "
        "Commandes :",
        "",
    ]
    out += [f"- `{spec.shown()}` (issue {spec.issue})" for spec in COMMANDS]
    out += [
        "",
        "Les données réelles sont copiées dans un dossier temporaire (hors de tout dépôt git : "
        "la provenance des documents n'y trouve pas de commit). L'édition tourne sur une copie "
        "à part, avec un texte différent à chaque exécution (chauffe comprise) pour que chaque "
        "exécution écrive vraiment ; le `validate` apparié lit cette même copie.",
        "",
    ]
    for section in results.commands:
        out += [
            f"### {section.title}",
            "",
            f"Registre : {section.origin} ; {fr_number(section.engagements, 0)} engagements, "
            f"{fr_bytes(section.total_bytes)} ; {section.runs} paire(s) par commande.",
            "",
            "| commande | exéc. | médiane | validate (médiane) | ratio apparié | cible "
            "| verdict | RSS commande | RSS validate |",
            "|---|---:|---:|---:|---:|---|---|---:|---:|",
        ]
        for res in section.results:
            target = "—" if res.target is None else f"≤ {fr_ratio(res.target)}"
            mark = "—" if res.ok is None else "✅" if res.ok else "❌"
            if not res.exit_ok:
                mark += " (code de sortie non nul)"
            elif not res.writes_ok:
                mark += " (écritures manquantes)"
            out.append(
                f"| `{res.spec.label}` | {len(res.command.runs)} "
                f"| {fr_seconds(res.command.median_wall)} "
                f"| {fr_seconds(res.validate.median_wall)} | {fr_ratio(res.ratio)} | {target} "
                f"| {mark} | {rss_cell(res.command)} | {rss_cell(res.validate)} |")
        out.append("")
        failed = [res for res in section.results if not res.exit_ok]
        if failed:
            out.append("Codes de sortie non nuls :")
            out.append("")
            for res in failed:
                out += output_block(res.command) + output_block(res.validate)
        else:
            out.append("Codes de sortie : 0 pour toutes les exécutions ✅")
        for res in section.results:
            if res.written is not None:
                found, expected = res.written
                out.append(f"Écritures de `{res.spec.label}` : {found} entrée(s) « mesure N » "
                           f"dans engagements.yaml pour {expected} exécution(s), chauffe comprise "
                           f"{'✅' if found == expected else '❌'}")
        out.append("")
    return out


def command_target_rows(results: Results) -> list[str]:
    measured = {(res.spec.label, res.key): res for section in results.commands
                for res in section.results}
    rows = []
    for spec in COMMANDS:
        for key, target in spec.targets.items():
            res = measured.get((spec.label, key))
            value = "—" if res is None else fr_ratio(res.ratio)
            if res is not None and not res.exit_ok:
                value += " (code de sortie non nul)"
            rows.append(f"| `{spec.label}` ≤ {fr_ratio(target)} × validate, "
                        f"{registry_key_label(key)} (issue {spec.issue}) | {value} "
                        f"| {verdict(None if res is None else res.ok)} |")
    return rows


# --- Report ---------------------------------------------------------------------------------


def per_engagement(results: Results) -> tuple[float | None, dict[int, float]]:
    """Start-up time and, for each size, (t(N) - t(start-up)) / N in seconds."""
    reference = next((s for s in results.sizes if s.startup_reference), None)
    if reference is None:
        return None, {}
    t0 = reference.validate.median_wall
    costs = {s.registry.n: (s.validate.median_wall - t0) / s.registry.n
             for s in results.sizes if not s.startup_reference and s.registry.n > 0}
    return t0, costs


@dataclass(frozen=True)
class Linearity:
    big: int
    small: int
    ratio: float  # cost per engagement at ``big`` ÷ at ``small``

    @property
    def is_target(self) -> bool:
        return (self.big, self.small) == (10000, 1000)

    @property
    def label(self) -> str:
        return f"{fr_number(self.big, 0)} ÷ {fr_number(self.small, 0)}"


def linearity(costs: dict[int, float]) -> Linearity | None:
    """10,000 ÷ 1,000 when both were measured, else the two largest sizes."""
    if 1000 in costs and 10000 in costs:
        return Linearity(10000, 1000, costs[10000] / costs[1000])
    sizes = sorted(costs)
    if len(sizes) >= 2:
        big, small = sizes[-1], sizes[-2]
        return Linearity(big, small, costs[big] / costs[small])
    return None


def output_block(series: Series) -> list[str]:
    outcome = read_outcome(series.first_output)
    lines = [f"- `{series.label}` : code de sortie {series.first_code} "
             f"(exécutions chronométrées : {sorted(series.codes)}) ; dernière ligne : "
             f"« {outcome.summary} »"]
    if outcome.by_code:
        detail = ", ".join(f"{code} × {count}" for code, count in outcome.by_code.most_common())
        lines.append(f"  - diagnostics : {detail}")
    if series.first_code not in (0, None):
        lines.append("  - début de la sortie :")
        lines.append("")
        lines.append("    ```text")
        lines.extend(f"    {line}" for line in outcome.head)
        lines.append("    ```")
    return lines


VERSION_NAMES = ("convention-cli", "typer", "click", "rich", "pydantic", "pydantic-core",
                 "PyYAML", "ruamel.yaml", "ruamel.yaml.clib", "check-jsonschema", "jsonschema")


def render_header(results: Results) -> list[str]:
    v = results.versions
    clib = ("**oui** : check-jsonschema lit le YAML avec le parseur C (le pair « +clib » des "
            "cibles)" if v.get("clib_importable") else
            "**non** : check-jsonschema lit le YAML en Python pur ; les ratios seront bien plus "
            "favorables qu'avec le pair « +clib » des cibles")
    return [
        "# Mesures de performance de `convention`",
        "",
        f"- Date : {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        f"- Machine : {platform.platform()} ({platform.machine()}), {os.cpu_count()} "
        f"processeurs logiques, Python {platform.python_version()} "
        f"({platform.python_implementation()}) ; interpréteur des outils : "
        f"{results.tools['python']}",
        f"- Commande : `{results.command_line}`",
        "- Versions : " + ", ".join(f"{n} {v[n]}" for n in VERSION_NAMES if n in v)
        + f" ; libyaml pour PyYAML : {v.get('libyaml', '?')}",
        f"- `ruamel.yaml.clib` importable par check-jsonschema : {clib}",
        "- Méthode : processus entiers ; A et B lancés en alternance (A B A B …) ; médiane "
        "des temps et médiane des ratios appariés A/B ; pic de RSS (ru_maxrss) de chaque "
        "processus enfant via `os.wait4`, médiane des exécutions.",
        f"- Plancher de mesure du RSS : {fr_mib(results.rss_floor_kib)} (pic du petit "
        "processus lanceur, que le noyau reporte sur l'enfant qu'il lance par vfork) ; une "
        "étoile * marque un pic qui peut n'être que ce plancher.",
        "- Bytecode : `PYTHONDONTWRITEBYTECODE` retiré, cache dans `PYTHONPYCACHEPREFIX` "
        "(dossier temporaire, amorcé par une exécution non chronométrée de chaque commande), "
        "comme pour un outil installé ; l'arbre source n'est pas touché.",
        f"- Charge moyenne (1 min) : {results.load_before:.2f} au début, "
        f"{results.load_after:.2f} à la fin ({os.cpu_count()} processeurs) ; une charge "
        "élevée rend les temps absolus bruités, les ratios appariés le sont moins.",
        "",
    ]


def render_sizes(results: Results) -> list[str]:
    out = [
        "## 1. `convention validate` face à `check-jsonschema`",
        "",
        "B = `check-jsonschema --schemafile DIR/schemas/engagements.schema.json "
        "DIR/engagements.yaml` (schéma exporté par `convention schema --sortie`). "
        "`validate` lit et vérifie les six fichiers, check-jsonschema le seul "
        "`engagements.yaml`.",
        "",
        "| N | engagements.yaml | registre | exéc. | validate | check-jsonschema "
        "| validate ÷ cjs (apparié) | cible | RSS validate | RSS cjs |",
        "|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|",
    ]
    for size in results.sizes:
        reg = size.registry
        label = fr_number(reg.n, 0) + (" (démarrage)" if size.startup_reference else "")
        target = None if size.startup_reference else TARGET_RATIO.get(reg.n)
        target_text = ("—" if target is None
                       else f"≤ {fr_ratio(target)} {verdict(size.ratio <= target)}")
        out.append(
            f"| {label} | {fr_bytes(reg.engagements_bytes)}, "
            f"{fr_number(reg.engagements_lines, 0)} lignes | {fr_bytes(reg.total_bytes)} "
            f"| {len(size.validate.runs)} | {fr_seconds(size.validate.median_wall)} "
            f"| {fr_seconds(size.peer.median_wall)} | {fr_ratio(size.ratio)} | {target_text} "
            f"| {rss_cell(size.validate)} | {rss_cell(size.peer)} |")
    out += ["", "Sorties (première exécution de chaque commande) :", ""]
    for size in results.sizes:
        out.append(f"- N = {fr_number(size.registry.n, 0)} — registre : {size.registry.origin}")
        out += ["  " + line if line else ""
                for line in (*output_block(size.validate), *output_block(size.peer))]
    out.append("")
    return out


def render_costs(results: Results) -> list[str]:
    out = ["## 2. Coût par engagement après le démarrage", ""]
    t0, costs = per_engagement(results)
    if t0 is None:
        return [*out, "Non mesuré (pas de registre de démarrage, voir --startup-n).", ""]
    out += [
        "Démarrage t₀ = médiane de `convention validate` sur le registre de démarrage = "
        f"{fr_seconds(t0)} (imports, modèles, convention, territoires, parties : tout ce qui "
        "ne dépend pas de N). Coût par engagement = (t(N) − t₀) ÷ N.",
        "",
        "| N | t(N) | t(N) − t₀ | par engagement |",
        "|---:|---:|---:|---:|",
    ]
    for size in results.sizes:
        if size.startup_reference:
            continue
        n = size.registry.n
        out.append(f"| {fr_number(n, 0)} | {fr_seconds(size.validate.median_wall)} "
                   f"| {fr_seconds(size.validate.median_wall - t0)} "
                   f"| {fr_number(costs[n] * 1e6, 0)} µs |")
    out.append("")
    lin = linearity(costs)
    if lin is not None:
        target = (f"cible ≤ {fr_ratio(TARGET_LINEARITY)} {verdict(lin.ratio <= TARGET_LINEARITY)}"
                  if lin.is_target else f"(la cible ≤ {fr_ratio(TARGET_LINEARITY)} porte sur "
                  "10 000 ÷ 1 000)")
        out += [f"**Linéarité** (coût par engagement {lin.label}) : **{fr_ratio(lin.ratio)}** ; "
                f"{target}", ""]
    return out


def render_startup(results: Results) -> list[str]:
    if not results.startup:
        return []
    out = [
        "## 3. Démarrage",
        "",
        f"App typer minimale : {len(results.command_names)} commandes comme `convention` "
        f"({', '.join(results.command_names)}), même rappel racine (`--version`, `--debug`), "
        "aucun import lourd ; lancée par le même interpréteur.",
        "",
        "| commande | exéc. | convention | app minimale | ratio apparié | cible "
        "| RSS convention | RSS app minimale |",
        "|---|---:|---:|---:|---:|---|---:|---:|",
    ]
    for st in results.startup:
        out.append(
            f"| `{' '.join(st.argv)}` | {len(st.convention.runs)} "
            f"| {fr_seconds(st.convention.median_wall)} | {fr_seconds(st.minimal.median_wall)} "
            f"| {fr_ratio(st.ratio)} | ≤ {fr_ratio(TARGET_HELP)} "
            f"{verdict(st.ratio <= TARGET_HELP)} | {rss_cell(st.convention)} "
            f"| {rss_cell(st.minimal)} |")
    out += [
        "",
        "Modules lourds présents dans `sys.modules` après la commande (racines "
        f"{', '.join(HEAVY_ROOTS)} et `{HEAVY_PREFIX}`), vérifié sans chronométrage :",
        "",
    ]
    for argv, found in results.heavy.items():
        if found is None:
            out.append(f"- `convention {argv}` : vérification impossible (échec du "
                       "sous-processus)")
        elif not found:
            out.append(f"- `convention {argv}` : aucun ✅")
        else:
            shown = ", ".join(f"`{m}`" for m in found[:15])
            more = f" … (+{len(found) - 15})" if len(found) > 15 else ""
            out.append(f"- `convention {argv}` : ❌ {len(found)} modules : {shown}{more}")
    out.append("")
    return out


def render_targets(results: Results) -> list[str]:
    out = ["## 5. Bilan des cibles", "",
           "| cible (perf-baselines.md ; issues 3 à 5) | mesure | verdict |",
           "|---|---:|---|"]
    by_n = {s.registry.n: s for s in results.sizes if not s.startup_reference}
    for n, target in TARGET_RATIO.items():
        measured = by_n.get(n)
        out.append(f"| validate ≤ {fr_ratio(target)} × check-jsonschema à N = {fr_number(n, 0)} "
                   f"| {fr_ratio(measured.ratio) if measured else '—'} "
                   f"| {verdict(measured.ratio <= target if measured else None)} |")
    lin = linearity(per_engagement(results)[1])
    lin = lin if lin is not None and lin.is_target else None
    out.append(f"| linéarité : coût par engagement 10 000 ÷ 1 000 ≤ "
               f"{fr_ratio(TARGET_LINEARITY)} | {fr_ratio(lin.ratio) if lin else '—'} "
               f"| {verdict(lin.ratio <= TARGET_LINEARITY if lin else None)} |")
    big = by_n.get(10000)
    out.append("| pic de RSS de validate à 10 000 ≤ celui de check-jsonschema | "
               + (f"{fr_mib(big.validate.median_rss)} / {fr_mib(big.peer.median_rss)}"
                  if big else "—")
               + f" | {verdict(big.validate.median_rss <= big.peer.median_rss if big else None)} |")
    small = by_n.get(1000)
    small_ok = small.validate.median_rss / MIB <= TARGET_RSS_1K_MIB if small else None
    out.append(f"| pic de RSS de validate à 1 000 ≤ {fr_number(TARGET_RSS_1K_MIB, 0)} Mio "
               f"| {fr_mib(small.validate.median_rss) if small else '—'} | {verdict(small_ok)} |")
    for st in results.startup:
        out.append(f"| `convention {' '.join(st.argv)}` ≤ {fr_ratio(TARGET_HELP)} × app typer "
                   f"minimale | {fr_ratio(st.ratio)} | {verdict(st.ratio <= TARGET_HELP)} |")
    help_modules = results.heavy.get("--help")
    out.append("| aucun module lourd après `convention --help` "
               f"| {'—' if help_modules is None else len(help_modules)} "
               f"| {verdict(None if help_modules is None else not help_modules)} |")
    out += command_target_rows(results)
    invalid = [s for s in results.sizes if s.validate.codes != {0} or s.peer.codes != {0}]
    if invalid:
        out += ["", "**Attention** : code de sortie non nul pour "
                + ", ".join(f"N = {fr_number(s.registry.n, 0)}" for s in invalid)
                + " : ces temps ne mesurent pas une validation réussie (voir les sorties, §1)."]
    failed = [f"`{res.spec.label}` ({registry_key_label(res.key)})"
              for section in results.commands for res in section.results
              if not res.exit_ok or not res.writes_ok]
    if failed:
        out += ["", "**Attention** : code de sortie non nul ou écriture manquante pour "
                + ", ".join(failed) + " (voir §4)."]
    out.append("")
    return out


def render(results: Results) -> str:
    return "\n".join([*render_header(results), *render_sizes(results), *render_costs(results),
                      *render_startup(results), *render_commands(results),
                      *render_targets(results)])


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
        for launcher in _LAUNCHER:
            launcher.close()
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
