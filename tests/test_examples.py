"""The CI and pre-commit examples: a pinned revision that exists, an install from the git
repository (the tool is on no package index), and steps that pass on the shipped registry."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.paths import ROOT

GITHUB = ROOT / "examples" / "github-actions" / "valider-registre.yml"
GITLAB = ROOT / "examples" / "gitlab-ci" / "valider-registre.gitlab-ci.yml"
INSTALL = 'pip install "git+${CONVENTION_DEPOT}@${CONVENTION_REVISION}"'
SHA = re.compile(r"^[0-9a-f]{40}$")


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _run_env() -> dict[str, str]:
    """The steps run with this environment's ``convention`` first on the PATH (it stands
    for the one the install step puts there)."""
    return {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}"
            f"{os.environ['PATH']}", "GITHUB_ACTIONS": "", "NO_COLOR": "1"}


def _registry_repository(tmp_path: Path) -> Path:
    """A registry repository as the README describes it: the shipped ``data/`` and the
    agreement's text it cites (``docs/``)."""
    repo = tmp_path / "registre"
    shutil.copytree(ROOT / "data", repo / "data")
    if (ROOT / "docs").is_dir():
        shutil.copytree(ROOT / "docs", repo / "docs")
    return repo


def assert_commit_exists(revision: str) -> None:
    assert SHA.match(revision), f"révision non fixée : {revision!r} (un commit de 40 caractères)"
    result = subprocess.run(["git", "cat-file", "-e", f"{revision}^{{commit}}"], cwd=ROOT,
                            capture_output=True, check=False)
    if not (ROOT / ".git").exists():
        pytest.skip("pas un dépôt git (archive source)")
    assert result.returncode == 0, f"le commit {revision} n'existe pas dans ce dépôt"


def test_github_actions_installs_from_git_at_a_pinned_commit() -> None:
    workflow = _load(GITHUB)
    assert_commit_exists(workflow["env"]["CONVENTION_REVISION"])
    runs = [s["run"] for s in workflow["jobs"]["valider"]["steps"] if "run" in s]
    assert runs[0] == INSTALL
    assert "pip install convention-cli" not in GITHUB.read_text(encoding="utf-8")


def test_github_actions_steps_pass_on_the_shipped_registry(tmp_path: Path) -> None:
    repo = _registry_repository(tmp_path)
    workflow = _load(GITHUB)
    runs = [s["run"] for s in workflow["jobs"]["valider"]["steps"] if "run" in s]
    for command in runs[1:]:
        result = subprocess.run(["bash", "-e", "-c", command], cwd=repo, env=_run_env(),
                                capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stdout + result.stderr


def test_gitlab_ci_writes_a_code_quality_report_and_passes(tmp_path: Path) -> None:
    job = _load(GITLAB)["valider-registre"]
    assert_commit_exists(job["variables"]["CONVENTION_REVISION"])
    assert INSTALL in job["before_script"]
    assert job["artifacts"]["when"] == "always"
    report = job["artifacts"]["reports"]["codequality"]
    repo = _registry_repository(tmp_path)
    for command in job["script"]:
        result = subprocess.run(["bash", "-e", "-c", command], cwd=repo, env=_run_env(),
                                capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads((repo / report).read_text(encoding="utf-8")) == []


def test_the_pinned_tool_validates_the_shipped_registry(tmp_path: Path) -> None:
    """The examples install the tool AT THE PINNED COMMIT: that tool, not today's, must
    pass ``validate --strict`` on the shipped registry. When the registry starts using
    something newer (a field, a rule), move the pin of every example (one commit, the
    same in README.md, .pre-commit-hooks.yaml and examples/) to a commit of main that
    has it."""
    revision = _load(GITHUB)["env"]["CONVENTION_REVISION"]
    assert_commit_exists(revision)
    archive = subprocess.run(["git", "archive", "--format=tar", revision, "src"], cwd=ROOT,
                             capture_output=True, check=True).stdout
    (tmp_path / "src.tar").write_bytes(archive)
    subprocess.run(["tar", "-xf", "src.tar"], cwd=tmp_path, check=True)
    repo = _registry_repository(tmp_path)
    env = {**_run_env(), "PYTHONPATH": str(tmp_path / "src")}
    result = subprocess.run([sys.executable, "-m", "convention_cli", "validate", "--data",
                             "data", "--strict"], cwd=repo, env=env, capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, (
        f"l'outil au commit épinglé {revision[:12]} refuse le registre livré : déplacez la "
        f"révision des exemples vers un commit récent de main\n{result.stdout}{result.stderr}")


def test_readme_pre_commit_snippet_names_an_existing_commit_and_hook() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(  repos:\n.*?)```", readme, re.DOTALL)
    assert block is not None
    config = yaml.safe_load("\n".join(line[2:] for line in block.group(1).splitlines()))
    [repo] = config["repos"]
    assert_commit_exists(repo["rev"])
    hooks = {h["id"]: h for h in _load(ROOT / ".pre-commit-hooks.yaml")}
    [hook] = repo["hooks"]
    assert hook["id"] in hooks
    assert hook["args"] == ["--data", "data", "--strict"]
    entry = hooks[hook["id"]]["entry"].split()
    assert entry[0] == "convention"
    assert hooks[hook["id"]]["language"] == "python"
    assert re.search(r"rev: v\d", readme) is None, "aucune étiquette n'est publiée"
    examples = {GITHUB: _load(GITHUB)["env"]["CONVENTION_REVISION"],
                GITLAB: _load(GITLAB)["valider-registre"]["variables"]["CONVENTION_REVISION"]}
    assert set(examples.values()) == {repo["rev"]}, "une seule révision dans les exemples"
