"""The store side of timelines: signatures and duplicates, instances, dyad keys, findings.

Only DuckDB access lives here; what the rows mean is decided in :mod:`tidings.timeline`.
Tables come from migration ``002_timeline.sql``.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import duckdb
import pyarrow as pa

from tidings.errors import InputError, StoreError
from tidings.model import ActorRef, DateValue, Event
from tidings.plover import scale_of
from tidings.store.filters import Where, actor_value_clause
from tidings.store.records import fold, is_code
from tidings.store.store import Store
from tidings.timeline.dedup import Signature, comparable
from tidings.timeline.dyads import instance_pairs
from tidings.timeline.findings import Finding
from tidings.timeline.instances import EventInstance, Source


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


def save_signatures(store: Store, signatures: list[Signature]) -> None:
    if not signatures:
        return
    sigs = pa.table({
        "doc_id": [s.doc_id for s in signatures],
        "body_hash": [s.body_hash for s in signatures],
        "minhash": pa.array([list(s.minhash) for s in signatures], pa.list_(pa.uint64())),
        "words": pa.array([s.words for s in signatures], pa.int32()),
    })  # fmt: skip
    # Short bodies get no bands: they can only be exact copies, and many near-identical
    # stubs ("Media playback is unsupported…") would make every one a candidate of all.
    band_rows = [(s.doc_id, b, h) for s in signatures if comparable(s) for b, h in s.bands()]
    bands = pa.table({
        "band": pa.array([r[1] for r in band_rows], pa.int32()),
        "hash": pa.array([r[2] for r in band_rows], pa.uint64()),
        "doc_id": [r[0] for r in band_rows],
    })  # fmt: skip
    _insert(store, {"article_signatures": sigs, "article_bands": bands})


def candidate_signatures(store: Store, doc_ids: list[str]) -> dict[str, list[Signature]]:
    """For each doc id, the signatures of other stored articles sharing a band or the
    normalised body hash with it (the candidates for duplicates)."""
    if not doc_ids:
        return {}
    rows = store.con.execute(
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
    found: dict[str, list[Signature]] = {}
    for doc_id, other, body_hash, minhash, words in rows:
        found.setdefault(doc_id, []).append(Signature(other, body_hash, tuple(minhash), words))
    return found


def save_duplicates(store: Store, duplicates: list[Duplicate]) -> None:
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


def happened_reports(store: Store) -> list[tuple[Event, Source]]:
    """Every dated event that happened (current or historical), with its sentence, the
    article's date and publisher, and the article it duplicates if any."""
    rows = store.con.execute(
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
    reports = []
    for (event, mode, context, aux, actor, recipient, value, precision, date_text, doc_id,
         ordinal, s_start, s_end, sentence, published, publisher, dup_of) in rows:  # fmt: skip
        ev = Event(event=event, actor=_refs(actor), recipient=_refs(recipient), mode=mode,
                   context=list(context or []), aux=aux,
                   date=DateValue(value, precision), date_text=date_text)  # fmt: skip
        source = Source(doc_id=doc_id, ordinal=ordinal, sentence_start=s_start,
                        sentence_end=s_end, text=(sentence or "").strip(),
                        published=published, publisher=publisher, aux=aux,
                        date_text=date_text, duplicate_of=dup_of)  # fmt: skip
        reports.append((ev, source))
    return reports


def replace_timeline(store: Store, instances: list[EventInstance], findings: list[Finding]) -> None:
    """Swap in a new set of instances and findings in one transaction."""
    ordered = sorted(instances, key=cluster_key)
    tables = {
        "instances": _instance_table(ordered),
        "instance_sources": _source_table(ordered),
        "instance_dyads": _dyad_table(ordered),
        "findings": _finding_table(findings),
    }
    _insert(store, tables, replace=True, done=True)


def cluster_key(inst: EventInstance) -> tuple[str, str, str, str]:
    """Where an instance is stored: by the country pair, then the code pair, of its first
    two sides, then by date, so that a dyad's instances sit together (see 002_timeline)."""
    codes = sorted({r.code for r in (*inst.actor, *inst.recipient)})[:2] or [""]
    countries = "|".join(sorted(c[:3] for c in codes))
    return countries, "|".join(codes), inst.date.value or "", inst.id


def _refs(raw: str | None) -> list[ActorRef]:
    return [ActorRef(code=r["code"], name=r["name"]) for r in json.loads(raw or "[]")]


def _refs_json(refs: list[ActorRef]) -> str:
    return json.dumps([{"code": r.code, "name": r.name} for r in refs], ensure_ascii=False)


def _instance_table(instances: list[EventInstance]) -> pa.Table:
    rows = []
    for no, i in enumerate(instances):
        scale = scale_of(i.event)
        rows.append({
            "instance_no": no, "instance_id": i.id, "event": i.event, "mode": i.mode,
            "context": i.context,
            "actor": _refs_json(i.actor), "recipient": _refs_json(i.recipient),
            "actor_codes": [r.code for r in i.actor],
            "recipient_codes": [r.code for r in i.recipient],
            "date_value": i.date.value, "date_precision": i.date.precision,
            "first_day": i.first_day, "last_day": i.last_day,
            "historical_only": i.historical_only,
            "quad_code": scale.quad_code if scale else None,
            "event_scale": scale.weight if scale else None,
            "reports": len(i.sources), "articles": i.articles, "independent": i.independent,
        })  # fmt: skip
    return pa.Table.from_pylist(rows, schema=INSTANCE_SCHEMA)


def _source_table(instances: list[EventInstance]) -> pa.Table:
    rows = [
        {"instance_no": no, "doc_id": s.doc_id, "ordinal": s.ordinal,
         "published": s.published, "publisher": s.publisher, "aux": s.aux,
         "date_text": s.date_text, "sentence_start": s.sentence_start,
         "sentence_end": s.sentence_end, "text": s.text, "duplicate_of": s.duplicate_of}
        for no, i in enumerate(instances) for s in i.sources
    ]  # fmt: skip
    return pa.Table.from_pylist(rows, schema=SOURCE_SCHEMA)


@lru_cache(maxsize=262144)
def pair_hash(pair: str) -> int:
    """DuckDB's ``md5_number_upper(pair)``: the first 8 bytes of the MD5, little-endian."""
    return int.from_bytes(hashlib.md5(pair.encode("utf-8")).digest()[:8], "little")


def _dyad_table(instances: list[EventInstance]) -> pa.Table:
    rows = sorted((pair_hash(pair), pair, no)
                  for no, i in enumerate(instances) for pair in instance_pairs(i))  # fmt: skip
    return pa.table({
        "pair_hash": pa.array([r[0] for r in rows], pa.uint64()),
        "pair": pa.array([r[1] for r in rows], pa.string()),
        "instance_no": pa.array([r[2] for r in rows], pa.int64()),
    })  # fmt: skip


def finding_id(f: Finding) -> str:
    raw = "|".join([f.kind, f.instance_id, f.actor.code, f.recipient.code])
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


def _finding_table(findings: list[Finding]) -> pa.Table:
    rows = []
    for f in findings:
        first = f.date.first_day()
        rows.append({
            "finding_id": finding_id(f), "kind": f.kind, "instance_id": f.instance_id,
            "event": f.event, "mode": f.mode, "date_value": f.date.value,
            "date_precision": f.date.precision, "first_day": first,
            "actor": _refs_json([f.actor]), "recipient": _refs_json([f.recipient]),
            "actor_code": f.actor.code, "recipient_code": f.recipient.code,
            "actor_key": fold(f.actor.name or ""), "recipient_key": fold(f.recipient.name or ""),
            "text": f.text, "previous_instance_id": f.previous_instance_id,
            "previous_date_value": f.previous_date.value if f.previous_date else None,
            "previous_date_precision": f.previous_date.precision if f.previous_date else None,
            "gap_days": f.gap_days, "gap_months": f.gap_months, "doc_ids": f.doc_ids,
        })  # fmt: skip
    # Two dyads of one instance can state the same finding id only if they share codes.
    unique = {r["finding_id"]: r for r in rows}
    return pa.Table.from_pylist(list(unique.values()), schema=FINDING_SCHEMA)


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


def instances_for_pair(store: Store, pair: str) -> list[EventInstance]:
    """The instances stored under one dyad key pair, with their sources, in date order."""
    nos = sorted({r[0] for r in store.con.execute(
        "SELECT instance_no FROM instance_dyads WHERE pair_hash = ? AND pair = ?",
        [pair_hash(pair), pair]).fetchall()})  # fmt: skip
    # Building thousands of records in one go would trigger the cyclic garbage collector
    # several times over objects that hold no cycles: pause it for the build.
    paused = gc.isenabled()
    gc.disable()
    try:
        return load_instances(store, nos)
    finally:
        if paused:
            gc.enable()


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


def load_instances(store: Store, nos: list[int]) -> list[EventInstance]:
    if not nos:
        return []
    con = store.con
    sql, params = _select_runs("instances", INSTANCE_COLUMNS, nos)
    rows = con.execute(sql, params).fetchall()
    sql, params = _select_runs("instance_sources", SOURCE_COLUMNS, nos)
    sources: dict[int, list[Source]] = {}
    for r in con.execute(sql, params).fetchall():
        sources.setdefault(r[0], []).append(Source(*r[1:]))
    out = []
    for no, iid, event, mode, context, actor, recipient, value, precision in rows:
        found = sorted(
            sources.get(no, []), key=lambda s: (s.published or dt.date.max, s.doc_id, s.ordinal)
        )
        out.append(EventInstance(id=iid, event=event, mode=mode, actor=_refs(actor),
                                 recipient=_refs(recipient), date=DateValue(value, precision),
                                 context=list(context or []), sources=found))  # fmt: skip
    out.sort(key=lambda i: (i.first_day, i.last_day, i.event, i.id))
    return out


def stored_findings(
    store: Store, kind: str | None = None, actor: str | None = None,
    since: str | dt.date | None = None, limit: int | None = None,
) -> list[dict[str, Any]]:  # fmt: skip
    """Findings as rows (dicts), by date; ``actor`` matches either side (code, country
    or name)."""
    where = Where()
    if kind:
        where.add("kind = ?", kind)
    if actor and is_code(actor):
        one, other = Where(), Where()
        actor_value_clause(one, actor, "actor_code", "actor_key")
        actor_value_clause(other, actor, "recipient_code", "recipient_key")
        where.add(f"(({' AND '.join(one.clauses)}) OR ({' AND '.join(other.clauses)}))",
                  *one.params, *other.params)  # fmt: skip
    elif actor:
        # As in timelines: every word of the name given is a word of the actor's name.
        words = fold(actor).split()
        if not words:
            raise InputError("empty actor name", source=actor)
        where.add(
            "(list_has_all(string_split(actor_key, ' '), ?)"
            " OR list_has_all(string_split(recipient_key, ' '), ?))", words, words,
        )  # fmt: skip
    if since:
        where.add("first_day >= ?", since)
    sql = f"SELECT * FROM findings{where.sql()} ORDER BY first_day, kind, finding_id"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
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
