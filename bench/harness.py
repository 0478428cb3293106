"""The measuring harness: whole processes started by a small launcher, timed in pairs
(A B A B ...), with each child's own peak RSS; and the tools found and probed.

Standard library only. ``time_pair`` is what a scenario calls; ``Series`` holds a command's
runs; ``paired_ratio`` is the median of the per-pair ratios."""

from __future__ import annotations

import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from fr import fr_seconds, log

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


def close_launchers() -> None:
    for launcher in _LAUNCHER:
        launcher.close()


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


# --- Paired timing for one issue's script (bench_site, bench_suivi) -------------------------


def timed(cmd: Sequence[str]) -> float:
    """Wall time of one run of ``cmd`` (outputs discarded, ``NO_COLOR``); a failure ends
    the script with the command's error output."""
    start = time.perf_counter()
    result = subprocess.run(list(cmd), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            check=False, env={**os.environ, "NO_COLOR": "1"})
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"échec ({result.returncode}) : {' '.join(cmd)}\n{result.stderr.decode()}")
    return elapsed


@dataclass
class TimedPair:
    """The wall times of A and B, run in turn (A B A B …) after one warm-up each."""

    label: str
    target: float | None = None
    a: list[float] = field(default_factory=list)
    b: list[float] = field(default_factory=list)
    engagements: int = 0

    @property
    def ratio(self) -> float:
        """The median of the paired ratios A ÷ B."""
        return statistics.median(x / y for x, y in zip(self.a, self.b, strict=True))

    @property
    def median_a(self) -> float:
        return statistics.median(self.a)

    @property
    def median_b(self) -> float:
        return statistics.median(self.b)


def timed_pair(
    pair: TimedPair, a: Callable[[], Sequence[str]], b: Sequence[str], runs: int,
    names: tuple[str, str] = ("", "validate"),
) -> TimedPair:
    """Time ``pair``: ``a()`` gives A's command before each run (an edit on a fresh copy),
    ``b`` is B's; one untimed warm-up of each (bytecode and page caches), then ``runs``
    pairs. Logs the medians and the paired ratio."""
    timed(a())
    timed(b)
    for _ in range(runs):
        pair.a.append(timed(a()))
        pair.b.append(timed(b))
    first = f"{names[0]} " if names[0] else ""
    log(f"{pair.label} : {first}{pair.median_a:.2f} s, {names[1]} {pair.median_b:.2f} s, "
        f"ratio apparié {pair.ratio:.2f}")
    return pair


def generate_registry(folder: Path, size: int) -> Path:
    """A synthetic registry of ``size`` engagements (``gen_registry.py``) in ``folder``."""
    subprocess.run([sys.executable, str(Path(__file__).parent / "gen_registry.py"),
                    str(folder), "-n", str(size)], check=True, stdout=subprocess.DEVNULL)
    return folder


def publish(text: str, out: Path | None) -> None:
    """The report on standard output, and in ``out`` when given (``--out``)."""
    if out:
        out.write_text(text, encoding="utf-8")
    sys.stdout.write(text)


def machine_line() -> str:
    """The report's line about the machine, with the load at the end of the measures."""
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"- Machine : {platform.platform()}, {os.cpu_count()} processeurs logiques, "
            f"Python {platform.python_version()} ; charge moyenne (1 min) à la fin : "
            + f"{load:.2f}".replace(".", ","))


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
