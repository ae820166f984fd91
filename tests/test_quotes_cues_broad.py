"""Cues beyond "said": asides, trailing cues after a quotation, inverted subjects, bare
verbs ("he continued"). Sentences from the allsides corpus (../shared/corpus), shortened
where needed."""

from __future__ import annotations

from typing import Any

import pytest

from quotes_support import quotes_of, speaker_names

pytestmark = pytest.mark.slow


def test_quote_before_its_cue_inside_a_reporters_clause(nlp: Any) -> None:
    # allsides-S9JPDhJlvWjZJuK8
    (q,) = quotes_of(
        nlp,
        'Haji Bakr was left "bitter and unemployed," a source who knew him told Der '
        "Spiegel, as were many officers.",
    )
    assert q.text == "bitter and unemployed," and q.cue == "told"
    assert speaker_names([q]) == ["source"]


def test_quote_before_analysts_said(nlp: Any) -> None:
    (q,) = quotes_of(nlp, 'The deal is "a historic step," analysts said on Monday.')
    assert q.cue == "said" and speaker_names([q]) == ["analysts"]


def test_quote_before_according_to(nlp: Any) -> None:
    (q,) = quotes_of(
        nlp, 'The ceasefire remains "fragile and reversible," according to the United Nations.'
    )
    assert q.cue == "according to" and speaker_names([q]) == ["United Nations"]


def test_inverted_cue_after_a_partial_quote(nlp: Any) -> None:
    # allsides-uV1qUoVEi9JKFOcm
    (q,) = quotes_of(
        nlp,
        "Mr. Kim wants to ensure that North Koreans will never again have to “tighten their "
        "belts,” says Professor Delury, a historian.",
    )
    assert q.cue == "says" and speaker_names([q]) == ["Delury"]


def test_aside_cue_with_inverted_subject(nlp: Any) -> None:
    # allsides-DJmg1G21ycfJxcm2
    (q,) = quotes_of(
        nlp,
        'This change in terminology, said Tom, means the "FBI now suspect the men of being '
        'responsible for this bombing."',
    )
    assert q.cue == "said" and speaker_names([q]) == ["Tom"]


def test_aside_cue_continues(nlp: Any) -> None:
    # allsides-DJmg1G21ycfJxcm2
    quotes = quotes_of(
        nlp,
        "President Obama spoke at the service.",
        'His message, the president continues, is that "every one of us has been touched by '
        'this attack on your beloved city."',
    )
    assert [q.cue for q in quotes] == ["continues"]
    assert speaker_names(quotes) == ["Obama"]


def test_he_continued(nlp: Any) -> None:
    # allsides-QbFm3bQfWmNBypcc
    quotes = quotes_of(
        nlp,
        "Gen. John Allen spoke to reporters on Tuesday.",
        '"That\'s what causes us to look for different potential troop numbers," he continued.',
    )
    assert [q.cue for q in quotes] == ["continued"]
    assert speaker_names(quotes) == ["John Allen"]


def test_document_of_a_day_speaks_for_its_author(nlp: Any) -> None:
    # allsides (OIG report on the State Department): "Wednesday's" is a day, not an author
    (q,) = quotes_of(
        nlp,
        "“The department’s actions to date do not comply with this recommendation,” "
        "Wednesday’s OIG report says, concluding that the State Department erred.",
    )
    assert speaker_names([q]) == ["OIG"]


def test_user_name_in_quote_marks_is_a_label(nlp: Any) -> None:
    # allsides (BBC on the Pittsburgh synagogue attack)
    quotes = quotes_of(
        nlp,
        "Mr Bowers has posted anti-Semitic content on social network Gab under the "
        'username "onedingo".',
    )
    assert quotes == []


def test_reacted_by_saying(nlp: Any) -> None:
    # allsides-Lc9NblzJMKZxSQJ1 (BBC)
    (q,) = quotes_of(
        nlp,
        'Pentagon spokesman Col Robert Manning reacted by saying: "If North Korea does not '
        'stop their provocative actions, we will provide options to the president."',
    )
    assert (speaker_names([q])[0] or "").endswith("Robert Manning")


def test_quoted_as_saying_is_the_person_quoted(nlp: Any) -> None:
    # allsides-er7arDiSNVcrOU6O
    (q,) = quotes_of(
        nlp,
        "State news agency KCNA quoted leader Kim Jong-un as saying the test was a "
        '"gift" to the Americans on their independence day.',
    )
    assert speaker_names([q]) == ["Kim Jong-un"]


def test_cue_the_parser_hung_below_the_quotation(nlp: Any) -> None:
    # allsides-UDONTMV8GYAtygH3 (BBC)
    quotes = quotes_of(
        nlp,
        "The daughter of US Senator John McCain has hit back at a White House aide who "
        'reportedly joked his vote "doesn\'t matter" because "he\'s dying anyway".',
    )
    assert quotes and quotes[0].cue == "joked"
    assert speaker_names(quotes[:1]) == ["White House aide"]


def test_subject_the_parser_lost(nlp: Any) -> None:
    # allsides-uHz5vqyVdOWc2OiN (BBC)
    (q,) = quotes_of(
        nlp,
        "Speaking before Mr Johnson's decision to pull out Mrs May joked: \"Boris negotiated "
        'in Europe. He came back with three nearly-new water cannon."',
    )
    assert q.cue == "joked" and (speaker_names([q])[0] or "").endswith("May")
