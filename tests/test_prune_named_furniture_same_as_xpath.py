"""The furniture prune's Python walk finds the elements its XPath filter found."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from lxml import html as lxml_html

from tidings.extract.html_tree import document_elements, load_tree
from tidings.extract.inert import strip_inert
from tidings.extract.prune import has_furniture_name, named_furniture, prune_furniture

# A page that libxml2 leaves with two top-level elements: markup after the closing </html>.
SPLIT_PAGE = (
    "<html><body><p class='lead'>The harbour council met on Tuesday.</p>"
    "<div class='share-bar'>Share</div></body></html>"
    "<html><body><div id='newsletter-box'>Sign up for our letters</div>"
    "<p>Engineers said the work takes three months.</p></body></html>"
)


def _by_xpath(tree: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    return [el for el in tree.xpath("//*[@class or @id]") if has_furniture_name(el)]


def _same(a: list[lxml_html.HtmlElement], b: list[lxml_html.HtmlElement]) -> bool:
    return len(a) == len(b) and all(x is y for x, y in zip(a, b, strict=True))


def test_document_elements_reads_every_top_level_element_like_xpath() -> None:
    tree = load_tree(SPLIT_PAGE)
    assert tree is not None
    assert len(list(tree.itersiblings())) == 1  # the second <html> sits beside the first
    assert _same(list(document_elements(tree)), tree.xpath("//*"))
    assert _same(list(document_elements(tree, "p")), tree.xpath("//p"))


def test_named_furniture_covers_the_second_top_level_element() -> None:
    tree = load_tree(SPLIT_PAGE)
    assert tree is not None
    found = named_furniture(tree)
    assert [el.get("class") or el.get("id") for el in found] == ["share-bar", "newsletter-box"]
    assert _same(found, _by_xpath(tree))
    assert prune_furniture(tree) == 2


def test_named_furniture_matches_the_xpath_on_shared_pages(shared: Path) -> None:
    paths = sorted((shared / "bench" / "wcxb-dev" / "html").glob("*.html.gz"))[:25]
    if not paths:
        pytest.skip("no benchmark pages")
    for path in paths:
        tree = load_tree(gzip.decompress(path.read_bytes()).decode("utf-8", "replace"))
        assert tree is not None
        strip_inert(tree)
        assert _same(named_furniture(tree), _by_xpath(tree)), path.name
