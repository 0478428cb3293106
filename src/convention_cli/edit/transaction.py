"""Safe writes to the registry: a lock, in-memory re-validation, re-reading, atomic replacement.

An edit runs inside a ``RegistryTransaction``:

1. the registry folder is locked (``data/.convention.lock``, through ``filelock``): a
   second writer waits (``CONVENTION_LOCK_TIMEOUT`` seconds, 10 by default), then fails
   with a clear message, so no update is ever lost. Under the lock, the temporary files a
   killed writer left behind (``.engagements.yaml.XXXX.tmp``) are removed;
2. the files are read under the lock; the edited ones through a ``TextEditor``. A file's
   line endings (LF or CRLF) and byte order mark are noted and given back on writing;
3. the whole registry is re-validated in memory with the edited trees; an edit that
   would introduce an error is refused and nothing is written;
4. each edited text is parsed again by the same reader, and the values read back must be
   exactly the intended ones; otherwise the edit is refused (nothing written). When the
   splices lie within some items of one top-level list, only those items are parsed
   again (the rest of the text is byte for byte what was parsed under the lock);
5. each changed file is written to a temporary file in the same folder, flushed and
   synced, then renamed over the old one (``os.replace``): a crash leaves the old or
   the new file, never a torn one. A data file that is a symbolic link is written
   through: its target gets the new text atomically, the link stays.

A dry run (``--dry-run``) goes through 2–4 without the lock and writes nothing at all:
it works on a read-only registry and creates no lock file.
"""

from __future__ import annotations

import difflib
import math
import os
import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from convention_cli.checks.pipeline import (
    ValidationResult,
    check_data_dir,
    gc_paused,
    validate_documents,
)
from convention_cli.defaults import LOCK_NAME
from convention_cli.diagnostics import Diagnostic, Severity
from convention_cli.edit.atomic import atomic_write_bytes
from convention_cli.edit.readback import read_back_locally
from convention_cli.edit.readback import same_values as _same_values
from convention_cli.edit.splice import EditError, TextEditor
from convention_cli.errors import SystemRefusalError, UsageError, UserError, os_error_label
from convention_cli.load.loader import DataFile, read_document
from convention_cli.load.yaml_reader import parse_yaml
from convention_cli.models import FILE_MODELS

DEFAULT_LOCK_TIMEOUT = 10.0
LOCK_TIMEOUT_ENV = "CONVENTION_LOCK_TIMEOUT"
MAX_LOCK_TIMEOUT = 24 * 3600.0
BOM = "\ufeff"
STALE_TEMPORARY = re.compile(r"\A\..+\.yaml\.[A-Za-z0-9_]+\.tmp\Z")
"""The temporary files of ``atomic_write_bytes`` (``.<name>.yaml.<random>.tmp``)."""


