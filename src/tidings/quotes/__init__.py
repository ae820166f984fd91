"""Quotes: direct quotations with their speakers and cues."""

from __future__ import annotations

from spacy.tokens import Doc

from tidings.model import ActorMention, Article, Quote


def extract_quotes(doc: Doc, article: Article, mentions: list[ActorMention]) -> list[Quote]:
    """Every attributed direct quotation in the body, in text order."""
    return []


__all__ = ["extract_quotes"]
