"""Which date an event without one of its own takes from its context (issue #12, measured on
300 blind date labels of corpus events, ``scripts/event_date_sample.py score``):

- an announced act is dated by when it is to happen ("by the end of August"), never by its
  announcement;
- a later paragraph telling the story in the simple past stays undated, as the gold files
  leave it; "recently" or "ultimately" places an act at an undated earlier time;
- a conjoined verb, a participle clause or an eventive noun subject shares the date of the
  clause it belongs to, and a conjoined verb shares its head's tense;
- a date behind "following" or "ahead of" is the other event's;
- "it is not clear that …" reports nothing: its relative clause's simple past is narration.

The sentences are from development articles (dev, dev2 and the date-labelled corpus
sample), shortened; the actor table is the tests' own."""

from __future__ import annotations

import datetime as dt

import pytest

from events_support import code, date_at, only
from tidings.events import dating
from tidings.model import DateMention, Event

pytestmark = pytest.mark.slow

ACTORS: dict[str, tuple[str, str, str]] = {
    "Washington": ("USAGOV", "Washington", "organisation"),
    "Russia": ("RUS", "Russia", "country"),
    "Moscow": ("RUSGOV", "Moscow", "organisation"),
    "Republicans": ("USAPTY", "Republicans", "organisation"),
    "Ocasio-Cortez": ("USALEG", "Alexandria Ocasio-Cortez", "person"),
    "Trump": ("USAGOV", "Donald Trump", "person"),
    "Pelosi": ("USALEG", "Nancy Pelosi", "person"),
}


def _day(ev: Event) -> str | None:
    return ev.date.value if ev.date is not None else None


def _token(doc, word: str):  # type: ignore[no-untyped-def]
    return next(t for t in doc if t.text == word)


# --- announced acts ------------------------------------------------------------------------

# dev, published Sunday 2018-08-12 (Reuters), shortened.
SANCTIONS = (
    "MOSCOW (Reuters) - Russia will further decrease its holdings of U.S. securities in"
    " response to new sanctions, Finance Minister Anton Siluanov said on Sunday."
    "\n\nWashington said on Wednesday it would impose fresh sanctions on Moscow by the end"
    " of August."
)


def test_an_announced_act_is_dated_by_its_deadline(nlp) -> None:  # type: ignore[no-untyped-def]
    dates = [
        date_at(SANCTIONS, "on Sunday", "2018-08-12", "day"),
        date_at(SANCTIONS, "on Wednesday", "2018-08-08", "day"),
        date_at(SANCTIONS, "by the end of August", "2018-08", "month", relation="until"),
    ]
    events = code(nlp, SANCTIONS, published=dt.date(2018, 8, 12), dates=dates, actors=ACTORS)
    ev = only([e for e in events if "Washington" in {a.name for a in e.actor}], "SANCTION")
    assert ev.aux == "future" and _day(ev) == "2018-08"


def test_an_announced_act_is_not_dated_by_its_announcement(nlp) -> None:  # type: ignore[no-untyped-def]
    # "Washington said on Wednesday it would impose fresh sanctions on Moscow": no deadline,
    # so no date (the gold README: "The date of the announcement is never the date of the
    # announced act").
    body = SANCTIONS.replace(" by the end of August", "")
    dates = [
        date_at(body, "on Sunday", "2018-08-12", "day"),
        date_at(body, "on Wednesday", "2018-08-08", "day"),
    ]
    events = code(nlp, body, published=dt.date(2018, 8, 12), dates=dates, actors=ACTORS)
    ev = only([e for e in events if "Washington" in {a.name for a in e.actor}], "SANCTION")
    assert ev.aux == "future" and ev.date is None


def test_a_by_date_is_the_deadline_of_its_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus, published 2018-04-02: "Mexico plans to disband the caravan by Wednesday".
    text = "Mexico plans to disband the caravan by Wednesday."
    doc = nlp(text)
    by = date_at(text, "by Wednesday", "2018-04-04", "day", relation="until")
    found = dating.deadline(_token(doc, "disband"), [by])
    assert found is not None and found.date.value == "2018-04-04"


# --- a later paragraph's narration ----------------------------------------------------------

# corpus, published Tuesday 2019-06-18: the lede dates the news, the fifth paragraph tells
# part of it in the simple past.
FIRESTORM = (
    "Ocasio-Cortez on Tuesday stood by her comparison of migrant detention centers to"
    " concentration camps."
    "\n\nShe spoke in a video."
    "\n\nThe remarks drew attention."
    "\n\nMany historians agreed."
    "\n\nRepublicans accused Ocasio-Cortez of demeaning victims of Holocaust death camps."
)


def _firestorm(nlp, body: str) -> Event:  # type: ignore[no-untyped-def]
    dates = [date_at(body, "on Tuesday", "2019-06-18", "day")]
    events = code(nlp, body, published=dt.date(2019, 6, 18), dates=dates, actors=ACTORS)
    return only(events, "ACCUSE")


