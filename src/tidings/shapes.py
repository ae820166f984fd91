"""The public shape of each kind of record: article, quote, event, instance, finding.

One function per kind turns a record into a flat dict with PLOVER / POLECAT field names
(``event``, ``mode``, ``context``, ``source``, ``recipient``, ``date``,
``date_precision``, ``quad_code``, ``event_scale``, ``id`` …). Everything a user reads
comes from here: ``--json`` and JSON Lines export print these dicts, the Python API's
DataFrames are built from them, and the SQL views of the store (:mod:`tidings.store.views`)
select the same columns, in the same order, with the types and descriptions of
:data:`FIELDS` (a test holds the two to each other, row by row).

Conventions: dates are ISO strings in JSON and ``DATE`` in SQL; ``date`` is the ISO value
at its precision (``2024-10-20``, ``2024-W43``, ``2024-10``, ``2022``,
``2024-10-22/2024-10-24``) with ``first_day`` / ``last_day`` the days it covers; actor lists
are ``[{code, name}]`` in order, and the first actor of each side is also flat
(``source_code``, ``source_country``) so a query needs no list functions; the country is
the code's first three letters, as in every actor filter.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tidings.model import ActorRef, Analysis, Article, DateValue, Event, Quote, to_dict
from tidings.plover import scale_of

if TYPE_CHECKING:  # types only: the shapes sit above the timeline, which they describe
    from tidings.timeline.instances import EventInstance


@dataclass(frozen=True, slots=True)
class Field:
    """One column of a public record: its name, its DuckDB type in the SQL view, and what
    it means (the view's column comment and the README's table)."""

    name: str
    type: str
    doc: str


KINDS: tuple[str, ...] = ("articles", "quotes", "events", "instances", "findings")
ACTORS = "STRUCT(code VARCHAR, name VARCHAR)[]"
REPORTS = (
    "STRUCT(event_id VARCHAR, doc_id VARCHAR, publisher VARCHAR, published DATE, "
    "aux VARCHAR, date_text VARCHAR, text VARCHAR, sentence_start INTEGER, "
    "sentence_end INTEGER, duplicate_of VARCHAR)[]"
)


def _sides(what: str) -> tuple[Field, ...]:
    """source / recipient: the list and its first actor, flat."""
    doer = "doing it" if what == "source" else "it is done to"
    return (
        Field(what, ACTORS, f"the actors {doer}, in order, as {{code, name}}"),
        Field(f"{what}_code", "VARCHAR", f"the first {what} actor's CAMEO-style code (SRBGOV)"),
        Field(f"{what}_name", "VARCHAR", f"the first {what} actor's name"),
        Field(f"{what}_country", "VARCHAR", f"the first {what} actor's country (SRB)"),
    )


_DATE = (
    Field("date", "VARCHAR", "ISO 8601 at its precision; null when undated"),
    Field("date_precision", "VARCHAR", "day, week, month, year, range, duration or unresolved"),
    Field("first_day", "DATE", "the first day the date covers"),
    Field("last_day", "DATE", "the last day the date covers"),
)
_TYPE = (
    Field("event", "VARCHAR", "PLOVER event type (CONSULT, ASSAULT …)"),
    Field("mode", "VARCHAR", "PLOVER mode of the type (phone, visit …), or null"),
    Field("context", "VARCHAR[]", "PLOVER contexts (diplomatic, military …)"),
)
_SCALE = (
    Field("quad_code", "INTEGER", "PLOVER quad class: 1 verbal cooperation, 2 material "
          "cooperation, 3 verbal conflict, 4 material conflict"),
    Field("quad_class", "VARCHAR", "the quad class by name"),
    Field("event_scale", "DOUBLE", "the type's weight on the cooperation-conflict scale"),
)  # fmt: skip

FIELDS: dict[str, tuple[Field, ...]] = {
    "articles": (
        Field("id", "VARCHAR", "the article id: sha256 of the input's bytes"),
        Field("title", "VARCHAR", "the headline"),
        Field("credit", "VARCHAR", "the credit line (agency, source of the story)"),
        Field("byline", "VARCHAR", "the authors"),
        Field("publisher", "VARCHAR", "the outlet"),
        Field("url", "VARCHAR", "where it was published (no credentials)"),
        Field("published", "DATE", "the publication date"),
        Field("language", "VARCHAR", "ISO 639-1 language"),
        Field("paragraphs", "STRUCT(start INTEGER, \"end\" INTEGER)[]",
              "character offsets of each paragraph in body"),
        Field("furniture", "VARCHAR[]", "the input lines dropped as page furniture"),
        Field("body", "VARCHAR", "the clean text; every offset points into it"),
        Field("source", "VARCHAR", "the file, URL or file#record it was read from"),
        Field("format", "VARCHAR", "text, html, jsonl, warc or feed"),
        Field("ingested_at", "TIMESTAMP", "when it was stored (UTC)"),
    ),
    "quotes": (
        Field("id", "VARCHAR", "the quote id: DOC_ID:ORDINAL"),
        Field("doc_id", "VARCHAR", "the article (articles.id)"),
        Field("text", "VARCHAR", "the quoted words, without the quote marks"),
        Field("start", "INTEGER", "where the words start in the article body"),
        Field("end", "INTEGER", "where they end"),
        Field("speaker_code", "VARCHAR", "the speaker's CAMEO-style code"),
        Field("speaker_name", "VARCHAR", "the speaker's name"),
        Field("speaker_country", "VARCHAR", "the speaker's country"),
        Field("cue", "VARCHAR", "the verb or phrase attributing it (said, told …)"),
        Field("partial", "BOOLEAN", "a fragment inside the reporter's sentence"),
        Field("speaker_start", "INTEGER", "where the speaker is named in the body"),
        Field("speaker_end", "INTEGER", "where that name ends"),
        Field("published", "DATE", "the article's publication date"),
        Field("publisher", "VARCHAR", "the article's outlet"),
    ),
    "events": (
        Field("id", "VARCHAR", "the event id: DOC_ID:ORDINAL"),
        Field("doc_id", "VARCHAR", "the article reporting it (articles.id)"),
        *_TYPE, *_sides("source"), *_sides("recipient"), *_DATE,
        Field("date_text", "VARCHAR", "the words that dated it"),
        Field("aux", "VARCHAR", "historical, future, hypothetical or negation; null: current"),
        *_SCALE,
        Field("cameo", "VARCHAR", "the corresponding CAMEO code"),
        Field("event_text", "VARCHAR", "the word that triggered it"),
        Field("text", "VARCHAR", "the sentence stating it"),
        Field("sentence_start", "INTEGER", "where the sentence starts in the article body"),
        Field("sentence_end", "INTEGER", "where it ends"),
        Field("location", "VARCHAR", "where it happened, when the text says"),
        Field("rule", "VARCHAR", "the lexicon row or typer that coded it"),
        Field("confidence", "DOUBLE", "the event typer's probability of the type"),
        Field("published", "DATE", "the article's publication date"),
        Field("publisher", "VARCHAR", "the article's outlet"),
    ),
    "instances": (
        Field("id", "VARCHAR", "the instance id: a hash of type, actor codes and date"),
        *_TYPE, *_sides("source"), *_sides("recipient"), *_DATE,
        Field("aux", "VARCHAR", "historical when only recalled as history, else null"),
        *_SCALE,
        Field("articles", "INTEGER", "articles reporting it"),
        Field("independent_articles", "INTEGER", "of those, articles that copy no other"),
        Field("reports", REPORTS, "every report: the event (events.id), article and sentence"),
    ),
    "findings": (
        Field("id", "VARCHAR", "the finding id"),
        Field("kind", "VARCHAR", "contact_gap, first_of_type or cooperation_break"),
        Field("text", "VARCHAR", "the finding in words"),
        *_TYPE[:2], *_sides("source"), *_sides("recipient"),
        Field("date", "VARCHAR", "the instance's date, ISO 8601 at its precision"),
        Field("date_precision", "VARCHAR", "its precision"),
        Field("first_day", "DATE", "the first day the date covers"),
        Field("previous_date", "VARCHAR", "the earlier instance it is measured from"),
        Field("previous_date_precision", "VARCHAR", "its precision"),
        Field("gap_days", "INTEGER", "days since the earlier instance"),
        Field("gap_months", "INTEGER", "calendar months since the earlier instance"),
        Field("instance_id", "VARCHAR", "the instance it is about (instances.id)"),
        Field("previous_instance_id", "VARCHAR", "the earlier instance"),
        Field("doc_ids", "VARCHAR[]", "the articles reporting the instance"),
    ),
}  # fmt: skip

FINDING_KINDS: tuple[str, ...] = ("contact_gap", "first_of_type", "cooperation_break")


def names(kind: str) -> tuple[str, ...]:
    return tuple(f.name for f in FIELDS[kind])


# ---- helpers ------------------------------------------------------------------------------


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


# A stored instant as every text output writes it: ISO 8601, whole microseconds (strftime's
# form, which DuckDB's export shares, so --json and JSON Lines read the same).
TIMESTAMP_FORMAT = "%Y-%m-%dT%H:%M:%S.%f"


def timestamp_text(value: dt.datetime | None) -> str | None:
    return value.strftime(TIMESTAMP_FORMAT) if value is not None else None


def _refs(refs: Iterable[ActorRef]) -> list[dict[str, str]]:
    return [{"code": r.code, "name": r.name} for r in refs]


def country(code: str | None) -> str | None:
    """The country of a CAMEO-style code: its first three letters (SRBGOV → SRB)."""
    return code[:3] if code else None


def _side(what: str, refs: list[dict[str, str]]) -> dict[str, Any]:
    first = refs[0] if refs else {}
    code = first.get("code") or None
    return {what: refs, f"{what}_code": code, f"{what}_name": first.get("name") or None,
            f"{what}_country": country(code)}  # fmt: skip


def _scale(event: str) -> dict[str, Any]:
    scale = scale_of(event)
    return {
        "quad_code": scale.quad_code if scale else None,
        "quad_class": scale.quad_class if scale else None,
        "event_scale": scale.weight if scale else None,
    }


def day_bounds(date: DateValue | None) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day a date covers; an undated or malformed value covers none."""
    if date is None or not date.value:
        return None, None
    try:
        return date.first_day(), date.last_day()
    except (ValueError, TypeError, IndexError):
        return None, None


