"""The dyad chart's geometry: months as columns, drawn server-side as SVG (no script).

Three bands share the month axis, every month from the dyad's first to its last shown
(so a silence of two years is two years of empty columns):

* counts: instances per month stacked by PLOVER quad class;
* score: the month's cooperation–conflict score (summed event weights), above or below
  the zero line;
* events: one mark per instance at its first day, coloured by quad class, linking to the
  instance's entry (its sources and sentences) in the list under the chart.

The template (``timeline.html``) draws these numbers; all text in it is escaped there.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tidings.plover import QUAD_CLASSES
from tidings.web.text import Record

WIDTH = 960
LEFT, RIGHT = 56, 16
COUNTS_TOP, COUNTS_HEIGHT = 16, 150
SCORE_TOP, SCORE_HEIGHT = 190, 90
MARKS_TOP, MARK_ROW = 300, 14
MAX_LABELS = 14


@dataclass(slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    css: str
    month: str
    title: str
    href: str


@dataclass(slots=True)
class Mark:
    x: float
    y: float
    css: str
    month: str
    title: str
    href: str
    instance_id: str


@dataclass(slots=True)
class Label:
    x: float
    text: str


@dataclass(slots=True)
class Chart:
    width: int
    height: int
    bars: list[Bar] = field(default_factory=list)
    scores: list[Bar] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    count_ticks: list[tuple[float, int]] = field(default_factory=list)
    score_ticks: list[tuple[float, str]] = field(default_factory=list)
    zero_y: float = 0.0
    plot_left: float = LEFT
    plot_right: float = WIDTH - RIGHT


def _month_index(month: str) -> int:
    year, mon = month.split("-")[:2]
    return int(year) * 12 + int(mon) - 1


def _month_name(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _days_in(index: int) -> int:
    year, mon = index // 12, index % 12 + 1
    nxt = dt.date(year + (mon == 12), mon % 12 + 1, 1)
    return (nxt - dt.date(year, mon, 1)).days


def build(months: list[Record], instances: list[Record]) -> Chart | None:
    """The chart of a dyad's month records and instance records (:mod:`shapes`)."""
    if not months:
        return None
    first = _month_index(months[0]["month"])
    last = _month_index(months[-1]["month"])
    span = last - first + 1
    plot = WIDTH - LEFT - RIGHT
    step = plot / span
    bar_w = max(1.0, step * 0.8)

    def x_of(index: int) -> float:
        return LEFT + (index - first) * step

    chart = Chart(width=WIDTH, height=MARKS_TOP + MARK_ROW)
    y: float
    top_count = max(1, max(m["events"] for m in months))
    top_score = max(1.0, max(abs(m["score"]) for m in months))
    chart.zero_y = SCORE_TOP + SCORE_HEIGHT / 2
    for m in months:
        index = _month_index(m["month"])
        y = COUNTS_TOP + COUNTS_HEIGHT
        for quad in QUAD_CLASSES:
            n = m.get(quad, 0)
            if not n:
                continue
            h = COUNTS_HEIGHT * n / top_count
            y -= h
            chart.bars.append(Bar(x_of(index), y, bar_w, h, quad, m["month"],
                                  f"{m['month']}: {n} {quad.replace('_', ' ')}",
                                  f"#m-{m['month']}"))  # fmt: skip
        h = (SCORE_HEIGHT / 2) * abs(m["score"]) / top_score
        y = chart.zero_y - h if m["score"] >= 0 else chart.zero_y
        css = "score-up" if m["score"] >= 0 else "score-down"
        title = f"{m['month']}: score {m['score']:g}"
        chart.scores.append(
            Bar(x_of(index), y, bar_w, max(h, 0.5), css, m["month"], title, f"#m-{m['month']}")
        )
    stacked: dict[tuple[int, int], int] = {}
    for inst in instances:
        day = first_day(inst)
        index = day.year * 12 + day.month - 1
        x = x_of(index) + step * (day.day - 0.5) / _days_in(index)
        column = (index, round(x))
        row = stacked.get(column, 0)
        stacked[column] = row + 1
        chart.height = max(chart.height, MARKS_TOP + (row + 1) * MARK_ROW)
        kind = inst["event"] + (f"/{inst['mode']}" if inst.get("mode") else "")
        y = MARKS_TOP + row * MARK_ROW + MARK_ROW / 2
        css = inst.get("quad_class") or "unscaled"
        title = f"{inst['date']} {kind}"
        chart.marks.append(
            Mark(x, y, css, _month_name(index), title, f"#i-{inst['id']}", inst["id"])
        )
    chart.height += 24  # month labels
    every = max(1, -(-span // MAX_LABELS))
    shown = {i for i in range(first, last + 1) if (i - first) % every == 0}
    if last - max(shown) >= max(1, every // 2):  # the latest month is labelled too
        shown.add(last)
    chart.labels = [Label(x_of(i) + step / 2, _month_name(i)) for i in sorted(shown)]
    chart.count_ticks = [(COUNTS_TOP + COUNTS_HEIGHT * (1 - v / top_count), v)
                         for v in sorted({0, top_count})]  # fmt: skip
    chart.score_ticks = [(SCORE_TOP, f"+{top_score:g}"), (chart.zero_y, "0"),
                         (SCORE_TOP + SCORE_HEIGHT, f"-{top_score:g}")]  # fmt: skip
    return chart


def first_day(inst: Record) -> dt.date:
    """The first day an instance record's date covers."""
    value = str(inst["date"]).split("/")[0]
    if "W" in value:
        year, week = value.split("-W")
        return dt.date.fromisocalendar(int(year), int(week), 1)
    parts = value.split("-")
    return dt.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1,
                   int(parts[2]) if len(parts) > 2 else 1)  # fmt: skip
