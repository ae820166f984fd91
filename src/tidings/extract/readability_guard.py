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

In precision mode the comparison first prunes the page of named boilerplate
(``OVERALL_DISCARD_XPATH``: navigation, share bars, footers …) and readability reads what
is left, so readability's text is a part of the pruned page's text. When trafilatura's text
is more than half as long as the pruned page, the verdict is known again. The guard then
does that prune itself, in place, on the page copy the comparison was handed (the prune
is idempotent: each selector tests only an element's own attributes, and every match is
gone after one pass), so a comparison that still has to run pays for the prune only once
more as an empty walk. On the 892 benchmark pages this skips 143 of the 361 precision-mode
comparisons the first test left to run.

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


def own_text_stands(body: Any, text: str, options: Any) -> bool:
    """True when only a readability text more than twice as long could replace ``text``:
    not recall mode, long enough, made of paragraphs, clean (no justext either)."""
    from trafilatura.external import SANITIZED_XPATH

    if options.focus == "recall" or len(text) < options.min_extracted_size:
        return False
    if not body.xpath(".//p//text()") or len(body.findall(".//table")) > len(body.findall(".//p")):
        return False
    return not body.xpath(SANITIZED_XPATH)


def outweighs(text: str, page: Any) -> bool:
    """``text`` is more than half as long as all the text of ``page`` (with the margin)."""
    from trafilatura.utils import trim

    return 2 * len(text) >= PAGE_MARGIN * len(trim(page.text_content()))


def comparison_is_moot(body: Any, text: str, raw_tree: Any, options: Any) -> bool:
    """True when neither readability nor justext could replace trafilatura's ``text``. In
    precision mode ``raw_tree`` (the comparison's own copy) may be pruned in place, as the
    comparison would prune it."""
    from trafilatura.htmlprocessing import prune_unwanted_nodes
    from trafilatura.xpaths import OVERALL_DISCARD_XPATH

    if not own_text_stands(body, text, options):
        return False
    if outweighs(text, raw_tree):
        return True
    return options.focus == "precision" and outweighs(
        text, prune_unwanted_nodes(raw_tree, OVERALL_DISCARD_XPATH)
    )


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
