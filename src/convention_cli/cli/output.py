"""Writing a generated document: to standard output, or atomically to a file.

The target comes from ``edit.output.output_file`` (the one output guard), checked before
any work: ``None`` is standard output.
"""

from __future__ import annotations

import sys
from pathlib import Path


def write_document(text: str, target: Path | None, option: str = "-o") -> None:
    """Print ``text``, or write it to ``target`` through a temporary file and a rename,
    so that a reader never sees half a document."""
    if target is None:
        sys.stdout.write(text)
        return
    from convention_cli.edit.output import write_output

    write_output(target, text, option)
    sys.stderr.write(f"Document écrit : {target}\n")
