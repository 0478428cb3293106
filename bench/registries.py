"""The registries measured: synthetic ones (``gen_registry.py``, cached in ``bench/.cache``)
and copies of the repository's ``data/``; a few counts read from their files."""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from fr import log
from gen_files import FILES
from harness import (
    ENV,
)

BENCH_DIR = Path(__file__).resolve().parent
GENERATOR = BENCH_DIR / "gen_registry.py"
CACHE_DIR = BENCH_DIR / ".cache"
DATA_FILES = FILES  # the six data files, as the generator writes them


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


WRITTEN = re.compile(r"^\s*(?:-\s+)?texte: [\"']?mesure [0-9]+[\"']?\s*$")
_FIRST_ID = re.compile(r"^  - id: ([^\s#]+)")


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
