"""A word's other senses are no event (issue #12): a phrasal verb whose particle the lexicon
row does not name ("speaks out", "backed down", "talks up"), releasing a document rather
than a person, declining to comment. Each rule was counted on the annotated corpus
candidates of ``data/events`` (the lexicon's comments give the counts); the sentences are
shortened real ones with the tests' invented actors."""

from __future__ import annotations

from typing import Any

import pytest

from events_support import code, codes, only
from tidings.events.lexicon import parse_lexicon


@pytest.mark.parametrize(
    "sentence",
    [
        # corpus: a headline where a leader "talks up" a special relationship
        "President Anna Lind talks up the special relationship with Borduria.",
        # corpus: speaking out is a statement, not a consultation
        "Prime Minister Boris Kade spoke out with Atlantis on the matter.",
    ],
)
def test_a_particle_the_row_does_not_name_is_no_consultation(nlp: Any, sentence: str) -> None:
    assert not [e for e in code(nlp, sentence) if e.event == "CONSULT"]


def test_talking_with_a_country_is_still_a_consultation(nlp: Any) -> None:
    ev = only(code(nlp, "President Anna Lind talked with Borduria on Monday."), "CONSULT")
    assert codes(ev.actor) == {"ATLGOV"}


def test_a_particle_the_row_names_still_matches(nlp: Any) -> None:
    # "shoot+down" is a row of its own: the particle is the sense
    events = code(nlp, "Borduria shot down an Atlantis drone over the border.")
    assert only(events, "ASSAULT").rule.startswith("assault")


def test_a_row_with_words_of_its_own_keeps_a_particle(nlp: Any) -> None:
    # corpus: "cut off aid to …": the object pins the sense, the particle does not change it
    ev = only(code(nlp, "Atlantis cut off aid to Borduria last year."), "SANCTION")
    assert codes(ev.recipient) == {"BRDGOV"}


@pytest.mark.parametrize(
    "sentence",
    [
        # corpus r6: "release a list" read as a release of persons
        "Atlantis released a list of Bordurian officials it will sanction.",
        "The government of Atlantis released a report on Borduria on Tuesday.",
        "Borduria released a video of the Carpanian rebels.",
    ],
)
def test_releasing_a_document_frees_no_one(nlp: Any, sentence: str) -> None:
    assert not [e for e in code(nlp, sentence) if e.event == "RETREAT"]


def test_releasing_prisoners_is_a_release(nlp: Any) -> None:
    ev = only(code(nlp, "Borduria released the Carpanian rebels on Friday."), "RETREAT")
    assert codes(ev.actor) == {"BRDGOV"} and codes(ev.recipient) == {"CRPREB"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Prime Minister Boris Kade declined to comment on Atlantis's report.",
        "President Anna Lind declined to say whether Borduria would attend.",
        "Kade declined to disclose what Atlantis had offered.",
    ],
)
def test_declining_to_comment_is_no_refusal(nlp: Any, sentence: str) -> None:
    assert not [e for e in code(nlp, sentence) if e.event == "REJECT"]


def test_declining_an_invitation_is_a_refusal(nlp: Any) -> None:
    ev = only(code(nlp, "Kade declined to meet President Anna Lind in June."), "REJECT")
    assert codes(ev.actor) == {"BRDGOV"}


def test_a_negated_condition_rules_its_row_out() -> None:
    rows = parse_lexicon("x.free\tRETREAT\t-\t-\tV\tfree\t!obj=report|list\tobj\t-\n")
    (row,) = rows[("free", "V")]
    (cond,) = row.needs
    assert cond.negated and cond.kind == "obj" and cond.lemmas == {"report", "list"}


def test_freeing_up_money_is_no_release(nlp: Any) -> None:
    # words a row rules out do not pin its sense: "free up" is another verb
    events = code(nlp, "Borduria freed up Atlantis's frozen assets.")
    assert not [e for e in events if e.event == "RETREAT"]


def test_refusing_to_discuss_is_still_a_refusal(nlp: Any) -> None:
    # refusing talks is CAMEO 125 (REJECT), not a statement: "discuss" is no word of comment
    events = code(nlp, "Kade refused to discuss the offer with President Anna Lind.")
    assert only(events, "REJECT").rule.startswith("reject.refuse")
    assert not [e for e in events if e.event == "CONSULT"]
