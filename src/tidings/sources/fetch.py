"""Polite, bounded HTTP fetching of pages, feeds and sitemaps.

Every request: http(s) only; the host resolved once per fetcher and every address
checked, refusing private, loopback, link-local and other non-public addresses unless
``allow_private`` (checked on each redirect hop, which is followed by hand); the connection
made to the checked address itself (pinned: httpx never resolves the name again, so a DNS
answer cannot change between check and connect), with the name kept for the Host header,
TLS SNI and certificate check; robots.txt obeyed for every host a URL or its redirects
reach (cached per host); credentials in a URL (``user:pass@``) sent only with the first
request to that very URL, never to robots.txt or a redirect, and never stored; at most one
request per host per ``delay`` seconds; a timeout per read and a deadline per URL; a body
size cap enforced while streaming; a User-Agent that names tidings.
"""

from __future__ import annotations

import ipaddress
import socket
import time
import urllib.robotparser
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from tidings import __version__
from tidings.errors import FetchError, InputError
from tidings.model import Document
from tidings.sources.decode import charset_from_content_type
from tidings.sources.html import html_document
from tidings.sources.limits import MAX_PAGE_BYTES
from tidings.sources.urls import split_credentials, strip_credentials

USER_AGENT = f"tidings/{__version__} (news analysis; obeys robots.txt)"
ROBOTS_AGENT = "tidings"
MAX_REDIRECTS = 5
DEADLINE = 60.0  # seconds for one URL, all hops and reads together (timeouts are per read)
MAX_LISTINGS = 50  # feeds and sitemaps one fetch run reads while looking for pages
MAX_SITEMAP_DEPTH = 4  # sitemap indexes nested deeper than this are not followed


@dataclass
class Response:
    url: str  # after redirects
    status: int
    content_type: str
    body: bytes


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


Resolver = Callable[[str, int], list[str]]


