"""An event's people are coded by the office they held on the event's date (gold README: "a
person is coded by the office they held on the event's date; a former official is ELI"),
while the article's actors keep their standing at publication. The sentences are corpus
sentences (allsides ids given), shortened."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from events_support import pipeline_events
from tidings.events.arguments import Party
from tidings.events.standing import STANDING_RULE, Period, event_period, party_then
from tidings.model import DateMention, DateValue

YEAR_2014 = Period(dt.date(2014, 1, 1), dt.date(2014, 12, 31))


def test_a_president_acting_in_a_past_year_was_the_government() -> None:
    # The actors stage codes the Obama of a 2020 article by his standing then, USAELI.
    party = Party("USAELI", "Barack Obama", 3, kind="person")
    assert party_then(party, YEAR_2014, dt.date(2020, 6, 1)).code == "USAGOV"


def test_out_of_office_on_the_day_is_a_former_official() -> None:
    # Trump governs again at publication (2025) but held no office in mid-2022.
    party = Party("USAGOV", "Donald Trump", 0, kind="person")
    mid_2022 = Period(dt.date(2022, 6, 1), dt.date(2022, 6, 30))
    assert party_then(party, mid_2022, dt.date(2025, 3, 1)).code == "USAELI"


def test_before_the_first_known_office_the_standing_is_kept() -> None:
    party = Party("USAGOV", "Donald Trump", 0, kind="person")
    year_2010 = Period(dt.date(2010, 1, 1), dt.date(2010, 12, 31))
    assert party_then(party, year_2010, dt.date(2018, 1, 1)) is party


def test_a_code_the_articles_words_gave_is_kept() -> None:
    # "Obama, a law professor" is what the text says of him, not the gazetteer's standing.
    party = Party("USAEDU", "Barack Obama", 0, kind="person")
    assert party_then(party, YEAR_2014, dt.date(2020, 6, 1)) is party


def test_people_the_gazetteer_does_not_know_are_kept() -> None:
    party = Party("USAELI", "Robert Williams", 0, kind="person")
    assert party_then(party, YEAR_2014, dt.date(2020, 6, 1)) is party


PUBLISHED = dt.date(2018, 4, 4)
# allsides-jR8vRNvFEXgs6b2B (2018-04-04), shortened.
SENTENCE = "In 2010, President Barack Obama sent National Guard troops to the border."


def _year(body: str, text: str = "2010") -> DateMention:
    start = body.index(text)
    return DateMention(text, start, start + len(text), DateValue(text, "year"))


def _trigger(nlp, body: str, word: str):  # type: ignore[no-untyped-def]
    doc = nlp(body)
    return next(t for t in doc if t.text == word)


def test_a_past_date_is_the_period(nlp) -> None:  # type: ignore[no-untyped-def]
    sent = _trigger(nlp, SENTENCE, "sent")
    period = event_period(DateValue("2010", "year"), None, "historical", sent, [], PUBLISHED)
    assert period == Period(dt.date(2010, 1, 1), dt.date(2010, 12, 31))
    assert period.day == dt.date(2010, 7, 2)


def test_current_and_announced_events_keep_the_standing(nlp) -> None:  # type: ignore[no-untyped-def]
    sent = _trigger(nlp, SENTENCE, "sent")
    today = DateValue(PUBLISHED.isoformat(), "day")
    assert event_period(today, None, None, sent, [], PUBLISHED) is None
    past = DateValue("2010", "year")
    assert event_period(past, "2010", "future", sent, [], PUBLISHED) is None
    assert event_period(past, "2010", None, sent, [], None) is None


def test_an_undated_recalled_event_takes_the_year_written_of_it(nlp) -> None:  # type: ignore[no-untyped-def]
    # allsides-2xQuaUT5VnjfKEM5 (2017-10-22), shortened.
    body = (
        "In 2014 President Obama attempted to cover Bergdahl with the achievement of a war "
        "hero, even inviting his parents to the Rose Garden."
    )
    inviting = _trigger(nlp, body, "inviting")
    period = event_period(None, None, "historical", inviting, [_year(body, "2014")], PUBLISHED)
    assert period == Period(dt.date(2014, 1, 1), dt.date(2014, 12, 31))
    # … not for an event reported as current
    assert event_period(None, None, None, inviting, [_year(body, "2014")], PUBLISHED) is None


def test_a_year_of_a_clause_describing_a_participant_is_not_the_acts(nlp) -> None:  # type: ignore[no-untyped-def]
    # allsides-1aoxhNTRIF4w1X8r (2013-09-04), shortened.
    body = (
        "Mr. Kerry, the former senator who voted to authorize the Iraq war in 2003, "
        "implored his ex-colleagues to authorize an act of war."
    )
    implored = _trigger(nlp, body, "implored")
    published = dt.date(2013, 9, 4)
    assert (
        event_period(None, None, "historical", implored, [_year(body, "2003")], published) is None
    )


@pytest.mark.slow
def test_the_coder_recodes_a_past_act_and_says_why(pipeline, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # allsides-jR8vRNvFEXgs6b2B (2018-04-04), shortened.
    text = (
        "In 2010, President Barack Obama sent National Guard troops to the U.S.-Mexican "
        "border to provide intelligence support."
    )
    (ev,) = [e for e in pipeline_events(pipeline, tmp_path, text, "2018-04-04")
             if e.event == "MOBILIZE"]  # fmt: skip
    assert [(r.code, r.name) for r in ev.actor] == [("USAGOV", "Barack Obama")]
    assert ev.rule.endswith(STANDING_RULE)


@pytest.mark.slow
def test_an_accusation_recalled_with_its_year(pipeline, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # allsides-EYI9Ys05IoS1UY3D, shortened; published after Obama left office.
    text = "In 2014, President Obama accused Russia of breaching the INF."
    (ev,) = [e for e in pipeline_events(pipeline, tmp_path, text, "2019-02-01")
             if e.event == "ACCUSE"]  # fmt: skip
    assert [r.code for r in ev.actor] == ["USAGOV"]


@pytest.mark.slow
def test_a_former_officials_current_act_keeps_the_standing(pipeline, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # allsides-OMkE1W5crxltx89b (2017-06-22), shortened.
    text = (
        'Former President Barack Obama blasted the Senate bill as a "massive transfer of wealth".'
    )
    (ev,) = [e for e in pipeline_events(pipeline, tmp_path, text, "2017-06-22")
             if e.event == "ACCUSE"]  # fmt: skip
    assert [r.code for r in ev.actor] == ["USAELI"]
    assert STANDING_RULE not in ev.rule


def test_a_year_of_a_noun_the_act_names_is_not_the_acts(nlp) -> None:  # type: ignore[no-untyped-def]
    # gold/dev2 D2oHJiOb9xGhweQj (2013-09-13), shortened: the dates stage dated the talk by
    # the meeting it talked about.
    body = "Lavrov said he had discussed with Kerry the Geneva communique from the 2012 meeting."
    discussed = _trigger(nlp, body, "discussed")
    year = _year(body, "2012")
    published = dt.date(2013, 9, 13)
    assert event_period(year.date, "2012", "historical", discussed, [year], published) is None


def test_a_past_day_without_its_year_keeps_the_standing(nlp) -> None:  # type: ignore[no-untyped-def]
    # gold/dev2 D2oHJiOb9xGhweQj (2013-09-13), shortened: "Sept. 28" is upcoming, read as
    # the year before.
    body = "They agreed to meet around Sept. 28 on the sidelines of the U.N. General Assembly."
    agreed = _trigger(nlp, body, "agreed")
    start = body.index("Sept. 28")
    day = DateMention("Sept. 28", start, start + 8, DateValue("2012-09-28", "day"))
    published = dt.date(2013, 9, 13)
    assert event_period(day.date, "Sept. 28", "historical", agreed, [day], published) is None
    # the same day with its year written is the act's
    body = body.replace("Sept. 28", "Sept. 28, 2012")
    agreed = _trigger(nlp, body, "agreed")
    day = DateMention("Sept. 28, 2012", start, start + 14, DateValue("2012-09-28", "day"))
    period = event_period(day.date, day.text, "historical", agreed, [day], published)
    assert period == Period(dt.date(2012, 9, 28), dt.date(2012, 9, 28))


def test_a_year_naming_the_acts_time_frame_is_the_acts(nlp) -> None:  # type: ignore[no-untyped-def]
    # allsides-5mTrunXcCnddI7B5 (2019-11-11), shortened.
    body = "During the same 2018 trip, Perry had a private meeting with Petro Poroshenko."
    meeting = _trigger(nlp, body, "meeting")
    year = _year(body, "2018")
    period = event_period(None, None, "historical", meeting, [year], dt.date(2019, 11, 11))
    assert period == Period(dt.date(2018, 1, 1), dt.date(2018, 12, 31))


# corpus allsides-EYI9Ys05IoS1UY3D, a 2019 article on the INF treaty, shortened
INF = (
    "In 2014, President Obama accused Russia of breaching the INF treaty. He reportedly "
    "chose not to withdraw from the treaty under pressure from European leaders."
)


def test_an_undated_recalled_act_takes_the_year_of_its_passage(nlp) -> None:  # type: ignore[no-untyped-def]
    withdraw = _trigger(nlp, INF, "withdraw")
    published = dt.date(2019, 2, 1)
    period = event_period(None, None, "historical", withdraw, [_year(INF, "2014")], published)
    assert period == YEAR_2014
    # and Obama, a former president at publication, acted as the government then
    party = Party("USAELI", "Barack Obama", 0, kind="person")
    assert party_then(party, period, published).code == "USAGOV"
    # … not when the act is reported as current
    assert event_period(None, None, None, withdraw, [_year(INF, "2014")], published) is None


def test_a_paragraph_break_ends_the_passage(nlp) -> None:  # type: ignore[no-untyped-def]
    body = INF.replace(" He reportedly", "\n\nHe reportedly")
    withdraw = _trigger(nlp, body, "withdraw")
    year = _year(body, "2014")
    assert event_period(None, None, "historical", withdraw, [year], dt.date(2019, 2, 1)) is None


def test_a_conditional_act_of_a_past_year_is_coded_as_of_that_year(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus allsides-2vdJ6Q2KY6xaBjDi (2020-02-09), shortened: the criticism of 2008 sits
    # in a "whether" clause (hypothetical) but was made then, at Obama the senator
    body = (
        "When asked whether it was fair to compare his spat with Hillary Clinton's similar "
        "criticism of Barack Obama in 2008, Biden said no."
    )
    criticism = _trigger(nlp, body, "criticism")
    year = _year(body, "2008")
    published = dt.date(2020, 2, 9)
    period = event_period(year.date, "2008", "hypothetical", criticism, [year], published)
    assert period == Period(dt.date(2008, 1, 1), dt.date(2008, 12, 31))
    party = Party("USAELI", "Barack Obama", 0, kind="person")
    assert party_then(party, period, published).code == "USALEG"
    # an undated conditional act keeps the standing at publication
    assert event_period(None, None, "hypothetical", criticism, [year], published) is None
