"""Markdown escaping of registry text, where it lands in tables, headings or lines."""

from __future__ import annotations

import re

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def inline(text: str) -> str:
    """Text safe on one Markdown line: no line breaks, no markup, no HTML."""
    flat = " ".join(text.split())
    escaped = _INLINE_SPECIAL.sub(r"\\\1", flat)
    if escaped[:1] in ("#", "-", "+", ">", "="):
        return "\\" + escaped
    ordered = re.match(r"(\d+)([.)])(\s)", escaped)
    if ordered:  # "1. x" would start an ordered list: escape the punctuation
        return f"{ordered.group(1)}\\{ordered.group(2)}{escaped[ordered.end(2):]}"
    return escaped


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell (``|`` and line breaks escaped)."""
    return _INLINE_SPECIAL.sub(r"\\\1", " ".join(text.split()))
