"""Inferring the publication date from the text when no source gives it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from dates_support import mention_at
from tidings.dates import infer_published, reference_date
from tidings.model import Article

SUMMIT = (
    "The prime minister spoke by phone with the chancellor on Sunday, for the first time "
    "since May 2022. A decision is expected on his attendance at the summit this week.\n\n"
    "The summit will be held in Vienna on Oct. 22 to 24."
)


@pytest.mark.slow
def test_dates_infer_weekday_and_this_week_fix_the_day(nlp: Any) -> None:
    assert infer_published(nlp(SUMMIT)) == dt.date(2024, 10, 20)


@pytest.mark.slow
def test_dates_infer_accepts_plain_text() -> None:
    assert infer_published(SUMMIT) == dt.date(2024, 10, 20)


@pytest.mark.slow
def test_dates_infer_seed(nlp: Any, seed_text: str) -> None:
    assert infer_published(nlp(seed_text)) == dt.date(2024, 10, 20)


@pytest.mark.slow
def test_dates_infer_caption_date_with_weekday(nlp: Any) -> None:
    text = (
        "President Rouhani speaks in Tehran, Friday, Sept. 27, 2019.\n\n"
        "Iran on Friday released a tanker it had seized in July."
    )
    assert infer_published(nlp(text)) == dt.date(2019, 9, 27)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The ministers met on Sunday to discuss the 2020 budget.",  # many Sundays fit
        "The treaty was signed in 2019 and ratified this week.",  # no event weekday
        "Nothing here is dated at all.",
    ],
)
def test_dates_infer_refuses_when_constraints_do_not_fix_a_day(nlp: Any, text: str) -> None:
    assert infer_published(nlp(text)) is None


@pytest.mark.slow
def test_dates_infer_used_only_without_published(nlp: Any) -> None:
    doc = nlp(SUMMIT)
    unknown = Article(doc_id="t", title=None, body=SUMMIT, published=None)
    assert reference_date(doc, unknown) == (dt.date(2024, 10, 20), "inferred")
    known = Article(doc_id="t", title=None, body=SUMMIT, published=dt.date(2024, 10, 23))
    assert reference_date(doc, known) == (dt.date(2024, 10, 23), "published")
    sunday = mention_at(nlp, SUMMIT, "on Sunday", None)
    assert (sunday.date.value, sunday.reference) == ("2024-10-20", "inferred")
    since = mention_at(nlp, SUMMIT, "May 2022", None)
    assert (since.date.value, since.reference) == ("2022-05", None)  # absolute
