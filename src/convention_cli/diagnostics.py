"""Diagnostics as data: what a check found, where, and how bad it is.

Checks yield diagnostics and never print; reporters in ``cli/`` render them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum


class Severity(Enum):
    ERROR = "erreur"
    WARNING = "avertissement"


@dataclass(frozen=True, slots=True, order=True)
class Location:
    """A position in a data file, 1-based; a problem with a whole file sits at 1:1."""

    path: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    code: str
    severity: Severity
    location: Location
    message: str
    acceptance: str | None = None
    """The reason given by a ``# convention: accepte CODE — raison`` comment, if accepted."""

    @property
    def accepted(self) -> bool:
        return self.acceptance is not None

    def sort_key(self) -> tuple[str, int, int, str, str]:
        loc = self.location
        return (loc.path, loc.line, loc.column, self.code, self.message)


def error(code: str, location: Location, message: str) -> Diagnostic:
    return Diagnostic(code, Severity.ERROR, location, message)


def warning(code: str, location: Location, message: str) -> Diagnostic:
    return Diagnostic(code, Severity.WARNING, location, message)


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Sort by file, then position, and drop exact duplicates."""
    return sorted(set(diagnostics), key=Diagnostic.sort_key)


def count_by_severity(diagnostics: Iterable[Diagnostic]) -> tuple[int, int]:
    """Errors and warnings that count; accepted warnings do not."""
    errors = warnings = 0
    for diagnostic in diagnostics:
        if diagnostic.acceptance is not None:
            continue
        if diagnostic.severity is Severity.ERROR:
            errors += 1
        else:
            warnings += 1
    return errors, warnings
