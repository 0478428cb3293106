"""The calendar of the agreement: quarters and safe dates (pure, no registry)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

__all__ = ["iter_quarters", "quarter_bounds", "quarter_of", "safe_date"]


def quarter_of(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def quarter_bounds(year: int, quarter: int) -> tuple[date, date]:
    start = date(year, 3 * (quarter - 1) + 1, 1)
    next_start = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
    return start, next_start - timedelta(days=1)


def iter_quarters(start: date, end: date) -> Iterator[tuple[int, int]]:
    year, quarter = quarter_of(start)
    while quarter_bounds(year, quarter)[0] <= end:
        yield year, quarter
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)


def safe_date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:  # 29 February in a common year, 31 in a 30-day month
        return date(year, month + 1, 1) - timedelta(days=1) if month < 12 else date(year, 12, 31)
