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
where trafilatura dropped other blocks with it. A heading that is mostly a link to another
page is a teaser's title (a rail of related stories kept between teasers), and one inside
a comment thread is the readers'; neither comes back.
"""

from __future__ import annotations

from lxml import html as lxml_html

from tidings.extract.container import BLOCKS, in_comments

SUBHEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
# A subheading longer than this is a teaser or a pull quote set as a heading.
MAX_HEADING_WORDS = 20
# At most this many headings in a row (a section heading and its first subsection).
MAX_GAP = 3


def _flat(text: str) -> str:
    return " ".join(text.split())


def _links_away(heading: lxml_html.HtmlElement, words: int) -> bool:
    """Whether most of the heading's words link to another page (not to an anchor on this
    one)."""
    away = sum(
        len((a.text_content() or "").split())
        for a in heading.iter("a")
        if not (a.get("href") or "").startswith("#")
    )
    return 2 * away > words


def _restorable(heading: lxml_html.HtmlElement, text: str) -> bool:
    words = len(text.split())
    return (
        heading.tag in SUBHEADINGS
        and words <= MAX_HEADING_WORDS
        and not _links_away(heading, words)
        and not in_comments(heading)
    )


def _page_blocks(tree: lxml_html.HtmlElement) -> list[tuple[lxml_html.HtmlElement, str]]:
    """The innermost block elements of the page's body with text, in page order."""
    body = tree.find("body")
    root = body if body is not None else tree
    blocks = []
    for block in root.iter(*BLOCKS):
        if next(block.iterdescendants(*BLOCKS), None) is not None:
            continue
        text = _flat(block.text_content() or "")
        if text:
            blocks.append((block, text))
    return blocks


def restore_headings(lines: list[str], tree: lxml_html.HtmlElement) -> list[str]:
    """``lines`` with the subheadings the page holds between two consecutive lines of
    them put back in place."""
    if not lines:
        return lines
    at: dict[str, int] = {}
    for i, line in enumerate(lines):
        at.setdefault(_flat(line), i)
    blocks = _page_blocks(tree)
    added: dict[int, list[str]] = {}
    previous: tuple[int, int] | None = None  # (block index, line index) last matched
    for k, (_, text) in enumerate(blocks):
        line_at = at.get(text)
        if line_at is None:
            continue
        if (
            previous is not None
            and line_at == previous[1] + 1
            and 0 < k - previous[0] - 1 <= MAX_GAP
        ):
            gap = blocks[previous[0] + 1 : k]
            if all(_restorable(block, heading) for block, heading in gap):
                added[line_at] = [heading for _, heading in gap]
        previous = (k, line_at)
    if not added:
        return lines
    out: list[str] = []
    for i, line in enumerate(lines):
        out.extend(added.get(i, ()))
        out.append(line)
    return out
