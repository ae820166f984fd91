"""WARC files written here with warcio: HTML pages in, everything else out, broken records
reported one by one while the rest goes on."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tidings.errors import InputError
from tidings.model import Document
from tidings.sources import iter_documents

STORY = (
    "<html><head><title>Valley rail line reopens</title></head><body><article>"
    "<h1>Valley rail line reopens</h1>"
    + "".join(
        f"<p>Paragraph {i}: the valley rail line reopened on Monday after a landslide closed "
        f"it for four months, the operator said in a statement to passengers.</p>"
        for i in range(6)
    )
    + "</article></body></html>"
)


def _response(
    writer: WARCWriter, uri: str, body: bytes, ctype: str, status: str = "200 OK"
) -> None:
    http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        uri,
        "response",
        payload=io.BytesIO(body),
        http_headers=http,
        warc_headers_dict={"WARC-Date": "2024-02-03T04:05:06Z"},
    )
    writer.write_record(record)


def write_warc(path: Path, gz: bool) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        req = writer.create_warc_record("https://news.test/a", "request",
                                        payload=io.BytesIO(b"GET /a HTTP/1.1\r\n\r\n"))  # fmt: skip
        writer.write_record(req)
        _response(
            writer, "https://news.test/a", STORY.encode("cp1251"), "text/html; charset=windows-1251"
        )
        _response(writer, "https://news.test/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00", "image/png")
        _response(
            writer, "https://news.test/gone", b"<html>gone</html>", "text/html", "404 Not Found"
        )
        _response(writer, "https://news.test/b", STORY.replace("Monday", "Friday").encode(),
                  "application/xhtml+xml")  # fmt: skip


@pytest.mark.parametrize("gz", [False, True])
def test_only_html_200_responses_become_documents(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    write_warc(path, gz)
    items = list(iter_documents([str(path)]))
    docs = [i for i in items if isinstance(i, Document)]
    assert [d.hints["url"] for d in docs] == ["https://news.test/a", "https://news.test/b"]
    assert not [i for i in items if isinstance(i, InputError)]
    assert docs[0].encoding == "cp1251" and "Monday" in docs[0].content
    assert docs[0].hints["published"].startswith("2024-02-03")
    assert "#" in docs[0].source and docs[0].source.startswith(str(path))


@pytest.mark.parametrize("gz", [False, True])
def test_broken_record_is_one_error_and_the_rest_goes_on(tmp_path: Path, gz: bool) -> None:
    good = tmp_path / "good.warc"
    write_warc(good, gz)
    data = good.read_bytes()
    # Damage the second response record (the PNG): its gzip member or its version line.
    magic = b"\x1f\x8b\x08" if gz else b"WARC/1."
    second = data.find(magic, data.find(magic, 10) + 3)
    if gz:
        broken = data[: second + 20] + b"\x00garbage\x00" * 20 + data[second + 20 :]
    else:
        broken = data[:second] + b"XARC" + data[second + 4 :]
    path = tmp_path / ("broken.warc.gz" if gz else "broken.warc")
    path.write_bytes(broken)
    items = list(iter_documents([str(path)]))
    errors = [i for i in items if isinstance(i, InputError)]
    docs = [i for i in items if isinstance(i, Document)]
    assert len(errors) >= 1
    assert f"{path}#" in errors[0].one_line()
    assert any(d.hints["url"] == "https://news.test/b" for d in docs)


@pytest.mark.parametrize("gz", [False, True])
def test_truncated_warc_reports_the_last_record(tmp_path: Path, gz: bool) -> None:
    good = tmp_path / "good.warc"
    write_warc(good, gz)
    data = good.read_bytes()
    path = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    path.write_bytes(data[: len(data) - 200])
    items = list(iter_documents([str(path)]))
    assert any(isinstance(i, Document) and i.hints["url"] == "https://news.test/a" for i in items)
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(errors) == 1 and "#" in (errors[0].source or "")
