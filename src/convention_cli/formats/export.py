"""The whole registry as plain, normalised data (dates as ISO texts)."""

from __future__ import annotations

from datetime import date
from typing import Any

from convention_cli import __version__
from convention_cli.load.registry import LIST_FIELDS, Registry

EXPORT_FORMAT_VERSION = 1


def export_registry(registry: Registry, as_of: date | None = None) -> dict[str, Any]:
    """Every file's content, with derived facts (end date) added to ``convention``.

    With ``as_of``, the registry as known on that day (``snapshot``), and every
    indicator's ``mesures`` is its whole series on that day, computed ones included
    (``{date, valeur, source, calculee, commentaire, confidentiel}``)."""
    if as_of is not None:
        from convention_cli.domain.snapshot import snapshot

        registry = snapshot(registry, as_of)
    convention: dict[str, Any] = {}
    if registry.convention is not None:
        convention = registry.convention.model_dump(mode="json")
        end = registry.date_fin
        convention["date_fin"] = end.isoformat() if end else None
    lists = {
        name: [entry.model_dump(mode="json") for entry in getattr(registry, name)]
        for name in LIST_FIELDS
    }
    if as_of is not None:
        _measured(registry, lists["engagements"], as_of)
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


def _measured(registry: Registry, engagements: list[dict[str, Any]], as_of: date) -> None:
    from convention_cli.domain.indicators import indicator_measures

    for eng, dumped in zip(registry.engagements, engagements, strict=True):
        for ind, dumped_ind in zip(eng.indicateurs, dumped["indicateurs"], strict=True):
            dumped_ind["mesures"] = [m.to_json() for m in
                                     indicator_measures(registry, eng, ind, as_of)]
