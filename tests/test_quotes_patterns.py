"""Each quotation pattern on sentences written for these tests (spaCy model needed)."""

from __future__ import annotations

from typing import Any

import pytest

from quotes_support import article_of, mention, quotes_of, speaker_names
from tidings.model import Actor

pytestmark = pytest.mark.slow


def test_straight_quote_with_cue_after(nlp: Any) -> None:
    (q,) = quotes_of(nlp, '"We will not change course," Prime Minister Anna Berg said on Monday.')
    assert q.text == "We will not change course,"
    assert q.speaker is not None and q.speaker.name == "Anna Berg"
    assert q.cue == "said" and not q.partial


def test_curly_multi_sentence_quote(nlp: Any) -> None:
    (q,) = quotes_of(
        nlp,
        "“The talks were useful. We agreed to meet again in May,” Foreign Minister "
        "Tomas Ruiz told reporters.",
    )
    assert q.text.startswith("The talks were useful. We agreed")
    assert speaker_names([q]) == ["Tomas Ruiz"] and q.cue == "told"


def test_partial_quote_inside_reporters_sentence(nlp: Any) -> None:
    (q,) = quotes_of(
        nlp,
        "Governor Lena Holt said the flooding had caused “damage on a scale we have never "
        "seen” across the valley.",
    )
    assert q.partial and q.text == "damage on a scale we have never seen"
    assert speaker_names([q]) == ["Lena Holt"]


def test_split_quote_gives_two_quotes_one_speaker(nlp: Any) -> None:
    quotes = quotes_of(
        nlp,
        "“We are ready to talk,” Mayor Daniel Osei said. “But we will not be pushed around.”",
    )
    assert [q.text for q in quotes] == [
        "We are ready to talk,",
        "But we will not be pushed around.",
    ]
    assert speaker_names(quotes) == ["Daniel Osei", "Daniel Osei"]


def test_continuation_paragraph_keeps_the_speaker(nlp: Any) -> None:
    quotes = quotes_of(
        nlp,
        "Senator Carla Mendes said: “The bill is dead. Nobody will revive it.",
        "“We will start again next year with a better one.”",
        "The vote is expected on Friday.",
    )
    assert len(quotes) == 2
    assert quotes[1].text.startswith("We will start again")
    assert speaker_names(quotes) == ["Carla Mendes", "Carla Mendes"]


def test_quote_paragraph_after_a_cue_sentence(nlp: Any) -> None:
    quotes = quotes_of(
        nlp,
        "Finance Minister Ivan Petrov said there were no plans to close foreign banks.",
        "“Of course we have no such plans. That would make no sense.”",
    )
    assert speaker_names(quotes) == ["Ivan Petrov"]


def test_nested_single_quotes_are_attributed_inside_the_quote(nlp: Any) -> None:
    quotes = quotes_of(
        nlp,
        'In a post, President Mark Ellis said, "Governor Ruth Kane went on television '
        "saying that 'the tariffs are insulting' and we laughed.\"",
    )
    texts = [q.text for q in quotes]
    assert "the tariffs are insulting" in texts
    inner = quotes[texts.index("the tariffs are insulting")]
    assert inner.partial and speaker_names([inner]) == ["Ruth Kane"]
    assert speaker_names([quotes[0]]) == ["Mark Ellis"]


def test_inverted_cue(nlp: Any) -> None:
    (q,) = quotes_of(nlp, "“The border stays open,” said Interior Minister Karl Weber.")
    assert speaker_names([q]) == ["Karl Weber"]


def test_according_to(nlp: Any) -> None:
    (q,) = quotes_of(
        nlp,
        "The meeting is meant to “lay the ground for a lasting deal”, according to "
        "envoy Maria Lopez.",
    )
    assert q.cue == "according to" and speaker_names([q]) == ["Maria Lopez"]


def test_organisation_speaker_and_its_code(nlp: Any) -> None:
    text = "“Relations are excellent,” the Kremlin said in a statement."
    kremlin = Actor(name="Kremlin", code="RUSGOV", kind="organisation", country="RUS")
    article = article_of(text)
    mentions = [mention(article.body, "Kremlin", kremlin, how="metonym")]
    (q,) = quotes_of(nlp, text, mentions=mentions)
    assert q.speaker is not None and (q.speaker.code, q.speaker.name) == ("RUSGOV", "Kremlin")
    assert (
        q.speaker_start is not None and article.body[q.speaker_start : q.speaker_end] == "Kremlin"
    )


def test_country_speaking_is_its_government(nlp: Any) -> None:
    text = "Norway warned that any attack would bring “a firm response.”"
    norway = Actor(name="Norway", code="NOR", kind="country", country="NOR")
    mentions = [mention(text, "Norway", norway, how="name")]
    (q,) = quotes_of(nlp, text, mentions=mentions)
    assert q.speaker is not None and q.speaker.code == "NORGOV"


def test_pronoun_speaker_resolves_to_the_person(nlp: Any) -> None:
    quotes = quotes_of(
        nlp,
        "Defence Secretary Paul Grant visited the base on Tuesday.",
        "He met soldiers and their families.",
        "“Our troops deserve better housing,” he said.",
    )
    assert speaker_names(quotes) == ["Paul Grant"]


def test_title_speaker_resolves_to_the_named_person(nlp: Any) -> None:
    quotes = quotes_of(
        nlp,
        "Chilean Foreign Minister Rosa Vidal met her counterpart in Lima.",
        "“We have a common agenda,” the foreign minister said.",
    )
    assert speaker_names(quotes) == ["Rosa Vidal"]


def test_unresolved_named_speaker_keeps_the_name(nlp: Any) -> None:
    (q,) = quotes_of(nlp, "“Prices will fall,” economist Jorge Alves said.")
    assert q.speaker is not None and q.speaker.code == "" and q.speaker.name == "Jorge Alves"


def test_scare_quote_gives_nothing(nlp: Any) -> None:
    assert quotes_of(nlp, "The agency was declared an “undesirable” organisation last year.") == []
    assert quotes_of(nlp, "The vote followed the “snap back” plan agreed in spring.") == []


def test_titles_nicknames_and_labels_give_nothing(nlp: Any) -> None:
    assert (
        quotes_of(
            nlp,
            "The minister said in an interview with the “Morning Report” programme that she "
            "would attend the so-called “peace caravan” next week.",
        )
        == []
    )
    assert (
        quotes_of(nlp, "The president, who called his rival “Sleepy Joe”, spoke for an hour.") == []
    )


def test_unbalanced_quote_never_swallows_the_article(nlp: Any) -> None:
    quotes = quotes_of(
        nlp,
        "He told the “Evening Show. “We need more time,” Chancellor Eva Klein said.",
        "The next paragraph has no quotes at all, and it says so.",
        "Neither does this one.",
    )
    assert [q.text for q in quotes] == ["We need more time,"]
    assert all("\n" not in q.text for q in quotes)


def test_repeated_quotation_is_reported_once(nlp: Any) -> None:
    caption = "Mayor Ada Novak said the bridge was “a disgrace to the city.” (Photo: agency)"
    quotes = quotes_of(nlp, caption, caption, "The bridge closed in May.")
    assert len(quotes) == 1
