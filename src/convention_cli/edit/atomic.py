"""Whole-or-nothing file writes, for the registry, documents and calendars.

A temporary file in the same folder, flushed and synced, then ``os.replace``
(atomic on POSIX and Windows), then the folder synced: a crash at any moment
leaves the old file or the new one, never a torn one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

WRITTEN: list[Path] = []
"""Every file this process replaced: a command that wrote something exits 0 even if its
closing message cannot be printed (``cli.app.main``)."""


def atomic_write_bytes(path: Path, payload: bytes) -> None:
    """Replace ``path`` by ``payload``. Keeps an existing file's permissions; a new file
    gets the usual ones (0666 minus the umask)."""
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp",
                                         dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).chmod(mode)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    WRITTEN.append(path)
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))
