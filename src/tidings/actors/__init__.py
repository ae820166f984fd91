"""Actors: mentions of political actors resolved to CAMEO-style codes.

``resolve_actors(doc, article, dictionary)`` finds them (see :mod:`tidings.actors.resolve`
for the conventions), ``load_dictionary(path)`` reads a TABARI/PETRARCH actor dictionary
whose entries outrank the built-in gazetteer, and ``actor_at(mentions, start, end)`` tells
later stages (quotes, events) which actor covers a stretch of the body.
"""

from __future__ import annotations

from tidings.actors.dictionary import ActorDictionary, load_dictionary, parse_dictionary
from tidings.actors.lookup import actor_at, mentions_in
from tidings.actors.resolve import resolve_actors

__all__ = ["ActorDictionary", "actor_at", "load_dictionary", "mentions_in", "parse_dictionary",
           "resolve_actors"]  # fmt: skip
