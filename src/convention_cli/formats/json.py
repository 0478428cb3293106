"""JSON text of every output (reports, listings, exports, schemas): one serializer.

UTF-8 kept as is (« é », « … », no ``\\u`` escapes), two-space indentation, keys in
the order the view gives them unless ``sort_keys``, dates as ISO texts, one final
newline.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

INDENT = 2


def _encode(value: Any) -> str:
    """What ``json`` cannot write by itself: dates (and datetimes), as ISO texts."""
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} n'est pas sérialisable en JSON")


def dumps(payload: Any, *, sort_keys: bool = False) -> str:
    """``payload`` as the JSON text of an output file or of the standard output."""
    return json.dumps(payload, ensure_ascii=False, indent=INDENT, sort_keys=sort_keys,
                      default=_encode) + "\n"
