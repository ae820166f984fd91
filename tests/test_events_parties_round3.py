"""Sources and recipients the rules used to miss or get wrong (issue #12, third round), on
real sentences (shortened) of gold/dev2 and the corpus event samples: a pronoun in a
quotation is not its speaker, a news outlet that reports is no pronoun's antecedent, two
international bodies are not one side, "called upon", what a statement is about, and the
party to a deed ("involved in"). Each is checked through ``coder.rule_parties``, the rules
the coder runs at a trigger of the given type."""

from __future__ import annotations

from typing import Any

import pytest

from events_support import mentions_for
from tidings.events.arguments import ActorIndex
from tidings.events.coder import rule_parties
from tidings.events.lexicon import load_lexicon
from tidings.model import ActorRef, Quote

ACTORS: dict[str, tuple[str, str, str]] = {
    "Mr. Ban": ("IGO", "Ban Ki-moon", "person"),
    "UN Security Council": ("IGO", "UN Security Council", "organisation"),
    "Vladimir Putin": ("RUSGOV", "Vladimir Putin", "person"),
    "Syria": ("SYR", "Syria", "country"),
    "Josh Earnest": ("USAGOV", "Josh Earnest", "person"),
    "president": ("USAGOV", "Barack Obama", "person"),
    "Israelis": ("ISR", "Israel", "country"),
    "Kremlin": ("RUSGOV", "Kremlin", "organisation"),
    "Aleksandar Vucic": ("SRBGOV", "Aleksandar Vucic", "person"),
    "Jeb Bush": ("USAELI", "Jeb Bush", "person"),
    "U.S. Special Forces": ("USAMIL", "U.S. Special Forces", "organisation"),
    "Islamic State": ("IMG", "Islamic State", "organisation"),
    "Daulat Kumar": ("INDCVL", "Daulat Kumar", "person"),
    "Mishra": ("INDPOL", "Kapil Mishra", "person"),
    "Reuters": ("GBRMED", "Reuters", "organisation"),
    "Brotherhood": ("EGYOPP", "Muslim Brotherhood", "organisation"),
}


def parties(
    nlp: Any, text: str, word: str, event: str, quotes: list[Quote] | None = None
) -> tuple[set[str], set[str]]:
    doc = nlp(text)
    index = ActorIndex(doc, mentions_for(text, ACTORS), quotes or [])
    trigger = next(t for t in doc if t.text == word)
    source, recipient = rule_parties(trigger, event, index, load_lexicon())
    return {p.code for p in source}, {p.code for p in recipient}


@pytest.mark.parametrize(
    ("text", "word", "event", "source", "recipient"),
    [
        # gold/dev2: two bodies of one shared code (IGO) are not one side; "upon" is "on"
        (
            "Mr. Ban urged a peaceful, diplomatic solution and called upon the divided UN "
            "Security Council not to go 'missing in action'.",
            "called",
            "REQUEST",
            {"IGO"},
            {"IGO"},
        ),
        # gold/dev2: what a statement is about is its clause's doer
        (
            "At a meeting in Kyrgyzstan on Friday, Russian President Vladimir Putin said that "
            "Syria's efforts have demonstrated its good faith.",
            "demonstrated",
            "SUPPORT",
            {"RUSGOV"},
            {"SYR"},
        ),
        # gold/dev2: the party to a deed the noun names no one in
        (
            "Jeb Bush praised the U.S. Special Forces involved in Saturday's killing of a top "
            "Islamic State leader in Syria.",
            "killing",
            "ASSAULT",
            {"USAMIL"},
            {"IMG"},
        ),
    ],
)
def test_parties(
    nlp: Any, text: str, word: str, event: str, source: set[str], recipient: set[str] | None
) -> None:
    found_source, found_recipient = parties(nlp, text, word, event)
    assert found_source == source
    if recipient is not None:
        assert found_recipient == recipient


def test_a_spokesman_speaks_for_the_president_he_reports(nlp: Any) -> None:
    # gold/dev2: the president is the speaker's own side, not whom the statement is about;
    # the clause's own places give the recipient
    text = (
        "Josh Earnest told reporters on Sunday that the president feels that the Israelis "
        "are justifiably concerned about the threat."
    )
    source, recipient = parties(nlp, text, "feels", "SUPPORT")
    assert source == {"USAGOV"}
    assert "USAGOV" not in recipient


def test_the_speakers_own_pair_is_not_what_its_statement_is_about(nlp: Any) -> None:
    # seed: the Kremlin speaks of its own leader and another
    text = (
        "Vladimir Putin spoke with Aleksandar Vucic by phone. The Kremlin said in a statement "
        "that the two leaders expressed their satisfaction."
    )
    source, recipient = parties(nlp, text, "expressed", "SUPPORT")
    assert source == {"RUSGOV"}
    assert "SRBGOV" not in recipient


def test_a_pronoun_in_a_quotation_is_not_its_speaker(nlp: Any) -> None:
    # corpus sample r5: "They" are the protesters, not the autorickshaw driver who speaks
    text = (
        '"They had been holding peaceful protest at Jafrabad since December and a day after '
        'Mishra made these statements, Delhi has turned into a war zone," said Daulat Kumar.'
    )
    quote_end = text.index('," said')
    quote = Quote(text[1:quote_end], 1, quote_end, ActorRef("INDCVL", "Daulat Kumar"), "said")
    source, _ = parties(nlp, text, "holding", "PROTEST", [quote])
    assert "INDCVL" not in source


def test_a_news_outlet_is_no_pronouns_antecedent(nlp: Any) -> None:
    # corpus sample r5: Reuters reports; "its members" are the Brotherhood's
    text = (
        "Reuters reports that the Brotherhood said its members had been peacefully "
        "protesting outside the barracks."
    )
    source, _ = parties(nlp, text, "protesting", "PROTEST")
    assert "GBRMED" not in source
