"""The whole registry as plain, normalised data (dates as ISO texts)."""

from __future__ import annotations

from typing import Any

from convention_cli import __version__
from convention_cli.load.registry import LIST_FIELDS, Registry

EXPORT_FORMAT_VERSION = 1


def export_registry(registry: Registry) -> dict[str, Any]:
    """Every file's content, with derived facts (end date) added to ``convention``."""
    convention: dict[str, Any] = {}
    if registry.convention is not None:
        convention = registry.convention.model_dump(mode="json")
        end = registry.date_fin
        convention["date_fin"] = end.isoformat() if end else None
    lists = {
        name: [entry.model_dump(mode="json") for entry in getattr(registry, name)]
        for name in LIST_FIELDS
    }
    return {
        "format": EXPORT_FORMAT_VERSION,
        "outil": f"convention {__version__}",
        "convention": convention,
        **lists,
    }
