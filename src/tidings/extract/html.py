"""HTML page → Article: the main text, its paragraphs, and the page's metadata.

1. Metadata from the page's own JSON-LD and meta tags (:mod:`tidings.extract.metadata`),
   with trafilatura/htmldate only for what those lack; hints fill what is still missing.
2. Named furniture blocks (newsletter boxes, share bars, related rails) are pruned from the
   tree (:mod:`tidings.extract.prune`). Article text trafilatura would delete unread is
   handed back to it: prose in a block whose class names its form ("embed", "-icon",
   :mod:`tidings.extract.misnamed`) and an accordion's closed panels
   (:mod:`tidings.extract.disclosure`).
3. trafilatura extracts the main text favouring precision. When that text holds less than
   two thirds of the words the page's ``<p>`` elements hold, the precise pass probably cut
   the article short, so a balanced pass runs too and wins if it finds clearly more
   (:data:`PRECISE_SHARE`). Most pages need one pass only. The element credited with most
   ``<p>`` text (or the chunks of a split article) is a second opinion: when it holds
   clearly more of the same article, trafilatura runs on it alone and that text wins
   (:mod:`tidings.extract.container`). A verbatim second copy of the article (responsive
   layouts) is dropped, and subheadings and whole lists trafilatura dropped between two
   lines it kept are put back (:mod:`tidings.extract.headings`,
   :mod:`tidings.extract.dropped_lists`).
4. When the page carries a long JSON-LD ``articleBody`` (the publisher's own statement of
   the text), lines it does not contain are dropped.
5. In-container furniture lines (labels, reader prompts, datelines and credits at the
   edges) are dropped (:mod:`tidings.extract.prompts`).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

from lxml import html as lxml_html

from tidings.errors import InputError
from tidings.extract.container import paragraph_credit, second_opinion
from tidings.extract.disclosure import open_folded_panels
from tidings.extract.dropped_lists import restore_lists
from tidings.extract.furniture import drop_sure_furniture
from tidings.extract.headings import restore_headings
from tidings.extract.html_tree import load_tree
from tidings.extract.inert import strip_inert
from tidings.extract.metadata import PageMeta, page_meta
from tidings.extract.misnamed import unname_prose_blocks
from tidings.extract.prompts import drop_prompts
from tidings.extract.prune import prune_furniture
from tidings.extract.readability_guard import guard_comparison
from tidings.extract.trafilatura_selectors import install_twins
from tidings.model import Article, Document

# trafilatura's readability comparison is skipped where it cannot change the text
guard_comparison()
# trafilatura's regex-heavy XPath selectors run as Python walks (same elements, faster)
install_twins()

WORD = re.compile(r"\w+")
# The balanced pass runs when the precise one found less than this share of <p> words …
RECHECK_SHARE = 0.65
# … and replaces it when the precise pass found less than this share of its words.
PRECISE_SHARE = 0.75
# A later run of this many lines or more, holding this share of the words, repeating an
# earlier run verbatim is a second copy of the article (responsive layouts).
COPY_LINES = 4
COPY_MIN_WORDS = 80
COPY_SHARE = 0.2
# Fewer words than this is a menu, a login wall or an error page, not an article.
MIN_ARTICLE_WORDS = 15
# A first line that agrees this well with the title is the headline repeated.
TITLE_AGREEMENT = 0.8


def parse_html(content: str, source: str) -> lxml_html.HtmlElement:
    """A parsed tree, or InputError when the text is not HTML lxml can read."""
    tree = load_tree(content)
    if tree is None:
        raise InputError("not parseable as HTML", source=source)
    return tree


def parse_published(value: Any) -> dt.date | None:
    """A day from an ISO-like or free-form date string; None when unreadable or absurd."""
    from tidings.extract import parse_date

    day = parse_date(value)
    if day is None and isinstance(value, str) and value.strip():
        import warnings

        from dateutil import parser as date_parser

        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # unknown time-zone names are irrelevant here
                day = date_parser.parse(value.strip()[:64], fuzzy=True).date()
        except (ValueError, OverflowError):
            return None
    if day is None or not 1990 <= day.year <= dt.date.today().year + 1:
        return None
    return day


def _lines(text: str | None) -> list[str]:
    return [ln.strip() for ln in (text or "").splitlines() if ln.strip()]


@lru_cache(maxsize=8192)
def _line_words(line: str) -> int:
    return len(WORD.findall(line))


def _words(lines: list[str]) -> int:
    # the same lines are counted several times per page (passes, copies, arbitration)
    return sum(map(_line_words, lines))


def _trafilatura(tree: lxml_html.HtmlElement, url: str | None, precision: bool) -> list[str]:
    from trafilatura import bare_extraction

    result = bare_extraction(
        tree, url=url, favor_precision=precision, include_comments=False,
        include_tables=True, with_metadata=False, deduplicate=False,
    )  # fmt: skip
    return _lines(getattr(result, "text", None))


def paragraph_words(tree: lxml_html.HtmlElement) -> int:
    """Words in the page's ``<p>`` elements: a rough size of its running text."""
    return sum(len(WORD.findall(p.text_content() or "")) for p in tree.iter("p"))


