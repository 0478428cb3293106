"""``convention export``."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated

import typer

from convention_cli.cli.options import DataOption, resolve_data


class ExportFormat(StrEnum):
    json = "json"


def export(
    data: DataOption = None,
    export_format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="Format de sortie (json).")
    ] = ExportFormat.json,
) -> None:
    """Exporte tout le registre, normalisé, en JSON (dates au format ISO).

    Convention, parties, opérateurs, territoires, engagements, groupes de travail, réunions.

    Refuse un registre qui contient des erreurs (voir convention validate).

    Exemple : convention export --format json > registre.json
    """
    from convention_cli.checks.pipeline import load_valid_registry
    from convention_cli.formats.export import export_registry

    registry = load_valid_registry(resolve_data(data))
    sys.stdout.write(json.dumps(export_registry(registry), ensure_ascii=False, indent=2) + "\n")
