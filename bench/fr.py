"""French formatting of the report's numbers, and the progress log (standard error)."""

from __future__ import annotations

import sys

MIB = 1024  # ru_maxrss is in KiB on Linux


def fr_number(value: float, decimals: int) -> str:
    text = f"{value:,.{decimals}f}"
    return text.replace(",", " ").replace(".", ",")


def fr_seconds(seconds: float) -> str:
    if seconds < 1:
        return f"{fr_number(seconds * 1000, 0 if seconds >= 0.1 else 1)} ms"
    return f"{fr_number(seconds, 2 if seconds < 10 else 1)} s"


def fr_ratio(value: float) -> str:
    return fr_number(value, 2 if value < 10 else 1)


def fr_mib(kib: float) -> str:
    return f"{fr_number(kib / MIB, 0)} Mio"


def fr_bytes(size: int) -> str:
    if size >= 1_000_000:
        return f"{fr_number(size / 1_000_000, 2)} Mo"
    return f"{fr_number(size / 1000, 0)} ko"


def verdict(ok: bool | None) -> str:
    if ok is None:
        return "— (non mesuré)"
    return "✅ atteinte" if ok else "❌ non atteinte"


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
