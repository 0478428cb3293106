"""``convention init``'s scaffold: refusals, and nothing left behind when a write fails."""

from __future__ import annotations

import errno
from datetime import date
from pathlib import Path

import pytest

from convention_cli.edit import scaffold
from convention_cli.edit.scaffold import scaffold_registry, scaffold_texts
from convention_cli.errors import SystemRefusalError, UsageError, UserError

SIGNED = date(2024, 1, 15)


def test_empty_title_and_a_term_out_of_range_are_usage_errors() -> None:
    with pytest.raises(UsageError) as caught:
        scaffold_texts(titre="  ", signature=SIGNED)
    assert str(caught.value) == "--titre est vide"
    with pytest.raises(UsageError) as caught:
        scaffold_texts(titre="Convention", signature=date(2199, 3, 1), duree=3)
    assert str(caught.value) == ("la convention finirait le 2202-02-28, hors de la plage prise "
                                 "en charge (années 1900 à 2200)")


def test_a_folder_that_is_not_empty_is_never_written(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(UserError) as caught:
        scaffold_registry(tmp_path, titre="Convention", signature=SIGNED)
    assert str(caught.value) == (f"{tmp_path} existe et n'est pas un dossier vide : rien n'a "
                                 "été écrit (rien n'est jamais écrasé)")


@pytest.mark.parametrize("existing", [True, False])
def test_a_failed_write_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, existing: bool,
) -> None:
    target = tmp_path / "registre"
    if existing:
        target.mkdir()
    calls: list[Path] = []

    def full_after_two(path: Path, text: str) -> None:
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        calls.append(path)
        path.write_text(text, encoding="utf-8")

    monkeypatch.setattr(scaffold, "atomic_write_text", full_after_two)
    with pytest.raises(SystemRefusalError) as caught:
        scaffold_registry(target, titre="Convention", signature=SIGNED)
    assert str(caught.value) == (f"écriture dans {target} impossible (disque plein) : rien "
                                 "n'a été écrit")
    assert len(calls) == 2
    if existing:
        assert list(target.iterdir()) == []  # the folder given stays, empty
    else:
        assert not target.exists()