class EditRefusedError(UserError):
    """The edit would make the registry invalid; carries the diagnostics."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("modification refusée : le registre ne serait plus valide ; aucun "
                         "fichier n'a été modifié")
        self.diagnostics = diagnostics


def lock_timeout_from_env() -> float:
    """``CONVENTION_LOCK_TIMEOUT``: a finite number of seconds, 0 or more (exit 2 else)."""
    raw = os.environ.get(LOCK_TIMEOUT_ENV)
    if raw is None or not raw.strip():
        return DEFAULT_LOCK_TIMEOUT
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < 0:
        raise UsageError(f"{LOCK_TIMEOUT_ENV} invalide « {raw} » : attendu un nombre de "
                         "secondes fini, positif ou nul (par exemple 10)")
    return min(value, MAX_LOCK_TIMEOUT)


@contextmanager
def registry_lock(data_dir: Path, timeout: float = DEFAULT_LOCK_TIMEOUT) -> Iterator[None]:
    """Exclusive lock on the registry folder (``data/.convention.lock``), waiting at most
    ``timeout`` seconds. The lock file stays (scripts rely on its name): removing it on
    release would let a writer waiting on the old file and a newcomer creating a new one
    both hold « the » lock (filelock keeps it on Unix for that reason). It is ignored by
    git (``init`` writes a ``.gitignore``, as the repository's ``data/.gitignore``) and
    by the provenance of documents."""
    from filelock import FileLock, Timeout

    path = data_dir / LOCK_NAME
    lock = FileLock(str(path), timeout=timeout, is_singleton=False)
    try:
        lock.acquire()
    except Timeout:
        raise UserError(f"registre verrouillé : une autre modification est en cours depuis "
                        f"plus de {timeout:g} s ({path}) ; réessayez dans un instant") from None
    except OSError as exc:
        raise SystemRefusalError(f"impossible de verrouiller le registre ({path}) : "
                                 f"{os_error_label(exc)} ; rien n'a été écrit") from None
    try:
        yield
    finally:
        lock.release()


def remove_stale_temporaries(data_dir: Path) -> list[Path]:
    """Remove the temporary files a killed writer left in the registry folder. Called
    under the lock: no other writer can be using them."""
    removed = []
    for path in data_dir.iterdir():
        if STALE_TEMPORARY.match(path.name) and path.is_file() and not path.is_symlink():
            try:
                path.unlink()
            except OSError:
                continue
            removed.append(path)
    return removed


@dataclass(frozen=True)
class FileForm:
    """How a data file is written: line endings and byte order mark, kept by edits."""

    newline: str = "\n"
    bom: bool = False

    @classmethod
    def of(cls, raw: str) -> FileForm:
        bom = raw.startswith(BOM)
        body = raw[1:] if bom else raw
        lf = body.count("\n")
        crlf = body.count("\r\n")
        return cls("\r\n" if lf and crlf == lf else "\n", bom)

    def read(self, raw: str) -> str:
        """The text as edited (LF, no BOM)."""
        body = raw[1:] if self.bom else raw
        return body.replace("\r\n", "\n") if self.newline == "\r\n" else body

    def write(self, text: str) -> str:
        body = text.replace("\n", "\r\n") if self.newline == "\r\n" else text
        return (BOM if self.bom else "") + body


@dataclass
class Change:
    path: Path
    before: str
    after: str
    form: FileForm = field(default_factory=FileForm)

    def diff(self) -> str:
        return "".join(difflib.unified_diff(
            self.before.splitlines(keepends=True), self.after.splitlines(keepends=True),
            fromfile=f"a/{self.path}", tofile=f"b/{self.path}"))

    def payload(self) -> bytes:
        return self.form.write(self.after).encode("utf-8")


@dataclass
class RegistryTransaction:
    """Edits of a registry folder, validated together and written together."""

    data_dir: Path
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT
    _editors: dict[str, TextEditor] = field(default_factory=dict)
    _originals: dict[str, str] = field(default_factory=dict)
    _forms: dict[str, FileForm] = field(default_factory=dict)

    def editor(self, name: str) -> TextEditor:
        """The editor of ``<name>.yaml``, read under the lock.

        An editor that already holds edits is parsed again from its new text, so that
        each operation starts from exact positions."""
        current = self._editors.get(name)
        if current is not None and current.dirty:
            fresh = TextEditor(current.result(), current.path)
            if not _same_values(fresh.root, current.root):
                raise EditError(f"modification refusée : {current.path} ne se relirait pas à "
                                "l'identique ; aucun fichier n'a été modifié")
            self._editors[name] = fresh
        if name not in self._editors:
            path = self.data_dir / f"{name}.yaml"
            try:
                raw = path.read_bytes().decode("utf-8")
            except UnicodeDecodeError as exc:
                raise UserError(f"{path} n'est pas en UTF-8 (octet invalide à la position "
                                f"{exc.start}) : corrigez-le avant toute modification") from None
            except OSError as exc:
                raise UserError(f"lecture impossible de {path} : {os_error_label(exc)}") from None
            form = FileForm.of(raw)
            text = form.read(raw)
            self._editors[name] = TextEditor(text, str(path))
            self._originals[name] = text
            self._forms[name] = form
        return self._editors[name]

    def current(self, name: str) -> TextEditor:
        """The editor of ``<name>.yaml`` as it stands, NOT parsed again after its edits: for
        many splices planned on one parse, at positions that do not overlap
        (``convention import`` groups its rows by target list)."""
        return self._editors[name] if name in self._editors else self.editor(name)

    def validate(self) -> ValidationResult:
        """The registry as it would be after the edits, checked in memory."""
        documents = []
        for name in FILE_MODELS:
            path = self.data_dir / f"{name}.yaml"
            if name in self._editors:
                documents.append(DataFile(name, str(path), self._editors[name].root))
            else:
                documents.append(read_document(name, path))
        return validate_documents(documents)

    def changes(self) -> list[Change]:
        changed = []
        for name, editor in self._editors.items():
            after = editor.result()
            if after != self._originals[name]:
                changed.append(Change(self.data_dir / f"{name}.yaml",
                                      self._originals[name], after, self._forms[name]))
        return changed

    def refused_diagnostics(self) -> list[Diagnostic]:
        """Diagnostics located in the edited texts (parsed again: positions moved)."""
        documents = []
        for name in FILE_MODELS:
            path = self.data_dir / f"{name}.yaml"
            if name in self._editors:
                text = self._editors[name].result()
                parsed = parse_yaml(text, str(path))
                document = DataFile(name, str(path), parsed.root if parsed.ok else None,
                                    list(parsed.diagnostics))
                documents.append(document)
            else:
                documents.append(read_document(name, path))
        return validate_documents(documents).diagnostics

    def check_read_back(self, changes: list[Change]) -> None:
        """Each new text, parsed again by the same reader, gives exactly the intended
        values; otherwise the edit is refused before anything is written.

        When the edits of a file lie within some items of one top-level list, only those
        items' new text is parsed again (``readback.read_back_locally``: the rest is
        byte for byte the text parsed under the lock); otherwise, or when that local
        proof fails, the whole new text is."""
        for change in changes:
            name = change.path.stem
            reread = change.form.read(change.form.write(change.after))
            if reread == change.after and read_back_locally(self._editors[name], reread):
                continue
            parsed = parse_yaml(reread, str(change.path))
            if not parsed.ok or not _same_values(parsed.root, self._editors[name].root):
                problem = parsed.diagnostics[0].message if parsed.diagnostics else (
                    "une valeur relue diffère de la valeur voulue")
                raise EditError(f"modification refusée : {change.path} ne se relirait pas à "
                                f"l'identique ({problem}) ; aucun fichier n'a été modifié")

    def commit(self, *, dry_run: bool = False) -> list[Change]:
        """Validate, re-read, then write every changed file (or only return them on a dry
        run)."""
        result = self.validate()
        if result.has_errors:
            errors = [d for d in self.refused_diagnostics() if d.severity is Severity.ERROR]
            raise EditRefusedError(errors or [d for d in result.diagnostics
                                              if d.severity is Severity.ERROR])
        changes = self.changes()
        self.check_read_back(changes)
        if not dry_run:
            write_changes(changes)
        return changes


def _write_target(path: Path) -> Path:
    """Where a data file's new text goes: the file itself, or the target of its symlink
    (written through, the link kept). A dangling link or a special file is refused."""
    if not path.is_symlink():
        return path
    target = path.resolve()
    if not target.is_file():
        raise UserError(f"{path} est un lien symbolique vers {target}, qui n'est pas un "
                        "fichier ordinaire : rien n'a été écrit")
    return target


@contextmanager
def interrupts_deferred() -> Iterator[None]:
    """Ctrl-C while the changed files are replaced takes effect after the last one: an
    edit of several files is never left half written by an interrupt. Only the main
    thread receives signals, and only Python's own handler is deferred (a handler someone
    else installed is left alone)."""
    if (threading.current_thread() is not threading.main_thread()
            or signal.getsignal(signal.SIGINT) is not signal.default_int_handler):
        yield
        return
    received: list[int] = []
    signal.signal(signal.SIGINT, lambda signum, _frame: received.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    if received:
        raise KeyboardInterrupt


def write_changes(changes: list[Change]) -> None:
    """Write each changed file atomically, a Ctrl-C waiting for the last one. A failure
    before the first rename leaves every file as it was; the system's refusal (disk full,
    read-only) is exit 2."""
    targets = [_write_target(change.path) for change in changes]
    with interrupts_deferred():
        for change, target in zip(changes, targets, strict=True):
            try:
                atomic_write_bytes(target, change.payload())
            except OSError as exc:
                raise SystemRefusalError(f"écriture de {change.path} impossible "
                                         f"({os_error_label(exc)}) ; ce fichier n'a pas été "
                                         "modifié") from None


@contextmanager
def transaction(
    data_dir: Path, lock_timeout: float | None = None, *, dry_run: bool = False
) -> Iterator[RegistryTransaction]:
    """Lock the registry and give a transaction on it (a dry run takes no lock)."""
    check_data_dir(data_dir)
    timeout = lock_timeout_from_env() if lock_timeout is None else lock_timeout
    # Parsing builds large acyclic trees: the collector would rescan them (gc_paused).
    with gc_paused():
        if dry_run:
            yield RegistryTransaction(data_dir, timeout)
            return
        with registry_lock(data_dir, timeout):
            remove_stale_temporaries(data_dir)
            yield RegistryTransaction(data_dir, timeout)
