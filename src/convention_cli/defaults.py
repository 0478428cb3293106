"""Defaults and limits shared by every stage (importable without pydantic)."""

from __future__ import annotations

LOCK_NAME = ".convention.lock"
"""The edit lock, in the registry folder (``data/.convention.lock``); scripts rely on it."""

MIN_YEAR = 1900
MAX_YEAR = 2200
"""Supported date range (inclusive years): a date outside is refused where it is typed
(exit 2) and reported by ``validate`` in the data, so that every accepted date works in
every command (calendars, quarters, year before, iCalendar)."""
