"""Show the closed panels of an accordion: they are the article, folded.

Guides and explainers fold their sections into accordions (the WAI-ARIA disclosure
pattern): a button or header names the panel it opens with ``aria-controls``, and the panel
is hidden until a reader clicks (``display:none``, a ``hidden`` class or attribute,
``aria-hidden``). trafilatura deletes every hidden block before it looks at the text, so
each folded section of such a page is lost (WCXB dev: a solar installation guide kept a
fifth of its words; two course directories lost their programme descriptions).

A hidden block that some control on the page opens (its id named by an ``aria-controls``)
and that holds running prose is unhidden, so that trafilatura judges it like the open
text around it. Hidden blocks nothing opens (a cookie notice, a modal, a copy for another
screen size) stay hidden, and so does a panel that holds only links (a folded menu).
"""

from __future__ import annotations

import re

from lxml import html as lxml_html

from tidings.extract.misnamed import few_links, prose_lines

# "display:none" in a style, with or without spaces
DISPLAY_NONE = re.compile(r"display\s*:\s*none\s*(?:!important)?\s*;?", re.IGNORECASE)
# class tokens that hide a block (trafilatura deletes "hidden" and "hide"; Bootstrap hides
# with "collapse" and "d-none")
HIDING_TOKEN = re.compile(r"^(?:hidden|hide|is-hidden|collapsed?|d-none)$", re.IGNORECASE)


def is_hidden(element: lxml_html.HtmlElement) -> bool:
    """Whether the block hides itself (style, ``hidden`` attribute or class, aria)."""
    return (
        element.get("hidden") is not None
        or element.get("aria-hidden") == "true"
        or DISPLAY_NONE.search(element.get("style") or "") is not None
        or any(HIDING_TOKEN.match(t) for t in (element.get("class") or "").split())
    )


def holds_prose(element: lxml_html.HtmlElement) -> bool:
    """A paragraph or list item of running text, and few links (a folded menu is all
    links): one line of prose is enough for a panel, which holds one section."""
    return bool(prose_lines(element)) and few_links(element)


def unhide(element: lxml_html.HtmlElement) -> None:
    """Remove what hides ``element`` itself (not its descendants)."""
    for name in ("hidden", "aria-hidden"):
        if name in element.attrib:
            del element.attrib[name]
    style = element.get("style")
    if style is not None:
        element.set("style", DISPLAY_NONE.sub("", style))
    class_ = element.get("class")
    if class_ is not None:
        element.set("class", " ".join(t for t in class_.split() if not HIDING_TOKEN.match(t)))


def open_folded_panels(tree: lxml_html.HtmlElement) -> int:
    """Unhide, in place, each hidden block that a control on the page opens and that holds
    running prose; returns how many were opened."""
    # XPath walks the tree in C: most pages have no control at all
    controlled = {name for names in tree.xpath("//@aria-controls") for name in names.split()}
    if not controlled:
        return 0
    opened = 0
    for element in tree.xpath("//*[@id]"):
        if element.get("id") in controlled and is_hidden(element) and holds_prose(element):
            unhide(element)
            opened += 1
    return opened


__all__ = ["holds_prose", "is_hidden", "open_folded_panels"]
