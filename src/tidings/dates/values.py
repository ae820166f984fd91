"""Arithmetic on DateValue: the first and last day a value covers."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tidings.model import DateValue


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


def first_day(value: DateValue) -> dt.date | None:
    return _bounds(value.value)[0] if value.value else None


def last_day(value: DateValue) -> dt.date | None:
    return _bounds(value.value)[1] if value.value else None
