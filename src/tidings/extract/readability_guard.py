"""Skip trafilatura's readability comparison when its verdict is already known.

After its own extraction, trafilatura (unless ``fast``) runs a readability pass over the
whole page and a justext pass on short or unclean results, and keeps its own text unless
one of them wins (``trafilatura.external.compare_extraction``). That comparison is about
a third of each trafilatura call. Its rules (trafilatura 2.3.1, ``_prefer_readability``
and the justext trigger) let readability win only when

- its text is more than twice as long as trafilatura's, or
- trafilatura's text is empty, has no ``<p>`` text, or has more tables than paragraphs;

and justext only runs when trafilatura's text is shorter than ``min_extracted_size`` or
holds leftover furniture (``SANITIZED_XPATH``). Readability's text is a part of the page's
text, so when trafilatura's text is long enough, clean, made of paragraphs, and more than
half as long as all the text of the page, neither can win and the result is trafilatura's
own: the guard returns it without running them. ``fast=True`` is not the same thing (it
also changes trafilatura's short-text recovery, and skips the comparison where it would
have won).

The guard wraps ``trafilatura.core.compare_extraction`` once per process, and only for the
trafilatura version whose rules it restates; with any other version nothing is changed.
"""

from __future__ import annotations

from typing import Any

GUARDED_VERSION = "2.3.1"
# readability rebuilds the article from the page's own text, so its length cannot exceed
# the page's; the margin covers whitespace it may join differently (seen: 0.15%).
PAGE_MARGIN = 1.1
_MARK = "_tidings_guarded"


def comparison_is_moot(body: Any, text: str, raw_tree: Any, options: Any) -> bool:
    """True when neither readability nor justext could replace trafilatura's ``text``."""
    from trafilatura.external import SANITIZED_XPATH
    from trafilatura.utils import trim

    if options.focus == "recall" or len(text) < options.min_extracted_size:
        return False
    if not body.xpath(".//p//text()") or len(body.findall(".//table")) > len(body.findall(".//p")):
        return False
    if body.xpath(SANITIZED_XPATH):
        return False
    return 2 * len(text) >= PAGE_MARGIN * len(trim(raw_tree.text_content()))


def guard_comparison() -> bool:
    """Install the guard (idempotent); False when this trafilatura is not the known one."""
    import trafilatura
    import trafilatura.core as core

    if trafilatura.__version__ != GUARDED_VERSION:
        return False
    compare = core.compare_extraction
    if getattr(compare, _MARK, False):
        return True

    def guarded(cleaned_tree: Any, raw_tree: Any, body: Any, text: str, options: Any) -> Any:
        if comparison_is_moot(body, text, raw_tree, options):
            return body, text
        return compare(cleaned_tree, raw_tree, body, text, options)

    setattr(guarded, _MARK, True)
    core.compare_extraction = guarded
    return True
