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
import shutil
import sys
import tempfile
from pathlib import Path

from harness import TimedPair, find_tool, generate_registry, machine_line, publish, timed_pair

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2025-06-01"
TARGET_REAL = 3.0
TARGET_SYNTHETIC = 4.0
TARGET_LINEARITY = 1.20


def _count_engagements(folder: Path) -> int:
    text = (folder / "engagements.yaml").read_text(encoding="utf-8")
    return sum(1 for line in text.splitlines() if line.startswith("  - id: "))


def measure(label: str, folder: Path, runs: int, out: Path, convention: str) -> TimedPair:
    site = [convention, "site", "-o", str(out), "--data", str(folder), "--as-of", AS_OF]
    validate = [convention, "validate", "--data", str(folder)]
    return timed_pair(TimedPair(label, engagements=_count_engagements(folder)), lambda: site,
                      validate, runs, names=("site", "validate"))


def _fr(value: float, decimals: int = 2) -> str:
    return f"{value:.{decimals}f}".replace(".", ",")


def _verdict(ok: bool) -> str:
    return "✅ atteinte" if ok else "❌ non atteinte"


def report(pairs: list[TimedPair], runs: dict[str, int], command: str) -> str:
    lines = [
        "# `convention site` face à `convention validate`",
        "",
        machine_line(),
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
            f"{_fr(pair.median_a)} s | {_fr(pair.median_b)} s | {_fr(pair.ratio)} | "
            f"≤ {_fr(target, 1)} | {_verdict(pair.ratio <= target)} |")
    by_label = {p.label: p for p in pairs}
    if {"démarrage", "1000", "10000"} <= set(by_label):
        base = by_label["démarrage"]
        costs = {}
        for size in ("1000", "10000"):
            pair = by_label[size]
            costs[size] = ((pair.median_a - base.median_a)
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
    convention = find_tool("convention", None)
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
            generate_registry(folder, size)
            label = "démarrage" if size == 10 else str(size)
            count = args.runs if size < 10000 else max(2, min(args.runs, 3))
            runs[label] = count
            pairs.append(measure(label, folder, count, tmp / f"site-{size}", convention))
    command = "python bench/bench_site.py " + " ".join(sys.argv[1:])
    publish(report(pairs, runs, command.strip()), args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
