"""The one configured ruamel.yaml instance, for edits that keep comments and layout.

Reading for validation goes through ``yaml_reader`` (libyaml, much faster); this
round-trip instance is for writing. It is configured so that loading and dumping
an unchanged file of ``data/`` gives back the same bytes: two-space mappings,
list items indented by two under their key, quotes kept, no line wrapping.
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
