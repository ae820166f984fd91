"""Extract: a Document becomes an Article (furniture removed, metadata filled in)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tidings.errors import InputError
from tidings.model import Article, Document


def parse_date(value: Any) -> dt.date | None:
    """A date from a hint: date objects, or strings starting YYYY-MM-DD."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and len(value) >= 10:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def extract_article(doc: Document) -> Article:
    """The clean article of a document, by its format."""
    if doc.format == "html":
        from tidings.extract.html import extract_html_article

        article = extract_html_article(doc)
    else:
        from tidings.extract.text import extract_text_article

        article = extract_text_article(doc)
    if not article.body.strip():
        raise InputError("no article text found", source=doc.source)
    return article


__all__ = ["extract_article", "parse_date"]
