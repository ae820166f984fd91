"""Queries: actor codes, country prefixes and names; types; date ranges across precisions."""

from __future__ import annotations

import pytest

from test_store_samples import all_samples
from tidings.errors import InputError
from tidings.store import Store


@pytest.fixture(scope="module")
def store() -> Store:
    s = Store(":memory:")
    s.save_many(all_samples())
    return s


def kinds(events: object) -> list[str]:
    return [f"{e.event}:{e.date.value if e.date else None}" for e in events]  # type: ignore[attr-defined]


def test_store_events_by_country_prefix_matches_every_sector(store: Store) -> None:
    # RUSMIL's accusation, RUSGOV's threat, and the meeting where Putin is a co-actor.
    assert kinds(store.events(actor="RUS")) == ["CONSULT:2019", "ACCUSE:2024-11", "THREATEN:None"]


def test_store_events_by_full_code_matches_exactly(store: Store) -> None:
    assert kinds(store.events(actor="RUSMIL")) == ["ACCUSE:2024-11"]
    assert kinds(store.events(recipient="RUSMIL")) == ["REJECT:2024-11-02"]


@pytest.mark.parametrize("term", ["Vucic", "vučić", "Aleksandar Vucic", "aleksandar vučić"])
def test_store_events_by_name_ignore_case_and_accents(store: Store, term: str) -> None:
    assert kinds(store.events(actor=term)) == [
        "CONSULT:2019",
        "CONSULT:2022-05",
        "CONSULT:2024-10-20",
    ]


def test_store_events_by_surname_on_recipient_side(store: Store) -> None:
    assert kinds(store.events(recipient="Putin")) == ["CONSULT:2022-05", "CONSULT:2024-10-20"]
    assert kinds(store.events(actor="Okafor", recipient="Vucic")) == ["AGREE:2023-W40"]
    assert list(store.events(actor="Tin")) == []  # a surname is a whole word, not a suffix


def test_store_events_by_type_is_case_insensitive(store: Store) -> None:
    assert kinds(store.events(event_type="reject")) == ["REJECT:2024-11-02"]


def test_store_events_ordered_by_first_day_across_precisions(store: Store) -> None:
    assert kinds(store.events()) == [
        "CONSULT:2019",
        "CONSULT:2022-05",
        "AGREE:2023-W40",
        "CONSULT:2024-10-20",
        "ACCUSE:2024-11",
        "REJECT:2024-11-02",
        "THREATEN:None",
    ]


def test_store_events_date_order(store: Store) -> None:
    days = [e.date.first_day() for e in store.events() if e.date]
    assert days == sorted(days)
    assert kinds(store.events())[-1] == "THREATEN:None"


def test_store_events_date_range_keeps_overlapping_precisions(store: Store) -> None:
    # A month overlaps a day inside it; the undated event is outside every range.
    assert kinds(store.events(since="2024-11-02", until="2024-11-02")) == [
        "ACCUSE:2024-11",
        "REJECT:2024-11-02",
    ]
    assert kinds(store.events(since="2024-11")) == ["ACCUSE:2024-11", "REJECT:2024-11-02"]
    assert kinds(store.events(until="2022")) == ["CONSULT:2019", "CONSULT:2022-05"]
    # An ISO week (2023-10-02 … 10-08) overlaps October 2023 and 2023.
    assert kinds(store.events(since="2023-10-05", until="2023-10")) == ["AGREE:2023-W40"]
    assert kinds(store.events(since="2023", until="2023")) == ["AGREE:2023-W40"]


def test_store_events_rejects_a_malformed_date(store: Store) -> None:
    with pytest.raises(InputError, match="not a date"):
        list(store.events(since="last week"))


def test_store_events_limit(store: Store) -> None:
    assert len(list(store.events(limit=2))) == 2


def test_store_quotes_by_speaker_code_prefix_and_name(store: Store) -> None:
    assert [q.speaker.code for q in store.quotes(speaker="SRB")] == ["SRBGOV"]  # type: ignore[union-attr]
    assert [q.text for q in store.quotes(speaker="okafor")] == ["This is a start,"]
    assert [q.partial for q in store.quotes(speaker="UKRGOV")] == [True]
    assert list(store.quotes(speaker="Putin")) == []


def test_store_articles_by_publisher_and_date(store: Store) -> None:
    assert [a.title for a in store.articles(publisher="harbor")] == ["Shelling claims"]
    assert [a.title for a in store.articles(since="2024-10", until="2024-10")] == [
        "Vučić and Putin talk by phone"
    ]
    assert len(store.articles()) == 3
