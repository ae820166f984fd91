"""Sentence starts at paragraph breaks, set before the parser so it never joins two
paragraphs (a headline line and the dateline below it) into one sentence.

spaCy's parser keeps sentence starts that an earlier component set; without them it may
run a sentence across a blank line, and an event coded there would mix two paragraphs.
"""

from __future__ import annotations

from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

NAME = "tidings_paragraph_breaks"


@Language.component(NAME)
def paragraph_breaks(doc: Doc) -> Doc:
    """Mark the first token after any whitespace run holding a line break."""
    # Read as one array: only the space tokens (a few per paragraph) become Token objects.
    spaces = doc.to_array(IS_SPACE).tolist()
    for i in range(len(doc) - 1):
        if spaces[i] and not spaces[i + 1] and "\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
    return doc


__all__ = ["NAME", "paragraph_breaks"]
