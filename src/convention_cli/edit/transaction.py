"""Safe writes to the registry: a lock, in-memory re-validation, atomic replacement.

An edit runs inside a ``RegistryTransaction``:

1. the registry folder is locked (``.convention.lock``, ``flock``): a second writer
   waits a little, then fails with a clear message, so no update is ever lost;
2. the files are read under the lock; the edited ones through a ``TextEditor``;
3. the whole registry is re-validated in memory with the edited trees; an edit that
   would introduce an error is refused and nothing is written;
4. each changed file is written to a temporary file in the same folder, flushed and
   synced, then renamed over the old one (``os.replace``): a crash leaves the old or
   the new file, never a torn one.
"""

from __future__ import annotations

import difflib
import errno
import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

from convention_cli.checks.pipeline import ValidationResult, check_data_dir, validate_documents
from convention_cli.diagnostics import Diagnostic, Severity
from convention_cli.edit.atomic import atomic_write_text
from convention_cli.edit.splice import EditError, TextEditor
from convention_cli.errors import UserError
from convention_cli.load.loader import Document, read_document
from convention_cli.load.yaml_reader import parse_yaml
from convention_cli.models import FILE_MODELS

LOCK_NAME = ".convention.lock"
DEFAULT_LOCK_TIMEOUT = 10.0


class EditRefusedError(UserError):
    """The edit would make the registry invalid; carries the diagnostics."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("modification refusée : le registre ne serait plus valide ; aucun "
                         "fichier n'a été modifié")
        self.diagnostics = diagnostics


@contextmanager
def registry_lock(data_dir: Path, timeout: float = DEFAULT_LOCK_TIMEOUT) -> Iterator[None]:
    """Exclusive lock on the registry folder, waiting at most ``timeout`` seconds."""
    path = data_dir / LOCK_NAME
    try:
        handle = path.open("a+")
    except OSError as exc:
        raise UserError(f"impossible de verrouiller le registre ({path}) : "
                        f"{exc.strerror or exc}") from None
    with handle:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() >= deadline:
                    raise UserError(
                        f"registre verrouillé : une autre modification est en cours depuis "
                        f"plus de {timeout:g} s ({path}) ; réessayez dans un instant") from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


@dataclass
class Change:
    path: Path
    before: str
    after: str

    def diff(self) -> str:
        return "".join(difflib.unified_diff(
            self.before.splitlines(keepends=True), self.after.splitlines(keepends=True),
            fromfile=f"a/{self.path}", tofile=f"b/{self.path}"))


@dataclass
class RegistryTransaction:
    """Edits of a registry folder, validated together and written together."""

    data_dir: Path
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT
    _editors: dict[str, TextEditor] = field(default_factory=dict)
    _originals: dict[str, str] = field(default_factory=dict)

    def editor(self, name: str) -> TextEditor:
        """The editor of ``<name>.yaml``, read under the lock.

        An editor that already holds edits is parsed again from its new text, so that
        each operation starts from exact positions."""
        current = self._editors.get(name)
        if current is not None and current.dirty:
            try:
                self._editors[name] = TextEditor(current.result(), current.path)
            except EditError as exc:
                raise UserError(str(exc)) from None
        if name not in self._editors:
            path = self.data_dir / f"{name}.yaml"
            try:
                text = path.read_bytes().decode("utf-8-sig")
            except (OSError, UnicodeDecodeError) as exc:
                raise UserError(f"lecture impossible de {path} : {exc}") from None
            try:
                self._editors[name] = TextEditor(text, str(path))
            except EditError as exc:
                raise UserError(str(exc)) from None
            self._originals[name] = text
        return self._editors[name]

    def validate(self) -> ValidationResult:
        """The registry as it would be after the edits, checked in memory."""
        documents = []
        for name in FILE_MODELS:
            path = self.data_dir / f"{name}.yaml"
            if name in self._editors:
                documents.append(Document(name, str(path), self._editors[name].root))
            else:
                documents.append(read_document(name, path))
        return validate_documents(documents)

    def changes(self) -> list[Change]:
        changed = []
        for name, editor in self._editors.items():
            after = editor.result()
            if after != self._originals[name]:
                changed.append(Change(self.data_dir / f"{name}.yaml",
                                      self._originals[name], after))
        return changed

    def refused_diagnostics(self) -> list[Diagnostic]:
        """Diagnostics located in the edited texts (parsed again: positions moved)."""
        documents = []
        for name in FILE_MODELS:
            path = self.data_dir / f"{name}.yaml"
            if name in self._editors:
                text = self._editors[name].result()
                parsed = parse_yaml(text, str(path))
                document = Document(name, str(path), parsed.root if parsed.ok else None,
                                    list(parsed.diagnostics))
                documents.append(document)
            else:
                documents.append(read_document(name, path))
        return validate_documents(documents).diagnostics

    def commit(self, *, dry_run: bool = False) -> list[Change]:
        """Validate, then write every changed file (or only return them on a dry run)."""
        result = self.validate()
        if result.has_errors:
            errors = [d for d in self.refused_diagnostics() if d.severity is Severity.ERROR]
            raise EditRefusedError(errors or [d for d in result.diagnostics
                                              if d.severity is Severity.ERROR])
        changes = self.changes()
        if not dry_run:
            for change in changes:
                atomic_write_text(change.path, change.after)
        return changes


@contextmanager
def transaction(data_dir: Path, lock_timeout: float | None = None) -> Iterator[RegistryTransaction]:
    """Lock the registry and give a transaction on it."""
    check_data_dir(data_dir)
    timeout = DEFAULT_LOCK_TIMEOUT if lock_timeout is None else lock_timeout
    env = os.environ.get("CONVENTION_LOCK_TIMEOUT")
    if lock_timeout is None and env:
        with suppress(ValueError):
            timeout = float(env)
    with registry_lock(data_dir, timeout):
        yield RegistryTransaction(data_dir, timeout)
