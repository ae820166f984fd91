"""Quoted words that are not quotations: titles of works, names, nicknames and labels.

Applied to quoted stretches inside a reporter's sentence only; a quotation that stands as
its own sentence ("“Never,” he said.") is speech whatever its shape.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

# Words that introduce a label rather than speech: "the so-called “X”", "dubbed “X”".
LABEL_BEFORE = re.compile(
    r"(?:so[- ]called|dubbed|nicknamed|named|titled|entitled|known\s+as|"
    r"labell?ed|branded|termed|the\s+(?:term|word|words|phrase|slogan|hashtag|label)|"
    r"hashtag|slogan|motto|headline[sd]?)\s*[,:]?\s*$",
    re.IGNORECASE,
)
# Short words left lower-case in titles ("Meet the Press", "Face the Nation").
SMALL_WORDS = frozenset(
    "a an and as at but by for from in into nor of on or per the to vs via with".split()
)
WORDS = re.compile(r"[^\W\d_][\w’'\-]*")
TITLE_MAX_WORDS = 7


def looks_like_title(text: str) -> bool:
    """Every word capitalised (short function words aside), as in titles and names."""
    words = WORDS.findall(text)
    if not words or len(words) > TITLE_MAX_WORDS:
        return False
    content = [w for w in words if w.lower() not in SMALL_WORDS]
    return bool(content) and all(w[0].isupper() for w in content)


def modifies_following_noun(quote: Span) -> bool:
    """A several-word quote used as a name for the noun after it ("the “X Y” formula")."""
    if len([t for t in quote if t.is_alpha]) < 2 or quote.end >= len(quote.doc):
        return False
    after = quote.doc[quote.end]
    if after.is_punct and after.i + 1 < len(quote.doc):
        after = quote.doc[after.i + 1]  # the closing mark
    if after.pos_ not in ("NOUN", "PROPN") or after.idx < quote.end_char:
        return False
    return any(t.head.i >= after.i and t.head.i - after.i < 4 for t in quote)


def is_label(body: str, open_mark: int, quote: Span, embedded: bool) -> bool:
    """True when the quoted stretch names or labels something instead of reporting speech."""
    if LABEL_BEFORE.search(body[max(0, open_mark - 40) : open_mark]):
        return True
    if not embedded:
        return False
    if looks_like_title(quote.text):
        return True
    return modifies_following_noun(quote)


__all__ = ["is_label", "looks_like_title", "modifies_following_noun"]
