"""Partial quotes under verbs of saying and judging belong to the clause's subject; scare
quotes and labels stay out. Sentences from the allsides corpus (../shared/corpus),
shortened where needed."""

from __future__ import annotations

from typing import Any

import pytest

from quotes_support import quotes_of, speaker_names

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("sentence", "quoted", "speaker", "cue"),
    [
        (  # allsides-BTwJRLZT4DHkW1w7
            'A Pentagon spokesman called on Russia to "de-escalate the situation".',
            "de-escalate the situation",
            "Pentagon spokesman",
            "called on",
        ),
        (  # allsides-WIUEbP77gHaMF5KQ
            'On Tuesday, the UN called on the US to "immediately halt" the separations.',
            "immediately halt",
            "UN",
            "called on",
        ),
        (  # allsides-1ezP9pQ5ax55DinG
            "In a speech lasting nearly 20 minutes, the French leader called on fellow "
            'leaders to "fight for peace".',
            "fight for peace",
            "French leader",
            "called on",
        ),
        (  # allsides-2CNzQFXZdQgRqxZm
            "The Virginia Legislative Black Caucus described the images as "
            '"disgusting, reprehensible and offensive".',
            "disgusting, reprehensible and offensive",
            "Virginia Legislative Black Caucus",
            "described",
        ),
        (  # allsides-17XQnzUDqNJCeIsS
            'Trump has called the reports "premature" saying he\'s not convinced.',
            "premature",
            "Trump",
            "called",
        ),
    ],
)
def test_partial_quote_of_a_judging_verb(
    nlp: Any, sentence: str, quoted: str, speaker: str, cue: str
) -> None:
    (q,) = quotes_of(nlp, sentence)
    assert q.text == quoted and q.partial
    assert q.speaker is not None and speaker in q.speaker.name
    assert q.cue == cue


def test_describing_participle_takes_the_sentence_subject(nlp: Any) -> None:
    # allsides-434bVCVfPQPSIItt
    quotes = quotes_of(
        nlp,
        'And leading Tory Remainer Dominic Grieve warned "we are about to do a serious and '
        'historic mistake", describing Brexit as "self-mutilation".',
    )
    assert [q.text for q in quotes][1] == "self-mutilation"
    assert all("Dominic Grieve" in (n or "") for n in speaker_names(quotes))


def test_participle_tagged_as_noun_is_still_a_cue(nlp: Any) -> None:
    # allsides-MDtwx1UUZS4uLA3G: the tagger reads "warning" as a noun
    (q,) = quotes_of(
        nlp,
        "Supreme Court Justice Antonin Scalia dissented, warning, “I fear the Court has "
        "permanently encumbered the Republic with an institution that will do it great harm.”",
    )
    assert q.cue == "warning" and speaker_names([q]) == ["Antonin Scalia"]


def test_labeling_verb_marks_a_label_not_a_quote(nlp: Any) -> None:
    # allsides-z5gzThOqGoX7QQqG (dev): the gold takes "labeling … a “foe”" as a label
    quotes = quotes_of(
        nlp,
        "HELSINKI (Reuters) - On the eve of his meeting with Russia’s Vladimir Putin, U.S. "
        "President Donald Trump rattled allies once more by labeling the European Union a "
        "“foe” with regard to trade.",
    )
    assert quotes == []


def test_scene_setting_clause_is_not_the_speakers(nlp: Any) -> None:
    # allsides-z5gzThOqGoX7QQqG (dev): the label is the reporter's account of Trump
    quotes = quotes_of(
        nlp,
        "After Trump labeled the EU a “foe,” Donald Tusk, president of the European "
        "Council, responded on Twitter, using one of Trump’s favorite stock phrases.",
    )
    assert quotes == []


@pytest.mark.parametrize(
    "sentence",
    [
        # allsides-4GCOo9e6TE83bjy6
        'These so-called "dreamers," who came to the U.S. before age 16, grew up as Americans.',
        # a verb that is speech only without an object
        'Russia continued its "special military operation" in the east.',
        # allsides-sOEo447UPVRnIvzO: a word the reporter marks, nobody says it
        "It came during an unsettled period when senior immigration officials hold "
        "“acting” titles lacking U.S. Senate confirmation.",
    ],
)
def test_scare_quotes_and_labels_stay_out(nlp: Any, sentence: str) -> None:
    assert quotes_of(nlp, sentence) == []


def test_quote_in_an_opening_adjunct_is_not_the_verbs(nlp: Any) -> None:
    # allsides-o9mL9vV3oTCOpU47 (Breitbart)
    quotes = quotes_of(
        nlp,
        "In their latest “seven-figure project” to promote amnesty for illegal aliens, the "
        "Koch brothers are thanking Democrats and their open borders agenda in mailers.",
    )
    assert quotes == []


def test_a_call_for_help_introduces_no_quotation(nlp: Any) -> None:
    # allsides-diC1vF4qIoMGuYTi (Christian Science Monitor)
    quotes = quotes_of(
        nlp,
        "It was on his third deployment, in Afghanistan, that a platoon leader was shot.",
        "They were calling for a medic as more explosions erupted around them.",
        "“I was able to get him behind a rock and treat him.”",
    )
    assert all(q.cue != "calling for" for q in quotes)
