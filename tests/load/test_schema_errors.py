"""How a schema error names the value it received, in French."""

from __future__ import annotations

import pytest

from convention_cli.load.schema_errors import describe_value


@pytest.mark.parametrize(("value", "described"), [
    (None, "une valeur vide (null)"),
    (True, "le booléen true"),
    (False, "le booléen false"),
    (12, "le nombre 12"),
    (2.5, "le nombre 2.5"),
    ("court", "le texte « court »"),
    ("x" * 41, f"le texte « {'x' * 37}… »"),
    ({"a": 1}, "une correspondance"),
    ([1], "une liste"),
])
def test_describe_value(value: object, described: str) -> None:
    assert describe_value(value) == described
