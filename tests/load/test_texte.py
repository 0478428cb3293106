"""The agreement's full text (``convention.texte``): every way it can be unreadable is a
located TXT001 warning with its reason, never a failure."""

from __future__ import annotations

from pathlib import Path

import pytest

from convention_cli.load import texte
from tests.casefolders import CASES
from tests.conftest import RunCli

CASE = CASES / "invalid" / "TXT001-texte-introuvable"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    from tests.casefolders import materialise

    return materialise(CASE, tmp_path)


def _warning(run_cli: RunCli, data: Path) -> str:
    code, out, _ = run_cli("validate", "--data", data)
    assert code == 0
    return out.splitlines()[0]


@pytest.mark.parametrize(("make", "reason"), [
    (lambda path: path.mkdir(), "c'est un dossier"),
    (lambda path: path.write_bytes(b"Convention \xe9t\xe9 2023\n"), "non UTF-8"),
    (lambda path: path.write_text("x" * 5000, encoding="utf-8"), "fichier trop volumineux"),
])
def test_unreadable_text_is_a_located_warning(
    run_cli: RunCli, data: Path, monkeypatch: pytest.MonkeyPatch, make: object, reason: str,
) -> None:
    monkeypatch.setattr(texte, "MAX_TEXT_BYTES", 4096)
    make(data / "absent.md")  # type: ignore[operator]
    assert _warning(run_cli, data) == (
        f"{data}/convention.yaml:65:10: avertissement TXT001: texte de la convention "
        f"illisible : {data}/absent.md ({reason}) ; la vérification de traçabilité n'est pas "
        "faite")

