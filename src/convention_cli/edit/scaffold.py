"""``convention init``: a new, valid registry for another agreement, with commented examples.

The texts are built and checked in memory first (the title read back exactly, the whole
registry valid); then the files are written. A failure while writing (disk full,
read-only) removes what was written: ``init`` writes everything or nothing.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

from convention_cli.defaults import DATE_RANGE_TEXT, LOCK_NAME, year_supported
from convention_cli.edit.atomic import atomic_write_text
from convention_cli.edit.splice import check_text, format_scalar
from convention_cli.errors import SystemRefusalError, UsageError, UserError, os_error_label
from convention_cli.formats.json import dumps
from convention_cli.load.registry import end_date
from convention_cli.models import FILE_MODELS
from convention_cli.models.json_schema import file_schema

SCAFFOLD = Path(__file__).parent.parent / "scaffold"
_PLACEHOLDER = re.compile(r"\{(titre|date_signature|duree|bilan_final)\}")
GITIGNORE = (
    "# Fichiers de travail de l'outil convention : jamais à versionner.\n"
    f"{LOCK_NAME}\n"
    ".*.yaml.*.tmp\n"
)
"""The lock and a killed writer's temporary files never make the registry look modified."""


def scaffold_texts(*, titre: str, signature: date, duree: int = 3) -> dict[str, str]:
    """The files of a new registry, by relative path, checked: the registry is valid and
    the title reads back exactly. User text is data, never a template: each placeholder
    of the model is replaced once, in one pass, so a title with ``{date_signature}`` in
    it stays as typed."""
    if not titre.strip():
        raise UsageError("--titre est vide")
    check_text(titre, "--titre")
    final = end_date(signature, duree)
    if not year_supported(final.year):
        raise UsageError(f"la convention finirait le {final.isoformat()}, hors de la plage "
                         f"prise en charge ({DATE_RANGE_TEXT})")
    june = date(final.year, 6, 30)  # a final bilan by 30 June, as in the UNML–DGOM text
    values = {
        "titre": format_scalar(titre),
        "date_signature": signature.isoformat(),
        "duree": str(duree),
        "bilan_final": (june if signature <= june <= final else final).isoformat(),
    }
    texts: dict[str, str] = {}
    for name in FILE_MODELS:
        model = (SCAFFOLD / f"{name}.yaml").read_text(encoding="utf-8")
        texts[f"{name}.yaml"] = _PLACEHOLDER.sub(lambda m: values[m.group(1)], model)
        texts[f"schemas/{name}.schema.json"] = dumps(file_schema(name))
    texts[".gitignore"] = GITIGNORE
    _check(texts, titre)
    return texts


def _check(texts: dict[str, str], titre: str) -> None:
    from convention_cli.checks.pipeline import validate_documents
    from convention_cli.load.loader import DataFile
    from convention_cli.load.yaml_reader import parse_yaml

    documents = []
    for name in FILE_MODELS:
        parsed = parse_yaml(texts[f"{name}.yaml"], f"{name}.yaml")
        documents.append(DataFile(name, f"{name}.yaml", parsed.root if parsed.ok else None,
                                  list(parsed.diagnostics)))
    result = validate_documents(documents)
    convention = documents[list(FILE_MODELS).index("convention")].root
    read_back = convention.get("convention", {}).get("titre") if convention else None
    if result.has_errors or read_back != titre:
        raise UserError("le titre ne se relirait pas à l'identique dans convention.yaml : "
                        "rien n'a été écrit")


def scaffold_registry(target: Path, *, titre: str, signature: date, duree: int = 3) -> list[Path]:
    """Write the six data files, their schemas and a ``.gitignore`` into ``target`` (new
    or empty)."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise UserError(f"{target} existe et n'est pas un dossier vide : rien n'a été écrit "
                        "(rien n'est jamais écrasé)")
    texts = scaffold_texts(titre=titre, signature=signature, duree=duree)
    created = not target.exists()
    written: list[Path] = []
    try:
        target.mkdir(parents=True, exist_ok=True)
        (target / "schemas").mkdir(exist_ok=True)
        for relative, text in texts.items():
            path = target / relative
            atomic_write_text(path, text)
            written.append(path)
    except OSError as exc:
        for path in written:
            path.unlink(missing_ok=True)
        if created:
            shutil.rmtree(target, ignore_errors=True)
        else:
            shutil.rmtree(target / "schemas", ignore_errors=True)
        raise SystemRefusalError(f"écriture dans {target} impossible ({os_error_label(exc)}) "
                                 ": rien n'a été écrit") from None
    return [p for p in written if p.suffix == ".yaml"]
