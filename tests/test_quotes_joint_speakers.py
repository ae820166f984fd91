"""Who speaks (issue 11, round 14): words said by people or bodies joined by "and" are all
of theirs ("Robert Lighthizer and Chrystia Freeland said": both names, as the judges of
speaker rounds 5, 6, 9, 10 and 11 name them), save one the words themselves name.
Sentences written for the tests after the pattern of corpus articles."""

from __future__ import annotations

from typing import Any

import pytest

from quotes_support import quotes_of, speaker_names

pytestmark = pytest.mark.slow


def test_two_people_joined_by_and_are_both_the_speaker(nlp: Any) -> None:
    quotes = quotes_of(
        nlp,
        "Robert Lighthizer and Chrystia Freeland said the talks had been "
        '"constructive and productive" in a joint statement on Friday.',
    )
    assert speaker_names(quotes) == ["Robert Lighthizer and Chrystia Freeland"]


def test_three_senators_under_their_title_are_all_named(nlp: Any) -> None:
    quotes = quotes_of(
        nlp,
        "Senators Chuck Schumer, Bob Menendez and Sherrod Brown wrote to the president on "
        'Tuesday. "We urge you to act now," the senators wrote.',
    )
    assert speaker_names(quotes) == ["Chuck Schumer, Bob Menendez and Sherrod Brown"]


def test_the_cosigned_letter_speaks_for_both_signers(nlp: Any) -> None:
    quotes = quotes_of(
        nlp,
        "Reps. John Carter and Michael McCaul wrote a letter to the Army on Friday. The "
        'co-signed letter said, "It is inconceivable to us that the Army still calls this '
        'attack workplace violence."',
    )
    assert speaker_names(quotes) == ["John Carter and Michael McCaul"]


def test_a_partner_the_words_name_is_not_a_speaker(nlp: Any) -> None:
    quotes = quotes_of(
        nlp,
        "Rep. Roger Williams and Rep. John Carter, Texas Republicans, released a statement "
        'Thursday saying, "This is a huge step, and I would like to thank Rep. John Carter '
        'for his support."',
    )
    assert speaker_names(quotes) == ["Roger Williams"]


def test_a_person_and_a_description_stay_the_person(nlp: Any) -> None:
    quotes = quotes_of(nlp, 'President Trump and his aides said the deal was "a great win."')
    assert speaker_names(quotes) == ["Trump"]
