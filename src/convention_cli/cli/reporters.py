"""Reporters print diagnostics; they are chosen by name (``REPORTER_BY_NAME``)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import TextIO

from convention_cli.diagnostics import Diagnostic, count_by_severity
from convention_cli.vocab import plural


def summary(diagnostics: Sequence[Diagnostic], files: int) -> str:
    errors, warnings = count_by_severity(diagnostics)
    if not errors and not warnings:
        return f"Registre valide : {plural(files, 'fichier')} vérifiés, aucun problème."
    parts = []
    if errors:
        parts.append(plural(errors, "erreur"))
    if warnings:
        parts.append(plural(warnings, "avertissement"))
    affected = len({d.location.path for d in diagnostics})
    verdict = "Registre invalide" if errors else "Registre valide avec réserves"
    return f"{verdict} : {' et '.join(parts)} dans {plural(affected, 'fichier')}."


def text_reporter(diagnostics: Sequence[Diagnostic], files: int, out: TextIO) -> None:
    """``chemin:ligne:colonne: gravité CODE: message`` — editors follow these links."""
    lines = [f"{d.location}: {d.severity.value} {d.code}: {d.message}" for d in diagnostics]
    lines.append(summary(diagnostics, files))
    out.write("\n".join(lines) + "\n")


def json_reporter(diagnostics: Sequence[Diagnostic], files: int, out: TextIO) -> None:
    """A stable object: ``{"valide", "resume", "diagnostics": [{file, line, column,
    severity, code, message}]}``."""
    errors, warnings = count_by_severity(diagnostics)
    payload = {
        "valide": errors == 0,
        "resume": {"erreurs": errors, "avertissements": warnings, "fichiers": files},
        "diagnostics": [
            {
                "file": d.location.path,
                "line": d.location.line,
                "column": d.location.column,
                "severity": d.severity.value,
                "code": d.code,
                "message": d.message,
            }
            for d in diagnostics
        ],
    }
    out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github_reporter(diagnostics: Sequence[Diagnostic], files: int, out: TextIO) -> None:
    """GitHub Actions workflow commands: annotations on the lines of the pull request."""
    lines = []
    for d in diagnostics:
        level = "error" if d.severity.value == "erreur" else "warning"
        loc = d.location
        props = (f"file={_escape_property(loc.path)},line={loc.line},col={loc.column},"
                 f"title={_escape_property(d.code)}")
        lines.append(f"::{level} {props}::{_escape_data(d.message)}")
    lines.append(summary(diagnostics, files))
    out.write("\n".join(lines) + "\n")


Reporter = Callable[[Sequence[Diagnostic], int, TextIO], None]

REPORTER_BY_NAME: dict[str, Reporter] = {
    "text": text_reporter,
    "json": json_reporter,
    "github": github_reporter,
}
