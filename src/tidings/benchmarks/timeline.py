"""Timeline benchmark: dyad timeline queries on a large synthetic store, deduplication on
a real corpus, and ingest rate (pipeline + store + refresh) on a stated subset.

The synthetic store is built by DuckDB SQL (``range``), never by Python loops: ``events``
reports (instance_sources rows) grouped four to an instance over 5,000 actors (200
countries × 5 sectors × 5 people) and 50,000 dyads, dated 2010–2023, with the same dyad
keys (code, country and name pairs) a refresh writes. It is cached under
``bench/.cache/`` (gitignored) and built in a child process, so the figures of the query
phase (time per query, peak memory) are those of a process that only opened the store
and asked. Queries go through the API (:meth:`tidings.api.Tidings.timeline`), so they
include reading the instances and their sources into records.
"""

from __future__ import annotations

import gzip
import json
import multiprocessing
import os
import random
import resource
import statistics
import time
from pathlib import Path
from typing import Any

CACHE = Path("bench/.cache")
ACTORS = 5000
DYADS = 50_000
SOURCES_PER_INSTANCE = 4
SECTORS = ("GOV", "MIL", "BUS", "CVL", "OPP")


def _country_sql(k: str) -> str:
    c = f"({k} // 25)"
    return f"chr(65 + {c} // 676) || chr(65 + ({c} // 26) % 26) || chr(65 + {c} % 26)"


def _actor_sql(k: str) -> tuple[str, str]:
    """SQL for the code and the name of actor number ``k``."""
    sector = f"(['GOV','MIL','BUS','CVL','OPP'])[(({k}) // 5) % 5 + 1]"
    return f"{_country_sql(k)} || {sector}", f"'Person P' || ({k})"


