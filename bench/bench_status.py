"""Paired timing of ``convention status`` against ``convention validate`` (issue 10).

Whole processes, timed from outside, A and B in turn (A B A B …) on the same registry,
through the shared harness (``harness.time_pair``): A = ``convention status --data DIR
--as-of DATE``, B = ``convention validate --data DIR``. Reports the median of the paired
ratios A ÷ B for each date (the snapshot cuts a different share of the records at each).

Targets (issue 10): real registry ≤ 1.2 × validate; 10 000 engagements ≤ 1.5 × validate.

    .venv/bin/python bench/bench_status.py                      # real data and 10 000
    .venv/bin/python bench/bench_status.py --sizes 1000 --runs 5
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from harness import Series, close_launchers, find_tool, paired_ratio, time_pair
from registries import prepare_registry
from scenarios import REAL_DATA

TARGETS: dict[int | None, float] = {None: 1.2}
TARGET_SYNTHETIC = 1.5
DATES = ("2024-06-15", "2025-12-15", "2026-11-26")


def measure(convention: str, folder: Path, key: int | None, runs: int, workdir: Path,
            dates: list[str]) -> list[tuple[str, float, float, float]]:
    rows = []
    for day in dates:
        status = Series(f"status {day}", [convention, "status", "--data", str(folder),
                                          "--as-of", day])
        validate = Series("validate", [convention, "validate", "--data", str(folder)])
        time_pair(status, validate, runs=runs, warmup=1, workdir=workdir,
                  tag=f"{key or 'réel'} {day}")
        assert status.codes == {0}, status.codes
        assert validate.codes == {0}, validate.codes
        rows.append((day, status.median_wall, validate.median_wall,
                     paired_ratio(status, validate)))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000",
                        help="tailles N des registres générés (défaut 10000 ; vide : aucun)")
    parser.add_argument("--runs", type=int, default=5, help="paires chronométrées (défaut 5)")
    parser.add_argument("--convention", default=None, help="chemin de l'exécutable convention")
    parser.add_argument("--missions-locales", type=int, default=450)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--dates", default=",".join(DATES),
                        help=f"dates d'observation (défaut {','.join(DATES)})")
    parser.add_argument("--keep", action="store_true",
                        help="garde les registres générés dans bench/.cache/N/")
    args = parser.parse_args()
    convention = find_tool("convention", args.convention)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    lines = ["| registre | date | status | validate | status ÷ validate (apparié) | cible |",
             "|---|---|---:|---:|---:|---:|"]
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        for key in [None, *sizes]:
            folder = (REAL_DATA if key is None
                      else prepare_registry(key, args, workdir, convention).path)
            target = TARGETS.get(key, TARGET_SYNTHETIC)
            for day, wall, base, ratio in measure(convention, folder, key, args.runs,
                                                  workdir, args.dates.split(",")):
                ok = ok and ratio <= target
                lines.append(f"| {'data/' if key is None else f'{key:,}'.replace(',', ' ')}"
                             f" | {day} | {wall:.3f} s | {base:.3f} s | {ratio:.2f} | "
                             f"≤ {target} |")
    close_launchers()
    print("\n".join(lines))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
