"""Pairing quote marks without the parse: kinds of marks, nesting, paragraphs, bad input."""

from __future__ import annotations

from tidings.quotes.marks import find_quote_spans


def texts(body: str, allow_single: bool = False) -> list[str]:
    return [body[s.start : s.end] for s in find_quote_spans(body, allow_single)]


def test_straight_and_curly_double_quotes_pair() -> None:
    body = 'He said "we will stay" and later “we will not go,” twice.'
    assert texts(body) == ["we will stay", "we will not go,"]


def test_mixed_marks_pair_by_position() -> None:
    body = '“We call on both sides to talk," the spokesman said.'
    assert texts(body) == ["We call on both sides to talk,"]


def test_nested_single_quotes_inside_double_quotes() -> None:
    body = "She said, \"They called it 'a fair price' yesterday.\""
    spans = find_quote_spans(body, allow_single=False)
    assert [body[s.start : s.end] for s in spans] == [
        "They called it 'a fair price' yesterday.",
        "a fair price",
    ]
    assert spans[1].nested and not spans[0].nested


def test_apostrophes_are_not_quote_marks() -> None:
    body = "“The ministers’ plan won’t work,” she said of the ’90s deal."
    assert texts(body) == ["The ministers’ plan won’t work,"]


def test_an_unclosed_quote_stops_at_its_paragraph() -> None:
    body = "He said: “this never ends.\n\nThe next paragraph is the reporter's own."
    spans = find_quote_spans(body, allow_single=False)
    assert [body[s.start : s.end] for s in spans] == ["this never ends."]
    assert spans[0].close_mark is None


def test_a_second_opener_drops_the_first_unclosed_one() -> None:
    body = "He told “Meet the Press. “I would feel better,” he said."
    assert texts(body) == ["I would feel better,"]


def test_continuation_paragraph_is_marked() -> None:
    body = "She said: “First part.\n\n“Second part.”\n\nAfter."
    spans = find_quote_spans(body, allow_single=False)
    assert [body[s.start : s.end] for s in spans] == ["First part.", "Second part."]
    assert spans[1].continues and not spans[0].continues


def test_single_quotes_only_when_asked() -> None:
    body = "Minister hails 'a new dawn for the region' in speech"
    assert texts(body) == []
    assert texts(body, allow_single=True) == ["a new dawn for the region"]


def test_no_marks_and_odd_marks() -> None:
    assert texts("") == []
    assert texts('"') == []
    assert texts('" " "') == []
    assert texts("5\"3 tall and 6'2") == []


def test_two_apostrophes_close_a_quotation() -> None:
    # allsides-XPSqocKCYCyIAio0 (gold/dev2) and allsides-zyDgL0tnBYVr042o: ASCII newswire copy
    body = (
        "\"This could be a hinge point for the Obama administration. It's that serious for "
        "them,'' said Bolton. Many believe \"the cover-up began\" early. He said ''we will "
        "win'' today, on a 5'' screen."
    )
    assert texts(body) == [
        "This could be a hinge point for the Obama administration. It's that serious for them,",
        "the cover-up began",
        "we will win",
    ]


def test_marks_on_a_page_without_spaces() -> None:
    # allsides-XPSqocKCYCyIAio0 (gold/dev2): paragraphs run together with no space
    body = (
        'Issa said he intends to make the president "come clean.""The administration has '
        'made a claim," Issa told Fox News. "We intend on making the president come clean '
        "as to, quote, 'What the classified reasons are.'\"Sen. Lindsey Graham added to the "
        'onslaught."Political manipulation is rampant here," said Graham.'
    )
    assert texts(body) == [
        "come clean.",
        "The administration has made a claim,",
        "We intend on making the president come clean as to, quote, "
        "'What the classified reasons are.'",
        "Political manipulation is rampant here,",
        "What the classified reasons are.",  # nested quotations come after their paragraph's
    ]


def test_a_closing_mark_before_a_possessive_still_closes() -> None:
    body = 'The "Big One"\'s impact was felt, he said.'
    assert texts(body) == ["Big One"]
