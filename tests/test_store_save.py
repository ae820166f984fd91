"""Saving: keyed by content hash (idempotent), one transaction per article (rollback)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from test_store_samples import phone_call, shelling, trade_deal
from tidings.errors import StoreError
from tidings.model import Analysis, to_dict
from tidings.store import Store, StoredEvent


def broken(analysis: Analysis) -> Analysis:
    """The analysis with an event that violates the events table (no event type), so the
    write fails after the mentions, quotes and dates of the same article went in."""
    bad = dataclasses.replace(analysis.events[0], event=None)  # type: ignore[arg-type]
    return dataclasses.replace(analysis, events=[*analysis.events, bad])


def test_store_save_twice_stores_once() -> None:
    store = Store(":memory:")
    assert store.save(phone_call()) is True
    before = store.counts()
    assert store.save(phone_call()) is False
    assert store.counts() == before
    assert before["documents"] == 1 and before["events"] == 3 and before["mentions"] == 3


def test_store_save_many_skips_duplicates_inside_the_batch() -> None:
    store = Store(":memory:")
    results = store.save_many([phone_call(), phone_call(), shelling()])
    assert results == [True, False, True]
    assert store.counts()["documents"] == 2


def test_store_failed_save_rolls_back_and_keeps_earlier_articles() -> None:
    store = Store(":memory:")
    store.save(shelling())
    before = store.counts()
    bad = broken(phone_call())
    with pytest.raises(StoreError, match="nothing stored"):
        store.save(bad)
    assert store.counts() == before
    assert not store.has(bad.document.content_hash)
    assert store.has(shelling().document.content_hash)


def test_store_failed_batch_loses_only_the_bad_article() -> None:
    store = Store(":memory:")
    results = store.save_many([shelling(), broken(phone_call()), trade_deal()])
    assert results[0] is True and results[2] is True
    assert isinstance(results[1], StoreError)
    assert "samples/phone_call.txt" in str(results[1])
    assert store.counts()["documents"] == 2
    assert store.counts()["events"] == len(shelling().events) + len(trade_deal().events)


def test_store_article_round_trips_the_records(tmp_path: Path) -> None:
    path = tmp_path / "t.duckdb"
    original = phone_call()
    with Store(path) as store:
        store.save(original)
    with Store(path) as store:  # reopened: nothing re-migrated, data persisted
        assert store.version >= 1
        loaded = store.article(original.document.content_hash[:10])
    stored = to_dict(loaded.article)  # the article, and where it was stored from
    assert {k: stored.pop(k) for k in ("source", "format")} == {
        "source": "samples/phone_call.txt", "format": "text"}  # fmt: skip
    assert stored.pop("ingested_at")
    assert stored == to_dict(original.article)
    assert to_dict(loaded.mentions) == to_dict(original.mentions)
    assert to_dict(loaded.dates) == to_dict(original.dates)
    assert loaded.document.source == original.document.source
    assert loaded.document.hints == {"note": "hand-made"}
    for got, want in zip(loaded.events, original.events, strict=True):
        assert isinstance(got, StoredEvent)
        assert got.doc_id == original.document.content_hash
        assert got.published == original.article.published
        plain = {k: v for k, v in to_dict(got).items()
                 if k not in ("doc_id", "ordinal", "published", "publisher")}  # fmt: skip
        assert plain == to_dict(want)
    (quote,) = loaded.quotes
    assert quote.speaker is not None and quote.speaker.code == "SRBGOV"
    assert quote.text == original.quotes[0].text


def with_id(analysis: Analysis, doc_id: str) -> Analysis:
    document = dataclasses.replace(analysis.document, content_hash=doc_id)
    article = dataclasses.replace(analysis.article, doc_id=doc_id)
    return dataclasses.replace(analysis, document=document, article=article)


def test_store_article_id_must_be_a_unique_prefix() -> None:
    store = Store(":memory:")
    store.save_many([with_id(phone_call(), "abc1" + "0" * 60),
                     with_id(shelling(), "abc2" + "0" * 60)])  # fmt: skip
    assert store.article("abc2").article.title == "Shelling claims"
    with pytest.raises(StoreError, match="ambiguous"):
        store.article("abc")
    with pytest.raises(StoreError, match="no article"):
        store.article("ffff")


def test_store_refuses_to_open_a_missing_store_for_reading(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store"):
        Store(tmp_path / "absent.duckdb", create=False)
