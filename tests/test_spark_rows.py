"""The plain-Python parts of the Spark path, without a JVM: an analysis survives its JSON
round trip, rows fit their tables, executors read files as ingest does, stable
partitions, and `load` refuses what is not a finished Spark output."""

from __future__ import annotations

import datetime as dt
import gzip
import re
from collections import OrderedDict
from pathlib import Path
from typing import Any

import pytest

from tidings import shapes
from tidings.errors import InputError, StageError, StoreError
from tidings.model import Analysis, Article, Document
from tidings.sources import iter_documents
from tidings.spark.rows import (
    ARTICLES,
    COLUMNS,
    ERRORS,
    EVENTS,
    LOAD_COLUMNS,
    PUBLIC_TABLES,
    QUOTES,
    analysis_rows,
    as_tuple,
    ddl,
    error_row,
    month_of,
    spark_type,
    typed,
)
from tidings.spark.tasks import InputFile, first_read, item_key, partition_of, read_file
from tidings.store.load import (
    Replay,
    analysis_from_json,
    analysis_json,
    check_output,
    error_from_row,
)


def test_analysis_survives_its_json(seed_analysis: Analysis) -> None:
    text = analysis_json(seed_analysis)
    assert seed_analysis.article.body not in text  # kept once, in the body column
    back = analysis_from_json(text, seed_analysis.article.body)
    assert back.document.content == ""  # the raw page is not kept, as in the store
    back.document.content = seed_analysis.document.content
    assert back == seed_analysis
    assert isinstance(back.article.published, dt.date)
    assert back.events and back.events[0].date is not None


def test_rows_fit_their_tables(seed_analysis: Analysis) -> None:
    rows = analysis_rows(seed_analysis, 3, 7)
    assert len(rows[ARTICLES]) == 1
    assert len(rows[QUOTES]) == len(seed_analysis.quotes)
    assert len(rows[EVENTS]) == len(seed_analysis.events)
    for table, found in rows.items():
        for row in found:
            assert len(as_tuple(table, row)) == len(COLUMNS[table])
            assert row["month"] == "2024-10"
    (article,) = rows[ARTICLES]
    assert (article["input_file"], article["input_record"]) == (3, 7)
    assert article["id"] == seed_analysis.article.doc_id and article["ingested_at"] is None
    event = rows[EVENTS][0]
    doc_id = seed_analysis.article.doc_id
    assert event["id"] == f"{doc_id}:0" and event["source"][0].keys() == {"code", "name"}
    assert event["published"] == dt.date(2024, 10, 20)
    assert event["source_code"] == event["source"][0]["code"]
    assert isinstance(event["first_day"], dt.date)


def test_tables_are_the_public_shapes_plus_what_load_needs() -> None:
    for table in PUBLIC_TABLES:
        names = [name for name, _ in COLUMNS[table]]
        extra = [name for name, _ in LOAD_COLUMNS[table]]
        assert names == [*shapes.names(table), *extra, "month"], table
    assert [name for name, _ in LOAD_COLUMNS[ARTICLES]] == ["analysis", "input_file",
                                                           "input_record"]  # fmt: skip
    assert not LOAD_COLUMNS[QUOTES] and not LOAD_COLUMNS[EVENTS]


def test_rows_are_the_records_of_the_stored_analysis(
    seed_analysis: Analysis, tmp_path: Path
) -> None:  # fmt: skip
    """What the store gives back after saving the analysis, shaped: the same values."""
    from tidings.store import Store

    rows = analysis_rows(seed_analysis, 0, 0)
    with Store(tmp_path / "s.duckdb") as store:
        store.save_many([seed_analysis])
        doc_id = seed_analysis.article.doc_id
        stored = {
            ARTICLES: [shapes.record(a) for a in store.iter_articles(None, None, None, None)],
            QUOTES: [shapes.record(q) for q in store.quotes()],
            EVENTS: [shapes.record(e) for e in store.events()],
        }
    for table in PUBLIC_TABLES:
        want = sorted((typed(table, r) for r in stored[table]), key=lambda r: r["id"])
        got = sorted(rows[table], key=lambda r: r["id"])
        assert len(got) == len(want) and got, table
        for row, expected in zip(got, want, strict=True):
            public = {k: v for k, v in row.items() if k in shapes.names(table)}
            if table == ARTICLES:  # set by the store when it stores the article
                expected["ingested_at"] = None
            assert public == expected, (table, row["id"], doc_id)


def test_spark_types_of_the_sql_types() -> None:
    assert spark_type("VARCHAR") == "string" and spark_type("TIMESTAMP") == "timestamp_ntz"
    assert spark_type("VARCHAR[]") == "array<string>"
    assert spark_type(shapes.ACTORS) == "array<struct<`code`:string,`name`:string>>"
    assert (spark_type('STRUCT(start INTEGER, "end" INTEGER)[]')
            == "array<struct<`start`:int,`end`:int>>")  # fmt: skip
    for table in PUBLIC_TABLES:  # every type a public field has
        assert ddl(table)


