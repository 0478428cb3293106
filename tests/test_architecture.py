"""The dependency direction of ARCHITECTURE.md, checked on the import statements."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).parent.parent / "src" / "convention_cli"


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


def test_modules_stay_small() -> None:
    long_modules = {
        str(p.relative_to(PACKAGE)): n for p in _modules()
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert long_modules == {}
