"""The comparison rules of the gold README, each as a small pure function.

Tokens
    A text's tokens are its runs of Unicode word characters (``\\w+``) after lower-casing
    (``str.lower``). Punctuation, quote marks and whitespace are never tokens, so
    ``"Vucic's"`` gives ``vucic`` and ``s``. Texts are compared as *bags* (multisets) of
    tokens: order does not matter, repetitions do. This is the rule of the Zyte and WCXB
    extraction benchmarks; on ``../shared/gold/dumps`` it reproduces the README's 0.885
    body F1 for "keep every line".

Lines
    Furniture lines are compared as whole lines after collapsing runs of whitespace
    (including no-break spaces) to one space, trimming, and lower-casing.

Names
    Two person or body names agree when their last tokens (the surname; accents removed
    with NFKD) are equal, so "Vucic", "Aleksandar Vucic" and "President Vučić" agree,
    and "The Kremlin" agrees with "Kremlin".

Dates
    A gold date is ISO 8601 at the precision the text supports: a day ``2024-10-20``, a
    week ``2024-W43``, a month ``2024-10``, a year ``2024``, a range ``a/b``, or (for
    durations in ``dates``) a period such as ``P2Y6M``. A predicted value matches *at the
    gold's precision* when the first and last days it covers, taken to that precision,
    both give the gold value (a predicted day 2022-05-15 matches gold ``2022-05``; a
    predicted year 2022 does not). A gold range matches when the first and last days are
    equal. A gold ``null`` matches only a prediction without a value.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from collections import Counter

from tidings.model import DateValue

TOKEN = re.compile(r"\w+")
SPACES = re.compile(r"\s+")
NEWLINE = re.compile(r"\r\n|\n|\r")  # not str.splitlines: U+2028 and kin stay inside a line
ISO_DURATION = re.compile(
    r"^P(?:(?P<y>\d+(?:\.\d+)?)Y)?(?:(?P<m>\d+(?:\.\d+)?)M)?(?:(?P<w>\d+(?:\.\d+)?)W)?"
    r"(?:(?P<d>\d+(?:\.\d+)?)D)?$"
)
DURATION_TOLERANCE = 0.05  # a predicted length within 5% of the gold period matches


def tokens(text: str | None) -> list[str]:
    """The tokens of a text under the rule in the module docstring."""
    return TOKEN.findall((text or "").lower())


def bag(text: str | None) -> Counter[str]:
    return Counter(tokens(text))


def token_f1(gold: str | None, predicted: str | None) -> float:
    """Bag-of-words F1 of one text against its gold; 1.0 when both have no tokens."""
    g, p = bag(gold), bag(predicted)
    common = sum((g & p).values())
    if not common:
        return 1.0 if not g and not p else 0.0
    precision = common / sum(p.values())
    recall = common / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def gold_coverage(gold: str | None, predicted: str | None) -> float:
    """Share of the gold's tokens (as a bag) that the prediction also has."""
    g = bag(gold)
    if not g:
        return 0.0
    return sum((g & bag(predicted)).values()) / sum(g.values())


def normal_line(line: str) -> str:
    return SPACES.sub(" ", line).strip().lower()


def body_lines(body: str) -> set[str]:
    """The body's non-empty lines, normalised for comparison with furniture lines."""
    return {n for n in (normal_line(x) for x in NEWLINE.split(body)) if n}


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def surname(name: str | None) -> str | None:
    words = tokens(_plain(name or ""))
    return words[-1] if words else None


def names_agree(gold: str | None, predicted: str | None) -> bool:
    g, p = surname(gold), surname(predicted)
    return g is not None and g == p


def titles_equal(gold: str | None, predicted: str | None) -> bool:
    """Exact title match, up to surrounding and repeated whitespace."""
    if not gold or not predicted:
        return False
    return SPACES.sub(" ", gold).strip() == SPACES.sub(" ", predicted).strip()


# --- dates ------------------------------------------------------------------------------


def gold_precision(value: str) -> str:
    """``day``, ``week``, ``month``, ``year``, ``range`` or ``duration`` of a gold value."""
    if value.startswith("P"):
        return "duration"
    if "/" in value:
        return "range"
    if "-W" in value:
        return "week"
    return {1: "year", 2: "month"}.get(len(value.split("-")), "day")


def _at(day: dt.date, precision: str) -> str:
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if precision == "week":
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}"
    return day.isoformat()


def _bounds(value: str) -> tuple[dt.date, dt.date]:
    # Own parser rather than the dates stage's: the scorer must not move when the stage does.
    if "/" in value:
        start, end = value.split("/", 1)
        return _bounds(start)[0], _bounds(end)[1]
    if "-W" in value:
        iso_year, iso_week = value.split("-W", 1)
        monday = dt.date.fromisocalendar(int(iso_year), int(iso_week), 1)
        return monday, monday + dt.timedelta(days=6)
    parts = value.split("-")
    if len(parts) == 1:
        return dt.date(int(parts[0]), 1, 1), dt.date(int(parts[0]), 12, 31)
    if len(parts) == 2:
        year, month = int(parts[0]), int(parts[1])
        last = calendar.monthrange(year, month)[1]
        return dt.date(year, month, 1), dt.date(year, month, last)
    day = dt.date.fromisoformat(value[:10])
    return day, day


def span_of(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day an ISO value covers, or None if it is not a calendar value."""
    if not value or value.startswith("P"):
        return None
    try:
        return _bounds(value.strip())
    except (ValueError, TypeError):
        return None


def date_matches(gold_value: str | None, predicted: DateValue | None) -> bool:
    """Whether a predicted date equals the gold value at the gold's precision."""
    pred_value = predicted.value if predicted is not None else None
    if gold_value is None:
        return pred_value is None
    span = span_of(pred_value)
    if span is None:
        return False
    precision = gold_precision(gold_value)
    if precision == "range":
        return span == span_of(gold_value)
    if precision == "duration":
        return False
    first, last = (_at(day, precision) for day in span)
    return first == last == gold_value


def duration_days(value: str) -> float | None:
    """Nominal length in days of an ISO 8601 period (a year 365.25 days, a month 30.44)."""
    m = ISO_DURATION.match(value)
    if not m or not any(m.groupdict().values()):
        return None
    part = {k: float(v) if v else 0.0 for k, v in m.groupdict().items()}
    return part["y"] * 365.25 + part["m"] * 30.44 + part["w"] * 7 + part["d"]


def date_value_equal(
    gold_value: str, predicted: DateValue, predicted_days: float | None = None
) -> bool:
    """Exact value match for a gold date expression.

    Calendar values are equal when they are the same string or cover the same first and
    last day (``2024-W43`` equals ``2024-10-21/2024-10-27``). A gold period (``P2Y6M``)
    matches the same period string, or a predicted length in days within 5% of it.
    """
    pred_value = predicted.value
    if pred_value is not None and pred_value.upper() == gold_value.upper():
        return True
    if gold_precision(gold_value) == "duration":
        gold_days = duration_days(gold_value)
        pred_days = predicted_days
        if pred_days is None and pred_value and pred_value.startswith("P"):
            pred_days = duration_days(pred_value)
        if gold_days is None or pred_days is None:
            return False
        return abs(pred_days - gold_days) <= DURATION_TOLERANCE * gold_days
    gold_span = span_of(gold_value)
    return gold_span is not None and gold_span == span_of(pred_value)
