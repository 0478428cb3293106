"""Fast, safe YAML reader that keeps the source position of every key and value.

Reading is driven event by event by libyaml's C parser (PyYAML's ``CParser``):
no node tree is built and no Python object is ever constructed from a tag, so
``!!python/...`` can never execute. Plain scalars follow the YAML 1.2 core
schema (``oui``, ``non``, ``yes``, ``no``, ``on``, ``off`` and dates stay
strings); aliases are refused, which rules out alias bombs; nesting depth is
bounded. Problems come back as diagnostics, never as exceptions.

Against ``yaml.load(..., Loader=CSafeLoader)``, which keeps no positions, it is
1.4-1.5x faster with the garbage collector paused and 2-2.5x with it on, at
1,000 and 10,000 engagements, and builds no intermediate node tree
(``python bench/bench_reader.py -n 10000``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, TypeAlias, cast

import yaml
from yaml import events as ev

from convention_cli.diagnostics import Diagnostic, Location, error

try:  # libyaml is bundled in PyYAML's wheels; the pure parser is a slow fallback.
    from yaml._yaml import CParser as _Parser

    HAS_LIBYAML = True
except ImportError:  # pragma: no cover - depends on the installed wheel
    from yaml.parser import Parser as _PyParser
    from yaml.reader import Reader as _PyReader
    from yaml.scanner import Scanner as _PyScanner

    class _Parser(_PyReader, _PyScanner, _PyParser):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            _PyReader.__init__(self, stream)
            _PyScanner.__init__(self)
            _PyParser.__init__(self)

        def dispose(self) -> None:
            pass

    HAS_LIBYAML = False

MAX_DEPTH = 64

# Position of a node: (line, column), both 0-based as libyaml reports them.
Pos: TypeAlias = tuple[int, int]


class YamlMap(dict[Any, Any]):
    """A mapping that remembers where it starts and where each key and value sit.

    With ``spans=True`` it also knows where it ends (``end``), whether it is written
    in flow style (``flow``) and where each scalar value ends (``value_end``).
    """

    __slots__ = ("end", "flow", "key_pos", "start", "value_end", "value_pos")

    def __init__(self, start: Pos) -> None:
        super().__init__()
        self.start = start
        self.key_pos: dict[Any, Pos] = {}
        self.value_pos: dict[Any, Pos] = {}

    # Set by the builder in spans mode only (validation does not pay for them).
    end: Pos
    flow: bool
    value_end: dict[Any, Pos]


class YamlSeq(list[Any]):
    """A sequence that remembers where it starts and where each item sits (and, with
    ``spans=True``, where it ends, its flow style and where each scalar item ends)."""

    __slots__ = ("end", "flow", "item_end", "item_pos", "start")

    def __init__(self, start: Pos) -> None:
        super().__init__()
        self.start = start
        self.item_pos: list[Pos] = []

    # Set by the builder in spans mode only.
    end: Pos
    flow: bool
    item_end: list[Pos]


@dataclass
class ParsedYaml:
    """The first document of a YAML text, or ``None`` when there is none."""

    root: Any
    diagnostics: list[Diagnostic] = field(default_factory=list)
    is_empty: bool = False

    @property
    def ok(self) -> bool:
        return not self.diagnostics


_CORE_TAG = "tag:yaml.org,2002:"
_INT = re.compile(r"[-+]?[0-9]+\Z")
_INT_OCT = re.compile(r"0o[0-7]+\Z")
_INT_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_NULLS = frozenset(("~", "null", "Null", "NULL"))
_TRUES = frozenset(("true", "True", "TRUE"))
_FALSES = frozenset(("false", "False", "FALSE"))
_INFS = frozenset((".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"))
_NEG_INFS = frozenset(("-.inf", "-.Inf", "-.INF"))
_NANS = frozenset((".nan", ".NaN", ".NAN"))


def resolve_plain(value: str) -> Any:
    """Resolve a plain (unquoted) scalar by the YAML 1.2 core schema."""
    if not value:
        return None
    first = value[0]
    if first in "0123456789+-.":
        if _INT.match(value):
            return int(value)
        if _FLOAT.match(value):
            return float(value)
        if first == "0":
            if _INT_OCT.match(value):
                return int(value[2:], 8)
            if _INT_HEX.match(value):
                return int(value[2:], 16)
        if value in _INFS:
            return float("inf")
        if value in _NEG_INFS:
            return float("-inf")
        if value in _NANS:
            return float("nan")
        return value
    if first in "nN~":
        return None if value in _NULLS else value
    if first in "tT":
        return True if value in _TRUES else value
    if first in "fF":
        return False if value in _FALSES else value
    return value


_SYNTAX_MESSAGES: tuple[tuple[str, str], ...] = (
    ("found character '\\t'", "tabulation interdite : YAML s'indente avec des espaces"),
    ("found a tab character", "tabulation interdite : YAML s'indente avec des espaces"),
    ("mapping values are not allowed", "« : » inattendu ici : indentation incorrecte, ou texte "
     "contenant « : » à mettre entre guillemets"),
    ("could not find expected ':'", "« : » attendu après la clé"),
    ("did not find expected key", "clé attendue : indentation incohérente"),
    ("did not find expected '-' indicator", "élément de liste « - » attendu : indentation "
     "incohérente"),
    ("did not find expected node content", "valeur attendue"),
    ("found unexpected end of stream", "fin de fichier inattendue (guillemet non fermé ?)"),
    ("found unknown escape character", "séquence d'échappement inconnue dans une chaîne entre "
     "guillemets doubles"),
    ("control characters are not allowed", "caractère de contrôle interdit"),
    ("found character that cannot start any token", "caractère qui ne peut pas commencer un "
     "élément YAML"),
    ("found undefined tag handle", "préfixe d'étiquette inconnu"),
    ("did not find expected ',' or ']'", "« , » ou « ] » attendu"),
    ("did not find expected ',' or '}'", "« , » ou « } » attendu"),
    ("block sequence entries are not allowed", "élément de liste « - » non permis ici"),
    ("found duplicate anchor", "ancre YAML en double"),
    ("exceeded max depth", f"imbrication trop profonde (au plus {MAX_DEPTH} niveaux)"),
)


def _french_syntax_message(problem: str) -> str:
    for needle, message in _SYNTAX_MESSAGES:
        if needle in problem:
            return f"erreur de syntaxe YAML : {message}"
    return f"erreur de syntaxe YAML (libyaml : « {problem} »)"


_TAG_TYPES: dict[str, type | tuple[type, ...]] = {
    "int": int, "float": (int, float), "bool": bool, "null": type(None),
}


class _AbortError(Exception):
    """Stops building after a fatal structural problem."""


@dataclass
class _Frame:
    container: YamlMap | YamlSeq
    key: Any = None
    key_pos: Pos = (0, 0)
    has_key: bool = False


class _Builder:
    def __init__(self, path: str, spans: bool = False) -> None:
        self.path = path
        self.spans = spans
        self.diagnostics: list[Diagnostic] = []
        self.stack: list[_Frame] = []
        self.root: Any = None
        self.documents = 0

    def location(self, pos: Pos) -> Location:
        return Location(self.path, pos[0] + 1, pos[1] + 1)

    def report(self, code: str, pos: Pos, message: str) -> None:
        self.diagnostics.append(error(code, self.location(pos), message))

    def check_tag(self, tag: str | None, pos: Pos, allowed: tuple[str, ...]) -> str | None:
        """Return the core tag's short name, or report a refused tag."""
        if tag is None or tag == "!":
            return None
        if tag.startswith(_CORE_TAG) and tag[len(_CORE_TAG):] in allowed:
            return tag[len(_CORE_TAG):]
        shown = "!!" + tag[len(_CORE_TAG):] if tag.startswith(_CORE_TAG) else tag
        self.report("YAML003", pos, f"étiquette YAML « {shown} » refusée : seules les valeurs "
                    "simples, listes et correspondances sont admises (rien n'est exécuté)")
        return "refused"

    def scalar(self, event: ev.ScalarEvent, pos: Pos) -> Any:
        value: str = event.value
        tag = self.check_tag(event.tag, pos, ("str", "int", "float", "bool", "null"))
        if tag is None:
            if not event.style and event.implicit[0]:
                return resolve_plain(value)
            return value
        if tag == "refused":
            return None
        if tag == "str":
            return value
        resolved: Any = resolve_plain(value)
        expected: type | tuple[type, ...] = _TAG_TYPES[tag]
        if isinstance(resolved, expected) and not (tag != "bool" and isinstance(resolved, bool)):
            return float(cast(float, resolved)) if tag == "float" else resolved
        self.report("YAML003", pos, f"valeur « {value} » incompatible avec l'étiquette !!{tag}")
        return None

    def add(self, value: Any, pos: Pos) -> None:
        if not self.stack:
            self.root = value
            return
        frame = self.stack[-1]
        container = frame.container
        if isinstance(container, YamlSeq):
            container.append(value)
            container.item_pos.append(pos)
            return
        if not frame.has_key:
            if isinstance(value, YamlMap | YamlSeq):
                self.report("YAML007", pos, "clé non scalaire : une clé doit être un texte simple")
                value = None
            frame.key, frame.key_pos, frame.has_key = value, pos, True
            return
        key = frame.key
        if key in container:
            first = container.key_pos[key]
            self.report("YAML002", frame.key_pos, f"clé « {key} » en double (déjà définie ligne "
                        f"{first[0] + 1}) : la seconde valeur masquerait la première")
        else:
            container.key_pos[key] = frame.key_pos
        container[key] = value
        container.value_pos[key] = pos
        frame.has_key = False

    def record_end(self, event: ev.Event) -> None:
        """Remember where the scalar just added ends (spans mode)."""
        if not self.stack or event.end_mark is None:
            return
        end = (event.end_mark.line, event.end_mark.column)
        frame = self.stack[-1]
        container = frame.container
        if isinstance(container, YamlSeq):
            container.item_end.append(end)
        elif not frame.has_key:  # the scalar was a value: its key is settled
            container.value_end[frame.key] = end

    def handle(self, event: ev.Event) -> bool:
        """Process one event; return False at the end of the first document."""
        mark = event.start_mark
        pos = (mark.line, mark.column) if mark is not None else (0, 0)
        kind = type(event)
        if kind is ev.ScalarEvent:
            self.add(self.scalar(event, pos), pos)  # type: ignore[arg-type]
            if self.spans:
                self.record_end(event)
        elif kind is ev.MappingStartEvent or kind is ev.SequenceStartEvent:
            is_map = kind is ev.MappingStartEvent
            self.check_tag(event.tag, pos, ("map",) if is_map else ("seq",))  # type: ignore[attr-defined]
            if len(self.stack) >= MAX_DEPTH:
                self.report("YAML006", pos, f"imbrication trop profonde (au plus {MAX_DEPTH} "
                            "niveaux)")
                raise _AbortError
            node: YamlMap | YamlSeq = YamlMap(pos) if is_map else YamlSeq(pos)
            if self.spans:
                node.flow = bool(event.flow_style)  # type: ignore[attr-defined]
                node.end = pos
                if isinstance(node, YamlMap):
                    node.value_end = {}
                else:
                    node.item_end = []
            self.add(node, pos)
            self.stack.append(_Frame(node))
        elif kind is ev.MappingEndEvent or kind is ev.SequenceEndEvent:
            closed = self.stack.pop().container
            if self.spans:
                end = event.end_mark
                closed.end = (end.line, end.column) if end is not None else pos
        elif kind is ev.AliasEvent:
            self.report("YAML004", pos, f"alias YAML « *{event.anchor} » non pris en charge : "  # type: ignore[attr-defined]
                        "recopiez la valeur (les alias permettent des « bombes » d'expansion)")
            self.add(None, pos)
        elif kind is ev.DocumentStartEvent:
            self.documents += 1
            if self.documents > 1:
                self.report("YAML005", pos, "plusieurs documents YAML dans un même fichier : un "
                            "seul est attendu")
                return False
        elif kind is ev.StreamEndEvent:
            return False
        return True