def test_a_row_with_other_columns_is_refused() -> None:
    with pytest.raises(ValueError, match=r"extra \['surprise'\]"):
        as_tuple(ERRORS, {**error_row(InputError("x", source="f"), 0, 0), "surprise": 1})


def test_month_partition() -> None:
    assert month_of(dt.date(2024, 3, 9)) == "2024-03"
    assert month_of(None) == "undated"


def test_errors_come_back_as_ingest_printed_them() -> None:
    for error in (InputError("record has no text field", source="a.jsonl:3"),
                  StageError("boom", stage="nlp", source="b.txt")):  # fmt: skip
        row = error_row(error, 0, 0)
        back = error_from_row(row["source"], row["cause"], row["code"], row["stage"])
        assert type(back) is type(error) and back.one_line() == error.one_line()


def test_files_are_read_as_ingest_reads_them(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write('{"id": "a1", "text": "Talks resumed in Geneva on Monday."}\n')
        fh.write("not json\n\n")
        fh.write('{"text": "The parliament met again."}\n')
    expected = list(iter_documents([str(path)]))
    found = list(read_file(InputFile(4, str(path)), {}))
    assert [(f, n) for f, n, _ in found] == [(4, 0), (4, 1), (4, 2)]
    assert found[0][2] == expected[0] and found[2][2] == expected[2]
    error = found[1][2]
    assert isinstance(error, dict) and error["source"] == f"{path}:2"
    # the same bytes shipped from a Hadoop URI: read from a copy, named by the URI
    remote = list(read_file(InputFile(4, "hdfs://nn/news.jsonl.gz", remote=True), {},
                            path.read_bytes(), str(tmp_path)))  # fmt: skip
    doc = remote[0][2]
    assert isinstance(doc, Document) and doc.source == "hdfs://nn/news.jsonl.gz#a1"
    assert doc.content_hash == expected[0].content_hash  # type: ignore[union-attr]
    assert remote[1][2]["source"] == "hdfs://nn/news.jsonl.gz:2"  # type: ignore[index]


def test_remote_text_keeps_its_sidecar(tmp_path: Path) -> None:
    found = list(read_file(
        InputFile(0, "s3a://bucket/story.txt", remote=True,
                  sidecar='{"published": "2024-05-06", "publisher": "Daily"}'),
        {}, b"The minister resigned on Friday.", str(tmp_path)))  # fmt: skip
    doc = found[0][2]
    assert isinstance(doc, Document)
    assert doc.hints["published"] == "2024-05-06" and doc.source == "s3a://bucket/story.txt"


def test_partitions_are_stable_and_first_copy_wins() -> None:
    assert (
        partition_of("error:1:2") == partition_of("error:1:2") == 1217302801
    )  # crc32: the same in every process
    doc = Document(source="x", content_hash="ab" * 32, format="text", content="t")
    assert item_key((0, 0, doc)) == "ab" * 32
    assert item_key((2, 5, {"source": "y"})) == "error:2:5"
    assert first_read((3, 1, doc), (1, 9, doc)) == (1, 9, doc)


def _analysis(key: str) -> Analysis:
    doc = Document(source=key, content_hash=key, format="text", content="")
    return Analysis(document=doc, article=Article(doc_id=key, title=None, body="b"))


def test_replay_answers_in_order_past_skipped_documents() -> None:
    waiting: OrderedDict[str, Analysis] = OrderedDict((k, _analysis(k)) for k in "abcd")
    replay = Replay(waiting)
    asked: list[Any] = [waiting["b"].document, InputError("bad", source="e"),
                        waiting["d"].document]  # fmt: skip
    answers = list(replay.analyze_many(asked))
    assert [getattr(a, "document", a).source for a in answers] == ["b", "e", "d"]
    assert not waiting


def test_load_refuses_what_is_not_a_finished_output(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such folder"):
        check_output(tmp_path / "nothing")
    with pytest.raises(StoreError, match="not the output of `tidings spark`"):
        check_output(tmp_path)
    for table in (ARTICLES, ERRORS):
        (tmp_path / table).mkdir()
    with pytest.raises(StoreError, match="did not finish"):
        check_output(tmp_path)
    for table in (ARTICLES, ERRORS):
        (tmp_path / table / "_SUCCESS").touch()
    assert check_output(tmp_path) == tmp_path


def test_job_refuses_a_folder_of_other_files(tmp_path: Path) -> None:
    from tidings.spark.job import check_out

    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(InputError, match="refusing"):
        check_out(str(tmp_path))
    check_out(str(tmp_path / "new"))  # a new folder is fine


def test_readme_names_only_fields_the_tables_have() -> None:
    """The README's account of the Spark output names fields of the public shapes."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")
    start = readme.index("- **Output**: Parquet tables")
    bullet = readme[start : readme.index("\n- **", start + 1)]
    fields = {name for table in PUBLIC_TABLES for name, _ in COLUMNS[table]}
    functions = {"article_record", "quote_record", "event_record", "load"}
    named = set(re.findall(r"`([a-z_]+)`", bullet)) - functions
    assert named and named <= fields, sorted(named - fields)
