"""What a document was computed from: as-of date, tool version, registry commit."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from convention_cli import __version__
from convention_cli.defaults import LOCK_NAME
from convention_cli.views.public import registry_label

if TYPE_CHECKING:
    from convention_cli.load.registry import Registry


@dataclass(frozen=True)
class DocumentMeta:
    """What the title block and the file properties say, besides the body."""

    convention: str
    """The convention's name, e.g. « Convention de partenariat 2023-2025 »."""
    parties: tuple[str, ...]
    """The signatories, in the text's order (« DGOM », « UNML »…)."""
    date: date
    """The document's date: its situation date, or the meeting's."""
    provenance: str
    """The discreet closing line (also the file's « comments » property)."""
    version: str = ""
    commit: str | None = None
    signatures: tuple[str, ...] = ()
    """Parties that sign the document (bilans), « Nom (SIGLE) »: one signature box each."""


@dataclass(frozen=True)
class Provenance:
    """What a document was computed from; printed at its end."""

    as_of: date
    version: str
    commit: str | None
    data_dir: str


def registry_commit(data_dir: Path) -> str | None:
    """The git commit of the registry folder, when it is in a git repository."""
    try:
        result = subprocess.run(
            ["git", "-C", str(data_dir), "rev-parse", "--short=12", "HEAD"],
            capture_output=True, text=True, timeout=5, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None
    commit = result.stdout.strip()
    # The edit lock (and a killed writer's temporary file) is not a change of the registry.
    dirty = subprocess.run(
        ["git", "-C", str(data_dir), "status", "--porcelain", "--", ".",
         f":(exclude){LOCK_NAME}", ":(exclude).*.yaml.*.tmp"],
        capture_output=True, text=True, timeout=5, check=False,
    )
    return commit + (" (modifications non validées)" if dirty.stdout.strip() else "")


def provenance(as_of: date, data_dir: Path, *, public: bool = False) -> Provenance:
    """``public``: the registry folder is named without its local path (``views.public``)."""
    return Provenance(as_of, __version__, registry_commit(data_dir),
                      registry_label(str(data_dir), public))


def provenance_line(origin: Provenance, public: bool = False) -> str:
    """The discreet closing line: situation date, tool version, registry commit (never a
    local path)."""
    from convention_cli.vocab import format_date, french_spacing

    line = f"Situation au {format_date(origin.as_of)} ; établi avec convention {origin.version}"
    if origin.commit:
        line += f", registre au commit {origin.commit}"
    line += "."
    if public:
        line += " Version publique."
    return french_spacing(line)


def document_meta(
    registry: Registry, origin: Provenance, day: date | None = None, public: bool = False,
    signatures: bool = False,
) -> DocumentMeta:
    """The title block and file properties of a document about ``registry``."""
    conv = registry.convention
    parties = tuple(p.sigle for p in registry.parties)
    signing = tuple(f"{p.nom} ({p.sigle})" for p in registry.parties
                    if p.role == "partie") if signatures else ()
    return DocumentMeta(
        convention=conv.titre if conv is not None else "Convention",
        parties=parties, date=day or origin.as_of,
        provenance=provenance_line(origin, public), version=origin.version,
        commit=origin.commit, signatures=signing)
