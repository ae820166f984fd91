"""The store side of actors: who is named, with which codes, when, and with whom.

Three reads over the stored mentions and events, each answering plain dicts:

* :func:`find_actors`: actors by name words or code, most written-about first, one row per
  name with the codes it was given;
* :func:`offices`: the codes one name was coded with, by the publication dates of the
  articles naming it with each (a minister become president shows both codes, in order);
* :func:`partners`: the actors one actor has coded events with, in either direction.

Names match as every actor filter matches them (:mod:`tidings.store.filters`): every word
of the term is a word of the folded name. Mentions store names unfolded, so the folded
form of each distinct name is computed here (tidings' one folding lives in Python) and
kept per store while the mentions are unchanged.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from weakref import WeakKeyDictionary

from tidings.actors.fold import is_code, name_key
from tidings.errors import InputError
from tidings.shapes import day_bounds
from tidings.store.store import Store

_KEYS: WeakKeyDictionary[Store, tuple[int, list[tuple[str, str]]]] = WeakKeyDictionary()

# One row per (name, code) among the chosen names: the mentions, the articles and the
# first and last publication dates of those articles.
_PER_CODE = """
    SELECT m.name, m.code, any_value(m.role) AS role, any_value(m.country) AS country,
           any_value(m.sector) AS sector, any_value(m.kind) AS kind,
           count(*)::INTEGER AS mentions, count(DISTINCT m.doc_id)::INTEGER AS articles,
           min(a.published) AS first_seen, max(a.published) AS last_seen
    FROM mentions m JOIN articles a USING (doc_id)
    WHERE {where}
    GROUP BY m.name, m.code
"""


def _keyed_names(store: Store) -> list[tuple[str, str]]:
    """Every distinct mentioned name with its folded form (cached while the count of
    mentions is unchanged: mentions are only ever added, with their article)."""
    row = store.con.execute("SELECT count(*) FROM mentions").fetchone()
    count = int(row[0]) if row else 0
    cached = _KEYS.get(store)
    if cached is not None and cached[0] == count:
        return cached[1]
    names = [r[0] for r in store.con.execute("SELECT DISTINCT name FROM mentions").fetchall()]
    keyed = [(n, name_key(n)) for n in names if n]
    _KEYS[store] = (count, keyed)
    return keyed


def _names_with_words(store: Store, term: str) -> list[str]:
    words = name_key(term).split()
    if not words:
        raise InputError("empty actor name", source=term)
    return [name for name, key in _keyed_names(store) if set(words) <= set(key.split())]


def _term_where(store: Store, term: str) -> tuple[str, list[Any]]:
    """The mentions an actor term matches: a code (three letters: a country), or names."""
    term = term.strip()
    if is_code(term):
        return ("starts_with(m.code, ?)" if len(term) == 3 else "m.code = ?"), [term]
    return "list_contains(?::VARCHAR[], m.name)", [_names_with_words(store, term)]


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def find_actors(store: Store, term: str, limit: int | None = None,
                offset: int = 0) -> list[dict[str, Any]]:  # fmt: skip
    """Actors whose name has every word of ``term`` (or whose code is ``term``, or starts
    with a three-letter ``term``), most written-about first: ``name``, ``codes`` (in the
    order first seen), ``roles``, ``kind``, ``mentions``, ``articles``, ``first_seen``,
    ``last_seen``."""
    if offset < 0:
        raise InputError(f"offset must be 0 or more, not {offset}")
    where, params = _term_where(store, term)
    page = (f" LIMIT {int(limit)}" if limit is not None else "") + (
        f" OFFSET {int(offset)}" if offset else "")  # fmt: skip
    rows = store.con.execute(
        f"""
        WITH per_code AS ({_PER_CODE.format(where=where)}),
        per_name AS (SELECT m.name, count(DISTINCT m.doc_id)::INTEGER AS articles
                     FROM mentions m WHERE {where} GROUP BY m.name)
        SELECT c.name, list(c.code ORDER BY c.first_seen NULLS LAST, c.code) AS codes,
               list(DISTINCT c.role) FILTER (WHERE c.role IS NOT NULL) AS roles,
               any_value(c.kind) AS kind, sum(c.mentions)::INTEGER AS mentions,
               any_value(n.articles) AS articles, min(c.first_seen) AS first_seen,
               max(c.last_seen) AS last_seen
        FROM per_code c JOIN per_name n USING (name)
        GROUP BY c.name ORDER BY articles DESC, mentions DESC, c.name{page}
        """,
        [*params, *params],
    ).fetchall()
    return [
        {"name": name, "codes": codes, "roles": sorted(roles or []), "kind": kind,
         "mentions": mentions, "articles": articles, "first_seen": _iso(first),
         "last_seen": _iso(last)}
        for name, codes, roles, kind, mentions, articles, first, last in rows
    ]  # fmt: skip


def offices(store: Store, name: str) -> list[dict[str, Any]]:
    """The codes an actor of this name (folded: ``vucic`` finds "Vučić") was coded with,
    first seen first: ``name``, ``code``, ``role``, ``country``, ``sector``, ``kind``,
    ``mentions``, ``articles``, ``first_seen``, ``last_seen``. Empty when no mention has
    that name."""
    key = name_key(name)
    if not key:
        raise InputError("empty actor name", source=name)
    names = [n for n, k in _keyed_names(store) if k == key]
    rows = store.con.execute(
        _PER_CODE.format(where="list_contains(?::VARCHAR[], m.name)")
        + " ORDER BY first_seen NULLS LAST, m.code, m.name",
        [names],
    ).fetchall()
    return [
        {"name": n, "code": code, "role": role, "country": country, "sector": sector,
         "kind": kind, "mentions": mentions, "articles": articles,
         "first_seen": _iso(first), "last_seen": _iso(last)}
        for n, code, role, country, sector, kind, mentions, articles, first, last in rows
    ]  # fmt: skip


def partners(store: Store, name: str, limit: int | None = 50) -> list[dict[str, Any]]:
    """The actors ``name`` has coded events with, either direction, most events first:
    ``name``, ``code``, ``events`` and ``last_date`` (the latest event's date). In a
    symmetric event (a meeting) without a recipient, the other sources are partners."""
    me = name_key(name)
    tally: dict[tuple[str, str], dict[str, Any]] = {}
    latest: dict[int, dt.date] = {}  # the first day of each partner's latest event
    for mine in ("source", "recipient"):
        found = store.events(actor=name) if mine == "source" else store.events(recipient=name)
        for event in found:
            own, other = (event.actor, event.recipient) if mine == "source" else (
                event.recipient, event.actor)  # fmt: skip
            refs = other or [r for r in own if name_key(r.name) != me]
            first, _ = day_bounds(event.date)
            for ref in refs:
                if name_key(ref.name) == me:
                    continue
                label = ref.name or ref.code
                row = tally.setdefault((label, ref.code), {
                    "name": label, "code": ref.code, "events": 0, "last_date": None})  # fmt: skip
                row["events"] += 1
                if first is not None and (latest.get(id(row)) is None or first > latest[id(row)]):
                    latest[id(row)] = first
                    row["last_date"] = event.date.value if event.date else None
    ranked = sorted(tally.values(), key=lambda r: (-r["events"], r["name"], r["code"]))
    return ranked if limit is None else ranked[:limit]
