"""Quotes: direct quotations with their speakers and cues."""

from __future__ import annotations

from spacy.tokens import Doc

from tidings.actors.home import article_country, home_country
from tidings.model import ActorMention, Article, Quote
from tidings.quotes.attribute import attribute_quotes
from tidings.quotes.marks import DOUBLE_MARKS, SINGLE_MARKS
from tidings.quotes.standing import dated_speakers


def extract_quotes(doc: Doc, article: Article, mentions: list[ActorMention]) -> list[Quote]:
    """Every attributed direct quotation in the body, in text order; a speaker whose words
    the article dates in the past is coded by the office held then (:mod:`.standing`)."""
    body = article.body
    if not DOUBLE_MARKS.search(body) and not SINGLE_MARKS.search(body):
        return []  # the common cheap exit: nothing quoted, the parse is never touched
    quotes = attribute_quotes(doc, body, mentions, article_country(article, mentions),
                              home_country(article))  # fmt: skip
    return dated_speakers(doc, article, quotes)


__all__ = ["extract_quotes"]
