"""Each Python twin selects exactly the elements of the trafilatura XPath it stands for."""

from __future__ import annotations

import copy
import gzip
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from trafilatura import xpaths
from trafilatura.htmlprocessing import convert_tags, tree_cleaning
from trafilatura.settings import Extractor

from tidings.extract import trafilatura_selectors as selectors
from tidings.extract.html_tree import load_tree
from tidings.extract.trafilatura_selectors import TWINS, Search, Twin, install_twins

# Hand-written pages for the corners of the XPath semantics the twins restate.
PAGES = [
    # @id|@class reads the attribute written first; hidden styles; aria-hidden on a bare tag
    "<html><body><div class='cookie-box' id='main'>a</div><div id='main' class='cookie-box'>b"
    "</div><span id='x-hidden' style='color:red'>c</span><span style='display: none'>d</span>"
    "<em aria-hidden='true'>e</em><p class='reply-to' id='p1'>f</p><p id='reply-2' "
    "class='c'>g</p><b class='comments-title'>h</b><i class='x hidden'>i</i></body></html>",
    # share/nav/ad names, role and data attributes, ids and classes that only look alike
    "<html><body><div role='Navigation'>a</div><section data-component='MostPopularStories'>b"
    "</section><div data-lp-replacement-content=''>c</div><span class='my ad here'>d</span>"
    "<span class='lead'>e</span><div id='Share-box'>f</div><div class='shared'>g</div><div "
    "class='bottom-bar'>h</div><div id='x' class='link'>i</div><p style='border:1px'>j</p>"
    "<div class='Teaser'>k</div><div id='photo-caption'>l</div><div class='ZendeskForm'>m</div>"
    "</body></html>",
    # comment sections and comment lists, appended articles with and without a headline
    "<html><body><div id='comments'>a</div><div id='commentary'>b</div><ol class='comment-list'>"
    "<li>c</li></ol><ul id='disqus_thread'><li>d</li></ul><section class='post-comments'>e"
    "</section><div class='infinite-scroll'><h1>Next story</h1></div><div id='infinite-scroll'>"
    "<p>f</p></div><aside class='mvp-post-add-box'><h1>More</h1></aside><div class="
    "'elementor-share-buttons x'>g</div></body></html>",
    # author markers, including the element <author> and a child <rel> holding "me"
    "<html><body><a rel='author'>Ann Lee</a><author>Bo Chen</author><span><rel>me</rel></span>"
    "<p class='byline'>By Cy Dunn</p><div itemprop='author'>Di Eze</div><h4 id='zuozhe'>Fu</h4>"
    "<strong data-testid='AuthorCard'>Gia Ho</strong><em class='post-Author'>Ida Jo</em><b "
    "data-component='Byline'>Kai Li</b><div class='meta-date'>May 2</div><time>today</time>"
    "<figure>pic</figure><a class='comments'>9</a><span class='Comments'>x</span></body></html>",
    # article containers: [1] per parent, case-insensitive 'fulltext', translate() cases
    "<html><body><div><div class='entry-content'>a</div><div class='article-body'>b</div></div>"
    "<section><div class='post'>c</div></section><main id='Main-Content'>d</main><div class="
    "'FullText'>e</div><div class='Page-Content'>f</div><article role='article'>g</article>"
    "<div class='story-body'>h</div><div id='content-main'>i</div></body></html>",
]


def _same(found: list[Any], expected: list[Any]) -> bool:
    return len(found) == len(expected) and all(a is b for a, b in zip(found, expected, strict=True))


def _trees(page: str) -> Iterator[Any]:
    """The page as trafilatura's selectors meet it: raw, then cleaned and converted."""
    tree = load_tree(page)
    assert tree is not None
    yield tree
    options = Extractor(precision=True, tables=True)
    yield convert_tags(tree_cleaning(copy.copy(tree), options), options)


def _check(page: str) -> None:
    for tree in _trees(page):
        for name, index, _, select in TWINS:
            expression = getattr(xpaths, name)[index]
            xpath = expression.xpath if isinstance(expression, Twin) else expression
            assert _same(select(tree), xpath(tree)), f"{name}[{index}] ({select.__name__})"


def test_every_twin_replaces_its_expression() -> None:
    assert install_twins() == len(TWINS)
    for name, index, _, select in TWINS:
        twin = getattr(xpaths, name)[index]
        assert isinstance(twin, Twin) and twin.select is select
        assert twin.path == twin.xpath.path


def test_twin_patterns_are_the_expressions_own() -> None:
    paths = [getattr(xpaths, name)[index].path for name, index, _, _ in TWINS]
    searches = [value for value in vars(selectors).values() if isinstance(value, Search)]
    assert searches
    for search in searches:
        assert any(f"'{search.pattern.pattern}'" in path for path in paths), search.pattern


@pytest.mark.parametrize("page", PAGES)
def test_twins_select_the_same_elements_on_edge_cases(page: str) -> None:
    _check(page)


def test_an_edited_expression_keeps_trafilaturas_xpath() -> None:
    name, index = TWINS[0][0], TWINS[0][1]
    selectors_list = getattr(xpaths, name)
    original = selectors_list[index]
    edited = etree.XPath(original.path + " ", namespaces={"re": xpaths.REGEXP_NS})
    selectors_list[index] = edited
    try:
        install_twins()
        assert selectors_list[index] is edited
    finally:
        selectors_list[index] = original


def test_another_trafilatura_version_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    monkeypatch.setattr(trafilatura, "__version__", "0.0.0")
    assert install_twins() == 0


def test_twins_select_the_same_elements_on_shared_pages(shared: Path) -> None:
    paths = sorted((shared / "bench" / "zyte" / "html").glob("*.html.gz"))[:10]
    paths += sorted((shared / "bench" / "wcxb-dev" / "html").glob("*.html.gz"))[:10]
    if not paths:
        pytest.skip("no benchmark pages")
    for path in paths:
        _check(gzip.decompress(path.read_bytes()).decode("utf-8", "replace"))
