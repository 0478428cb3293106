"""The validation pipeline: load → model → check, every problem in one run."""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from convention_cli.diagnostics import (
    Diagnostic,
    Severity,
    count_by_severity,
    sort_diagnostics,
    warning,
)
from convention_cli.errors import DataDirError
from convention_cli.load.registry import Registry

if TYPE_CHECKING:
    from convention_cli.load.loader import DataFile


@dataclass
class ValidationResult:
    registry: Registry
    diagnostics: list[Diagnostic]

    @property
    def counts(self) -> tuple[int, int]:
        return count_by_severity(self.diagnostics)

    def failed(self, *, strict: bool = False) -> bool:
        errors, warnings = self.counts
        return errors > 0 or (strict and warnings > 0)

    @property
    def has_errors(self) -> bool:
        return any(d.severity is Severity.ERROR for d in self.diagnostics)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building large acyclic structures.

    Loading creates millions of objects and no cycles; the collector would re-scan
    the growing graph again and again: 1.1x on our reader alone at 10,000
    engagements (``python bench/bench_reader.py -n 10000``), 2.2x on a whole
    CSafeLoader + pydantic load (perf-baselines.md)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def check_data_dir(data_dir: Path) -> None:
    if not data_dir.exists():
        raise DataDirError(f"dossier de données introuvable : {data_dir}")
    if not data_dir.is_dir():
        raise DataDirError(f"{data_dir} n'est pas un dossier")


def validate_registry(data_dir: Path) -> ValidationResult:
    """Load, model and check the registry in ``data_dir``. Never writes anything."""
    check_data_dir(data_dir)
    from convention_cli.load.loader import load_documents

    with gc_paused():
        return validate_documents(load_documents(data_dir))


def validate_documents(documents: Sequence[DataFile]) -> ValidationResult:
    """Model and check documents already read (from files, or edited in memory)."""
    from convention_cli.checks import ALL_CHECKS
    from convention_cli.load.registry import build_registry

    with gc_paused():
        registry, diagnostics = build_registry(documents)
        for rule in ALL_CHECKS:
            diagnostics.extend(rule.run(registry))
        diagnostics = apply_acceptances(documents, diagnostics)
    return ValidationResult(registry, sort_diagnostics(diagnostics))


def apply_acceptances(documents: Sequence[DataFile],
                      diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Mark the warnings accepted by ``# convention: accepte CODE — raison`` comments.

    An acceptance covers the warnings of its code on its line; only warnings can be
    accepted. One that covers nothing is itself a warning (ACC001), reported only when
    the registry has no error (an error can hide the warning it was written for);
    an unreadable one is ACC002 (load/acceptances.py)."""
    if not any(d.acceptances or d.acceptance_problems for d in documents):
        return diagnostics
    warnings = {(d.location.path, d.location.line, d.code)
                for d in diagnostics if d.severity is Severity.WARNING}
    reasons: dict[tuple[str, int, str], str] = {}
    unmatched = []
    problems = []
    for document in documents:
        problems.extend(document.acceptance_problems)
        for acceptance in document.acceptances:
            key = (document.path, acceptance.target_line, acceptance.code)
            if key in warnings:
                reasons.setdefault(key, acceptance.reason)
            else:
                unmatched.append(acceptance)
    marked = [
        replace(d, acceptance=reasons[key])
        if d.severity is Severity.WARNING
        and (key := (d.location.path, d.location.line, d.code)) in reasons
        else d
        for d in diagnostics
    ]
    marked.extend(problems)
    if any(d.severity is Severity.ERROR for d in marked):
        return marked
    marked.extend(
        warning("ACC001", acceptance.location,
                f"acceptation sans objet : aucun avertissement {acceptance.code} à la ligne "
                f"{acceptance.target_line} ; retirez ce commentaire")
        for acceptance in unmatched
    )
    return marked


def load_valid_registry(data_dir: Path) -> Registry:
    """The registry for read-only commands; refuses one with errors."""
    from convention_cli.errors import UserError
    from convention_cli.vocab import plural

    result = validate_registry(data_dir)
    if result.has_errors:
        errors, _ = result.counts
        raise UserError(f"le registre {data_dir} contient {plural(errors, 'erreur')} : lancez "
                        f"« convention validate --data {data_dir} » pour les voir")
    # The registry lives as long as the command and holds no cycle: move it out of the
    # collector's sight, so that the commands computing on it (status, documents) do not
    # pay full collections over it (1.6 s at 10,000 engagements, bench/results.md §4).
    gc.freeze()
    return result.registry
