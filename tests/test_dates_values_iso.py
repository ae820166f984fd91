"""ISO values: weeks across year ends, leap days, durations, first and last days."""

from __future__ import annotations

import datetime as dt

import pytest

from tidings.dates.numbers import parse_amount
from tidings.dates.values import add_years, duration_value, week_value
from tidings.model import DateValue


@pytest.mark.parametrize(
    ("day", "week"),
    [
        (dt.date(2024, 10, 20), "2024-W42"),
        (dt.date(2024, 12, 30), "2025-W01"),
        (dt.date(2021, 1, 3), "2020-W53"),
    ],
)
def test_dates_values_iso_week(day: dt.date, week: str) -> None:
    assert week_value(day) == week


@pytest.mark.parametrize(
    ("amount", "unit", "iso"),
    [
        (2.5, "year", "P2Y6M"),
        (35, "year", "P35Y"),
        (2, "decade", "P20Y"),
        (1.5, "month", "P1M15D"),
        (2, "week", "P2W"),
        (1.5, "day", "P1DT12H"),
        (3, "hour", "PT3H"),
    ],
)
def test_dates_values_duration_iso(amount: float, unit: str, iso: str) -> None:
    assert duration_value(amount, unit)[0] == iso


@pytest.mark.parametrize(
    ("words", "amount"),
    [("two and a half", 2.5), ("twenty-five", 25), ("29", 29), ("a", 1), ("half a", 0.5),
     ("one hundred", 100), ("2.5", 2.5), ("a dozen", 12)],
)  # fmt: skip
def test_dates_values_amounts_in_words(words: str, amount: float) -> None:
    assert parse_amount(words) == amount


def test_dates_values_leap_day_moves_to_28th() -> None:
    assert add_years(dt.date(2024, 2, 29), -1) == dt.date(2023, 2, 28)


def test_dates_values_bounds_of_each_precision() -> None:
    assert DateValue("2024-12/2025-02", "range").last_day() == dt.date(2025, 2, 28)
    assert DateValue("1980/1988", "range").first_day() == dt.date(1980, 1, 1)
    assert DateValue("2020-W53", "week").last_day() == dt.date(2021, 1, 3)
    assert DateValue("P2Y6M", "duration").first_day() is None
