"""Reading an edited text back: the values it gives must be exactly the intended ones.

The whole text is parsed again by the transaction (``RegistryTransaction.check_read_back``)
unless ``read_back_locally`` proves, by parsing only the list items the splices touched,
that it reads back as intended: at 1,000 engagements that read-back would be a second
full parse of ``engagements.yaml`` for a one-line journal entry.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from typing import Any

from convention_cli.edit.splice import TextEditor
from convention_cli.load.yaml_reader import YamlMap, YamlSeq, parse_yaml

_TOP_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_ITEM_DASH = re.compile(r"( *)- +\Z")
_SENTINEL = "fin-de-relecture-locale"
"""The last item of a local read-back: proves that the re-read items end where they
should (an unclosed quote or bracket would swallow it)."""



def same_values(read: Any, intended: Any) -> bool:
    """Values equal, and of the same types (``1`` is not ``True``, ``"1"`` is not ``1``)."""
    if isinstance(intended, dict):
        return (isinstance(read, dict) and list(read) == list(intended)
                and all(same_values(read[k], v) for k, v in intended.items()))
    if isinstance(intended, list):
        return (isinstance(read, list) and len(read) == len(intended)
                and all(same_values(r, i) for r, i in zip(read, intended, strict=True)))
    if isinstance(intended, float) and math.isnan(intended):
        return isinstance(read, float) and math.isnan(read)
    return type(read) is type(intended) and read == intended


def read_back_locally(editor: TextEditor, after: str) -> bool:
    """Whether ``after`` (``editor.result()``) provably reads back as ``editor.root``,
    checked by parsing only the top-level list items the splices touched.

    It holds when every splice falls within items ``i…j-1`` of one block list
    ``key:`` at the top level of the file: the text before item ``i`` and from item
    ``j`` on is byte for byte the parsed text, and the tree is changed only by the
    editor's methods (``TextEditor``), each of which splices where it changes, so those
    parts read back as parsed. The new text of the items is parsed after the line ``key:`` and
    followed by a sentinel item at the list's indentation; it must give exactly the
    intended items then the sentinel: the items are complete and end where the list
    goes on (an unclosed quote, bracket or block would swallow the sentinel). A YAML
    directive (``%TAG``), a top level not in column 0, an edit outside one list, a
    missing final newline, anything unusual: False, and the caller parses the whole
    text again. False never refuses an edit; it only costs the full read-back."""
    root = editor.root
    bounds = editor.splice_bounds()
    if bounds is None or not after.endswith("\n") or root.flow:
        return False
    low, high = bounds
    text = editor.text
    every_key = list(root)
    keys = [k for k in every_key if k in root.key_pos]
    added = every_key[len(keys):]  # keys added by the edits, after the parsed ones
    if not keys or keys != every_key[: len(keys)]:
        return False
    key_starts = [editor.line_start(root.key_pos[k][0]) for k in keys]
    head = text[: key_starts[0]]
    if head.startswith("%") or "\n%" in head:
        return False
    # A splice at the very start of a line belongs to what ends there (an insertion
    # after the last item of a list, or after a block scalar, lands at the next line).
    index = bisect_left(key_starts, low) - 1
    if index < 0:
        return False
    key = keys[index]
    seq = root[key]
    if (not isinstance(key, str) or not _TOP_KEY.match(key) or root.key_pos[key][1] != 0
            or not isinstance(seq, YamlSeq) or seq.flow or not seq.item_pos):
        return False
    limit = key_starts[index + 1] if index + 1 < len(keys) else len(text)
    item_starts = [editor.line_start(line) for line, _ in seq.item_pos]
    first = bisect_left(item_starts, low) - 1
    if first < 0:
        return False
    stop = bisect_left(item_starts, high, lo=first + 1)
    end = item_starts[stop] if stop < len(item_starts) else limit
    start = item_starts[first]
    dash = _ITEM_DASH.match(text, start, editor.index(seq.item_pos[first]))
    tail = len(text) - end
    if (high > end or dash is None or tail > len(after) - start
            or after[:start] != text[:start]
            or after[len(after) - tail:] != text[end:]):
        return False
    region = after[start: len(after) - tail]
    if not region.endswith("\n"):
        return False
    intended = seq[first: stop + len(seq) - len(seq.item_pos)]
    if end == len(text):
        # The items run to the end of the text: nothing follows them to protect, and
        # keys the edits added after them (``projets:`` on the first project) are
        # read back with them.
        parsed = parse_yaml(f"{key}:\n{region}", editor.path)
        wanted = {key: intended, **{k: root[k] for k in added}}
        return parsed.ok and same_values(parsed.root, wanted)
    if added:
        return False
    parsed = parse_yaml(f"{key}:\n{region}{dash.group(1)}- {_SENTINEL}\n", editor.path)
    read = parsed.root.get(key) if parsed.ok and isinstance(parsed.root, YamlMap) \
        and list(parsed.root) == [key] else None
    return (isinstance(read, list) and len(read) == len(intended) + 1
            and read[-1] == _SENTINEL and same_values(read[:-1], intended))

