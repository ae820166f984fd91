"""Each extraction tool behind one small adapter: page → text and metadata.

An adapter never raises: a tool that fails on a page scores that page as empty, so one
crash never stops a benchmark run. Peer tools are imported lazily (they are bench extras).
"""

from __future__ import annotations

import datetime as dt
import logging
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any


@dataclass
class Extraction:
    text: str = ""
    title: str | None = None
    date: str | None = None
    author: str | None = None


@dataclass
class Page:
    id: str
    raw: bytes  # the page bytes as stored
    url: str | None

    @cached_property
    def html(self) -> str:
        """The page decoded for the peer tools (tidings' decoder), on first use, so that
        decoding counts in the peer's time as it does in tidings'."""
        from tidings.sources.decode import decode_html

        return decode_html(self.raw, self.id)[0]


Adapter = Callable[[Page], Extraction]


def _iso(value: Any) -> str | None:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value) if value else None


def _authors(value: Any) -> str | None:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value if v) or None
    return str(value) if value else None


def run_tidings(page: Page) -> Extraction:
    from tidings.extract.html import extract_html_article
    from tidings.sources.html import html_document

    doc = html_document(page.raw, page.id, {"url": page.url} if page.url else {})
    art = extract_html_article(doc)
    return Extraction(art.body, art.title, _iso(art.published), art.byline)


def run_tidings_grouped_cv(page: Page) -> Extraction:
    """tidings with the furniture model of the grouped cross-validation fold that never saw
    the page's site (:mod:`tidings.extract.sites`): what to expect on sites never seen, as
    far as the learned part of extraction goes (the hand-written rules cannot be refitted
    per fold)."""
    from tidings.extract.furniture import fold_models, using_weights
    from tidings.extract.sites import fold_of, site_of

    fold = f"fold{fold_of(site_of(page.url or page.id))}"
    if fold not in fold_models():
        return run_tidings(page)
    with using_weights(fold):
        return run_tidings(page)


def _trafilatura(page: Page, precision: bool) -> Extraction:
    from trafilatura import bare_extraction

    res = bare_extraction(page.html, url=page.url, favor_precision=precision, with_metadata=True)
    if res is None or isinstance(res, dict):
        return Extraction()
    return Extraction(res.text or "", res.title, res.date, res.author)


def run_trafilatura(page: Page) -> Extraction:
    return _trafilatura(page, precision=False)


def run_trafilatura_precision(page: Page) -> Extraction:
    return _trafilatura(page, precision=True)


def _block_text(fragment_html: str) -> str:
    """Text of an HTML fragment with one line per block element."""
    from lxml import html as lxml_html

    root = lxml_html.fromstring(fragment_html)
    blocks = root.xpath("//p|//h1|//h2|//h3|//h4|//h5|//h6|//li|//pre|//blockquote|//td")
    lines = [" ".join(b.text_content().split()) for b in blocks if not b.xpath(".//p")]
    text = "\n".join(ln for ln in lines if ln)
    return text or " ".join(root.text_content().split())


def run_readability(page: Page) -> Extraction:
    from readability import Document as ReadabilityDocument

    doc = ReadabilityDocument(page.html)
    return Extraction(_block_text(doc.summary(html_partial=True)), doc.short_title())


def run_newspaper(page: Page) -> Extraction:
    import newspaper

    config = newspaper.Config()
    config.fetch_images = False
    article = newspaper.Article(page.url or "http://localhost/", config=config)
    article.download(input_html=page.html)
    article.parse()
    return Extraction(article.text, article.title, _iso(article.publish_date),
                      _authors(article.authors))  # fmt: skip


_goose: Any = None


def run_goose(page: Page) -> Extraction:
    global _goose
    from goose3 import Goose

    if _goose is None:
        _goose = Goose({"enable_image_fetching": False, "http_timeout": 0.001})
    article = _goose.extract(raw_html=page.html)
    return Extraction(article.cleaned_text or "", article.title, _iso(article.publish_date),
                      _authors(article.authors))  # fmt: skip


def run_resiliparse(page: Page) -> Extraction:
    from resiliparse.extract.html2text import extract_plain_text

    text = extract_plain_text(page.html, main_content=True, alt_texts=False, links=False,
                              list_bullets=False)  # fmt: skip
    return Extraction(text)


ADAPTERS: dict[str, Adapter] = {
    "tidings": run_tidings,
    "tidings (grouped CV)": run_tidings_grouped_cv,
    "trafilatura": run_trafilatura,
    "trafilatura (favor_precision)": run_trafilatura_precision,
    "readability-lxml": run_readability,
    "newspaper4k": run_newspaper,
    "goose3": run_goose,
    "resiliparse": run_resiliparse,
}
# Tools that report no metadata of this kind are shown as "—" rather than 0%.
NO_METADATA: dict[str, set[str]] = {
    "readability-lxml": {"date", "author"},
    "resiliparse": {"title", "date", "author"},
}


def safe(adapter: Adapter) -> Adapter:
    """The adapter, made to score a failing page as empty instead of stopping the run."""

    def run(page: Page) -> Extraction:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return adapter(page)
        except Exception:  # noqa: BLE001 - any tool failure is an empty page, by design
            return Extraction()

    return run


def quiet_tool_logs() -> None:
    """Peer tools log every page they find hard; the benchmark only wants the scores."""
    for name in (
        "trafilatura",
        "htmldate",
        "readability",
        "newspaper",
        "goose3",
        "charset_normalizer",
    ):
        logging.getLogger(name).setLevel(logging.CRITICAL)
