"""The guard skips trafilatura's readability comparison only where it cannot change the text."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
import trafilatura.core as core
import trafilatura.external as external
from trafilatura import bare_extraction

from tidings.extract.readability_guard import guard_comparison

SENTENCES = [
    "The harbour council met on Tuesday to discuss repairs to the northern sea wall.",
    "Engineers told councillors that the work would take three months to finish.",
    "Traders on the seafront asked for the repairs to start after the summer season.",
    "The council chair said a decision would be taken at the next public meeting.",
    "The sea wall was last rebuilt more than thirty years ago, the records show.",
]
ARTICLE = "<html><body><nav><a href='/'>Home</a></nav><article>{}</article></body></html>"


def _text(page: str, guarded: bool) -> str:
    guard_comparison()
    wrapped = core.compare_extraction
    if not guarded:
        core.compare_extraction = external.compare_extraction
    try:
        result = bare_extraction(page, favor_precision=True, include_comments=False)
    finally:
        core.compare_extraction = wrapped
    return getattr(result, "text", "") or ""


def _calls(page: str) -> int:
    """How many times the comparison behind the guard ran for the page."""
    from tidings.extract import readability_guard

    guard_comparison()
    seen = []
    original, wrapped = external.compare_extraction, core.compare_extraction

    def spy(*args):  # type: ignore[no-untyped-def]
        seen.append(1)
        return original(*args)

    core.compare_extraction = spy
    try:
        readability_guard.guard_comparison()  # the guard now wraps the spy
        bare_extraction(page, favor_precision=True, include_comments=False)
    finally:
        core.compare_extraction = wrapped
    return len(seen)


def test_a_long_clean_article_skips_the_comparison_with_the_same_text() -> None:
    page = ARTICLE.format("".join(f"<p>{s}</p>" for s in SENTENCES * 2))
    assert _calls(page) == 0
    assert _text(page, guarded=True) == _text(page, guarded=False)


def test_a_short_text_still_gets_the_comparison() -> None:
    page = ARTICLE.format(f"<p>{SENTENCES[0]}</p>")
    assert _calls(page) == 1


def test_installing_twice_wraps_once() -> None:
    assert guard_comparison() and guard_comparison()
    assert getattr(core.compare_extraction, "_tidings_guarded", False)
    assert not getattr(external.compare_extraction, "_tidings_guarded", False)


def test_shared_pages_get_the_same_text_guarded_or_not(shared: Path) -> None:
    pages = sorted((shared / "bench" / "zyte" / "html").glob("*.html.gz"))[:12]
    if not pages:
        pytest.skip("no Zyte pages")
    for path in pages:
        page = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        assert _text(page, guarded=True) == _text(page, guarded=False), path.name


def test_a_page_mostly_sidebar_is_judged_on_the_pruned_page() -> None:
    """The article is less than half the page's text but more than half of what is left
    once named boilerplate (here a sidebar) is pruned: readability cannot win either way."""
    from trafilatura.utils import load_html

    from tidings.extract.readability_guard import outweighs

    others = "".join(
        f"<p>Other story number {n} covers the town fair, its stalls and its rides.</p>"
        for n in range(30)
    )
    article = "".join(f"<p>{s}</p>" for s in SENTENCES * 2)
    page = (
        f"<html><body><nav><a href='/'>Home</a></nav><article>{article}</article>"
        f"<div class='sidebar'>{others}</div></body></html>"
    )
    text = _text(page, guarded=False)
    assert not outweighs(text, load_html(page))  # the first test alone would not decide
    assert _calls(page) == 0
    assert _text(page, guarded=True) == text
