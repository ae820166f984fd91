"""Analysed articles → rows of the Parquet tables ``tidings spark`` writes.

The ``articles``, ``quotes`` and ``events`` tables hold the public records of
:mod:`tidings.shapes`: the fields of ``tidings export --format parquet``, in its order and
with its types, made by the same functions (:func:`~tidings.shapes.article_record` and
the others) from the records the store would give back after a load. ``ingested_at`` is
null: nothing is stored yet (``tidings load`` stores it).

Beside those fields, only what ``tidings load`` needs: an article row keeps its whole
analysis as JSON (``analysis``, :func:`tidings.store.load.analysis_json`), so that a load
stores exactly what ``tidings ingest`` would, and where its input was read
(``input_file``, ``input_record``), so that a load replays the inputs in their order.
Every table is partitioned by ``month`` of publication (a folder, not a column of the
files).

Pure Python (no pyspark import): the column types are Spark DDL strings, derived from the
SQL types of :data:`tidings.shapes.FIELDS`, so the rows can be built and checked without
a JVM.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from tidings.errors import StageError, TidingsError
from tidings.model import Analysis
from tidings.shapes import FIELDS, article_record, event_record, quote_record
from tidings.store.load import ARTICLES, ERRORS, EVENTS, QUOTES, analysis_json
from tidings.store.records import StoredArticle, StoredEvent, StoredQuote

UNDATED = "undated"  # the month partition of articles without a publication date
PARTITION_COLUMN = "month"

# The SQL types of the public fields as Spark types: the Parquet types DuckDB's export
# writes for them (TIMESTAMP without a time zone is Spark's timestamp_ntz).
_SCALARS = {"VARCHAR": "string", "INTEGER": "int", "DOUBLE": "double", "BOOLEAN": "boolean",
            "DATE": "date", "TIMESTAMP": "timestamp_ntz"}  # fmt: skip


def spark_type(sql: str) -> str:
    """A DuckDB type of :data:`tidings.shapes.FIELDS` as a Spark DDL type:
    ``STRUCT(code VARCHAR, name VARCHAR)[]`` → ``array<struct<`code`:string,`name`:string>>``."""
    sql = sql.strip()
    if sql.endswith("[]"):
        return f"array<{spark_type(sql[:-2])}>"
    if sql.startswith("STRUCT(") and sql.endswith(")"):
        members = []
        for member in _top_level_split(sql[len("STRUCT(") : -1]):
            name, kind = member.strip().split(" ", 1)
            members.append(f"`{name.strip(chr(34))}`:{spark_type(kind)}")
        return f"struct<{','.join(members)}>"
    return _SCALARS[sql]


def _top_level_split(text: str) -> list[str]:
    """``text`` split at the commas outside parentheses."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


_ORDER = [("input_file", "bigint"), ("input_record", "bigint")]
# What ``tidings load`` needs beside each table's public fields.
LOAD_COLUMNS: dict[str, list[tuple[str, str]]] = {
    ARTICLES: [("analysis", "string"), *_ORDER],
    QUOTES: [],
    EVENTS: [],
}
PUBLIC_TABLES: tuple[str, ...] = (ARTICLES, QUOTES, EVENTS)

COLUMNS: dict[str, list[tuple[str, str]]] = {
    **{
        table: [(f.name, spark_type(f.type)) for f in FIELDS[table]]
        + LOAD_COLUMNS[table]
        + [(PARTITION_COLUMN, "string")]
        for table in PUBLIC_TABLES
    },
    ERRORS: [("source", "string"), ("cause", "string"), ("code", "string"), ("stage", "string"),
             *_ORDER],
}  # fmt: skip


def ddl(table: str) -> str:
    """The Spark schema of ``table`` as a DDL string."""
    return ", ".join(f"`{name}` {kind}" for name, kind in COLUMNS[table])


def month_of(published: dt.date | None) -> str:
    """The partition an article goes to: ``YYYY-MM`` of its publication, or ``undated``."""
    return f"{published.year:04d}-{published.month:02d}" if published else UNDATED


def typed(table: str, record: dict[str, Any]) -> dict[str, Any]:
    """A public record (JSON-ready: dates as ISO text) with the Python values of its
    column types, as Spark takes them: dates and times as such, doubles as floats."""
    out = dict(record)
    for f in FIELDS[table]:
        value = out[f.name]
        if value is None:
            continue
        if f.type == "DATE" and isinstance(value, str):
            out[f.name] = dt.date.fromisoformat(value)
        elif f.type == "TIMESTAMP" and isinstance(value, str):
            out[f.name] = dt.datetime.fromisoformat(value)
        elif f.type == "DOUBLE":
            out[f.name] = float(value)
    return out


def _values(record: Any) -> dict[str, Any]:
    return {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}


def analysis_rows(
    analysis: Analysis, input_file: int, input_record: int
) -> dict[str, list[dict[str, Any]]]:
    """One analysed article as rows of the articles, quotes and events tables: each the
    public record of what the store holds once it is loaded, plus the load's columns."""
    doc, art = analysis.document, analysis.article
    month = {PARTITION_COLUMN: month_of(art.published)}
    stored = StoredArticle(**_values(art), source=doc.source, format=doc.format)
    article = {
        **typed(ARTICLES, article_record(stored)),
        "analysis": analysis_json(analysis), "input_file": input_file,
        "input_record": input_record, **month,
    }  # fmt: skip
    where: dict[str, Any] = {
        "doc_id": art.doc_id,
        "published": art.published,
        "publisher": art.publisher,
    }
    quotes = [
        {**typed(QUOTES, quote_record(StoredQuote(**_values(q), ordinal=n, **where))), **month}
        for n, q in enumerate(analysis.quotes)
    ]
    events = [
        {**typed(EVENTS, event_record(StoredEvent(**_values(e), ordinal=n, **where))), **month}
        for n, e in enumerate(analysis.events)
    ]
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
