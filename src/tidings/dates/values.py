"""Arithmetic on DateValue: ISO strings at each precision, and the days a value covers.

Values are ISO 8601 at their precision: a day ``2024-10-20``, an ISO week ``2024-W43``, a
month ``2024-10``, a year ``2024``, a range ``start/end`` whose ends are any of those
(``2024-10-22/2024-10-24``, ``1980/1988``, ``2024-12/2025-02``), and a duration
``P2Y6M`` / ``PT3H`` (precision ``duration``), which covers no particular days.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tidings.model import DateValue

DAYS_PER_UNIT: dict[str, float] = {
    "minute": 1 / 1440, "hour": 1 / 24, "day": 1.0, "week": 7.0, "month": 30.4375,
    "year": 365.25, "decade": 3652.5, "century": 36525.0,
}  # fmt: skip


def _bounds(value: str) -> tuple[dt.date, dt.date]:
    if "/" in value:
        a, b = value.split("/", 1)
        return _bounds(a)[0], _bounds(b)[1]
    if "-W" in value:
        year, week = value.split("-W")
        start = dt.date.fromisocalendar(int(year), int(week), 1)
        return start, start + dt.timedelta(days=6)
    parts = value.split("-")
    if len(parts) == 1:
        y = int(parts[0])
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    if len(parts) == 2:
        y, m = int(parts[0]), int(parts[1])
        return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])
    d = dt.date.fromisoformat(value)
    return d, d


def is_duration(value: str | None) -> bool:
    return bool(value) and value.startswith("P")  # type: ignore[union-attr]


def first_day(value: DateValue) -> dt.date | None:
    """The earliest day the value covers; ``None`` when unresolved or a duration."""
    if not value.value or is_duration(value.value):
        return None
    return _bounds(value.value)[0]


def last_day(value: DateValue) -> dt.date | None:
    """The latest day the value covers; ``None`` when unresolved or a duration."""
    if not value.value or is_duration(value.value):
        return None
    return _bounds(value.value)[1]


def day_value(d: dt.date) -> str:
    return d.isoformat()


def week_value(d: dt.date) -> str:
    """The ISO week containing ``d`` (the ISO year may differ from the calendar year)."""
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def year_value(year: int) -> str:
    return f"{year:04d}"


def range_value(start: str, end: str) -> str:
    return f"{start}/{end}"


def shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) moved by ``delta`` months."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def add_years(d: dt.date, years: int) -> dt.date:
    """``d`` moved by whole years; 29 February falls back to the 28th in common years."""
    try:
        return d.replace(year=d.year + years)
    except ValueError:
        return d.replace(year=d.year + years, day=28)


def duration_value(amount: float, unit: str) -> tuple[str, float]:
    """ISO 8601 duration and its length in days for ``amount`` ``unit`` (singular unit).

    Fractions carry into the next smaller unit: 2.5 years → ``P2Y6M``, 1.5 days → ``P1DT12H``.
    Decades and centuries are written in years (``P20Y``).
    """
    days = amount * DAYS_PER_UNIT[unit]
    if unit in ("decade", "century"):
        amount, unit = amount * (10 if unit == "decade" else 100), "year"
    whole = int(amount)
    frac = amount - whole
    if unit == "year":
        months = round(frac * 12)
        text = (f"{whole}Y" if whole else "") + (f"{months}M" if months else "")
        return "P" + (text or "0Y"), days
    if unit == "month":
        extra = round(frac * 30)
        return f"P{whole}M" + (f"{extra}D" if extra else ""), days
    if unit == "week":
        if not frac:
            return f"P{whole}W", days
        return f"P{round(amount * 7)}D", days
    if unit == "day":
        hours = round(frac * 24)
        return f"P{whole}D" + (f"T{hours}H" if hours else ""), days
    if unit == "hour":
        minutes = round(frac * 60)
        return f"PT{whole}H" + (f"{minutes}M" if minutes else ""), days
    return f"PT{round(amount)}M", days
