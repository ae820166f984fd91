"""Single HTML pages → Document (bytes decoded carefully, size capped)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tidings.errors import InputError
from tidings.model import Document
from tidings.sources.decode import decode_html
from tidings.sources.limits import MAX_PAGE_BYTES, read_capped
from tidings.sources.text import sha256


def html_document(data: bytes, source: str, hints: dict[str, Any],
                  declared_charset: str | None = None) -> Document:  # fmt: skip
    """A Document from page bytes; ``declared_charset`` is what the transport said."""
    if len(data) > MAX_PAGE_BYTES:
        raise InputError(f"page is {len(data) / 2**20:.0f} MB, over the "
                         f"{MAX_PAGE_BYTES // 2**20} MB cap", source=source)  # fmt: skip
    text, codec = decode_html(data, source, declared_charset)
    if "<" not in text[:65536]:
        raise InputError("no HTML markup in the page", source=source)
    return Document(source=source, content_hash=sha256(data), format="html", content=text,
                    hints=dict(hints), encoding=codec)  # fmt: skip


def read_html(path: Path, hints: dict[str, Any]) -> Document:
    return html_document(read_capped(path), str(path), hints)
