"""The REST API under ``/api``: read-only, the CLI's filters, paged lists, downloads.

Every list takes ``limit`` and ``offset`` and answers ``{"items": [...], "offset",
"limit", "next"}`` (``next`` is the URL of the following page, or null); with
``format=csv|jsonl|parquet`` it answers the list as a file instead (all matching records
unless ``limit`` is given). Records are the public records of :mod:`tidings.shapes`, as
``--json`` and ``export`` give them, from the same :class:`tidings.api.Tidings` calls;
the API holds no logic of its own. Errors have one shape
(:func:`tidings.web.app.error_body`).
"""

from __future__ import annotations

import enum
import json
import time
from contextlib import AbstractContextManager
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request, Response
from pydantic import BaseModel

from tidings.api import Tidings
from tidings.model import PLOVER_TYPES
from tidings.shapes import instance_record
from tidings.timeline.plover import month_record
from tidings.web import text
from tidings.web.downloads import DOWNLOADS, download
from tidings.web.snapshot import describe_age
from tidings.web.text import Record

router = APIRouter(prefix="/api", tags=["api"])

MAX_LIMIT = 100_000
PAGE = 50
EventType = enum.StrEnum("EventType", {t: t for t in PLOVER_TYPES})  # type: ignore[misc]


class FindingKind(enum.StrEnum):
    contact_gap = "contact_gap"
    first_of_type = "first_of_type"
    cooperation_break = "cooperation_break"


class SearchKind(enum.StrEnum):
    articles = "articles"
    quotes = "quotes"


class ListFormat(enum.StrEnum):
    json = "json"
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"


class Page(BaseModel):
    items: list[dict[str, Any]]
    offset: int
    limit: int | None
    next: str | None


DAY = r"^\d{4}(-\d{2}(-\d{2})?)?$"
Since = Annotated[str | None, Query(pattern=DAY, description="YYYY, YYYY-MM or YYYY-MM-DD.")]
Until = Annotated[str | None, Query(pattern=DAY, description="YYYY, YYYY-MM or YYYY-MM-DD.")]
Actor = Annotated[str | None, Query(min_length=1, max_length=200,
                                    description="Code (RUSGOV, RUS for any) or name.")]  # fmt: skip
Limit = Annotated[int | None, Query(ge=1, le=MAX_LIMIT, description=f"Page size (default {PAGE}; "
                                    "a download holds every match unless limited).")]  # fmt: skip
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
Format = Annotated[ListFormat, Query(description="json (a page), or a download: csv, "
                                     "jsonl, parquet.")]  # fmt: skip


def as_json(content: Any) -> Response:
    """A JSON answer without FastAPI's per-field encoding, which costs more than the query
    on a long article (records are plain JSON types already, dates aside)."""
    body = json.dumps(content, ensure_ascii=False, default=str, separators=(",", ":"))
    return Response(body.encode("utf-8"), media_type="application/json")


def reading(request: Request) -> AbstractContextManager[Tidings]:
    return request.app.state.snapshot.reading()  # type: ignore[no-any-return]


def _limit(limit: int | None, fmt: ListFormat) -> int | None:
    if limit is not None:
        return limit
    return None if fmt.value in DOWNLOADS else PAGE


def _more(limit: int | None) -> int | None:
    """How many records to ask the API for: one past the page, to know whether more
    follow."""
    return None if limit is None else limit + 1


def _answer(request: Request, found: list[Record], offset: int, limit: int | None,
            fmt: ListFormat, name: str) -> Any:  # fmt: skip
    """A page of ``found`` (asked for with :func:`_more`), or the download of it."""
    more = limit is not None and len(found) > limit
    items = found[:limit] if limit is not None else found
    if fmt.value in DOWNLOADS:
        return download(items, fmt.value, name)
    following = None
    if more and limit is not None:
        following = str(request.url.include_query_params(offset=offset + limit, limit=limit))
    return as_json({"items": items, "offset": offset, "limit": limit, "next": following})


LIST = {
    "response_model": Page,
    "responses": {
        200: {
            "content": {
                "text/csv": {},
                "application/x-ndjson": {},
                "application/vnd.apache.parquet": {},
            }
        }
    },
}


