"""Reporters print diagnostics; they are chosen by name (``REPORTER_BY_NAME``)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from convention_cli.diagnostics import Diagnostic, count_by_severity
from convention_cli.formats.json import dumps
from convention_cli.vocab import plural


def _split(diagnostics: Sequence[Diagnostic]) -> tuple[list[Diagnostic], list[Diagnostic]]:
    """The diagnostics that count, and the accepted warnings."""
    counted = [d for d in diagnostics if not d.accepted]
    return counted, [d for d in diagnostics if d.accepted]


def summary(diagnostics: Sequence[Diagnostic], files: int) -> str:
    counted, accepted = _split(diagnostics)
    errors, warnings = count_by_severity(counted)
    noted = (f" ; {plural(len(accepted), 'avertissement')} "
             f"accepté{'s' if len(accepted) > 1 else ''} dans le registre" if accepted else "")
    if not errors and not warnings:
        return f"Registre valide : {plural(files, 'fichier')} vérifiés, aucun problème{noted}."
    parts = []
    if errors:
        parts.append(plural(errors, "erreur"))
    if warnings:
        parts.append(plural(warnings, "avertissement"))
    affected = len({d.location.path for d in counted})
    verdict = "Registre invalide" if errors else "Registre valide avec réserves"
    return f"{verdict} : {' et '.join(parts)} dans {plural(affected, 'fichier')}{noted}."


def text_reporter(diagnostics: Sequence[Diagnostic], files: int, out: TextIO) -> None:
    """``chemin:ligne:colonne: gravité CODE: message`` — editors follow these links.

    Accepted warnings are not listed, only counted in the summary line."""
    lines = [f"{d.location}: {d.severity.value} {d.code}: {d.message}"
             for d in diagnostics if not d.accepted]
    lines.append(summary(diagnostics, files))
    out.write("\n".join(lines) + "\n")


def _json_item(d: Diagnostic) -> dict[str, Any]:
    item: dict[str, Any] = {
        "file": d.location.path,
        "line": d.location.line,
        "column": d.location.column,
        "severity": d.severity.value,
        "code": d.code,
        "message": d.message,
    }
    if d.acceptance is not None:
        item["raison"] = d.acceptance
    return item


def json_reporter(diagnostics: Sequence[Diagnostic], files: int, out: TextIO) -> None:
    """A stable object: ``{"valide", "resume", "diagnostics": [{file, line, column,
    severity, code, message}], "acceptes": [{…, raison}]}``; accepted warnings are
    listed apart, with their reason, and counted in ``resume.acceptes``."""
    counted, accepted = _split(diagnostics)
    errors, warnings = count_by_severity(counted)
    payload = {
        "valide": errors == 0,
        "resume": {"erreurs": errors, "avertissements": warnings, "acceptes": len(accepted),
                   "fichiers": files},
        "diagnostics": [_json_item(d) for d in counted],
        "acceptes": [_json_item(d) for d in accepted],
    }
    out.write(dumps(payload))


def _relative(path: str) -> str:
    """A path relative to the current folder (the repository root in CI), with ``/``."""
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            candidate = candidate.relative_to(Path.cwd())
        except ValueError:
            return candidate.as_posix()
    return candidate.as_posix().removeprefix("./")


def gitlab_reporter(diagnostics: Sequence[Diagnostic], files: int, out: TextIO) -> None:
    """GitLab's Code Quality report (``artifacts:reports:codequality``): a JSON array of
    issues with ``description``, ``check_name``, ``fingerprint``, ``severity`` and
    ``location`` (``path`` relative to the repository, ``lines.begin``). Errors are
    ``major``, warnings ``minor``; accepted warnings are left out. The fingerprint does
    not depend on the line, so a finding keeps its identity when lines move."""
    issues = []
    seen: dict[str, int] = {}
    for d in diagnostics:
        if d.accepted:
            continue
        path = _relative(d.location.path)
        basis = f"{path}\0{d.code}\0{d.message}"
        seen[basis] = seen.get(basis, 0) + 1
        fingerprint = hashlib.sha256(f"{basis}\0{seen[basis]}".encode()).hexdigest()
        issues.append({
            "type": "issue",
            "description": f"{d.code} : {d.message}",
            "check_name": d.code,
            "fingerprint": fingerprint,
            "severity": "major" if d.severity.value == "erreur" else "minor",
            "location": {"path": path, "lines": {"begin": d.location.line}},
        })
    out.write(dumps(issues))


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github_reporter(diagnostics: Sequence[Diagnostic], files: int, out: TextIO) -> None:
    """GitHub Actions workflow commands: annotations on the lines of the pull request."""
    lines = []
    for d in diagnostics:
        if d.accepted:
            continue
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
    "gitlab": gitlab_reporter,
}
