"""Fixtures every test may use: a copy of a registry, and the command line run in process.

- ``registry_copy(source=DATA)``: copies a registry folder to ``tmp_path/data`` (outside any git
  repository, so no commit appears in provenance) and returns the copy; ``data_copy`` is the
  copy of the repository's own ``data/``.
- ``run_cli(*args)``: runs ``convention ARGS`` in process and returns ``CliResult(code, out, err)``
  (a named tuple: ``code, out, err = run_cli(...)``); ``run_cli.ok(*args)`` also asserts exit 0
  and returns the standard output.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import pytest

from tests.paths import DATA


class CliResult(NamedTuple):
    code: int
    out: str
    err: str


class RunCli:
    """``convention`` run in process; output captured through pytest's ``capsys``."""

    def __init__(self, capsys: pytest.CaptureFixture[str]) -> None:
        self._capsys = capsys

    def __call__(self, *args: str | Path) -> CliResult:
        from convention_cli.cli.app import main

        self._capsys.readouterr()  # what was printed before belongs to someone else
        code = main([str(arg) for arg in args])
        out, err = self._capsys.readouterr()
        return CliResult(code, out, err)

    def ok(self, *args: str | Path) -> str:
        """Standard output of a run that must succeed (exit 0)."""
        result = self(*args)
        assert result.code == 0, result.err or result.out
        return result.out


RegistryCopy = Callable[..., Path]


def copy_registry(source: Path, target: Path) -> Path:
    """Copy the registry ``source`` to ``target`` and return ``target``."""
    shutil.copytree(source, target)
    return target


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> RunCli:
    return RunCli(capsys)


@pytest.fixture
def registry_copy(tmp_path: Path) -> RegistryCopy:
    def copy(source: Path = DATA, name: str = "data") -> Path:
        return copy_registry(source, tmp_path / name)

    return copy


@pytest.fixture
def data_copy(registry_copy: RegistryCopy) -> Path:
    """A copy of the repository's own registry, safe to edit."""
    return registry_copy(DATA)
