"""Article prose in a block whose class says "embed" or "-icon" (a page builder's custom-HTML
wrapper, an accordion's styling class) is extracted; an embedded post with no running prose
still goes, as trafilatura would have it."""

from lxml import html as lxml_html

from tidings.extract.html import _trafilatura, extract_html_article
from tidings.extract.misnamed import holds_prose, unname_prose_blocks
from tidings.sources.html import html_document

OPENING = [
    "Deciding how much to leave after a meal can feel like a sum worked out under pressure.",
    "This guide sets out the usual rates for each kind of service and how to work them out.",
    "Most diners leave a fifth of the bill when a waiter serves them at the table all night.",
]
INSIDE = [
    "Counter service is different, and a smaller share or a few coins is usually enough there.",
    "When a group splits the bill, the tip should be shared in the same way as the food is.",
    "Some restaurants add a service charge for large tables, and then no further tip is due.",
    "Paying by card changes nothing, though the machine may suggest a higher rate than usual.",
]


def _page(wrapper_class: str, inside: str) -> str:
    # the builder's wrapper is left unclosed, so the rest of the article falls inside it
    return (
        "<html><head><title>Tipping guide</title></head><body><article>"
        + "".join(f"<p>{s}</p>" for s in OPENING)
        + f"<div class='{wrapper_class}'><table><tr><td>Counter</td><td>10%</td></tr></table>"
        + inside
        + "</div></article></body></html>"
    )


def test_prose_in_an_embed_wrapper_is_kept() -> None:
    page = _page("w-embed", "".join(f"<p>{s}</p>" for s in INSIDE))
    # trafilatura's precise pass drops the wrapper, and the article's end with it
    assert not any(s in _trafilatura(lxml_html.fromstring(page), None, True) for s in INSIDE)
    tree = lxml_html.fromstring(page)
    assert unname_prose_blocks(tree) == 1
    lines = _trafilatura(tree, None, True)
    assert all(s in lines for s in OPENING + INSIDE)


def test_whole_html_path_keeps_prose_after_the_embedded_table() -> None:
    page = _page("w-embed", "".join(f"<p>{s}</p>" for s in INSIDE))
    doc = html_document(page.encode("utf-8"), "tips.html", {})
    body = extract_html_article(doc).body
    assert INSIDE[-1] in body and OPENING[0] in body


def test_icon_styled_accordion_with_list_items_is_prose() -> None:
    inside = "<ul>" + "".join(f"<li>{s}</li>" for s in INSIDE) + "</ul>"
    tree = lxml_html.fromstring(_page("kt-accordion-wrap kt-icon-style-arrow", inside))
    block = tree.find(".//div")
    assert block is not None and holds_prose(block)
    unname_prose_blocks(tree)
    assert block.get("class") == "kt-accordion-wrap"


def test_embedded_post_stays_a_widget() -> None:
    post = (
        "<blockquote><p>Tipping at the counter is out of hand, says a reader.</p>"
        "<a href='https://social.example/p/1'>See the post</a></blockquote>"
    )
    tree = lxml_html.fromstring(_page("social-embed", post))
    assert unname_prose_blocks(tree) == 0
    assert "social-embed" in (tree.find(".//div").get("class") or "")
