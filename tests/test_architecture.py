"""The dependency direction of ARCHITECTURE.md, checked on the import statements."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.paths import PACKAGE


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_only_cli_imports_typer_or_rich() -> None:
    offenders = [
        str(p.relative_to(PACKAGE)) for p in _modules()
        if "cli" not in p.relative_to(PACKAGE).parts and _imports(p) & {"typer", "rich", "click"}
    ]
    assert offenders == []


def test_only_the_yaml_modules_import_yaml_libraries() -> None:
    allowed = {"yaml_reader.py"}
    offenders = [
        str(p.relative_to(PACKAGE)) for p in _modules()
        if p.name not in allowed and _imports(p) & {"yaml", "ruamel"}
    ]
    assert offenders == []


def test_no_today_below_the_cli() -> None:
    for path in _modules():
        if "cli" in path.relative_to(PACKAGE).parts:
            continue
        text = path.read_text(encoding="utf-8")
        assert "today()" not in text, path
        assert "datetime.now" not in text, path


# The stages of the data flow, in order: a module may import its own stage and the
# stages to its left, never one to its right. ``domain`` comes before ``checks``
# because a check verifies references to computed échéances.
STAGES = ("models", "load", "domain", "checks", "views", "formats", "edit", "cli")
ROOT_MODULES = {"__init__", "__main__", "errors", "diagnostics", "vocab", "defaults"}


def _stage(parts: tuple[str, ...]) -> int:
    """-1 for the small root, else the index of the stage package."""
    return STAGES.index(parts[0]) if len(parts) > 1 and parts[0] in STAGES else -1


def _internal_imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            parts = node.module.split(".")
            if parts[0] == "convention_cli" and len(parts) > 1:
                found.add(parts[1])
    return found


def test_stages_import_only_to_their_left() -> None:
    offenders = []
    for path in _modules():
        rel = path.relative_to(PACKAGE).parts
        if rel == ("__main__.py",):
            continue  # the entry point calls the CLI by definition
        own = _stage(rel)
        for target in _internal_imports(path):
            target_stage = STAGES.index(target) if target in STAGES else -1
            if target_stage > own:
                offenders.append(f"{'/'.join(rel)} → {target}")
    assert offenders == []


def test_root_holds_only_the_small_shared_modules() -> None:
    root = {p.stem for p in PACKAGE.glob("*.py")}
    assert root <= ROOT_MODULES, root - ROOT_MODULES
    packages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    assert packages == set(STAGES)


def test_modules_stay_small() -> None:
    long_modules = {
        str(p.relative_to(PACKAGE)): n for p in _modules()
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert long_modules == {}
