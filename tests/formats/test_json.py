"""The one JSON serializer of the outputs."""

from __future__ import annotations

from datetime import date

import pytest

from convention_cli.formats.json import dumps


def test_text_is_kept_indented_and_ends_with_a_newline() -> None:
    assert dumps({"b": "é « … »", "a": [1]}) == '{\n  "b": "é « … »",\n  "a": [\n    1\n  ]\n}\n'


def test_keys_sorted_on_request() -> None:
    assert dumps({"b": 1, "a": 2}, sort_keys=True) == '{\n  "a": 2,\n  "b": 1\n}\n'


def test_dates_are_iso_texts() -> None:
    assert dumps([date(2023, 7, 18)]) == '[\n  "2023-07-18"\n]\n'


def test_anything_else_is_refused() -> None:
    with pytest.raises(TypeError, match="object"):
        dumps(object())
