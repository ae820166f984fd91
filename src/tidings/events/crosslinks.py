"""Lines that point at other articles: a related story's headline the extractor kept in the
body ("( Also on POLITICO: Obama vows to remove ISIL 'cancer')", "Democratic party sues
Russia, WikiLeaks and Trump campaign over election disruption Read more"). Their verbs
state another article's news, undated and out of context, so the coder reads no event
there. About a thousand such lines in the 10k corpus (``^(Also on X:``, ``RELATED:``,
``… Read more``)."""

from __future__ import annotations

import re

from spacy.tokens import Span

LINK_LINE = re.compile(
    r"""^\s*\(\s*Also\s+on\s+[A-Z][\w.]*\s*:       # ( Also on POLITICO: …)
      | ^\s*(?:RELATED|Related|READ\s+MORE|Read\s+more|ALSO\s+READ|Also\s+read|SEE\s+ALSO
            |See\s+also|MORE|WATCH|Watch)\s*:        # RELATED: …, Read more: …
      | \S\s+Read\s+more\s*$                        # a headline, then "Read more"
    """,
    re.VERBOSE,
)


def line_of(sent: Span) -> str:
    """The line of the text the sentence begins on."""
    text = sent.doc.text
    start = text.rfind("\n", 0, sent.start_char) + 1
    end = text.find("\n", sent.start_char)
    return text[start : end if end >= 0 else len(text)]


def cross_link(sent: Span) -> bool:
    """Whether the sentence lies on a line that links to another article."""
    return bool(LINK_LINE.search(line_of(sent).strip()))
