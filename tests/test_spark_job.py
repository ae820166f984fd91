"""`tidings spark` in local mode against `tidings ingest` on the same inputs: the same
articles, quotes and events record for record, the same errors, and after `tidings load`
the same store (duplicates, instances and findings included). Inputs: the first 50
corpus articles (read in place from ../shared, with a bad line and a repeated record
added), a WARC written here, and the examples folder (text files with sidecars)."""

from __future__ import annotations

import gzip
import io
import itertools
import shutil
from pathlib import Path
from typing import Any

import pytest

from tidings.api import Tidings
from tidings.errors import TidingsError
from tidings.spark.rows import (
    ARTICLES,
    ERRORS,
    EVENTS,
    LOAD_COLUMNS,
    PARTITION_COLUMN,
    PUBLIC_TABLES,
    QUOTES,
)
from tidings.store import Store, ingest
from tidings.timeline.refresh import refresh

pytestmark = [
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning"),
]
pytest.importorskip("pyspark", reason="pyspark is not installed (pip install 'tidings[spark]')")
if shutil.which("java") is None:
    pytest.skip("no Java on PATH: Spark needs Java 17", allow_module_level=True)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "allsides-10k.jsonl.gz"
EXAMPLES = ROOT / "examples"
CORPUS_ARTICLES = 50

# Articles written for this test (fictional).
TALKS = (
    "Serbian President Aleksandar Vucic met Hungarian Prime Minister Viktor Orban in "
    "Belgrade on Tuesday, the presidency said.",
    '"We agreed to build the new rail link together," Vucic told reporters after the talks.',
    "Orban said Hungary would support Serbia's bid to join the European Union.",
    "The two leaders signed an agreement on energy cooperation and promised to meet again "
    "in the spring.",
)
PROTEST = (
    "Thousands of farmers protested outside the Romanian parliament in Bucharest on "
    "Monday against a new fuel tax.",
    '"The government has abandoned us," said Ion Popescu, who leads the farmers\' union.',
    "Prime Minister Marcel Ciolacu rejected the demands and accused the union of "
    "spreading lies about the budget.",
    "Police arrested twelve protesters after clashes near the building, the interior "
    "ministry said.",
)


def _page(title: str, paragraphs: tuple[str, ...], published: str) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<html><head><title>{title}</title><meta property="article:published_time" '
        f'content="{published}"></head><body><article><h1>{title}</h1>{body}</article>'
        "</body></html>"
    ).encode()


def write_warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages = [
        ("https://news.test/talks", _page("Vucic and Orban agree rail link", TALKS, "2024-03-05"),
         "text/html; charset=utf-8", "200 OK"),
        ("https://news.test/protest", _page("Farmers protest fuel tax", PROTEST, "2024-04-01"),
         "text/html", "200 OK"),
        # the same bytes again: one content, stored once
        ("https://mirror.test/talks", _page("Vucic and Orban agree rail link", TALKS, "2024-03-05"),
         "text/html", "200 OK"),
        # a near copy: linked as a duplicate by the refresh
        ("https://other.test/talks", _page("Vucic, Orban agree rail link", TALKS[:3] + (
            "The leaders signed an agreement on energy cooperation and promised to meet "
            "again in the spring.",), "2024-03-05"), "text/html", "200 OK"),
        ("https://news.test/plain", b"no markup at all, only words " * 20, "text/html", "200 OK"),
        ("https://news.test/gone", b"<html>gone</html>", "text/html", "404 Not Found"),
        ("https://news.test/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00", "image/png", "200 OK"),
    ]  # fmt: skip
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for uri, body, ctype, status in pages:
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=http,
                warc_headers_dict={"WARC-Date": "2024-03-06T08:00:00Z"},
            )  # fmt: skip
            writer.write_record(record)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The corpus sample (when ../shared is there), the WARC and the examples folder."""
    folder = tmp_path_factory.mktemp("inputs")
    warc = folder / "pages.warc.gz"
    write_warc(warc)
    examples = folder / "examples"
    shutil.copytree(EXAMPLES, examples)
    found = [str(warc), str(examples), str(folder / "missing.jsonl")]
    if CORPUS.is_file():
        sample = folder / "corpus50.jsonl.gz"
        with gzip.open(CORPUS, "rb") as src, gzip.open(sample, "wb") as out:
            lines = list(itertools.islice(src, CORPUS_ARTICLES))
            out.writelines(lines)
            out.write(b'{"title": "broken\n')  # a bad record: an error row, the job goes on
            out.write(lines[0])  # a repeated record: analysed and stored once
        found.insert(0, str(sample))
    return found


@pytest.fixture(scope="module")
def spark(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from tidings.spark.job import JobSettings, session

    scratch = tmp_path_factory.mktemp("spark-scratch")
    spark = session(JobSettings(inputs=[], out="", master="local[2]", local_dir=str(scratch)))
    yield spark
    spark.stop()


def run_job(spark: Any, inputs: list[str], out: Path, partitions: int = 3) -> Any:
    from tidings.spark.job import JobSettings, run

    return run(JobSettings(inputs=inputs, out=str(out), partitions=partitions), spark)


@pytest.fixture(scope="module")
def ingested(inputs: list[str], pipeline: Any, tmp_path_factory: pytest.TempPathFactory
             ) -> tuple[Path, list[tuple[str, str]]]:  # fmt: skip
    """A store filled by `ingest`, and the (source, cause) of every input it refused."""
    from tidings.sources import iter_documents

    db = tmp_path_factory.mktemp("ingest") / "ingest.duckdb"
    failed: list[tuple[str, str]] = []

    def heard(outcome: str, source: str, error: TidingsError | None) -> None:
        if error is not None:
            failed.append((error.source or "", error.message))

    with Store(db) as store:
        ingest(store, iter_documents(inputs), lambda: pipeline, heard, refresh=refresh)
    return db, failed


@pytest.fixture(scope="module")
def output(spark: Any, inputs: list[str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("spark-out") / "out"
    counts = run_job(spark, inputs, out)
    assert counts.articles > 0 and counts.errors > 0
    return out


def read_arrow(out: Path, table: str) -> Any:
    import pyarrow.dataset as ds

    partitioning = None if table == ERRORS else "hive"
    return ds.dataset(out / table, format="parquet", partitioning=partitioning).to_table()


def read_table(out: Path, table: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = read_arrow(out, table).to_pylist()
    return rows


def _key(table: str, row: dict[str, Any]) -> tuple[Any, ...]:
    if table == ERRORS:
        return (row["source"],)
    doc_id, _, ordinal = row["id"].rpartition(":")
    return (row["id"],) if table == ARTICLES else (doc_id, int(ordinal))


def _public(table: str) -> Any:
    """The schema of a table's public fields (nullability aside: Spark and DuckDB differ)."""
    return lambda schema: [(f.name, f.type) for f in schema if f.name not in (
        *(name for name, _ in LOAD_COLUMNS[table]), PARTITION_COLUMN)]  # fmt: skip


