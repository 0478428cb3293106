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
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_EDIT = 1.5
TARGET_XLSX = 3.0
TARGET_IMPORT = 5.0
TARGET_LINEARITY = 1.20
IMPORT_ROWS = 500


@dataclass
class Pair:
    label: str
    target: float | None
    a: list[float] = field(default_factory=list)
    b: list[float] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        return statistics.median(x / y for x, y in zip(self.a, self.b, strict=True))


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


def _pair(label: str, target: float | None, runs: int, a: Callable[[], list[str]],
          b: list[str]) -> Pair:
    pair = Pair(label, target)
    _timed(a())  # warm-up: bytecode and page caches
    _timed(b)
    for _ in range(runs):
        pair.a.append(_timed(a()))
        pair.b.append(_timed(b))
    print(f"{label} : {statistics.median(pair.a):.2f} s contre validate "
          f"{statistics.median(pair.b):.2f} s, ratio apparié {pair.ratio:.2f}", file=sys.stderr)
    return pair


def _generate(folder: Path, size: int) -> Path:
    subprocess.run([sys.executable, str(ROOT / "bench" / "gen_registry.py"), str(folder),
                    "-n", str(size)], check=True, stdout=subprocess.DEVNULL)
    _sanitize(folder)
    return folder


def _sanitize(folder: Path) -> None:
    """Make the synthetic registry follow the evidence rules that came after the generator
    (PRV002 parties on joint statuses, QUA001 « plus de », REL001 tutelles), so that the
    edits are not refused; idempotent."""
    conv = folder / "convention.yaml"
    text = conv.read_text(encoding="utf-8")
    if "qualificatifs:" not in text:
        text = text.replace("    jeunes_en_contact: 150000\n", "    jeunes_en_contact: 150000\n"
                            "    qualificatifs:\n      jeunes_accompagnes_par_an: plus_de\n"
                            "      jeunes_en_contact: plus_de\n", 1)
        conv.write_text(text, encoding="utf-8")
    parties = folder / "parties.yaml"
    text = parties.read_text(encoding="utf-8")
    text = re.sub(r"^(    tutelle: (\S+)\n)(?!    relations:)",
                  lambda m: m.group(1) + "    relations: [{type: tutelle, organisation: "
                  f"{m.group(2)}, source: Registre synthétique}}]\n",
                  text, flags=re.M)
    parties.write_text(text, encoding="utf-8")
    eng = folder / "engagements.yaml"
    out = []
    current: str | None = None
    for line in eng.read_text(encoding="utf-8").splitlines(keepends=True):
        m = re.match(r"^    parties: (\[.*\])\s*$", line)
        if m:
            current = m.group(1) if "," in m.group(1) else None
        if current and re.match(r"^        statut: ", line):
            out.append(f"        parties: {current}\n")
        out.append(line)
    eng.write_text("".join(out), encoding="utf-8")


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
    convention = _tool("convention")
    sizes = [int(s) for s in args.sizes.split(",") if s]
    pairs: list[Pair] = []
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
            pairs.append(_pair(f"{label} (1 000)", TARGET_EDIT, args.runs, edit, validate))
        book = tmp / "classeur.xlsx"
        _workbook(convention, base, book)

        def import_() -> list[str]:
            folder = _fresh(base, tmp)
            return [convention, "import", str(book), "--data", str(folder)]
        pairs.append(_pair(f"import de {IMPORT_ROWS} lignes (1 000)", TARGET_IMPORT, args.runs,
                           import_, validate))
        for size in [10, *sizes]:
            folder = base if size == 1000 else _generate(tmp / f"n{size}", size)
            out = tmp / f"export-{size}.xlsx"
            runs = args.runs if size < 10000 else max(2, min(args.runs, 3))

            def export(folder: Path = folder, out: Path = out) -> list[str]:
                return [convention, "export", "--data", str(folder), "-f", "xlsx", "-o",
                        str(out), "--as-of", "2025-12-31"]
            pair = _pair(f"export --format xlsx ({size})", TARGET_XLSX if size == 1000 else None,
                         runs, export, [convention, "validate", "--data", str(folder)])
            xlsx_medians[size] = statistics.median(pair.a)
            if size != 10:
                pairs.append(pair)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    lines = [
        "# Suivi (issue 11) : éditions, export xlsx et import face à `convention validate`",
        "",
        f"- Machine : {platform.platform()}, {os.cpu_count()} processeurs logiques, Python "
        f"{platform.python_version()} ; charge moyenne (1 min) à la fin : {_fr(load)}",
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
        lines.append(f"| {pair.label} | {len(pair.a)} | {_fr(statistics.median(pair.a))} s | "
                     f"{_fr(statistics.median(pair.b))} s | {_fr(pair.ratio)} | {target} | "
                     f"{verdict} |")
    if {10, 1000, 10000} <= set(xlsx_medians):
        costs = {n: (xlsx_medians[n] - xlsx_medians[10]) / (n - 10) for n in (1000, 10000)}
        linearity = costs[10000] / costs[1000]
        ok = "✅ atteinte" if linearity <= TARGET_LINEARITY else "❌ non atteinte"
        lines += ["", f"Export xlsx, coût par engagement (t(N) − t(10)) ÷ (N − 10) : "
                  f"{_fr(costs[1000] * 1e3)} ms à 1 000, {_fr(costs[10000] * 1e3)} ms à "
                  f"10 000 ; **linéarité** : **{_fr(linearity)}** ; cible ≤ "
                  f"{_fr(TARGET_LINEARITY)} {ok}"]
    text = "\n".join(lines) + "\n"
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
