"""Scripts, styles and drawings leave the tree; JSON-LD and the text around them stay."""

from __future__ import annotations

from lxml import html as lxml_html

from tidings.extract.inert import strip_inert

PAGE = """<html><head><style>p {color: red}</style>
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Bridge"}</script>
<script>var tracker = 1;</script></head><body><p>The bridge<script>ad()</script> reopened
<svg><path d="M0"/></svg>on Monday, the council said.</p>
<div><script>first()</script>Traffic was light.</div></body></html>"""


def test_inert_elements_go_and_their_tails_stay() -> None:
    tree = lxml_html.document_fromstring(PAGE)
    before = " ".join(tree.find("body").text_content().replace("ad()", "").replace(
        "first()", "").split())  # fmt: skip
    removed = strip_inert(tree)
    assert removed == 5  # style, two plain scripts in body, one in head, the svg
    assert tree.find(".//style") is None and tree.find(".//svg") is None
    kept = [s.get("type") for s in tree.iter("script")]
    assert kept == ["application/ld+json"]
    assert " ".join(tree.find("body").text_content().split()) == before
    assert "Traffic was light." in tree.find(".//div").text_content()
