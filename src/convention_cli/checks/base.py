"""What a check is: a generator of diagnostics over a registry, with stable codes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from convention_cli.diagnostics import Diagnostic
from convention_cli.load.registry import Registry

CheckFunction = Callable[[Registry], Iterator[Diagnostic]]


@dataclass(frozen=True)
class Check:
    """A named rule. Its docstring, in French, is its user documentation."""

    name: str
    codes: tuple[str, ...]
    function: CheckFunction
    needs_complete: bool = False
    """Coverage and count rules would misfire on a registry with invalid entries."""

    @property
    def doc(self) -> str:
        return (self.function.__doc__ or "").strip()

    def run(self, registry: Registry) -> Iterator[Diagnostic]:
        if self.needs_complete and not registry.complete:
            return iter(())
        return self.function(registry)


def check(*codes: str, needs_complete: bool = False) -> Callable[[CheckFunction], Check]:
    def decorate(function: CheckFunction) -> Check:
        return Check(function.__name__, codes, function, needs_complete)

    return decorate
