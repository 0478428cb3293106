"""``convention couverture``: the traceability matrix of the agreement."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from convention_cli.cli.options import DataOption, Format, TextOrJsonFormat, resolve_data


def couverture(
    data: DataOption = None,
    output_format: Annotated[
        TextOrJsonFormat, typer.Option("--format", "-f", help="Format de sortie : text ou json.")
    ] = Format.text,
    tout: Annotated[bool, typer.Option(
        "--tout", help="Toutes les phrases du texte, préambule et signatures compris, et pas "
        "seulement les phrases normatives des sections I à VII et de l'annexe.")] = False,
) -> None:
    """Affiche le texte de la convention phrase par phrase avec ce qui l'encode.

    Pour chaque phrase normative (s'engage, pourra, devra, sera, notamment, non
    exhaustive…) : l'engagement, la règle, la disposition ou l'élément qui la cite, avec
    ses lectures (« lecture : … ») ; ou le motif pour lequel le registre l'écarte.

    Exemple : convention couverture --format json > couverture.json
    """
    from convention_cli.checks.pipeline import load_valid_registry
    from convention_cli.views.couverture import (
        build_couverture,
        couverture_text,
        couverture_to_json,
    )

    view = build_couverture(load_valid_registry(resolve_data(data)), tout=tout)
    if output_format is Format.json:
        from convention_cli.formats.json import dumps

        sys.stdout.write(dumps(couverture_to_json(view)))
    else:
        sys.stdout.write(couverture_text(view))
