"""Decode the bytes of a web page without mojibake.

Order of evidence: a byte-order mark, then the charset the transport declared (HTTP or WARC
headers), then the page's own ``<meta charset>``; each declared charset is only trusted
if the bytes decode cleanly with it, because servers and pages often lie. UTF-8 is tried
strictly before any guess (a page that decodes as strict UTF-8 almost surely is UTF-8),
then charset-normalizer guesses, and cp1252 is the last resort (it never fails).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator

from tidings.errors import InputError
from tidings.sources.mojibake import repair_mojibake

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE
)
# Browsers treat these labels as their Windows supersets (WHATWG Encoding Standard).
ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252",
           "us-ascii": "cp1252", "ascii": "cp1252", "iso-8859-9": "cp1254",
           "x-user-defined": "cp1252", "utf8": "utf-8"}  # fmt: skip


def normalise_charset(label: str | None) -> str | None:
    """A Python codec name for a declared charset label, or None when unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def charset_from_content_type(value: str | None) -> str | None:
    """The ``charset=`` parameter of a Content-Type header."""
    if not value:
        return None
    match = re.search(r"charset\s*=\s*[\"']?([^\s;\"']+)", value, re.IGNORECASE)
    return match.group(1) if match else None


def looks_binary(data: bytes) -> bool:
    """NUL bytes in the head mean an image, archive or executable, not a page
    (UTF-16 pages carry a BOM and are checked before this)."""
    return b"\x00" in data[:4096]


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _guess(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - it ships with the locked dependencies
        return None
    best = from_bytes(data[:200_000]).best()
    return normalise_charset(best.encoding) if best is not None else None


def _labels(declared: list[str | None], data: bytes) -> Iterator[str]:
    """Codecs to try in order; the (slow) guess only runs when the declared ones fail."""
    yield from (label for label in declared if label)
    guessed = _guess(data)
    if guessed:
        yield guessed
    yield from ("utf-8", "cp1252")


def decode_html(data: bytes, source: str, declared: str | None = None) -> tuple[str, str]:
    """Decode page bytes; returns (text, codec). ``declared`` is the transport's charset.
    Mojibake the page itself carries (UTF-8 once read as cp1252) is repaired.

    Raises InputError for empty or binary input.
    """
    text, codec = _decode(data, source, declared)
    return repair_mojibake(text), codec


def _decode(data: bytes, source: str, declared: str | None) -> tuple[str, str]:
    if not data.strip():
        raise InputError("empty page", source=source)
    for bom, codec in BOMS:
        if data.startswith(bom):
            text = _strict(data, codec)
            if text is not None:
                return text, codec
    if looks_binary(data):
        raise InputError("binary data (NUL bytes), not a web page", source=source)
    meta = META_CHARSET.search(data[:4096])
    candidates = [
        normalise_charset(declared),
        normalise_charset(meta.group(1).decode("ascii", "ignore") if meta else None),
    ]
    # A declared single-byte charset decodes anything, so a UTF-8 page mislabelled as
    # cp1252 would turn to mojibake: valid multi-byte UTF-8 outranks such a label.
    if not data.isascii():
        decoded = _strict(data, "utf-8")
        if decoded is not None:
            return decoded, "utf-8"
    for label in _labels(candidates, data):
        decoded = _strict(data, label)
        if decoded is not None:
            return decoded, label
    return data.decode("latin-1"), "latin-1"  # every byte maps: the last resort