@router.get("/status")
def status(request: Request) -> dict[str, Any]:
    """The store being served: record counts and when its copy was taken."""
    snap = request.app.state.snapshot
    with reading(request) as api:
        counts = api.counts()
    return {"ok": True, "store": snap.source.name, "copy_taken": describe_age(snap.taken_at),
            "copy_age_seconds": round(time.time() - snap.taken_at, 1) if snap.taken_at else None,
            "copy": snap.generation, "last_error": snap.last_error, "counts": counts}  # fmt: skip


def check_actors(api: Tidings, *terms: tuple[str, str | None]) -> None:
    """Each actor term given must match a stored actor: a 422 naming the nearest ones
    otherwise, as the CLI says it (an empty list would not say why)."""
    for label, term in terms:
        if term:
            api.check_actor(term, option=label)


@router.get("/articles", **LIST)  # type: ignore[arg-type]
def articles(
    request: Request, publisher: Annotated[str | None, Query(max_length=200)] = None,
    since: Since = None, until: Until = None, limit: Limit = None, offset: Offset = 0,
    format: Format = ListFormat.json,
) -> Any:  # fmt: skip
    """Articles by publication date (``publisher``: case-insensitive part of the name),
    as ``tidings export --table articles`` writes them."""
    n = _limit(limit, format)
    with reading(request) as api:
        found = api.articles(publisher=publisher, since=since, until=until, limit=_more(n),
                             offset=offset).to_dicts()  # fmt: skip
    return _answer(request, found, offset, n, format, "articles")


DocId = Annotated[
    str,
    Path(pattern=r"^[0-9a-fA-F]{6,64}$", description="Article id (sha256) or a unique prefix."),
]


@router.get("/articles/{doc_id}", response_model=dict[str, Any])
def article(request: Request, doc_id: DocId) -> Response:
    """One article as ``tidings show --json`` prints it: ``article`` (metadata, clean body,
    paragraph offsets, dropped furniture), its ``quotes``, ``events`` (with sentence
    offsets) and ``findings``, its actor ``mentions`` and ``dates``."""
    with reading(request) as api:
        return as_json(api.article_record(doc_id))


@router.get("/quotes", **LIST)  # type: ignore[arg-type]
def quotes(
    request: Request, speaker: Actor = None, since: Since = None, until: Until = None,
    limit: Limit = None, offset: Offset = 0, format: Format = ListFormat.json,
) -> Any:  # fmt: skip
    """Quotes by article publication date; ``speaker`` a code or a name."""
    n = _limit(limit, format)
    with reading(request) as api:
        check_actors(api, ("speaker", speaker))
        found = api.quotes(speaker=speaker, since=since, until=until, limit=_more(n),
                           offset=offset).to_dicts()  # fmt: skip
    return _answer(request, found, offset, n, format, "quotes")


@router.get("/events", **LIST)  # type: ignore[arg-type]
def events(
    request: Request, actor: Actor = None, recipient: Actor = None,
    type: Annotated[EventType | None, Query(description="PLOVER event type.")] = None,
    mode: Annotated[str | None, Query(min_length=1, max_length=40)] = None,
    since: Since = None, until: Until = None, limit: Limit = None, offset: Offset = 0,
    format: Format = ListFormat.json,
) -> Any:  # fmt: skip
    """Coded events (every report) by date, as ``tidings events --json`` prints them;
    filters as in ``tidings events``: ``actor`` and ``recipient`` (code, country or
    name), ``type``, ``mode``, ``since``/``until`` (the event's dated days overlap the
    range)."""
    n = _limit(limit, format)
    with reading(request) as api:
        check_actors(api, ("actor", actor), ("recipient", recipient))
        found = api.events(
            actor=actor, recipient=recipient, event_type=type.value if type else None,
            mode=mode, since=since, until=until, limit=_more(n), offset=offset,
        ).to_dicts()  # fmt: skip
    return _answer(request, found, offset, n, format, "events")