def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (the system resolver)."""
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        why = getattr(exc, "strerror", None) or str(exc)
        raise FetchError(f"cannot resolve host {host!r}: {why}", source=host) from exc
    return [str(info[4][0]) for info in infos]


def check_address(host: str, port: int, allow_private: bool, resolver: Resolver = resolve) -> str:
    """The address to connect to for ``host``; refuses hosts that resolve to any
    non-public address (SSRF guard). The caller connects to this very address."""
    try:
        addresses = [str(ipaddress.ip_address(host.strip("[]")))]  # a literal address
    except ValueError:
        addresses = resolver(host, port)
    if not addresses:
        raise FetchError(f"cannot resolve host {host!r}: no address", source=host)
    for text in addresses:
        try:
            address = ipaddress.ip_address(text.split("%")[0])
        except ValueError as exc:
            raise FetchError(f"host {host!r} resolved to {text!r}, not an address",
                             source=host) from exc  # fmt: skip
        if not allow_private and (not address.is_global or address.is_multicast):
            raise FetchError(f"refusing to fetch {host} ({address}): a private, loopback or "
                             "link-local address (use --allow-private)", source=host)  # fmt: skip
    return addresses[0]


class PinnedBackend(httpcore.NetworkBackend):
    """httpcore's network backend, connecting to the address checked for a host instead
    of resolving the host again; a host never checked is not connected to at all."""

    def __init__(self) -> None:
        self.pins: dict[tuple[str, int], str] = {}
        self._inner = httpcore.SyncBackend()

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: Any = None) -> httpcore.NetworkStream:  # fmt: skip
        address = self.pins.get((host.strip("[]").lower(), port))
        if address is None:
            raise httpcore.ConnectError(f"{host}:{port} was not checked before connecting")
        return self._inner.connect_tcp(address, port, timeout, local_address, socket_options)

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Any = None) -> httpcore.NetworkStream:  # fmt: skip
        raise httpcore.ConnectError("unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


@dataclass
class Fetcher:
    """One polite HTTP client; reuse it across a batch so robots and rate limits hold."""

    allow_private: bool = False
    timeout: float = 15.0
    max_bytes: int = MAX_PAGE_BYTES
    delay: float = 1.0  # seconds between two requests to the same host
    deadline: float = DEADLINE  # seconds for one URL in all (a server trickling bytes)
    user_agent: str = USER_AGENT
    resolver: Resolver = resolve  # host, port -> addresses; called once per host and port
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict)
    _last: dict[str, float] = field(default_factory=dict)
    _client: httpx.Client | None = None
    _backend: PinnedBackend = field(default_factory=PinnedBackend)

    def client(self) -> httpx.Client:
        if self._client is None:
            transport = httpx.HTTPTransport(trust_env=False)
            pool = getattr(transport, "_pool", None)
            if not hasattr(pool, "_network_backend"):  # pragma: no cover - httpcore changed
                raise FetchError("cannot pin addresses with this httpx/httpcore version")
            pool._network_backend = self._backend  # type: ignore[union-attr]
            self._client = httpx.Client(
                timeout=httpx.Timeout(self.timeout), follow_redirects=False,
                headers={"User-Agent": self.user_agent}, trust_env=False, transport=transport,
            )  # fmt: skip
        return self._client

    def pin(self, host: str, port: int) -> str:
        """The checked address of ``host`` (resolved once per fetcher, then pinned)."""
        key = (host.lower(), port)
        if key not in self._backend.pins:
            self._backend.pins[key] = check_address(host, port, self.allow_private,
                                                    self.resolver)  # fmt: skip
        return self._backend.pins[key]

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

    def _raw_get(self, url: str, auth: tuple[str, str] | None = None,
                 robots: bool = True) -> Response:  # fmt: skip
        """GET with checks on every hop (address, and robots.txt unless ``robots`` is
        false); the body is streamed and capped, and the whole exchange (every hop, every
        read) must end within ``deadline`` seconds. ``auth`` goes with the first hop only;
        credentials written into a redirect's Location are dropped."""
        give_up = time.monotonic() + self.deadline
        given = url
        for _ in range(MAX_REDIRECTS + 1):
            url = strip_credentials(url)
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise FetchError("only http(s) URLs can be fetched", source=url)
            try:
                port = parts.port or (443 if parts.scheme == "https" else 80)
            except ValueError as exc:
                raise FetchError(f"bad port: {exc}", source=url) from exc
            try:
                host = httpx.URL(url).raw_host.decode("ascii")  # as httpx sends it (IDNA)
            except (httpx.InvalidURL, ValueError) as exc:
                raise FetchError(f"bad URL: {exc}", source=url) from exc
            self.pin(host, port)
            if robots and not self.allowed(url):
                where = "" if url == given else f" (redirected to {url})"
                raise FetchError(f"robots.txt disallows fetching this URL{where}", source=url)
            self._wait_turn(parts.netloc)
            if time.monotonic() > give_up:
                raise FetchError(f"no complete answer within {self.deadline:g} s "
                                 "(the deadline per URL)", source=url)  # fmt: skip
            try:
                with self.client().stream("GET", url, auth=auth) as resp:
                    if resp.is_redirect and "location" in resp.headers:
                        url = urljoin(url, resp.headers["location"])
                        auth = None
                        continue
                    declared = int(resp.headers.get("content-length") or 0)
                    if declared > self.max_bytes:
                        raise FetchError(f"body is {declared} bytes, over the {self.max_bytes} "
                                         "byte cap", source=url)  # fmt: skip
                    body = bytearray()
                    for chunk in resp.iter_bytes():
                        body += chunk
                        if time.monotonic() > give_up:
                            raise FetchError(f"no complete answer within {self.deadline:g} s "
                                             "(the deadline per URL)", source=url)  # fmt: skip
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
                resp = self._raw_get(key + "/robots.txt", robots=False)
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
        """A successful response for ``url`` or FetchError naming why not (robots.txt
        checked for the URL and for every redirect target)."""
        url, auth = split_credentials(url)
        resp = self._raw_get(url, auth=auth)
        if resp.status != 200:
            raise FetchError(f"HTTP status {resp.status}", source=url)
        return resp


