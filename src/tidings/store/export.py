"""What ``export`` writes for each table: flat columns for CSV/Parquet, records for JSONL.

CSV and Parquet are written by DuckDB's ``COPY`` from the SELECTs below. Field names are
PLOVER's (``event``, ``mode``, ``context``, ``source``, ``recipient``, ``aux``; see
:func:`tidings.plover.event_record`); a date is ``date`` (its ISO value) plus
``date_precision`` and the ``first_day``/``last_day`` it covers. In CSV, lists and actor
lists are JSON text; in Parquet they are typed lists (actors as ``{code, name}`` structs).
JSON Lines holds one record a line: events as :func:`tidings.plover.event_record`, quotes
and articles as :func:`tidings.model.to_dict` plus ``doc_id``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from tidings.errors import StoreError

ExportFormat = Literal["jsonl", "csv", "parquet"]
ExportTable = Literal["events", "quotes", "articles"]
FORMATS: tuple[str, ...] = ("jsonl", "csv", "parquet")
TABLES: tuple[str, ...] = ("events", "quotes", "articles")


def check_target(out: str | Path, db: str | Path, force: bool = False) -> None:
    """Refuse an export that would write onto the store itself (or its WAL), or over an
    existing file unless ``force``; a StoreError naming the file and the cause."""
    target = Path(out)
    if str(db) != ":memory:":
        store = Path(db)
        for guarded in (store, store.with_name(store.name + ".wal")):
            if _same_file(target, guarded):
                raise StoreError(f"refusing to export onto the store {store} itself: "
                                 "choose another --out", source=str(target))  # fmt: skip
    if target.is_dir():
        raise StoreError("is a folder: give a file to write", source=str(target))
    if target.exists() and not force:
        raise StoreError("file exists: refusing to overwrite it (use --force)",
                         source=str(target))  # fmt: skip


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet)
        return os.path.abspath(a) == os.path.abspath(b)


_REFS = """'[{"code":"VARCHAR","name":"VARCHAR"}]'"""


def flat_select(table: ExportTable, fmt: ExportFormat) -> str:
    """The SELECT whose rows a CSV or Parquet export writes."""
    as_text = fmt == "csv"

    def lst(col: str) -> str:
        return f"to_json({col})" if as_text else col

    def refs(col: str) -> str:
        return f"CAST({col} AS VARCHAR)" if as_text else f"from_json({col}, {_REFS})"

    if table == "events":
        return (
            "SELECT e.doc_id, e.ordinal, e.event, e.mode, "
            f"{lst('e.context')} AS context, e.aux, "
            f"{refs('e.actor')} AS source, {refs('e.recipient')} AS recipient, "
            f"{lst('e.actor_codes')} AS source_codes, "
            f"{lst('e.recipient_codes')} AS recipient_codes, "
            "e.date_value AS date, e.date_precision, e.first_day, e.last_day, e.date_text, "
            "e.location, e.sentence_start, e.sentence_end, e.text, e.trigger, e.rule, "
            "e.cameo, e.confidence, a.published, a.publisher "
            "FROM events e LEFT JOIN articles a USING (doc_id) "
            "ORDER BY e.first_day NULLS LAST, e.doc_id, e.ordinal"
        )
    if table == "quotes":
        return (
            'SELECT q.doc_id, q.ordinal, q.text, q."start", q."end", q.speaker_code, '
            "q.speaker_name, q.cue, q.partial, q.speaker_start, q.speaker_end, "
            "a.published, a.publisher "
            "FROM quotes q LEFT JOIN articles a USING (doc_id) "
            "ORDER BY a.published NULLS LAST, q.doc_id, q.ordinal"
        )
    return (
        "SELECT a.doc_id, a.title, a.credit, a.byline, a.publisher, a.url, a.published, "
        "a.language, a.body, CAST(a.paragraphs AS VARCHAR) AS paragraphs, "
        "CAST(a.furniture AS VARCHAR) AS furniture, d.source, d.format, d.ingested_at "
        "FROM articles a JOIN documents d ON d.content_hash = a.doc_id "
        "ORDER BY a.published NULLS LAST, a.doc_id"
    )


def copy_options(fmt: ExportFormat) -> str:
    return "(FORMAT csv, HEADER true)" if fmt == "csv" else "(FORMAT parquet)"
