"""The one output guard: where a command may write a document, a calendar, an export, a site.

Every output option (``-o``/``--sortie``, ``--ics``, ``export -o``, ``site -o DOSSIER``)
goes through ``output_file`` (or ``output_folder``) before any work, then writes with
``write_output``:

- ``-`` (or no option) is standard output;
- a path inside the registry folder is refused, compared after resolving symlinks (the
  registry is written only by the edit commands, under their lock); so is a path inside
  any folder that holds a registry (a ``convention.yaml``), even when ``--data`` names
  another one: a link to a registry file is never written through;
- an existing target that is not a regular file (folder, device such as ``/dev/full``,
  FIFO, socket) is refused: it is never replaced;
- a symlink to a regular file is written through: its target gets the new content
  atomically, the link stays;
- the write itself is atomic (temporary file, fsync, rename): a reader never sees half a
  file, and a failure (disk full, read-only file system) leaves the old file.

Refusals are ``UsageError`` (exit 2) with a French message naming the option.
"""

from __future__ import annotations

import stat
from pathlib import Path

from convention_cli.defaults import DATA_FILES
from convention_cli.edit.atomic import atomic_write_bytes
from convention_cli.errors import SystemRefusalError, UsageError, os_error_label

STDOUT = "-"

_KIND_BY_MODE = (
    (stat.S_ISDIR, "un dossier"),
    (stat.S_ISCHR, "un périphérique"),
    (stat.S_ISBLK, "un périphérique"),
    (stat.S_ISFIFO, "un tube nommé (FIFO)"),
    (stat.S_ISSOCK, "une socket"),
)


def _kind(mode: int) -> str:
    for test, label in _KIND_BY_MODE:
        if test(mode):
            return label
    return "un fichier spécial"


def _resolved(path: Path, option: str) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError) as exc:  # symlink loop, unreadable folder
        raise UsageError(f"{option} : chemin inutilisable {path} ({exc})") from None


REGISTRY_MARK = f"{DATA_FILES[0]}.yaml"
"""The file that makes a folder a registry (``convention.yaml``)."""


def _holds_registry(folder: Path) -> bool:
    try:
        return (folder / REGISTRY_MARK).is_file()
    except OSError:
        return False


SCHEMAS_FOLDER = "schemas"
"""A registry's own folder of JSON schemas (``convention init`` writes them there)."""


def _registry_around(
    target: Path, data_dir: Path | None, schemas: bool = False
) -> Path | None:
    """The registry folder ``target`` (resolved) is or is inside: ``data_dir``, or any
    folder holding a registry; None when it is outside every registry. With ``schemas``
    (``convention schema --sortie``), the registry's ``schemas/`` folder and the files
    directly in it are not the registry: refreshing them is that command's job (a link to
    a data file resolves outside that folder and stays refused)."""
    found = _registry_folder(target, data_dir)
    if found is not None and schemas:
        own = found.resolve() / SCHEMAS_FOLDER
        if own in (target, target.parent):
            return None
    return found


def _registry_folder(target: Path, data_dir: Path | None) -> Path | None:
    if data_dir is not None:
        try:
            registry = data_dir.resolve()
        except (OSError, RuntimeError):
            registry = None
        if registry is not None and (target == registry or target.is_relative_to(registry)):
            return data_dir
    for folder in (target, *target.parents):
        if _holds_registry(folder):
            return folder
    return None


def output_file(
    path: Path | str | None, data_dir: Path | None, option: str = "-o", *,
    schemas: bool = False,
) -> Path | None:
    """The regular file an output option names, resolved through symlinks, or None for
    standard output (no option, or ``-``). Refuses, with exit 2, a path in the registry
    folder ``data_dir`` and an existing target that is not a regular file."""
    if path is None or str(path) == STDOUT:
        return None
    if str(path) == "":  # checked before Path(), which reads "" as "."
        raise UsageError(f"{option} : chemin vide")
    given = Path(path)
    target = _resolved(given, option)
    registry = _registry_around(target, data_dir, schemas)
    if registry is not None:
        raise UsageError(f"{option} : {given} est dans le dossier du registre ({registry}) ; "
                         "le registre ne s'écrit que par les commandes d'édition : choisissez "
                         "un autre emplacement")
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise UsageError(f"{option} : {given} inaccessible ({os_error_label(exc)})") from None
    if mode is not None and not stat.S_ISREG(mode):
        hint = (f" ; indiquez un fichier, par exemple {given / 'document.md'}"
                if stat.S_ISDIR(mode) else "")
        raise UsageError(f"{option} : {given} est {_kind(mode)}, pas un fichier ordinaire : "
                         f"il ne sera pas remplacé{hint}")
    # A parent that is not a folder fails ``stat`` above (NotADirectoryError): refused.
    return target


def output_folder(
    path: Path | str, data_dir: Path | None, option: str = "-o", *, schemas: bool = False
) -> Path:
    """A folder an output option names (a site, schemas), resolved: refused inside the
    registry folder, or when it exists and is not a folder."""
    if str(path) in ("", STDOUT):  # checked before Path(), which reads "" as "."
        raise UsageError(f"{option} : indiquez un dossier")
    given = Path(path)
    target = _resolved(given, option)
    registry = _registry_around(target, data_dir, schemas)
    if registry is not None:
        raise UsageError(f"{option} : {given} est dans le dossier du registre ({registry}) ; "
                         "choisissez un autre emplacement")
    if target.exists() and not target.is_dir():
        raise UsageError(f"{option} : {given} existe et n'est pas un dossier")
    return target


def write_output(target: Path, payload: bytes | str, option: str = "-o") -> None:
    """Write ``payload`` atomically to ``target`` (from ``output_file``), creating its
    folder; a system refusal (disk full, read-only…) is exit 2 and leaves the old file."""
    data = payload.encode("utf-8") if isinstance(payload, str) else payload
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # Checked again just before writing: the target may have changed since.
        if target.exists() and not target.is_file():
            raise UsageError(f"{option} : {target} n'est pas un fichier ordinaire : il ne sera "
                             "pas remplacé")
        atomic_write_bytes(target, data)
    except OSError as exc:
        raise SystemRefusalError(f"{option} : écriture de {target} impossible "
                                 f"({os_error_label(exc)}) ; rien n'a été écrit") from None
