"""In-process timing of the read path: our event reader against PyYAML's CSafeLoader.

Usage: python bench/bench_reader.py [-n 1000] [--repeats 5]

Generates a synthetic registry with gen_registry.py, then times, on its
engagements.yaml, each reader with the cyclic garbage collector on and off
(round-robin, median of the repeats). Prints a Markdown table in French.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from convention_cli.load.yaml_reader import parse_yaml

HERE = Path(__file__).resolve().parent


def _csafe(text: str) -> Any:
    return yaml.load(text, Loader=yaml.CSafeLoader)  # CSafeLoader constructs no objects from tags


def _events(text: str) -> Any:
    return parse_yaml(text, "engagements.yaml").root


def _time(function: Callable[[str], Any], text: str, gc_on: bool) -> float:
    gc.collect()
    if gc_on:
        gc.enable()
    else:
        gc.disable()
    start = time.perf_counter()
    function(text)
    elapsed = time.perf_counter() - start
    gc.enable()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=1000, help="nombre d'engagements")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    import gen_registry

    with tempfile.TemporaryDirectory() as folder:
        gen_registry.main([folder, "-n", str(args.n)])
        text = (Path(folder) / "engagements.yaml").read_text(encoding="utf-8")
    methods: dict[str, Callable[[str], Any]] = {
        "yaml_reader (événements libyaml, positions)": _events,
        "PyYAML CSafeLoader (sans positions)": _csafe,
    }
    results: dict[tuple[str, bool], list[float]] = {}
    for _ in range(args.repeats):
        for name, function in methods.items():
            for gc_on in (True, False):
                results.setdefault((name, gc_on), []).append(_time(function, text, gc_on))
    print(f"\n{args.n} engagements, {len(text.encode()) / 1e6:.2f} Mo, "
          f"médiane de {args.repeats} répétitions\n")
    print("| lecteur | ramasse-miettes actif | suspendu | actif ÷ suspendu |")
    print("|---|---:|---:|---:|")
    for name in methods:
        on = statistics.median(results[(name, True)])
        off = statistics.median(results[(name, False)])
        print(f"| {name} | {on * 1000:.0f} ms | {off * 1000:.0f} ms | {on / off:.2f} |")
    ours = statistics.median(results[(next(iter(methods)), False)])
    theirs = statistics.median(results[(list(methods)[1], False)])
    print(f"\nCSafeLoader ÷ yaml_reader (ramasse-miettes suspendu) : {theirs / ours:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
