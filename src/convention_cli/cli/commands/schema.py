"""``convention schema``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from convention_cli.defaults import DATA_FILES as FILES


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
    from convention_cli.formats.json import dumps
    from convention_cli.models.json_schema import all_schemas, file_schema

    if fichier is not None and fichier not in FILES:
        raise UsageError(f"fichier inconnu « {fichier} » ; fichiers possibles : "
                         + ", ".join(FILES))
    if sortie is not None:
        from convention_cli.cli.options import default_data_dir
        from convention_cli.edit.output import output_file, output_folder, write_output

        # The output guard: never in a registry (the default one, or any folder holding a
        # convention.yaml), never through a link to a registry file, never over a
        # non-regular file; every target is checked before the first write.
        registry = default_data_dir()
        folder = output_folder(sortie, registry, "--sortie", schemas=True)
        names = [fichier] if fichier else list(FILES)
        targets = [output_file(folder / f"{name}.schema.json", registry, "--sortie", schemas=True)
                   for name in names]
        for name, target in zip(names, targets, strict=True):
            assert target is not None
            write_output(target, dumps(file_schema(name)), "--sortie")
            typer.echo(f"écrit : {sortie / target.name}")
        return
    payload = file_schema(fichier) if fichier else all_schemas()
    sys.stdout.write(dumps(payload))