def test_tables_are_what_export_writes_of_the_same_records(
    output: Path, ingested: tuple[Path, Any], tmp_path: Path
) -> None:  # fmt: skip
    """Field for field, type for type, value for value, the Spark tables equal `tidings
    export --format parquet` of the store `ingest` filled from the same inputs (less
    `ingested_at`: the Spark rows are not stored yet)."""
    import pyarrow.parquet as pq

    db, _ = ingested
    for table in PUBLIC_TABLES:
        exported = tmp_path / f"{table}.parquet"
        with Tidings(db, read_only=True) as api:
            api.export(exported, "parquet", table)  # type: ignore[arg-type]
        want = pq.read_table(exported)
        found = read_arrow(output, table)
        assert _public(table)(found.schema) == _public(table)(want.schema), table
        rows = sorted(want.to_pylist(), key=lambda r, t=table: _key(t, r))
        got = sorted(found.to_pylist(), key=lambda r, t=table: _key(t, r))
        assert len(got) == len(rows) and rows, table
        if table == ARTICLES:
            assert len(rows) >= 4
        for a, b in zip(got, rows, strict=True):
            a = {k: v for k, v in a.items() if k in b and k != "ingested_at"}
            b = {k: v for k, v in b.items() if k != "ingested_at"}
            assert a == b, f"{table} {_key(table, b)}"
        if table == ARTICLES:
            assert all(r["ingested_at"] is None for r in got)


def test_errors_are_those_ingest_reports(output: Path, ingested: tuple[Path, Any]) -> None:
    _, failed = ingested
    found = sorted((r["source"], r["cause"]) for r in read_table(output, ERRORS))
    assert found == sorted(failed)
    sources = " ".join(s for s, _ in found)
    assert "missing.jsonl" in sources and "pages.warc.gz#" in sources
    if CORPUS.is_file():
        assert f"corpus50.jsonl.gz:{CORPUS_ARTICLES + 1}" in sources


def test_output_is_partitioned_by_month(output: Path) -> None:
    months = {p.name for p in (output / ARTICLES).iterdir() if p.is_dir()}
    assert {"month=2024-03", "month=2024-04"} <= months
    for row in read_table(output, ARTICLES):
        published = row["published"]
        month = f"{published:%Y-%m}" if published else "undated"
        assert row["month"] == month


