"""Sentence starts at paragraph breaks, set before the parser so it never joins two
paragraphs (a headline line and the dateline below it) into one sentence.

spaCy's parser keeps sentence starts that an earlier component set; without them it may
run a sentence across a blank line, and an event coded there would mix two paragraphs.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

NAME = "tidings_paragraph_breaks"


@Language.component(NAME)
def paragraph_breaks(doc: Doc) -> Doc:
    """Mark the first token after any whitespace run holding a line break."""
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:
            following = doc[tok.i + 1]
            if not following.is_space:
                following.is_sent_start = True
    return doc


__all__ = ["NAME", "paragraph_breaks"]
