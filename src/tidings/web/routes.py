"""The REST API under ``/api``: read-only, the CLI's filters, paged lists, downloads.

Every list takes ``limit`` and ``offset`` and answers ``{"items": [...], "offset",
"limit", "next"}`` (``next`` is the URL of the following page, or null); with
``format=csv|jsonl|parquet`` it answers the list as a file instead (all matching records
unless ``limit`` is given). Records have the CLI's ``--json`` field names (see
:mod:`tidings.web.shapes`). Errors have one shape (:func:`tidings.web.app.error_body`).
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
from tidings.web import queries, search, shapes
from tidings.web.downloads import DOWNLOADS, download
from tidings.web.shapes import Record
from tidings.web.snapshot import describe_age

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


def _answer(request: Request, items: list[Record], more: bool, offset: int,
            limit: int | None, fmt: ListFormat, name: str) -> Any:  # fmt: skip
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


@router.get("/articles", **LIST)  # type: ignore[arg-type]
def articles(
    request: Request, publisher: Annotated[str | None, Query(max_length=200)] = None,
    since: Since = None, until: Until = None, limit: Limit = None, offset: Offset = 0,
    format: Format = ListFormat.json,
) -> Any:  # fmt: skip
    """Articles by publication date (``publisher``: case-insensitive part of the name)."""
    n = _limit(limit, format)
    with reading(request) as api:
        items, more = queries.articles_page(api, offset, n, publisher=publisher, since=since,
                                            until=until)  # fmt: skip
    return _answer(request, items, more, offset, n, format, "articles")


DocId = Annotated[
    str,
    Path(pattern=r"^[0-9a-fA-F]{6,64}$", description="Article id (sha256) or a unique prefix."),
]


@router.get("/articles/{doc_id}", response_model=dict[str, Any])
def article(request: Request, doc_id: DocId) -> Response:
    """One article: metadata, clean body with paragraph offsets, dropped furniture, and its
    quotes, dates, events (with sentence offsets), actor mentions and findings."""
    with reading(request) as api:
        analysis = api.article(doc_id)
        findings = queries.article_findings(api, analysis.article.doc_id)
    return as_json(shapes.article(analysis, findings))


@router.get("/quotes", **LIST)  # type: ignore[arg-type]
def quotes(
    request: Request, speaker: Actor = None, since: Since = None, until: Until = None,
    limit: Limit = None, offset: Offset = 0, format: Format = ListFormat.json,
) -> Any:  # fmt: skip
    """Quotes by article publication date; ``speaker`` a code or a name."""
    n = _limit(limit, format)
    with reading(request) as api:
        items, more = queries.quotes_page(api, offset, n, speaker=speaker, since=since,
                                          until=until)  # fmt: skip
    return _answer(request, items, more, offset, n, format, "quotes")


@router.get("/events", **LIST)  # type: ignore[arg-type]
def events(
    request: Request, actor: Actor = None, recipient: Actor = None,
    type: Annotated[EventType | None, Query(description="PLOVER event type.")] = None,
    mode: Annotated[str | None, Query(min_length=1, max_length=40)] = None,
    since: Since = None, until: Until = None, limit: Limit = None, offset: Offset = 0,
    format: Format = ListFormat.json,
) -> Any:  # fmt: skip
    """Coded events (every report) by date, with PLOVER field names; filters as in
    ``tidings events``: ``actor`` and ``recipient`` (code, country or name), ``type``,
    ``mode``, ``since``/``until`` (the event's dated days overlap the range)."""
    n = _limit(limit, format)
    with reading(request) as api:
        items, more = queries.events_page(
            api, offset, n, mode=mode, actor=actor, recipient=recipient,
            event_type=type.value if type else None, since=since, until=until,
        )  # fmt: skip
    return _answer(request, items, more, offset, n, format, "events")


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
        found = queries.search_actors(api, q, (n or MAX_LIMIT) + 1, offset)
    more = n is not None and len(found) > n
    return _answer(request, found[:n], more, offset, n, format, "actors")


@router.get("/actors/{name}", response_model=dict[str, Any])
def actor(
    request: Request, name: Annotated[str, Path(min_length=1, max_length=200)],
    quotes: Annotated[int, Query(ge=0, le=1000)] = 50,
) -> Response:  # fmt: skip
    """One actor by name: its codes over time (offices), the actors it has events with,
    and its quotes (the first ``quotes``)."""
    with reading(request) as api:
        offices = queries.actor_offices(api, name)
        if not offices:
            raise HTTPException(404, f"no actor named {name!r}")
        canonical = offices[0]["name"]
        dyads = queries.actor_dyads(api, canonical)
        said = [shapes.quote(q) for q in api.quotes(speaker=canonical, limit=quotes or None)]
    return as_json({"name": canonical, "offices": offices, "dyads": dyads,
                    "quotes": said[:quotes]})  # fmt: skip


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
        line = api.timeline(a, b, directed=directed)
        instances = [shapes.instance(i) for i in line.instances]
        months = [shapes.month(m) for m in line.months]
        findings = queries.timeline_findings(api, {i["id"] for i in instances})
    if format.value in DOWNLOADS:
        return download(instances + months, format.value, "timeline")
    return as_json({"a": a, "b": b, "directed": directed, "instances": instances,
                    "months": months, "findings": findings})  # fmt: skip


@router.get("/findings", **LIST)  # type: ignore[arg-type]
def findings(
    request: Request, kind: FindingKind | None = None, actor: Actor = None,
    since: Since = None, limit: Limit = None, offset: Offset = 0,
    format: Format = ListFormat.json,
) -> Any:  # fmt: skip
    """Findings computed from event instances ("first contact since …"), newest first."""
    n = _limit(limit, format)
    with reading(request) as api:
        items, more = queries.findings_page(api, offset, n, kind=kind.value if kind else None,
                                            actor=actor, since=since)  # fmt: skip
    return _answer(request, items, more, offset, n, format, "findings")


@router.get("/duplicates", **LIST)  # type: ignore[arg-type]
def duplicates(
    request: Request, limit: Limit = None, offset: Offset = 0, format: Format = ListFormat.json
) -> Any:
    """Articles linked as exact or near copies of an earlier stored article."""
    n = _limit(limit, format)
    with reading(request) as api:
        found = [shapes.duplicate(d) for d in api.duplicates()]
    end = None if n is None else offset + n
    return _answer(request, found[offset:end], end is not None and len(found) > end, offset,
                   n, format, "duplicates")  # fmt: skip


@router.get("/search", **LIST)  # type: ignore[arg-type]
def search_texts(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=500, description='Words; "a phrase".')],
    kind: SearchKind = SearchKind.articles, limit: Limit = None, offset: Offset = 0,
    format: Format = ListFormat.json,
) -> Any:  # fmt: skip
    """Full-text search over articles (title and body) or quotes, best BM25 score first;
    every word must occur, a "quoted phrase" in that order (no stemming)."""
    n = _limit(limit, format)
    with reading(request) as api:
        hits, query = search.search(api, q, kind.value, (n or MAX_LIMIT) + 1, offset)
        items = [_hit(h, query) for h in hits[:n]]
    return _answer(request, items, n is not None and len(hits) > n, offset, n, format, "search")


def _hit(hit: Record, query: search.Query) -> Record:
    record = {k: v for k, v in hit.items() if k != "text"}
    record["snippet"] = "".join(piece for piece, _ in search.snippet(hit["text"], query))
    return record
