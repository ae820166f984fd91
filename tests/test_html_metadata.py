"""Page metadata: JSON-LD, meta tags (content= and value=), hints only fill gaps."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tidings.extract import extract_article
from tidings.sources.html import html_document

PARAGRAPHS = [
    "The harbour authority of Port Elsin said on Tuesday it would close the northern pier "
    "for three weeks while engineers repair storm damage to the sea wall.",
    "Fishing crews that use the pier will be moved to the southern quay, the authority said, "
    "and ferry timetables will not change during the works.",
    "Local traders welcomed the repairs but asked for clearer signs for visitors, who "
    "often arrive by the coastal road and miss the temporary entrance.",
    "The sea wall was last rebuilt in the 1990s and has been damaged by two winter storms "
    "since January, according to the authority's engineering report.",
]


def page(head: str) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    page = (
        f"<html lang='en-GB'><head>{head}</head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>Pier closes for repairs</h1>{body}</article></body></html>"
    )
    return page.encode()


def test_json_ld_news_article_gives_headline_date_author_publisher() -> None:
    ld = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "Ignored"},
        {"@type": "NewsArticle", "headline": "Pier closes for repairs",
         "datePublished": "2023-03-14T09:30:00+00:00",
         "author": [{"@type": "Person", "name": "Mara Quill"}],
         "publisher": {"@type": "Organization", "name": "Elsin Gazette"}}]}  # fmt: skip
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    art = extract_article(html_document(page(head), "ld.html", {}))
    assert art.title == "Pier closes for repairs"
    assert art.published == dt.date(2023, 3, 14)
    assert art.byline == "Mara Quill"
    assert art.publisher == "Elsin Gazette"
    assert art.language == "en"


def test_meta_value_attribute_is_read_like_content() -> None:
    head = ('<meta property="og:title" value="Pier closes for repairs">'
            '<meta property="article:published_time" value="2022-11-02">'
            '<meta name="author" value="Tom Ferris">'
            '<meta property="og:site_name" value="Coast Weekly">')  # fmt: skip
    art = extract_article(html_document(page(head), "value.html", {}))
    assert art.published == dt.date(2022, 11, 2)
    assert art.byline == "Tom Ferris"
    assert art.publisher == "Coast Weekly"


def test_citation_and_parsely_tags_are_read() -> None:
    head = ('<meta name="citation_publication_date" content="2021/07/19">'
            '<meta name="parsely-author" content="Ana Ruiz">')  # fmt: skip
    art = extract_article(html_document(page(head), "cite.html", {}))
    assert art.published == dt.date(2021, 7, 19)
    assert art.byline == "Ana Ruiz"


def test_hints_fill_only_what_the_page_lacks() -> None:
    head = '<meta property="article:published_time" content="2020-05-05T10:00:00Z">'
    hints = {"published": "1999-01-01", "publisher": "Hinted Press", "url": "https://x.test/a"}
    art = extract_article(html_document(page(head), "hint.html", hints))
    assert art.published == dt.date(2020, 5, 5)  # the page wins
    assert art.publisher == "Hinted Press"  # the page has none
    assert art.url == "https://x.test/a"


def test_paragraph_boundaries_survive_extraction() -> None:
    art = extract_article(html_document(page(""), "paras.html", {}))
    assert art.paragraph_texts()[: len(PARAGRAPHS)] == PARAGRAPHS


def test_a_declared_date_htmldate_cannot_place_sends_it_to_the_free_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the page shows an update date in its markup; htmldate's markup search places nothing,
    # so its free-text search runs and finds the original, which wins
    import tidings.extract.html as html_module

    calls: list[bool] = []

    def fake_html_date(tree: object, url: str | None, extensive: bool = True) -> str | None:
        calls.append(extensive)
        return "2022-11-02" if extensive else None

    monkeypatch.setattr(html_module, "html_date", fake_html_date)
    head = '<meta property="article:published_time" content="2025-06-12">'
    art = extract_article(html_document(page(head), "upd.html", {}))
    assert calls == [False, True]
    assert art.published == dt.date(2022, 11, 2)
