"""The web application: one FastAPI app holding the store copy, the REST API and the pages.

:func:`create_app` builds it around a :class:`~tidings.web.snapshot.Snapshot`; ``tidings
serve`` runs it under uvicorn and tests call it in-process. Everything it reads goes
through :class:`tidings.api.Tidings`, which gives the records of ``--json`` and export.

Safety, since article text and metadata are hostile input:

* every value reaches HTML through Jinja's autoescaping, and links only ever carry
  ``http(s)`` URLs from the record or paths the app builds;
* the Content-Security-Policy allows scripts, styles and images from the app only, so an
  injected ``<script>`` or ``onerror=`` would not run even if escaping failed;
* the app writes nothing: no endpoint changes the store, which the server does not even
  open (it reads a private copy);
* no part of a request names a file: static assets are read into memory at start and
  served by name from that table.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from http import HTTPStatus
from importlib.resources import files
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

import tidings
from tidings.api import Tidings
from tidings.errors import InputError, StoreError, TidingsError
from tidings.web.snapshot import Snapshot, describe_age, log

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
STATIC_TYPES = {
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".js": "text/javascript; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
}


def prepare(api: Tidings, previous: Tidings | None) -> None:
    """What the server adds to each copy of the store before serving it: the search
    index (the entries of the previous copy carried over). See :mod:`tidings.store.search`
    for why it lives in the copy and not in the user's store."""
    api.build_search_index(previous)


def store_snapshot(db: str | Path, **options: Any) -> Snapshot:
    """The snapshot the web serves: a copy of ``db`` with the web's tables added."""
    return Snapshot(db, prepare=prepare, **options)


def _static_assets() -> dict[str, tuple[bytes, str]]:
    folder = files("tidings.web").joinpath("static")
    assets = {}
    for item in folder.iterdir():
        suffix = Path(item.name).suffix
        if suffix in STATIC_TYPES:
            assets[item.name] = (item.read_bytes(), STATIC_TYPES[suffix])
    return assets


def _templates() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(files("tidings.web").joinpath("templates"))),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["version"] = getattr(tidings, "__version__", "")
    env.filters["safe_url"] = safe_url
    return env


def safe_url(url: str | None) -> str | None:
    """An article's URL if it may become a link (http or https), else None."""
    if not url:
        return None
    lowered = url.strip().lower()
    return url.strip() if lowered.startswith(("http://", "https://")) else None


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def error_body(status: int, message: str, errors: list[Any] | None = None) -> dict[str, Any]:
    """The one JSON shape of every error: ``ok``, ``status``, ``error``, ``errors``."""
    return {"ok": False, "status": status, "error": message, "errors": errors or []}


def _error_response(request: Request, status: int, message: str,
                    errors: list[Any] | None = None) -> Response:  # fmt: skip
    if _wants_json(request):
        return JSONResponse(error_body(status, message, errors), status_code=status)
    env: Environment = request.app.state.templates
    snap: Snapshot = request.app.state.snapshot
    html = env.get_template("error.html").render(
        status=status,
        phrase=HTTPStatus(status).phrase,
        message=message,
        errors=errors or [],
        store=snap.source.name,
        copy_taken=describe_age(snap.taken_at),
    )
    return HTMLResponse(html, status_code=status)


def _status_of(exc: TidingsError) -> int:
    if isinstance(exc, InputError):
        return 422
    if isinstance(exc, StoreError) and "no article" in exc.message:
        return 404
    if isinstance(exc, StoreError) and "ambiguous" in exc.message:
        return 422
    return 503 if isinstance(exc, StoreError) else 500


def create_app(snapshot: Snapshot, *, watch: bool = True) -> FastAPI:
    """The app serving ``snapshot`` (opened already, or at start-up); with ``watch`` the
    snapshot follows changes of the store while the app runs."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if watch:
            snapshot.start()
        elif snapshot.generation == 0:
            snapshot.open()
        try:
            yield
        finally:
            if watch:
                snapshot.close()

    app = FastAPI(
        title="tidings",
        version=getattr(tidings, "__version__", "0"),
        description="Read-only REST API over a tidings store: articles, quotes, PLOVER "
        "events, actors, dyad timelines, findings, duplicates. Every list pages with "
        "`limit`/`offset` and downloads as CSV, JSON Lines or Parquet with `format`.",
        openapi_url="/api/openapi.json",
        docs_url=None,  # Swagger and ReDoc load scripts from a CDN: not here
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.snapshot = snapshot
    app.state.templates = _templates()
    app.state.static = _static_assets()

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        for key, value in SECURITY_HEADERS.items():
            response.headers.setdefault(key, value)
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
        return _error_response(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = [
            {"where": ".".join(str(p) for p in e.get("loc", ())), "message": e.get("msg", "")}
            for e in exc.errors()
        ]
        summary = "; ".join(f"{e['where']}: {e['message']}" for e in errors)
        return _error_response(request, 422, f"invalid request: {summary}", errors)

    @app.exception_handler(TidingsError)
    async def tidings_error(request: Request, exc: TidingsError) -> Response:
        return _error_response(request, _status_of(exc), exc.one_line())

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return _error_response(request, 500, f"internal error: {type(exc).__name__}")

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        asset = app.state.static.get(name)
        if asset is None:
            raise StarletteHTTPException(404, f"no static file {name!r}")
        body, media = asset
        return Response(body, media_type=media, headers={"Cache-Control": "max-age=3600"})

    from tidings.web import pages, routes

    app.include_router(routes.router)
    app.include_router(pages.router)
    return app
