"""Records as the store returns them: the model's records plus where they were stored.

``StoredEvent``, ``StoredQuote`` and ``StoredArticle`` are subclasses of the model's
records, so every function that takes model records takes them; events and quotes add the
article they come from (``doc_id``, ``ordinal`` within it, and the article's ``published``
date and ``publisher``, which timelines need to weigh reports), articles their document's
``source``, ``format`` and ``ingested_at``. Their public shapes are :mod:`tidings.shapes`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tidings.model import Article, Event, Quote


@dataclass(slots=True)
class StoredEvent(Event):
    doc_id: str = ""
    ordinal: int = 0
    published: dt.date | None = None
    publisher: str | None = None


@dataclass(slots=True)
class StoredArticle(Article):
    """An article with the document it was read from."""

    source: str | None = None
    format: str | None = None
    ingested_at: dt.datetime | None = None


@dataclass(slots=True)
class StoredQuote(Quote):
    doc_id: str = ""
    ordinal: int = 0
    published: dt.date | None = None
    publisher: str | None = None
