"""An abbreviated title before a name ends no sentence, so the name keeps its title and a
quotation keeps its speaker (corpus: "said Navy Cdr. Gary Ross, a Pentagon spokesman")."""

from __future__ import annotations

import pytest

from tidings.model import Document
from tidings.nlp.abbreviations import abbreviation_keys

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "sentence",
    [
        "The damage is minor, said Navy Cdr. Gary Ross, a Pentagon spokesman.",
        "Brig. Gen. Mark Kimmitt said the raid had ended.",
        "U.S. Amb. Nikki Haley called the vote a disgrace.",
        "Army Pvt. Bradley Manning was charged on Tuesday.",
        "Det. John Smith and Supt. Jane Doe led the inquiry.",
        "Army Spc. Joe Lopez and Cpl. Ann Lee were wounded.",
        "Former Homeland Security Sec. Tom Ridge said the threat was real.",
        "Col. Ann Wright (ret.) resigned in protest.",
    ],
)
def test_a_title_abbreviation_ends_no_sentence(nlp, sentence: str) -> None:  # type: ignore[no-untyped-def]
    assert [s.text for s in nlp(sentence).sents] == [sentence]


def test_a_sentence_still_ends_after_an_abbreviation_then_a_new_one(nlp) -> None:  # type: ignore[no-untyped-def]
    sents = [s.text for s in nlp("He served as a Lt. in the army. Later he quit.").sents]
    assert sents == ["He served as a Lt. in the army.", "Later he quit."]


def test_an_upper_case_word_like_a_title_still_ends_its_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    sents = [s.text for s in nlp("The firm filed its report with the SEC. Its shares fell.").sents]
    assert sents == ["The firm filed its report with the SEC.", "Its shares fell."]


def test_the_quotation_goes_to_the_titled_speaker(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Navy ship damaged\n\nThe U.S. destroyer was not at risk, officials said on Monday.\n\n"
        '"The crew is safe and the damage is minor," said Navy Cdr. Gary Ross, a Pentagon '
        "spokesman."
    )
    doc = Document(
        source="t", content_hash="t", format="text", content=text,
        hints={"published": "2019-06-20"},
    )  # fmt: skip
    (quote,) = pipeline.analyze(doc).quotes
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.code) == ("Gary Ross", "USAMIL")


def test_the_actors_stage_reads_the_same_abbreviations() -> None:
    from tidings.actors.phrases import ABBREVIATIONS

    assert abbreviation_keys() <= ABBREVIATIONS
    assert {"cdr", "amb", "pvt", "gen", "sen"} <= ABBREVIATIONS
