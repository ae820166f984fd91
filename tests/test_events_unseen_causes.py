"""Causes of misses and wrong events that a review of unseen articles found (issue #12),
on real sentences (shortened) from ../shared/corpus and the review's examples, through the
whole pipeline: an adverbial clause is an event of its own, market moves and questions
are no events, and an act outside the lexicon is typed by the trained typer."""

from __future__ import annotations

import pytest

from events_support import code, pipeline_events


def test_an_adverbial_clause_is_not_swallowed_by_the_main_act(pipeline, tmp_path) -> None:
    text = (
        "Since the United States launched airstrikes on Syria, Iran has demanded that "
        "Washington withdraw its troops."
    )
    found = {e.event for e in pipeline_events(pipeline, tmp_path, text, "2018-04-20")}
    assert {"ASSAULT", "REQUEST"} <= found


@pytest.mark.parametrize(
    "text",
    [
        "Japan's Nikkei 225 declined 0.3% on Tuesday.",  # a market move, not a refusal
        "Reporters asked Prime Minister Scott Morrison about concerns over China.",  # a question
        "The United States backed away from its threat to impose tariffs on Mexico.",
    ],
)
def test_no_event_where_the_review_found_a_wrong_one(pipeline, tmp_path, text: str) -> None:
    events = pipeline_events(pipeline, tmp_path, text, "2019-06-12")
    assert not [e for e in events if e.event in ("REJECT", "REQUEST", "SUPPORT")]


def test_an_approved_act_is_its_approvers(pipeline, tmp_path) -> None:
    events = pipeline_events(
        pipeline, tmp_path, "The Senate approved sanctions against Russia.", "2017-07-28"
    )
    sanction = [e for e in events if e.event == "SANCTION"]
    assert sanction and {r.code for r in sanction[0].actor} == {"USALEG"}
    assert {r.code for r in sanction[0].recipient} == {"RUSGOV"}


def test_warning_someone_to_act_is_a_demand(nlp) -> None:
    # corpus allsides-Lc9NblzJMKZxSQJ1: CAMEO's WARN reads a threat, but warning a party
    # to do something asks it to (the review: REQUEST). The lexicon's rule; the
    # packaged typer, trained on annotators who mostly read THREATEN here, may retype it.
    actors = {
        "The Pentagon": ("USAMIL", "Pentagon", "organisation"),
        "Pyongyang": ("PRK", "North Korea", "country"),
    }
    events = code(nlp, "The Pentagon warned Pyongyang to stop provocations.", actors=actors)
    assert [e.event for e in events] == ["REQUEST"]
    assert {r.code for r in events[0].recipient} == {"PRKGOV"}


def test_a_promise_not_to_attack_is_an_assurance(pipeline, tmp_path) -> None:
    # corpus allsides-BuEfoyTTM9YgulMM (shortened): no threat, an assurance (AGREE), and the
    # recipient is the object of the conjoined verb
    text = "In 2005, America promised not to attack or invade North Korea."
    events = pipeline_events(pipeline, tmp_path, text, "2018-06-12")
    assert [e.event for e in events] == ["AGREE"]
    assert {r.code for r in events[0].recipient} == {"PRKGOV"}


def test_the_threateners_own_side_is_passed_over_for_the_recipient(pipeline, tmp_path) -> None:
    # ../shared/gold/dev zyte-624fcd903d56 (shortened): the complement's subject is the
    # source's own government, so the recipient is looked for further on, in the condition
    text = (
        "China's ambassador to Britain warned that the Chinese government will not sit on "
        "our hands if the Hong Kong situation becomes uncontrollable."
    )
    events = pipeline_events(pipeline, tmp_path, text, "2019-07-18")
    threat = [e for e in events if e.event == "THREATEN"]
    assert threat and {r.code[:3] for r in threat[0].recipient} == {"HKG"}


@pytest.mark.parametrize(
    ("text", "suspect"),
    [
        # gold/dev2 allsides-erGhHLhQuTxXGoyg (shortened): whether-clause of the inquiry
        (
            "Rep. Adam Schiff said his panel will investigate whether the Trump administration "
            "broke federal mandates under the Atomic Energy Act.",
            "USAGOV",
        ),
        # corpus (shortened): the claim's own clause names the suspect; an allegation is
        # not the condemned act whose doer would be sought
        (
            "The Senate Select Committee on Intelligence would investigate allegations that "
            "Russia meddled in the U.S. election.",
            "RUSGOV",
        ),
    ],
)
def test_an_inquiry_is_into_the_one_its_clause_names(
    pipeline, tmp_path, text: str, suspect: str
) -> None:
    events = pipeline_events(pipeline, tmp_path, text, "2019-02-20")
    inquiry = [e for e in events if e.event == "ACCUSE" and e.mode == "investigate"]
    assert inquiry and {r.code for r in inquiry[0].recipient} == {suspect}


POLITICIANS = {
    "Trump": ("USAGOV", "Donald Trump", "person"),
    "Bolton": ("USAELI", "John Bolton", "person"),
    "Republicans": ("USAPOL", "Republican Party", "organisation"),
    "Obama": ("USAGOV", "Barack Obama", "person"),
    "Booker": ("USALEG", "Cory Booker", "person"),
    "Biden": ("USAELI", "Joe Biden", "person"),
    "Russian forces": ("RUSMIL", "Russian forces", "group"),
    "Ukrainian troops": ("UKRMIL", "Ukrainian troops", "group"),
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # corpus allsides-si8xhopr34eVnCh5 (shortened): one politician attacking another
        ("Trump has responded to the book, attacking Bolton as a “wacko.”", "ACCUSE"),
        # corpus, adapted ("attacked him for his comments"): CAMEO reads ATTACK on a record
        # or a statement as criticism, and its owner is the recipient
        ("Booker has questioned Biden’s record and attacked Biden's comments.", "ACCUSE"),
        # the armed sense stays an assault
        ("Russian forces attacked Ukrainian troops near Donetsk.", "ASSAULT"),
    ],
)
def test_an_attack_in_words_is_an_accusation(nlp, text: str, expected: str) -> None:
    events = code(nlp, text, actors=POLITICIANS)
    assert expected in [e.event for e in events]
    assert "ASSAULT" not in [e.event for e in events] or expected == "ASSAULT"
