"""Every record the web shows, as the JSON fields the REST API returns and pages read.

This is the one module that turns records into fields: the routes, the pages, the chart
and the downloads all take its dicts. Field names are the CLI's ``--json`` names (PLOVER's
``event``, ``mode``, ``context``, ``source``, ``recipient``, ``date`` + ``date_precision``
for events and instances), so the three interfaces give the same record the same way.
When the library grows one shape function per kind, the bodies below become calls to it.
"""

from __future__ import annotations

import json
from typing import Any

from tidings.model import (
    ActorMention,
    Analysis,
    Article,
    DateMention,
    Event,
    to_dict,
)
from tidings.plover import event_record
from tidings.store.records import StoredEvent, StoredQuote
from tidings.timeline.dyads import MonthRow
from tidings.timeline.instances import EventInstance
from tidings.timeline.plover import instance_record, month_record

Record = dict[str, Any]


def event(e: Event) -> Record:
    """An event with PLOVER field names, as ``tidings events --json`` prints it."""
    return e.plover() if isinstance(e, StoredEvent) else event_record(e)


def quote(q: StoredQuote) -> Record:
    """A quote with its speaker (``{code, name}`` or null) and where it was stored."""
    record: Record = {"id": f"{q.doc_id}:{q.ordinal}"}
    record.update(to_dict(q))
    return record


def article_summary(a: Article) -> Record:
    """An article without its body: what lists and search results show."""
    return {
        "doc_id": a.doc_id, "title": a.title, "publisher": a.publisher,
        "published": a.published.isoformat() if a.published else None, "url": a.url,
        "credit": a.credit, "byline": a.byline, "language": a.language,
        "paragraphs": len(a.paragraphs), "furniture": len(a.furniture),
    }  # fmt: skip


def date_mention(d: DateMention) -> Record:
    return dict(to_dict(d))


def mention(m: ActorMention) -> Record:
    return dict(to_dict(m))


def article(analysis: Analysis, findings: list[Record]) -> Record:
    """One article in full: metadata, body and paragraph offsets, the furniture dropped
    from it, and its quotes, dates, events (with sentence offsets), mentions, findings."""
    a = analysis.article
    record = article_summary(a)
    record.update({
        "source": analysis.document.source, "format": analysis.document.format,
        "body": a.body, "paragraphs": [{"start": p.start, "end": p.end} for p in a.paragraphs],
        "furniture": list(a.furniture),
        "quotes": [quote(q) for q in analysis.quotes],  # type: ignore[arg-type]
        "events": [event(e) for e in analysis.events],
        "dates": [date_mention(d) for d in analysis.dates],
        "mentions": [mention(m) for m in analysis.mentions],
        "findings": findings,
    })  # fmt: skip
    return record


def instance(i: EventInstance) -> Record:
    """A dyad's event instance with its reports (article and sentence of each)."""
    return instance_record(i)


def month(m: MonthRow) -> Record:
    """A month of a dyad: instance counts per quad class, ``events`` and ``score``."""
    return month_record(m)


def finding(f: Record) -> Record:
    """A finding as :meth:`tidings.api.Tidings.findings` gives it (already PLOVER-named)."""
    return f


def duplicate(d: Record) -> Record:
    return d


def flat(record: Record) -> Record:
    """One row for CSV: nested values (actor lists, reports) as JSON text."""
    return {
        k: json.dumps(v, ensure_ascii=False, default=str) if isinstance(v, list | dict) else v
        for k, v in record.items()
    }


def refs_text(refs: list[Record] | None) -> str:
    """``Aleksandar Vucic (SRBGOV), Vladimir Putin (RUSGOV)`` for lists of actor refs."""
    return ", ".join(f"{r['name']} ({r['code']})" if r.get("name") else r["code"]
                     for r in refs or []) or "—"  # fmt: skip


__all__ = [
    "article", "article_summary", "date_mention", "duplicate", "event", "finding", "flat",
    "instance", "mention", "month", "quote", "refs_text",
]  # fmt: skip
