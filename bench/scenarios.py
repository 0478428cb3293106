"""The timed scenarios besides start-up: ``convention validate`` against check-jsonschema for
each size, and each command of ``COMMANDS`` against ``convention validate`` on the same
registry; ``Results`` gathers everything measured.

To time one more command, add a ``CommandSpec`` to ``COMMANDS``: its label, its arguments
after ``convention`` (without ``--data DIR``), the issue it answers and its targets (paired
ratio command ÷ validate, by registry: ``None`` for the repository's data, or N). The run,
the report's section 4 and the summary of targets follow from the table."""

from __future__ import annotations

import argparse
import itertools
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from fr import fr_number, log
from harness import (
    Series,
    paired_ratio,
    time_pair,
)
from registries import (
    BENCH_DIR,
    DATA_FILES,
    Registry,
    copy_registry,
    count_engagements,
    count_written,
    first_engagement_id,
    prepare_registry,
)
from startup import (
    StartupResult,
)

# Targets (perf-baselines.md, "Proposed performance goals").
TARGET_RATIO = {1000: 0.50, 10000: 0.35}  # validate ÷ check-jsonschema (+clib), paired
TARGET_LINEARITY = 1.20  # cost per engagement after start-up, 10,000 ÷ 1,000


TARGET_RSS_1K_MIB = 75.0


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


# --- Commands against ``convention validate`` -----------------------------------------------

REAL_DATA = BENCH_DIR.parent / "data"
REAL_EDIT_ID = "confidentialite"  # engagement of data/ that the edit writes to
EDIT_MAX_N = 1000  # the edit is timed on the real data and on synthetic registries up to this
AS_OF = "2026-11-26"


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
SITE_OUT = str(Path(tempfile.gettempdir()) / "convention-bench-site")
"""Where ``convention site`` writes during the bench (replaced at every run)."""
COMMANDS: tuple[CommandSpec, ...] = (
    CommandSpec("status", ("status", "--as-of", AS_OF), 3, {None: 1.2, 10000: 1.5}),
    CommandSpec("agenda", ("agenda", "--trimestre", "2026-T4"), 4, READ_TARGETS),
    CommandSpec("bilan --annee", ("bilan", "--annee", "2024"), 4, READ_TARGETS),
    CommandSpec("bilan --pluriannuel", ("bilan", "--pluriannuel"), 4, READ_TARGETS),
    CommandSpec("bilan --mi-etape", ("bilan", "--mi-etape"), 12, READ_TARGETS),
    CommandSpec("passation", ("passation", "--partie", "dgom"), 4, READ_TARGETS),
    # Office formats of the annual bilan (issue 12): converters and matplotlib load only here.
    *(CommandSpec(f"bilan --annee -o {ext}", ("bilan", "--annee", "2024", "-o",
                                            str(Path(tempfile.gettempdir()) / f"bilan.{ext}")),
                  12, {None: 4.0}) for ext in ("docx", "odt", "html")),
    CommandSpec("journal add", ("journal", "add"), 5, {1000: 1.5}, edit=True),
    # The whole public site written to disk (issue 14); its linearity: bench_site.py.
    CommandSpec("site", ("site", "-o", SITE_OUT, "--as-of", AS_OF), 14,
                {None: 3.0, 1000: 4.0, 10000: 4.0}),
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
