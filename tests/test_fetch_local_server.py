"""URL ingest and feed/sitemap fetching against a local HTTP server started here.

The server binds 127.0.0.1, so every fetch needs ``allow_private``; without it the fetcher
must refuse, which is the SSRF guard under test.
"""

from __future__ import annotations

from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler

import pytest

from local_server import serving
from tidings.errors import FetchError, InputError
from tidings.model import Document
from tidings.sources import iter_documents
from tidings.sources.fetch import Fetcher, check_address, fetch_listed

PAGE = (
    "<html><head><title>Mill town votes on new library</title>"
    '<meta property="article:published_time" content="2024-09-12"></head><body><article>'
    "<h1>Mill town votes on new library</h1>"
    + "".join(
        f"<p>Part {i}: residents of the mill town voted on Thursday to build a new public "
        "library beside the river, the council announced after the count.</p>"
        for i in range(5)
    )
    + "</article></body></html>"
).encode("utf-8")
ROBOTS = b"User-agent: *\nDisallow: /private/\n"
AGENTS: list[str] = []  # every User-Agent the server saw
HUGE = b"<html><body>" + b"<p>x</p>" * 200_000 + b"</body></html>"  # 1.6 MB


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def _send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8") -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        AGENTS.append(self.headers.get("User-Agent", ""))
        host = f"http://127.0.0.1:{self.server.server_port}"
        if self.path == "/robots.txt":
            self._send(200, ROBOTS, "text/plain")
        elif self.path in ("/news/a", "/private/secret", "/news/b"):
            self._send(200, PAGE)
        elif self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/news/a")
            self.end_headers()
        elif self.path == "/huge":
            self._send(200, HUGE)
        elif self.path == "/sitemap.xml":
            body = ("<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
                    f"<url><loc>{host}/news/a</loc></url><url><loc>{host}/private/secret</loc></url>"
                    f"<url><loc>{host}/news/b</loc></url><url><loc>{host}/missing</loc></url>"
                    "</urlset>").encode()  # fmt: skip
            self._send(200, body, "application/xml")
        else:
            self._send(404, b"not here")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serving(Handler) as httpd:
        yield f"http://127.0.0.1:{httpd.server_port}"


def fetcher(**kw: object) -> Fetcher:
    return Fetcher(allow_private=True, delay=0.0, **kw)  # type: ignore[arg-type]


def test_ingest_url_yields_the_page(server: str) -> None:
    (doc,) = list(iter_documents([f"{server}/news/a"], fetcher=fetcher()))
    assert isinstance(doc, Document)
    assert doc.format == "html" and "mill town" in doc.content
    assert doc.hints["url"] == f"{server}/news/a"


def test_redirect_is_followed(server: str) -> None:
    (doc,) = list(iter_documents([f"{server}/moved"], fetcher=fetcher()))
    assert isinstance(doc, Document) and doc.hints["url"] == f"{server}/news/a"


def test_private_address_is_refused_without_the_flag(server: str) -> None:
    (item,) = list(iter_documents([f"{server}/news/a"]))
    assert isinstance(item, InputError)
    assert "private" in item.one_line() and "/news/a" in item.one_line()
    with pytest.raises(FetchError):
        check_address("127.0.0.1", 80, allow_private=False)
    with pytest.raises(FetchError):
        check_address("169.254.169.254", 80, allow_private=False)


def test_robots_txt_is_obeyed(server: str) -> None:
    (item,) = list(iter_documents([f"{server}/private/secret"], fetcher=fetcher()))
    assert isinstance(item, InputError) and "robots.txt" in item.one_line()


def test_size_cap_stops_a_huge_body(server: str) -> None:
    (item,) = list(iter_documents([f"{server}/huge"], fetcher=fetcher(max_bytes=100_000)))
    assert isinstance(item, InputError) and "cap" in item.one_line()


def test_sitemap_pages_are_fetched_with_errors_per_page(server: str) -> None:
    f = fetcher()
    items = list(fetch_listed(f"{server}/sitemap.xml", {}, f))
    f.close()
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [d.hints["url"] for d in docs] == [f"{server}/news/a", f"{server}/news/b"]
    assert len(errors) == 2  # robots-disallowed and 404
    assert any("404" in e.one_line() for e in errors)


def test_user_agent_names_tidings(server: str) -> None:
    list(iter_documents([f"{server}/news/b"], fetcher=fetcher()))
    assert AGENTS and all(agent.startswith("tidings/") for agent in AGENTS)


def test_requests_to_one_host_are_spaced_by_the_delay(
    server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    pauses: list[float] = []
    monkeypatch.setattr("tidings.sources.fetch.time.sleep", pauses.append)
    f = Fetcher(allow_private=True, delay=30.0)
    f.get(f"{server}/news/a")
    f.get(f"{server}/news/b")
    f.close()
    assert pauses and all(25.0 < p <= 30.0 for p in pauses)


def test_fetch_command_prints_one_line_per_article(server: str) -> None:
    import json

    from typer.testing import CliRunner

    from tidings.cli import app

    result = CliRunner().invoke(
        app, ["fetch", f"{server}/sitemap.xml", "--allow-private", "--delay", "0", "--limit", "1"]
    )
    assert result.exit_code == 0, result.output
    first = json.loads(result.stdout.splitlines()[0])
    assert first["title"] == "Mill town votes on new library"
    assert first["published"] == "2024-09-12"


def test_ingest_command_refuses_a_local_url_unless_allowed(server: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from tidings.cli import app

    db = str(tmp_path / "t.duckdb")
    refused = CliRunner().invoke(app, ["ingest", f"{server}/news/a", "--db", db])
    assert refused.exit_code == 1
    assert "--allow-private" in refused.output
    allowed = CliRunner().invoke(app, ["ingest", f"{server}/news/a", "--db", db, "--allow-private"])
    assert allowed.exit_code == 0, allowed.output
    assert "1 articles stored" in allowed.output
