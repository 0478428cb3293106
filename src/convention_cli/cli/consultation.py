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


def emit_view(
    output_format: Format, to_json: Callable[[], Any],
    to_view: Callable[[], Tableau | FicheDocument],
) -> None:
    """A list (``Tableau``) or a fiche (``FicheDocument``) in the format asked: JSON,
    Markdown, or the terminal's table or text. Only the asked form is built."""
    from convention_cli.cli import render
    from convention_cli.views.blocks import Tableau

    if output_format is Format.json:
        render.print_json(to_json())
        return
    view = to_view()
    if output_format is Format.markdown:
        from convention_cli.formats.blocks_markdown import document_to_markdown, tableau_to_markdown

        render.print_text(tableau_to_markdown(view) if isinstance(view, Tableau)
                          else document_to_markdown(view))
    elif isinstance(view, Tableau):
        render.print_tableau(view)
    else:
        render.print_document(view)
