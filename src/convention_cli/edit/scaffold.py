"""``convention init``: a new, valid registry for another agreement, with commented examples."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from convention_cli.edit.atomic import atomic_write_text
from convention_cli.edit.splice import format_scalar
from convention_cli.errors import UserError
from convention_cli.load.registry import end_date
from convention_cli.models import FILE_MODELS
from convention_cli.models.json_schema import file_schema

SCAFFOLD = Path(__file__).parent.parent / "scaffold"


def scaffold_registry(target: Path, *, titre: str, signature: date, duree: int = 3) -> list[Path]:
    """Write the six data files and their schemas into ``target`` (new or empty)."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise UserError(f"{target} existe et n'est pas un dossier vide : rien n'a été écrit "
                        "(rien n'est jamais écrasé)")
    if not titre.strip():
        raise UserError("--titre est vide")
    final = end_date(signature, duree)
    june = date(final.year, 6, 30)  # a final bilan by 30 June, as in the UNML–DGOM text
    values = {
        "titre": format_scalar(titre),
        "date_signature": signature.isoformat(),
        "duree": str(duree),
        "bilan_final": (june if signature <= june <= final else final).isoformat(),
    }
    target.mkdir(parents=True, exist_ok=True)
    (target / "schemas").mkdir(exist_ok=True)
    written = []
    for name in FILE_MODELS:
        text = (SCAFFOLD / f"{name}.yaml").read_text(encoding="utf-8")
        for key, value in values.items():
            text = text.replace("{" + key + "}", value)
        path = target / f"{name}.yaml"
        atomic_write_text(path, text)
        schema_path = target / "schemas" / f"{name}.schema.json"
        atomic_write_text(schema_path, json.dumps(file_schema(name), ensure_ascii=False,
                                             indent=2) + "\n")
        written.append(path)
    return written
