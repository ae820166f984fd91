"""Helpers for the actor tests: resolve a sentence's actors on its own, with offsets
checked, and read the codes back by surface form."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tidings.actors import resolve_actors
from tidings.model import ActorMention, Article


def mentions(nlp: Any, text: str, day: dt.date = dt.date(2021, 3, 4)) -> list[ActorMention]:
    article = Article(doc_id="t", title=None, body=text, published=day)
    found = resolve_actors(nlp(text), article)
    for m in found:
        assert text[m.start : m.end] == m.text
    return found


def codes(found: list[ActorMention]) -> dict[str, str]:
    return {m.text: m.actor.code for m in found}