def drop_repeated_copy(lines: list[str]) -> list[str]:
    """Without later verbatim copies of a long stretch of the text.

    Responsive page builders print the whole article once per screen size and hide all but
    one with CSS; an extractor sees every copy. A run of at least :data:`COPY_LINES` lines
    that repeats an earlier run in the same order, and holds at least :data:`COPY_SHARE` of
    the text's words, is such a copy. Lines that merely recur (a refrain, "Rest day" in a
    training plan, the same step in each recipe) are short runs and stay."""
    total = _words(lines)
    first: dict[str, int] = {}
    kept: list[str] = []
    j = 0
    while j < len(lines):
        i = first.get(lines[j])
        if i is not None:
            run = 0
            while j + run < len(lines) and i + run < j and lines[i + run] == lines[j + run]:
                run += 1
            copied = _words(lines[j : j + run])
            if run >= COPY_LINES and copied >= max(COPY_MIN_WORDS, COPY_SHARE * total):
                j += run
                continue
        first.setdefault(lines[j], j)
        kept.append(lines[j])
        j += 1
    return kept


def main_text(
    tree: lxml_html.HtmlElement, url: str | None, fetched_url: str | None = None
) -> list[str]:
    """The article's lines (one per paragraph, heading, list item or table row);
    ``fetched_url``, the address the page came from when it differs from ``url``, is one
    more address of the page's own site.

    trafilatura works on its own copy of the tree, so one parse serves every pass."""
    lines = _trafilatura(tree, url, precision=True)
    found = _words(lines)
    p_words, container = paragraph_credit(tree)
    if not found or found < RECHECK_SHARE * p_words:
        wider = _trafilatura(tree, url, precision=False)
        if found < PRECISE_SHARE * _words(wider):
            lines = wider
    lines = second_opinion(lines, container, lambda t: _trafilatura(t, url, precision=False))
    urls = [u for u in (url, fetched_url) if u]
    return restore_lists(restore_headings(drop_repeated_copy(lines), tree, urls), tree, urls)


def _within(line: str, body_words: set[str]) -> bool:
    words = WORD.findall(line.lower())
    return bool(words) and sum(w in body_words for w in words) / len(words) >= 0.9


def arbitrate_with_body(lines: list[str], article_body: str | None) -> list[str]:
    """Drop lines the publisher's JSON-LD articleBody does not contain, when that body is
    long enough to be the whole article and covers most of the extraction."""
    if not article_body:
        return lines
    body_words = set(WORD.findall(article_body.lower()))
    total = _words(lines)
    if len(body_words) < 50 or not total:
        return lines
    kept = [ln for ln in lines if _within(ln, body_words)]
    return kept if _words(kept) >= 0.6 * total else lines


def _agrees(title: str, line: str) -> bool:
    from collections import Counter

    a, b = Counter(WORD.findall(title.lower())), Counter(WORD.findall(line.lower()))
    common = sum((a & b).values())
    if not common:
        return False
    p, r = common / sum(b.values()), common / sum(a.values())
    return 2 * p * r / (p + r) >= TITLE_AGREEMENT


def _fill(*values: Any) -> Any:
    return next((v for v in values if v), None)


