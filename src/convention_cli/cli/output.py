"""Writing a generated document: to standard output, or atomically to a file whose
extension chooses the format (``.md``, ``.docx``, ``.odt``, ``.html``).

The target comes from ``edit.output.output_file`` (the one output guard), checked before
any work: ``None`` is standard output.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from convention_cli.formats.docmodel import DocumentMeta


def write_document(
    text: str, target: Path | None, meta: DocumentMeta | None = None, option: str = "-o"
) -> None:
    """Print ``text`` (Markdown), or write it to ``target`` in the format of its extension,
    through a temporary file and a rename, so that a reader never sees half a document."""
    if target is None:
        sys.stdout.write(text)
        return
    from convention_cli.edit.output import write_output
    from convention_cli.formats.outputs import output_suffix, render_output

    payload = render_output(text, output_suffix(target), meta)
    write_output(target, payload, option)
    sys.stderr.write(f"Document écrit : {target}\n")
