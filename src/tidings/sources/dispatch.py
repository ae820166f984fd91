"""Expand paths and route each file to the reader for its format."""

from __future__ import annotations

import glob
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from tidings.errors import InputError
from tidings.model import Document
from tidings.sources import text as text_source
from tidings.sources.text import SIDECAR_SUFFIX

SourceItem = Document | InputError


def expand(paths: Iterable[str]) -> Iterator[Path | InputError]:
    """Files named, inside folders named (recursively, sorted), or matched by globs.

    Folders are walked without following symbolic links to folders, and ``**`` globs
    likewise, so a symlink loop cannot make the walk endless. A FIFO, socket or device
    is one error (reading it could block for ever), never opened."""
    for raw in paths:
        if any(ch in raw for ch in "*?["):
            matches = _glob(raw)
            if not matches:
                yield InputError("no file matches this pattern", source=raw)
            for m in matches:
                yield from expand([m])
            continue
        p = Path(raw)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and not name.endswith(SIDECAR_SUFFIX):
                        yield _regular(Path(root) / name)
        elif p.exists():
            yield _regular(p)
        else:
            yield InputError("no such file or folder", source=raw)


def _regular(path: Path) -> Path | InputError:
    """The path when it is a regular file (after symlinks), else the error saying what."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return InputError(f"cannot read: {exc.strerror or exc}", source=str(path))
    if stat.S_ISREG(mode):
        return path
    kind = "a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"
    return InputError(f"not a regular file ({kind}): refused", source=str(path))


def _glob(pattern: str) -> list[str]:
    """Sorted matches of a glob; ``**`` (any depth) does not follow symlinks to folders,
    which ``glob.glob`` does, endlessly (2^depth paths) over a symlink loop."""
    if "**" not in pattern:
        return sorted(glob.glob(pattern))
    parts = Path(pattern).parts
    fixed = next(n for n, part in enumerate(parts) if any(ch in part for ch in "*?["))
    base = Path(*parts[:fixed]) if fixed else Path(".")
    rest = "/".join(parts[fixed:])
    found = []
    for match in base.glob(rest):
        relative = match.relative_to(base).parts
        if any(part.startswith(".") for part in relative):  # as glob.glob: hidden names skipped
            continue
        found.append(str(match))
    return sorted(found)


def reader_for(path: Path) -> str:
    """The reader name for a file, from its name (``.gz`` looks through to the inner name)."""
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    if name.endswith((".warc", ".arc")):
        return "warc"
    if name.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if name.endswith((".html", ".htm", ".xhtml")):
        return "html"
    if name.endswith((".rss", ".atom", ".xml")):
        return "feed"
    return "text"


def iter_documents(
    paths: Iterable[str], hints: dict[str, Any] | None = None, fetcher: Any = None
) -> Iterator[SourceItem]:
    """Every document under ``paths``; ``hints`` (published, publisher, url) fill in
    metadata the files do not carry. http(s) URLs are fetched (with ``fetcher``, a
    :class:`tidings.sources.fetch.Fetcher`, when given: e.g. one allowing private hosts)."""
    base_hints = {k: v for k, v in (hints or {}).items() if v is not None}
    for raw in paths:
        if raw == "-":
            yield from _iter_stdin(base_hints)
            continue
        if raw.lower().startswith(("http://", "https://")):
            from tidings.sources.fetch import iter_url

            yield from iter_url(raw, base_hints, fetcher)
            continue
        yield from _iter_files(raw, base_hints)


def _iter_files(raw: str, base_hints: dict[str, Any]) -> Iterator[SourceItem]:
    for item in expand([raw]):
        if isinstance(item, InputError):
            yield item
            continue
        yield from read_path(item, base_hints)


def read_path(path: Path, hints: dict[str, Any]) -> Iterator[SourceItem]:
    """One file, already listed, through the reader for its format; a file that cannot be
    read is one InputError naming it. (The Spark runner reads each file it was given with
    this, so its sources and content hashes are those of ``ingest``.)"""
    kind = reader_for(path)
    try:
        if kind == "jsonl":
            yield from text_source.read_jsonl(path, hints)
        elif kind == "text":
            yield text_source.read_text(path, hints)
        else:
            from tidings.sources import web  # HTML/WARC/feeds: heavier imports

            yield from web.read(path, kind, hints)
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield InputError(f"cannot read: {exc.strerror or exc}", source=str(path))


STDIN = "-"


def _sniff(head: bytes) -> str:
    """A file suffix for what standard input holds, from its first bytes."""
    if head[:2] == b"\x1f\x8b":
        import zlib

        try:
            inner = zlib.decompressobj(31).decompress(head, 512)
        except zlib.error:
            return ".txt.gz"
        return _sniff(inner) + ".gz"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(b"warc/"):
        return ".warc"
    if text.startswith(b"{"):
        return ".jsonl"
    if text.startswith(b"<") and (b"<rss" in text or b"<feed" in text or b"<urlset" in text
                                  or b"<sitemapindex" in text):  # fmt: skip
        return ".xml"
    if text.startswith(b"<"):
        return ".html"
    return ".txt"


def _iter_stdin(base_hints: dict[str, Any]) -> Iterator[SourceItem]:
    """``-``: standard input, spooled to a temporary file and read by the reader its first
    bytes call for (JSON Lines, HTML, WARC, a feed, gzip of those, else text); sources
    are named ``-`` (``-#3`` for the fourth JSON line)."""
    import shutil
    import sys
    import tempfile

    with tempfile.TemporaryDirectory(prefix="tidings-stdin-") as tmp:
        stream = sys.stdin.buffer
        head = stream.read(4096)
        path = Path(tmp) / ("stdin" + _sniff(head))
        with path.open("wb") as out:
            out.write(head)
            shutil.copyfileobj(stream, out)
        if path.stat().st_size == 0:
            yield InputError("standard input is empty", source=STDIN)
            return
        for item in _iter_files(str(path), base_hints):
            if isinstance(item, Document):
                item.source = item.source.replace(str(path), STDIN, 1)
            elif item.source:
                item.source = item.source.replace(str(path), STDIN, 1)
            yield item
