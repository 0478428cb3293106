"""``convention validate``."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from convention_cli.cli.options import DataOption, FormatOption, resolve_data, resolve_format


def validate(
    data: DataOption = None,
    report_format: FormatOption = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Les avertissements font aussi échouer (code 1).")
    ] = False,
) -> None:
    """Vérifie le registre : syntaxe, schéma, références et règles de la convention.

    Chaque problème est signalé avec fichier, ligne et colonne, tous en une passe.

    Codes de sortie : 0 registre valide, 1 erreurs (ou avertissements avec --strict),
    2 usage incorrect ou dossier --data inutilisable.

    Exemple : convention validate --data data --format github
    """
    from convention_cli.checks.pipeline import validate_registry
    from convention_cli.cli.reporters import REPORTER_BY_NAME
    from convention_cli.models import FILE_MODELS

    result = validate_registry(resolve_data(data))
    reporter = REPORTER_BY_NAME[resolve_format(report_format).value]
    reporter(result.diagnostics, len(FILE_MODELS), sys.stdout)
    raise typer.Exit(1 if result.failed(strict=strict) else 0)
