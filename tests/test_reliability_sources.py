"""Hostile inputs to the readers: each is one error for that item (or read correctly),
never a hang, a crash of the batch or a silent loss."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from local_server import serving
from tidings.errors import InputError
from tidings.model import Document
from tidings.sources import iter_documents
from tidings.sources.dispatch import expand
from tidings.sources.feed import feed_documents
from tidings.sources.fetch import Fetcher, listing_urls
from tidings.sources.html import MAX_TAG_ATTRIBUTES, html_document

ARTICLE = "".join(
    f"<p>Part {i}: residents of the mill town voted on Thursday to build a new public "
    "library beside the river, the council announced after the count.</p>"
    for i in range(4)
)


# ---- files: FIFOs, symlink loops ------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_reliability_fifo_is_one_error_not_a_hang(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A good plain text article about the river library.\n")
    os.mkfifo(tmp_path / "pipe.txt")
    items = list(iter_documents([str(tmp_path)]))  # would block for ever opening the FIFO
    kinds = {Path(i.source or "").name: type(i) for i in items}
    assert kinds == {"a.txt": Document, "pipe.txt": InputError}
    (error,) = [i for i in items if isinstance(i, InputError)]
    assert "not a regular file (a FIFO)" in error.one_line()
    (named,) = list(iter_documents([str(tmp_path / "pipe.txt")]))
    assert isinstance(named, InputError) and "FIFO" in named.one_line()


def test_reliability_double_star_glob_over_symlink_loops_ends(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "x.txt").write_text("x")
    (tmp_path / "a" / "b" / "y.txt").write_text("y")
    # Two loops per level: glob.glob's "**" would walk 2^40 paths.
    for name in ("up1", "up2"):
        (tmp_path / "a" / "b" / name).symlink_to(tmp_path / "a")
        (tmp_path / "a" / name).symlink_to(tmp_path)
    found = sorted(p.name for p in expand([f"{tmp_path}/**/*.txt"]) if isinstance(p, Path))
    assert found == ["x.txt", "y.txt"]
    walked = sorted(p.name for p in expand([str(tmp_path)]) if isinstance(p, Path))
    assert walked == ["x.txt", "y.txt"]


# ---- HTML with huge attribute counts ----------------------------------------------------------


def test_reliability_html_with_many_attributes_is_stripped_before_lxml() -> None:
    attributes = " ".join(f'a{i}="v"' for i in range(200_000))
    page = f"<html><body><article {attributes}>{ARTICLE}</article></body></html>".encode()
    doc = html_document(page, "many.html", {})
    assert "a199999" not in doc.content and "<article>" in doc.content
    assert "mill town voted" in doc.content
    from tidings.extract import extract_article

    assert "library beside the river" in extract_article(doc).body


def test_reliability_html_ordinary_attributes_kept() -> None:
    attributes = " ".join(f'data-x{i}="v"' for i in range(MAX_TAG_ATTRIBUTES))
    page = f"<html><body><div {attributes}>{ARTICLE}</div></body></html>".encode()
    assert attributes in html_document(page, "ok.html", {}).content


# ---- feeds ------------------------------------------------------------------------------------


def _rss(description: str) -> bytes:
    return (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>T</title>"
        f"<item><title>Odd</title><link>http://e.x/1</link><description>{description}"
        "</description></item>"
        f"<item><title>Fine</title><link>http://e.x/2</link><description>{ARTICLE}"
        "</description></item></channel></rss>"
    ).encode("utf-8", "surrogatepass")


@pytest.mark.parametrize(
    "description",
    [
        "&lt;p&gt;control \x01 char inside markup&lt;/p&gt;",  # lxml: not XML compatible
        "&lt;p&gt;lone &amp;#xd800; surrogate&lt;/p&gt;",
        "&#55296; lone surrogate as text",  # UnicodeEncodeError '\ud800' when hashed
    ],
)
def test_reliability_odd_feed_entries_do_not_crash(description: str) -> None:
    items = list(feed_documents(_rss(description), "odd.rss", {}))
    assert len(items) == 2
    assert isinstance(items[1], Document) and "mill town" in items[1].content
    for item in items:
        if isinstance(item, Document):
            item.content.encode("utf-8")  # storable


def test_reliability_feed_parser_exception_is_one_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import tidings.sources.feed as feed

    def explode(data: bytes) -> None:
        raise ValueError("All strings must be XML compatible")

    monkeypatch.setattr(feed, "parse_feed", explode)
    (item,) = list(feed_documents(b"<rss/>", "bad.rss", {}))
    assert isinstance(item, InputError) and item.source == "bad.rss"
    assert "cannot parse feed" in item.one_line() and "XML compatible" in item.one_line()


def test_reliability_feed_entry_exception_is_one_error_batch_goes_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import tidings.sources.feed as feed

    real = feed._entry_text

    def flaky(entry: object) -> str:
        if getattr(entry, "get", lambda k: None)("title") == "Odd":
            raise UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed")
        return real(entry)

    monkeypatch.setattr(feed, "_entry_text", flaky)
    items = list(feed_documents(_rss("plain"), "f.rss", {}))
    assert [type(i) for i in items] == [InputError, Document]
    assert items[0].source == "f.rss#http://e.x/1" and "UnicodeEncodeError" in str(items[0])


# ---- slow servers and endless sitemap chains --------------------------------------------------

REQUESTS: list[str] = []


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802
        REQUESTS.append(self.path)
        host = f"http://127.0.0.1:{self.server.server_port}"  # type: ignore[attr-defined]
        if self.path.startswith("/index/"):
            n = int(self.path.rsplit("/", 1)[1])
            body = (
                "<?xml version='1.0'?><sitemapindex>"
                f"<sitemap><loc>{host}/index/{n + 1}</loc></sitemap>"
                f"<sitemap><loc>{host}/index/{n + 2}</loc></sitemap></sitemapindex>"
            ).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(300):  # one byte at a time: each read is quick, the whole is not
                    self.wfile.write(b"<")
                    self.wfile.flush()
                    time.sleep(0.05)
            except OSError:
                pass
        else:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serving(Handler) as httpd:
        yield f"http://127.0.0.1:{httpd.server_port}"


def test_reliability_trickling_server_hits_the_deadline_per_url(server: str) -> None:
    fetcher = Fetcher(allow_private=True, delay=0.0, timeout=5.0, deadline=0.5)
    (item,) = list(iter_documents([f"{server}/drip"], fetcher=fetcher))
    fetcher.close()
    assert isinstance(item, InputError) and "deadline per URL" in item.one_line()
    assert item.source == f"{server}/drip"


def test_reliability_sitemap_index_chain_is_bounded(server: str) -> None:
    REQUESTS.clear()
    fetcher = Fetcher(allow_private=True, delay=0.0)
    with pytest.raises(InputError) as caught:
        listing_urls(fetcher, f"{server}/index/0", limit=1, max_listings=20, max_depth=100)
    assert "no page found in 20 listings" in caught.value.one_line()
    assert len([p for p in REQUESTS if p.startswith("/index/")]) == 20
    REQUESTS.clear()
    with pytest.raises(InputError, match="4 indexes deep"):
        listing_urls(fetcher, f"{server}/index/0", limit=1, max_depth=4)
    # a binary tree of indexes: depth 0..4 is 1 + 2 + 4 + 8 + 16 listings, but shared
    # children (n+1, n+2) keep it smaller; never more than the cap
    assert len([p for p in REQUESTS if p.startswith("/index/")]) <= 50
    fetcher.close()
