"""A date that names the time of another event dates that event, not the clause's act: a
date modifying a noun ("a September attack", "yesterday's drills") belongs to the noun,
except when the noun is the act's direct object (a reaction to "Friday's announcement" is
told as that day's news) or a word of time ("the Sept. 11 anniversary"). The lede's news
day passes over such dates too.

The sentences are from development articles: corpus events of the date labels
(``data/events/dates-*.jsonl``) and dev2 (shortened)."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.tokens import Doc, Token

from events_support import date_at
from tidings.events.dating import news_day, own_date
from tidings.model import Paragraph

pytestmark = pytest.mark.slow


def _token(doc: Doc, word: str) -> Token:
    return next(t for t in doc if t.text == word)


def _own(nlp, text: str, trigger: str, date: str, value: str, precision: str) -> str | None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    found = own_date(_token(doc, trigger), [date_at(text, date, value, precision)])
    return found.mention.date.value if found is not None else None


def test_a_date_of_an_argument_noun_does_not_date_the_act(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus, 2019: the denial is not September's; the attack is.
    text = "Iran has denied its involvement in a September attack on Saudi oil facilities."
    assert _own(nlp, text, "denied", "September", "2019-09", "month") is None


def test_a_year_of_a_directive_does_not_date_the_act_that_invokes_it(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus, 2018: an injunction requiring the department to abide by its 2009 directive.
    text = (
        "The judge issued an injunction that requires the Department of Homeland Security"
        " to abide by its own 2009 directive."
    )
    assert _own(nlp, text, "requires", "2009", "2009", "year") is None


def test_a_date_of_the_acts_direct_object_still_dates_the_reaction(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus, published 2018-06-16: the ripping is told as Friday's news.
    text = "Chinese officials initially ripped Friday's announcement, calling it damaging."
    assert _own(nlp, text, "ripped", "Friday", "2018-06-15", "day") == "2018-06-15"


def test_an_anniversary_is_a_time_not_another_event(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus, 2019: the rocket exploded as the anniversary began.
    text = "As the Sept. 11 anniversary began in Afghanistan, a rocket exploded at the embassy."
    assert _own(nlp, text, "exploded", "Sept. 11", "2019-09-11", "day") == "2019-09-11"


def test_the_ledes_news_day_is_not_the_day_of_the_event_it_follows(nlp) -> None:  # type: ignore[no-untyped-def]
    # dev2, published 2013-03-29: the threat is the day's news, the drills were yesterday's.
    text = (
        "North Korea has threatened the United States, yet again, following yesterday's"
        " American led B-2 stealth bomber drills over South Korea."
    )
    doc = nlp(text)
    dates = [date_at(text, "yesterday", "2013-03-28", "day")]
    paragraphs = [Paragraph(0, len(text))]
    published = dt.date(2013, 3, 29)
    assert news_day(paragraphs, dates, published, doc) is None
    # without the parse, the first recent date of the lede is taken
    assert news_day(paragraphs, dates, published) is not None
