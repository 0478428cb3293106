"""The distribution: SPDX licence metadata, and an sdist that carries what its tests need."""

from __future__ import annotations

import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

import pytest

from tests.paths import ROOT

NOT_SHIPPED = {".gitignore", "templates"}
"""Repository files the sdist leaves out: git's own list, and the root link to the
package's templates (the package ships them)."""


def test_licence_is_an_spdx_expression() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    assert project["project"]["license"] == "MIT"
    assert project["project"]["license-files"] == ["LICENSE"]
    assert any(r.startswith("setuptools>=") and int(r.split(">=")[1].split(".")[0]) >= 77
               for r in project["build-system"]["requires"])
    assert (ROOT / "LICENSE").read_text("utf-8").startswith("MIT License")


def test_changelog_names_the_current_version() -> None:
    from convention_cli import __version__

    assert f"## {__version__}" in (ROOT / "CHANGELOG.md").read_text("utf-8")


def _tracked_files() -> set[str]:
    result = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True,
                            check=False)
    if result.returncode != 0 or not result.stdout:
        pytest.skip("pas un dépôt git (archive source) : la liste de référence manque")
    return {line for line in result.stdout.splitlines() if (ROOT / line).exists()}


def test_sdist_carries_every_file_of_the_repository(tmp_path: Path) -> None:
    """Built as a packager would (``python -m build --sdist``, isolated build with the
    declared setuptools): every tracked file is in it but git's own list, so that its
    tests (cases, data, docs, schemas, examples, bench) run from it."""
    tracked = _tracked_files()
    pytest.importorskip("build")
    result = subprocess.run([sys.executable, "-m", "build", "--sdist", "--outdir",
                             str(tmp_path), str(ROOT)], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    [archive] = tmp_path.glob("convention_cli-*.tar.gz")
    with tarfile.open(archive) as tar:
        names = {name.split("/", 1)[1] for name in tar.getnames() if "/" in name}
    missing = sorted(f for f in tracked - names
                     if f not in NOT_SHIPPED and f.split("/")[0] not in NOT_SHIPPED)
    assert not missing, missing
    assert "PKG-INFO" in names
    with tarfile.open(archive) as tar:
        member = tar.extractfile(next(m for m in tar.getmembers()
                                      if m.name.endswith("/PKG-INFO")))
        assert member is not None
        metadata = member.read().decode("utf-8")
    assert "License-Expression: MIT" in metadata
    assert "License-File: LICENSE" in metadata
