"""Actors: mentions of political actors resolved to CAMEO-style codes."""

from __future__ import annotations

from spacy.tokens import Doc

from tidings.model import ActorMention, Article


def resolve_actors(doc: Doc, article: Article) -> list[ActorMention]:
    """Every mention of a political actor in the body, in text order."""
    return []


__all__ = ["resolve_actors"]
