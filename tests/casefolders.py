"""End-to-end case folders: a base registry, and per case the files that differ.

``cases/base/data`` is a minimal valid registry. A case folder ``cases/<kind>/<name>/``
holds ``data/`` (files that replace those of the base; a folder replaces a file),
optionally ``remove.txt`` (base files to delete), and ``expected.txt``: the exact
output of ``convention validate --data data``, preceded by ``# exit N``.
Set ``UPDATE_GOLDEN=1`` to rewrite the expected files, then review the diff.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.paths import CASES

BASE = CASES / "base" / "data"

__all__ = ["BASE", "CASES", "case_dirs", "materialise"]


def case_dirs(kind: str) -> list[Path]:
    return sorted(p for p in (CASES / kind).iterdir() if p.is_dir())


def materialise(case: Path, target: Path) -> Path:
    """Build the case's registry in ``target/data`` and return that folder."""
    data = target / "data"
    shutil.copytree(BASE, data)
    remove = case / "remove.txt"
    if remove.exists():
        for name in remove.read_text(encoding="utf-8").split():
            (data / name).unlink()
    overlay = case / "data"
    if overlay.exists():
        for item in overlay.iterdir():
            destination = data / item.name
            if destination.is_file():
                destination.unlink()
            if item.is_dir():
                shutil.copytree(item, destination)
            else:
                shutil.copyfile(item, destination)
    return data
