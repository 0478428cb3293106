"""``convention schema``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

FILES = ("convention", "parties", "territoires", "engagements", "groupes_travail", "reunions")


def schema(
    fichier: Annotated[
        str | None,
        typer.Argument(help="Fichier dont afficher le schéma : " + ", ".join(FILES) + ".",
                       show_default=False),
    ] = None,
    sortie: Annotated[
        Path | None,
        typer.Option("--sortie", "-o", metavar="DOSSIER",
                     help="Écrit un fichier <nom>.schema.json par fichier "
                     "de données dans ce dossier.", show_default=False),
    ] = None,
) -> None:
    """Affiche le schéma JSON des fichiers de données (éditeurs, check-jsonschema).

    Schémas JSON draft 2020-12, pour yaml-language-server et les outils de validation.

    Exemples : convention schema engagements ; convention schema --sortie schemas
    """
    from convention_cli.errors import UsageError
    from convention_cli.models.json_schema import all_schemas, file_schema

    if fichier is not None and fichier not in FILES:
        raise UsageError(f"fichier inconnu « {fichier} » ; fichiers possibles : "
                         + ", ".join(FILES))
    if sortie is not None:
        sortie.mkdir(parents=True, exist_ok=True)
        names = [fichier] if fichier else list(FILES)
        for name in names:
            target = sortie / f"{name}.schema.json"
            target.write_text(json.dumps(file_schema(name), ensure_ascii=False, indent=2) + "\n",
                              encoding="utf-8")
            typer.echo(f"écrit : {target}")
        return
    payload = file_schema(fichier) if fichier else all_schemas()
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
