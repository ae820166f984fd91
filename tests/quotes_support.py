"""Helpers for the quote tests: run the quote stage on paragraphs written in the test."""

from __future__ import annotations

from typing import Any

from tidings.model import Actor, ActorMention, Article, Quote
from tidings.quotes import extract_quotes


def article_of(*paragraphs: str) -> Article:
    return Article.from_paragraphs("test", list(paragraphs), title=None)


def quotes_of(
    nlp: Any, *paragraphs: str, mentions: list[ActorMention] | None = None
) -> list[Quote]:
    """The quotes of an article made of these paragraphs; offsets are checked on the way."""
    article = article_of(*paragraphs)
    quotes = extract_quotes(nlp(article.body), article, mentions or [])
    for q in quotes:
        assert article.body[q.start : q.end] == q.text
    return quotes


def mention(body: str, text: str, actor: Actor, nth: int = 0, how: str = "name") -> ActorMention:
    """A hand-made mention of ``text`` (its ``nth`` occurrence) in ``body``."""
    start = -1
    for _ in range(nth + 1):
        start = body.index(text, start + 1)
    return ActorMention(text=text, start=start, end=start + len(text), actor=actor, how=how)


def speaker_names(quotes: list[Quote]) -> list[str | None]:
    return [q.speaker.name if q.speaker else None for q in quotes]