# ---- one function per kind ---------------------------------------------------------------


def article_record(article: Article) -> dict[str, Any]:
    """An article (a stored one carries ``source``, ``format`` and ``ingested_at``)."""
    ingested = getattr(article, "ingested_at", None)
    return {
        "id": article.doc_id, "title": article.title, "credit": article.credit,
        "byline": article.byline, "publisher": article.publisher, "url": article.url,
        "published": _iso(article.published), "language": article.language,
        "paragraphs": [{"start": p.start, "end": p.end} for p in article.paragraphs],
        "furniture": list(article.furniture), "body": article.body,
        "source": getattr(article, "source", None), "format": getattr(article, "format", None),
        "ingested_at": timestamp_text(ingested),
    }  # fmt: skip


def quote_record(quote: Quote) -> dict[str, Any]:
    """A quote (a stored one carries ``doc_id``, ``ordinal``, ``published``, ``publisher``)."""
    doc_id, ordinal = getattr(quote, "doc_id", None), getattr(quote, "ordinal", None)
    code = (quote.speaker.code or None) if quote.speaker else None
    return {
        "id": f"{doc_id}:{ordinal}" if doc_id else None, "doc_id": doc_id or None,
        "text": quote.text, "start": quote.start, "end": quote.end,
        "speaker_code": code,
        "speaker_name": (quote.speaker.name or None) if quote.speaker else None,
        "speaker_country": country(code), "cue": quote.cue, "partial": quote.partial,
        "speaker_start": quote.speaker_start, "speaker_end": quote.speaker_end,
        "published": _iso(getattr(quote, "published", None)),
        "publisher": getattr(quote, "publisher", None),
    }  # fmt: skip


