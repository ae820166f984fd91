"""Quote marks: which characters open and close quotations, paired within paragraphs.

Pairing never needs the parse, so it runs first and only the stretches it finds are
looked at further. A quotation never runs past its paragraph: an opening mark left open
at a paragraph's end either continues into the next paragraph (news style: the next
paragraph opens with a quote mark again) or ends there, so an unbalanced mark can never
swallow the rest of the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Characters that can stand before an opening mark / after a closing mark.
_BEFORE_OPEN = set(" \t\n([{—–-/:;,\u00a0")
_AFTER_CLOSE = set(" \t\n.,;:!?)]}—–-…\u00a0")

# Two apostrophes close a quotation in ASCII newswire copy ("…serious for them,'' said
# Bolton"): the first stands for the mark, the second is passed over.
DOUBLE_MARKS = re.compile(r"[\"“”„‟«»″]|(?<![\w'])''(?!')|(?<=[\w.,!?])''(?![\w'])")
SINGLE_MARKS = re.compile(r"['‘’‚‛]")
PARAGRAPH = re.compile(r"[^\n]+")
WORD = re.compile(r"\w")

_OPENERS = set("“„‟«‘‚‛")
# A quotation left open may skip one short line of page furniture before it continues.
INTERRUPTION_WORDS = 14
_CLOSERS = set("”»’")


@dataclass(slots=True)
class QuoteSpan:
    """The words between a pair of marks: ``start``/``end`` exclude the marks."""

    start: int
    end: int
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # None when the paragraph ended first
    paragraph: int  # index of the paragraph (line) it sits in
    continues: bool = False  # carries on a quotation left open in the paragraph before
    nested: bool = False  # single-quoted inside a double-quoted quotation
    single: bool = False  # marked with single quotes


def _role(text: str, i: int, lo: int, hi: int) -> str:
    """'open', 'close', 'either' or 'none' for the mark at ``i`` inside text[lo:hi]."""
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    left_free = before in _BEFORE_OPEN or before in _OPENERS or before in "\"'"
    right_free = after in _AFTER_CLOSE or after in _CLOSERS or after in "\"'"
    # A single mark that closes words before a double one closes both: "…the American
    # people.'"Sen. Graham" (a space-less page); not "'" opening a nested quotation.
    if before in "'’" and i - 2 >= lo and text[i - 2] not in _BEFORE_OPEN | set('"“'):
        return "close"
    if left_free and after in "'‘" and i + 2 < hi and text[i + 2] not in _AFTER_CLOSE | set('"”'):
        return "open"  # “'Yes,' she answered,” opens both
    if before in ".,!?" and after.isalnum():
        return "either"  # a page without spaces: 'assault."Political manipulation …'
    ch = text[i]
    if ch in _OPENERS:
        # a typographic opener used as a closer ("word‘ ") is read by its position
        return "close" if right_free and not left_free else "open"
    if ch in _CLOSERS:
        return "open" if left_free and not right_free else "close"
    if left_free and not right_free:
        return "open"
    if right_free and not left_free:
        return "close"
    if left_free and right_free:
        return "either"
    return "none"  # inside a word: 5"3, O'Neil, don't


def _pair(
    text: str, marks: list[int], lo: int, hi: int
) -> tuple[list[tuple[int, int]], int | None]:
    """Pairs (open, close) of marks in order, and an opener left open at the end."""
    pairs: list[tuple[int, int]] = []
    opened: int | None = None
    for i in marks:
        role = _role(text, i, lo, hi)
        if role == "none":
            continue
        if opened is None:
            if role in ("open", "either"):
                opened = i
        elif role in ("close", "either"):
            pairs.append((opened, i))
            opened = None
        else:  # a second opener: the first one was never closed
            opened = i
    return pairs, opened


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def paragraph_bounds(body: str) -> list[tuple[int, int]]:
    """Each non-empty line of the body: quotations are limited to one of these."""
    return [(m.start(), m.end()) for m in PARAGRAPH.finditer(body) if m.group().strip()]


def find_quote_spans(body: str, allow_single: bool) -> list[QuoteSpan]:
    """Every quoted stretch in text order, with nested single-quoted ones after their host.

    ``allow_single``: also take single-quoted stretches outside double quotes (for text
    that quotes with single marks, as British headlines do).
    """
    spans: list[QuoteSpan] = []
    left_open = False  # the previous paragraph ended inside a quotation
    skipped = False  # a short interrupting line was already passed over
    for index, (lo, hi) in enumerate(paragraph_bounds(body)):
        marks = [m.start() for m in DOUBLE_MARKS.finditer(body, lo, hi)]
        if (
            left_open
            and not skipped
            and not marks
            and len(body[lo:hi].split()) <= INTERRUPTION_WORDS
        ):
            skipped = True  # a short line inside a continued quotation ("SEE MORE: …")
            continue
        skipped = False
        pairs, dangling = _pair(body, marks, lo, hi)
        stretch = [(a, b) for a, b in pairs] + ([(dangling, None)] if dangling is not None else [])
        first_mark = min((a for a, _ in stretch), default=None)
        opens_paragraph = first_mark is not None and not body[lo:first_mark].strip()
        found: list[QuoteSpan] = []
        for a, b in sorted(stretch, key=lambda p: p[0]):
            width = 2 if body.startswith("''", a) else 1
            start, end = _trimmed(body, a + width, b if b is not None else hi)
            if not WORD.search(body, start, end):
                continue
            found.append(
                QuoteSpan(
                    start,
                    end,
                    a,
                    b,
                    index,
                    continues=left_open and a == first_mark and opens_paragraph,
                )
            )
        left_open = dangling is not None
        if not pairs and dangling is None and allow_single:
            marks = [m.start() for m in SINGLE_MARKS.finditer(body, lo, hi)]
            singles, _ = _pair(body, marks, lo, hi)
            for a, b in singles:
                start, end = _trimmed(body, a + 1, b)
                if WORD.search(body, start, end):
                    found.append(QuoteSpan(start, end, a, b, index, single=True))
        for host in list(found):
            if host.single:
                continue
            marks = [m.start() for m in SINGLE_MARKS.finditer(body, host.start, host.end)]
            inner, _ = _pair(body, marks, host.start, host.end)
            for a, b in inner:
                start, end = _trimmed(body, a + 1, b)
                if WORD.search(body, start, end):
                    found.append(QuoteSpan(start, end, a, b, index, nested=True, single=True))
        spans.extend(found)
    return spans


__all__ = ["QuoteSpan", "find_quote_spans", "paragraph_bounds"]
