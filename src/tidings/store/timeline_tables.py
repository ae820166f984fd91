"""The store side of timelines: signatures and duplicates, instances, dyad keys, findings.

Only DuckDB access lives here, in rows and Arrow tables: what the rows mean is decided in
:mod:`tidings.timeline` (its ``storage`` module turns its records into these rows and back),
so the store never imports the timeline. Tables come from migration ``002_timeline.sql``
(moved to the schema ``internal`` by ``005``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import duckdb
import pyarrow as pa

from tidings.actors.fold import is_code, name_key
from tidings.errors import InputError, StoreError
from tidings.store.filters import Where, actor_value_clause, parse_day_bound
from tidings.store.store import Store


@dataclass(frozen=True, slots=True)
class Duplicate:
    doc_id: str
    duplicate_of: str
    similarity: float
    exact: bool


# ---- signatures and duplicates --------------------------------------------------------------


def unsigned_articles(store: Store) -> list[tuple[str, str]]:
    """(doc_id, body) of articles without a signature yet, oldest first (by publication
    date, then ingest order), so the earliest copy becomes the canonical one."""
    return [
        (r[0], r[1])
        for r in store.con.execute(
            "SELECT a.doc_id, a.body FROM articles a JOIN documents d ON d.content_hash = a.doc_id"
            " WHERE a.doc_id NOT IN (SELECT doc_id FROM article_signatures)"
            " ORDER BY a.published NULLS LAST, d.ingested_at, a.doc_id"
        ).fetchall()
    ]


def write_signatures(store: Store, signatures: pa.Table, bands: pa.Table) -> None:
    """Store article signatures (SIGNATURE_SCHEMA) and their LSH bands (BAND_SCHEMA)."""
    _insert(store, {"article_signatures": signatures, "article_bands": bands})


def candidate_rows(store: Store, doc_ids: list[str]) -> list[tuple[Any, ...]]:
    """(doc_id, other doc_id, body_hash, minhash, words): the signatures of other stored
    articles sharing a band or the normalised body hash with each doc id."""
    if not doc_ids:
        return []
    return store.con.execute(
        """
        WITH wanted AS (SELECT unnest(?) AS doc_id),
        pairs AS (
            SELECT DISTINCT mine.doc_id AS doc_id, other.doc_id AS other
            FROM article_bands mine JOIN wanted USING (doc_id)
            JOIN article_bands other ON other.hash = mine.hash AND other.band = mine.band
            WHERE other.doc_id <> mine.doc_id
            UNION
            SELECT mine.doc_id, other.doc_id
            FROM article_signatures mine JOIN wanted USING (doc_id)
            JOIN article_signatures other ON other.body_hash = mine.body_hash
            WHERE other.doc_id <> mine.doc_id
        )
        SELECT p.doc_id, s.doc_id, s.body_hash, s.minhash, s.words
        FROM pairs p JOIN article_signatures s ON s.doc_id = p.other
        ORDER BY p.doc_id, s.doc_id
        """,
        [doc_ids],
    ).fetchall()


def write_duplicates(store: Store, duplicates: list[Duplicate]) -> None:
    if not duplicates:
        return
    table = pa.table({
        "doc_id": [d.doc_id for d in duplicates],
        "duplicate_of": [d.duplicate_of for d in duplicates],
        "similarity": pa.array([d.similarity for d in duplicates], pa.float64()),
        "exact": pa.array([d.exact for d in duplicates], pa.bool_()),
    })  # fmt: skip
    _insert(store, {"duplicates": table})


def duplicate_map(store: Store) -> dict[str, str]:
    """Every duplicate article → the canonical article it copies."""
    rows = store.con.execute("SELECT doc_id, duplicate_of FROM duplicates").fetchall()
    return {a: b for a, b in rows}


def duplicates(store: Store) -> list[Duplicate]:
    rows = store.con.execute(
        "SELECT doc_id, duplicate_of, similarity, exact FROM duplicates"
        " ORDER BY duplicate_of, doc_id"
    ).fetchall()
    return [Duplicate(*r) for r in rows]


# ---- reports in, instances and findings out ---------------------------------------------------


def happened_rows(store: Store) -> list[tuple[Any, ...]]:
    """Every dated event that happened (current or historical), with its sentence, the
    article's date and publisher, and the article it duplicates if any."""
    return store.con.execute(
        """
        SELECT e.event, e.mode, e.context, e.aux, e.actor, e.recipient, e.date_value,
               e.date_precision, e.date_text, e.doc_id, e.ordinal, e.sentence_start,
               e.sentence_end,
               substring(a.body, e.sentence_start + 1, e.sentence_end - e.sentence_start),
               a.published, a.publisher, d.duplicate_of
        FROM events e JOIN articles a USING (doc_id)
        LEFT JOIN duplicates d ON d.doc_id = e.doc_id
        WHERE (e.aux IS NULL OR e.aux = 'historical') AND e.first_day IS NOT NULL
        ORDER BY e.doc_id, e.ordinal
        """
    ).fetchall()


