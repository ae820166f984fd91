"""Transcript speaker labels ("DAVID GREENE, HOST:") and colon introductions ("Trump:
“…”"). Sentences from the allsides corpus (../shared/corpus: NPR, BBC, Democracy Now, AP
fact checks), shortened where needed."""

from __future__ import annotations

from typing import Any

import pytest

from quotes_support import mention, quotes_of, speaker_names
from tidings.model import Actor
from tidings.quotes.labels import speaker_turns
from tidings.quotes.marks import paragraph_bounds

pytestmark = pytest.mark.slow

NPR = [  # allsides-iLQ1yqftny12APo4
    "AILSA CHANG, HOST:",
    "Let's take the next few minutes to fact-check President Trump's claims.",
    "DAVID WELNA, BYLINE: Trump has said it before about NATO's European allies.",
    "(SOUNDBITE OF ARCHIVED RECORDING)",
    "PRESIDENT DONALD TRUMP: Many countries owe us a tremendous amount of money.",
    "O'CONNELL: There is a common budget that all NATO allies pay into.",
]


def test_speaker_turns_of_an_npr_transcript() -> None:
    body = "\n\n".join(NPR)
    turns = speaker_turns(body, paragraph_bounds(body))
    names = [t.name if t else None for t in turns]
    assert names == [
        "Ailsa Chang",
        "Ailsa Chang",
        "David Welna",
        None,
        "President Donald Trump",
        "O'Connell",
    ]
    assert turns[0] is not None and turns[0].media and turns[0].role == "host"
    assert turns[2] is not None and turns[2].media
    assert turns[4] is not None and not turns[4].media


def test_run_in_heads_are_not_speakers() -> None:
    # allsides-HCHbJC38XcCgcNGL, allsides-dsnXeKEMJwCXrrTR
    body = "UPDATE: Buzzfeed seems to have found the account.\n\nTHE FACTS: Modest is no miracle."
    assert speaker_turns(body, paragraph_bounds(body)) == [None, None]


def test_host_is_not_the_speaker_of_a_quote_with_its_own_cue(nlp: Any) -> None:
    quotes = quotes_of(
        nlp,
        'DAVID GREENE, HOST: President Trump tweeted, "The Fake News Media is going crazy!"',
        'STEVE INSKEEP, BYLINE: The Kremlin said it was "deeply concerned" about the move.',
    )
    assert speaker_names(quotes) == ["Trump", "Kremlin"]


def test_quoted_speech_inside_a_guests_turn_is_not_the_guests(nlp: Any) -> None:
    # allsides-kBVGkLTvhx9MZLAp (Democracy Now)
    quotes = quotes_of(
        nlp,
        "AMY GOODMAN: Rudy Giuliani spoke about Donald Trump on Fox News.",
        "RUDY GIULIANI: I’ll tell you the whole history of it. He called me up. He said, "
        "“Put a commission together. Show me the right way to do it legally.”",
    )
    assert speaker_names(quotes) == ["Donald Trump"]


def test_label_at_the_start_of_a_quoted_turn(nlp: Any) -> None:
    # allsides-QOp9z5N50R18DqIU (BBC)
    quotes = quotes_of(
        nlp,
        'TRUMP: "I won New Hampshire because New Hampshire is a drug-infested den."',
        'TRUMP: "You have some pretty tough hombres in Mexico."',
    )
    assert len(quotes) == 2 and speaker_names(quotes) == ["Trump", "Trump"]


def test_quote_further_on_in_a_turn_stays_out(nlp: Any) -> None:
    # allsides-FpjAA1KnueXODqxA: the speaker quotes someone else after a colon
    quotes = quotes_of(
        nlp,
        "AMY GOODMAN: Dr. Martin Luther King Jr., speaking in 1965.",
        "MARTIN LUTHER KING JR.: I believe this because Carlyle is right: “No lie can live "
        "forever.”",
    )
    assert quotes == []


def test_colon_after_a_name(nlp: Any) -> None:
    # allsides-kUbEeZN0m2zueWHi (ABC)
    (q,) = quotes_of(
        nlp,
        'Obama campaign manager Jim Messina: "Much like the entire Republican Convention, '
        "Mitt Romney's speech tonight offered many personal attacks.\"",
    )
    assert q.cue == ":" and speaker_names([q]) == ["Jim Messina"]


def test_colon_after_a_clause_about_speech(nlp: Any) -> None:
    # allsides-zFgqTI3GAaKFm43b
    (q,) = quotes_of(
        nlp,
        "Alexander Litvinenko arrived in the city with his wife and son and made a "
        "declaration to a police officer: \"I am a KGB officer and I'm asking for political "
        'asylum."',
    )
    assert speaker_names([q]) == ["Alexander Litvinenko"]


def test_colon_question_of_an_unnamed_reporter_is_nobodys(nlp: Any) -> None:
    # allsides-MDtwx1UUZS4uLA3G
    quotes = quotes_of(
        nlp,
        'Reporter: "Mr. president, do you think Robert Mueller acted honorably?"',
        "The exchange was brief.",
    )
    assert quotes == []


def test_colon_after_a_statement_of_fact_is_no_quote(nlp: Any) -> None:
    assert quotes_of(nlp, 'The program has a clear goal: "Zero deaths on the road by 2030."') == []


def test_interview_excerpt_in_an_article_ends_with_its_paragraph() -> None:
    # allsides-yO99uKk6lacDieZi (USA Today): a CBS exchange inside a reporter's story
    body = "\n\n".join(
        [
            "ROSE: Are you suggesting that there would be repercussions?",
            "ASSAD: Yeah. It may take different forms, direct and indirect.",
            "The Obama administration has accused the Assad regime of an attack.",
        ]
    )
    turns = speaker_turns(body, paragraph_bounds(body))
    assert [t.name if t else None for t in turns] == ["Rose", "Assad", None]


def test_colon_label_of_a_news_digest_names_the_outlet(nlp: Any) -> None:
    # allsides-eAe1PufMLDQFYhmE (Fox News digest)
    (q,) = quotes_of(
        nlp,
        "NEBRASKA - Ben Sasse - The Hill: “Billionaire Tom Steyer's environmental group is "
        "using its social media prowess to hit Sen. Marco Rubio.”",
    )
    assert speaker_names([q]) == ["The Hill"]


def test_a_hosts_own_quoted_turn_is_coded_as_the_broadcasters(nlp: Any) -> None:
    paragraphs = (
        "STEVE INSKEEP, HOST: This is MORNING EDITION from NPR News.",
        'INSKEEP: "We will be right back after this."',
    )
    body = "\n\n".join(paragraphs)
    npr = mention(body, "NPR", Actor("NPR", "USAMED", kind="organisation"))
    (q,) = quotes_of(nlp, *paragraphs, mentions=[npr])
    assert q.speaker is not None and (q.speaker.code, q.speaker.name) == ("USAMED", "Steve Inskeep")
