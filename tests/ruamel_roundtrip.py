"""The reference round trip: ruamel.yaml, configured as a YAML editor would be.

The tool itself never re-emits a file: its edits are text splices located by the
parser's positions (``convention_cli.edit.splice``), which change only the bytes they
must and cost a fraction of a ruamel round trip (about 7.5 ms per entry, see
perf-baselines.md §5). This configured instance is the yardstick the tests hold the
registry's files to: loading and dumping any file of ``data/`` gives the same bytes,
so a maintainer's own ruamel scripts cannot disturb its layout either.
"""

from __future__ import annotations

from io import StringIO
from typing import Any

from ruamel.yaml import YAML


def round_trip_yaml() -> YAML:
    yaml = YAML(typ="rt")  # ruamel's default semantics are YAML 1.2, like yaml_reader
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    yaml.preserve_quotes = True
    yaml.allow_duplicate_keys = False
    return yaml


def load_text(text: str) -> Any:
    return round_trip_yaml().load(text)


def dump_text(data: Any) -> str:
    stream = StringIO()
    round_trip_yaml().dump(data, stream)
    return stream.getvalue()