def build_store(path: Path, events: int) -> float:
    """Create the synthetic store; returns seconds taken."""
    from tidings.store import Store

    start = time.perf_counter()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".building")
    tmp.unlink(missing_ok=True)
    instances = max(1, events // SOURCES_PER_INSTANCE)
    types = "['AGREE','CONSULT','SUPPORT','COOPERATE','AID','REQUEST','ACCUSE','REJECT'," \
            "'THREATEN','PROTEST','SANCTION','COERCE','ASSAULT']"  # fmt: skip
    with Store(tmp) as store:
        con = store.con
        con.execute("SET memory_limit = '3GB'")
        con.execute("SET enable_progress_bar = false")
        a_code, a_name = _actor_sql("a")
        b_code, b_name = _actor_sql("b")
        con.execute(f"""
            CREATE TEMP TABLE raw AS
            SELECT i, d, CAST((d * 7919) % {ACTORS} AS INTEGER) AS a,
                   CAST(CASE WHEN (d * 104729 + 13) % {ACTORS} = (d * 7919) % {ACTORS}
                        THEN (d * 104729 + 14) % {ACTORS}
                        ELSE (d * 104729 + 13) % {ACTORS} END AS INTEGER) AS b,
                   {types}[(i * 31) % 13 + 1] AS event,
                   DATE '2010-01-01' + CAST((i * 48271) % 5000 AS INTEGER) AS day
            FROM (SELECT i, (i * 2654435761) % {DYADS} AS d FROM range({instances}) t(i))
        """)
        # instance_no in the refresh's cluster order: country pair, code pair, date.
        con.execute(f"""
            CREATE TEMP TABLE base AS
            SELECT *, row_number() OVER (ORDER BY
                       least({_country_sql("a")}, {_country_sql("b")}),
                       greatest({_country_sql("a")}, {_country_sql("b")}),
                       least({a_code}, {b_code}), greatest({a_code}, {b_code}), day, i) - 1
                   AS no
            FROM raw
        """)
        con.execute("DROP TABLE raw")
        con.execute(f"""
            INSERT INTO instances
            SELECT no, printf('%016x', i), event, NULL, ['diplomatic'],
                   '[{{"code":"' || {a_code} || '","name":"' || {a_name} || '"}}]',
                   '[{{"code":"' || {b_code} || '","name":"' || {b_name} || '"}}]',
                   [{a_code}], [{b_code}], strftime(day, '%Y-%m-%d'), 'day', day, day, false,
                   1, 1.0, {SOURCES_PER_INSTANCE}, {SOURCES_PER_INSTANCE}, 1
            FROM base ORDER BY no
        """)
        con.execute(f"""
            INSERT INTO instance_sources
            SELECT no, printf('%064x', s), 0, day, 'Publisher ' || (s % 300),
                   NULL, NULL, 0, 80,
                   'Synthetic sentence number ' || s || ' reporting the event between them.',
                   NULL
            FROM (SELECT no, day, i * {SOURCES_PER_INSTANCE} + j AS s
                  FROM base, range({SOURCES_PER_INSTANCE}) r(j))
            ORDER BY no
        """)
        con.execute(f"""
            INSERT INTO instance_dyads
            SELECT md5_number_upper(pair), pair, no FROM (
                SELECT no, CASE WHEN ka < kb THEN ka || '|' || kb ELSE kb || '|' || ka END AS pair
                FROM (
                    SELECT no, unnest(['c:' || {a_code}, 'k:' || {_country_sql("a")},
                                       'n:p' || a]) AS ka,
                           ['c:' || {b_code}, 'k:' || {_country_sql("b")}, 'n:p' || b] AS kbs
                    FROM base
                ), LATERAL (SELECT unnest(kbs) AS kb)
            ) ORDER BY 1
        """)
        con.execute("CHECKPOINT")
    tmp.rename(path)
    return time.perf_counter() - start


def _build_in_child(path: Path, events: int) -> float:
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(1) as pool:
        return float(pool.apply(build_store, (path, events)))


def query_figures(path: Path, queries: int = 20, seed: int = 7) -> dict[str, Any]:
    """Median and p95 milliseconds per timeline query (people and countries)."""
    from tidings.api import Tidings

    rng = random.Random(seed)
    out: dict[str, Any] = {}
    with Tidings(path, create=False) as api:
        # The first query that returns instances pays one-time costs (modules, the tables'
        # metadata and first reads): it is reported apart as the cold query.
        start = time.perf_counter()
        api.timeline(f"Person P{(7919 * 1) % ACTORS}", f"Person P{(104729 + 13) % ACTORS}")
        out["cold_ms"] = round((time.perf_counter() - start) * 1000, 1)
        for label in ("people", "countries"):
            times, cpu, sizes = [], [], []
            for _ in range(queries):
                d = rng.randrange(DYADS)
                a = (d * 7919) % ACTORS
                b = (d * 104729 + 13) % ACTORS
                b = (d * 104729 + 14) % ACTORS if a == b else b
                if label == "people":
                    terms = (f"Person P{a}", f"Person P{b}")
                else:
                    terms = (_country(a), _country(b))
                start, cpu_start = time.perf_counter(), time.process_time()
                line = api.timeline(*terms)
                times.append((time.perf_counter() - start) * 1000)
                cpu.append((time.process_time() - cpu_start) * 1000)
                sizes.append(len(line.instances))
            times.sort()
            out[label] = {
                "median_ms": round(statistics.median(times), 1),
                "p95_ms": round(times[min(len(times) - 1, int(0.95 * len(times)))], 1),
                "median_cpu_ms": round(statistics.median(cpu), 1),
                "median_instances": statistics.median(sizes),
                "median_sources": statistics.median(sizes) * SOURCES_PER_INSTANCE,
            }
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    out["load_average"] = round(os.getloadavg()[0], 1)
    return out


def _country(k: int) -> str:
    c = k // 25
    return chr(65 + c // 676) + chr(65 + (c // 26) % 26) + chr(65 + c % 26)


def dedup_figures(corpus: Path, limit: int | None = None) -> dict[str, Any]:
    """Exact and near duplicates among a JSONL corpus's article texts, with the same
    signatures and linking rules as the store (LSH bands matched in memory)."""
    from tidings.timeline.dedup import comparable, signature
    from tidings.timeline.refresh import link_duplicates

    start = time.perf_counter()
    sigs, meta = [], {}
    opener = gzip.open if corpus.suffix == ".gz" else open
    with opener(corpus, "rt", encoding="utf-8") as fh:  # type: ignore[operator]
        for n, line in enumerate(fh):
            if limit is not None and n >= limit:
                break
            rec = json.loads(line)
            doc_id = str(rec.get("id") or n)
            sigs.append(signature(doc_id, rec.get("text") or ""))
            meta[doc_id] = (rec.get("publisher"), rec.get("title"))
    signed = time.perf_counter() - start
    buckets: dict[tuple[int, int], list[str]] = {}
    by_hash: dict[str, list[str]] = {}
    for s in sigs:
        for band in s.bands() if comparable(s) else []:
            buckets.setdefault(band, []).append(s.doc_id)
        by_hash.setdefault(s.body_hash, []).append(s.doc_id)
    index = {s.doc_id: s for s in sigs}
    candidates: dict[str, list[Any]] = {}
    for s in sigs:
        banded = s.bands() if comparable(s) else []
        others = {o for band in banded for o in buckets[band]} | set(by_hash[s.body_hash])
        others.discard(s.doc_id)
        candidates[s.doc_id] = [index[o] for o in sorted(others)]
    links = link_duplicates(sigs, candidates, {})
    exact = sum(1 for d in links if d.exact)
    groups = len({d.duplicate_of for d in links})
    examples = [
        {"copy": meta[d.doc_id], "of": meta[d.duplicate_of], "similarity": d.similarity}
        for d in links[:5]
    ]
    return {
        "articles": len(sigs), "exact": exact, "near": len(links) - exact,
        "originals_with_copies": groups, "sign_seconds": round(signed, 1),
        "total_seconds": round(time.perf_counter() - start, 1), "examples": examples,
    }  # fmt: skip


def ingest_figures(corpus: Path, limit: int) -> dict[str, Any]:
    """Articles/s of a full ingest (pipeline, store, refresh) of the first ``limit``
    articles into a fresh store, and the refresh's own time."""
    import tempfile
    from itertools import islice

    from tidings.api import Tidings
    from tidings.sources import iter_documents

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "ingest.duckdb"
        with Tidings(db) as api:
            from tidings.pipeline import Pipeline
            from tidings.store import ingest

            items = islice(iter_documents([str(corpus)]), limit)
            start = time.perf_counter()
            counts = ingest(api.store, items, Pipeline, refresh=False)
            stored = time.perf_counter() - start
            r0 = time.perf_counter()
            refreshed = api.refresh()
            refresh_s = time.perf_counter() - r0
            total = time.perf_counter() - start
    return {
        "articles": counts.stored, "seconds": round(total, 1),
        "articles_per_s": round(counts.stored / total, 2) if total else 0.0,
        "pipeline_and_store_seconds": round(stored, 1), "refresh_seconds": round(refresh_s, 2),
        "refresh": refreshed.summary(),
    }  # fmt: skip


def run(events: int, queries: int = 20, corpus: Path | None = None,
        dedup_limit: int | None = None, ingest_limit: int = 0) -> dict[str, Any]:  # fmt: skip
    path = CACHE / f"timeline-{events}.duckdb"
    figures: dict[str, Any] = {"events": events, "store": str(path),
                               "queries_per_kind": queries}  # fmt: skip
    if not path.exists():
        figures["build_seconds"] = round(_build_in_child(path, events), 1)
    figures["store_mb"] = round(path.stat().st_size / 1e6, 1)
    figures["queries"] = query_figures(path, queries)
    if corpus is not None and corpus.exists():
        figures["dedup"] = dedup_figures(corpus, dedup_limit)
        if ingest_limit:
            figures["ingest"] = ingest_figures(corpus, ingest_limit)
    return figures


def markdown(f: dict[str, Any]) -> str:
    q = f["queries"]
    lines = [
        "# Timeline benchmark", "",
        f"Synthetic store: {f['events']:,} events (reports) in "
        f"{f['events'] // SOURCES_PER_INSTANCE:,} instances, {f['store_mb']} MB"
        + (f", built in {f['build_seconds']} s" if "build_seconds" in f else " (cached)"), "",
        f"Timeline queries through the API, {f.get('queries_per_kind', 20)} random dyads of "
        "each kind (target < 100 ms):", "",
        "| dyads | median ms | p95 ms | median CPU ms | median instances |",
        "|---|---|---|---|---|",
    ]  # fmt: skip
    for label in ("people", "countries"):
        r = q[label]
        lines.append(f"| {label} | {r['median_ms']} | {r['p95_ms']} | {r['median_cpu_ms']} | "
                     f"{r['median_instances']} |")  # fmt: skip
    lines += [
        "",
        f"First (cold) query: {q['cold_ms']} ms. Peak memory of the query process: "
        f"{q['peak_rss_mb']} MB (target < 2048). Load average during the run: "
        f"{q['load_average']} (on a shared machine, wall times include waiting).",
    ]
    if "dedup" in f:
        d = f["dedup"]
        lines += ["", f"Deduplication over {d['articles']:,} corpus articles: {d['exact']} exact "
                  f"and {d['near']} near duplicates of {d['originals_with_copies']} originals "
                  f"({d['total_seconds']} s)."]  # fmt: skip
    if "ingest" in f:
        i = f["ingest"]
        lines += ["", f"Ingest (pipeline + store + refresh) of the first {i['articles']} corpus "
                  f"articles: {i['articles_per_s']} articles/s ({i['seconds']} s; refresh "
                  f"{i['refresh_seconds']} s: {i['refresh']})."]  # fmt: skip
    return "\n".join(lines) + "\n"
