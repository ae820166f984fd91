"""Single HTML pages → Document (bytes decoded carefully, size capped)."""

from __future__ import annotations

import re
from itertools import islice
from pathlib import Path
from typing import Any

from tidings.errors import InputError
from tidings.model import Document
from tidings.sources.decode import decode_html
from tidings.sources.limits import MAX_PAGE_BYTES, read_capped
from tidings.sources.text import sha256

MAX_TAG_ATTRIBUTES = 256  # more in one tag is an attack (lxml's time grows with their square)
LONG_TAG = 2048  # only tags this long are counted
# A start tag without "<" inside: each scan stops at the next "<" or ">", so finding every
# tag is one pass over the page whatever it holds.
START_TAG = re.compile(rf"<([A-Za-z][^\s<>/]*+)([^<>]{{{LONG_TAG},}}+)>")
ATTRIBUTE = re.compile(r"[^\s=<>/\"']++(?:\s*+=\s*+(?:\"[^\"]*+\"|'[^']*+'|[^\s<>]++))?+")


def strip_heavy_tags(markup: str) -> str:
    """``markup`` with the attributes dropped from any tag carrying more than
    :data:`MAX_TAG_ATTRIBUTES` of them (the tag and the text around it stay)."""

    def lighten(match: re.Match[str]) -> str:
        count = sum(1 for _ in islice(ATTRIBUTE.finditer(match.group(2)), MAX_TAG_ATTRIBUTES + 1))
        return f"<{match.group(1)}>" if count > MAX_TAG_ATTRIBUTES else match.group(0)

    return START_TAG.sub(lighten, markup)


def html_document(data: bytes, source: str, hints: dict[str, Any],
                  declared_charset: str | None = None) -> Document:  # fmt: skip
    """A Document from page bytes; ``declared_charset`` is what the transport said."""
    if len(data) > MAX_PAGE_BYTES:
        raise InputError(f"page is {len(data) / 2**20:.0f} MB, over the "
                         f"{MAX_PAGE_BYTES // 2**20} MB cap", source=source)  # fmt: skip
    text, codec = decode_html(data, source, declared_charset)
    if "<" not in text[:65536]:
        raise InputError("no HTML markup in the page", source=source)
    text = strip_heavy_tags(text)
    return Document(source=source, content_hash=sha256(data), format="html", content=text,
                    hints=dict(hints), encoding=codec)  # fmt: skip


def read_html(path: Path, hints: dict[str, Any]) -> Document:
    return html_document(read_capped(path), str(path), hints)