def write_timeline(store: Store, tables: dict[str, pa.Table]) -> None:
    """Swap in new instances, instance sources, dyad keys and findings (tables in
    INSTANCE_SCHEMA, SOURCE_SCHEMA, DYAD_SCHEMA, FINDING_SCHEMA) in one transaction that
    also clears the refresh-pending marker."""
    _insert(store, tables, replace=True, done=True)


@lru_cache(maxsize=262144)
def pair_hash(pair: str) -> int:
    """DuckDB's ``md5_number_upper(pair)``: the first 8 bytes of the MD5, little-endian."""
    return int.from_bytes(hashlib.md5(pair.encode("utf-8")).digest()[:8], "little")


_S, _D, _I, _F, _B = pa.string(), pa.date32(), pa.int32(), pa.float64(), pa.bool_()
INSTANCE_SCHEMA = pa.schema([
    ("instance_no", pa.int64()), ("instance_id", _S), ("event", _S), ("mode", _S),
    ("context", pa.list_(_S)),
    ("actor", _S), ("recipient", _S), ("actor_codes", pa.list_(_S)),
    ("recipient_codes", pa.list_(_S)), ("date_value", _S), ("date_precision", _S),
    ("first_day", _D), ("last_day", _D), ("historical_only", _B), ("quad_code", _I),
    ("event_scale", _F), ("reports", _I), ("articles", _I), ("independent", _I),
])  # fmt: skip
SOURCE_SCHEMA = pa.schema([
    ("instance_no", pa.int64()), ("doc_id", _S), ("ordinal", _I), ("published", _D),
    ("publisher", _S), ("aux", _S), ("date_text", _S), ("sentence_start", _I),
    ("sentence_end", _I), ("text", _S), ("duplicate_of", _S),
])  # fmt: skip
SIGNATURE_SCHEMA = pa.schema([
    ("doc_id", _S), ("body_hash", _S), ("minhash", pa.list_(pa.uint64())), ("words", _I),
])  # fmt: skip
BAND_SCHEMA = pa.schema([("band", _I), ("hash", pa.uint64()), ("doc_id", _S)])
DYAD_SCHEMA = pa.schema([("pair_hash", pa.uint64()), ("pair", _S), ("instance_no", pa.int64())])
FINDING_SCHEMA = pa.schema([
    ("finding_id", _S), ("kind", _S), ("instance_id", _S), ("event", _S), ("mode", _S),
    ("date_value", _S), ("date_precision", _S), ("first_day", _D), ("actor", _S),
    ("recipient", _S), ("actor_code", _S), ("recipient_code", _S), ("actor_key", _S),
    ("recipient_key", _S), ("text", _S), ("previous_instance_id", _S),
    ("previous_date_value", _S), ("previous_date_precision", _S), ("gap_days", _I),
    ("gap_months", _I), ("doc_ids", pa.list_(_S)),
])  # fmt: skip


def _insert(
    store: Store, tables: dict[str, pa.Table], replace: bool = False, done: bool = False
) -> None:
    """Write ``tables`` in one transaction; ``done``: the refresh is complete, so the
    refresh-pending marker is cleared in the same transaction."""
    con = store.con
    con.begin()
    try:
        if done:
            con.execute("DELETE FROM refresh_pending")
        for name, table in tables.items():
            if replace:
                con.execute(f"DELETE FROM {name}")
            if table.num_rows == 0:
                continue
            view = f"_incoming_{name}"
            con.register(view, table)
            try:
                con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM {view}")
            finally:
                con.unregister(view)
        con.commit()
    except duckdb.Error as exc:
        con.rollback()
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise StoreError(f"timeline refresh failed: {message}", source=store.path) from exc


# ---- reading ---------------------------------------------------------------------------------


INSTANCE_COLUMNS = (
    "instance_no, instance_id, event, mode, context, actor, recipient, date_value, date_precision"
)
SOURCE_COLUMNS = (
    "instance_no, doc_id, ordinal, sentence_start, sentence_end, text, published, publisher, "
    "aux, date_text, duplicate_of"
)
RUN_GAP = 4096  # instance numbers this close are read as one range (row groups are ~122k)
MAX_RUNS = 64  # beyond this many ranges, one scan of the tables is cheaper