def test_a_later_paragraphs_undated_simple_past_stays_undated(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _firestorm(nlp, FIRESTORM).date is None


def test_a_vague_earlier_time_places_an_act_before_the_news(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus: "He recently addressed the United Nations Security Council …"
    doc = nlp("Republicans recently accused Ocasio-Cortez of demeaning victims.")
    assert dating.vaguely_past(_token(doc, "accused"))
    doc = nlp("Republicans accused Ocasio-Cortez of demeaning victims.")
    assert not dating.vaguely_past(_token(doc, "accused"))


def test_a_judgement_reports_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    # dev2, published 2018-12-03: "the tariffs it erected" are narrated, not reported.
    doc = nlp(
        "It's not at all clear that China will be able to pressure domestic businesses"
        " while the tariffs it erected against American farm products are still in place."
    )
    assert dating.narrated_past(_token(doc, "erected"))
    doc = nlp("The Kremlin said the leaders agreed to meet.")
    assert not dating.narrated_past(_token(doc, "agreed"))


# --- the clause an act belongs to ----------------------------------------------------------


def _shared(nlp, text: str, word: str, when: str, value: str, precision: str):  # type: ignore[no-untyped-def]
    doc = nlp(text)
    found = dating.shared_date(_token(doc, word), [date_at(text, when, value, precision)])
    return found.mention.date.value if found is not None else None


def test_a_conjoined_verb_shares_its_heads_date(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus: "Moammar Gadhafi surrendered his WMD in 2004 and opened up his production
    # facilities."
    text = "Moammar Gadhafi surrendered his WMD in 2004 and opened up his production facilities."
    assert _shared(nlp, text, "opened", "in 2004", "2004", "year") == "2004"


def test_a_participle_clause_shares_its_verbs_date(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus: "Iran signed a deal in 2015 accepting strict curbs on its nuclear programme"
    text = "Iran signed a deal in 2015 accepting strict curbs on its nuclear programme."
    assert _shared(nlp, text, "accepting", "in 2015", "2015", "year") == "2015"


def test_an_eventive_subject_shares_its_past_verbs_date(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus: "A U.S. missile strike in January killed a high-ranking intelligence officer"
    text = "In January, a Taliban attack on a Kabul restaurant killed more than a dozen people."
    assert _shared(nlp, text, "attack", "In January", "2014-01", "month") == "2014-01"
    # corpus: what the tariffs would do through 2029 does not date the tariffs
    text = "The tariffs would cut the real gross domestic product through 2029."
    assert _shared(nlp, text, "tariffs", "through 2029", "2029", "year") is None


def test_a_conjoined_verb_shares_its_heads_tense(nlp) -> None:  # type: ignore[no-untyped-def]
    # dev2, published 2017-07-30: a description, undated in the gold file.
    doc = nlp(
        "The country's recent actions have drawn condemnation from President Trump, and"
        " prompted Secretary of State Rex Tillerson to confer with counterparts from Japan."
    )
    assert dating.state_kind(_token(doc, "confer")) == "present-perfect"


def test_a_date_behind_following_is_the_other_events(nlp) -> None:  # type: ignore[no-untyped-def]
    # dev2, published 2013-03-29: the drills were yesterday; the threat is the day's news.
    text = (
        "North Korea has threatened the United States, yet again, following yesterday’s"
        " American led B-2 stealth bomber drills over South Korea."
    )
    doc = nlp(text)
    yesterday: list[DateMention] = [date_at(text, "yesterday", "2013-03-28", "day")]
    assert dating.own_date(_token(doc, "threatened"), yesterday) is None
    text = "Trump on Sunday threatened Iran."
    sunday = [date_at(text, "on Sunday", "2019-06-23", "day")]
    assert dating.own_date(_token(nlp(text), "threatened"), sunday) is not None


def test_a_reported_statement_in_the_lede_still_takes_its_report_day(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus, published Friday 2012-09-07: a current act told in the lede keeps its day.
    body = "Pelosi on Friday blamed Republicans for the slow recovery."
    dates = [date_at(body, "on Friday", "2012-09-07", "day")]
    ev = only(code(nlp, body, published=dt.date(2012, 9, 7), dates=dates, actors=ACTORS), "ACCUSE")
    assert _day(ev) == "2012-09-07"


def test_an_act_asked_for_or_planned_is_not_done(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus: "Investigators … have been pressing Twitter, Facebook, and YouTube to
    # deplatform Chinese Communist Party officials"; "credible threats to murder Pope Francis"
    doc = nlp("Investigators have been pressing Twitter and Facebook to deplatform the officials.")
    assert dating.unrealised(_token(doc, "deplatform"))
    doc = nlp("The Islamic State issued credible threats to murder Pope Francis.")
    assert dating.unrealised(_token(doc, "murder"))
    doc = nlp("Kerry met Lavrov in Geneva to discuss the chemical weapons.")  # done there
    assert not dating.unrealised(_token(doc, "discuss"))
