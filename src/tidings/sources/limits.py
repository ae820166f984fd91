"""Size caps, and reading a file (gzip or not) without ever holding more than a cap.

A web page over :data:`MAX_PAGE_BYTES` is not an article (it is a dump, a feed of
everything, or an attack), and a gzip member that inflates past :data:`MAX_INFLATED_BYTES`
is a decompression bomb; both become an InputError for that one item.
"""

from __future__ import annotations

import zlib
from pathlib import Path

from tidings.errors import InputError

MAX_PAGE_BYTES = 10 * 1024 * 1024
MAX_INFLATED_BYTES = 50 * 1024 * 1024
CHUNK = 64 * 1024


def gunzip_capped(data: bytes, source: str, cap: int = MAX_INFLATED_BYTES) -> bytes:
    """Inflate gzip bytes in bounded steps; refuses bombs and truncated streams."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = bytearray()
    pending = data
    try:
        while pending and not inflater.eof:
            out += inflater.decompress(pending, cap + 1 - len(out))
            if len(out) > cap:
                raise InputError(f"decompresses past {cap // 2**20} MB (a decompression bomb?)",
                                 source=source)  # fmt: skip
            pending = inflater.unconsumed_tail
            if not pending and not inflater.eof:
                break
    except zlib.error as exc:
        raise InputError(f"broken gzip: {exc}", source=source) from exc
    if not inflater.eof:
        raise InputError("truncated gzip (the stream ends early)", source=source)
    return bytes(out)


def read_capped(path: Path, cap: int = MAX_PAGE_BYTES) -> bytes:
    """A file's bytes (gunzipped when named .gz), refusing anything over ``cap``."""
    source = str(path)
    gz = path.name.lower().endswith(".gz")
    limit = MAX_INFLATED_BYTES if gz else cap
    size = path.stat().st_size
    if size > limit:
        raise InputError(f"file is {size / 2**20:.0f} MB, over the {limit // 2**20} MB cap",
                         source=source)  # fmt: skip
    data = path.read_bytes()
    if gz:
        data = gunzip_capped(data, source)
    if len(data) > cap:
        raise InputError(f"page is {len(data) / 2**20:.0f} MB, over the {cap // 2**20} MB cap",
                         source=source)  # fmt: skip
    return data
