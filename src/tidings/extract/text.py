"""Plain text and crawler dumps → Article (title, credit, body without furniture)."""

from __future__ import annotations

from tidings.extract.furniture import split_article
from tidings.model import Article, Document


def extract_text_article(doc: Document) -> Article:
    from tidings.extract import parse_date

    hints = doc.hints
    parts = split_article(doc.content, title_hint=hints.get("title"))
    return Article.from_paragraphs(
        doc.content_hash,
        parts.paragraphs,
        title=hints.get("title") or parts.title,
        credit=parts.credit,
        byline=hints.get("author") or parts.byline,
        publisher=hints.get("publisher"),
        url=hints.get("url"),
        published=parse_date(hints.get("published")),
        furniture=parts.furniture,
    )
