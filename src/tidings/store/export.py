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

from typing import Literal

ExportFormat = Literal["jsonl", "csv", "parquet"]
ExportTable = Literal["events", "quotes", "articles"]
FORMATS: tuple[str, ...] = ("jsonl", "csv", "parquet")
TABLES: tuple[str, ...] = ("events", "quotes", "articles")

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
            "e.cameo, a.published, a.publisher "
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
