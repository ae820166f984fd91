"""Analysed articles → rows of the Parquet tables ``tidings spark`` writes.

One function, :func:`analysis_rows`, decides what a row holds, from the records every
export shares: events as :func:`tidings.plover.event_record` (PLOVER's field names),
quotes and articles as :func:`tidings.model.to_dict` with the flat speaker columns of
``tidings export``. Beside them, an article row keeps its whole analysis as JSON
(:func:`tidings.store.load.analysis_json`) so that ``tidings load`` stores exactly what
``tidings ingest`` would, and every row keeps where its input was read
(``input_file``, ``input_record``) so that a load replays the inputs in their order.

Pure Python (no pyspark import): the column types below are Spark DDL strings, so the
rows can be built and checked without a JVM.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from tidings.errors import StageError, TidingsError
from tidings.model import Analysis, to_dict
from tidings.plover import event_record
from tidings.store.load import ARTICLES, ERRORS, EVENTS, QUOTES, analysis_json
from tidings.store.rows import day_bounds

UNDATED = "undated"  # the month partition of articles without a publication date
PARTITION_COLUMN = "month"

_ORDER = [("input_file", "bigint"), ("input_record", "bigint")]
_REFS = "array<struct<code:string,name:string>>"

COLUMNS: dict[str, list[tuple[str, str]]] = {
    ARTICLES: [
        ("doc_id", "string"), ("title", "string"), ("credit", "string"), ("byline", "string"),
        ("publisher", "string"), ("url", "string"), ("published", "date"),
        ("language", "string"), ("body", "string"),
        ("paragraphs", "array<struct<start:int,end:int>>"), ("furniture", "array<string>"),
        ("source", "string"), ("format", "string"), ("analysis", "string"), *_ORDER,
        (PARTITION_COLUMN, "string"),
    ],
    QUOTES: [
        ("doc_id", "string"), ("ordinal", "int"), ("text", "string"), ("start", "int"),
        ("end", "int"), ("speaker_code", "string"), ("speaker_name", "string"),
        ("cue", "string"), ("partial", "boolean"), ("speaker_start", "int"),
        ("speaker_end", "int"), ("published", "date"), ("publisher", "string"), *_ORDER,
        (PARTITION_COLUMN, "string"),
    ],
    EVENTS: [
        ("id", "string"), ("doc_id", "string"), ("ordinal", "int"), ("event", "string"),
        ("mode", "string"), ("context", "array<string>"), ("source", _REFS),
        ("recipient", _REFS), ("source_codes", "array<string>"),
        ("recipient_codes", "array<string>"), ("date", "string"),
        ("date_precision", "string"), ("first_day", "date"), ("last_day", "date"),
        ("date_text", "string"), ("aux", "string"), ("quad_code", "int"),
        ("event_scale", "double"), ("cameo", "string"), ("event_text", "string"),
        ("text", "string"), ("sentence_start", "int"), ("sentence_end", "int"),
        ("location", "string"), ("rule", "string"), ("confidence", "double"),
        ("published", "date"), ("publisher", "string"), *_ORDER, (PARTITION_COLUMN, "string"),
    ],
    ERRORS: [("source", "string"), ("cause", "string"), ("code", "string"), ("stage", "string"),
             *_ORDER],
}  # fmt: skip


def ddl(table: str) -> str:
    """The Spark schema of ``table`` as a DDL string."""
    return ", ".join(f"`{name}` {kind}" for name, kind in COLUMNS[table])


def month_of(published: dt.date | None) -> str:
    """The partition an article goes to: ``YYYY-MM`` of its publication, or ``undated``."""
    return f"{published.year:04d}-{published.month:02d}" if published else UNDATED


def analysis_rows(
    analysis: Analysis, input_file: int, input_record: int
) -> dict[str, list[dict[str, Any]]]:
    """One analysed article as rows of the articles, quotes and events tables."""
    doc, art = analysis.document, analysis.article
    doc_id = art.doc_id
    where = {"published": art.published, "publisher": art.publisher,
             "input_file": input_file, "input_record": input_record,
             PARTITION_COLUMN: month_of(art.published)}  # fmt: skip
    article = to_dict(art)
    article.update(where, source=doc.source, format=doc.format,
                   analysis=analysis_json(analysis))  # fmt: skip
    quotes = []
    for n, quote in enumerate(analysis.quotes):
        row = to_dict(quote)
        speaker = row.pop("speaker") or {}
        row.update(doc_id=doc_id, ordinal=n, speaker_code=speaker.get("code"),
                   speaker_name=speaker.get("name"), **where)  # fmt: skip
        quotes.append(row)
    events = []
    for n, event in enumerate(analysis.events):
        row = event_record(event, id=f"{doc_id}:{n}", doc_id=doc_id, ordinal=n)
        first, last = day_bounds(event.date)
        row.update(source_codes=[r.code for r in event.actor],
                   recipient_codes=[r.code for r in event.recipient],
                   first_day=first, last_day=last, **where)  # fmt: skip
        events.append(row)
    return {ARTICLES: [article], QUOTES: quotes, EVENTS: events}


def error_row(error: TidingsError, input_file: int, input_record: int) -> dict[str, Any]:
    """A row of the errors table: the source and cause of one input that failed."""
    return {
        "source": error.source, "cause": error.message, "code": error.code,
        "stage": error.stage if isinstance(error, StageError) else None,
        "input_file": input_file, "input_record": input_record,
    }  # fmt: skip


def as_tuple(table: str, row: dict[str, Any]) -> tuple[Any, ...]:
    """``row`` in the column order of ``table``; a row with other columns than the table's
    is a bug in :func:`analysis_rows` and fails here, naming them."""
    names = [name for name, _ in COLUMNS[table]]
    if row.keys() != set(names):
        extra, missing = sorted(row.keys() - set(names)), sorted(set(names) - row.keys())
        raise ValueError(f"{table} row does not fit its columns: extra {extra}, "
                         f"missing {missing}")  # fmt: skip
    return tuple(row[name] for name in names)
