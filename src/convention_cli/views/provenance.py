"""What a document was computed from: as-of date, tool version, registry commit."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from convention_cli import __version__
from convention_cli.defaults import LOCK_NAME
from convention_cli.views.public import registry_label


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
