"""A second opinion on where the article sits: the element that holds most running text.

trafilatura finds the main text by its own rules, and on some pages they pick the wrong
part of the tree or cut the article short: a body nested in an ``<aside>`` (broken markup),
lists and subheadings of a guide dropped while its paragraphs are kept. The classic
readability measure gives an independent answer that is cheap to compute: every ``<p>``
with a sentence or more credits its words to its parent (fully) and grandparent (half),
and the element with the highest credit is the article's container. An article split
into chunks (twin wrappers around adverts) or into sections whose paragraphs sit too deep to
credit their common ancestor (a listicle's slides) is gathered whole.

That container is only a check: when trafilatura's lines already cover its text, nothing
more runs. When it holds clearly more prose than trafilatura kept, trafilatura runs again on
the container alone (so its formatting and boilerplate rules still apply), and that text
wins only if it contains what the first pass found and adds a clear share to it.

Three fallbacks for pages where both fall short (WCXB dev pages whose body was cut to a
scrap): a container holding little of the page's running text reaches up to the ancestor
that holds most of it (a ranking whose entries each sit in their own card); when
trafilatura keeps little of the container even on its own, the container's block lines
stand in (outside comment threads); and a first pass that kept a scrap of other text gives
way to a container many times larger. A container inside a comment thread is never a second
opinion.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from lxml import html as lxml_html

WORD = re.compile(r"\w+")
# A <p> shorter than this is a caption, a button or a teaser, not running text.
MIN_P_WORDS = 8
# Elements whose text is one line each when the container's words are counted.
BLOCKS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt", "tr"}
)
# The container is worth a second pass when trafilatura's lines leave out at least this
# share of its words …
CHECK_MISSING = 0.1
# … and it is prose rather than a rail of links.
MAX_LINK_SHARE = 0.3
# The container's own extraction wins when it holds nearly all of the first pass's words
# (same article) and the first pass has at most this share of its words (a clear gain).
SAME_ARTICLE = 0.85
CLEAR_GAIN = 0.85
# A first pass that strayed into other text can still be replaced when most of it is in
# the container and the container's text is much larger (the first pass had < 60% of it).
PART_OF_IT = 0.6
MUCH_MORE = 0.6
# A list of this many items or more, each nothing but a link, is a rail of other pages.
MIN_RAIL_ITEMS = 3
# An article split into chunks: how far up from the best container to look for twin
# wrappers, and how many words of running text a twin needs.
CHUNK_LEVELS = 2
CHUNK_WORDS = 50
# When trafilatura keeps less than this share of the container's words, on the page and on
# the container alone, the container's own block lines are the second opinion.
KEPT_SHARE = 0.3
# A first pass holding less than this share of the container's words, and mostly other
# words than the container's, strayed: the container wins.
STRAYED = 0.2
# With fewer words than this the first pass found nothing worth keeping.
EMPTY_WORDS = 15


@dataclass(slots=True)
class Container:
    parts: list[lxml_html.HtmlElement]
    words: Counter[str]  # lower-cased words of its block text
    link_words: int


def _bag(lines: list[str]) -> Counter[str]:
    # one findall over the joined text: no word spans the newline, and counting a list
    # runs in C
    return Counter(WORD.findall("\n".join(lines).lower()))


def _block_lines(element: lxml_html.HtmlElement) -> list[str]:
    """The text of the innermost block elements under ``element``."""
    lines = []
    for block in element.iter(*BLOCKS):
        if next(block.iterdescendants(*BLOCKS), None) is not None:
            continue
        text = block.text_content()
        if text and not text.isspace():
            lines.append(text)
    return lines


# Words of each <p> of a page, counted once by paragraph_credit and read by the rest.
WordCounts = dict[lxml_html.HtmlElement, int]


def paragraph_credit(tree: lxml_html.HtmlElement) -> tuple[int, list[lxml_html.HtmlElement]]:
    """(words in all ``<p>`` elements, the element credited with most of them, or the
    chunks of the article when it is split (:func:`gather_chunks`); empty when none)."""
    credit: dict[lxml_html.HtmlElement, float] = {}
    counts: WordCounts = {}
    total = 0
    for p in tree.iter("p"):
        n = counts[p] = len(WORD.findall(p.text_content() or ""))
        total += n
        parent = p.getparent()
        if n < MIN_P_WORDS or parent is None:
            continue
        credit[parent] = credit.get(parent, 0.0) + n
        grandparent = parent.getparent()
        if grandparent is not None:
            credit[grandparent] = credit.get(grandparent, 0.0) + n / 2
    best = max(credit, key=credit.__getitem__) if credit else None
    if best is None:
        return total, []
    chunks = gather_chunks(best, counts)
    found = widen_to_sections(best, counts) if chunks == [best] else chunks
    return total, reach_page_prose(found, counts, total)


def _p_words(element: lxml_html.HtmlElement, counts: WordCounts | None = None) -> int:
    if counts is not None:
        return sum(counts.get(p, 0) for p in element.iter("p"))
    return sum(len(WORD.findall(p.text_content() or "")) for p in element.iter("p"))


def gather_chunks(
    best: lxml_html.HtmlElement, counts: WordCounts | None = None
) -> list[lxml_html.HtmlElement]:
    """Every chunk of an article split by ad slots, in page order.

    Some sites cut the body into several identical wrappers (same tag, same class) with an
    advert between them; the best container is then one chunk. When ``best`` or its parent
    has such twins that also hold running text, the twins are the chunks (each is extracted
    on its own: trafilatura takes the first wrapper it recognises and stops)."""
    node = best
    for _ in range(CHUNK_LEVELS):
        parent = node.getparent()
        if parent is None:
            break
        twins = [el for el in parent if el.tag == node.tag and el.get("class") == node.get("class")]
        others = [el for el in twins if el is not node]
        if (
            others
            and node.get("class")
            and any(_p_words(el, counts) >= CHUNK_WORDS for el in others)
        ):
            return twins
        node = parent
    return [best]


# When the best container holds only part of the article's running text, the article may
# be cut into sections (a listicle's slides, a guide's chapters) whose paragraphs sit too
# deep to credit the element that holds them all. The nearest ancestor, up to WIDEN_LEVELS
# up, holding WIDEN_GAIN times the container's <p> words is then the article, if the
# paragraphs it adds are prose: links make up less than WIDEN_LINK_SHARE of their words
# (a rail of teasers beside an article is mostly links).
WIDEN_LEVELS = 4
WIDEN_GAIN = 1.3
WIDEN_LINK_SHARE = 0.1


def widen_to_sections(
    best: lxml_html.HtmlElement, counts: WordCounts
) -> list[lxml_html.HtmlElement]:
    """``best``, or the ancestor holding the sections beside it (and that ancestor's twins,
    :func:`gather_chunks`)."""
    node, words = best, _p_words(best, counts)
    for _ in range(WIDEN_LEVELS):
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html"):
            break
        if _p_words(parent, counts) >= WIDEN_GAIN * words:
            return gather_chunks(parent, counts) if _prose_beside(best, parent, counts) else [best]
        node = parent
    return [best]


def _prose_beside(
    best: lxml_html.HtmlElement,
    wider: lxml_html.HtmlElement,
    counts: WordCounts,
    link_share: float = WIDEN_LINK_SHARE,
) -> bool:
    inside = set(best.iter("p"))
    added = [p for p in wider.iter("p") if p not in inside]
    words = sum(counts.get(p, 0) for p in added)
    linked = sum(len(WORD.findall(a.text_content() or "")) for p in added for a in p.iter("a"))
    return linked < link_share * words


# When the container found so far holds only a small part of the page's running text (less
# than PAGE_SHARE_LOW of its <p> words), the article is usually spread over many small
# wrappers (a guide's accordion, a listicle's cards, a ranking whose entries each sit in
# their own block) and the container is one of them. The nearest ancestor, up to
# PAGE_LEVELS up (never the page's body), that holds PAGE_SHARE_HIGH of the page's <p>
# words is then the article, if the paragraphs it adds are mostly prose (the entries of a
# ranking link their subjects: up to PAGE_LINK_SHARE of their words are links).
PAGE_SHARE_LOW = 0.4
PAGE_SHARE_HIGH = 0.6
PAGE_LEVELS = 8
PAGE_LINK_SHARE = 0.25


def reach_page_prose(
    parts: list[lxml_html.HtmlElement], counts: WordCounts, total: int
) -> list[lxml_html.HtmlElement]:
    """``parts``, or the ancestor of the first part holding most of the page's running
    text when ``parts`` hold little of it (and that ancestor's twins)."""
    if not parts or not total:
        return parts
    held = sum(_p_words(part, counts) for part in parts)
    if held >= PAGE_SHARE_LOW * total:
        return parts
    best = node = parts[0]
    for _ in range(PAGE_LEVELS):
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html"):
            break
        if _p_words(parent, counts) >= PAGE_SHARE_HIGH * total:
            if _prose_beside(best, parent, counts, PAGE_LINK_SHARE):
                return gather_chunks(parent, counts)
            break
        node = parent
    return parts


def describe(parts: list[lxml_html.HtmlElement]) -> Container:
    words = _bag([line for part in parts for line in _block_lines(part)])
    link_words = sum(
        len(WORD.findall(a.text_content() or "")) for part in parts for a in part.iter("a")
    )
    return Container(parts, words, link_words)


def _all_link(element: lxml_html.HtmlElement) -> bool:
    text = WORD.findall(element.text_content() or "")
    linked = [w for a in element.iter("a") for w in WORD.findall(a.text_content() or "")]
    return bool(text) and linked == text


def is_link_rail(element: lxml_html.HtmlElement) -> bool:
    """A list whose every item is a link and nothing else (a rail of other pages), or a
    paragraph that is one link (a "Check out …" pointer to another page)."""
    if element.tag == "p":
        return _all_link(element)
    items = [li for li in element if li.tag == "li"]
    return len(items) >= MIN_RAIL_ITEMS and all(_all_link(li) for li in items)


def isolate(element: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    """A new page whose body holds a copy of ``element`` as its only article, without the
    lists of links inside it (trafilatura's precise pass drops those; the balanced pass
    that runs on the container would keep them)."""
    root = lxml_html.fromstring("<html><body><article></article></body></html>")
    article = root.find(".//article")
    assert article is not None  # the literal above has one
    article.append(copy.deepcopy(element))
    for rail in [el for el in article.iter("ul", "ol", "p") if is_link_rail(el)]:
        if rail.getparent() is not None:
            rail.drop_tree()
    return root


def _share(part: Counter[str], whole: Counter[str]) -> float:
    total = sum(whole.values())
    return sum((part & whole).values()) / total if total else 1.0


# class or id of a comment thread: a container there, or a block line from one, is the
# readers' text, not the article's (trafilatura's own passes drop them)
COMMENTS = re.compile(r"comment|disqus|respond|repl(?:y|ies)", re.IGNORECASE)


def in_comments(element: lxml_html.HtmlElement) -> bool:
    """Whether the element or one of its ancestors is named as a comment thread."""
    node: lxml_html.HtmlElement | None = element
    while node is not None:
        if COMMENTS.search(f"{node.get('class') or ''} {node.get('id') or ''}"):
            return True
        node = node.getparent()
    return False


def _article_block_lines(tree: lxml_html.HtmlElement) -> list[str]:
    """The block lines of an isolated container, outside its comment threads, one space
    between words."""
    lines = []
    for block in tree.iter(*BLOCKS):
        if next(block.iterdescendants(*BLOCKS), None) is not None or in_comments(block):
            continue
        text = " ".join((block.text_content() or "").split())
        if text:
            lines.append(text)
    return lines


def second_opinion(
    lines: list[str],
    parts: list[lxml_html.HtmlElement],
    extract: Callable[[lxml_html.HtmlElement], list[str]],
) -> list[str]:
    """``lines``, or the container's own extraction when it is the same article told more
    fully (or when ``lines`` is empty). ``extract`` runs trafilatura on a tree."""
    if not parts or in_comments(parts[0]):
        return lines
    box = describe(parts)
    box_words = sum(box.words.values())
    if not box_words or box.link_words > MAX_LINK_SHARE * box_words:
        return lines
    found = _bag(lines)
    empty = sum(found.values()) < EMPTY_WORDS
    if not empty and _share(found, box.words) >= 1 - CHECK_MISSING:
        return lines
    isolated = [isolate(part) for part in parts]
    wider = [line for tree in isolated for line in extract(tree)]
    wider_words = _bag(wider)
    if sum(wider_words.values()) < KEPT_SHARE * box_words and sum(found.values()) < (
        KEPT_SHARE * box_words
    ):
        # trafilatura dropped most of the container too (entries in cards, a ranking's
        # blocks it takes for boilerplate): its block lines, without the link rails, are
        # the article told more fully than either pass
        wider = [line for tree in isolated for line in _article_block_lines(tree)]
        wider_words = _bag(wider)
    if empty:
        return wider if sum(wider_words.values()) >= EMPTY_WORDS else lines
    same, had = _share(wider_words, found), _share(found, wider_words)
    if same >= SAME_ARTICLE and had < CLEAR_GAIN or same >= PART_OF_IT and had < MUCH_MORE:
        return wider
    if had < STRAYED and sum(found.values()) < STRAYED * sum(wider_words.values()):
        # the first pass kept a scrap of other text (a teaser, a form) and the container
        # holds many times more prose
        return wider
    return lines
