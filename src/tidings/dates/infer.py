"""Inferring the publication date from the text itself, when no source gives it.

Method: enumerate candidate publication days and keep those every constraint the text
states agrees with; return a day only when exactly one survives.

1. Lower bound: the publication is not earlier than the latest absolute date the text
   mentions outside a future clause ("since May 2022" → on or after 2022-05-01).
2. Window: news recalls the recent past, so candidates run from that bound to the end of
   the second year after it.
3. Event day: the first bare weekday in the text that is not in a future clause ("spoke
   … on Sunday") is taken to be the publication day's weekday (news reports the day's
   events on the day). Without such a weekday nothing is inferred.
4. "this week": when the text says "this week" (not in the past tense) and gives a day or
   a range without a year ("Oct. 22 to 24") outside a past clause, one of those days must
   fall, whole, inside the week "this week" resolves to from the candidate (with the
   Sunday convention of :mod:`tidings.dates.resolve`).
5. A full date written with its weekday ("Friday, Sept. 27, 2019") that is the latest
   absolute date and has the event-day weekday is the publication day (the wire-photo
   caption convention); a day without a year but with a weekday ("Tuesday, Oct. 22")
   must fall on that weekday.

Anniversaries ("80th anniversary of the liberation of Belgrade") are not used: they need
knowledge of the commemorated event. With only (1)-(3) many Sundays remain, so nothing
is returned: the function prefers no answer to a guess.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from tidings.dates.expressions import Expression, find_expressions
from tidings.dates.filters import is_date
from tidings.dates.resolve import Resolver, weekday_index
from tidings.dates.tense import Tense, tense_at
from tidings.model import DateValue

WINDOW_YEARS = 2
_YEARLESS_DAY_KINDS = frozenset({"md", "dm"})


def _doc_of(doc_or_text: Doc | str) -> Doc:
    if isinstance(doc_or_text, Doc):
        return doc_or_text
    from tidings.nlp import load_nlp  # only when given raw text

    return load_nlp()(doc_or_text)


def _value(expr: Expression, ref: dt.date | None, tense: Tense | None) -> DateValue | None:
    resolution = Resolver(ref).resolve(expr, tense)
    return resolution.value if resolution is not None else None


def _inside(value: DateValue, week: DateValue) -> bool:
    first, last = value.first_day(), value.last_day()
    w_first, w_last = week.first_day(), week.last_day()
    if None in (first, last, w_first, w_last):
        return False
    return w_first <= first and last <= w_last  # type: ignore[operator]


def infer_published(
    doc_or_text: Doc | str, expressions: list[Expression] | None = None
) -> dt.date | None:
    """The publication date the text alone fixes, or ``None`` when it does not fix one.

    ``expressions`` are the doc's confirmed date expressions
    (:func:`tidings.dates.candidate_expressions`) when the caller has already found them:
    they are not looked for again."""
    doc = _doc_of(doc_or_text)
    if expressions is None:
        text = doc.text  # spaCy rebuilds it on each access
        exprs = [e for e in find_expressions(text) if is_date(e, doc, text)]
    else:
        exprs = list(expressions)
    tenses = {id(e): tense_at(doc, e.core_start, e.end) for e in exprs}

    lower: dt.date | None = None
    latest_weekday_dated: tuple[dt.date, int] | None = None
    for e in exprs:
        if e.kind == "duration" or tenses[id(e)] == "future":
            continue
        value = _value(e, None, tenses[id(e)])
        if value is None or value.value is None:
            continue
        first = value.first_day()
        if first is not None and (lower is None or first > lower):
            lower = first
            latest_weekday_dated = None
            if e.kind in _YEARLESS_DAY_KINDS and e.parts.get("wd") and e.parts.get("y"):
                latest_weekday_dated = (first, first.weekday())
    if lower is None:
        return None

    event_weekday = next(
        (
            weekday_index(e.parts["wd"])
            for e in exprs
            if e.kind == "wd" and not e.parts.get("rel") and tenses[id(e)] != "future"
            and e.prep not in ("by", "until", "till", "since")
        ),
        None,
    )  # fmt: skip
    if event_weekday is None:
        return None

    this_weeks = [
        e for e in exprs
        if e.kind == "relunit" and e.parts["rel"].lower() == "this"
        and e.parts["u"].lower() == "week" and tenses[id(e)] != "past"
    ]  # fmt: skip
    yearless = [
        e for e in exprs
        if e.kind in _YEARLESS_DAY_KINDS and not e.parts.get("y") and tenses[id(e)] != "past"
    ]  # fmt: skip
    weekday_days = [e for e in exprs if e.kind in _YEARLESS_DAY_KINDS and e.parts.get("wd")]

    end = dt.date(lower.year + WINDOW_YEARS, 12, 31)
    day = lower + dt.timedelta(days=(event_weekday - lower.weekday()) % 7)
    survivors: list[dt.date] = []
    while day <= end:
        if _agrees(day, this_weeks, yearless, weekday_days, tenses):
            survivors.append(day)
            if len(survivors) > 1 and latest_weekday_dated is None:
                break
        day += dt.timedelta(weeks=1)
    if latest_weekday_dated is not None:
        dated, weekday = latest_weekday_dated
        if weekday == event_weekday and dated in survivors:
            return dated
    return survivors[0] if len(survivors) == 1 and (this_weeks and yearless) else None


def _agrees(
    day: dt.date,
    this_weeks: list[Expression],
    yearless: list[Expression],
    weekday_days: list[Expression],
    tenses: dict[int, Tense | None],
) -> bool:
    for e in weekday_days:
        value = _value(e, day, tenses[id(e)])
        first = value.first_day() if value is not None else None
        if first is None or first.weekday() != weekday_index(e.parts["wd"]):
            return False
    if this_weeks and yearless:
        week = _value(this_weeks[0], day, tenses[id(this_weeks[0])])
        if week is None:
            return False
        values = [_value(e, day, tenses[id(e)]) for e in yearless]
        if not any(v is not None and _inside(v, week) for v in values):
            return False
    return True


__all__ = ["infer_published"]
