from __future__ import annotations

import pytest

from convention_cli.formats.markdown import cell, inline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a | b", "a \\| b"),
        ("ligne 1\nligne 2", "ligne 1 ligne 2"),
        ("<script>", "\\<script\\>"),
        ("# titre", "\\# titre"),
        ("- puce", "\\- puce"),
        ("1. liste", "1\\. liste"),
        ("12) point", "12\\) point"),
        ("*gras* _it_ `code` [lien]", "\\*gras\\* \\_it\\_ \\`code\\` \\[lien\\]"),
    ],
)
def test_inline(text: str, expected: str) -> None:
    assert inline(text) == expected


def test_cell_keeps_leading_markers_but_escapes_pipes() -> None:
    assert cell("1. a | b\nc") == "1. a \\| b c"
