"""The monthly row of a dyad timeline as a plain dict (the other records' shapes are in
:mod:`tidings.shapes`): counts of instances by PLOVER quad class and the month's score."""

from __future__ import annotations

from typing import Any

from tidings.plover import QUAD_CLASSES
from tidings.timeline.dyads import MonthRow


def month_record(row: MonthRow) -> dict[str, Any]:
    return {"month": row.month, **{q: row.counts.get(q, 0) for q in QUAD_CLASSES},
            "events": row.events, "score": row.score}  # fmt: skip