def trafilatura_meta(tree: lxml_html.HtmlElement, url: str | None) -> Any:
    """trafilatura's title, author and site name, read before the tree is consumed.

    Its ``extract_metadata`` also runs htmldate and reads categories, tags and licences;
    the date comes from :func:`html_date` anyway and the rest is unused, so only the parts
    tidings needs run (a third of the cost)."""
    from trafilatura import metadata as tm

    try:
        found = tm.extract_meta_json(tree, tm.examine_meta(tree))
        if found.author and " " not in found.author:
            found.author = None  # a single token is a handle, not a name (as trafilatura)
        found.title = found.title or tm.extract_title(tree)
        found.author = found.author or tm.extract_author(tree)
        found.sitename = found.sitename or tm.extract_sitename(tree)
        if found.sitename:
            found.sitename = found.sitename.lstrip("@")
        return found
    except Exception:  # noqa: BLE001 - metadata is a best effort on broken pages
        return None


def html_date(tree: lxml_html.HtmlElement, url: str | None, extensive: bool = True) -> str | None:
    """htmldate's choice of the page's original date; ``extensive`` adds its search of the
    free text (with dateparser), which costs most of the call."""
    from htmldate import find_date

    try:
        return find_date(tree, url=url, extensive_search=extensive, original_date=True)
    except Exception:  # noqa: BLE001 - a best effort on broken pages
        return None


def clean_lines(
    lines: list[str], url: str | None, byline: str | None = None
) -> tuple[list[str], list[str]]:
    """(article lines, furniture lines) of the extractor's text: the furniture model drops
    the lines it is sure are page furniture, then the prompt rules the labels and boxes
    (and the bio of the byline's authors at the end)."""
    kept, dropped = drop_sure_furniture(lines, url)
    paragraphs, prompts = drop_prompts(kept, byline)
    return paragraphs, [*dropped, *prompts]


def extract_html_article(doc: Document) -> Article:
    """The clean article of an HTML document; hints only fill what the page lacks."""
    tree = parse_html(doc.content, doc.source)
    meta: PageMeta = page_meta(tree)
    hints = doc.hints
    url = _fill(meta.url, hints.get("url"))
    # htmldate weighs every date on the page (it prefers the original over an update, and
    # it is right more often than a lone meta tag when the two disagree); its free-text
    # search only pays when the page declares no date at all, or when the date the page
    # shows is one htmldate's markup search cannot place (often the last update: the
    # free text then holds the original). Half the date cost saved, no date lost on WCXB.
    # It reads scripts, so it runs before they go.
    declared = parse_published(meta.published) is not None
    page_date = html_date(tree, url, extensive=not declared)
    if declared and page_date is None:
        page_date = html_date(tree, url, extensive=True)
    strip_inert(tree)  # every later step copies or walks the tree: make it smaller
    fallback = None
    # trafilatura's title/author search is costly: ask only when the page's own metadata
    # lacks the title or the author
    if not (meta.title and meta.author):
        fallback = trafilatura_meta(tree, url)
    prune_furniture(tree)
    unname_prose_blocks(tree)  # prose in a block named "embed" or "-icon" is not a widget
    open_folded_panels(tree)  # an accordion's closed panels are the article, folded
    lines = arbitrate_with_body(main_text(tree, url, hints.get("url")), meta.article_body)
    title = _fill(meta.title, getattr(fallback, "title", None), hints.get("title"))
    if lines and title and len(WORD.findall(lines[0])) <= 40 and _agrees(title, lines[0]):
        lines = lines[1:]  # the headline repeated as the first line
    byline = _fill(meta.author, getattr(fallback, "author", None), hints.get("author"))
    paragraphs, furniture = clean_lines(lines, url, byline)
    if _words(paragraphs) < MIN_ARTICLE_WORDS:
        raise InputError("no article text found in the page", source=doc.source)
    published = _fill(parse_published(page_date), parse_published(meta.published),
                      parse_published(hints.get("published")))  # fmt: skip
    return Article.from_paragraphs(
        doc.content_hash,
        paragraphs,
        title=title,
        byline=byline,
        # trafilatura falls back to the bare host name, weaker than a publisher hint
        publisher=_fill(
            meta.publisher, hints.get("publisher"), getattr(fallback, "sitename", None)
        ),  # fmt: skip
        url=url,
        published=published,
        language=_fill(meta.language, hints.get("language")),
        furniture=furniture,
    )
