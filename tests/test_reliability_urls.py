"""URLs: credentials never stored nor sent past the one URL given; the checked address
pinned for the connection (no second DNS answer); robots.txt for every host a redirect
reaches; a redirect to a private address refused with private addresses *not* allowed.

Only loopback servers started here are contacted: "public" addresses come from a fake
resolver and the connection to them is redirected to 127.0.0.1 inside the test.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import httpcore
import pytest

from local_server import serving
from tidings.errors import FetchError, InputError
from tidings.model import Document
from tidings.sources import iter_documents
from tidings.sources.fetch import Fetcher, PinnedBackend
from tidings.sources.urls import scrub, split_credentials, strip_credentials

PAGE = (
    "<html><head><title>Mill town votes on new library</title></head><body><article>"
    "<h1>Mill town votes on new library</h1>"
    + "".join(
        f"<p>Part {i}: residents of the mill town voted on Thursday to build a new public "
        "library beside the river, the council announced after the count.</p>"
        for i in range(4)
    )
    + "</article></body></html>"
).encode()
SEEN: list[dict[str, str]] = []  # path, Host and Authorization of every request


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def _send(self, status: int, body: bytes, ctype: str = "text/html") -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, where: str) -> None:
        self.send_response(302)
        self.send_header("Location", where)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:  # noqa: N802
        port = self.server.server_port  # type: ignore[attr-defined]
        SEEN.append({"port": str(port), "path": self.path, "host": self.headers.get("Host", ""),
                     "auth": self.headers.get("Authorization", "")})  # fmt: skip
        other = OTHER_PORT[0]
        if self.path == "/robots.txt":
            self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        elif self.path.startswith(("/news/", "/private/")):
            self._send(200, PAGE)
        elif self.path == "/moved":
            self._redirect("/news/a")
        elif self.path == "/moved-with-creds":
            self._redirect(f"http://eve:stolen@127.0.0.1:{port}/news/c")
        elif self.path == "/away-private":  # to another host's robots-disallowed path
            self._redirect(f"http://127.0.0.1:{other}/private/x")
        elif self.path == "/away-public":
            self._redirect(f"http://127.0.0.1:{other}/news/d")
        elif self.path == "/to-loopback":
            self._redirect(f"http://127.0.0.1:{port}/news/a")
        else:
            self._send(404, b"no")


OTHER_PORT = [0]


@pytest.fixture(scope="module")
def servers() -> Iterator[tuple[int, int]]:
    with serving(Handler) as one, serving(Handler) as two:
        OTHER_PORT[0] = two.server_port
        yield one.server_port, two.server_port


def _fetcher(**kw: Any) -> Fetcher:
    return Fetcher(delay=0.0, **{"allow_private": True, **kw})


# ---- credentials ----------------------------------------------------------------------------


def test_reliability_credentials_are_split_and_stripped() -> None:
    assert split_credentials("http://us%40r:p%3Aw@h.x:81/p?q#f") == (
        "http://h.x:81/p?q#f",
        ("us@r", "p:w"),
    )
    assert split_credentials("https://h.x/a@b") == ("https://h.x/a@b", None)
    assert strip_credentials("f.rss#http://u:p@e.x/1 and https://a@b@c.x/d?m=a@b") == (
        "f.rss#http://e.x/1 and https://c.x/d?m=a@b"
    )
    assert strip_credentials("mailto:a@b.x") == "mailto:a@b.x"
    assert scrub({"url": "http://u:p@e.x/", "n": 1, "l": ["ftp://x:y@z/"]}) == {
        "url": "http://e.x/",
        "n": 1,
        "l": ["ftp://z/"],
    }
    strip_credentials("a://" * 100_000 + "@")  # linear: returns at once


def test_reliability_credentials_go_to_the_given_url_only(servers: tuple[int, int]) -> None:
    port, _ = servers
    SEEN.clear()
    f = _fetcher()
    (doc,) = list(iter_documents([f"http://reader:secret@127.0.0.1:{port}/news/a"], fetcher=f))
    (moved,) = list(iter_documents([f"http://reader:secret@127.0.0.1:{port}/moved"], fetcher=f))
    (planted,) = list(iter_documents([f"http://127.0.0.1:{port}/moved-with-creds"], fetcher=f))
    f.close()
    for item in (doc, moved, planted):
        assert isinstance(item, Document)
        assert "secret" not in repr(item) and "stolen" not in repr(item)
        assert "@" not in item.source and "@" not in str(item.hints)
    with_auth = [s["path"] for s in SEEN if s["auth"]]
    assert with_auth == ["/news/a", "/moved"]  # never /robots.txt, never a redirect target
    assert {s["path"] for s in SEEN} >= {"/robots.txt", "/news/a", "/moved", "/news/c"}


def test_reliability_credentials_are_not_stored(servers: tuple[int, int], tmp_path: Path) -> None:
    import duckdb
    from typer.testing import CliRunner

    from tidings.cli import app

    port, _ = servers
    feed = tmp_path / "f.rss"
    feed.write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>T</title><item>"
        "<title>Mill town votes</title><link>http://feeder:hunter2@news.example/1</link>"
        f"<description>{PAGE.decode().replace('<', '&lt;')}</description></item>"
        "</channel></rss>"
    )
    db = tmp_path / "t.duckdb"
    url = f"http://reader:secret@127.0.0.1:{port}/news/stored"
    result = CliRunner().invoke(app, ["ingest", url, str(feed), "--db", str(db), "--allow-private"])
    assert result.exit_code == 0, result.output
    assert "secret" not in result.output
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute(
        "SELECT d.source, d.hints, a.url FROM internal.documents d JOIN internal.articles a"
        " ON a.doc_id = d.content_hash"
    ).fetchall()
    con.close()
    assert len(rows) == 2
    text = repr(rows)
    assert "secret" not in text and "hunter2" not in text and "reader" not in text
    assert f"http://127.0.0.1:{port}/news/stored" in text and "http://news.example/1" in text


# ---- the address pinned between check and connect ---------------------------------------------


class FakeDNS:
    """Answers for names under .test; every answer after the first can be made different
    (a rebinding DNS server). The system resolver must never be asked for these names."""

    def __init__(self, answers: dict[str, list[list[str]]]) -> None:
        self.answers = answers
        self.asked: list[str] = []

    def __call__(self, host: str, port: int) -> list[str]:
        self.asked.append(host)
        queue = self.answers[host]
        return queue.pop(0) if len(queue) > 1 else queue[0]


@pytest.fixture
def no_system_dns(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any resolution of a name by anyone else (httpx, httpcore) fails the request."""
    real = socket.getaddrinfo

    def only_numbers(host: Any, *args: Any, **kw: Any) -> Any:
        text = host.decode() if isinstance(host, bytes) else str(host)
        if text.endswith(".test"):
            raise socket.gaierror(socket.EAI_NONAME, f"second resolution of {text}")
        return real(host, *args, **kw)

    monkeypatch.setattr(socket, "getaddrinfo", only_numbers)


