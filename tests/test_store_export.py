"""Export: JSON Lines, CSV and Parquet read back with DuckDB and pandas."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from test_store_samples import all_samples, phone_call
from tidings.errors import StoreError
from tidings.model import to_dict
from tidings.shapes import event_record
from tidings.store import Store


@pytest.fixture(scope="module")
def store() -> Store:
    s = Store(":memory:")
    s.save_many(all_samples())
    return s


def test_store_export_events_jsonl_uses_record_field_names(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    assert store.export(out, "jsonl", "events") == 7
    lines = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert sorted(lines, key=lambda r: r["id"]) == sorted(
        (event_record(e) for e in store.events()), key=lambda r: r["id"]
    )
    call = next(r for r in lines if r["date"] == "2024-10-20")
    assert call["date_precision"] == "day" and call["quad_code"] == 1
    assert call["event"] == "CONSULT" and call["mode"] == "phone"
    assert call["source"] == [{"code": "SRBGOV", "name": "Aleksandar Vučić"}]
    assert call["recipient"] == [{"code": "RUSGOV", "name": "Vladimir Putin"}]
    assert call["context"] == ["diplomatic"] and call["published"] == "2024-10-20"


def test_store_export_quotes_and_articles_jsonl(store: Store, tmp_path: Path) -> None:
    store.export(tmp_path / "q.jsonl", "jsonl", "quotes")
    quotes = [json.loads(x) for x in (tmp_path / "q.jsonl").read_text("utf-8").splitlines()]
    assert {q["speaker_code"] for q in quotes} == {"SRBGOV", "UKRGOV", "NGAGOV"}
    store.export(tmp_path / "a.jsonl", "jsonl", "articles")
    arts = [json.loads(x) for x in (tmp_path / "a.jsonl").read_text("utf-8").splitlines()]
    first = next(a for a in arts if a["id"] == phone_call().document.content_hash)
    article = to_dict(phone_call().article)
    assert first["title"] == article["title"] and first["body"] == article["body"]
    assert first["paragraphs"] == article["paragraphs"]
    assert first["furniture"] == article["furniture"] and first["format"] == "text"


def test_store_export_events_csv(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    assert store.export(out, "csv", "events") == 7
    frame = pd.read_csv(out)
    assert len(frame) == 7
    row = frame[frame["date"] == "2024-10-20"].iloc[0]
    assert row["event"] == "CONSULT" and row["date_precision"] == "day"
    assert json.loads(row["source"]) == [{"code": "SRBGOV", "name": "Aleksandar Vučić"}]
    assert json.loads(row["context"]) == ["diplomatic"]
    assert row["first_day"] == "2024-10-20"
    week = frame[frame["date_precision"] == "week"].iloc[0]
    assert (week["first_day"], week["last_day"]) == ("2023-10-02", "2023-10-08")


def test_store_export_events_parquet_keeps_types(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    assert store.export(out, "parquet", "events") == 7
    rows = duckdb.sql(
        f"SELECT event, source, recipient_code, first_day FROM '{out}' WHERE date = '2024-11'"
    ).fetchall()
    assert [r[0] for r in rows] == ["ACCUSE"]
    assert rows[0][1] == [{"code": "RUSMIL", "name": "Russian Defence Ministry"}]
    assert rows[0][2] == "UKRGOV"
    assert str(rows[0][3]) == "2024-11-01"
    assert len(pd.read_parquet(out)) == 7


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_store_export_quotes_and_articles_flat(store: Store, tmp_path: Path, fmt: str) -> None:
    quotes_out, articles_out = tmp_path / f"q.{fmt}", tmp_path / f"a.{fmt}"
    assert store.export(quotes_out, fmt, "quotes") == 3  # type: ignore[arg-type]
    assert store.export(articles_out, fmt, "articles") == 3  # type: ignore[arg-type]
    read = pd.read_csv if fmt == "csv" else pd.read_parquet
    quotes, articles = read(quotes_out), read(articles_out)
    assert set(quotes["speaker_code"]) == {"SRBGOV", "UKRGOV", "NGAGOV"}
    assert set(articles["title"]) == {"Vučić and Putin talk by phone", "Shelling claims",
                                      "A trade deal"}  # fmt: skip
    call = articles[articles["title"] == "Vučić and Putin talk by phone"].iloc[0]
    furniture = json.loads(call["furniture"]) if fmt == "csv" else list(call["furniture"])
    assert furniture == ["Subscribe now", "Share this"]


def test_store_export_refuses_unknown_format(store: Store, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="unknown export format"):
        store.export(tmp_path / "x", "xml", "events")  # type: ignore[arg-type]
