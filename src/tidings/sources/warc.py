"""WARC and WARC.gz files (Common Crawl's CC-NEWS layout) → one Document per HTML page.

Records are streamed one at a time with warcio, so memory stays flat however large the
file: nothing is read ahead and no record is kept after it is yielded. Only ``response``
records with status 200 and an HTML content type become documents; a record that cannot
be read becomes one InputError naming ``file#offset`` and the cause, and reading resumes at
the next record boundary (the next gzip member, or the next ``WARC/1.`` header line).
"""

from __future__ import annotations

import zlib
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
    # not only at a line's start: a record cut short runs straight into the next header
    magic = GZIP_MAGIC if gz else WARC_MAGIC
    pos = start + 1
    while True:
        fh.seek(pos)
        chunk = fh.read(SCAN_CHUNK + len(magic))
        if len(chunk) < len(magic):
            return None
        at = chunk.find(magic)
        if at >= 0:
            return pos + at
        pos += SCAN_CHUNK


def _gzipped(head: bytes) -> bool:
    """The file starts with a gzip member (its magic bytes, and a header that inflates),
    not with those three bytes followed by anything."""
    if not head.startswith(GZIP_MAGIC):
        return False
    try:
        zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
    except zlib.error:
        return False
    return True


def _at(fh: IO[bytes], offset: int, magic: bytes) -> bool:
    fh.seek(offset)
    return fh.read(len(magic)) == magic


MAX_HEADER_LINE = 1 << 20  # a longer WARC or HTTP header line is a decompression bomb


def _cap_lines(reader: Any, cap: int = MAX_HEADER_LINE) -> None:
    """Make warcio's reader refuse header lines over ``cap`` bytes: unbounded, it reads
    one endless line of a decompression bomb into memory (in quadratic time)."""
    readline = reader.readline

    def capped(length: int | None = None) -> bytes:
        line: bytes = readline(cap + 1 if not length or length > cap + 1 else length)
        if len(line) > cap and not line.endswith(b"\n"):
            raise InputError(f"WARC header line over {cap // 2**20} MB (a decompression bomb?)")
        return line

    reader.readline = capped


WARC_TYPES = {"warcinfo", "response", "resource", "request", "metadata", "revisit",
              "conversion", "continuation"}  # fmt: skip


# fields a record has at most once (WARC 1.1, section 5); twice means two headers merged
SINGULAR_HEADERS = {"warc-type", "warc-record-id", "warc-date", "content-length",
                    "warc-target-uri"}  # fmt: skip


def _header_damage(record: Any) -> str:
    """Why a WARC record's header cannot be trusted to say where the record ends, or ""."""
    if not str(getattr(record, "format", "")).startswith("warc"):
        return ""
    headers = record.rec_headers
    declared = (headers.get_header("Content-Length") or "").strip()
    if not declared.isdigit():
        return "no valid Content-Length"
    if record.rec_type not in WARC_TYPES:
        return f"unknown WARC-Type {str(record.rec_type)[:40]!r}"
    seen: set[str] = set()
    for name, value in headers.headers:
        if WARC_MAGIC.decode() in f"{name}{value}":
            return "a header line runs into the next record"
        key = name.strip().lower()
        if key in SINGULAR_HEADERS:
            if key in seen:  # the header block ran on into the next record's
                return f"{name.strip()} given twice: the header runs into the next record"
            seen.add(key)
    return ""


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
    """Every HTML page in a WARC file, in file order; a file with no page at all (empty,
    or only other records) is one error saying so, never silence."""
    said = 0
    records = 0
    reported: set[str | None] = set()
    for item in _read_warc(path, hints):
        if isinstance(item, int):
            records += item
            continue
        if isinstance(item, InputError):
            if item.source in reported:  # the same damage met again on a second look
                continue
            reported.add(item.source)
        said += 1
        yield item
    if not said:
        what = "no WARC record" if not records else f"{records} records, none an HTML page"
        yield InputError(f"nothing to read: {what}", source=str(path))


def _read_warc(path: Path, hints: dict[str, Any]) -> Iterator[Document | InputError | int]:
    from warcio.archiveiterator import ArchiveIterator

    with path.open("rb") as head:
        gz = _gzipped(head.read(4096))  # by content: names lie
    size = path.stat().st_size
    base = 0
    floor = 0  # start of the last record read: reading resumes only after it
    while True:
        # a fresh handle per stretch: warcio may close the stream it failed on
        with path.open("rb") as fh:
            fh.seek(base)
            records = ArchiveIterator(fh)
            _cap_lines(records.reader)
            records.INC_RECORD = ""  # warcio's stderr warning: reported below instead
            warnings = records.err_count
            offset = base
            back = False  # look again from the last record's start, not its end
            while True:
                try:
                    record = next(records)
                except StopIteration:
                    # warcio stops quietly on a gzip member cut short (or damaged): unread
                    # bytes left over are reported, then reading resumes at the next
                    # record boundary, if there is one.
                    if size - offset <= 4:
                        return
                    unread = f"{size - offset:,} bytes not read from here"
                    yield InputError(f"truncated or damaged WARC record ({unread})",
                                     source=f"{path}#{max(offset, base)}")  # fmt: skip
                    break
                except Exception as exc:  # noqa: BLE001 - warcio/zlib raise many kinds
                    yield InputError(f"broken WARC record: {type(exc).__name__}: {exc}"[:300],
                                     source=f"{path}#{max(offset, base)}")  # fmt: skip
                    # the record before may have run (by a Content-Length too long) into
                    # the header of this one: the next record may start before ``offset``
                    # (a gzip member cannot run into the next one, but a fresh reader may
                    # read this one: warcio can mistake the format after a bad member)
                    back = True
                    break
                where = f"{path}#{offset}"
                try:
                    damage = _header_damage(record)
                    if damage:
                        # a record with a broken header may have swallowed the records
                        # after it (no length: all of them; a header line run on into the
                        # next record's): report, then look for them from its start
                        start = records.get_record_offset()
                        yield InputError(f"damaged WARC record ({damage})",
                                         source=f"{path}#{start}")  # fmt: skip
                        offset = start
                        break
                    page = _page_payload(record, hints)
                    # warcio knows a record's offset only once it has been read through
                    start = records.get_record_offset()
                    where = f"{path}#{start}"
                    offset = start + records.get_record_length()
                    floor = max(floor, start)
                    yield 1
                    if records.err_count != warnings:
                        # not followed by the blank lines that end a record: its
                        # Content-Length is wrong, and a long one swallowed what came
                        # after. Report, then look for records from this one's start.
                        yield InputError("damaged WARC record (its Content-Length does not "
                                         "end where the record does)", source=where)  # fmt: skip
                        offset = start
                        break
                    if page is not None and page.truncated:
                        # a Content-Length past the end may have swallowed the records
                        # after it: report, then look for them from this record's start
                        yield InputError("truncated WARC record (shorter than its "
                                         "Content-Length)", source=where)  # fmt: skip
                        offset = start
                        break
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
            # never back to or before where this stretch began: reading always moves on
            # (warcio's offsets inside a damaged gzip member can point backwards)
            if back and gz and base < offset < size and _at(scan, offset, GZIP_MAGIC):
                resume: int | None = offset  # retry this member with a fresh reader
            else:
                resume = _resync(scan, max(floor, base) if back else max(offset, base, floor), gz)
        if resume is None:
            return
        base = resume