def test_reliability_address_resolved_once_and_pinned(
    servers: tuple[int, int], no_system_dns: None
) -> None:
    port, _ = servers
    # First answer loopback (allowed here), later answers a metadata address: were the
    # name resolved again between check and connect, the request would go elsewhere.
    dns = FakeDNS({"news.test": [["127.0.0.1"], ["169.254.169.254"]]})
    SEEN.clear()
    f = _fetcher(resolver=dns)
    first = f.get(f"http://news.test:{port}/news/a")
    second = f.get(f"http://news.test:{port}/news/b")
    f.close()
    assert first.status == second.status == 200
    assert dns.asked == ["news.test"]  # once, for robots.txt and both pages
    assert {s["host"] for s in SEEN} == {f"news.test:{port}"}  # the name kept for Host


def _reroute(f: Fetcher, fake: str, port: int, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Connections the fetcher makes to the fake public address ``fake`` land on the
    loopback server instead; returns every address the fetcher connected to."""
    tried: list[str] = []
    real = f._backend._inner.connect_tcp

    def connect(address: str, p: int, *args: Any, **kw: Any) -> httpcore.NetworkStream:
        tried.append(address)
        return real("127.0.0.1" if address == fake else address, p, *args, **kw)

    monkeypatch.setattr(f._backend._inner, "connect_tcp", connect)
    return tried


def test_reliability_rebinding_to_loopback_is_not_followed(
    servers: tuple[int, int], no_system_dns: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    port, _ = servers
    dns = FakeDNS({"rebind.test": [["93.184.216.34"], ["127.0.0.1"]]})
    f = Fetcher(delay=0.0, resolver=dns)  # private addresses NOT allowed
    tried = _reroute(f, "93.184.216.34", port, monkeypatch)
    resp = f.get(f"http://rebind.test:{port}/news/a")
    f.close()
    assert resp.status == 200
    assert dns.asked == ["rebind.test"] and set(tried) == {"93.184.216.34"}


def test_reliability_redirect_to_private_refused_without_the_flag(
    servers: tuple[int, int], no_system_dns: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    port, _ = servers
    dns = FakeDNS({"public.test": [["93.184.216.34"]]})
    f = Fetcher(delay=0.0, resolver=dns)
    tried = _reroute(f, "93.184.216.34", port, monkeypatch)
    with pytest.raises(FetchError, match="refusing to fetch 127.0.0.1"):
        f.get(f"http://public.test:{port}/to-loopback")
    f.close()
    assert "127.0.0.1" not in tried


def test_reliability_unchecked_host_is_never_connected() -> None:
    with pytest.raises(httpcore.ConnectError, match="not checked"):
        PinnedBackend().connect_tcp("elsewhere.test", 80)


# ---- robots.txt for every host a redirect reaches ---------------------------------------------


def test_reliability_robots_checked_after_a_redirect(servers: tuple[int, int]) -> None:
    port, other = servers
    SEEN.clear()
    f = _fetcher()
    (refused,) = list(iter_documents([f"http://127.0.0.1:{port}/away-private"], fetcher=f))
    (fine,) = list(iter_documents([f"http://127.0.0.1:{port}/away-public"], fetcher=f))
    f.close()
    assert isinstance(refused, InputError) and "robots.txt" in refused.one_line()
    assert f"redirected to http://127.0.0.1:{other}/private/x" in refused.one_line()
    assert isinstance(fine, Document)
    robots = [s["port"] for s in SEEN if s["path"] == "/robots.txt"]
    assert sorted(robots) == sorted([str(port), str(other)])  # each host's, once
    assert not [s for s in SEEN if s["path"].startswith("/private/")]
