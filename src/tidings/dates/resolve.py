"""Resolving a date expression against a reference date (the publication date).

Conventions (each is a choice; tests pin them down):

* Weekdays: "on Sunday" is the most recent Sunday on or before the reference, unless the
  governing verb is future ("will meet on Monday", a modal before a bare verb: "Tuesday's
  speech should be …", or an infinitive under a planning head: "has to say in his
  Tuesday address", "agreed to meet") or the preposition is "by"/"until": then the next
  one on or after it.
  "last Tuesday" is the most recent strictly before, "next Friday" the first strictly after.
* Weeks are ISO weeks (Monday to Sunday). A paper published on a Sunday writes "this week"
  for the week that starts the next day, so on a Sunday "this week" (not in the past
  tense) is the following ISO week and "last week" the week ending that Sunday.
  "earlier this week" / "earlier in the week" is the reference's own ISO week.
* Month names without a year ("in September", "Putin's September invitation") and days
  without a year ("Oct. 22") take the most recent occurrence when the tense is past, the
  next one when it is future, and otherwise the nearest one. A weekday written with the
  day ("Friday, Sept. 27") picks the year in which that day is that weekday.
* Seasons are meteorological, northern hemisphere: spring March-May, summer June-August,
  autumn/fall September-November, winter December-February, valued as a month range
  (``2024-12/2025-02``). "this winter" is the winter that starts in December of the
  reference year (or the current one in January and February); "last"/"next" the one
  before/after the current or coming one.
* Durations ("two and a half years", "for 35 years") are ISO 8601 durations (``P2Y6M``)
  with precision ``duration``, relation ``duration`` and ``duration_days``; they need no
  reference date.
* "N units ago" keeps the unit's precision: "a year ago" is a year, "two weeks ago" a
  week, "three months ago" a month, "three days ago" a day.
* "the previous day", "the following week", "two days later", "that year" count from the
  anchor: the latest date resolved earlier in the text, if it is at least as precise as
  the unit; otherwise from the reference date.
* Relations come from the preposition: since/from/after → ``since``; by/until/till/
  before → ``until``; durations → ``duration``; otherwise ``at``.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Literal

from tidings.dates.expressions import MONTHS, WEEKDAYS, Expression
from tidings.dates.numbers import parse_amount
from tidings.dates.tense import Tense
from tidings.dates.values import (
    add_years,
    day_value,
    duration_value,
    month_value,
    range_value,
    shift_months,
    week_value,
    year_value,
)
from tidings.model import DateValue, Precision

Relation = Literal["at", "since", "until", "duration"]
Basis = Literal["absolute", "reference", "anchor"]

_MONTH_INDEX = {name[:3].lower(): i + 1 for i, name in enumerate(MONTHS)}
_WEEKDAY_INDEX = {name.lower(): i for i, name in enumerate(WEEKDAYS)}
SEASONS: dict[str, tuple[int, int]] = {  # first month, last month (winter wraps the year)
    "spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2),
}  # fmt: skip
SINCE_PREPS = frozenset({"since", "ever since", "from", "after", "starting", "starting from",
                         "starting in", "starting on", "as of", "as early as"})  # fmt: skip
UNTIL_PREPS = frozenset({"by", "until", "till", "up until", "before"})
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
_UNIT_PRECISION: dict[str, Precision] = {
    "minute": "day", "hour": "day", "day": "day", "week": "week", "month": "month",
    "year": "year", "decade": "year", "century": "year",
}  # fmt: skip


@dataclass(slots=True)
class Anchor:
    """The latest date resolved earlier in the text, for "the previous day" and the like."""

    day: dt.date
    precision: Precision


@dataclass(slots=True)
class Resolution:
    value: DateValue
    relation: Relation = "at"
    duration_days: float | None = None
    basis: Basis = "absolute"  # what the value rests on


class _NeedsReference(Exception):
    """A relative expression met without a reference date."""


def _relation(prep: str | None) -> Relation:
    if prep in SINCE_PREPS:
        return "since"
    if prep in UNTIL_PREPS:
        return "until"
    return "at"


def _month_number(word: str) -> int:
    return _MONTH_INDEX[word[:3].lower()]


def _unit(word: str) -> str:
    word = word.lower()
    return "century" if word.startswith("centur") else word.rstrip("s")


def weekday_index(name: str) -> int:
    """Monday 0 … Sunday 6."""
    return _WEEKDAY_INDEX[name.lower()]


def on_or_before(ref: dt.date, weekday: int) -> dt.date:
    return ref - dt.timedelta(days=(ref.weekday() - weekday) % 7)


def on_or_after(ref: dt.date, weekday: int) -> dt.date:
    return ref + dt.timedelta(days=(weekday - ref.weekday()) % 7)


def _weekend(monday: dt.date) -> tuple[dt.date, dt.date]:
    return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)


def _monday(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


def _pick(candidates: list[dt.date], ref: dt.date, tense: Tense | None) -> dt.date:
    """The candidate the tense points to: latest ≤ ref (past), earliest ≥ ref (future),
    else the nearest."""
    if tense == "past":
        before = [c for c in candidates if c <= ref]
        if before:
            return max(before)
    elif tense == "future":
        after = [c for c in candidates if c >= ref]
        if after:
            return min(after)
    return min(candidates, key=lambda c: (abs((c - ref).days), c > ref))


class Resolver:
    """Resolves expressions against ``ref`` (may be ``None``) and an anchor in the text."""

    def __init__(self, ref: dt.date | None) -> None:
        self.ref = ref
        self.anchor: Anchor | None = None
        self._used_anchor = False
        self._used_ref = False

    # -- bookkeeping -------------------------------------------------------------------
    def _need_ref(self) -> dt.date:
        self._used_ref = True
        if self.ref is None:
            raise _NeedsReference
        return self.ref

    def _anchor_for(self, precision: str) -> dt.date:
        if self.anchor is not None and PRECISION_RANK.get(
            self.anchor.precision, 9
        ) <= PRECISION_RANK.get(precision, 9):
            self._used_anchor = True
            return self.anchor.day
        return self._need_ref()

    def resolve(self, expr: Expression, tense: Tense | None) -> Resolution | None:
        """The resolution of ``expr``; ``None`` when it is not a valid date (Feb 30)."""
        self._used_anchor = self._used_ref = False
        relation = _relation(expr.prep)
        try:
            if expr.kind == "duration":
                return self._duration(expr)
            value: DateValue | None = getattr(self, "_" + expr.kind)(expr, tense)
        except _NeedsReference:
            return Resolution(DateValue(None, "unresolved"), relation, None, "reference")
        except (ValueError, OverflowError):  # no such day, or out of the calendar's range
            return None
        if value is None:
            return None
        basis: Basis = (
            "anchor" if self._used_anchor else "reference" if self._used_ref else "absolute"
        )
        return Resolution(value, relation, None, basis)

    def remember(self, resolution: Resolution) -> None:
        """Make a resolved point in time the anchor for later anaphoric expressions."""
        value = resolution.value
        if value.value is None or value.precision in ("duration", "unresolved", "range"):
            return
        first = value.first_day()
        if first is not None:
            self.anchor = Anchor(first, value.precision)

    # -- kinds -------------------------------------------------------------------------
    def _duration(self, expr: Expression) -> Resolution | None:
        amount = parse_amount(expr.parts["n"])
        if amount is None or amount <= 0:
            return None
        if expr.parts.get("half"):
            amount += 0.5
        iso, days = duration_value(amount, _unit(expr.parts["u"]))
        return Resolution(DateValue(iso, "duration"), "duration", days, "absolute")

    def _iso(self, expr: Expression, tense: Tense | None) -> DateValue:
        p = expr.parts
        return DateValue(day_value(dt.date(int(p["y"]), int(p["m"]), int(p["d"]))), "day")

    def _day_month(self, expr: Expression, tense: Tense | None) -> DateValue:
        p = expr.parts
        month = _month_number(p["m"])
        day = int(p["d"].rstrip("stndrh"))
        month2 = _month_number(p["m2"]) if p.get("m2") else month
        day2 = int(p["d2"].rstrip("stndrh")) if p.get("d2") else None
        if p.get("y"):
            year = int(p["y"])
            start = dt.date(year, month, day)
        else:
            ref = self._need_ref()
            years = [ref.year - 1, ref.year, ref.year + 1]
            candidates = [dt.date(y, month, day) for y in years if _valid(y, month, day)]
            if not candidates:
                raise ValueError("no such day")
            if p.get("wd"):
                weekday = _WEEKDAY_INDEX[p["wd"].lower()]
                matching = [c for c in candidates if c.weekday() == weekday]
                candidates = matching or candidates
            start = _pick(candidates, ref, tense)
        if day2 is None:
            value = DateValue(day_value(start), "day")
        else:
            end = dt.date(start.year, month2, day2)
            if end < start:
                end = dt.date(start.year + 1, month2, day2)
            if end == start:
                value = DateValue(day_value(start), "day")
            else:
                value = DateValue(range_value(day_value(start), day_value(end)), "range")
        return value

    _md = _day_month
    _dm = _day_month

    def _mrange(self, expr: Expression, tense: Tense | None) -> DateValue:
        p = expr.parts
        m1, m2 = _month_number(p["m"]), _month_number(p["m2"])
        if p.get("y"):
            year = int(p["y"])
            y1 = year - 1 if m2 < m1 else year  # "December to February 2023"
        else:
            y1 = self._month_year(m1, None, tense)
        y2 = y1 + 1 if m2 < m1 else y1
        value = DateValue(range_value(month_value(y1, m1), month_value(y2, m2)), "range")
        return value

    def _my(self, expr: Expression, tense: Tense | None) -> DateValue:
        p = expr.parts
        return DateValue(month_value(int(p["y"]), _month_number(p["m"])), "month")

    def _month_year(self, month: int, rel: str | None, tense: Tense | None) -> int:
        ref = self._need_ref()
        here = ref.year * 12 + ref.month - 1
        options = [(y, y * 12 + month - 1) for y in (ref.year - 1, ref.year, ref.year + 1)]
        if rel in ("last", "this past"):
            return max(y for y, i in options if i < here)
        if rel in ("next", "this coming"):
            return min(y for y, i in options if i > here)
        if rel == "this":
            return ref.year
        if tense == "past":
            return max(y for y, i in options if i <= here)
        if tense == "future":
            return min(y for y, i in options if i >= here)
        return min(options, key=lambda o: (abs(o[1] - here), o[1] > here))[0]

    def _month(self, expr: Expression, tense: Tense | None) -> DateValue:
        p = expr.parts
        month = _month_number(p["m"])
        rel = " ".join(p["rel"].lower().split()) if p.get("rel") else None
        return DateValue(month_value(self._month_year(month, rel, tense), month), "month")

    def _year(self, expr: Expression, tense: Tense | None) -> DateValue:
        return DateValue(year_value(int(expr.parts["y"])), "year")

    def _yrange(self, expr: Expression, tense: Tense | None) -> DateValue | None:
        y1 = int(expr.parts["y"])
        raw = expr.parts["y2"]
        y2 = int(raw) if len(raw) == 4 else (y1 // 100) * 100 + int(raw)
        if y2 < y1 and len(raw) == 2:
            y2 += 100  # "1999-00"
        if y2 <= y1 or y2 - y1 > 100:
            return None
        return DateValue(range_value(year_value(y1), year_value(y2)), "range")

    def _decade(self, expr: Expression, tense: Tense | None) -> DateValue:
        p = expr.parts
        if p.get("dec"):
            start = int(p["dec"])
        else:
            two = int(p["dec2"])
            start = (1900 if two >= 30 else 2000) + two
        first, last = {"early": (0, 3), "mid": (3, 6), "late": (7, 9)}.get(
            (p.get("mod") or "").lower(), (0, 9)
        )
        value = range_value(year_value(start + first), year_value(start + last))
        return DateValue(value, "range")

    def _season(self, expr: Expression, tense: Tense | None) -> DateValue:
        p = expr.parts
        first, last = SEASONS[p["s"].lower()]
        rel = " ".join((p.get("rel") or "").lower().split())
        if p.get("y"):
            year = int(p["y"])
            return _season_value(year, first, last)
        ref = self._need_ref()
        here = ref.year * 12 + ref.month - 1

        def span(year: int) -> tuple[int, int]:  # month indexes of the season starting in year
            start = year * 12 + first - 1
            return start, start + (last - first) % 12

        years = range(ref.year - 2, ref.year + 2)
        current = [y for y in years if span(y)[0] <= here <= span(y)[1]]
        if rel in ("last", "this past"):
            year = max(y for y in years if span(y)[1] < here)
        elif rel in ("next", "this coming", "the coming"):
            year = min(y for y in years if span(y)[0] > here)
        elif tense == "past" and rel not in ("this",):
            year = max(y for y in years if span(y)[0] <= here)
        elif tense == "future" and rel not in ("this",):
            year = min(y for y in years if span(y)[1] >= here)
        elif current:
            year = current[0]
        else:
            year = ref.year  # "this summer" in October: the summer of this year
        return _season_value(year, first, last)

    def _relday(self, expr: Expression, tense: Tense | None) -> DateValue:
        word = " ".join(expr.parts["w"].lower().split())
        offset = {
            "yesterday": -1, "last night": -1, "tomorrow": 1, "the day before yesterday": -2,
            "the day after tomorrow": 2,
        }.get(word, 0)  # fmt: skip
        return DateValue(day_value(self._need_ref() + dt.timedelta(days=offset)), "day")

    def _relunit(self, expr: Expression, tense: Tense | None) -> DateValue | None:
        rel = " ".join(expr.parts["rel"].lower().split())
        unit = expr.parts["u"].lower()
        anaphoric = rel in ("the previous", "the following", "the next", "that", "the same",
                            "earlier that", "later that")  # fmt: skip
        step = {"last": -1, "the end of last": -1, "this past": -1, "the previous": -1,
                "next": 1, "the end of next": 1, "the coming": 1, "this coming": 1,
                "the following": 1, "the next": 1}.get(rel, 0)  # fmt: skip
        if unit == "day":
            base = self._anchor_for("day")
            if rel in ("earlier in the", "later in the") and not self._used_anchor:
                base = self._need_ref()
            return DateValue(day_value(base + dt.timedelta(days=step)), "day")
        if unit == "weekend":
            return self._weekend_value(rel, step, tense)
        base = self._anchor_for(unit) if anaphoric else self._need_ref()
        if unit == "week":
            if not anaphoric and base.weekday() == 6:
                # Sunday papers: "this week" ahead, "last week" just ending.
                if rel == "last" or rel == "the end of last":
                    step = 0
                elif rel in ("this", "later this", "later in the", "the end of this") and (
                    tense != "past"
                ):
                    step = 1
            return DateValue(week_value(base + dt.timedelta(weeks=step)), "week")
        if unit == "month":
            y, m = shift_months(base.year, base.month, step)
            return DateValue(month_value(y, m), "month")
        return DateValue(year_value(base.year + step), "year")

    def _weekend_value(self, rel: str, step: int, tense: Tense | None) -> DateValue:
        ref = self._need_ref()
        monday = _monday(ref)
        if rel in ("the", "this", "the end of the", "the end of this"):
            if tense == "past" and ref.weekday() < 5:
                monday -= dt.timedelta(weeks=1)
        else:
            monday += dt.timedelta(weeks=step)
        sat, sun = _weekend(monday)
        return DateValue(range_value(day_value(sat), day_value(sun)), "range")

    def _ago(self, expr: Expression, tense: Tense | None) -> DateValue | None:
        p = expr.parts
        amount = parse_amount(p["n"])
        if amount is None:
            return None
        if p.get("half"):
            amount += 0.5
        unit = _unit(p["u"])
        direction = " ".join(p["dir"].lower().split())
        sign = -1 if direction in ("ago", "earlier", "before") else 1
        precision = _UNIT_PRECISION[unit]
        if direction in ("ago", "from now"):
            base = self._need_ref()
        else:
            base = self._anchor_for(precision)
        if unit in ("year", "decade", "century") and amount == int(amount):
            years = int(amount) * {"year": 1, "decade": 10, "century": 100}[unit]
            day = add_years(base, sign * years)
        elif unit == "month" and amount == int(amount):
            y, m = shift_months(base.year, base.month, sign * int(amount))
            day = dt.date(y, m, min(base.day, calendar.monthrange(y, m)[1]))
        else:
            from tidings.dates.values import DAYS_PER_UNIT

            day = base + dt.timedelta(days=sign * round(amount * DAYS_PER_UNIT[unit]))
        return _at_precision(day, precision)

    def _wd(self, expr: Expression, tense: Tense | None) -> DateValue:
        p = expr.parts
        weekday = _WEEKDAY_INDEX[p["wd"].lower()]
        rel = " ".join((p.get("rel") or "").lower().split())
        if rel in ("the previous", "the following"):
            base = self._anchor_for("day")
            day = (
                on_or_before(base - dt.timedelta(days=1), weekday)
                if rel == "the previous"
                else on_or_after(base + dt.timedelta(days=1), weekday)
            )
            return DateValue(day_value(day), "day")
        ref = self._need_ref()
        if rel in ("last", "this past"):
            day = on_or_before(ref - dt.timedelta(days=1), weekday)
        elif rel in ("next", "this coming"):
            day = on_or_after(ref + dt.timedelta(days=1), weekday)
        elif expr.prep in UNTIL_PREPS - {"before"} or tense == "future":
            day = on_or_after(ref, weekday)
        else:
            day = on_or_before(ref, weekday)
        return DateValue(day_value(day), "day")


def _valid(year: int, month: int, day: int) -> bool:
    return 1 <= day <= calendar.monthrange(year, month)[1]


def _season_value(year: int, first: int, last: int) -> DateValue:
    end_year = year + 1 if last < first else year
    return DateValue(range_value(month_value(year, first), month_value(end_year, last)), "range")


def _at_precision(day: dt.date, precision: Precision) -> DateValue:
    if precision == "year":
        return DateValue(year_value(day.year), "year")
    if precision == "month":
        return DateValue(month_value(day.year, day.month), "month")
    if precision == "week":
        return DateValue(week_value(day), "week")
    return DateValue(day_value(day), "day")


__all__ = ["Anchor", "Resolution", "Resolver", "on_or_after", "on_or_before", "weekday_index"]