def event_record(event: Event) -> dict[str, Any]:
    """A coded event (a stored one carries ``doc_id``, ``ordinal``, ``published``,
    ``publisher``)."""
    doc_id, ordinal = getattr(event, "doc_id", None), getattr(event, "ordinal", None)
    first, last = day_bounds(event.date)
    return {
        "id": f"{doc_id}:{ordinal}" if doc_id else None, "doc_id": doc_id or None,
        "event": event.event, "mode": event.mode, "context": list(event.context),
        **_side("source", _refs(event.actor)), **_side("recipient", _refs(event.recipient)),
        "date": event.date.value if event.date else None,
        "date_precision": event.date.precision if event.date else None,
        "first_day": _iso(first), "last_day": _iso(last), "date_text": event.date_text,
        "aux": event.aux, **_scale(event.event), "cameo": event.cameo,
        "event_text": event.trigger, "text": event.text,
        "sentence_start": event.sentence_start, "sentence_end": event.sentence_end,
        "location": event.location, "rule": event.rule, "confidence": event.confidence,
        "published": _iso(getattr(event, "published", None)),
        "publisher": getattr(event, "publisher", None),
    }  # fmt: skip


def instance_record(inst: EventInstance) -> dict[str, Any]:
    """An event instance: one happening with every report of it."""
    return {
        "id": inst.id, "event": inst.event, "mode": inst.mode, "context": list(inst.context),
        **_side("source", _refs(inst.actor)), **_side("recipient", _refs(inst.recipient)),
        "date": inst.date.value, "date_precision": inst.date.precision,
        "first_day": _iso(inst.first_day), "last_day": _iso(inst.last_day),
        "aux": "historical" if inst.historical_only else None, **_scale(inst.event),
        "articles": inst.articles, "independent_articles": inst.independent,
        "reports": [
            {"event_id": f"{s.doc_id}:{s.ordinal}", "doc_id": s.doc_id,
             "publisher": s.publisher, "published": _iso(s.published), "aux": s.aux,
             "date_text": s.date_text, "text": s.text, "sentence_start": s.sentence_start,
             "sentence_end": s.sentence_end, "duplicate_of": s.duplicate_of}
            for s in inst.sources
        ],
    }  # fmt: skip


