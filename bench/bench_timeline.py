"""Why the timeline picture is drawn by the tool and not by a plotting library: paired
timings against ``convention validate`` on the real registry (``data/``).

Whole processes, A and B in turn (A B A B …), median of the paired ratios A ÷ B:

- ``bilan-docx``: ``convention bilan --annee 2024 -o x.docx`` (the annual bilan in Word,
  its timeline painted as PNG by ``formats/timeline.py``);
- ``frise-outil``: a child process that imports ``formats/timeline.py`` and draws the
  bilan's timeline once as SVG and once as PNG;
- ``frise-matplotlib`` (when matplotlib is installed): a child process that imports
  matplotlib and draws the same timeline once as SVG and once as PNG, with a figure like the
  one the documents used before (one row per échéance, diamond markers, month ticks).

    .venv/bin/python bench/bench_timeline.py --runs 5 --out bench/results-timeline.md
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
YEAR = "2024"

DRAW_TOOL = """
import sys
from convention_cli.formats.timeline import parse_gantt, timeline_png, timeline_svg
code = open(sys.argv[1], encoding="utf-8").read().split("```mermaid")[1].split("```")[0]
timeline = parse_gantt(code)
timeline_svg(timeline)
timeline_png(timeline)
"""

DRAW_MATPLOTLIB = """
import io, sys
from convention_cli.formats.timeline import parse_gantt
code = open(sys.argv[1], encoding="utf-8").read().split("```mermaid")[1].split("```")[0]
timeline = parse_gantt(code)
from matplotlib.figure import Figure
tasks = sorted(timeline.tasks, key=lambda t: (t.day, t.section, t.label))
figure = Figure(figsize=(6.5, 1.2 + 0.28 * max(len(tasks), 1)))
axes = figure.add_subplot()
colours = {"late": "#c0392b", "done": "#8c8c8c", "open": "#1f4e79"}
rows = list(range(len(tasks), 0, -1))
for y, task in zip(rows, tasks):
    axes.plot([task.day.toordinal()], [y], marker="D", linestyle="none",
              color=colours[task.state])
axes.set_yticks(rows, [f"{t.label} ({t.day.day}/{t.day.month:02d})" for t in tasks])
figure.suptitle(timeline.title)
figure.tight_layout()
figure.savefig(io.StringIO(), format="svg", metadata={"Date": None})
figure.savefig(io.BytesIO(), format="png", dpi=150)
"""


def _timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            check=False, env={**os.environ, "NO_COLOR": "1"})
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"échec ({result.returncode}) : {' '.join(cmd)}\n{result.stderr.decode()}")
    return elapsed


def paired(a: list[str], b: list[str], runs: int) -> tuple[float, float, float]:
    """Median of A, median of B, median of the paired ratios A ÷ B (after one warm-up)."""
    _timed(a)
    _timed(b)
    times_a, times_b = [], []
    for _ in range(runs):
        times_a.append(_timed(a))
        times_b.append(_timed(b))
    ratios = [x / y for x, y in zip(times_a, times_b, strict=True)]
    return statistics.median(times_a), statistics.median(times_b), statistics.median(ratios)


def _fr(value: float) -> str:
    return f"{value:.2f}".replace(".", ",")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    beside = Path(sys.executable).parent / "convention"
    convention = str(beside) if beside.exists() else shutil.which("convention") or "convention"
    with tempfile.TemporaryDirectory(prefix="bench-frise-") as tmp_name:
        tmp = Path(tmp_name)
        data = shutil.copytree(ROOT / "data", tmp / "reel" / "data")
        markdown = tmp / "bilan.md"
        subprocess.run([convention, "bilan", "--annee", YEAR, "-o", str(markdown),
                        "--data", str(data)], check=True, capture_output=True)
        validate = [convention, "validate", "--data", str(data)]
        cases = [
            ("bilan-docx", [convention, "bilan", "--annee", YEAR, "-o", str(tmp / "b.docx"),
                            "--data", str(data)]),
            ("frise-outil", [sys.executable, "-c", DRAW_TOOL, str(markdown)]),
        ]
        if importlib.util.find_spec("matplotlib") is not None:
            cases.append(("frise-matplotlib",
                          [sys.executable, "-c", DRAW_MATPLOTLIB, str(markdown)]))
        rows = []
        for label, command in cases:
            a, b, ratio = paired(command, validate, args.runs)
            print(f"{label} : {a:.2f} s, validate {b:.2f} s, ratio {ratio:.2f}", file=sys.stderr)
            rows.append(f"| {label} | {args.runs} | {_fr(a)} s | {_fr(b)} s | {_fr(ratio)} |")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    text = "\n".join([
        "# La frise des documents : dessinée par l'outil ou par matplotlib",
        "",
        f"- Machine : {platform.platform()}, {os.cpu_count()} processeurs logiques, Python "
        f"{platform.python_version()} ; charge moyenne (1 min) à la fin : {_fr(load)}",
        f"- Commande : `python bench/bench_timeline.py {' '.join(sys.argv[1:])}`".rstrip(),
        "- Chaque ligne A face à B = `convention validate --data data` (registre réel), "
        "A B A B …, médiane des ratios appariés ; une frise = la frise du bilan annuel "
        f"{YEAR}, dessinée une fois en SVG et une fois en PNG, dans un processus à part.",
        "",
        "| mesure | paires | A (médiane) | validate (médiane) | ratio apparié |",
        "|---|---:|---:|---:|---:|",
        *rows,
        "",
    ])
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
