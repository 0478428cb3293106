"""Every case folder gives exactly its expected output and exit code."""

from __future__ import annotations

import io
import os
import re
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from convention_cli.cli.app import main
from tests.casefolders import CASES, case_dirs, materialise
from tests.paths import PACKAGE as SRC


def run_validate(workdir: Path) -> tuple[int, str]:
    out = io.StringIO()
    cwd = Path.cwd()
    os.chdir(workdir)
    try:
        with redirect_stdout(out):
            code = main(["validate", "--data", "data", "--format", "text"])
    finally:
        os.chdir(cwd)
    return code, out.getvalue()


def _snapshot(folder: Path) -> dict[str, tuple[int, bytes]]:
    return {
        str(p.relative_to(folder)): (p.stat().st_mtime_ns, p.read_bytes() if p.is_file() else b"")
        for p in sorted(folder.rglob("*"))
    }


@pytest.mark.parametrize("case", case_dirs("invalid") + case_dirs("valid"), ids=lambda p: p.name)
def test_case_output(case: Path, tmp_path: Path) -> None:
    data = materialise(case, tmp_path)
    before = _snapshot(data)
    code, output = run_validate(tmp_path)
    assert _snapshot(data) == before, "la validation ne doit rien écrire"
    actual = f"# exit {code}\n{output}"
    expected_file = case / "expected.txt"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        expected_file.write_text(actual, encoding="utf-8")
    assert actual == expected_file.read_text(encoding="utf-8")


def test_base_registry_is_valid(tmp_path: Path) -> None:
    (tmp_path / "case").mkdir()
    materialise(tmp_path / "case", tmp_path)
    assert run_validate(tmp_path) == (0, "Registre valide : 6 fichiers vérifiés, aucun problème.\n")


def _codes_in_source() -> set[str]:
    pattern = re.compile(r'"([A-Z]{3}\d{3})"')
    return {m for path in SRC.rglob("*.py") for m in pattern.findall(path.read_text("utf-8"))}


def test_every_code_has_a_case_folder() -> None:
    folders = {p.name.split("-")[0] for p in case_dirs("invalid")}
    missing = _codes_in_source() - folders - {"FIC003"}  # FIC003: tests/test_loader.py
    assert not missing, f"codes sans dossier de cas : {sorted(missing)}"


def test_every_case_folder_shows_its_code() -> None:
    for case in case_dirs("invalid"):
        code = case.name.split("-")[0]
        assert f" {code}: " in (case / "expected.txt").read_text("utf-8"), case.name


def test_codes_are_documented_in_readme() -> None:
    readme = (CASES.parent.parent / "README.md").read_text("utf-8")
    missing = {code for code in _codes_in_source() if code not in readme}
    assert not missing, f"codes absents du README : {sorted(missing)}"
