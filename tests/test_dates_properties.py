"""Property: the dates stage never crashes and its offsets always slice the body."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tidings.dates import resolve_dates
from tidings.model import Article

FRAGMENTS = [
    "on Sunday", "Sunday's", "last Tuesday", "next Friday", "by Monday", "this week",
    "last week", "earlier in the week", "the following week", "the previous day",
    "Oct. 22 to 24", "Oct. 22-24", "Feb. 29", "Feb. 30", "31 April", "in May", "May",
    "may", "March", "in September", "since May 2022", "between 2010 and 2012", "1980-88",
    "2099-99", "in 2019", "the 1990s", "the '20s", "this winter", "last fall",
    "two and a half years", "999 centuries ago", "999.5 years ago", "0 days", "a year ago",
    "three days later", "today", "yesterday", "Currently", "Section 2022", "World War II",
    "the 80th anniversary", "3-1", "2000 votes", ",", ".", "\n\n", "the", "and", "said",
    "will", "was", "Putin", "—", "“", "”",
]  # fmt: skip
texts = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), min_size=1, max_size=14
).map(" ".join)
published = st.one_of(
    st.none(), st.dates(min_value=dt.date(1901, 1, 1), max_value=dt.date(2098, 12, 31))
)


@pytest.mark.slow
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, pub=published)
def test_dates_properties_never_crash_and_offsets_slice_body(
    nlp: Any, text: str, pub: dt.date | None
) -> None:
    article = Article(doc_id="p", title=None, body=text, published=pub)
    for m in resolve_dates(nlp(text), article):
        assert text[m.start : m.end] == m.text
        assert (m.date.value is None) == (m.date.precision == "unresolved")
        if m.date.value is not None and m.date.precision != "duration":
            first, last = m.date.first_day(), m.date.last_day()
            assert first is not None and last is not None and first <= last
