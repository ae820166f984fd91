"""Which day a current event takes when neither its clause nor its report states one: an
act the lede tells takes the day the lede gives for the article's news (a participle, a
present perfect and a past "continued to" too, not a present state); a "when" clause's
date is its main clause's; a quotation is dated by its attribution in another sentence.

The sentences are from development articles (shortened); the actor table is the tests'
own."""

from __future__ import annotations

import datetime as dt

import pytest

from events_support import code, date_at, only
from tidings.model import ActorRef, Event, Quote

pytestmark = pytest.mark.slow

ACTORS: dict[str, tuple[str, str, str]] = {
    "Trump": ("USAGOV", "Donald Trump", "person"),
    "Xi": ("CHNGOV", "Xi Jinping", "person"),
    "Kerry": ("USAGOV", "John Kerry", "person"),
    "Lavrov": ("RUSGOV", "Sergey Lavrov", "person"),
    "Lakhdar Brahimi": ("IGOUNO", "Lakhdar Brahimi", "person"),
    "Syrian": ("SYRGOV", "Syria", "country"),
    "Esper": ("USAGOV", "Mark Esper", "person"),
    "China": ("CHN", "China", "country"),
    "Beijing": ("CHNGOV", "Beijing", "organisation"),
    "Vietnam": ("VNM", "Vietnam", "country"),
    "India": ("IND", "India", "country"),
    "Pakistan": ("PAK", "Pakistan", "country"),
    "Geng Shuang": ("CHNGOV", "Geng Shuang", "person"),
    "U.S.": ("USA", "United States", "country"),
    "South Korea": ("KOR", "South Korea", "country"),
    "Japan": ("JPN", "Japan", "country"),
    "Jeb Bush": ("USAELI", "Jeb Bush", "person"),
    "Barack Obama": ("USAGOV", "Barack Obama", "person"),
}

# Shortened from a dev2 opinion piece published on Monday 2018-12-03: the lede's news is
# Saturday's agreement, which a later lede paragraph tells in the present perfect.
G20 = (
    "When you're in a hole, the first thing to do is stop digging."
    "\n\nThat's probably the best takeaway from the trade agreement between the United"
    " States and China that was announced Saturday at the G20 conference in Buenos Aires."
    "\n\nStill, describing this as an agreement is probably giving it too much credit."
    " Trump and Xi have agreed to avoid further escalation."
)


def _day(ev: Event) -> str | None:
    return ev.date.value if ev.date is not None else None


def _agreement(nlp, published: dt.date) -> Event:  # type: ignore[no-untyped-def]
    dates = [date_at(G20, "Saturday", "2018-12-01", "day")]
    return only(code(nlp, G20, published=published, dates=dates, actors=ACTORS), "AGREE")


