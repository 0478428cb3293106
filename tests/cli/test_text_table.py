from __future__ import annotations

import pytest

from convention_cli.cli.text_table import Column, emit, text_table


def test_columns_are_aligned_and_capped() -> None:
    lines = text_table(
        "Titre",
        [Column("id"), Column("libellé", max_width=8), Column("n", align_right=True)],
        [["a", "court", "1"], ["bb", "beaucoup trop long", "12"]],
        ["", "red"],
        "légende",
    )
    assert lines == [
        ("Titre", "bold"),
        ("id  libellé    n", "dim"),
        ("a   court      1", ""),
        ("bb  beaucou…  12", "red"),
        ("légende", "italic"),
    ]


def test_emit_plain_text_in_one_write(capsys: pytest.CaptureFixture[str]) -> None:
    emit([[("A", "bold"), ("b", "")], [("C", "")]], None)
    assert capsys.readouterr().out == "A\nb\n\nC\n"