def finding_record(row: Mapping[str, Any]) -> dict[str, Any]:
    """A stored finding: a row of the store's findings table (actors as JSON text)."""
    source, recipient = _ref_list(row["actor"]), _ref_list(row["recipient"])
    first = row["first_day"]
    return {
        "id": row["finding_id"], "kind": row["kind"], "text": row["text"],
        "event": row["event"], "mode": row["mode"],
        **_side("source", source), **_side("recipient", recipient),
        "date": row["date_value"], "date_precision": row["date_precision"],
        "first_day": _iso(first) if isinstance(first, dt.date) else first,
        "previous_date": row["previous_date_value"],
        "previous_date_precision": row["previous_date_precision"],
        "gap_days": row["gap_days"], "gap_months": row["gap_months"],
        "instance_id": row["instance_id"], "previous_instance_id": row["previous_instance_id"],
        "doc_ids": list(row["doc_ids"] or []),
    }  # fmt: skip


def analysis_record(analysis: Analysis, findings: list[dict[str, Any]]) -> dict[str, Any]:
    """One article with everything found in it (``tidings show --json``): the public
    records of the article, its quotes, events and findings, plus its actor mentions and
    date expressions as the model gives them."""
    article = article_record(analysis.article)
    article["source"], article["format"] = analysis.document.source, analysis.document.format
    return {
        "article": article,
        "quotes": [quote_record(q) for q in analysis.quotes],
        "events": [event_record(e) for e in analysis.events],
        "findings": findings,
        "mentions": to_dict(analysis.mentions),
        "dates": to_dict(analysis.dates),
    }


def _ref_list(raw: Any) -> list[dict[str, str]]:
    """Actor refs stored as JSON text or as a list of mappings."""
    refs = json.loads(raw) if isinstance(raw, str) else (raw or [])
    return [{"code": r["code"], "name": r["name"]} for r in refs]


def record(value: Any) -> dict[str, Any]:
    """The public record of any stored value (dicts pass through)."""
    if isinstance(value, Mapping):
        return dict(value)
    if isinstance(value, Event):
        return event_record(value)
    if isinstance(value, Quote):
        return quote_record(value)
    if isinstance(value, Article):
        return article_record(value)
    if hasattr(value, "sources") and hasattr(value, "historical_only"):
        return instance_record(value)
    raise TypeError(f"no public shape for {type(value).__name__}")
