"""Properties: any text with any quote marks never crashes the quote stage, and every quote's
offsets slice the body to exactly its text, inside one paragraph."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tidings.model import Article
from tidings.quotes import extract_quotes
from tidings.quotes.marks import find_quote_spans

pytestmark = pytest.mark.slow

PIECES = st.sampled_from(
    ['"', "“", "”", "'", "‘", "’", "«", "»", " said ", " he said, ", " according to ", "Anna Berg",
     "the Kremlin", " told reporters", ". ", ", ", ": ", "\n\n", "\n", " ", "We will go", "x",
     "Ministry", " the president ", "it", " warned "]
)  # fmt: skip
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=6)), max_size=40).map("".join)


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_mark_pairing_never_crashes_and_stays_in_a_paragraph(text: str) -> None:
    for span in find_quote_spans(text, allow_single=True):
        assert 0 <= span.start <= span.end <= len(text)
        assert "\n" not in text[span.start : span.end]


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(TEXTS)
def test_quotes_never_crash_and_offsets_slice_the_body(nlp: Any, text: str) -> None:
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    article = Article.from_paragraphs("prop", paragraphs, title=None)
    for q in extract_quotes(nlp(article.body), article, []):
        assert article.body[q.start : q.end] == q.text
        assert q.text.strip() and "\n" not in q.text
        if q.speaker_start is not None and q.speaker_end is not None:
            assert 0 <= q.speaker_start <= q.speaker_end <= len(article.body)
