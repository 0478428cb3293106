"""Defaults and limits shared by every stage (importable without pydantic)."""

from __future__ import annotations

LOCK_NAME = ".convention.lock"
"""The edit lock, in the registry folder (``data/.convention.lock``); scripts rely on it."""

MIN_YEAR = 1900
MAX_YEAR = 2200
"""Supported date range (inclusive years): a date outside is refused where it is typed
(exit 2) and reported by ``validate`` in the data, so that every accepted date works in
every command (calendars, quarters, year before, iCalendar)."""

DATE_RANGE_TEXT = f"années {MIN_YEAR} à {MAX_YEAR}"


def year_supported(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


DATA_FILES: tuple[str, ...] = (
    "convention", "parties", "territoires", "engagements", "groupes_travail", "reunions",
)
"""The data files of a registry (``<name>.yaml``), in reading order; each has its model in
``models.FILE_MODELS``."""

HORIZON_DAYS = 30
"""Days before an échéance during which it is « proche » (``--horizon``)."""

STATUS_HORIZON_DAYS = 90
"""Due soon, in ``convention status``: the next 90 days (and always the next bilan)."""

PASSATION_HORIZON_DAYS = 90
"""Échéances the passation note lists: the late ones, then those due within 90 days."""

STALE_DAYS = 90
"""Days without a journal entry after which ``status`` flags an open engagement."""

STATUS_ROWS = 40
"""Rows at most in each list of ``status``'s terminal view (``--lignes``)."""

TERMINAL_ROW_LIMIT = 60
"""Up to this many rows, a terminal listing is a rich table; beyond it, plain aligned text
written in one block (rich's layout grows quadratically: perf-baselines.md §6)."""

TEMPLATE_TIME_LIMIT = 5.0
"""Seconds a document may take to render from a registry's own ``templates/`` (POSIX)."""

TEMPLATE_LOOP_BUDGET = 1_000_000
"""Iterations ``range`` may give in all, in one rendering."""

TEMPLATE_OUTPUT_LIMIT = 50_000_000
"""Characters a rendering may produce."""
