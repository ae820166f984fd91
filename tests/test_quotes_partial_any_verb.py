"""A partial quotation of three words or more under a verb the cue lexicon lacks is the
words of the verb's subject when that is a person or body the article names (issue 11,
round 14: the quotes missed under "credited", "expressed", "extended" in speaker rounds
5-11); shorter phrases and quotations under a passive verb or a nameless subject stay
scare quotes. Sentences written for the tests after the pattern of corpus articles."""

from __future__ import annotations

from typing import Any

import pytest

from quotes_support import quotes_of, speaker_names

pytestmark = pytest.mark.slow


def test_credited_for_a_phrase_is_the_spokesmans(nlp: Any) -> None:
    quotes = quotes_of(
        nlp,
        'White House spokesman Josh Earnest credited Sweden for the "tireless efforts of '
        'their embassy in Pyongyang" in helping to secure the release.',
    )
    assert speaker_names(quotes) == ["Josh Earnest"]
    assert quotes[0].partial


def test_expressed_a_short_phrase_of_three_words(nlp: Any) -> None:
    quotes = quotes_of(
        nlp, 'Government spokesman Ali Rabiei expressed "concern and sorrow" over the incident.'
    )
    assert speaker_names(quotes) == ["Ali Rabiei"]


def test_one_or_two_words_stay_scare_quotes(nlp: Any) -> None:
    assert quotes_of(nlp, 'Apple sold "green bonds" to investors last year.') == []


def test_a_passive_verb_names_no_speaker(nlp: Any) -> None:
    assert quotes_of(nlp, 'The deal with Iran was hailed as "a historic step" in Europe.') == []


def test_a_nameless_subject_says_nothing(nlp: Any) -> None:
    assert quotes_of(nlp, 'The company sold "sustainable green bonds" to investors.') == []
