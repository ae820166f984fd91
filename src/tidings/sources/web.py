"""Web inputs on disk: HTML pages, WARC files and RSS/Atom feeds, each routed to its reader."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tidings.errors import InputError
from tidings.model import Document


def read(path: Path, kind: str, hints: dict[str, Any]) -> Iterator[Document | InputError]:
    """Documents from one file of kind ``html``, ``warc`` or ``feed``."""
    if kind == "html":
        from tidings.sources.html import read_html

        yield read_html(path, hints)
    elif kind == "warc":
        from tidings.sources.warc import read_warc

        yield from read_warc(path, hints)
    elif kind == "feed":
        from tidings.sources.feed import read_feed

        yield from read_feed(path, hints)
    else:
        yield InputError(f"{kind} input is not a web format", source=str(path))
