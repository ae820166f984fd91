"""Polite, bounded HTTP fetching of pages, feeds and sitemaps.

Every request: http(s) only; the host resolved and every address checked, refusing
private, loopback, link-local and other non-public addresses unless ``allow_private``
(checked again on each redirect hop, which is followed by hand); robots.txt obeyed
(cached per host); at most one request per host per ``delay`` seconds; a timeout; a body
size cap enforced while streaming; a User-Agent that names tidings.
"""

from __future__ import annotations

import ipaddress
import socket
import time
import urllib.robotparser
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from tidings import __version__
from tidings.errors import FetchError, InputError
from tidings.model import Document
from tidings.sources.decode import charset_from_content_type
from tidings.sources.html import html_document
from tidings.sources.limits import MAX_PAGE_BYTES

USER_AGENT = f"tidings/{__version__} (news analysis; obeys robots.txt)"
ROBOTS_AGENT = "tidings"
MAX_REDIRECTS = 5


@dataclass
class Response:
    url: str  # after redirects
    status: int
    content_type: str
    body: bytes


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def check_address(host: str, port: int, allow_private: bool) -> None:
    """Refuse hosts that resolve to any non-public address (SSRF guard)."""
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve host {host!r}: {exc.strerror}", source=host) from exc
    if allow_private:
        return
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if not address.is_global or address.is_multicast:
            raise FetchError(f"refusing to fetch {host} ({address}): a private, loopback or "
                             "link-local address (use --allow-private)", source=host)  # fmt: skip


@dataclass
class Fetcher:
    """One polite HTTP client; reuse it across a batch so robots and rate limits hold."""

    allow_private: bool = False
    timeout: float = 15.0
    max_bytes: int = MAX_PAGE_BYTES
    delay: float = 1.0  # seconds between two requests to the same host
    user_agent: str = USER_AGENT
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict)
    _last: dict[str, float] = field(default_factory=dict)
    _client: httpx.Client | None = None

    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(
                timeout=httpx.Timeout(self.timeout), follow_redirects=False,
                headers={"User-Agent": self.user_agent}, trust_env=False,
            )  # fmt: skip
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def _wait_turn(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            pause = self.delay - (time.monotonic() - last)
            if pause > 0:
                time.sleep(pause)
        self._last[host] = time.monotonic()

    def _raw_get(self, url: str) -> Response:
        """GET with checks on every hop; the body is streamed and capped."""
        for _ in range(MAX_REDIRECTS + 1):
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise FetchError("only http(s) URLs can be fetched", source=url)
            port = parts.port or (443 if parts.scheme == "https" else 80)
            check_address(parts.hostname, port, self.allow_private)
            self._wait_turn(parts.netloc)
            try:
                with self.client().stream("GET", url) as resp:
                    if resp.is_redirect and "location" in resp.headers:
                        url = urljoin(url, resp.headers["location"])
                        continue
                    declared = int(resp.headers.get("content-length") or 0)
                    if declared > self.max_bytes:
                        raise FetchError(f"body is {declared} bytes, over the {self.max_bytes} "
                                         "byte cap", source=url)  # fmt: skip
                    body = bytearray()
                    for chunk in resp.iter_bytes():
                        body += chunk
                        if len(body) > self.max_bytes:
                            raise FetchError(f"body exceeds the {self.max_bytes} byte cap",
                                             source=url)  # fmt: skip
                    return Response(str(resp.url), resp.status_code,
                                    resp.headers.get("content-type", ""), bytes(body))  # fmt: skip
            except httpx.HTTPError as exc:
                raise FetchError(f"request failed: {type(exc).__name__}: {exc}"[:300],
                                 source=url) from exc  # fmt: skip
        raise FetchError(f"more than {MAX_REDIRECTS} redirects", source=url)

    def allowed(self, url: str) -> bool:
        """robots.txt says tidings may fetch this URL (cached per scheme+host).

        A missing robots.txt (4xx) allows everything, 401/403 forbid everything, and an
        unreachable one allows, as most crawlers do."""
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc}"
        if key not in self._robots:
            parser: urllib.robotparser.RobotFileParser | None = urllib.robotparser.RobotFileParser()
            try:
                resp = self._raw_get(key + "/robots.txt")
                if resp.status in (401, 403):
                    parser.disallow_all = True  # type: ignore[union-attr]
                elif resp.status >= 400:
                    parser = None
                else:
                    parser.parse(resp.body.decode("utf-8", "replace").splitlines())  # type: ignore[union-attr]
            except FetchError as exc:
                if "refusing" in exc.message:
                    raise
                parser = None
            self._robots[key] = parser
        parser = self._robots[key]
        return parser is None or parser.can_fetch(ROBOTS_AGENT, url)

    def get(self, url: str) -> Response:
        """A successful response for ``url`` or FetchError naming why not."""
        parts = urlsplit(url)
        if parts.hostname:
            check_address(parts.hostname, parts.port or 80, self.allow_private)
        if not self.allowed(url):
            raise FetchError("robots.txt disallows fetching this URL", source=url)
        resp = self._raw_get(url)
        if resp.status != 200:
            raise FetchError(f"HTTP status {resp.status}", source=url)
        return resp


def page_document(fetcher: Fetcher, url: str, hints: dict[str, Any]) -> Document:
    """The Document of one web page (HTML only)."""
    try:
        resp = fetcher.get(url)
    except FetchError as exc:
        raise InputError(exc.message, source=url) from exc
    kind = resp.content_type.split(";")[0].strip().lower()
    if kind and kind not in ("text/html", "application/xhtml+xml"):
        raise InputError(f"not an HTML page (Content-Type {kind})", source=url)
    page_hints = dict(hints)
    page_hints.setdefault("url", resp.url)
    return html_document(resp.body, url, page_hints, charset_from_content_type(resp.content_type))


def iter_url(
    url: str, hints: dict[str, Any], fetcher: Fetcher | None = None
) -> Iterator[Document | InputError]:
    """One URL given to ``ingest``: the page, or an InputError naming URL and cause."""
    own = fetcher is None
    fetcher = fetcher or Fetcher()
    try:
        yield page_document(fetcher, url, hints)
    except InputError as exc:
        yield exc
    finally:
        if own:
            fetcher.close()


def listing_urls(fetcher: Fetcher, location: str, limit: int | None) -> list[str]:
    """Page URLs listed by a feed or sitemap at a URL or path (sitemap indexes followed)."""
    from pathlib import Path

    from tidings.sources.feed import listed_urls
    from tidings.sources.limits import read_capped

    todo: list[str] = [location]
    pages: list[str] = []
    seen: set[str] = set()
    while todo and (limit is None or len(pages) < limit):
        where = todo.pop(0)
        if where in seen:
            continue
        seen.add(where)
        if is_url(where):
            try:
                data = fetcher.get(where).body
            except FetchError as exc:
                raise InputError(exc.message, source=where) from exc
        else:
            data = read_capped(Path(where))
        index, urls = listed_urls(data, where)
        if index:
            todo.extend(urls)
        else:
            pages.extend(urls)
    return pages[:limit] if limit is not None else pages


def fetch_listed(location: str, hints: dict[str, Any], fetcher: Fetcher,
                 limit: int | None = None) -> Iterator[Document | InputError]:  # fmt: skip
    """Every page a feed or sitemap lists, fetched politely; errors are per page."""
    try:
        urls = listing_urls(fetcher, location, limit)
    except InputError as exc:
        yield exc
        return
    for url in urls:
        try:
            yield page_document(fetcher, url, hints)
        except InputError as exc:
            yield exc
