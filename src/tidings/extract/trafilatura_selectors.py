"""Python twins of trafilatura's regex-heavy XPath selectors: the same elements, found faster.

trafilatura finds boilerplate (share bars, comment threads, hidden blocks, author boxes) with
XPath expressions that call ``re:test`` on class and id values. lxml runs each ``re:test``
as a Python callback from libxml2, once per element and attribute, and these expressions
run on every copy of the tree trafilatura makes (the raw page, the cleaned page, the article
subtree, the readability input, the author search): about a quarter of tidings' extraction
time was spent in them (11 of 43 CPU seconds on the 892 benchmark pages). A plain walk over
the same elements with the same regular expressions (each distinct class or id value tested
once, then remembered) selects the same elements, in the same document order, about three
times faster.

Each twin restates one expression of trafilatura 2.3.1 and replaces it, in trafilatura's own
selector lists, only while that expression's text is the one restated here (its SHA-1 is
checked), so a trafilatura release that edits a selector keeps its own XPath. The XPath
functions they restate, as libxml2 and lxml evaluate them:

- ``re:test(@a, P)`` searches the attribute's value (the empty string when it is absent);
  ``re:test(@a|@b, P)`` and ``starts-with(@a|@b, s)`` read the one of the two written first;
- ``contains(@a, s)``/``starts-with`` on an absent attribute are false; ``@a='v'`` compares;
- ``.//*`` is every element below the context element, ``//*`` every element of its
  document (the root included, :func:`~tidings.extract.html_tree.document_elements`); both
  in document order.

tests/test_trafilatura_selectors_same_elements.py checks every twin against its XPath on
shared pages and on hand-written edge cases.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from typing import Any

from lxml import etree

from tidings.extract.html_tree import document_elements

GUARDED_VERSION = "2.3.1"
Select = Callable[[Any], list[Any]]


class Twin:
    """Called like the XPath it stands for (``twin(tree)`` → elements); keeps that XPath."""

    __slots__ = ("xpath", "select")

    def __init__(self, xpath: etree.XPath, select: Select) -> None:
        self.xpath = xpath
        self.select = select

    @property
    def path(self) -> str:
        return str(self.xpath.path)

    def __call__(self, tree: Any) -> list[Any]:
        return self.select(tree)

    def __repr__(self) -> str:
        return f"Twin({self.path.strip()[:60]!r}…)"


class Search:
    """``re:test`` with one pattern, remembering its verdict for each distinct value."""

    __slots__ = ("pattern", "seen", "on_empty")
    LIMIT = 4096  # distinct values remembered before the memory is cleared (a page has hundreds)

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = re.compile(pattern, flags)
        self.seen: dict[str, bool] = {}
        self.on_empty = self.pattern.search("") is not None

    def __call__(self, value: str | None) -> bool:
        if value is None:
            return self.on_empty
        found = self.seen.get(value)
        if found is None:
            if len(self.seen) >= self.LIMIT:
                self.seen.clear()
            found = self.seen[value] = self.pattern.search(value) is not None
        return found


def first_written(keys: list[str], a: str, va: str | None, b: str, vb: str | None) -> str | None:
    """The value of ``@a|@b`` as an XPath string function reads it: the attribute written
    first in the tag (libxml2 keeps attributes in source order; ``keys`` is the element's
    attribute names, ``va`` and ``vb`` the two values or None)."""
    if va is None or vb is None:
        return vb if va is None else va
    return va if keys.index(a) < keys.index(b) else vb


def _contains(value: str | None, part: str) -> bool:
    return value is not None and part in value


def _has_h1(el: Any) -> bool:
    return next(el.iterdescendants("h1"), None) is not None


# The XPath expressions' own patterns (trafilatura/xpaths.py, 2.3.1).
BLOCK_TAGS = ("div", "item", "list", "p", "section", "span")
OVERALL_COOKIE = Search("cookie")
OVERALL_ID = Search(
    "^shar|social|viral|newsletter|syndication|tags|sidebar|banner|bread-?crumb|button|author|"
    "^(?:jp-|dpsp-content)|bmdh|footer|Footer|share|Share|nav|Nav|menu|related|"
    "message-container|premium|^ad-"
)
OVERALL_CLASS = Search(
    "^shar|social|viral|newsletter|syndication|tags|sidebar|banner|bread-?crumb|button|author|"
    "^(?:nav|post-nav|ZendeskForm)|subnav|avigation|navbar|navbox|menu|bar| ad |-ad-|"
    "(?:^| )ad-|dfp[Aa]d|outbrain|taboola|criteo|paid-?content|widget|footer|Footer|byline|"
    "Byline|share-|sociable|embedded|embed|tag-list|consent|modal-content|permission|elated|"
    "next-|-stories|most-popular|more-on|meta|rating|attachment|timestamp|user-info|"
    "user-profile|-icon|article-infos|message-container|slide|viewport|overlay|options|expand|"
    "obfuscated|blurred|mol-factbox|yin|zlylin|nfoline"
)
HIDDEN = Search("hidden")
HIDDEN_ID = Search("reader-comments|akismet")
HIDDEN_CLASS = Search(
    "^hide-|comments-title|nocomments|-reply-|message|akismet|suggest-links|-hide-|hide-print|"
    " hidden| hide|noprint|notloaded"
)
SCROLL = Search("mvp-post-add-(?:box|wrap)|infinite-?scroll")
APPENDED = Search("mvp-post-add-(?:box|wrap)")
COMMENTS_ID = Search("^(?:[Cc]omment(?!ary)|comol|disqus_thread|dsq-comments)")
COMMENTS_LIST_ID = Search("^(?:[Cc]omment(?!ary)|comol)")
COMMENTS_CLASS = Search("^[Cc]omment(?!ary)|(?:article|post)-comments")
BOTTOM = Search(r"(^|\s)bottom|bottom(\s|$)")
LINK = Search(r"(^|\s)link(\s|$)")
AUTHOR_DISCARD_ID = Search("^comments|comment-?list|ProductReviews")
AUTHOR_DISCARD_CLASS = Search(
    "^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram|"
    "article-(?:share|support)|print|category|meta-date|meta-reviewer"
)
AUTHOR_NAME_CLASS = Search("author-?name|AuthorName|authorName")
AUTHOR_ID = Search("author|zuozhe|bianji|xiaobian")
AUTHOR_CLASS = Search(
    "author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name"
)
ANY_AUTHOR_ID = Search("[Aa]uthor")
ANY_AUTHOR_CLASS = Search("[Aa]uthor|screenname|writer|[Bb]yline")


def overall_discard(tree: Any) -> list[Any]:
    """Boilerplate blocks named as such (share, nav, footer, widget, meta …)."""
    out = []
    for el in tree.iterdescendants(*BLOCK_TAGS):
        keys = el.keys()
        if not keys:  # every test reads an attribute
            continue
        id_, class_ = el.get("id"), el.get("class")
        if (
            OVERALL_CLASS(class_)
            or OVERALL_ID(id_)
            or OVERALL_COOKIE(first_written(keys, "id", id_, "class", class_))
            or "data-lp-replacement-content" in keys
            or ("role" in keys and "nav" in el.get("role").replace("N", "n"))
            or ("data-component" in keys and "MostPopularStories" in el.get("data-component"))
        ):
            out.append(el)
    return out


def hidden_or_reply(tree: Any) -> list[Any]:
    """Hidden elements and comment-reply furniture, of any tag."""
    out = []
    for el in tree.iterdescendants(etree.Element):
        keys = el.keys()
        if not keys:  # every test reads an attribute
            continue
        id_, class_, style = el.get("id"), el.get("class"), el.get("style")
        if (
            HIDDEN_CLASS(class_)
            or HIDDEN_ID(id_)
            or el.get("aria-hidden") == "true"
            or class_ == "comments-title"
            or (style is not None and ("display:none" in style or "display: none" in style))
            or (first_written(keys, "id", id_, "class", class_) or "").startswith("reply-")
            or HIDDEN(first_written(keys, "id", id_, "style", style))
        ):
            out.append(el)
    return out


def appended_articles(tree: Any) -> list[Any]:
    """Infinite-scroll containers holding follow-up articles."""
    out = []
    for el in tree.iterdescendants("div", "section", "aside"):
        id_, class_ = el.get("id"), el.get("class")
        if (SCROLL(id_) or SCROLL(class_)) and (
            not _has_h1(el) or APPENDED(id_) or APPENDED(class_)
        ):
            out.append(el)
    return out


def share_buttons(tree: Any) -> list[Any]:
    return [
        el
        for el in tree.iterdescendants("div", "section", "aside")
        if _contains(el.get("class"), "elementor-share-buttons")
    ]


def comments_and_lists(tree: Any) -> list[Any]:
    """Comment sections, and ol/ul comment lists."""
    out = []
    for el in tree.iterdescendants("div", "list", "section", "details", "ol", "ul"):
        id_, class_ = el.get("id"), el.get("class")
        if not (COMMENTS_ID(id_) or COMMENTS_CLASS(class_)):
            continue
        if el.tag not in ("ol", "ul") or COMMENTS_LIST_ID(id_) or COMMENTS_CLASS(class_):
            out.append(el)
    return out


def comments(tree: Any) -> list[Any]:
    return [
        el
        for el in tree.iterdescendants("div", "list", "section", "details")
        if COMMENTS_ID(el.get("id")) or COMMENTS_CLASS(el.get("class"))
    ]


def bottom_or_link(tree: Any) -> list[Any]:
    out = []
    for el in tree.iterdescendants(*BLOCK_TAGS):
        name = first_written(el.keys(), "id", el.get("id"), "class", el.get("class"))
        if BOTTOM(name) or LINK(name) or _contains(el.get("style"), "border"):
            out.append(el)
    return out


def teasers(tree: Any) -> list[Any]:
    return [
        el
        for el in tree.iterdescendants(*BLOCK_TAGS)
        if "teaser" in (el.get("id") or "").replace("T", "t")
        or "teaser" in (el.get("class") or "").replace("T", "t")
    ]


def captions(tree: Any) -> list[Any]:
    return [
        el
        for el in tree.iterdescendants(*BLOCK_TAGS)
        if _contains(el.get("id"), "caption") or _contains(el.get("class"), "caption")
    ]


def not_author(tree: Any) -> list[Any]:
    """Comment, sidebar, date and figure blocks an author search must not read."""
    out = []
    for el in tree.iterdescendants("a", "div", "section", "span"):
        id_, class_ = el.get("id"), el.get("class")
        if (
            id_ == "comments"
            or class_ in ("comments", "title", "date")
            or AUTHOR_DISCARD_ID(id_)
            or AUTHOR_DISCARD_CLASS(class_)
            or _contains(el.get("data-component"), "Figure")
        ):
            out.append(el)
    return out


def times_and_figures(tree: Any) -> list[Any]:
    return list(document_elements(tree, "time", "figure"))


NAMED_AUTHOR_TAGS = frozenset({"a", "address", "div", "link", "p", "span", "strong"})
AUTHOR_TESTIDS = ("AuthorCard", "AuthorURL")


def _rel_me(el: Any) -> bool:
    """XPath ``rel='me'``: a child element ``<rel>`` whose text is "me"."""
    return any(child.xpath("string()") == "me" for child in el.iterchildren("rel"))


def named_author(tree: Any) -> list[Any]:
    """Elements marked as the author (rel, id, class, itemprop, test ids), and <author>."""
    out = []
    rel_children = next(document_elements(tree, "rel"), None) is not None
    for el in document_elements(tree):
        tag = el.tag
        if tag == "author":
            out.append(el)
        elif tag in NAMED_AUTHOR_TAGS:
            class_ = el.get("class")
            if (
                el.get("rel") == "author"
                or el.get("id") == "author"
                or class_ == "author"
                or el.get("itemprop") == "author name"
                or (rel_children and _rel_me(el))
                or el.get("data-testid") in AUTHOR_TESTIDS
                or AUTHOR_NAME_CLASS(class_)
            ):
                out.append(el)
    return out


BYLINE_TAGS = ("a", "div", "h3", "h4", "p", "span")
BYLINE_CLASSES = frozenset({"byline", "username", "byl", "BBL"})


def byline(tree: Any) -> list[Any]:
    return [
        el
        for el in document_elements(tree, *BYLINE_TAGS)
        if el.get("class") in BYLINE_CLASSES
        or _contains(el.get("itemprop"), "author")
        or AUTHOR_ID(el.get("id"))
        or AUTHOR_CLASS(el.get("class"))
    ]


def any_author(tree: Any) -> list[Any]:
    out = []
    for el in document_elements(tree):
        keys = el.keys()
        if keys and (  # every test reads an attribute
            ANY_AUTHOR_CLASS(el.get("class"))
            or ANY_AUTHOR_ID(el.get("id"))
            or _contains(el.get("itemprop"), "author")
            or _contains(el.get("data-component"), "Byline")
        ):
            out.append(el)
    return out


CONTAINER_TAGS = ("article", "div", "main", "section")
ARTICLE_ID = Search(
    "(?:entry|article|art)-content|article__content|article(?:-|__)?body|articleBody|body-text"
)
ARTICLE_CLASS = Search(
    "post[-_]text|post-body|post-?entry|post[-_]?content|postContent|post_inner_wrapper|"
    "article-?text|articleText|(?:entry|page|text|article|art)-content|article__content|"
    "article(?:-|__)?body|articleBody|ArticleContent|body-text|article__container"
)
STORY_ID = Search("^primary|story-body")
FULLTEXT_CLASS = Search("fulltext", re.IGNORECASE)
STORY_CLASS = Search(
    "^article |post-bodycopy|story-?content|(?:theme|blog|section|single)-content|"
    "single-post|main-column|wpb_text_column|story-body|field-body"
)
STORY_IDS = frozenset({"article", "story"})
STORY_CLASSES = frozenset({"postarea", "art-postcontent", "text", "cell", "story"})
MAIN_ID = Search("content-main|content-body|contentBody")
MAIN_CLASS = Search("content[-_]main|content(?:-|__)body")
LOWER_CM = str.maketrans("CM", "cm")
LOWER_CP = str.maketrans("CP", "cp")


def _is_article_body(el: Any) -> bool:
    id_, class_ = el.get("id"), el.get("class")
    return (
        class_ in ("post", "entry")
        or el.get("itemprop") == "articleBody"
        or id_ == "articleContent"
        or ARTICLE_ID(id_)
        or ARTICLE_CLASS(class_)
    )


def article_bodies(tree: Any) -> list[Any]:
    """Containers named as the article body: the first such child of each parent (the
    expression's ``[1]`` applies per parent)."""
    out = []
    parents: set[Any] = set()
    for el in tree.iterdescendants(*CONTAINER_TAGS):
        if _is_article_body(el):
            parent = el.getparent()
            if parent not in parents:
                parents.add(parent)
                out.append(el)
    return out


def _is_story(el: Any) -> bool:
    id_, class_ = el.get("id"), el.get("class")
    return (
        el.get("role") == "article"
        or id_ in STORY_IDS
        or class_ in STORY_CLASSES
        or STORY_ID(id_)
        or FULLTEXT_CLASS(class_)
        or STORY_CLASS(class_)
    )


def _is_main_content(el: Any) -> bool:
    id_, class_ = el.get("id"), el.get("class")
    return (
        id_ == "content"
        or class_ == "content"
        or MAIN_ID(id_)
        or MAIN_CLASS(class_)
        or (id_ is not None and "main-content" in id_.translate(LOWER_CM))
        or (class_ is not None and "main-content" in class_.translate(LOWER_CM))
        or (class_ is not None and "page-content" in class_.translate(LOWER_CP))
    )


def _first_of(test: Callable[[Any], bool]) -> Select:
    def select(tree: Any) -> list[Any]:
        return next(([el] for el in tree.iterdescendants(*CONTAINER_TAGS) if test(el)), [])

    return select


story = _first_of(_is_story)
main_content = _first_of(_is_main_content)


# (selector list in trafilatura.xpaths, position, SHA-1 of the expression text, twin)
TWINS: list[tuple[str, int, str, Select]] = [
    ("OVERALL_DISCARD_XPATH", 0, "d00545c1e3acd7dd0585191cc70e0104d49e5586", overall_discard),
    ("OVERALL_DISCARD_XPATH", 1, "8c88600b03181df7a8d96c7c92ca3b0351f47e78", hidden_or_reply),
    ("RAW_TREE_PRUNE_XPATH", 0, "c15751070b078a647446175f714fc52b5d51ca8c", appended_articles),
    ("RAW_TREE_PRUNE_XPATH", 1, "12b073ccb20e96330059aff8a9782a769ecf22e6", share_buttons),
    (
        "REMOVE_COMMENTS_AND_LISTS_XPATH",
        0,
        "7e7d885e629a511978658d1420f16b1a4ac09d85",
        comments_and_lists,
    ),
    ("REMOVE_COMMENTS_XPATH", 0, "97b3a45900e751deb0c5446b7456a1274778d954", comments),
    ("PRECISION_DISCARD_XPATH", 1, "1333a88a43255a90e57fad382aa978fb9b88f8bd", bottom_or_link),
    ("TEASER_DISCARD_XPATH", 0, "db87f1790b6b744970979d0892598c4445ee10e1", teasers),
    ("DISCARD_IMAGE_ELEMENTS", 0, "1c87660c9ae9af66a3b616601505d9d8b4c5624b", captions),
    ("AUTHOR_DISCARD_XPATHS", 0, "c65fe99332df7270c27a06025fe4e5c4b70b9e71", not_author),
    ("AUTHOR_DISCARD_XPATHS", 1, "d5efb5fcce739d7c6c6f33415ba4be4c5080ead6", times_and_figures),
    ("AUTHOR_XPATHS", 0, "4f5c359594eedf208de84141a1a8f0ecf1c819b1", named_author),
    ("AUTHOR_XPATHS", 1, "73fbf938a6e51e593f6cb06ca0649a1c8767de43", byline),
    ("AUTHOR_XPATHS", 2, "f4cc58faa793a925cb445f6f6022212ba79d1fe0", any_author),
    ("BODY_XPATH", 0, "2465b9ddf0fc1b9b11762bba0368942a191f062d", article_bodies),
    ("BODY_XPATH", 2, "b9c180cd18240e44ef70d3bb606708425bec038f", story),
    ("BODY_XPATH", 3, "1e7b8c5b36e9e0e8045815f7c79ba22f4d557cca", main_content),
]


def digest(path: str) -> str:
    return hashlib.sha1(path.encode("utf-8")).hexdigest()


def install_twins() -> int:
    """Put each twin in place of its XPath (idempotent); returns how many are in place.
    Nothing changes with another trafilatura version or an edited expression."""
    import trafilatura
    from trafilatura import xpaths

    if trafilatura.__version__ != GUARDED_VERSION:
        return 0
    placed = 0
    for name, index, sha, select in TWINS:
        selectors = getattr(xpaths, name, None)
        if not isinstance(selectors, list) or index >= len(selectors):
            continue
        current = selectors[index]
        if isinstance(current, Twin):
            placed += 1
        elif isinstance(current, etree.XPath) and digest(current.path) == sha:
            selectors[index] = Twin(current, select)
            placed += 1
    return placed
