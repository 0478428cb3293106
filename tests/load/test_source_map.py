from __future__ import annotations

from convention_cli.load.source_map import locate
from convention_cli.load.yaml_reader import parse_yaml

TEXT = "a:\n  - id: x\n    b: 1\n  - id: y\n"


def test_value_key_and_missing_key_positions() -> None:
    root = parse_yaml(TEXT, "f").root
    assert str(locate("f", root, ("a", 0, "b"))) == "f:3:8"
    assert str(locate("f", root, ("a", 0, "b"), key=True)) == "f:3:5"
    # A missing key is reported on the mapping that should hold it.
    assert str(locate("f", root, ("a", 1, "b"))) == "f:4:5"
    # An index past the end is reported on the list.
    assert str(locate("f", root, ("a", 7))) == "f:2:3"


def test_path_into_a_scalar_stops_at_the_scalar() -> None:
    root = parse_yaml(TEXT, "f").root
    assert str(locate("f", root, ("a", 0, "b", "int"))) == "f:3:8"


def test_unusable_root() -> None:
    assert str(locate("f", None, ("a",))) == "f:1:1"
