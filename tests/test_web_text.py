"""The article body as nested pieces: overlapping spans are cut, never lost or doubled."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from tidings.web.text import Piece, date_resolution, paragraphs


def _flatten(pieces: list[Piece]) -> str:
    return "".join(p.text if p.span is None else _flatten(p.children) for p in pieces)


def _check_nesting(pieces: list[Piece], depth: int = 0) -> None:
    order = {"sentence": 0, "quote": 1, "date": 2}
    for p in pieces:
        if p.span is not None:
            assert order[p.span.kind] >= depth
            _check_nesting(p.children, order[p.span.kind] + 1)


BODY = 'Alpha beta gamma.\n\nDelta "epsilon zeta" eta, theta said on Monday.\n\nIota kappa.'


def _article(spans: dict[str, list[tuple[int, int]]]) -> dict[str, Any]:
    paras, pos = [], 0
    for text in BODY.split("\n\n"):
        paras.append({"start": pos, "end": pos + len(text)})
        pos += len(text) + 2
    return {
        "body": BODY,
        "paragraphs": paras,
        "events": [{"sentence_start": a, "sentence_end": b} for a, b in spans["events"]],
        "quotes": [{"start": a, "end": b} for a, b in spans["quotes"]],
        "dates": [{"start": a, "end": b} for a, b in spans["dates"]],
    }


span = st.tuples(st.integers(0, len(BODY)), st.integers(0, len(BODY))).map(sorted).map(tuple)


@given(
    st.fixed_dictionaries({k: st.lists(span, max_size=5) for k in ("events", "quotes", "dates")})
)
def test_web_text_pieces_rebuild_each_paragraph(spans: dict[str, list[tuple[int, int]]]) -> None:
    article = _article(spans)
    result = paragraphs(article)
    for para, bounds in zip(result, article["paragraphs"], strict=True):
        assert _flatten(para) == BODY[bounds["start"] : bounds["end"]]
        _check_nesting(para)
    firsts = [p for para in result for p in _walk(para) if p.span is not None and p.first]
    assert len({id(p.span) for p in firsts}) == len(firsts)  # one labelled piece per span


def _walk(pieces: list[Piece]) -> list[Piece]:
    out = []
    for p in pieces:
        out.append(p)
        out.extend(_walk(p.children))
    return out


def test_web_text_quote_across_a_sentence_edge_is_two_pieces() -> None:
    start = BODY.index('"epsilon') + 1
    end = BODY.index('" eta')
    sentence = (BODY.index("Delta"), BODY.index(" zeta"))  # ends inside the quoted words
    article = _article({"events": [sentence], "quotes": [(start, end)], "dates": []})
    (_, para, _) = paragraphs(article)
    quotes = [p for p in _walk(para) if p.span is not None and p.span.kind == "quote"]
    assert len(quotes) == 2 and quotes[0].first and not quotes[1].first
    assert _flatten(quotes[0].children) + _flatten(quotes[1].children) == BODY[start:end]


def test_web_text_date_resolution_words() -> None:
    d = {"date": {"value": "2024-10-20", "precision": "day"}, "relation": "at",
         "reference": "published"}  # fmt: skip
    assert date_resolution(d, "2024-10-20") == (
        "2024-10-20 (day, at; relative to the publication date 2024-10-20)"
    )
    assert date_resolution({"date": {"value": None, "precision": "unresolved"}}, None) == (
        "unresolved (absolute)"
    )
