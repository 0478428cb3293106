"""Calendar arithmetic at the edges: days a month or a year does not have."""

from __future__ import annotations

from datetime import date

import pytest

from convention_cli.domain.calendar import first_day, iter_quarters, quarter_bounds, safe_date


@pytest.mark.parametrize(("asked", "expected"), [
    ((2024, 2, 29), date(2024, 2, 29)),  # leap year: the day exists
    ((2025, 2, 29), date(2025, 2, 28)),  # common year: last day of February
    ((2025, 4, 31), date(2025, 4, 30)),  # 30-day month
    ((2025, 12, 32), date(2025, 12, 31)),  # past the end of the year: its last day
])
def test_safe_date_falls_back_to_the_last_day_of_the_month(
    asked: tuple[int, int, int], expected: date,
) -> None:
    assert safe_date(*asked) == expected


def test_quarters_of_a_period_that_spans_a_new_year() -> None:
    assert list(iter_quarters(date(2023, 7, 18), date(2024, 1, 1))) == [
        (2023, 3), (2023, 4), (2024, 1)]
    assert quarter_bounds(2024, 4) == (date(2024, 10, 1), date(2024, 12, 31))


@pytest.mark.parametrize(("signed", "years", "last_day"), [
    (date(2023, 7, 18), 3, date(2026, 7, 17)),
    (date(2024, 2, 29), 3, date(2027, 2, 27)),  # anniversary on 28 February
    (date(2024, 2, 29), 4, date(2028, 2, 28)),  # a leap year again: 29 February
])
def test_the_last_day_in_force_is_the_eve_of_the_anniversary(
    signed: date, years: int, last_day: date,
) -> None:
    from convention_cli.load.registry import end_date

    assert end_date(signed, years) == last_day


@pytest.mark.parametrize(("text", "day"), [
    ("décembre 2023", date(2023, 12, 1)),
    ("Décembre 2023", date(2023, 12, 1)),
    ("1er décembre 2023", date(2023, 12, 1)),
    ("15 décembre 2023", date(2023, 12, 15)),
    ("2023-12-05", date(2023, 12, 5)),
    ("2023", date(2023, 1, 1)),
    ("fin 2023", None),
    ("annoncé en décembre 2023", None),
    ("31 février 2024", None),
])
def test_first_day_a_date_in_words_may_mean(text: str, day: date | None) -> None:
    assert first_day(text) == day
