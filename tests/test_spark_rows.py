"""The plain-Python parts of the Spark path, without a JVM: an analysis survives its JSON
round trip, rows fit their tables, executors read files as ingest does, stable
partitions, and `load` refuses what is not a finished Spark output."""

from __future__ import annotations

import datetime as dt
import gzip
from collections import OrderedDict
from pathlib import Path
from typing import Any

import pytest

from tidings.errors import InputError, StageError, StoreError
from tidings.model import Analysis, Article, Document
from tidings.sources import iter_documents
from tidings.spark.rows import (
    ARTICLES,
    COLUMNS,
    ERRORS,
    EVENTS,
    QUOTES,
    analysis_rows,
    as_tuple,
    error_row,
    month_of,
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
            assert (row["input_file"], row["input_record"], row["month"]) == (3, 7, "2024-10")
    event = rows[EVENTS][0]
    doc_id = seed_analysis.article.doc_id
    assert event["id"] == f"{doc_id}:0" and event["source"][0].keys() == {"code", "name"}
    assert event["published"] == dt.date(2024, 10, 20)


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
