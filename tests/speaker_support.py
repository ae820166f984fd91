"""Run the actors and quotes stages over one short article, as the speaker-code tests do."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tidings.actors import resolve_actors
from tidings.model import ActorMention, Article, Quote
from tidings.quotes import extract_quotes


def actors_and_quotes(
    nlp: Any, text: str, publisher: str | None = "USA TODAY", day: dt.date | None = None
) -> tuple[list[ActorMention], list[Quote]]:
    """The mentions and quotes of ``text`` published by ``publisher`` on ``day``."""
    article = Article(doc_id="t", title=None, body=text, publisher=publisher, published=day)
    doc = nlp(text)
    found = resolve_actors(doc, article)
    return found, extract_quotes(doc, article, found)


def speaker_of(quotes: list[Quote], start: str) -> tuple[str, str]:
    """The code and name of the speaker of the quote that begins with ``start``."""
    quote = next(q for q in quotes if q.text.startswith(start))
    assert quote.speaker is not None
    return quote.speaker.code, quote.speaker.name
