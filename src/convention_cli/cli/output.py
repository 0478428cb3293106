"""Writing a generated document: to standard output, or atomically to a file."""

from __future__ import annotations

import sys
from pathlib import Path

from convention_cli.errors import UserError


def write_document(text: str, target: Path | None) -> None:
    """Print ``text``, or write it to ``target`` through a temporary file and a rename,
    so that a reader never sees half a document."""
    if target is None:
        sys.stdout.write(text)
        return
    from convention_cli.edit.atomic import atomic_write_text

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(target, text)
    except OSError as exc:
        raise UserError(f"impossible d'écrire {target} : {exc.strerror or exc}") from None
    sys.stderr.write(f"Document écrit : {target}\n")
