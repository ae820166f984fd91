"""Events: PLOVER event coding from sentence structure, with dates and aux modes."""

from __future__ import annotations

from spacy.tokens import Doc

from tidings.model import ActorMention, Article, DateMention, Event, Quote


def code_events(
    doc: Doc,
    article: Article,
    mentions: list[ActorMention],
    quotes: list[Quote],
    dates: list[DateMention],
) -> list[Event]:
    """Every PLOVER event the body states, in text order."""
    return []


__all__ = ["code_events"]
