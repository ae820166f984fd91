"""Partial quotations under verbs of saying and judging that the parse hides, and speakers
the parse loses. Sentences from the allsides corpus (../shared/corpus) and gold/dev2,
shortened where needed."""

from __future__ import annotations

from typing import Any

import pytest

from quotes_support import article_of, mention, quotes_of, speaker_names
from tidings.model import Actor

pytestmark = pytest.mark.slow


def test_as_someone_declared_attributes_the_clause(nlp: Any) -> None:
    # allsides-qFE9xKsqlsCdT2gW
    (q,) = quotes_of(
        nlp,
        "The Paris slaughter constitutes, as President François Hollande of France "
        "declared, an “act of war.” As such, it demands a collective response.",
    )
    assert q.text == "act of war." and q.cue == "declared" and q.partial
    assert speaker_names([q]) == ["François Hollande"]


def test_described_as_a_participle_with_a_quoted_agent(nlp: Any) -> None:
    # allsides-1jfnNt3tP13MILro
    (q,) = quotes_of(
        nlp,
        'A military source described the attack as launched by "armed terrorists" who '
        "attempted to storm the barracks.",
    )
    assert q.text == "armed terrorists" and q.cue == "described"
    assert speaker_names([q]) == ["military source"]


def test_questioned_whether(nlp: Any) -> None:
    # allsides-SaRvjkRgsY0JG4Bc
    (q,) = quotes_of(
        nlp,
        "Rep. Peter King told Fox News he now questions Petraeus' statements.",
        'King questioned whether the investigation "consciously or subconsciously" '
        "affected his statements to Congress.",
    )
    assert q.cue == "questioned" and speaker_names([q]) == ["Peter King"]


def test_finite_verb_hung_on_its_subject(nlp: Any) -> None:
    # allsides-qRsNU235rJn0JHbw: the parser makes "called" a clause of "pair"
    quotes = quotes_of(
        nlp,
        "A pair of senior Republican senators on Friday called on the Obama administration "
        "to suspend aid to Egypt, saying the “massacre” of civilians has brought the "
        "relationship to a “fork in the road.”",
    )
    assert [q.text for q in quotes] == ["massacre", "fork in the road."]
    assert speaker_names(quotes) == ["pair of senior Republican senators"] * 2  # no "Friday"


def test_we_of_reported_words_is_not_the_speaker(nlp: Any) -> None:
    # allsides-TANdORmxAj2hiKPj (gold/dev2)
    (q,) = quotes_of(
        nlp,
        "When Egyptians marched in the streets in early 2011, former Vice President Dick "
        'Cheney said we should stand by Mubarak and called him our "good friend."',
    )
    assert q.text == "good friend." and speaker_names([q]) == ["Dick Cheney"]


def test_report_of_a_news_agency_is_the_agency(nlp: Any) -> None:
    # allsides-LjGZQfnr72b5MaXp
    quotes = quotes_of(
        nlp,
        'Kim called the missile a "world-level strategic weapon," according to KCNA.',
        'The news agency report said the missiles "soared into the sky from underwater."',
    )
    assert speaker_names(quotes)[-1] == "news agency"


def test_a_court_filing_is_not_the_court(nlp: Any) -> None:
    # allsides-KEb8dKNPvSRM8X8s (gold/dev2)
    quotes = quotes_of(
        nlp,
        "The Trump campaign said in a court filing that it did nothing wrong.",
        "The hacked materials were a matter of “significant public concern”, the filing said.",
    )
    assert "court" not in speaker_names(quotes)


def test_bare_surname_is_the_person_named_in_full(nlp: Any) -> None:
    # allsides-1AEzhkuFBeASjUbR
    paragraphs = (
        '"It\'s a real issue for Twitter," says Manuel Diaz, whose company, Emakina, '
        "advises corporations.",
        "But digital expert Diaz says Twitter has to react even faster.",
        '"Waiting for the French state to do something, it\'s too late," he says.',
    )
    body = article_of(*paragraphs).body
    full = Actor("Manuel Diaz", "FRABUS", country="FRA", sector="BUS")
    bare = Actor("Diaz", "USACVL", country="USA", sector="CVL")
    mentions = [mention(body, "Manuel Diaz", full), mention(body, "Diaz", bare, nth=1)]
    quotes = quotes_of(nlp, *paragraphs, mentions=mentions)
    assert [(q.speaker.code, q.speaker.name) for q in quotes if q.speaker] == [
        ("FRABUS", "Manuel Diaz"),
        ("FRABUS", "Manuel Diaz"),
    ]


def test_a_mark_glued_to_the_next_sentence_keeps_its_cue_out(nlp: Any) -> None:
    # allsides-XPSqocKCYCyIAio0 (gold/dev2): "…Benghazi."And former … Bolton told …
    quotes = quotes_of(
        nlp,
        '"Political manipulation is rampant here," said Graham in an interview with Fox '
        'News. "The dam\'s about to break on Benghazi."And former United Nations Ambassador '
        "John Bolton told Newsmax on Monday that he too believes it.",
    )
    assert speaker_names(quotes) == ["Graham", "Graham"]


def test_write_with_surnames_after_the_verb(nlp: Any) -> None:
    # allsides-iCCif6hKT6nnSG17 (gold/dev2)
    quotes = quotes_of(
        nlp,
        "In a new paper, Juan Carlos Hidalgo and Ian Vasquez of the Cato Institute look at Mexico.",
        '"No one can blame Mexicans for being under the impression that they have little to '
        'lose," write Hidalgo and Vasquez. "But this is a miscalculation," they add.',
    )
    assert [q.cue for q in quotes] == ["write", "add"]
    assert speaker_names(quotes) == ["Juan Carlos Hidalgo", "Juan Carlos Hidalgo"]


def test_a_group_named_by_its_example(nlp: Any) -> None:
    # allsides-iCCif6hKT6nnSG17 (gold/dev2)
    (q,) = quotes_of(
        nlp,
        "Investment banks such as Citigroup have warned that his election means uncertainty "
        'in "monetary, fiscal, and commercial policy."',
    )
    assert q.cue == "warned" and speaker_names([q]) == ["Citigroup"]
