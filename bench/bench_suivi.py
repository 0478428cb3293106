"""Paired timing of the follow-up commands (issue 11) against ``convention validate``.

Whole processes, timed from outside, A and B in turn (A B A B …) on the same synthetic
registry (``gen_registry.py``); each edit runs on a fresh copy of the registry (the copy
is not timed), so that no run is a no-op repeat. Reports the median of the paired
ratios A ÷ B.

Targets (issue 11):
- each new edit (journal add --honore/--source/--partie, mesure add, referent set,
  avenant add, projet add, evaluation add) ≤ 1.5 × validate at 1 000 engagements;
- ``export --format xlsx`` ≤ 3 × validate at 1 000, and linear to 10 000 (cost per
  engagement at 10 000 ÷ at 1 000 ≤ 1.20, the threshold of ``validate``);
- ``import`` of a 500-row workbook into the 1 000-engagement registry ≤ 5 × validate.

    .venv/bin/python bench/bench_suivi.py                        # 1 000 and 10 000
    .venv/bin/python bench/bench_suivi.py --runs 3 --out bench/results-suivi.md
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

from harness import TimedPair, find_tool, generate_registry, machine_line, publish, timed_pair

ROOT = Path(__file__).resolve().parent.parent
TARGET_EDIT = 1.5
TARGET_XLSX = 3.0
TARGET_IMPORT = 5.0
TARGET_LINEARITY = 1.20
IMPORT_ROWS = 500


def _generate(folder: Path, size: int) -> Path:
    generate_registry(folder, size)
    return folder


def _fresh(source: Path, work: Path) -> Path:
    target = work / "copie"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target)
    return target


def _workbook(convention: str, registry: Path, target: Path) -> None:
    """An exported workbook with IMPORT_ROWS new rows: journal entries and measurements."""
    import openpyxl

    subprocess.run([convention, "export", "--data", str(registry), "-f", "xlsx", "-o",
                    str(target), "--as-of", "2025-12-31"], check=True,
                   stderr=subprocess.DEVNULL)
    workbook = openpyxl.load_workbook(target)
    journal, mesures = workbook["journal"], workbook["mesures"]
    start = date(2024, 1, 2)
    for i in range(IMPORT_ROWS):
        eng = f"eng-{i % 1000 + 1:05d}"
        day = start + timedelta(days=i % 300)
        if i % 5 == 4:
            mesures.append([f"{eng}-ind-1", day, i, "Tableau de suivi", None, None, None])
        else:
            journal.append([eng, day, f"Point d'étape n° {i}", None, "Compte rendu", None,
                            None, None, None, None])
    workbook.save(target)


def _fr(value: float, decimals: int = 2) -> str:
    return f"{value:.{decimals}f}".replace(".", ",")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="paires par mesure")
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    convention = find_tool("convention", None)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    pairs: list[TimedPair] = []
    xlsx_medians: dict[int, float] = {}
    with tempfile.TemporaryDirectory(prefix="bench-suivi-") as tmp_name:
        tmp = Path(tmp_name)
        base = _generate(tmp / "n1000", 1000)
        validate = [convention, "validate", "--data", str(tmp / "copie")]
        _fresh(base, tmp)
        edits: list[tuple[str, list[str]]] = [
            ("journal add --source --partie", ["journal", "add", "eng-00500", "--texte",
                                               "Point d'étape", "--date", "2025-03-12",
                                               "--source", "Compte rendu", "--partie",
                                               "dgom"]),
            ("mesure add", ["mesure", "add", "eng-00500-ind-1", "--valeur", "3", "--date",
                            "2025-03-31", "--source", "Tableau de suivi"]),
            ("referent set", ["referent", "set", "dgom", "--nom", "Camille Martin",
                              "--depuis", "2025-09-01", "--source", "Courriel"]),
            ("avenant add --prorogation-jusqu-au", [
                "avenant", "add", "--date", "2025-12-15", "--objet", "Prorogation",
                "--prorogation-jusqu-au", "2027-07-17", "--source", "Avenant n° 1"]),
            ("projet add", ["projet", "add", "--titre", "Garage solidaire", "--territoire",
                            "la-reunion", "--date", "2025-02-10", "--source", "Courriel"]),
            ("evaluation add", ["evaluation", "add", "--objet", "Évaluation mobilité",
                                "--mission-locale", "ml-la-reunion-001", "--date",
                                "2025-04-02", "--source", "Courrier"]),
        ]
        for label, argv in edits:
            def edit(argv: list[str] = argv) -> list[str]:
                folder = _fresh(base, tmp)
                return [convention, *argv, "--data", str(folder)]
            pairs.append(timed_pair(TimedPair(f"{label} (1 000)", TARGET_EDIT), edit, validate,
                                    args.runs))
        book = tmp / "classeur.xlsx"
        _workbook(convention, base, book)

        def import_() -> list[str]:
            folder = _fresh(base, tmp)
            return [convention, "import", str(book), "--data", str(folder)]
        pairs.append(timed_pair(TimedPair(f"import de {IMPORT_ROWS} lignes (1 000)",
                                          TARGET_IMPORT), import_, validate, args.runs))
        for size in [10, *sizes]:
            folder = base if size == 1000 else _generate(tmp / f"n{size}", size)
            out = tmp / f"export-{size}.xlsx"
            runs = args.runs if size < 10000 else max(2, min(args.runs, 3))

            def export(folder: Path = folder, out: Path = out) -> list[str]:
                return [convention, "export", "--data", str(folder), "-f", "xlsx", "-o",
                        str(out), "--as-of", "2025-12-31"]
            pair = timed_pair(TimedPair(f"export --format xlsx ({size})",
                                        TARGET_XLSX if size == 1000 else None),
                              export, [convention, "validate", "--data", str(folder)], runs)
            xlsx_medians[size] = pair.median_a
            if size != 10:
                pairs.append(pair)
    lines = [
        "# Suivi (issue 11) : éditions, export xlsx et import face à `convention validate`",
        "",
        machine_line(),
        f"- Commande : `python bench/bench_suivi.py {' '.join(sys.argv[1:])}`".rstrip(),
        "- A = la commande, B = `convention validate` sur le même registre, A B A B … ; "
        "médiane des ratios appariés A ÷ B ; chaque édition sur une copie neuve du registre.",
        "",
        "| mesure | paires | A (médiane) | validate (médiane) | ratio apparié | cible | "
        "verdict |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for pair in pairs:
        target = f"≤ {_fr(pair.target, 1)}" if pair.target else "—"
        verdict = ("✅ atteinte" if pair.ratio <= pair.target else "❌ non atteinte") \
            if pair.target else "—"
        lines.append(f"| {pair.label} | {len(pair.a)} | {_fr(pair.median_a)} s | "
                     f"{_fr(pair.median_b)} s | {_fr(pair.ratio)} | {target} | "
                     f"{verdict} |")
    if {10, 1000, 10000} <= set(xlsx_medians):
        costs = {n: (xlsx_medians[n] - xlsx_medians[10]) / (n - 10) for n in (1000, 10000)}
        linearity = costs[10000] / costs[1000]
        ok = "✅ atteinte" if linearity <= TARGET_LINEARITY else "❌ non atteinte"
        lines += ["", f"Export xlsx, coût par engagement (t(N) − t(10)) ÷ (N − 10) : "
                  f"{_fr(costs[1000] * 1e3)} ms à 1 000, {_fr(costs[10000] * 1e3)} ms à "
                  f"10 000 ; **linéarité** : **{_fr(linearity)}** ; cible ≤ "
                  f"{_fr(TARGET_LINEARITY)} {ok}"]
    publish("\n".join(lines) + "\n", args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