def page_document(fetcher: Fetcher, url: str, hints: dict[str, Any]) -> Document:
    """The Document of one web page (HTML only); credentials in ``url`` are used for
    that one request and not kept."""
    try:
        resp = fetcher.get(url)
    except FetchError as exc:
        raise InputError(exc.message, source=strip_credentials(url)) from exc
    kind = resp.content_type.split(";")[0].strip().lower()
    if kind and kind not in ("text/html", "application/xhtml+xml"):
        raise InputError(f"not an HTML page (Content-Type {kind})",
                         source=strip_credentials(url))  # fmt: skip
    page_hints = dict(hints)
    page_hints.setdefault("url", strip_credentials(resp.url))
    return html_document(resp.body, strip_credentials(url), page_hints,
                         charset_from_content_type(resp.content_type))  # fmt: skip


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


def listing_urls(
    fetcher: Fetcher,
    location: str,
    limit: int | None,
    max_listings: int = MAX_LISTINGS,
    max_depth: int = MAX_SITEMAP_DEPTH,
) -> list[str]:
    """Page URLs listed by a feed or sitemap at a URL or path (sitemap indexes followed,
    at most ``max_depth`` deep and ``max_listings`` listings in all, so a chain or a tree
    of indexes cannot make one run endless). Raises InputError when the bounds stop the
    search before any page is found."""
    from pathlib import Path

    from tidings.sources.feed import listed_urls
    from tidings.sources.limits import read_capped

    todo: list[tuple[str, int]] = [(location, 0)]
    pages: list[str] = []
    seen: set[str] = set()
    read = skipped = 0
    while todo and (limit is None or len(pages) < limit):
        where, depth = todo.pop(0)
        if where in seen:
            continue
        if read >= max_listings or depth > max_depth:
            skipped += 1
            continue
        seen.add(where)
        read += 1
        if is_url(where):
            try:
                data = fetcher.get(where).body
            except FetchError as exc:
                raise InputError(exc.message, source=strip_credentials(where)) from exc
        else:
            try:
                data = read_capped(Path(_local_path(where)))
            except OSError as exc:
                raise InputError(f"cannot read: {exc.strerror or exc}", source=where) from exc
        index, urls = listed_urls(data, where)
        if index:
            todo.extend((url, depth + 1) for url in urls)
        else:
            pages.extend(urls)
    if not pages and skipped:
        raise InputError(f"no page found in {read} listings; {skipped} more sitemaps not "
                         f"followed (at most {max_listings} listings, {max_depth} indexes "
                         "deep)", source=location)  # fmt: skip
    return pages[:limit] if limit is not None else pages


def fetch_listed(location: str, hints: dict[str, Any], fetcher: Fetcher,
                 limit: int | None = None) -> Iterator[Document | InputError]:  # fmt: skip
    """Every page a feed or sitemap lists, fetched politely; errors are per page."""
    try:
        urls = listing_urls(fetcher, location, limit)
    except InputError as exc:
        yield exc
        return
    local = not is_url(location)
    for url in urls:
        try:
            if url.lower().startswith("file:"):
                yield local_page_document(url, hints, allowed=local)
            else:
                yield page_document(fetcher, url, hints)
        except InputError as exc:
            yield exc


def _local_path(location: str) -> str:
    """A path from a path or a ``file://`` URL."""
    if location.lower().startswith("file:"):
        from urllib.parse import unquote

        parts = urlsplit(location)
        # feedparser turns file:///tmp/x into file://tmp/x: a host other than localhost is
        # the path's first folder.
        host = parts.netloc if parts.netloc not in ("", "localhost") else ""
        return unquote(f"/{host}{parts.path}" if host else parts.path)
    return location


def local_page_document(url: str, hints: dict[str, Any], allowed: bool) -> Document:
    """A ``file://`` page listed by a feed or sitemap. Only a listing read from a local
    file may point at local files: a remote listing naming one is refused, so no feed on
    the web can make tidings read this machine's files."""
    if not allowed:
        raise InputError("a file:// link in a listing fetched from the web: refused", source=url)
    from pathlib import Path

    from tidings.sources.limits import read_capped

    path = Path(_local_path(url))
    try:
        data = read_capped(path)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=url) from exc
    page_hints = dict(hints)
    page_hints.setdefault("url", url)
    return html_document(data, url, page_hints, None)
