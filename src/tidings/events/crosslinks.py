"""Lines that point at other articles: a related story's headline the extractor kept in the
body ("( Also on POLITICO: Obama vows to remove ISIL 'cancer')", "Democratic party sues
Russia, WikiLeaks and Trump campaign over election disruption Read more"). Their verbs
state another article's news, undated and out of context, so the coder reads no event
there. About a thousand such lines in the 10k corpus (``^(Also on X:``, ``RELATED:``,
``… Read more``)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span

LINK_LINE = re.compile(
    r"""^\s*\(\s*Also\s+on\s+[A-Z][\w.]*\s*:       # ( Also on POLITICO: …)
      | ^\s*(?:RELATED|Related|READ\s+MORE|Read\s+more|ALSO\s+READ|Also\s+read|SEE\s+ALSO
            |See\s+also|MORE|WATCH|Watch)\s*:        # RELATED: …, Read more: …
      | \S\s+Read\s+more\s*$                        # a headline, then "Read more"
    """,
    re.VERBOSE,
)


def link_lines(text: str) -> list[tuple[int, int]]:
    """The character ranges of the text's lines that link to another article. Computed once
    per article: a spaCy ``Doc`` builds its ``text`` anew at every call."""
    ranges = []
    start = 0
    for line in text.split("\n"):
        if LINK_LINE.search(line.strip()):
            ranges.append((start, start + len(line)))
        start += len(line) + 1
    return ranges


def cross_link(sent: Span, lines: Sequence[tuple[int, int]] | None = None) -> bool:
    """Whether the sentence begins on a line that links to another article (``lines``:
    ``link_lines`` of its text, when the caller asks about many sentences)."""
    if lines is None:
        lines = link_lines(sent.doc.text)
    return any(start <= sent.start_char <= end for start, end in lines)