def test_a_present_perfect_in_the_lede_takes_the_ledes_news_day(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _day(_agreement(nlp, dt.date(2018, 12, 3))) == "2018-12-01"


def test_a_news_day_long_before_publication_dates_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    # The same lede in a paper a week later: Saturday is no longer the news of the day.
    assert _agreement(nlp, dt.date(2018, 12, 10)).date is None


def test_a_lede_without_a_recent_date_leaves_its_present_perfect_undated(nlp) -> None:  # type: ignore[no-untyped-def]
    ev = only(code(nlp, G20, published=dt.date(2018, 12, 3), actors=ACTORS), "AGREE")
    assert ev.date is None


def test_a_second_lede_paragraphs_simple_past_takes_the_news_day(nlp) -> None:  # type: ignore[no-untyped-def]
    # dev2, published Friday 2013-09-13; the lede dates its news "Friday".
    body = (
        "GENEVA (AP) — Prospects for restarting peace talks depend on the outcome of"
        " negotiations, Kerry and Lavrov said Friday as meetings lurched into a second day."
        "\n\nKerry and Lavrov met with U.N.-Arab League envoy Lakhdar Brahimi about the"
        " potential for a new Geneva peace conference."
    )
    dates = [date_at(body, "Friday", "2013-09-13", "day")]
    events = code(nlp, body, published=dt.date(2013, 9, 13), dates=dates, actors=ACTORS)
    met = [e for e in events if e.event == "CONSULT" and "met" in e.text]
    assert met and all(_day(e) == "2013-09-13" for e in met)


def test_a_past_continued_to_in_the_lede_takes_the_news_day(nlp) -> None:  # type: ignore[no-untyped-def]
    # dev2, published Saturday 2015-05-16.
    body = (
        "IOWA CITY, Iowa – Jeb Bush praised the special forces involved in Saturday's"
        " killing of a top Islamic State leader in Syria, but continued to blame"
        " Barack Obama's policies in the Middle East for the group's spread."
    )
    dates = [date_at(body, "Saturday", "2015-05-16", "day")]
    ev = only(code(nlp, body, published=dt.date(2015, 5, 16), dates=dates, actors=ACTORS), "ACCUSE")
    assert _day(ev) == "2015-05-16"


def test_a_present_perfect_joined_to_a_present_state_stays_undated(nlp) -> None:  # type: ignore[no-untyped-def]
    # dev, published Wednesday 2019-11-20: a description of Vietnam, not Wednesday's news.
    body = (
        "HANOI, Vietnam (AP) — Esper on Wednesday accused China of using coercion and"
        " intimidation against smaller Asian nations."
        "\n\nVietnam is one of the region's most vocal critics of China's sweeping"
        " territorial claims and has accused Beijing of encroaching into its waters."
    )
    dates = [date_at(body, "on Wednesday", "2019-11-20", "day")]
    events = code(nlp, body, published=dt.date(2019, 11, 20), dates=dates, actors=ACTORS)
    vietnam = [e for e in events if e.event == "ACCUSE" and "Vietnam" in {a.name for a in e.actor}]
    esper = [e for e in events if e.event == "ACCUSE" and "Mark Esper" in {a.name for a in e.actor}]
    assert vietnam and all(e.date is None for e in vietnam)
    assert esper and _day(esper[0]) == "2019-11-20"


def test_a_when_clauses_date_dates_its_main_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    # dev2, published Friday 2013-09-13, fifteenth paragraph.
    lede = "Kerry and Lavrov met in Geneva."
    body = lede + (
        "\n\nWhen the chemical weapons talks began Thursday, Kerry bluntly rejected a"
        " Syrian pledge to begin a standard process by turning over information."
    )
    dates = [date_at(body, "Thursday", "2013-09-12", "day")]
    events = code(nlp, body, published=dt.date(2013, 9, 13), dates=dates, actors=ACTORS)
    ev = only(events, "REJECT")
    assert ev.aux is None and _day(ev) == "2013-09-12"


def test_a_quotation_is_dated_by_its_attribution_in_the_next_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    # dev, published Wednesday 2019-10-09.
    words = (
        "We call on India and Pakistan to engage in dialogue and consultation on all"
        " issues. This is in line with interest of both countries,"
    )
    body = "BEIJING: China modified its position.\n\n“" + words + "” Geng Shuang said on Tuesday."
    start = body.index(words)
    speaker = body.index("Geng Shuang")
    quote = Quote(
        words,
        start,
        start + len(words),
        ActorRef("CHNGOV", "Geng Shuang"),
        "said",
        speaker_start=speaker,
        speaker_end=speaker + len("Geng Shuang"),
    )
    dates = [date_at(body, "on Tuesday", "2019-10-08", "day")]
    events = code(
        nlp, body, published=dt.date(2019, 10, 9), dates=dates, quotes=[quote], actors=ACTORS
    )
    ev = only(events, "REQUEST")
    assert _day(ev) == "2019-10-08"


def test_a_participle_in_the_lede_takes_the_news_day(nlp) -> None:  # type: ignore[no-untyped-def]
    # dev2, published Sunday 2017-07-30: the drills were Saturday's news.
    body = (
        "The U.S. and its allies are prepared to use force against North Korea, the"
        " commander of the U.S. Pacific Air Forces warned Saturday night."
        "\n\nThe statement came after the militaries of the U.S., South Korea and Japan"
        " spent 10 hours conducting bomber-jet drills over the Korean Peninsula."
    )
    dates = [date_at(body, "Saturday night", "2017-07-29", "day")]
    events = code(nlp, body, published=dt.date(2017, 7, 30), dates=dates, actors=ACTORS)
    drills = [e for e in events if e.event == "COOPERATE"]
    assert drills and all(_day(e) == "2017-07-29" for e in drills)
