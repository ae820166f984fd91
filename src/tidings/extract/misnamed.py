"""Keep article prose that trafilatura would drop for a word in its wrapper's class.

trafilatura discards every block whose class contains "embed" (meant for embedded tweets
and videos) or "-icon" (meant for icon rows). Those words name how a block is built, not
what it holds: page builders wrap custom HTML in ``w-embed`` (Webflow), an accordion's
styling class reads ``…-icon-style-arrow``, and a block left unclosed in such a wrapper
swallows the rest of the article. On the WCXB dev pages four fifths of the running text
inside blocks named "embed", and two thirds inside those named "-icon", is article text, and
most of it was lost (the rest of a tip guide after its first table, a buyer's guide's
accordions, a mover directory's entries).

A block so named that holds running prose (several paragraphs or list items of a
sentence or more, few of its words links) loses just those words from its class, so that
trafilatura judges it by its other names and its text like any other block. An embedded
post (one quoted paragraph and a link) or an icon row holds no such prose and still goes.
(A table alone in such a block is left to trafilatura: on the WCXB dev pages the annotators
counted such tables as article on two sites and left them out on two others.)
"""

from __future__ import annotations

import re

from lxml import html as lxml_html

from tidings.extract.container import MIN_P_WORDS, WORD

# trafilatura's OVERALL_DISCARD_XPATH names of a block's form ("embedded|embed", "-icon")
FORM_WORD = re.compile(r"embed|-icon")
# a block holds running prose with at least this many lines of MIN_P_WORDS words or more
# (paragraphs or list items) and this many words in them …
PROSE_LINES = 2
PROSE_TOTAL = 60
# … of which links make up less than this share (a rail of teasers is mostly links)
MAX_LINK_SHARE = 0.3
BLOCK_TAGS = ("div", "section", "span", "p")


def words(element: lxml_html.HtmlElement) -> int:
    """How many words the element's text holds."""
    return len(WORD.findall(element.text_content() or ""))


def prose_lines(element: lxml_html.HtmlElement) -> list[int]:
    """The word counts of the element's paragraphs and list items of running text
    (:data:`~tidings.extract.container.MIN_P_WORDS` words or more)."""
    return [n for n in map(words, element.iter("p", "li")) if n >= MIN_P_WORDS]


def few_links(element: lxml_html.HtmlElement) -> bool:
    """Links make up less than :data:`MAX_LINK_SHARE` of the element's words."""
    return sum(words(a) for a in element.iter("a")) < MAX_LINK_SHARE * words(element)


def holds_prose(element: lxml_html.HtmlElement) -> bool:
    """Whether ``element`` holds running prose: :data:`PROSE_LINES` lines of running text,
    :data:`PROSE_TOTAL` words in them, and few links."""
    lines = prose_lines(element)
    if len(lines) < PROSE_LINES or sum(lines) < PROSE_TOTAL:
        return False
    return few_links(element)


def unname_prose_blocks(tree: lxml_html.HtmlElement) -> int:
    """Drop the form words from the class of each block that holds running prose, in
    place; returns how many blocks were renamed."""
    renamed = 0
    for element in tree.iter(*BLOCK_TAGS):
        class_ = element.get("class")
        if not class_ or not FORM_WORD.search(class_) or not holds_prose(element):
            continue
        element.set("class", " ".join(t for t in class_.split() if not FORM_WORD.search(t)))
        renamed += 1
    return renamed


__all__ = ["few_links", "holds_prose", "prose_lines", "unname_prose_blocks", "words"]
