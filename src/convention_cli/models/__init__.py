"""Pydantic models of the registry, one top-level model per data file. No I/O here.

Every model is frozen and forbids unknown keys; values are strict, so a text field
never silently receives a boolean or a number. Dates are ISO texts (``2026-06-30``)
turned into ``date`` here, so an impossible date becomes a located diagnostic.
"""

from __future__ import annotations

from convention_cli.defaults import DATA_FILES
from convention_cli.models.base import *  # noqa: F403
from convention_cli.models.base import Model
from convention_cli.models.convention import *  # noqa: F403
from convention_cli.models.convention import ConventionFile
from convention_cli.models.organisations import *  # noqa: F403
from convention_cli.models.organisations import PartiesFile, TerritoiresFile
from convention_cli.models.suivi import *  # noqa: F403
from convention_cli.models.suivi import EngagementsFile, GroupesTravailFile, ReunionsFile

_MODELS: dict[str, type[Model]] = {
    "convention": ConventionFile,
    "parties": PartiesFile,
    "territoires": TerritoiresFile,
    "engagements": EngagementsFile,
    "groupes_travail": GroupesTravailFile,
    "reunions": ReunionsFile,
}
FILE_MODELS: dict[str, type[Model]] = {name: _MODELS[name] for name in DATA_FILES}
"""Data files of a registry (``defaults.DATA_FILES``) and the model of each."""
