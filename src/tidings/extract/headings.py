"""Put back the article's subheadings that trafilatura dropped between lines it kept.

trafilatura sometimes keeps a section's paragraphs and drops the heading between them: its
precise pass deletes a heading that is one link (the ``<h3><a href="#id">`` anchors that
many site builders wrap around every subheading), and on some pages the fallback text it
compares with (readability or jusText) carries no headings at all. On the WCXB dev pages
the reference keeps those headings, and they are words of the article.

A heading is put back only where the page itself places it between two lines the text
already holds one after the other: the nearest block elements before and after it (with at
most :data:`MAX_GAP` headings in a row between them) are consecutive lines of the text. So
a heading is never added outside the part of the page already taken for the article, nor
where trafilatura dropped other blocks with it. A block and a line are compared by their
words alone, so a list item ("- " in the text) or a table row ("| a | b |") next to the
heading is found too. A heading that is mostly a link to another page of the same site is
a teaser's title (a rail of related stories kept between teasers), and one inside a
comment thread is the readers'; neither comes back. A heading that links to another site
names what a listicle's section is about (the shop, the company, the product) and comes
back: a site's own rails link to its own pages.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urljoin

from lxml import html as lxml_html

from tidings.extract.container import BLOCKS, in_comments
from tidings.extract.sites import site_of

SUBHEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
# A subheading longer than this is a teaser or a pull quote set as a heading.
MAX_HEADING_WORDS = 20
# At most this many headings in a row (a section heading and its first subsection).
MAX_GAP = 3
WORD = re.compile(r"\w+")


def _flat(text: str) -> str:
    return " ".join(text.split())


def line_key(text: str) -> str:
    """A line or a block's text as its lower-cased words: the list marker, the table's
    bars and the spacing trafilatura puts around them do not count."""
    return " ".join(WORD.findall(text.lower()))


def same_site(href: str, urls: Sequence[str]) -> bool:
    """Whether a link leads to a page of the page's own site: ``urls`` are the page's
    addresses (its canonical URL first, then the one it was fetched from; a staging host
    in the canonical tag is common). A relative link does; without any address, every
    link is taken to."""
    if not urls:
        return True
    target = site_of(urljoin(urls[0], href))
    return not target or any(target == site_of(url) for url in urls)


def _links_away(heading: lxml_html.HtmlElement, words: int, urls: Sequence[str]) -> bool:
    """Whether most of the heading's words link to another page of the same site (not to
    an anchor on this page, nor to another site)."""
    away = sum(
        len((a.text_content() or "").split())
        for a in heading.iter("a")
        if not (a.get("href") or "").startswith("#") and same_site(a.get("href") or "", urls)
    )
    return 2 * away > words


def _restorable(heading: lxml_html.HtmlElement, text: str, urls: Sequence[str]) -> bool:
    words = len(text.split())
    return words <= MAX_HEADING_WORDS and not _links_away(heading, words, urls)


def edge_block(element: lxml_html.HtmlElement, forward: bool) -> lxml_html.HtmlElement | None:
    """The first (``forward``) or last innermost block element with text in ``element``'s
    subtree, the element itself included; found depth first from that side, so a large
    subtree is not walked whole."""
    children = [c for c in element if isinstance(c.tag, str)]
    for child in children if forward else reversed(children):
        found = edge_block(child, forward)
        if found is not None:
            return found
    if element.tag in BLOCKS and (element.text_content() or "").strip():
        return element
    return None


def next_block(element: lxml_html.HtmlElement, forward: bool) -> lxml_html.HtmlElement | None:
    """The nearest innermost block element with text after (``forward``) or before
    ``element`` in page order, outside it."""
    node: lxml_html.HtmlElement | None = element
    while node is not None and node.tag not in ("body", "html"):
        sibling = node.getnext() if forward else node.getprevious()
        while sibling is not None:
            if isinstance(sibling.tag, str):
                found = edge_block(sibling, forward)
                if found is not None:
                    return found
            sibling = sibling.getnext() if forward else sibling.getprevious()
        node = node.getparent()
    return None


def restore_headings(
    lines: list[str], tree: lxml_html.HtmlElement, urls: Sequence[str] = ()
) -> list[str]:
    """``lines`` with the subheadings the page holds between two consecutive lines of
    them put back in place (``urls``, the page's addresses, tell its own site's links
    from others').

    The page's subheadings missing from ``lines`` are the candidates (most pages have
    few); only the blocks next to them are looked at."""
    if not lines:
        return lines
    at: dict[str, int] = {}
    for i, line in enumerate(lines):
        at.setdefault(line_key(line), i)
    missing: dict[lxml_html.HtmlElement, str] = {}
    for heading in tree.iter(*SUBHEADINGS):
        if next(heading.iterdescendants(*BLOCKS), None) is not None:
            continue  # its inner blocks are the lines
        text = _flat(heading.text_content() or "")
        if text and line_key(text) not in at and _restorable(heading, text, urls):
            missing[heading] = text
    added: dict[int, list[str]] = {}
    seen: set[lxml_html.HtmlElement] = set()
    for heading in missing:
        if heading in seen:
            continue
        run = [heading]
        before = next_block(heading, forward=False)
        while before in missing and len(run) <= MAX_GAP:
            run.insert(0, before)
            before = next_block(before, forward=False)
        after = next_block(heading, forward=True)
        while after in missing and len(run) <= MAX_GAP:
            run.append(after)
            after = next_block(after, forward=True)
        seen.update(run)
        if len(run) > MAX_GAP or before is None or after is None:
            continue
        above = at.get(line_key(before.text_content() or ""))
        below = at.get(line_key(after.text_content() or ""))
        # a comment thread's headings are the readers' (asked last: the walk up is dear)
        if above is not None and below == above + 1 and not any(map(in_comments, run)):
            added[below] = [missing[block] for block in run]
    return insert_before(lines, added)


def insert_before(lines: list[str], added: dict[int, list[str]]) -> list[str]:
    """``lines`` with ``added[i]`` put in front of line i."""
    if not added:
        return lines
    out: list[str] = []
    for i, line in enumerate(lines):
        out.extend(added.get(i, ()))
        out.append(line)
    return out
