"""Writing a generated document: to standard output, or atomically to a file."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from convention_cli.errors import UserError


def write_document(text: str, target: Path | None) -> None:
    """Print ``text``, or write it to ``target`` through a temporary file and a rename,
    so that a reader never sees half a document."""
    if target is None:
        sys.stdout.write(text)
        return
    folder = target.parent if str(target.parent) else Path()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            Path(temporary).replace(target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise UserError(f"impossible d'écrire {target} : {exc.strerror or exc}") from None
    sys.stderr.write(f"Document écrit : {target}\n")
