"""HTML pages, WARC files and feeds (implemented by the 'Real pages in' work)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tidings.errors import InputError
from tidings.model import Document
from tidings.sources.text import decode_text, read_bytes, sha256


def read(path: Path, kind: str, hints: dict[str, Any]) -> Iterator[Document | InputError]:
    if kind == "html":
        data = read_bytes(path)
        text, enc = decode_text(data, str(path))
        yield Document(source=str(path), content_hash=sha256(data), format="html",
                       content=text, hints=dict(hints), encoding=enc)
        return
    yield InputError(f"{kind} input is not supported yet", source=str(path))
