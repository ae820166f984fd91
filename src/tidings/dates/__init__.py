"""Dates: date expressions resolved against the publication date."""

from __future__ import annotations

from spacy.tokens import Doc

from tidings.model import Article, DateMention


def resolve_dates(doc: Doc, article: Article) -> list[DateMention]:
    """Every date expression in the body with its resolved value and precision."""
    return []


__all__ = ["resolve_dates"]
