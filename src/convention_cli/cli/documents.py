"""The one document pipeline: load → as-of day → provenance → view → template → output.

Every document command parses its options into a ``DocumentRequest`` and calls
``produce_document``; what differs between documents is in ``views/documents/catalogue.py``
(``DOCUMENTS``), what differs between output formats is in the output step
(``cli/output.py``).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from convention_cli.views.documents.catalogue import DOCUMENTS, DocumentRequest

if TYPE_CHECKING:
    from convention_cli.views.provenance import DocumentMeta


def produce_from_options(
    name: str, data: Path | None, sortie: Path | None, as_of: str | None, *,
    public: bool = False, identifiants: bool = False, **fields: Any,
) -> None:
    """The options every document command shares (``--data``, ``-o``, ``--as-of``,
    ``--public``, ``--identifiants``), read once; ``fields`` are the document's own
    (``year``, ``partie``, ``reunion``…)."""
    from convention_cli.cli.options import parse_date_option

    request = DocumentRequest(as_of=parse_date_option(as_of, "--as-of"), public=public,
                              identifiants=identifiants, **fields)
    produce_document(name, request, data, sortie)


def produce_document(
    name: str, request: DocumentRequest, data: Path | None, target: Path | None
) -> None:
    """Write the document ``name`` for ``request`` to ``target`` (standard output if None
    or ``-``), in the format of its extension. The target goes through the one output guard
    and the format check before any work."""
    from convention_cli.cli.options import resolve_data
    from convention_cli.cli.output import write_document
    from convention_cli.edit.output import output_file

    checked = output_file(target, resolve_data(data))
    if checked is not None:
        from convention_cli.formats.outputs import output_suffix

        output_suffix(checked)  # an unknown format is a usage error before any work
    text, meta = render_document_and_meta(name, request, data)
    write_document(text, checked, meta)


def render_named_document(name: str, request: DocumentRequest, data: Path | None) -> str:
    """The document ``name`` for ``request``, as Markdown."""
    return render_document_and_meta(name, request, data)[0]


def render_document_and_meta(
    name: str, request: DocumentRequest, data: Path | None
) -> tuple[str, DocumentMeta]:
    """The document as Markdown, with its title block and file properties."""
    from convention_cli.checks.pipeline import gc_paused, load_valid_registry
    from convention_cli.cli.options import resolve_as_of, resolve_data
    from convention_cli.formats.templating import render_document, template_dir_for
    from convention_cli.views.provenance import document_meta, provenance

    spec = DOCUMENTS[name]
    if spec.public_only:
        request = replace(request, public=True)
    data_dir = resolve_data(data)
    # The view models and the document hold no cycles: on a large registry the cyclic
    # collector would only re-scan the loaded registry again and again (see gc_paused).
    with gc_paused():
        registry = load_valid_registry(data_dir)
        as_of = request.as_of or spec.default_as_of(registry, request, resolve_as_of(None))
        origin = provenance(as_of, data_dir, public=request.public)
        view = spec.build(registry, request, as_of, origin)
        from convention_cli.views.documents.common import reference_labels

        text = render_document(spec.template, {
            "view": view, "public": request.public, "provenance": origin,
            "ids": request.identifiants, "labels": reference_labels(registry)},
            template_dir_for(data_dir))
        day = request.day or (None if request.quarter is None else as_of)
        meta = document_meta(registry, origin, day=day, public=request.public,
                             signatures=spec.signatures)
        return text, meta
