"""Auxiliary modes are kept apart: historical, future, hypothetical, negation; and the date
an event takes follows them (publication day only for events happening now)."""

from __future__ import annotations

import datetime as dt

import pytest

from events_support import code, codes, date_at, only
from tidings.events.auxmodes import verb_group

PUBLISHED = dt.date(2024, 3, 15)
pytestmark = pytest.mark.slow


def test_current_event_takes_the_publication_day(nlp) -> None:  # type: ignore[no-untyped-def]
    ev = only(code(nlp, "Borduria imposed sanctions on Atlantis."), "SANCTION")
    assert ev.aux is None
    assert ev.date is not None and (ev.date.value, ev.date.precision) == ("2024-03-15", "day")


def test_stated_date_wins_over_publication(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Borduria imposed sanctions on Atlantis on Tuesday."
    ev = only(code(nlp, body, dates=[date_at(body, "on Tuesday", "2024-03-12", "day")]),
              "SANCTION")  # fmt: skip
    assert ev.date is not None and ev.date.value == "2024-03-12"
    assert ev.date_text == "on Tuesday" and ev.aux is None


def test_dated_well_before_publication_is_historical(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Borduria invaded Carpania in February 2022."
    ev = only(code(nlp, body, dates=[date_at(body, "February 2022", "2022-02", "month")]),
              "ASSAULT")  # fmt: skip
    assert ev.aux == "historical"
    assert ev.date is not None and ev.date.value == "2022-02"


def test_pluperfect_is_historical_and_never_takes_publication(nlp) -> None:  # type: ignore[no-untyped-def]
    ev = only(code(nlp, "Borduria had invaded Carpania."), "ASSAULT")
    assert ev.aux == "historical"
    assert ev.date is None


def test_first_since_dates_the_recalled_event(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "In his first direct talk with Kade since May 2022, Lind said little."
    dates = [date_at(body, "since May 2022", "2022-05", "month", relation="since")]
    ev = only(code(nlp, body, dates=dates), "CONSULT")
    assert ev.aux == "historical"
    assert ev.date is not None and ev.date.value == "2022-05"
    assert codes(ev.actor) == {"ATLGOV"} and codes(ev.recipient) == {"BRDGOV"}


def test_future_event(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Borduria will impose sanctions on Atlantis next month."
    dates = [date_at(body, "next month", "2024-04", "month")]
    ev = only(code(nlp, body, dates=dates), "SANCTION")
    assert ev.aux == "future"
    assert ev.date is not None and ev.date.value == "2024-04"


def test_planned_action_is_future(nlp) -> None:  # type: ignore[no-untyped-def]
    ev = only(code(nlp, "President Anna Lind plans to visit Borduria."), "CONSULT")
    assert ev.aux == "future"


def test_conditional_is_hypothetical(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Borduria would impose sanctions on Atlantis if the talks failed."
    ev = only(code(nlp, body), "SANCTION")
    assert ev.aux == "hypothetical"


def test_refusing_a_sanction_is_reject_not_negated_sanction(nlp) -> None:  # type: ignore[no-untyped-def]
    events = code(nlp, "Borduria will not impose sanctions on Atlantis.")
    ev = only(events, "REJECT")
    assert ev.aux is None
    assert codes(ev.actor) == {"BRDGOV"} and codes(ev.recipient) == {"ATLGOV"}
    assert not [e for e in events if e.event == "SANCTION"]


def test_refuse_to_wraps_its_complement(nlp) -> None:  # type: ignore[no-untyped-def]
    events = code(nlp, "Borduria has refused to impose sanctions on Atlantis.")
    ev = only(events, "REJECT")
    assert codes(ev.recipient) == {"ATLGOV"}
    assert [e.event for e in events] == ["REJECT"]


def test_did_not_meet_is_consult_with_negation(nlp) -> None:  # type: ignore[no-untyped-def]
    ev = only(code(nlp, "President Anna Lind did not meet Prime Minister Boris Kade."),
              "CONSULT")  # fmt: skip
    assert ev.aux == "negation"


@pytest.mark.parametrize(
    ("text", "verb", "pluperfect", "negated"),
    [
        # corpus (an article of 2016-07-28): the conjunct shares "had" and is recalled
        (
            "She had recently ended her presidential campaign and endorsed Obama.",
            "endorsed",
            True,
            False,
        ),
        # a conjunct with a form of its own does not share the head's auxiliaries
        ("She did not resign and stayed in office.", "stayed", False, False),
    ],
)
def test_a_conjoined_verb_shares_its_heads_auxiliaries(
    nlp, text: str, verb: str, pluperfect: bool, negated: bool
) -> None:  # type: ignore[no-untyped-def]
    group = verb_group(next(t for t in nlp(text) if t.text == verb))
    assert (group.pluperfect, group.negated) == (pluperfect, negated)


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        # corpus allsides-2KntTnUKdSbWHh8E (2018-05-23), shortened: "neither … nor"
        ("We will neither beg the U.S. for dialogue nor take the trouble to persuade them.", "beg"),
        (
            "We will neither beg the U.S. for dialogue nor take the trouble to persuade them.",
            "take",
        ),
        # gold/dev2 eT29LpcmSSOfOg9N (2013-09-09): the act of a "without" phrase
        ("President Obama could have ordered strikes on Syria without asking Congress.", "asking"),
        # corpus allsides-QBt9a3uu610Y2i5N (2014-10-07): an act held back
        ("Turkey has so far refrained from aiding the Syrian Kurds.", "aiding"),
        # corpus allsides-PIBcxnKmnuxQkcxV (2017-12-31): a subject quantified by "no"
        ("He said that no shots were fired by the police and security forces.", "fired"),
        # corpus allsides-uvr16eVsmaQPBK8Y (2018-01-14): "have yet to"
        ("Lawmakers, however, have yet to reach a deal with the White House.", "reach"),
    ],
)
def test_acts_explicitly_not_done_are_negated(nlp, text: str, verb: str) -> None:  # type: ignore[no-untyped-def]
    assert verb_group(next(t for t in nlp(text) if t.text == verb)).negated


def test_acts_done_are_not_negated_by_a_neighbouring_negative(nlp) -> None:  # type: ignore[no-untyped-def]
    # the first conjunct of "either … or" and a plain "from" are no negation
    doc = nlp("Turkey moved from aiding the rebels to fighting them, and no one objected.")
    assert not verb_group(next(t for t in doc if t.text == "aiding")).negated
    assert not verb_group(next(t for t in doc if t.text == "moved")).negated


def test_a_past_perfect_reported_in_the_past_is_not_recalled_by_its_tense(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus allsides-jR8vRNvFEXgs6b2B (2018-04-04), shortened: the sequence of tenses
    # turns "I have spoken to Nielsen" into "said he had spoken"; 29 of 49 such acts of the
    # annotated corpus are the day's news
    body = "Mexico's ambassador said he had spoken to Homeland Security Secretary Kirstjen Nielsen."
    assert not verb_group(next(t for t in nlp(body) if t.text == "spoken")).pluperfect
    # narrated in the past perfect, not reported: recalled
    assert verb_group(
        next(t for t in nlp("Borduria had invaded Carpania.") if t.text == "invaded")
    ).pluperfect


def test_a_past_perfect_dated_within_days_is_the_days_news(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus allsides (2018-01-14), candidate c10285, shortened: "on Thursday" is three days
    # before publication, so the call is the news of the days reported, not a recalled act
    body = "Borduria had called on Atlantis on Thursday to uphold the pact."
    dates = [date_at(body, "on Thursday", "2024-03-14", "day")]
    ev = only(code(nlp, body, dates=dates), "REQUEST")
    assert ev.aux is None
    assert ev.date is not None and ev.date.value == "2024-03-14"
    # dated weeks before publication it stays recalled
    dates = [date_at(body, "on Thursday", "2024-02-15", "day")]
    assert only(code(nlp, body, dates=dates), "REQUEST").aux == "historical"


@pytest.mark.parametrize(
    ("text", "aux"),
    [
        # asked for, proposed or weighed, not done: the asking is the event
        ("Lind called for sanctions on Carpania.", "hypothetical"),
        ("Atlantis proposed new sanctions on Borduria, but won no support.", "hypothetical"),
        ("Atlantis is weighing possible sanctions against Borduria.", "hypothetical"),
        # a possibility spoken of after a recalled act is no recalled sanction
        (
            "Since the attack, Lind has spoken of possible sanctions against Borduria.",
            "hypothetical",
        ),
        # done: imposed, and imposed once more
        ("Borduria imposed further sanctions on Atlantis.", None),
    ],
)
def test_a_nominal_act_asked_for_or_possible_is_not_done(nlp, text: str, aux: str | None) -> None:  # type: ignore[no-untyped-def]
    assert only(code(nlp, text), "SANCTION").aux == aux


@pytest.mark.parametrize(
    ("text", "noun", "future", "hypothetical"),
    [
        ("The senators pushed for talks with Tehran.", "talks", False, True),
        ("Moscow threatened retaliation against the new members.", "retaliation", True, False),
        ("The additional sanctions on Moscow took effect on Monday.", "sanctions", False, False),
        ("Washington announced new sanctions on Moscow.", "sanctions", False, False),
        # a plain object of "call" is named, not asked for
        ("Kyiv called the strikes a war crime.", "strikes", False, False),
        ("The ministers discussed the attack on Monday.", "attack", False, False),
    ],
)
def test_the_verb_whose_object_a_nominal_act_is_gives_its_mode(
    nlp, text: str, noun: str, future: bool, hypothetical: bool
) -> None:  # type: ignore[no-untyped-def]
    group = verb_group(next(t for t in nlp(text) if t.text == noun))
    assert (group.future, group.hypothetical) == (future, hypothetical)
