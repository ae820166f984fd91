"""The browser pages: server-rendered HTML over the same reads as the REST API.

Pages take the public records from the same :class:`tidings.api.Tidings` calls as the
REST API; what is theirs is presentation (paragraphs with highlights, snippets, the
chart), and the templates only lay it out. No page needs JavaScript: highlights open on
hover or focus (CSS), furniture sits in a closed ``<details>``, the chart is SVG with links.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse

from tidings.model import PLOVER_TYPES
from tidings.plover import QUAD_CLASSES
from tidings.shapes import instance_record
from tidings.timeline.plover import month_record
from tidings.web import chart, text
from tidings.web.routes import FindingKind, SearchKind, check_actors, reading
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
        quad_classes=QUAD_CLASSES, refs=text.refs_text, speaker=text.speaker,
        **context,
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
        latest = api.articles(limit=25, offset=max(0, total - 25)).to_dicts()
        newest = api.findings(limit=8, newest_first=True)
    latest.sort(key=lambda a: a["published"] or "", reverse=True)
    return render(request, "index.html", counts=counts, articles=latest,
                  more_articles=total > 25, findings=newest)  # fmt: skip


@router.get("/articles", response_class=HTMLResponse)
def articles(
    request: Request, publisher: Term = None,
    since: Term = None, until: Term = None, offset: Offset = 0,
) -> HTMLResponse:  # fmt: skip
    with reading(request) as api:
        found = api.articles(publisher=publisher or None, since=since or None,
                             until=until or None, limit=PAGE + 1,
                             offset=offset).to_dicts()  # fmt: skip
    return render(request, "articles.html", articles=found[:PAGE], publisher=publisher or "",
                  since=since or "", until=until or "", offset=offset,
                  pager=_pager(request, offset, len(found) > PAGE))  # fmt: skip


@router.get("/articles/{doc_id}", response_class=HTMLResponse)
def article(
    request: Request, doc_id: Annotated[str, Path(pattern=r"^[0-9a-fA-F]{6,64}$")]
) -> HTMLResponse:
    with reading(request) as api:
        record = api.article_record(doc_id)
    # The page lays the article and what was found in it side by side: one dict for it.
    a = {**record["article"], **{k: v for k, v in record.items() if k != "article"}}
    published = a["published"]
    for e in a["events"]:
        mention = text.event_date_mention(e, a["dates"])
        e["date_how"] = text.date_resolution(mention, published) if mention else None
    for d in a["dates"]:
        d["how"] = text.date_resolution(d, published)
    return render(request, "article.html", a=a, paragraphs=text.paragraphs(a))


@router.get("/timeline", response_class=HTMLResponse)
def timeline(
    request: Request, a: Term = None, b: Term = None, directed: bool = False
) -> HTMLResponse:
    if not a or not b:
        return render(request, "timeline.html", a=a or "", b=b or "", directed=directed,
                      line=None)  # fmt: skip
    with reading(request) as api:
        check_actors(api, ("a", a), ("b", b))
        line = api.timeline(a, b, directed=directed)
        found = api.instance_findings(i.id for i in line.instances)
    instances = [instance_record(i) for i in line.instances]
    months = [month_record(m) for m in line.months]
    by_month: dict[str, list[dict[str, Any]]] = {}
    for inst in instances:
        by_month.setdefault(chart.first_day(inst).strftime("%Y-%m"), []).append(inst)
    return render(request, "timeline.html", a=a, b=b, directed=directed, line=True,
                  instances=instances, months=months, by_month=by_month, findings=found,
                  chart=chart.build(months, instances))  # fmt: skip


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request, q: Term = None, offset: Offset = 0) -> HTMLResponse:
    found: list[dict[str, Any]] = []
    if q and q.strip():
        with reading(request) as api:
            found = list(api.actors(q, limit=PAGE + 1, offset=offset))
    return render(request, "actors.html", q=q or "", actors=found[:PAGE],
                  pager=_pager(request, offset, len(found) > PAGE))  # fmt: skip


@router.get("/actors/{name}", response_class=HTMLResponse)
def actor(
    request: Request, name: Annotated[str, Path(min_length=1, max_length=200)]
) -> HTMLResponse:
    with reading(request) as api:
        found = api.actor(name, quotes=200)
    if found is None:
        raise HTTPException(404, f"no actor named {name!r}")
    return render(request, "actor.html", **found)


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request, q: Annotated[str | None, Query(max_length=500)] = None,
    kind: SearchKind = SearchKind.articles, offset: Offset = 0,
) -> HTMLResponse:  # fmt: skip
    hits: list[dict[str, Any]] = []
    if q and q.strip():
        with reading(request) as api:
            hits = list(api.search(q, kind.value, limit=PAGE + 1, offset=offset))
            words = api.search_terms(q).words
        for h in hits[:PAGE]:
            h["pieces"] = text.snippet(text.searched_text(kind.value, h), words)
    return render(request, "search.html", q=q or "", kind=kind.value, hits=hits[:PAGE],
                  pager=_pager(request, offset, len(hits) > PAGE))  # fmt: skip


@router.get("/findings", response_class=HTMLResponse)
def findings(
    request: Request, kind: Term = None, actor: Term = None, offset: Offset = 0,
) -> HTMLResponse:  # fmt: skip
    kinds = [k.value for k in FindingKind]
    chosen = _choice(kind, kinds, "finding kind")
    with reading(request) as api:
        check_actors(api, ("actor", actor))
        found = api.findings(kind=chosen, actor=actor or None, limit=PAGE + 1, offset=offset,
                             newest_first=True)  # fmt: skip
    return render(request, "findings.html", findings=found[:PAGE], kind=chosen or "",
                  actor=actor or "", kinds=kinds,
                  pager=_pager(request, offset, len(found) > PAGE))  # fmt: skip


@router.get("/events", response_class=HTMLResponse)
def events(
    request: Request, actor: Term = None, recipient: Term = None,
    type: Term = None, offset: Offset = 0,
) -> HTMLResponse:  # fmt: skip
    chosen = _choice(type and type.upper(), list(PLOVER_TYPES), "event type")
    with reading(request) as api:
        check_actors(api, ("actor", actor), ("recipient", recipient))
        found = api.events(actor=actor or None, recipient=recipient or None,
                           event_type=chosen, limit=PAGE + 1, offset=offset).to_dicts()  # fmt: skip
    return render(request, "events.html", events=found[:PAGE], actor=actor or "",
                  recipient=recipient or "", type=chosen or "", types=PLOVER_TYPES,
                  pager=_pager(request, offset, len(found) > PAGE))  # fmt: skip


def _choice(value: str | None, valid: list[str], what: str) -> str | None:
    """An empty form field is no filter; an unknown value is a 422 listing the valid ones."""
    if not value:
        return None
    if value not in valid:
        raise HTTPException(422, f"unknown {what} {value!r}: use one of {', '.join(valid)}")
    return value
