"""Helpers for the dates tests: run the stage on one sentence and pick a mention."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tidings.dates import resolve_dates
from tidings.model import Article, DateMention


def mentions(nlp: Any, text: str, published: dt.date | None) -> list[DateMention]:
    article = Article(doc_id="test", title=None, body=text, published=published)
    return resolve_dates(nlp(text), article)


def mention_at(nlp: Any, text: str, expr: str, published: dt.date | None) -> DateMention:
    """The single mention overlapping the first occurrence of ``expr`` in ``text``."""
    start = text.index(expr)
    end = start + len(expr)
    hits = [m for m in mentions(nlp, text, published) if m.start < end and start < m.end]
    assert len(hits) == 1, f"{expr!r} in {text!r}: {hits}"
    return hits[0]


def overlapping(nlp: Any, text: str, expr: str, published: dt.date | None) -> list[DateMention]:
    start = text.index(expr)
    end = start + len(expr)
    return [m for m in mentions(nlp, text, published) if m.start < end and start < m.end]
