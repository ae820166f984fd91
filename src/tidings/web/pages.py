"""The browser pages: server-rendered HTML over the same reads as the REST API.

Pages take the records from :mod:`shapes` and :mod:`queries`, as the API does; the
templates only lay them out. No page needs JavaScript: highlights open on hover or focus
(CSS), furniture sits in a closed ``<details>``, the chart is SVG with links.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse

from tidings.model import PLOVER_TYPES
from tidings.plover import QUAD_CLASSES
from tidings.web import chart, queries, search, shapes, text
from tidings.web.routes import FindingKind, SearchKind, reading
from tidings.web.snapshot import describe_age

router = APIRouter(include_in_schema=False)
PAGE = 50
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
Term = Annotated[str | None, Query(max_length=200)]


def render(request: Request, template: str, **context: Any) -> HTMLResponse:
    env = request.app.state.templates
    snap = request.app.state.snapshot
    html = env.get_template(template).render(
        request=request, store=snap.source.name, copy_taken=describe_age(snap.taken_at),
        quad_classes=QUAD_CLASSES, refs=shapes.refs_text, **context,
    )  # fmt: skip
    return HTMLResponse(html)


def _pager(request: Request, offset: int, more: bool, size: int = PAGE) -> dict[str, str | None]:
    url = request.url
    return {
        "prev": str(url.include_query_params(offset=max(0, offset - size))) if offset else None,
        "next": str(url.include_query_params(offset=offset + size)) if more else None,
    }


@router.get("/", response_class=HTMLResponse)
def index(request: Request) -> HTMLResponse:
    with reading(request) as api:
        counts = api.counts()
        # The API lists articles oldest first (undated last): the latest are the tail.
        total = counts.get("articles", 0)
        latest, _ = queries.articles_page(api, max(0, total - 25), 25)
        newest, _ = queries.findings_page(api, 0, 8)
    latest.sort(key=lambda a: a["published"] or "", reverse=True)
    return render(request, "index.html", counts=counts, articles=latest,
                  more_articles=total > 25, findings=newest)  # fmt: skip


@router.get("/articles", response_class=HTMLResponse)
def articles(
    request: Request, publisher: Term = None,
    since: Term = None, until: Term = None, offset: Offset = 0,
) -> HTMLResponse:  # fmt: skip
    with reading(request) as api:
        items, more = queries.articles_page(api, offset, PAGE, publisher=publisher or None,
                                            since=since or None, until=until or None)  # fmt: skip
    return render(request, "articles.html", articles=items, publisher=publisher or "",
                  since=since or "", until=until or "", offset=offset,
                  pager=_pager(request, offset, more))  # fmt: skip


@router.get("/articles/{doc_id}", response_class=HTMLResponse)
def article(
    request: Request, doc_id: Annotated[str, Path(pattern=r"^[0-9a-fA-F]{6,64}$")]
) -> HTMLResponse:
    with reading(request) as api:
        analysis = api.article(doc_id)
        record = shapes.article(analysis, queries.article_findings(api, analysis.article.doc_id))
    dates = record["dates"]
    for e in record["events"]:
        mention = text.event_date_mention(e, dates)
        e["date_how"] = text.date_resolution(mention, record["published"]) if mention else None
    for d in dates:
        d["how"] = text.date_resolution(d, record["published"])
    return render(request, "article.html", a=record, paragraphs=text.paragraphs(record))


@router.get("/timeline", response_class=HTMLResponse)
def timeline(
    request: Request, a: Term = None, b: Term = None, directed: bool = False
) -> HTMLResponse:
    if not a or not b:
        return render(request, "timeline.html", a=a or "", b=b or "", directed=directed,
                      line=None)  # fmt: skip
    with reading(request) as api:
        line = api.timeline(a, b, directed=directed)
        instances = [shapes.instance(i) for i in line.instances]
        months = [shapes.month(m) for m in line.months]
        found = queries.timeline_findings(api, {i["id"] for i in instances})
    by_month: dict[str, list[dict[str, Any]]] = {}
    for inst in instances:
        by_month.setdefault(chart.first_day(inst).strftime("%Y-%m"), []).append(inst)
    return render(request, "timeline.html", a=a, b=b, directed=directed, line=True,
                  instances=instances, months=months, by_month=by_month, findings=found,
                  chart=chart.build(months, instances))  # fmt: skip


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request, q: Term = None, offset: Offset = 0) -> HTMLResponse:
    found: list[dict[str, Any]] = []
    more = False
    if q and q.strip():
        with reading(request) as api:
            found = queries.search_actors(api, q, PAGE + 1, offset)
        more = len(found) > PAGE
    return render(request, "actors.html", q=q or "", actors=found[:PAGE],
                  pager=_pager(request, offset, more))  # fmt: skip


@router.get("/actors/{name}", response_class=HTMLResponse)
def actor(
    request: Request, name: Annotated[str, Path(min_length=1, max_length=200)]
) -> HTMLResponse:
    with reading(request) as api:
        offices = queries.actor_offices(api, name)
        if not offices:
            raise HTTPException(404, f"no actor named {name!r}")
        canonical = offices[0]["name"]
        dyads = queries.actor_dyads(api, canonical)
        said = [shapes.quote(q) for q in api.quotes(speaker=canonical, limit=200)]
    return render(request, "actor.html", name=canonical, offices=offices, dyads=dyads,
                  quotes=said)  # fmt: skip


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request, q: Annotated[str | None, Query(max_length=500)] = None,
    kind: SearchKind = SearchKind.articles, offset: Offset = 0,
) -> HTMLResponse:  # fmt: skip
    hits: list[dict[str, Any]] = []
    more = False
    if q and q.strip():
        with reading(request) as api:
            found, query = search.search(api, q, kind.value, PAGE + 1, offset)
        more = len(found) > PAGE
        for h in found[:PAGE]:
            h["pieces"] = search.snippet(h["text"], query)
            hits.append(h)
    return render(request, "search.html", q=q or "", kind=kind.value, hits=hits,
                  pager=_pager(request, offset, more))  # fmt: skip


@router.get("/findings", response_class=HTMLResponse)
def findings(
    request: Request, kind: Term = None, actor: Term = None, offset: Offset = 0,
) -> HTMLResponse:  # fmt: skip
    kinds = [k.value for k in FindingKind]
    chosen = _choice(kind, kinds, "finding kind")
    with reading(request) as api:
        items, more = queries.findings_page(api, offset, PAGE, kind=chosen,
                                            actor=actor or None)  # fmt: skip
    return render(request, "findings.html", findings=items, kind=chosen or "",
                  actor=actor or "", kinds=kinds,
                  pager=_pager(request, offset, more))  # fmt: skip


@router.get("/events", response_class=HTMLResponse)
def events(
    request: Request, actor: Term = None, recipient: Term = None,
    type: Term = None, offset: Offset = 0,
) -> HTMLResponse:  # fmt: skip
    chosen = _choice(type and type.upper(), list(PLOVER_TYPES), "event type")
    with reading(request) as api:
        items, more = queries.events_page(api, offset, PAGE, actor=actor or None,
                                          recipient=recipient or None,
                                          event_type=chosen)  # fmt: skip
    return render(request, "events.html", events=items, actor=actor or "",
                  recipient=recipient or "", type=chosen or "", types=PLOVER_TYPES,
                  pager=_pager(request, offset, more))  # fmt: skip


def _choice(value: str | None, valid: list[str], what: str) -> str | None:
    """An empty form field is no filter; an unknown value is a 422 listing the valid ones."""
    if not value:
        return None
    if value not in valid:
        raise HTTPException(422, f"unknown {what} {value!r}: use one of {', '.join(valid)}")
    return value
