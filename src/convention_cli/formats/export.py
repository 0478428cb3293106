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
        "couverture": _couverture(registry),
    }


def _couverture(registry: Registry) -> dict[str, Any] | None:
    """The traceability matrix (each normative sentence and what encodes it, or why it is
    set aside), when the registry names a readable text of the agreement."""
    if registry.convention is None or registry.convention.texte is None or not registry.texte:
        return None
    from convention_cli.views.couverture import build_couverture, couverture_to_json

    return couverture_to_json(build_couverture(registry))
