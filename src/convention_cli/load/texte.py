"""Read the agreement's full text named by ``convention.texte`` (relative to the data folder)."""

from __future__ import annotations

from pathlib import Path

from convention_cli.diagnostics import Diagnostic, warning
from convention_cli.load.registry import Registry

MAX_TEXT_BYTES = 4 * 1024 * 1024


def read_texte(registry: Registry) -> list[Diagnostic]:
    """Attach the text to the registry; an unreadable text is a warning (TXT001)."""
    conv = registry.convention
    document = registry.documents.get("convention")
    if conv is None or conv.texte is None or document is None:
        return []
    path = Path(document.path).parent / conv.texte
    try:
        if path.stat().st_size > MAX_TEXT_BYTES:
            raise OSError(0, "fichier trop volumineux")
        registry.texte = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        reason = "fichier absent"
    except IsADirectoryError:
        reason = "c'est un dossier"
    except UnicodeDecodeError:
        reason = "non UTF-8"
    except OSError as exc:
        reason = "fichier trop volumineux" if exc.errno == 0 else "fichier illisible"
    else:
        return []
    return [warning("TXT001", registry.file_location("convention", "convention", "texte"),
                    f"texte de la convention illisible : {path} ({reason}) ; la "
                    "vérification de traçabilité n'est pas faite")]
