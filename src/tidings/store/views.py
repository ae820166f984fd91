"""The public SQL views: ``articles``, ``quotes``, ``events``, ``instances``, ``findings``.

Each view selects, from the store's own tables in the schema ``internal``, exactly the
columns of :data:`tidings.shapes.FIELDS` in their order, cast to their types and commented
with their descriptions, so that SQL, CSV and Parquet give the records that ``--json`` and
the Python API give. An analyst queries them without list functions: one row per record,
the first actor of each side flat beside the list, dates as ``DATE``.

The views are created anew by every writable open (they hold no data), so a new tidings
brings its views to an existing store without a migration.
"""

from __future__ import annotations

import duckdb

from tidings.plover import scales
from tidings.shapes import FIELDS, KINDS

_REFS = """'[{"code":"VARCHAR","name":"VARCHAR"}]'"""

DESCRIPTIONS: dict[str, str] = {
    "articles": "tidings: one row per stored article (clean text and metadata)",
    "quotes": "tidings: one row per quote, with its speaker and article",
    "events": "tidings: one row per coded PLOVER event (every report, not deduplicated)",
    "instances": "tidings: one row per event instance: one happening with all its reports",
    "findings": "tidings: one row per finding computed from the instances",
}


def _sides(alias: str) -> dict[str, str]:
    out = {}
    for side, column in (("source", "actor"), ("recipient", "recipient")):
        refs = f"from_json({alias}.{column}, {_REFS})"
        out[side] = refs
        out[f"{side}_code"] = f"nullif({refs}[1].code, '')"
        out[f"{side}_name"] = f"nullif({refs}[1].name, '')"
        out[f"{side}_country"] = f"nullif(left({refs}[1].code, 3), '')"
    return out


def _scale_rows() -> str:
    """PLOVER's quad classes and weights as an inline table (from plover_scales.tsv)."""
    rows = ", ".join(
        f"('{event}', {s.quad_code}, '{s.quad_class}', {s.weight!r})"
        for event, s in sorted(scales().items())
    )
    return f"(VALUES {rows}) AS scale(event, quad_code, quad_class, event_scale)"


_SCALE = {
    "quad_code": "scale.quad_code",
    "quad_class": "scale.quad_class",
    "event_scale": "scale.event_scale",
}


