"""ruff and mypy --strict are enforced: the README's test command runs them as steps of their
own before pytest (faster feedback) and deselects the ``static`` tests below, which keep them
in any plain ``pytest`` run; and ``.ci/run`` runs exactly that command."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.paths import ROOT


@pytest.mark.static
@pytest.mark.parametrize(
    "command",
    [
        [sys.executable, "-m", "ruff", "check", "."],
        [sys.executable, "-m", "mypy"],
    ],
    ids=["ruff", "mypy"],
)
def test_static_checks_are_clean(command: list[str]) -> None:
    if shutil.which(command[2], path=str(Path(sys.executable).parent)) is None:
        pytest.fail(f"{command[2]} n'est pas installé : pip install -e '.[test]'")
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def readme_test_command() -> str:
    """The command in the README's section « Installation en deux commandes », step 2."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Installation en deux commandes", 1)[1].split("\n## ", 1)[0]
    commands = [line.strip() for line in section.splitlines()
                if line.strip().startswith("python3 -m venv .venv && ")]
    return commands[-1]


def test_ci_runs_exactly_the_readme_test_command() -> None:
    command = readme_test_command()
    assert "ruff check" in command
    assert "mypy" in command
    assert command.index("mypy") < command.index("pytest")
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert script.rstrip("\n").splitlines()[-1] == command
    assert script.startswith("#!/usr/bin/env bash\n")
    assert "set -euo pipefail" in script  # pytest's exit 5 (no test ran) fails CI


def test_coverage_has_a_floor() -> None:
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert config["tool"]["coverage"]["report"]["fail_under"] >= 96
    assert "--cov-branch" in config["tool"]["pytest"]["ini_options"]["addopts"]


def test_readme_maps_every_package() -> None:
    from tests.paths import PACKAGE

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Développement", 1)[1].split("\n## ", 1)[0]
    table = [line for line in section.splitlines() if line.startswith("| ")]
    folders = sorted(p.name for p in PACKAGE.iterdir()
                     if p.is_dir() and not p.name.startswith((".", "_")))
    missing = [f for f in folders if not any(f"`{f}/`" in row for row in table)]
    assert not missing, f"paquets absents du tableau du README : {missing}"


def test_no_two_classes_share_a_name() -> None:
    """French domain noun + English role (``EngagementRow``, ``ActionAgendaRow``…): a class
    name says which one it is, anywhere in the package."""
    import ast
    from collections import defaultdict

    from tests.paths import PACKAGE

    where: dict[str, list[str]] = defaultdict(list)
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.ClassDef):
                where[node.name].append(str(path.relative_to(PACKAGE)))
    assert {name: paths for name, paths in where.items() if len(paths) > 1} == {}
