"""The calendar of the agreement: quarters and safe dates (pure, no registry)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

from convention_cli.vocab import MONTHS

__all__ = ["first_day", "iter_quarters", "quarter_bounds", "quarter_of", "safe_date"]

_DAY_IN_WORDS = re.compile(
    r"(?:(?P<day>\d{1,2})(?:er)?\s+)?(?:(?P<month>" + "|".join(MONTHS) + r")\s+)?"
    r"(?P<year>\d{4})", re.IGNORECASE)


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


def first_day(text: str) -> date | None:
    """The first day a date written in words may mean: ``2023-12-05``, ``5 décembre
    2023``, ``1er décembre 2023``, ``décembre 2023`` (the 1st), ``2023`` (1 January);
    None when the text is no such date (free text is never guessed)."""
    text = text.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    match = _DAY_IN_WORDS.fullmatch(text)
    if match is None or (match["day"] and not match["month"]):
        return None
    month = MONTHS.index(match["month"].lower()) + 1 if match["month"] else 1
    try:
        return date(int(match["year"]), month, int(match["day"] or 1))
    except ValueError:
        return None