def instance_numbers(store: Store, pair: str) -> list[int]:
    """The numbers of the instances stored under one dyad key pair, in order."""
    rows = store.con.execute(
        "SELECT instance_no FROM instance_dyads WHERE pair_hash = ? AND pair = ?",
        [pair_hash(pair), pair],
    ).fetchall()
    return sorted({r[0] for r in rows})


def _runs(nos: list[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for n in nos:
        if runs and n - runs[-1][1] <= RUN_GAP:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs


def _select_runs(table: str, columns: str, nos: list[int]) -> tuple[str, list[Any]]:
    """A query for the rows of ``nos``: one range scan per run of nearby numbers (the
    ranges let DuckDB skip row groups), then an exact filter on the wanted numbers."""
    runs = _runs(nos)
    if len(runs) > MAX_RUNS:
        # Scattered numbers: a hash semi-join beats testing list membership row by row.
        return (
            f"SELECT {columns} FROM {table} "
            "SEMI JOIN (SELECT unnest(?) AS wanted) w ON instance_no = w.wanted",
            [nos],
        )
    parts = " UNION ALL ".join(
        f"SELECT {columns} FROM {table} WHERE instance_no BETWEEN ? AND ?" for _ in runs
    )
    params: list[Any] = [x for run in runs for x in run]
    return f"SELECT * FROM ({parts}) WHERE list_contains(?, instance_no)", [*params, nos]


def instance_rows(
    store: Store, nos: list[int]
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """The rows (INSTANCE_COLUMNS) of instances ``nos`` and of their sources
    (SOURCE_COLUMNS)."""
    if not nos:
        return [], []
    sql, params = _select_runs("instances", INSTANCE_COLUMNS, nos)
    rows = store.con.execute(sql, params).fetchall()
    sql, params = _select_runs("instance_sources", SOURCE_COLUMNS, nos)
    return rows, store.con.execute(sql, params).fetchall()


def stored_findings(
    store: Store, kind: str | None = None, actor: str | None = None,
    since: str | dt.date | None = None, limit: int | None = None, offset: int = 0,
    newest_first: bool = False, instance_ids: Iterable[str] | None = None,
) -> list[dict[str, Any]]:  # fmt: skip
    """Findings as rows (dicts), by date (``newest_first``: the latest first); ``actor``
    matches either side (code, country or name); ``instance_ids`` keeps the findings
    about those instances (a dyad's); ``offset`` skips that many first."""
    if offset < 0:
        raise InputError(f"offset must be 0 or more, not {offset}")
    where = Where()
    if instance_ids is not None:
        where.add("list_contains(?::VARCHAR[], instance_id)", sorted(set(instance_ids)))
    if kind:
        where.add("kind = ?", kind.strip().lower())
    if actor and is_code(actor):
        one, other = Where(), Where()
        actor_value_clause(one, actor, "actor_code", "actor_key")
        actor_value_clause(other, actor, "recipient_code", "recipient_key")
        where.add(f"(({' AND '.join(one.clauses)}) OR ({' AND '.join(other.clauses)}))",
                  *one.params, *other.params)  # fmt: skip
    elif actor:
        # As in timelines: every word of the name given is a word of the actor's name.
        words = name_key(actor).split()
        if not words:
            raise InputError("empty actor name", source=actor)
        where.add(
            "(list_has_all(string_split(actor_key, ' '), ?)"
            " OR list_has_all(string_split(recipient_key, ' '), ?))", words, words,
        )  # fmt: skip
    if since:
        where.add("first_day >= ?", parse_day_bound(since, end=False))
    way = " DESC" if newest_first else ""
    sql = (f"SELECT * FROM findings{where.sql()} "
           f"ORDER BY first_day{way}, kind{way}, finding_id{way}")  # fmt: skip
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    if offset:
        sql += f" OFFSET {int(offset)}"
    cursor = store.con.execute(sql, where.params)
    names = [d[0] for d in cursor.description or []]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def timeline_counts(store: Store) -> dict[str, int]:
    out = {}
    for name in ("article_signatures", "duplicates", "instances", "instance_sources",
                 "instance_dyads", "findings"):  # fmt: skip
        row = store.con.execute(f"SELECT count(*) FROM {name}").fetchone()
        out[name] = int(row[0]) if row else 0
    return out


def refresh_done(store: Store) -> None:
    """Nothing to rebuild: clear the refresh-pending marker."""
    _insert(store, {}, done=True)
