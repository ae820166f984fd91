"""Remove page furniture from the HTML tree before the main-text extractor sees it.

Sites name their furniture in class and id attributes: newsletter and sign-up boxes,
calls to action, share bars, related-content rails, tables of contents, advertising and
disclosure notes. trafilatura drops many such blocks, but not those nested inside the
article container, so tidings removes them first. A block is only removed when it holds a
small share of the page's text, so an article wrapper whose class happens to contain a
furniture word ("post-share-enabled") is never taken for furniture.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lxml import html as lxml_html

from tidings.extract.html_tree import document_elements

# Tokens matched inside class/id values (case-insensitive, at word-ish boundaries).
FURNITURE = re.compile(
    r"(?:^|[\s_-])(?:newsletters?|e?mail-?sign-?up|sign-?up|subscribe|subscription|"
    r"call-to-action|cta|share|sharing|social|follow-us|related|recommended|"
    r"more-stories|read-more|readmore|table-?of-?contents?|toc|advert\w*|ads?|"
    r"ad-slot|sponsor\w*|promo\w*|donat\w*|paywall|disclosure|breadcrumbs?|"
    r"author-?bio|newsletter\w*|partner-?links)(?:$|[\s_-])",
    re.IGNORECASE,
)
# camelCase names (BlogTableOfContent_toc, headerNewsletterContainer) are matched on words.
CAMEL = re.compile(r"(?:Newsletter|TableOfContent|SignUp|Subscribe|Related|ShareBar|Cta[A-Z])")
# One pass over each name instead of two (the prune runs on every element with a name).
NAMED_FURNITURE = re.compile(f"(?i:{FURNITURE.pattern})|{CAMEL.pattern}")
KEEP_TAGS = {"html", "body", "main", "article", "head"}
# A named block is furniture when it is short (a box, a button row) or mostly links (a
# rail of related stories); a long block of prose is content whatever its name says
# (e.g. an article wrapper called "entry-content-read-more").
MAX_WORDS = 60
MIN_LINK_SHARE = 0.5


# Every furniture token holds one of these clues once lower-cased ("ad" only after a
# separator). Most names hold none, and one search for a clue costs less than the full
# pattern. Only ASCII names are screened: there the pattern's case-insensitive match is
# plain lower-casing.
CLUES = re.compile(
    r"(?<![^\s_-])ad|newsletter|sign|subscri|action|cta|shar|social|follow|related|"
    r"recommended|stories|read|table|toc|advert|sponsor|promo|donat|paywall|disclosure|"
    r"breadcrumb|author|partner"
)


def may_be_furniture_name(value: str) -> bool:
    """False only when :data:`NAMED_FURNITURE` cannot match ``value`` (a cheap screen)."""
    return not value.isascii() or CLUES.search(value.lower()) is not None


# Pages repeat the same class names on hundreds of elements, and a site on all its pages:
# each distinct value is judged once. No furniture token spans a space, so a class and an
# id can be judged apart.
@lru_cache(maxsize=16384)
def is_furniture_name(value: str) -> bool:
    return may_be_furniture_name(value) and NAMED_FURNITURE.search(value) is not None


def has_furniture_name(el: lxml_html.HtmlElement) -> bool:
    class_, id_ = el.get("class"), el.get("id")
    return bool(class_ and is_furniture_name(class_) or id_ and is_furniture_name(id_))


def named_furniture(tree: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """Elements of the page with a furniture class or id, in document order (what
    ``//*[@class or @id]`` filtered by :func:`has_furniture_name` gives, walked in Python:
    the XPath cost more than its filter)."""
    found = []
    for el in document_elements(tree):
        class_ = el.get("class")
        if class_ and is_furniture_name(class_) or (id_ := el.get("id")) and is_furniture_name(id_):
            found.append(el)
    return found


def is_furniture_block(el: lxml_html.HtmlElement) -> bool:
    if el.tag == "p" and "paywall" in (el.get("class") or "").lower():
        return False  # the article's own paragraphs, marked as the part behind the paywall
    words = len((el.text_content() or "").split())
    if words <= MAX_WORDS:
        return True
    link_words = sum(len((a.text_content() or "").split()) for a in el.iter("a"))
    return link_words >= MIN_LINK_SHARE * words


def prune_furniture(tree: lxml_html.HtmlElement) -> int:
    """Drop furniture blocks in place; returns how many were removed."""
    doomed = [
        el for el in named_furniture(tree) if el.tag not in KEEP_TAGS and is_furniture_block(el)
    ]
    removed = 0
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()
            removed += 1
    return removed
