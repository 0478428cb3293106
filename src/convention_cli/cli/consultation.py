"""What the consultation commands share (``engagements``, ``engagement``, ``territoires``,
``territoire``, ``gt``): the registry they read, and how a list or a
fiche is printed.

Read-only consultation of the registry. Each command loads a valid registry, builds
one view model (``convention_cli.views.consultation``) and prints it; rich, the models
and the registry are imported inside the functions so that start-up stays light.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from convention_cli.cli.options import Format, resolve_data

if TYPE_CHECKING:
    from pathlib import Path

    from convention_cli.load.registry import Registry
    from convention_cli.views.blocks import FicheDocument, Tableau


def load_registry(data: Path | None) -> Registry:
    from convention_cli.checks.pipeline import load_valid_registry

    return load_valid_registry(resolve_data(data))


def emit_list(
    output_format: Format, to_json: Callable[[], Any], to_table: Callable[[], Tableau]
) -> None:
    from convention_cli.cli import render

    if output_format is Format.json:
        render.print_json(to_json())
    elif output_format is Format.markdown:
        from convention_cli.formats.blocks_markdown import tableau_to_markdown

        render.print_text(tableau_to_markdown(to_table()))
    else:
        render.print_tableau(to_table())


def emit_fiche(
    output_format: Format, to_json: Callable[[], Any], to_document: Callable[[], FicheDocument]
) -> None:
    from convention_cli.cli import render

    if output_format is Format.json:
        render.print_json(to_json())
    elif output_format is Format.markdown:
        from convention_cli.formats.blocks_markdown import document_to_markdown

        render.print_text(document_to_markdown(to_document()))
    else:
        render.print_document(to_document())
