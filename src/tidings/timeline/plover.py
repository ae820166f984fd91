"""Timeline records as plain dicts with PLOVER field names, for JSON Lines and frames.

PLOVER's event record names the sides ``source`` and ``recipient``, the type ``event``
with its ``mode`` and ``context``, the class ``quad_code`` and the weight ``event_scale``;
dates are ISO strings with ``date_precision`` beside them. The article reports of an
instance are under ``reports`` (PLOVER has no field for them).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from tidings.model import ActorRef
from tidings.plover import QUAD_CLASSES, scale_of
from tidings.timeline.dyads import MonthRow
from tidings.timeline.instances import EventInstance


def _refs(refs: list[ActorRef]) -> list[dict[str, str]]:
    return [{"code": r.code, "name": r.name} for r in refs]


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def instance_record(inst: EventInstance) -> dict[str, Any]:
    scale = scale_of(inst.event)
    return {
        "record": "instance", "id": inst.id, "event": inst.event, "mode": inst.mode,
        "context": inst.context, "quad_code": scale.quad_code if scale else None,
        "quad_class": scale.quad_class if scale else None,
        "event_scale": scale.weight if scale else None,
        "source": _refs(inst.actor), "recipient": _refs(inst.recipient),
        "date": inst.date.value, "date_precision": inst.date.precision,
        "aux": "historical" if inst.historical_only else None,
        "articles": inst.articles, "independent_articles": inst.independent,
        "reports": [
            {"doc_id": s.doc_id, "publisher": s.publisher, "published": _iso(s.published),
             "aux": s.aux, "date_text": s.date_text, "text": s.text,
             "sentence_start": s.sentence_start, "sentence_end": s.sentence_end,
             "duplicate_of": s.duplicate_of}
            for s in inst.sources
        ],
    }  # fmt: skip


def month_record(row: MonthRow) -> dict[str, Any]:
    return {"record": "month", "month": row.month,
            **{q: row.counts.get(q, 0) for q in QUAD_CLASSES},
            "events": row.events, "score": row.score}  # fmt: skip


def finding_record(row: dict[str, Any]) -> dict[str, Any]:
    """A stored finding row → its PLOVER-named record."""
    return {
        "record": "finding", "id": row["finding_id"], "kind": row["kind"],
        "text": row["text"], "event": row["event"], "mode": row["mode"],
        "source": json.loads(row["actor"] or "[]"),
        "recipient": json.loads(row["recipient"] or "[]"),
        "date": row["date_value"], "date_precision": row["date_precision"],
        "previous_date": row["previous_date_value"],
        "previous_date_precision": row["previous_date_precision"],
        "gap_days": row["gap_days"], "gap_months": row["gap_months"],
        "instance_id": row["instance_id"], "previous_instance_id": row["previous_instance_id"],
        "doc_ids": list(row["doc_ids"] or []),
    }  # fmt: skip
