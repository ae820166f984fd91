"""Reads the web needs that :class:`tidings.api.Tidings` does not offer yet.

Each is a thin, read-only query or a small combination of API calls, kept here so it can
move into the library API as a method:

* :func:`events_page`, :func:`quotes_page`, :func:`articles_page`, :func:`findings_page`:
  the API's lists with an ``offset`` (the API has ``limit`` only) and, for events, a
  ``mode`` filter (the API has none);
* :func:`article_findings`: the findings an article supports (read once per copy);
* :func:`search_actors`, :func:`actor_offices`: actors by name or code, with the codes
  (offices) each name was coded with and the publication dates they were seen between,
  from ``web_actors``, a table the server builds in its private copy of the store;
* :func:`actor_dyads`: the actors an actor has events with;
* :func:`timeline_findings`: the findings about one dyad's instances.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from weakref import WeakKeyDictionary

import pyarrow as pa

from tidings.actors.fold import is_code, name_key
from tidings.api import Tidings
from tidings.errors import InputError
from tidings.store.filters import parse_day_bound
from tidings.web import shapes
from tidings.web.shapes import Record


def build_actor_table(api: Tidings) -> None:
    """``web_actors``: one row per (name, code) mentioned, with the folded name, role,
    kind, counts and the first and last publication date it was seen on."""
    con = api.store.con
    names = [r[0] for r in con.execute("SELECT DISTINCT name FROM mentions").fetchall()]
    keys = pa.table({"name": names, "key": [name_key(n or "") for n in names]})
    con.register("_web_name_keys", keys)
    try:
        con.execute(
            """
            CREATE OR REPLACE TABLE web_actors AS
            SELECT m.name, m.code, k.key, any_value(m.role) AS role,
                   any_value(m.country) AS country, any_value(m.sector) AS sector,
                   any_value(m.kind) AS kind, count(*)::INTEGER AS mentions,
                   count(DISTINCT m.doc_id)::INTEGER AS articles,
                   min(a.published) AS first_seen, max(a.published) AS last_seen
            FROM mentions m JOIN articles a USING (doc_id)
            JOIN _web_name_keys k ON k.name = m.name
            GROUP BY m.name, m.code, k.key
            """
        )
    finally:
        con.unregister("_web_name_keys")


def _actor_filter(q: str) -> tuple[str, list[Any]]:
    term = q.strip()
    if is_code(term):
        if len(term) == 3:
            return "starts_with(code, ?)", [term]
        return "code = ?", [term]
    words = name_key(term).split()
    if not words:
        raise InputError("empty actor name", source=q)
    return "list_has_all(string_split(key, ' '), ?::VARCHAR[])", [words]


def search_actors(api: Tidings, q: str, limit: int, offset: int) -> list[Record]:
    """Actors whose name has every word of ``q`` (or whose code is ``q``, or starts with a
    three-letter ``q``), most written-about first; one row per name, its codes listed."""
    clause, params = _actor_filter(q)
    rows = api.store.con.execute(
        f"""
        SELECT name, list(code ORDER BY first_seen NULLS LAST, code) AS codes,
               list(DISTINCT role) FILTER (WHERE role IS NOT NULL) AS roles,
               any_value(kind) AS kind, sum(mentions)::INTEGER AS mentions,
               max(articles) AS articles, min(first_seen) AS first_seen,
               max(last_seen) AS last_seen
        FROM web_actors WHERE {clause}
        GROUP BY name ORDER BY articles DESC, mentions DESC, name LIMIT ? OFFSET ?
        """,
        [*params, limit, offset],
    ).fetchall()
    return [
        {"name": n, "codes": codes, "roles": sorted(roles or []), "kind": kind,
         "mentions": mentions, "articles": articles, "first_seen": _iso(first),
         "last_seen": _iso(last)}
        for n, codes, roles, kind, mentions, articles, first, last in rows
    ]  # fmt: skip


def actor_offices(api: Tidings, name: str) -> list[Record]:
    """The codes an actor of exactly this (folded) name was coded with, by the
    publication dates of the articles that mention it: its offices over time."""
    rows = api.store.con.execute(
        """
        SELECT name, code, role, country, sector, kind, mentions, articles, first_seen,
               last_seen
        FROM web_actors WHERE key = ? ORDER BY first_seen NULLS LAST, code
        """,
        [name_key(name)],
    ).fetchall()
    return [
        {"name": n, "code": code, "role": role, "country": country, "sector": sector,
         "kind": kind, "mentions": mentions, "articles": articles,
         "first_seen": _iso(first), "last_seen": _iso(last)}
        for n, code, role, country, sector, kind, mentions, articles, first, last in rows
    ]  # fmt: skip


def actor_dyads(api: Tidings, name: str, limit: int = 50) -> list[Record]:
    """The actors ``name`` has coded events with (either direction), most events first."""
    me = name_key(name)
    tally: dict[tuple[str, str], Record] = {}
    for side, other in (("actor", "recipient"), ("recipient", "actor")):
        found = api.events(actor=name) if side == "actor" else api.events(recipient=name)
        for e in found:
            record = shapes.event(e)
            mine = "source" if side == "actor" else "recipient"
            theirs = "recipient" if other == "recipient" else "source"
            partners = list(record[theirs])
            if not partners:  # a symmetric event: the other participants are sources too
                partners = [r for r in record[mine] if name_key(r["name"] or "") != me]
            for ref in partners:
                if name_key(ref["name"] or "") == me:
                    continue
                key = (ref["name"] or ref["code"], ref["code"])
                row = tally.setdefault(key, {"name": key[0], "code": ref["code"], "events": 0,
                                             "last_date": None})  # fmt: skip
                row["events"] += 1
                if record["date"] and (
                    row["last_date"] is None or record["date"] > row["last_date"]
                ):
                    row["last_date"] = record["date"]
    ranked = sorted(tally.values(), key=lambda r: (-r["events"], r["name"]))
    return ranked[:limit]


def events_page(
    api: Tidings, offset: int, limit: int | None, mode: str | None = None, **filters: Any
) -> tuple[list[Record], bool]:
    """A page of events (the API's filters, plus ``mode``) and whether more follow."""
    if mode:
        wanted = mode.strip().lower()
        found = (e for e in api.events(**filters) if (e.mode or "").lower() == wanted)
        return _page((shapes.event(e) for e in found), offset, limit)
    upto = None if limit is None else offset + limit + 1
    return _page((shapes.event(e) for e in api.events(limit=upto, **filters)), offset, limit)


def quotes_page(
    api: Tidings, offset: int, limit: int | None, **filters: Any
) -> tuple[list[Record], bool]:
    upto = None if limit is None else offset + limit + 1
    return _page((shapes.quote(q) for q in api.quotes(limit=upto, **filters)), offset, limit)


def articles_page(
    api: Tidings, offset: int, limit: int | None, **filters: Any
) -> tuple[list[Record], bool]:
    upto = None if limit is None else offset + limit + 1
    found = api.articles(limit=upto, **filters)
    return _page((shapes.article_summary(a) for a in found), offset, limit)


def findings_page(
    api: Tidings, offset: int, limit: int | None, newest_first: bool = True, **filters: Any
) -> tuple[list[Record], bool]:
    """Findings, newest first by default (the API lists them oldest first).

    ``since`` is read here as the other filters read it (a year, month or day): the API
    passes a findings ``since`` to SQL as given, so ``2024`` would fail there."""
    if filters.get("since"):
        filters["since"] = parse_day_bound(filters["since"], end=False)
    found = [shapes.finding(f) for f in api.findings(**filters)]
    if newest_first:
        found.reverse()
    return _page(found, offset, limit)


@dataclass(slots=True)
class FindingIndex:
    by_doc: dict[str, list[Record]] = field(default_factory=dict)
    by_instance: dict[str, list[Record]] = field(default_factory=dict)


# Per connection to a copy of the store (a copy never changes): the findings by article and
# by instance, read once instead of at every article or timeline request.
_FINDINGS: WeakKeyDictionary[Tidings, FindingIndex] = WeakKeyDictionary()


def _findings_index(api: Tidings) -> FindingIndex:
    index = _FINDINGS.get(api)
    if index is None:
        index = FindingIndex()
        for f in api.findings():
            record = shapes.finding(f)
            index.by_instance.setdefault(record["instance_id"], []).append(record)
            for doc_id in record["doc_ids"]:
                index.by_doc.setdefault(doc_id, []).append(record)
        _FINDINGS[api] = index
    return index


def article_findings(api: Tidings, doc_id: str) -> list[Record]:
    """The findings an article supports, in date order."""
    return list(_findings_index(api).by_doc.get(doc_id, []))


def timeline_findings(api: Tidings, instance_ids: set[str]) -> list[Record]:
    """Findings about the given instances (those of one dyad), newest first."""
    index = _findings_index(api).by_instance
    found = [f for i in instance_ids for f in index.get(i, [])]
    found.sort(key=lambda f: (f["date"] or "", f["kind"], f["id"]), reverse=True)
    return found


def _page(records: Iterable[Record], offset: int, limit: int | None) -> tuple[list[Record], bool]:
    items: list[Record] = []
    for n, record in enumerate(records):
        if n < offset:
            continue
        if limit is not None and len(items) == limit:
            return items, True
        items.append(record)
    return items, False


def _iso(day: Any) -> str | None:
    return day.isoformat() if day is not None else None
