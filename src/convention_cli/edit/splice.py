"""Surgical edits of a YAML text: change only the bytes that must change.

The text is parsed once with ``spans=True``; each edit splices the text at the
positions the parser recorded and applies the same change to the parsed tree, so
the registry can be re-validated in memory without parsing the file again.
Comments, blank lines, quoting and key order elsewhere are untouched by design:
they are never re-emitted. New values are written in the registry's own style
(two-space indents, list items under their key, one text per line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from convention_cli.errors import UserError
from convention_cli.load.yaml_reader import Pos, YamlMap, YamlSeq, parse_yaml, resolve_plain

_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")
_FLOW_UNSAFE = set(",[]{}")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class EditError(UserError):
    """An edit that the text's layout or a value does not allow (exit 1, nothing written)."""


def _needs_escape(char: str) -> bool:
    """A character YAML cannot carry as itself in a scalar: C0 and C1 controls, DEL,
    the Unicode line and paragraph separators, the byte order mark, noncharacters,
    and anything outside YAML's printable set (YAML 1.2 §5.1)."""
    code = ord(char)
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return True
    if code in (0x2028, 0x2029, 0xFEFF):
        return True
    if 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE:
        return True  # noncharacters
    return 0xD800 <= code <= 0xDFFF


_ESCAPES = {
    "\\": "\\\\", '"': '\\"', "\0": "\\0", "\a": "\\a", "\b": "\\b", "\t": "\\t",
    "\n": "\\n", "\v": "\\v", "\f": "\\f", "\r": "\\r", "\x1b": "\\e",
    "\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P",
}


def check_text(value: str, what: str = "le texte") -> None:
    """Refuse what no file can hold: lone surrogates (invalid UTF-8 given on the command
    line, or text that is not Unicode)."""
    for index, char in enumerate(value):
        if 0xD800 <= ord(char) <= 0xDFFF:
            raise EditError(f"{what} contient un caractère non représentable (U+{ord(char):04X}, "
                            f"position {index + 1}) : octets UTF-8 invalides ? Rien n'a été "
                            "écrit")


def format_scalar(value: Any, *, in_flow: bool = False) -> str:
    """One scalar as YAML 1.2 text that reads back as the same value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    check_text(text)
    if _plain_is_safe(text, in_flow):
        return text
    return _double_quoted(text)


def _plain_is_safe(text: str, in_flow: bool) -> bool:
    if not text or text != text.strip() or text[0] in _INDICATORS:
        return False
    if any(_needs_escape(c) for c in text) or "\\" in text:
        return False
    if ": " in text or " #" in text or text.endswith(":"):
        return False
    if in_flow and any(c in _FLOW_UNSAFE for c in text):
        return False
    if _ISO_DATE.match(text):
        return False  # other YAML readers would take it for a date
    return resolve_plain(text) == text and isinstance(resolve_plain(text), str)


def _escape(char: str) -> str:
    known = _ESCAPES.get(char)
    if known is not None:
        return known
    if not _needs_escape(char):
        return char
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02X}"
    if code <= 0xFFFF:
        return f"\\u{code:04X}"
    return f"\\U{code:08X}"


def _double_quoted(text: str) -> str:
    """A double-quoted scalar: every character YAML cannot carry as itself is escaped."""
    return '"' + "".join(_escape(c) for c in text) + '"'


def _is_scalar(value: Any) -> bool:
    return not isinstance(value, dict | list)


def emit_mapping_lines(mapping: dict[str, Any], indent: int) -> list[str]:
    """A block mapping in the registry's style, one key per line."""
    pad = " " * indent
    lines: list[str] = []
    for key, value in mapping.items():
        if _is_scalar(value):
            lines.append(f"{pad}{key}: {format_scalar(value)}")
        elif isinstance(value, list) and all(_is_scalar(v) for v in value):
            items = ", ".join(format_scalar(v, in_flow=True) for v in value)
            lines.append(f"{pad}{key}: [{items}]")
        elif isinstance(value, list):
            lines.append(f"{pad}{key}:")
            for item in value:
                lines += emit_item_lines(item, indent + 2)
        else:
            lines.append(f"{pad}{key}:")
            lines += emit_mapping_lines(value, indent + 2)
    return lines


def emit_item_lines(item: Any, indent: int) -> list[str]:
    """A block sequence item (``- …``) whose dash sits at ``indent``."""
    pad = " " * indent
    if _is_scalar(item):
        return [f"{pad}- {format_scalar(item)}"]
    if not isinstance(item, dict) or not item:
        raise EditError("élément de liste non pris en charge")
    inner = emit_mapping_lines(item, indent + 2)
    return [f"{pad}- {inner[0].lstrip()}", *inner[1:]]