@router.get("/actors", **LIST)  # type: ignore[arg-type]
def actors(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=200, description="Name words or a code.")],
    limit: Limit = None, offset: Offset = 0, format: Format = ListFormat.json,
) -> Any:  # fmt: skip
    """Actors by name (every word given is a word of the name) or code (``RUS`` for any
    Russian code), most written-about first, each with the codes it was given."""
    n = _limit(limit, format)
    with reading(request) as api:
        found = list(api.actors(q, limit=_more(n), offset=offset))
    return _answer(request, found, offset, n, format, "actors")


@router.get("/actors/{name}", response_model=dict[str, Any])
def actor(
    request: Request, name: Annotated[str, Path(min_length=1, max_length=200)],
    quotes: Annotated[int, Query(ge=0, le=1000)] = 50,
) -> Response:  # fmt: skip
    """One actor by name: its codes over time (offices), the actors it has events with
    (dyads), and its quotes (the first ``quotes``)."""
    with reading(request) as api:
        found = api.actor(name, quotes=quotes)
    if found is None:
        raise HTTPException(404, f"no actor named {name!r}")
    return as_json(found)


@router.get("/timeline", response_model=dict[str, Any])
def timeline(
    request: Request,
    a: Annotated[str, Query(min_length=1, max_length=200, description="An actor: name, "
                            "country or code.")],
    b: Annotated[str, Query(min_length=1, max_length=200, description="The other actor.")],
    directed: bool = False, format: Format = ListFormat.json,
) -> Any:  # fmt: skip
    """A dyad: its event instances (each with its reports: article and sentence), monthly
    counts by quad class with the cooperation–conflict score, and its findings. As a
    download: the instances, then the months, as ``tidings timeline --json`` prints."""
    with reading(request) as api:
        check_actors(api, ("a", a), ("b", b))
        if format.value in DOWNLOADS:
            return download(list(api.timeline_records(a, b, directed=directed)),
                            format.value, "timeline")  # fmt: skip
        line = api.timeline(a, b, directed=directed)
        instances = [instance_record(i) for i in line.instances]
        findings = api.instance_findings(i.id for i in line.instances)
    return as_json({"a": a, "b": b, "directed": directed, "instances": instances,
                    "months": [month_record(m) for m in line.months],
                    "findings": findings})  # fmt: skip


@router.get("/findings", **LIST)  # type: ignore[arg-type]
def findings(
    request: Request, kind: FindingKind | None = None, actor: Actor = None,
    since: Since = None, limit: Limit = None, offset: Offset = 0,
    format: Format = ListFormat.json,
) -> Any:  # fmt: skip
    """Findings computed from event instances ("first contact since …"), newest first,
    as ``tidings findings --json`` prints them."""
    n = _limit(limit, format)
    with reading(request) as api:
        check_actors(api, ("actor", actor))
        found = api.findings(kind=kind.value if kind else None, actor=actor, since=since,
                             limit=_more(n), offset=offset, newest_first=True)  # fmt: skip
    return _answer(request, list(found), offset, n, format, "findings")


@router.get("/duplicates", **LIST)  # type: ignore[arg-type]
def duplicates(
    request: Request, limit: Limit = None, offset: Offset = 0, format: Format = ListFormat.json
) -> Any:
    """Articles linked as exact or near copies of an earlier stored article."""
    n = _limit(limit, format)
    with reading(request) as api:
        found = api.duplicates().to_dicts()
    end = None if n is None else offset + n + 1
    return _answer(request, found[offset:end], offset, n, format, "duplicates")


@router.get("/search", **LIST)  # type: ignore[arg-type]
def search_texts(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=500, description='Words; "a phrase".')],
    kind: SearchKind = SearchKind.articles, limit: Limit = None, offset: Offset = 0,
    format: Format = ListFormat.json,
) -> Any:  # fmt: skip
    """Full-text search over articles (title and body) or quotes, best BM25 score first;
    every word must occur, a "quoted phrase" in that order (no stemming). Each hit is the
    article's or quote's record with its ``score`` and a ``snippet`` around the words."""
    n = _limit(limit, format)
    with reading(request) as api:
        hits = list(api.search(q, kind.value, limit=_more(n), offset=offset))
        words = api.search_terms(q).words
    for hit in hits:
        pieces = text.snippet(text.searched_text(kind.value, hit), words)
        hit["snippet"] = "".join(piece for piece, _ in pieces)
    return _answer(request, hits, offset, n, format, "search")