def parse_yaml(text: str, path: str, *, spans: bool = False) -> ParsedYaml:
    """Parse ``text`` (already decoded) into YamlMap/YamlSeq/scalars with positions.

    ``spans=True`` also records where nodes end, for edits that splice the text.
    """
    builder = _Builder(path, spans)
    parser = _Parser(text)
    try:
        while True:
            event = parser.get_event()
            if event is None or not builder.handle(event):
                break
    except _AbortError:
        return ParsedYaml(None, builder.diagnostics)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        pos = (mark.line, mark.column) if mark is not None else (0, 0)
        problem = exc.problem or str(exc)
        if mark is not None and 0 <= mark.index < len(text) and text[mark.index] == "\t":
            problem = "found a tab character"
        builder.report("YAML001", pos, _french_syntax_message(problem))
        return ParsedYaml(None, builder.diagnostics)
    except (yaml.YAMLError, ValueError, RecursionError, MemoryError) as exc:
        builder.report("YAML001", (0, 0), _french_syntax_message(str(exc)))
        return ParsedYaml(None, builder.diagnostics)
    finally:
        parser.dispose()
    is_empty = builder.documents == 0 or (builder.root is None and not builder.diagnostics)
    return ParsedYaml(builder.root, builder.diagnostics, is_empty=is_empty)
