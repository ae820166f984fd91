"""A sentence never runs across a paragraph break, whatever the parser would make of the
words on either side."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def test_a_headline_line_is_its_own_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Lind visit a success\n\nPORT AVERY: Atlantis and Borduria signed a deal on Monday."
    sents = [s.text.strip() for s in nlp(text).sents]
    assert sents[0] == "Lind visit a success"
    assert all("\n" not in s for s in sents)


def test_sentences_inside_a_paragraph_are_the_parsers(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The talks ended late. Both sides said they would meet again."
    assert [s.text.strip() for s in nlp(text).sents] == [
        "The talks ended late.",
        "Both sides said they would meet again.",
    ]
