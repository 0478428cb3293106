"""Paired timing of ``convention site`` against ``convention validate`` (issue 14).

Whole processes, timed from outside, A and B in turn (A B A B …) on the same registry:
A = ``convention site -o OUT --data DIR --as-of 2025-06-01`` (public site, every page
and document written), B = ``convention validate --data DIR``. Reports the median of the
paired ratios A ÷ B, and the linearity of the site's cost per engagement:
(t(N) − t(10)) ÷ (N − 10) at 10 000 against 1 000 engagements.

Targets (issue 14): real registry ≤ 3 × validate; 1 000 and 10 000 engagements ≤ 4 ×
validate; linear (cost per engagement at 10 000 ÷ at 1 000 ≤ 1.20, the threshold of
``validate``).

    .venv/bin/python bench/bench_site.py                       # real data, 1 000, 10 000
    .venv/bin/python bench/bench_site.py --sizes 1000 --runs 3 --out bench/results-site.md
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2025-06-01"
TARGET_REAL = 3.0
TARGET_SYNTHETIC = 4.0
TARGET_LINEARITY = 1.20


@dataclass
class Pair:
    label: str
    engagements: int
    site: list[float] = field(default_factory=list)
    validate: list[float] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        return statistics.median(a / b for a, b in zip(self.site, self.validate, strict=True))

    @property
    def site_median(self) -> float:
        return statistics.median(self.site)

    @property
    def validate_median(self) -> float:
        return statistics.median(self.validate)


def _tool(name: str) -> str:
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        sys.exit(f"{name} introuvable : lancez ce script avec le Python de l'environnement")
    return found


def _timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            check=False, env={**os.environ, "NO_COLOR": "1"})
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"échec ({result.returncode}) : {' '.join(cmd)}\n{result.stderr.decode()}")
    return elapsed


def _count_engagements(folder: Path) -> int:
    text = (folder / "engagements.yaml").read_text(encoding="utf-8")
    return sum(1 for line in text.splitlines() if line.startswith("  - id: "))


def measure(label: str, folder: Path, runs: int, out: Path, convention: str) -> Pair:
    pair = Pair(label, _count_engagements(folder))
    site = [convention, "site", "-o", str(out), "--data", str(folder), "--as-of", AS_OF]
    validate = [convention, "validate", "--data", str(folder)]
    _timed(site)  # warm-up: bytecode cache, page cache
    _timed(validate)
    for _ in range(runs):
        pair.site.append(_timed(site))
        pair.validate.append(_timed(validate))
    print(f"{label} : site {pair.site_median:.2f} s, validate {pair.validate_median:.2f} s, "
          f"ratio apparié {pair.ratio:.2f}", file=sys.stderr)
    return pair


def _fr(value: float, decimals: int = 2) -> str:
    return f"{value:.{decimals}f}".replace(".", ",")


def _verdict(ok: bool) -> str:
    return "✅ atteinte" if ok else "❌ non atteinte"


def report(pairs: list[Pair], runs: dict[str, int], command: str) -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    lines = [
        "# `convention site` face à `convention validate`",
        "",
        f"- Machine : {platform.platform()}, {os.cpu_count()} processeurs logiques, Python "
        f"{platform.python_version()} ; charge moyenne (1 min) à la fin : {_fr(load)}",
        f"- Commande : `{command}`",
        f"- A = `convention site -o OUT --data DIR --as-of {AS_OF}` (site public complet, "
        "pages et documents écrits sur le disque) ; B = `convention validate --data DIR` ; "
        "A B A B …, médiane des ratios appariés A ÷ B.",
        "",
        "| registre | engagements | paires | site (médiane) | validate (médiane) | "
        "ratio apparié | cible | verdict |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for pair in pairs:
        if pair.label == "démarrage":
            continue
        target = TARGET_REAL if pair.label == "réel" else TARGET_SYNTHETIC
        lines.append(
            f"| {pair.label} | {pair.engagements} | {runs[pair.label]} | "
            f"{_fr(pair.site_median)} s | {_fr(pair.validate_median)} s | {_fr(pair.ratio)} | "
            f"≤ {_fr(target, 1)} | {_verdict(pair.ratio <= target)} |")
    by_label = {p.label: p for p in pairs}
    if {"démarrage", "1000", "10000"} <= set(by_label):
        base = by_label["démarrage"]
        costs = {}
        for size in ("1000", "10000"):
            pair = by_label[size]
            costs[size] = ((pair.site_median - base.site_median)
                           / (pair.engagements - base.engagements))
        linearity = costs["10000"] / costs["1000"]
        lines += [
            "",
            f"Coût du site par engagement, (t(N) − t({base.engagements})) ÷ "
            f"(N − {base.engagements}) : {_fr(costs['1000'] * 1e3)} ms à 1 000, "
            f"{_fr(costs['10000'] * 1e3)} ms à 10 000 ; **linéarité** (10 000 ÷ 1 000) : "
            f"**{_fr(linearity)}** ; cible ≤ {_fr(TARGET_LINEARITY)} "
            f"{_verdict(linearity <= TARGET_LINEARITY)}",
        ]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--runs", type=int, default=5, help="paires (3 à 10 000)")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    convention = _tool("convention")
    sizes = [int(s) for s in args.sizes.split(",") if s]
    pairs = []
    runs: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp_name:
        tmp = Path(tmp_name)
        real = shutil.copytree(ROOT / "data", tmp / "reel" / "data")
        runs["réel"] = args.runs
        pairs.append(measure("réel", real, args.runs, tmp / "site-reel", convention))
        for size in ([10] if len(sizes) > 1 else []) + sizes:
            folder = tmp / f"n{size}"
            subprocess.run([sys.executable, str(ROOT / "bench" / "gen_registry.py"),
                            str(folder), "-n", str(size)], check=True,
                           stdout=subprocess.DEVNULL)
            label = "démarrage" if size == 10 else str(size)
            count = args.runs if size < 10000 else max(2, min(args.runs, 3))
            runs[label] = count
            pairs.append(measure(label, folder, count, tmp / f"site-{size}", convention))
    command = "python bench/bench_site.py " + " ".join(sys.argv[1:])
    text = report(pairs, runs, command.strip())
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
