"""Where things are, for every test: the repository, its registry and the case folders."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
PACKAGE = ROOT / "src" / "convention_cli"
CASES = ROOT / "tests" / "cases"
