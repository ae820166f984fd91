"""tidings' page parser gives trafilatura's tree, with plain elements and a cheap lookup."""

from __future__ import annotations

import copy
import gzip
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html
from trafilatura.utils import load_html

from tidings.extract.html_tree import PARSER, load_tree, repair

PAGES = [
    "<!DOCTYPE html><html><head><title>Port works</title></head><body><p>The harbour "
    "council met on Tuesday.</p><form><input name='q'></form></body></html>",
    # a control character XML forbids, in the text
    "<html><body><p>Engineers\x0b told councillors\x01 the work takes months.</p></body></html>",
    # a doctype written with a slash, which libxml2 misreads
    "<!DOCTYPE html PUBLIC '-//W3C//DTD XHTML 1.0//EN' 'xhtml1.dtd'/>\n<html><body>"
    "<p>Traders asked for the repairs to wait.</p></body></html>",
    # a self-closing <html/> in the first lines
    "<html lang='en'/>\n<body><p>The sea wall was last rebuilt long ago.</p></body>",
    "<html><body><svg><text>chart</text></svg><div>Council chair: a decision next week."
    "</div></body></html>",
]


def _same(ours: lxml_html.HtmlElement | None, theirs: lxml_html.HtmlElement | None) -> bool:
    if ours is None or theirs is None:
        return ours is theirs
    return bool(etree.tostring(ours) == etree.tostring(theirs))


@pytest.mark.parametrize("page", PAGES)
def test_tree_matches_trafilatura_loader(page: str) -> None:
    assert _same(load_tree(page), load_html(page))


def test_text_that_is_not_html_is_rejected_like_trafilatura() -> None:
    text = "just a line of words with no markup at all"
    assert load_tree(text) is None and load_html(text) is None


def test_repair_skips_nothing_trafilatura_repairs() -> None:
    from trafilatura.utils import repair_faulty_html

    for page in PAGES:
        beginning = page[:50].lower()
        assert repair(page, beginning) == repair_faulty_html(page, beginning)


def test_every_element_is_a_plain_html_element_and_copies_keep_the_parser() -> None:
    tree = load_tree(PAGES[0])
    assert tree is not None
    assert {type(el) for el in tree.iter()} == {lxml_html.HtmlElement}
    assert isinstance(tree.find(".//form"), lxml_html.HtmlElement)
    twin = copy.copy(tree)
    assert twin.getroottree().parser is PARSER


def test_shared_pages_parse_as_trafilatura_does(shared: Path) -> None:
    pages = sorted((shared / "bench" / "zyte" / "html").glob("*.html.gz"))[:15]
    for path in pages:
        page = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        assert _same(load_tree(page), load_html(page)), path.name
