"""Drop the parts of a parsed page that no extractor reads as text: scripts, styles, SVG.

trafilatura copies the tree it is given several times per pass (once on entry, twice while
cleaning, once more for its readability comparison) and walks every copy with XPath
queries; a news page's inline scripts, style sheets and icon drawings are often a large
share of its elements. trafilatura and its readability fallback delete these elements
themselves before they look at text, so removing them once, after the metadata has been
read, gives the same text for less work.

JSON-LD scripts stay: trafilatura's baseline rescue reads a JSON-LD ``articleBody``.
"""

from __future__ import annotations

from lxml import html as lxml_html

INERT_TAGS = ("script", "style", "svg")
KEPT_SCRIPT_TYPE = "application/ld+json"


def _is_inert(el: lxml_html.HtmlElement) -> bool:
    return el.tag != "script" or (el.get("type") or "").strip().lower() != KEPT_SCRIPT_TYPE


def strip_inert(tree: lxml_html.HtmlElement) -> int:
    """Remove scripts (except JSON-LD), styles and SVG drawings in place, keeping the text
    that follows each (its tail); returns how many were removed."""
    doomed = [el for el in tree.iter(*INERT_TAGS) if _is_inert(el)]
    removed = 0
    for el in doomed:
        parent = el.getparent()
        if parent is None:
            continue
        if el.tail:
            previous = el.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + el.tail
            else:
                parent.text = (parent.text or "") + el.tail
        parent.remove(el)
        removed += 1
    return removed
