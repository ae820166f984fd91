"""Actors: mentions of political actors resolved to CAMEO-style codes.

``resolve_actors(doc, article, dictionary)`` finds them (see :mod:`tidings.actors.resolve`
for the conventions), ``load_dictionary(path)`` reads a TABARI/PETRARCH actor dictionary
whose entries outrank the built-in gazetteer, and ``actor_at(mentions, start, end)`` tells
later stages (quotes, events) which actor covers a stretch of the body.

The names are imported on first use: the store and the timeline import
:mod:`tidings.actors.fold` (the one name folding) and must not pay for loading spaCy.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tidings.actors.dictionary import ActorDictionary, load_dictionary, parse_dictionary
    from tidings.actors.lookup import actor_at, mentions_in
    from tidings.actors.resolve import resolve_actors

_WHERE = {"ActorDictionary": "dictionary", "load_dictionary": "dictionary",
          "parse_dictionary": "dictionary", "actor_at": "lookup", "mentions_in": "lookup",
          "resolve_actors": "resolve"}  # fmt: skip

__all__ = ["ActorDictionary", "actor_at", "load_dictionary", "mentions_in", "parse_dictionary",
           "resolve_actors"]  # fmt: skip


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'tidings.actors' has no attribute {name!r}")
    value = getattr(import_module(f"tidings.actors.{module}"), name)
    globals()[name] = value
    return value
