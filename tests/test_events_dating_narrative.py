"""Which day an event takes when its own clause states none: the lede and reported or
quoted acts are the news (publication day); a later paragraph's simple past narrates an
act the text does not date; a pronoun continuing a dated sentence shares its day; two
statements of one act keep the more exact date."""

from __future__ import annotations

import pytest

from events_support import code, date_at, only, quote_of

PUBLISHED = "2024-03-15"
LEDE = "Atlantis and Carpania held talks on trade."
pytestmark = pytest.mark.slow


def _day(ev) -> str | None:  # type: ignore[no-untyped-def]
    return ev.date.value if ev.date is not None else None


def test_the_ledes_simple_past_is_the_news_of_the_day(nlp) -> None:  # type: ignore[no-untyped-def]
    ev = only(code(nlp, "Borduria imposed sanctions on Atlantis."), "SANCTION")
    assert _day(ev) == PUBLISHED


def test_a_later_paragraphs_undated_simple_past_takes_no_day(nlp) -> None:  # type: ignore[no-untyped-def]
    body = LEDE + "\n\nBorduria's ambassador accused Atlantis of meddling in its affairs."
    ev = only(code(nlp, body), "ACCUSE")
    assert ev.aux is None and ev.date is None


def test_the_simple_past_passive_is_narrated_too(nlp) -> None:  # type: ignore[no-untyped-def]
    body = LEDE + "\n\nCarpanian rebels were sanctioned by Borduria."
    ev = only(code(nlp, body), "SANCTION")
    assert ev.date is None


def test_an_act_reported_by_a_speaker_is_the_news(nlp) -> None:  # type: ignore[no-untyped-def]
    body = LEDE + "\n\nBorduria said that Atlantis criticized Carpania."
    ev = only(code(nlp, body), "ACCUSE")
    assert _day(ev) == PUBLISHED


def test_a_quoted_first_person_act_is_the_news(nlp) -> None:  # type: ignore[no-untyped-def]
    body = LEDE + '\n\n"I thanked Prime Minister Boris Kade for the gas," Lind said.'
    words = "I thanked Prime Minister Boris Kade for the gas,"
    quote = quote_of(body, words, "ATLGOV", "Anna Lind")
    ev = only(code(nlp, body, quotes=[quote]), "SUPPORT")
    assert _day(ev) == PUBLISHED


def test_a_relative_clause_inside_a_quote_describes_and_takes_no_day(nlp) -> None:  # type: ignore[no-untyped-def]
    # After a dev2 quote ("We are all challenged by a young man who lost an election"): the
    # relative clause describes a participant; it is not the speaker's news.
    body = LEDE + '\n\n"We are all challenged by Borduria, which attacked Carpania," Lind said.'
    words = "We are all challenged by Borduria, which attacked Carpania,"
    quote = quote_of(body, words, "ATLGOV", "Anna Lind")
    ev = only(code(nlp, body, quotes=[quote]), "ASSAULT")
    assert ev.date is None


def test_a_pronoun_continuing_a_dated_act_shares_its_day(nlp) -> None:  # type: ignore[no-untyped-def]
    body = LEDE + (
        "\n\nLind on Wednesday accused Borduria of intimidation. She urged Carpania to resist."
    )
    dates = [date_at(body, "on Wednesday", "2024-03-13", "day")]
    ev = only(code(nlp, body, dates=dates), "REQUEST")
    assert _day(ev) == "2024-03-13"


def test_a_new_paragraph_does_not_carry_the_day(nlp) -> None:  # type: ignore[no-untyped-def]
    # After the lede, whose acts take the day it gives for its news (test_events_dating_news_day).
    body = (LEDE + "\n\nThe talks were long.\n\nThey ended late.\n\nNo one spoke."
            "\n\nLind on Wednesday accused Borduria of intimidation."
            "\n\nShe urged Carpania to resist.")  # fmt: skip
    dates = [date_at(body, "on Wednesday", "2024-03-13", "day")]
    ev = only(code(nlp, body, dates=dates), "REQUEST")
    assert ev.date is None


def test_a_repeat_with_an_exact_day_refines_the_date(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (LEDE + "\n\nBorduria had attacked Carpania in January."
            " Borduria attacked Carpania on January 19 near the border.")  # fmt: skip
    dates = [date_at(body, "in January", "2024-01", "month"),
             date_at(body, "on January 19", "2024-01-19", "day")]  # fmt: skip
    ev = only(code(nlp, body, dates=dates), "ASSAULT")
    assert ev.aux == "historical" and _day(ev) == "2024-01-19"
