"""WARC and WARC.gz files (Common Crawl's CC-NEWS layout) → one Document per HTML page.

Records are streamed one at a time with warcio, so memory stays flat however large the
file: nothing is read ahead and no record is kept after it is yielded. Only ``response``
records with status 200 and an HTML content type become documents; a record that cannot
be read becomes one InputError naming ``file#offset`` and the cause, and reading resumes at
the next record boundary (the next gzip member, or the next ``WARC/1.`` header line).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from tidings.errors import InputError
from tidings.model import Document
from tidings.sources.decode import charset_from_content_type
from tidings.sources.html import html_document
from tidings.sources.limits import MAX_PAGE_BYTES

HTML_TYPES = ("text/html", "application/xhtml+xml")
GZIP_MAGIC = b"\x1f\x8b\x08"
WARC_MAGIC = b"WARC/1."
SCAN_CHUNK = 1 << 20


def _resync(fh: IO[bytes], start: int, gz: bool) -> int | None:
    """The offset of the next record boundary after ``start``, or None at end of file."""
    magic = GZIP_MAGIC if gz else b"\n" + WARC_MAGIC
    pos = start + 1
    while True:
        fh.seek(pos)
        chunk = fh.read(SCAN_CHUNK + len(magic))
        if len(chunk) < len(magic):
            return None
        at = chunk.find(magic)
        if at >= 0:
            return pos + at + (0 if gz else 1)
        pos += SCAN_CHUNK


@dataclass
class PagePayload:
    body: bytes
    hints: dict[str, Any]
    charset: str | None
    truncated: bool


def _page_payload(record: Any, hints: dict[str, Any]) -> PagePayload | None:
    """The bounded payload of an HTML response record; None for records that are not pages."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode()
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if status != "200" or not content_type.startswith(HTML_TYPES):
        return None
    body = record.content_stream().read(MAX_PAGE_BYTES + 1)
    # the raw block reader counts down from Content-Length: bytes still owed at the end of
    # a fully read payload mean the file ended inside the record
    truncated = len(body) <= MAX_PAGE_BYTES and getattr(record.raw_stream, "limit", 0) > 0
    page_hints = dict(hints)
    uri = record.rec_headers.get_header("WARC-Target-URI")
    if uri:
        page_hints.setdefault("url", uri)
    date = record.rec_headers.get_header("WARC-Date")
    if date:
        page_hints.setdefault("published", date)  # a fallback: the page's own date wins
    return PagePayload(body, page_hints, charset_from_content_type(content_type), truncated)


def read_warc(path: Path, hints: dict[str, Any]) -> Iterator[Document | InputError]:
    """Every HTML page in a WARC file, in file order."""
    from warcio.archiveiterator import ArchiveIterator

    with path.open("rb") as head:
        gz = head.read(2) == GZIP_MAGIC[:2]  # by content: names lie
    size = path.stat().st_size
    base = 0
    while True:
        # a fresh handle per stretch: warcio may close the stream it failed on
        with path.open("rb") as fh:
            fh.seek(base)
            records = ArchiveIterator(fh)
            offset = base
            while True:
                try:
                    record = next(records)
                except StopIteration:
                    # warcio stops quietly on a gzip member cut short: unread bytes left
                    # over mean the last record was truncated.
                    if size - offset > 4:
                        yield InputError("truncated WARC record (the file ends inside it)",
                                         source=f"{path}#{offset}")  # fmt: skip
                    return
                except Exception as exc:  # noqa: BLE001 - warcio/zlib raise many kinds
                    yield InputError(f"broken WARC record: {type(exc).__name__}: {exc}"[:300],
                                     source=f"{path}#{offset}")  # fmt: skip
                    break
                where = f"{path}#{offset}"
                try:
                    page = _page_payload(record, hints)
                    # warcio knows a record's offset only once it has been read through
                    where = f"{path}#{records.get_record_offset()}"
                    offset = records.get_record_offset() + records.get_record_length()
                    if page is not None and page.truncated:
                        raise InputError("truncated WARC record (shorter than its "
                                         "Content-Length)", source=where)  # fmt: skip
                    if page is not None:
                        yield html_document(page.body, where, page.hints, page.charset)
                except InputError as exc:
                    yield exc
                except Exception as exc:  # noqa: BLE001 - a record that breaks while read
                    yield InputError(f"broken WARC record: {type(exc).__name__}: {exc}"[:300],
                                     source=where)  # fmt: skip
                    break
        # after a broken record warcio cannot go on: restart at the next boundary
        with path.open("rb") as scan:
            resume = _resync(scan, offset, gz)
        if resume is None:
            return
        base = resume