@dataclass
class _Splice:
    start: int
    end: int
    text: str
    order: int = 0
    """Splices at one offset keep the order in which they were made."""


def dated_index(items: Any, key: str, day: date) -> int:
    """Where an item dated ``day`` goes in the list ``items`` kept in date order (journal,
    referents' history): after every item dated on or before ``day``, so that a late
    record keeps the list chronological (DAT005, GOV003). The end of the list when it
    is absent or its last item is not later."""
    if not isinstance(items, YamlSeq):
        return 0
    wanted = day.isoformat()
    index = len(items)
    while index > 0:
        previous = items[index - 1]
        dated = previous.get(key) if isinstance(previous, YamlMap) else None
        if not isinstance(dated, str) or dated <= wanted:
            break
        index -= 1
    return index


@dataclass
class TextEditor:
    """Collects splices on one file's text, and applies them to its parsed tree too."""

    text: str
    path: str
    root: Any = field(init=False, default=None)
    """The parsed tree (``YamlMap``), kept in step with the splices."""
    _splices: list[_Splice] = field(init=False, default_factory=list)
    _line_starts: list[int] = field(init=False, default_factory=list)

    def __post_init__(self) -> None:
        parsed = parse_yaml(self.text, self.path, spans=True)
        if not parsed.ok or not isinstance(parsed.root, YamlMap):
            raise EditError(f"{self.path} doit d'abord être valide (convention validate)")
        self.root = parsed.root
        self._line_starts = [0, *(m.end() for m in re.finditer("\n", self.text))]

    # --- positions ----------------------------------------------------------------------

    def _add(self, start: int, end: int, text: str) -> None:
        self._splices.append(_Splice(start, end, text, len(self._splices)))

    @property
    def dirty(self) -> bool:
        return bool(self._splices)

    def splice_bounds(self) -> tuple[int, int] | None:
        """Where the splices lie in ``text``: (lowest start, highest end), None if none."""
        if not self._splices:
            return None
        return (min(s.start for s in self._splices), max(s.end for s in self._splices))

    def line_start(self, line: int) -> int:
        """Offset in ``text`` of the start of ``line`` (0-based)."""
        return self._line_starts[line]

    def index(self, pos: Pos) -> int:
        line, column = pos
        if line >= len(self._line_starts):
            return len(self.text)
        return self._line_starts[line] + column

    def _line_end(self, offset: int) -> int:
        """Offset just after the end of the line holding ``offset`` (after its newline)."""
        newline = self.text.find("\n", offset)
        return len(self.text) if newline < 0 else newline + 1

    def _last_content_end(self, node: YamlMap | YamlSeq) -> Pos:
        """Where the last value written inside a block container ends (not its trailing
        comments or blank lines, which belong to what follows)."""
        # Only what was parsed counts: values added by earlier edits have no position.
        if isinstance(node, YamlMap):
            keys = [k for k in node if k in node.value_pos]
            if node.flow or not keys:
                return node.end
            value = node[keys[-1]]
            if isinstance(value, YamlMap | YamlSeq):
                return self._last_content_end(value)
            return node.value_end.get(keys[-1], node.value_pos[keys[-1]])
        parsed = len(node.item_pos)
        if node.flow or not parsed:
            return node.end
        value = node[parsed - 1]
        if isinstance(value, YamlMap | YamlSeq):
            return self._last_content_end(value)
        return node.item_end[parsed - 1]

    def _after_line_of(self, pos: Pos) -> int:
        """Offset of the line after the one where ``pos`` is (a block scalar's end is
        already at the start of the next line)."""
        offset = self.index(pos)
        # Back over the blank lines a block scalar swallows, to its last written line.
        while offset > 0 and self.text[offset - 1] in " \n":
            offset -= 1
        return self._line_end(offset)

    # --- edits --------------------------------------------------------------------------

    def set_value(self, mapping: YamlMap, key: str, value: Any) -> None:
        """Set a scalar value, replacing the old text or adding the key at the end."""
        if not _is_scalar(value):
            raise EditError("seules les valeurs simples se remplacent en place")
        if key in mapping:
            old = mapping[key]
            if isinstance(old, YamlMap | YamlSeq):
                raise EditError(f"« {key} » n'est pas une valeur simple")
            start = self.index(mapping.value_pos[key])
            end = self.index(mapping.value_end[key])
            self._add(start, end, format_scalar(value))
        else:
            self._insert_lines(mapping, [f"{key}: {format_scalar(value)}"])
        mapping[key] = _as_read(value)

    def append_item(self, owner: YamlMap, key: str, item: Any) -> None:
        """Append ``item`` to the list ``owner[key]``, creating the key if needed."""
        self.append_items(owner, key, [item])

    def append_items(self, owner: YamlMap, key: str, items: list[Any]) -> None:
        """Append ``items`` to the list ``owner[key]`` in one splice (creating the key if
        needed): many appends to one list need no parse in between (``convention
        import``)."""
        if not items:
            return
        if key not in owner:
            key_indent = self._keys_indent(owner)
            lines = [f"{key}:", *[line[key_indent:] for item in items for line in
                                  emit_item_lines(item, key_indent + 2)]]
            self._insert_lines(owner, lines)
            owner[key] = [_as_read(item) for item in items]
            return
        seq = owner[key]
        if not isinstance(seq, YamlSeq):
            raise EditError(f"« {key} » n'est pas une liste")
        if seq.flow and seq and all(_is_scalar(item) for item in items):
            # "[a, b]" -> "[a, b, c]": the new items go just before the closing bracket.
            close = self.text.rfind("]", 0, self.index(seq.end))
            self._add(close, close, "".join(", " + format_scalar(item, in_flow=True)
                                            for item in items))
        elif seq.flow:
            if seq:
                raise EditError(f"« {key} » est une liste en ligne non vide ([a, b]) : "
                                "écrivez-la en bloc pour que l'outil puisse y ajouter")
            # "key: []" becomes a block list under the key.
            key_indent = owner.key_pos[key][1]
            item_lines = [line for item in items
                          for line in emit_item_lines(item, key_indent + 2)]
            start = self.index(seq.start)
            end = self.index(seq.end)
            # Drop the space before "[]" too: "key: []" -> "key:".
            while start > 0 and self.text[start - 1] == " ":
                start -= 1
            self._add(start, end, "\n" + "\n".join(item_lines))
        else:
            dash_indent = self._dash_indent(seq)
            item_lines = [line for item in items
                          for line in emit_item_lines(item, dash_indent)]
            at = self._after_line_of(self._last_content_end(seq))
            self._add(at, at, "\n".join(item_lines) + "\n")
        seq.extend(_as_read(item) for item in items)

    def insert_item(self, owner: YamlMap, key: str, index: int, item: Any) -> None:
        """Insert ``item`` into the list ``owner[key]`` before its item ``index`` (a dated
        entry at its date's place); at the end (``append_item``) when ``index`` is past the
        items read from the text, or the list is written in line (``[a, b]``)."""
        seq = owner.get(key)
        if (not isinstance(seq, YamlSeq) or seq.flow or not 0 <= index < len(seq.item_pos)
                or len(seq.item_pos) != len(seq)):
            self.append_item(owner, key, item)
            return
        lines = emit_item_lines(item, self._dash_indent(seq))
        if index == 0:
            at = self.line_start(seq.item_pos[0][0])
        else:
            before = seq[index - 1]
            end = (self._last_content_end(before) if isinstance(before, YamlMap | YamlSeq)
                   else seq.item_end[index - 1])
            at = self._after_line_of(end)
        self._add(at, at, "\n".join(lines) + "\n")
        # The tree follows the text; positions stay aligned with the items (the new item
        # takes its successor's, which no edit reads).
        if len(seq.item_end) == len(seq.item_pos):  # scalar items only: their ends too
            seq.item_end.insert(index, seq.item_end[index])
        seq.insert(index, _as_read(item))
        seq.item_pos.insert(index, seq.item_pos[index])

    def _keys_indent(self, mapping: YamlMap) -> int:
        return next(iter(mapping.key_pos.values()))[1] if mapping.key_pos else mapping.start[1]

    def _dash_indent(self, seq: YamlSeq) -> int:
        line_start = self._line_starts[seq.item_pos[0][0]]
        item_col = seq.item_pos[0][1]
        dash = self.text.rfind("-", line_start, line_start + item_col)
        return dash - line_start if dash >= 0 else max(item_col - 2, 0)

    def _insert_lines(self, mapping: YamlMap, lines: list[str]) -> None:
        if mapping.flow:
            raise EditError("correspondance en ligne ({…}) : écrivez-la en bloc pour que "
                            "l'outil puisse y ajouter une clé")
        indent = " " * self._keys_indent(mapping)
        at = self._after_line_of(self._last_content_end(mapping))
        self._add(at, at, "".join(f"{indent}{line}\n" for line in lines))

    # --- result -------------------------------------------------------------------------

    def result(self) -> str:
        text = self.text
        missing_newline = bool(text) and not text.endswith("\n")
        for splice in sorted(self._splices, key=lambda s: (s.start, s.order), reverse=True):
            inserted = splice.text
            if missing_newline and splice.start == len(self.text) and inserted.endswith("\n"):
                inserted = "\n" + inserted[:-1]  # the last line stays without newline
            text = text[: splice.start] + inserted + text[splice.end:]
        return text


def _as_read(value: Any) -> Any:
    """The value as the reader will give it back from the text written (dates as text)."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _as_read(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_read(v) for v in value]
    return value
