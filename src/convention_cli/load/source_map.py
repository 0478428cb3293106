"""Map a path inside a document (keys and indexes) back to a line and column."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from convention_cli.diagnostics import Location
from convention_cli.load.yaml_reader import Pos, YamlMap, YamlSeq

PathItem = str | int


def locate_pos(root: Any, path: Sequence[PathItem], *, key: bool = False) -> Pos:
    """Position of the value at ``path``, or of its key when ``key`` is true.

    When the path leaves the document (a missing key, an index past the end, a
    step into a scalar), the position of the deepest existing node is returned:
    for a missing key that is the mapping that should hold it.
    """
    node = root
    pos: Pos = root.start if isinstance(root, YamlMap | YamlSeq) else (0, 0)
    last = len(path) - 1
    for depth, step in enumerate(path):
        # A value added in memory by an edit has no position: stop at its parent.
        if isinstance(node, YamlMap) and step in node.value_pos:
            pos = node.key_pos[step] if key and depth == last else node.value_pos[step]
            node = node[step]
        elif isinstance(node, YamlSeq) and isinstance(step, int) and (
                0 <= step < len(node.item_pos)):
            pos = node.item_pos[step]
            node = node[step]
        else:
            break
    return pos


def locate(path: str, root: Any, inner: Sequence[PathItem], *, key: bool = False) -> Location:
    line, column = locate_pos(root, inner, key=key)
    return Location(path, line + 1, column + 1)
