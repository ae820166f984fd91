"""Speakers coded by their standing on the date of their words (issue 11, round 8): words the
article dates in the past are the office then held, and so is a past office the title names;
heads of intelligence services SPY and of the FBI COP; what the article says of a person the
gazetteer knows only later; a firm's manager BUS. Sentences shortened from the corpus
(../shared/corpus/allsides-10k.jsonl.gz, ids given) and the development speaker samples
(data/quotes/speaker_sample*.jsonl)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from speaker_support import actors_and_quotes, speaker_of
from tidings.actors.gazetteer import known_person, load_gazetteer

pytestmark = pytest.mark.slow


def test_words_dated_years_before_are_the_office_then(nlp: Any) -> None:
    # r7 allsides-bSTTckSe1GDSATZ0 (2019-01-07): a former president's words of 2016.
    text = ("A spokesman for Barack Obama reminded reporters of what the former president "
            "said a few years ago.\n\n“Suggesting that we can build an endless wall along "
            "our borders contradicts the evidence,” Obama said at Rutgers University in "
            "2016.")  # fmt: skip
    _, quotes = actors_and_quotes(nlp, text, day=dt.date(2019, 1, 7))
    assert speaker_of(quotes, "Suggesting") == ("USAGOV", "Barack Obama")


def test_last_year_as_a_candidate_is_the_candidates_words(nlp: Any) -> None:
    # r7 allsides-H7mtSXMLW9n68Pup (2017-11-04).
    text = ("Last year, as a Republican presidential candidate, Trump called Bergdahl "
            "“a no-good traitor who should have been executed.”")  # fmt: skip
    _, quotes = actors_and_quotes(nlp, text, day=dt.date(2017, 11, 4))
    assert speaker_of(quotes, "a no-good") == ("USAPOL", "Donald Trump")


def test_a_month_placed_in_the_past_dates_the_words(nlp: Any) -> None:
    # r7 allsides-P2zAoYpFdmtc70Mg (2018-06-17): September 2017, while secretary of state.
    text = ("During a trip to Beijing in September, Mr. Tillerson said the administration "
            "had “a couple, three channels open to Pyongyang” that he hoped might yield a "
            "breakthrough.")  # fmt: skip
    _, quotes = actors_and_quotes(nlp, text, day=dt.date(2018, 6, 17))
    assert speaker_of(quotes, "a couple") == ("USAGOV", "Rex Tillerson")


def test_words_dated_before_every_known_office_keep_the_standing_at_publication(
    nlp: Any,
) -> None:
    # corpus allsides-fTjXXkQhgCMBdAuM (2016-10-20): in 2004 she was a senator, an office
    # the gazetteer does not list, so her standing of the article's date stays (a former
    # official who runs, ELI).
    text = ("Hillary Clinton spoke in Ohio.\n\nClinton said in 2004, “We need people like "
            "George Soros, who is fearless and willing to step up when it counts.”")  # fmt: skip
    _, quotes = actors_and_quotes(nlp, text, day=dt.date(2016, 10, 20))
    assert speaker_of(quotes, "We need") == ("USAELI", "Hillary Clinton")


def test_a_candidate_the_article_calls_by_the_office_left_is_eli(nlp: Any) -> None:
    # r5 allsides-3TFuo89bVW6N4lcB (2015-04-24).
    text = ("Democratic frontrunner and former Secretary of State Hillary Rodham Clinton was "
            "noncommittal on the campaign trail in New Hampshire this week.\n\n“Well, any "
            "trade deal has to produce jobs,” Mrs. Clinton told reporters.")  # fmt: skip
    _, quotes = actors_and_quotes(nlp, text, day=dt.date(2015, 4, 24))
    assert speaker_of(quotes, "Well, any") == ("USAELI", "Hillary Clinton")


@pytest.mark.parametrize(
    ("name", "day", "code"),
    [
        ("Christopher Wray", dt.date(2018, 5, 18), "USACOP"),  # r7 allsides-nL5qFvm3eotwcKnL
        ("David Petraeus", dt.date(2012, 11, 9), "USASPY"),  # r6 allsides-CNJDjs7YMRBqBEKA
        ("James Clapper", dt.date(2012, 11, 9), "USASPY"),  # r6 allsides-CNJDjs7YMRBqBEKA
    ],
)
def test_heads_of_intelligence_services_and_of_the_fbi(name: str, day: dt.date,
                                                       code: str) -> None:  # fmt: skip
    # ../shared/gold/README.md: SPY for the CIA and the DNI; the FBI is COP as in
    # organisations.tsv.
    person = known_person(name)
    assert person is not None
    assert person.actor_on(day, load_gazetteer().countries).code == code


def test_the_fbi_director_speaks_as_the_fbi(nlp: Any) -> None:
    # r7 allsides-nL5qFvm3eotwcKnL (2018-05-18).
    text = ("“The day that we can’t protect human sources is the day the American people "
            "start becoming less safe,” FBI Director Christopher Wray said.")  # fmt: skip
    _, quotes = actors_and_quotes(nlp, text, day=dt.date(2018, 5, 18))
    assert speaker_of(quotes, "The day") == ("USACOP", "Christopher Wray")


def test_one_who_manages_a_company_is_business(nlp: Any) -> None:
    # r7 allsides-L1QytwNrxduNs6VO (NPR, 2019-05-20).
    text = ("Bob Best enthusiastically supports President Trump's tough policies against "
            "China.\n\n\"I'm not a big tariff guy. I'm a free trade guy,\" says Best, who "
            "manages a heating and air conditioning company in Kennesaw, Ga.")  # fmt: skip
    _, quotes = actors_and_quotes(nlp, text, day=dt.date(2019, 5, 20))
    assert speaker_of(quotes, "I'm not") == ("USABUS", "Bob Best")


def test_a_known_person_described_before_their_first_office(nlp: Any) -> None:
    # corpus allsides-VZB7FIaNHCD7B77Y (2017-04-27): a candidate before he became president,
    # of his own country, not the outlet's.
    text = ("The deployment has been one of the most contentious issues on the trail, and "
            "Moon Jae-in, the leading candidate, seized on the remarks.")  # fmt: skip
    found, _ = actors_and_quotes(nlp, text, day=dt.date(2017, 4, 27))
    assert {m.actor.code for m in found if m.actor.name == "Moon Jae-in"} == {"KORPOL"}


def test_a_president_elect_is_coded_as_the_office_he_won(nlp: Any) -> None:
    # gold/dev2 (2018-07-02): the day after his election, MEXGOV.
    text = "Andrés Manuel López Obrador said Mexico would “never be the piñata” of anyone."
    found, _ = actors_and_quotes(nlp, text, day=dt.date(2018, 7, 2))
    codes = {m.actor.code for m in found if m.actor.name == "Andres Manuel Lopez Obrador"}
    assert codes == {"MEXGOV"}


def test_a_candidate_called_a_former_vice_president_is_eli(nlp: Any) -> None:
    # corpus allsides-Bzp6ie8BnSh4SJsu (2020-01-19): the title has no country; his is.
    text = ("The Minnesota senator should take control of the centrist lane currently "
            "headed by former Vice President Joe Biden.")  # fmt: skip
    found, _ = actors_and_quotes(nlp, text, day=dt.date(2020, 1, 19))
    assert {m.actor.code for m in found if m.actor.name == "Joe Biden"} == {"USAELI"}


def test_a_caption_after_a_known_name_is_no_description(nlp: Any) -> None:
    # corpus allsides-5E4JujoPzXofvR77 (CNN, 2013-01-31): a video caption, not "Hagel, a
    # senator".
    text = ("JUST WATCHED Hagel, Senators clash at hearing Replay More Videos.\n\nHagel said "
            "the United States was \"not going to unilaterally disarm.\"")  # fmt: skip
    found, _ = actors_and_quotes(nlp, text, day=dt.date(2013, 1, 31))
    assert {m.actor.code for m in found if m.actor.name == "Chuck Hagel"} == {"USAELI"}


def test_a_past_president_named_with_his_title_is_the_president_he_was(nlp: Any) -> None:
    # r7 allsides-8pbUOe7vB49H5FHK (2012-10-22): his words of the 1980s.
    text = ("Credit for America’s global leadership role belongs to both parties.\n\nAs "
            "President Ronald Reagan said about U.S. international engagement, “We cannot "
            "play innocents abroad in a world that is not innocent.”")  # fmt: skip
    _, quotes = actors_and_quotes(nlp, text, day=dt.date(2012, 10, 22))
    assert speaker_of(quotes, "We cannot") == ("USAGOV", "Ronald Reagan")