def store_rows(db: Path) -> dict[str, list[str]]:
    """Every table of a store, rows sorted, without the times rows were written."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:  # the store's own tables (the public views are made of them)
        tables = [r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'internal' "
            "ORDER BY 1").fetchall()]  # fmt: skip
        found = {}
        for table in tables:
            columns = [r[0] for r in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = "
                "'internal' AND table_name = ? ORDER BY ordinal_position", [table]
            ).fetchall()]  # fmt: skip
            kept = ", ".join(f'"{c}"' for c in columns if c not in ("ingested_at", "applied_at"))
            rows = con.execute(f"SELECT {kept} FROM internal.{table}").fetchall()
            found[table] = sorted(repr(r) for r in rows)
        return found
    finally:
        con.close()


def test_load_stores_what_ingest_stores(output: Path, ingested: tuple[Path, Any],
                                        tmp_path: Path) -> None:  # fmt: skip
    db, failed = ingested
    loaded = tmp_path / "loaded.duckdb"
    heard: list[str] = []
    with Tidings(loaded) as api:
        counts = api.load(output, on_outcome=lambda o, s, e: heard.append(o))
    assert counts.failed == len(failed) and counts.stored > 0
    assert heard.count("stored") == counts.stored and counts.timeline
    expected, found = store_rows(db), store_rows(loaded)
    assert found.keys() == expected.keys()
    assert found["duplicates"] and found["instances"], "the near copy in the WARC is linked"
    for table in expected:
        assert found[table] == expected[table], table
    with Tidings(loaded) as api:  # a second load stores nothing twice
        again = api.load([output])
    assert (again.stored, again.present) == (0, counts.stored)
    assert store_rows(loaded) == expected


def test_rerun_and_hadoop_uris_write_the_same_rows(spark: Any, inputs: list[str],
                                                   tmp_path: Path) -> None:  # fmt: skip
    local = [p for p in inputs if "corpus50" not in p]  # the small inputs: a quick rerun
    first, second, uris = tmp_path / "first", tmp_path / "second", tmp_path / "uris"
    run_job(spark, local, first, partitions=2)
    run_job(spark, local, second, partitions=2)
    run_job(spark, [Path(p).as_uri() for p in local], uris, partitions=2)
    for table in (ARTICLES, QUOTES, EVENTS, ERRORS):
        a = sorted(read_table(first, table), key=lambda r, t=table: _key(t, r))
        b = sorted(read_table(second, table), key=lambda r, t=table: _key(t, r))
        assert a == b, table
        c = sorted(read_table(uris, table), key=lambda r, t=table: _key(t, r))
        if table == ERRORS:  # a missing file is an error either way, in other words
            assert len(c) == len(a)
            continue
        assert len(c) == len(a)
        for x, y in zip(a, c, strict=True):
            x = {k: v for k, v in x.items() if k not in ("source", "analysis")}
            y = {k: v for k, v in y.items() if k not in ("source", "analysis")}
            assert x == y, table
    sources = {r["source"] for r in read_table(uris, ARTICLES)}
    assert all(s.startswith("file:") for s in sources)
    # the text files' sidecars came along: their publication dates were read
    assert any(r["published"] for r in read_table(uris, ARTICLES) if r["format"] == "text")


def test_actor_dictionary_reaches_the_executors(spark: Any, inputs: list[str],
                                                tmp_path: Path) -> None:  # fmt: skip
    from tidings.pipeline import Settings
    from tidings.spark.job import JobSettings, run

    actors = tmp_path / "farmers.actors"
    actors.write_text("ION_POPESCU_ [ROULAB]\n", encoding="utf-8")
    warc = [p for p in inputs if p.endswith(".warc.gz")]
    out = tmp_path / "out"
    run(JobSettings(inputs=warc, out=str(out), partitions=2,
                    pipeline=Settings(actors_file=actors)), spark)  # fmt: skip
    speakers = {r["speaker_name"]: r["speaker_code"] for r in read_table(out, QUOTES)}
    assert speakers.get("Ion Popescu") == "ROULAB", speakers


class _Shared:
    """The module's Spark session, lent to a command that would stop its own at the end."""

    def __init__(self, spark: Any) -> None:
        self._spark = spark

    def __getattr__(self, name: str) -> Any:
        return getattr(self._spark, name)

    def stop(self) -> None:
        pass


def test_spark_and_load_commands(spark: Any, inputs: list[str], tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    from typer.testing import CliRunner

    from tidings.cli import app

    monkeypatch.setattr("tidings.spark.job.session", lambda settings: _Shared(spark))
    runner = CliRunner(env={"TIDINGS_PROGRESS_SECONDS": "0"})
    warc = [p for p in inputs if p.endswith(".warc.gz")]
    out, db = tmp_path / "out", tmp_path / "t.duckdb"
    ran = runner.invoke(app, ["spark", *warc, "--out", str(out), "--partitions", "2"])
    assert ran.exit_code == 1, ran.output  # one page failed
    assert ran.stdout.startswith("3 articles, ") and "1 errors from 1 files" in ran.stdout
    assert f"1 failed: the source and cause of each are in {out}/errors" in ran.stderr
    assert "analysing: 3 documents" in ran.stderr  # progress lines off a terminal
    loaded = runner.invoke(app, ["load", str(out), "--db", str(db)])
    assert loaded.exit_code == 1, loaded.output  # the job's errors, printed as ingest prints
    assert loaded.stdout.startswith("3 articles stored") and "1 failed" in loaded.stdout
    assert len([x for x in loaded.stderr.splitlines() if x.startswith("error: ")]) == 1
    again = runner.invoke(app, ["load", str(out), "--db", str(db)])
    assert "0 articles stored" in again.stdout and "3 already present" in again.stdout
    with Tidings(db, read_only=True) as api:
        assert api.counts()["articles"] == 3 and api.counts()["instances"]