def _expressions(kind: str) -> tuple[dict[str, str], str]:
    """Column name → SQL expression, and the FROM … ORDER BY clause, of one view."""
    if kind == "articles":
        return {
            "id": "a.doc_id", "title": "a.title", "credit": "a.credit", "byline": "a.byline",
            "publisher": "a.publisher", "url": "a.url", "published": "a.published",
            "language": "a.language",
            "paragraphs": """from_json(a.paragraphs, '[{"start":"INTEGER","end":"INTEGER"}]')""",
            "furniture": """from_json(a.furniture, '["VARCHAR"]')""", "body": "a.body",
            "source": "d.source", "format": "d.format", "ingested_at": "d.ingested_at",
        }, (
            "FROM internal.articles a JOIN internal.documents d ON d.content_hash = a.doc_id "
            "ORDER BY a.published NULLS LAST, a.doc_id"
        )  # fmt: skip
    if kind == "quotes":
        return {
            "id": "q.doc_id || ':' || q.ordinal", "doc_id": "q.doc_id", "text": "q.text",
            "start": 'q."start"', "end": 'q."end"',
            "speaker_code": "nullif(q.speaker_code, '')",
            "speaker_name": "nullif(q.speaker_name, '')",
            "speaker_country": "nullif(left(q.speaker_code, 3), '')", "cue": "q.cue",
            "partial": "q.partial", "speaker_start": "q.speaker_start",
            "speaker_end": "q.speaker_end", "published": "a.published",
            "publisher": "a.publisher",
        }, (
            "FROM internal.quotes q LEFT JOIN internal.articles a USING (doc_id) "
            "ORDER BY a.published NULLS LAST, q.doc_id, q.ordinal"
        )  # fmt: skip
    if kind == "events":
        return {
            "id": "e.doc_id || ':' || e.ordinal", "doc_id": "e.doc_id", "event": "e.event",
            "mode": "e.mode", "context": "e.context", **_sides("e"),
            "date": "e.date_value", "date_precision": "e.date_precision",
            "first_day": "e.first_day", "last_day": "e.last_day", "date_text": "e.date_text",
            "aux": "e.aux", **_SCALE, "cameo": "e.cameo", "event_text": "e.trigger",
            "text": "e.text", "sentence_start": "e.sentence_start",
            "sentence_end": "e.sentence_end", "location": "e.location", "rule": "e.rule",
            "confidence": "e.confidence", "published": "a.published",
            "publisher": "a.publisher",
        }, (
            "FROM internal.events e LEFT JOIN internal.articles a USING (doc_id) "
            f"LEFT JOIN {_scale_rows()} ON scale.event = e.event "
            "ORDER BY e.first_day NULLS LAST, e.doc_id, e.ordinal"
        )  # fmt: skip
    if kind == "instances":
        report = (
            "struct_pack(event_id := s.doc_id || ':' || s.ordinal, doc_id := s.doc_id, "
            "publisher := s.publisher, published := s.published, aux := s.aux, "
            "date_text := s.date_text, text := s.text, sentence_start := s.sentence_start, "
            "sentence_end := s.sentence_end, duplicate_of := s.duplicate_of)"
        )
        return {
            "id": "i.instance_id", "event": "i.event", "mode": "i.mode",
            "context": "i.context", **_sides("i"), "date": "i.date_value",
            "date_precision": "i.date_precision", "first_day": "i.first_day",
            "last_day": "i.last_day",
            "aux": "CASE WHEN i.historical_only THEN 'historical' END", **_SCALE,
            "articles": "i.articles", "independent_articles": "i.independent",
            "reports": "coalesce(r.reports, [])",
        }, (
            "FROM internal.instances i "
            f"LEFT JOIN {_scale_rows()} ON scale.event = i.event "
            f"LEFT JOIN (SELECT s.instance_no, list({report} ORDER BY s.published NULLS LAST, "
            "s.doc_id, s.ordinal) AS reports FROM internal.instance_sources s "
            "GROUP BY s.instance_no) r ON r.instance_no = i.instance_no "
            "ORDER BY i.first_day, i.last_day, i.event, i.instance_id"
        )  # fmt: skip
    if kind == "findings":
        return {
            "id": "f.finding_id", "kind": "f.kind", "text": "f.text", "event": "f.event",
            "mode": "f.mode", **_sides("f"), "date": "f.date_value",
            "date_precision": "f.date_precision", "first_day": "f.first_day",
            "previous_date": "f.previous_date_value",
            "previous_date_precision": "f.previous_date_precision",
            "gap_days": "f.gap_days", "gap_months": "f.gap_months",
            "instance_id": "f.instance_id", "previous_instance_id": "f.previous_instance_id",
            "doc_ids": "f.doc_ids",
        }, "FROM internal.findings f ORDER BY f.first_day, f.kind, f.finding_id"  # fmt: skip
    raise ValueError(f"no view {kind!r}")


def view_sql(kind: str) -> str:
    """The CREATE VIEW statement of one public view."""
    expressions, tail = _expressions(kind)
    fields = FIELDS[kind]
    missing = {f.name for f in fields} ^ set(expressions)
    if missing:  # a field without an expression, or the reverse: a packaging error
        raise ValueError(f"view {kind}: fields and expressions differ: {sorted(missing)}")
    columns = ",\n  ".join(f'CAST({expressions[f.name]} AS {f.type}) AS "{f.name}"' for f in fields)
    return f"CREATE OR REPLACE VIEW main.{kind} AS SELECT\n  {columns}\n{tail}"


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)create every public view with its comments, in the caller's transaction."""
    for kind in KINDS:
        con.execute(view_sql(kind))
        con.execute(f"COMMENT ON VIEW main.{kind} IS {_quote(DESCRIPTIONS[kind])}")
        for f in FIELDS[kind]:
            con.execute(f'COMMENT ON COLUMN main.{kind}."{f.name}" IS {_quote(f.doc)}')
