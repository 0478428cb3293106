"""Territories and missions locales agree with the figures the agreement declares."""

from __future__ import annotations

from collections.abc import Iterator

from convention_cli.checks.base import check
from convention_cli.diagnostics import Diagnostic, error
from convention_cli.load.registry import Registry


@check("TER001")
def mission_locale_counts(registry: Registry) -> Iterator[Diagnostic]:
    """Le nombre de missions locales enregistrées pour un territoire est celui que déclare
    la convention (préambule : 4 à La Réunion, 3 en Martinique, 1 en Guadeloupe,
    1 à Saint-Martin, 2 en Guyane, 1 à Mayotte)."""
    for territoire in registry.territoires:
        found = len(territoire.missions_locales)
        if found != territoire.nombre_missions_locales:
            yield error("TER001", registry.where(territoire, "nombre_missions_locales"),
                        f"{territoire.nom} : {territoire.nombre_missions_locales} missions locales "
                        f"déclarées, {found} enregistrées")


@check("TER002", needs_complete=True)
def mission_locale_total(registry: Registry) -> Iterator[Diagnostic]:
    """Le total des missions locales des territoires est celui du préambule (12)."""
    conv = registry.convention
    if conv is None:
        return
    declared = sum(t.nombre_missions_locales for t in registry.territoires)
    expected = conv.perimetre.nombre_missions_locales
    if declared != expected:
        yield error("TER002", registry.file_location(
            "convention", "convention", "perimetre", "nombre_missions_locales"),
            f"la convention couvre {expected} missions locales, les territoires en déclarent "
            f"{declared}")
