"""Read the data files of a registry folder into positioned YAML documents.

Everything that can go wrong with a file (missing, unreadable, too large, not
UTF-8, empty, bad YAML) becomes a located diagnostic; nothing here raises for
bad data. The folder itself must exist: that is checked by the caller.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from convention_cli.diagnostics import Diagnostic, Location, error
from convention_cli.load.acceptances import Acceptance, find_acceptances
from convention_cli.load.yaml_reader import parse_yaml
from convention_cli.models import FILE_MODELS

MAX_FILE_BYTES = 64 * 1024 * 1024
"""A clear limit: the 10,000-engagement synthetic registry is about 15 MB."""

_BOM = b"\xef\xbb\xbf"


@dataclass
class DataFile:
    """One data file: its name in the registry (``engagements``), display path and content."""

    name: str
    path: str
    root: Any = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    acceptances: list[Acceptance] = field(default_factory=list)
    """``# convention: accepte CODE — raison`` comments (load/acceptances.py)."""
    acceptance_problems: list[Diagnostic] = field(default_factory=list)
    """Unreadable acceptance comments: warnings that do not make the file unusable."""

    @property
    def usable(self) -> bool:
        return self.root is not None and not self.diagnostics


def _decode(data: bytes, path: str) -> tuple[str | None, Diagnostic | None]:
    if data.startswith(_BOM):
        data = data[len(_BOM):]
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        start = exc.start
        line_start = data.rfind(b"\n", 0, start) + 1
        line = data.count(b"\n", 0, start) + 1
        column = len(data[line_start:start].decode("utf-8", errors="replace")) + 1
        byte = data[start]
        return None, error(
            "FIC002", Location(path, line, column),
            f"octet 0x{byte:02X} invalide en UTF-8 : enregistrez le fichier en UTF-8",
        )


def read_document(name: str, file_path: Path) -> DataFile:
    """Read and parse one data file; problems are recorded on the document."""
    path = str(file_path)
    document = DataFile(name, path)
    try:
        with file_path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_FILE_BYTES:
                document.diagnostics.append(error(
                    "FIC003", Location(path),
                    f"fichier trop volumineux ({size / 2**20:.1f} Mio) : la limite est de "
                    f"{MAX_FILE_BYTES // 2**20} Mio par fichier ; répartissez les données",
                ))
                return document
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        document.diagnostics.append(error(
            "FIC001", Location(path), f"fichier obligatoire absent : {name}.yaml"))
        return document
    except IsADirectoryError:
        document.diagnostics.append(error(
            "FIC001", Location(path), "un fichier est attendu, c'est un dossier"))
        return document
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        document.diagnostics.append(error(
            "FIC001", Location(path), f"fichier illisible ({reason})"))
        return document
    text, problem = _decode(data, path)
    if problem is not None or text is None:
        document.diagnostics.append(problem or error("FIC002", Location(path), "non UTF-8"))
        return document
    parsed = parse_yaml(text, path)
    document.diagnostics.extend(parsed.diagnostics)
    document.acceptances, document.acceptance_problems = find_acceptances(text, path)
    if parsed.is_empty:
        document.diagnostics.append(error(
            "FIC004", Location(path, 1, 1),
            f"fichier vide : une correspondance avec la clé « {name} » est attendue",
        ))
    elif parsed.ok:
        document.root = parsed.root
    return document


def load_documents(data_dir: Path) -> list[DataFile]:
    """Read every data file of the registry, in a fixed order."""
    return [read_document(name, data_dir / f"{name}.yaml") for name in FILE_MODELS]
