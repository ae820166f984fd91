"""Plain text and crawler dumps → Article (title, credit, body without furniture)."""

from __future__ import annotations

from tidings.extract.furniture import split_article
from tidings.extract.prompts import drop_prompts
from tidings.model import Article, Document


def extract_text_article(doc: Document) -> Article:
    """The line filter judges each line by its words and its page; the prompt rules the
    HTML path applies inside the article container then catch the labels, boxes and
    closing blurbs a dump keeps in the same place (they name kinds of furniture the
    filter's weights cannot learn from a few examples)."""
    from tidings.extract import parse_date

    hints = doc.hints
    parts = split_article(doc.content, title_hint=hints.get("title"), url=hints.get("url"))
    byline = hints.get("author") or parts.byline
    paragraphs, prompts = drop_prompts(parts.paragraphs, byline)
    return Article.from_paragraphs(
        doc.content_hash,
        paragraphs,
        # a headline's no-break spaces and doubled spaces are layout, not words
        title=hints.get("title") or (" ".join(parts.title.split()) if parts.title else None),
        credit=parts.credit,
        byline=byline,
        publisher=hints.get("publisher"),
        url=hints.get("url"),
        published=parse_date(hints.get("published")),
        furniture=[*parts.furniture, *prompts],
    )
