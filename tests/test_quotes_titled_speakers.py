"""Who speaks (issue 11, round 14): a definite description the actors stage reads as a
person the article names ("the North Korean leader", "the president") is that person, not
another of the same country or title named nearby, which is what the quotes stage's own
look-back by country code or title word picked (speaker rounds 9 and 11). Sentences written
for the tests after the pattern of corpus articles."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from speaker_support import actors_and_quotes, speaker_of

pytestmark = pytest.mark.slow


def test_the_leader_is_the_leader_not_his_sister_named_since(nlp: Any) -> None:
    text = (
        "North Korean leader Kim Jong Un sent a delegation to the Winter Olympics.\n\n"
        "Kim Yo Jong and the North's nominal head of state were the most senior North "
        "Korean officials to visit the South in more than a decade. The North Korean "
        'leader later said he wanted to create a "warm climate of reconciliation and '
        'dialogue."'
    )
    _, quotes = actors_and_quotes(nlp, text, "Reuters", dt.date(2018, 2, 23))
    assert speaker_of(quotes, "warm climate") == ("PRKGOV", "Kim Jong Un")


def test_the_president_is_the_one_the_article_is_about(nlp: Any) -> None:
    text = (
        "Donald Trump on Tuesday fired his national security adviser John Bolton.\n\n"
        "\u201cI informed John Bolton last night that his services are no longer needed,\u201d "
        "the president tweeted. \u201cI thank John very much for his service.\u201d\n\n"
        "Iranian President Hassan Rouhani said Tehran would not negotiate under pressure."
    )
    _, quotes = actors_and_quotes(nlp, text, "USA TODAY", dt.date(2019, 9, 10))
    assert speaker_of(quotes, "I informed John Bolton") == ("USAGOV", "Donald Trump")


def test_an_office_the_article_names_no_one_for_stays_a_description(nlp: Any) -> None:
    # the actors stage's office-holder for a title with no name in the article is not used
    text = (
        "Mossad chief Tamir Pardo met U.S. officials on Jan. 19.\n\n"
        'Instead, the Mossad director said he reiterated that "firm pressure" was needed.'
    )
    _, quotes = actors_and_quotes(nlp, text, "Bloomberg", dt.date(2015, 3, 24))
    assert [q.speaker.name for q in quotes if q.speaker] == ["Mossad director"]
