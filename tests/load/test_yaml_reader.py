from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convention_cli.load.yaml_reader import MAX_DEPTH, YamlMap, YamlSeq, parse_yaml, resolve_plain


def codes(text: str) -> list[str]:
    return [d.code for d in parse_yaml(text, "f.yaml").diagnostics]


@pytest.mark.parametrize(
    ("plain", "expected"),
    [
        ("oui", "oui"), ("non", "non"), ("yes", "yes"), ("no", "no"), ("on", "on"),
        ("off", "off"), ("y", "y"), ("2023-07-18", "2023-07-18"), ("012", 12),
        ("0o17", 15), ("0x1F", 31), ("true", True), ("False", False), ("~", None),
        ("null", None), ("", None), ("1.5", 1.5), ("-2", -2), ("1e3", 1000.0),
        ("+.inf", math.inf), ("-.inf", -math.inf), ("1_000", "1_000"), ("12:30", "12:30"),
        ("TRUE", True), ("nul", "nul"), ("t", "t"), ("f", "f"), ("0b1", "0b1"),
    ],
)
def test_resolve_plain_follows_yaml_12_core(plain: str, expected: object) -> None:
    assert resolve_plain(plain) == expected
    assert type(resolve_plain(plain)) is type(expected)


def test_nan_resolves_to_nan() -> None:
    assert math.isnan(resolve_plain(".nan"))


def test_quoted_scalars_stay_text() -> None:
    root = parse_yaml("a: '12'\nb: \"true\"\nc: |\n  x\n", "f").root
    assert root == {"a": "12", "b": "true", "c": "x\n"}


def test_positions_of_keys_values_and_items() -> None:
    root = parse_yaml("a: 1\nb:\n  - x\n  - {y: 2}\n", "f").root
    assert isinstance(root, YamlMap)
    assert root.key_pos == {"a": (0, 0), "b": (1, 0)}
    assert root.value_pos == {"a": (0, 3), "b": (2, 2)}
    items = root["b"]
    assert isinstance(items, YamlSeq)
    assert items.item_pos == [(2, 4), (3, 4)]
    assert items[1].start == (3, 4)


def test_core_tags_are_applied_and_checked() -> None:
    parsed = parse_yaml("a: !!str 12\nb: !!int '7'\nc: !!float 2\nd: !!bool x\n", "f")
    assert parsed.root == {"a": "12", "b": 7, "c": 2.0, "d": None}
    assert [d.code for d in parsed.diagnostics] == ["YAML003"]


@pytest.mark.parametrize(
    "text",
    [
        "a: !!python/object/apply:os.system [echo x]\n",
        "a: !!python/name:os.system\n",
        "a: !custom 1\n",
        "a: !!set {x: null}\n",
        "!!omap [a: 1]\n",
    ],
)
def test_unknown_and_python_tags_are_refused(text: str) -> None:
    assert "YAML003" in codes(text)


def test_alias_bomb_is_refused_without_expansion() -> None:
    layers = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 12):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        layers.append(f"{cur}: &{cur} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}]")
    assert set(codes("\n".join(layers) + "\n")) == {"YAML004"}


def test_depth_limit() -> None:
    assert codes("a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5)) == ["YAML006"]
    assert codes("a: " + "[" * (MAX_DEPTH - 2) + "]" * (MAX_DEPTH - 2)) == []


def test_duplicate_key_keeps_first_position() -> None:
    parsed = parse_yaml("a: 1\nb: 2\na: 3\n", "f")
    assert [str(d.location) for d in parsed.diagnostics] == ["f:3:1"]
    assert "ligne 1" in parsed.diagnostics[0].message


def test_empty_and_comment_only_documents_are_empty() -> None:
    assert parse_yaml("", "f").is_empty
    assert parse_yaml("# rien\n", "f").is_empty
    assert parse_yaml("~\n", "f").is_empty
    assert not parse_yaml("a: 1\n", "f").is_empty


def test_unknown_libyaml_message_is_kept_in_french_frame() -> None:
    parsed = parse_yaml("%YAML 9.9\n---\na: 1\n", "f")
    assert [d.code for d in parsed.diagnostics] == ["YAML001"]
    assert parsed.diagnostics[0].message.startswith("erreur de syntaxe YAML")


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_on_arbitrary_text(text: str) -> None:
    parsed = parse_yaml(text, "f.yaml")
    for diagnostic in parsed.diagnostics:
        assert diagnostic.location.line >= 1
        assert diagnostic.message


_YAML_ALPHABET = st.sampled_from([*"ab:-[]{}&*!|>'\"#,? \n\t%@`~0.", "\n  ", "- ", ": "])


@settings(max_examples=300, deadline=None)
@given(st.lists(_YAML_ALPHABET, max_size=60).map("".join))
def test_never_raises_on_yaml_like_text(text: str) -> None:
    parse_yaml(text, "f.yaml")
