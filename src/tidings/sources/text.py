"""Plain-text files and JSON Lines (gzip read transparently)."""

from __future__ import annotations

import gzip
import hashlib
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from tidings.errors import InputError
from tidings.model import Document
from tidings.sources.decode import BOMS, _guess
from tidings.sources.limits import MAX_PAGE_BYTES, read_capped
from tidings.sources.mojibake import repair_mojibake


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode_text(data: bytes, source: str) -> tuple[str, str]:
    """Decode bytes as text, refusing binary data; returns (text, encoding).

    A byte-order mark decides (UTF-8, UTF-16, UTF-32); then strict UTF-8; then a legacy
    code page: cp1252 unless the text read that way is mostly accented letters, which is
    how Cyrillic, Greek and other single-byte scripts look in it, when charset-normalizer
    names the code page (cp1251, koi8-r, …)."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                break
            if not text.strip():
                raise InputError("empty file", source=source)
            return repair_mojibake(text), codec
    if not data.strip():
        raise InputError("empty file", source=source)
    if b"\x00" in data[:8192]:
        raise InputError("binary file (NUL bytes), not text", source=source)
    try:
        return repair_mojibake(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", "replace")
    if _mostly_high_letters(text):
        guessed = _guess(data)
        if guessed:
            try:
                return data.decode(guessed), guessed
            except (UnicodeDecodeError, LookupError):
                pass
    for enc in ("cp1252", "latin-1"):
        try:
            return repair_mojibake(data.decode(enc)), enc
        except UnicodeDecodeError:
            continue
    raise InputError("cannot decode as text", source=source)  # pragma: no cover


def _mostly_high_letters(text: str, share: float = 0.3) -> bool:
    """Over ``share`` of the letters are non-ASCII: not a Western European text."""
    letters = [c for c in text[:200_000] if c.isalpha()]
    high = sum(1 for c in letters if not c.isascii())
    return bool(letters) and high / len(letters) > share


def read_bytes(path: Path) -> bytes:
    """A file's bytes, gunzipped when named .gz, within the size caps of ``limits``."""
    return read_capped(path)


SIDECAR_SUFFIX = ".meta.json"


def sidecar_hints(path: Path) -> dict[str, Any]:
    """Metadata from ``NAME.meta.json`` beside a text file (published, publisher, url,
    title, author): how plain-text dumps keep what their crawler knew."""
    meta = path.with_name(path.name.split(".")[0] + SIDECAR_SUFFIX)
    if not meta.is_file():
        return {}
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(f"unreadable metadata file {meta.name}: {exc}", source=str(path)) from exc
    if not isinstance(data, dict):
        raise InputError(f"metadata file {meta.name} is not a JSON object", source=str(path))
    return {k: v for k, v in data.items() if k in JSONL_HINT_KEYS and v}


def read_text(path: Path, hints: dict[str, Any]) -> Document:
    """A plain-text file; command-line hints win over its sidecar metadata."""
    data = read_bytes(path)
    text, enc = decode_text(data, str(path))
    return Document(
        source=str(path), content_hash=sha256(data), format="text", content=text,
        hints={**sidecar_hints(path), **hints}, encoding=enc,
    )  # fmt: skip


JSONL_TEXT_KEYS = ("text", "content", "body", "article", "maintext")
JSONL_HINT_KEYS = ("title", "url", "publisher", "published", "date", "author", "id", "source")


MAX_RECORD_BYTES = MAX_PAGE_BYTES  # one JSON line; longer ones are refused, not read
LINE_CHUNK = 1 << 20


def _lines(fh: IO[bytes], cap: int) -> Iterator[bytes | int]:
    """Each line of ``fh`` as bytes, or its length in bytes when it is longer than ``cap``
    (such a line is skipped in bounded steps, never held whole)."""
    while line := fh.readline(cap + 1):
        if len(line) <= cap or line.endswith(b"\n"):
            yield line
            continue
        size = len(line)
        while (rest := fh.readline(LINE_CHUNK)) and not rest.endswith(b"\n"):
            size += len(rest)
        yield size + len(rest)


def read_jsonl(
    path: Path, hints: dict[str, Any], max_record_bytes: int = MAX_RECORD_BYTES
) -> Iterator[Document | InputError]:
    """One document per JSON line; a bad or oversized line is an error for that line only.
    Lines are read one at a time with a byte cap, so memory stays bounded whatever the file
    (or a gzip bomb inflating to one endless line) holds."""
    opener: Any = gzip.open if path.name.lower().endswith(".gz") else open
    records = 0
    try:
        with opener(path, "rb") as fh:
            for lineno, raw in enumerate(_lines(fh, max_record_bytes), 1):
                where = f"{path}:{lineno}"
                if isinstance(raw, int):
                    records += 1
                    cause = f"record is {raw:,} bytes, over the {max_record_bytes:,}-byte cap"
                    yield InputError(cause, source=where)
                    continue
                if lineno == 1:
                    raw = raw.removeprefix(b"\xef\xbb\xbf")
                line = raw.decode("utf-8", "replace")
                if not line.strip():
                    continue
                records += 1
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield InputError(f"not JSON: {exc.msg}", source=where)
                    continue
                except RecursionError:
                    yield InputError("not JSON: nested too deeply", source=where)
                    continue
                if not isinstance(rec, dict):
                    yield InputError("JSON line is not an object", source=where)
                    continue
                text = next((rec[k] for k in JSONL_TEXT_KEYS if isinstance(rec.get(k), str)), None)
                if not text or not text.strip():
                    yield InputError("record has no text field", source=where)
                    continue
                # lone surrogates ("\\ud800" in the JSON) cannot be encoded: replace them
                text = text.encode("utf-8", "replace").decode("utf-8")
                rec_hints = dict(hints)
                rec_hints.update({k: rec[k] for k in JSONL_HINT_KEYS if rec.get(k)})
                if "date" in rec_hints and "published" not in rec_hints:
                    rec_hints["published"] = rec_hints.pop("date")
                yield Document(
                    source=f"{path}#{rec.get('id', lineno)}",
                    content_hash=sha256(text.encode("utf-8")),
                    format="jsonl",
                    content=text,
                    hints=rec_hints,
                )
    except (OSError, EOFError, zlib.error) as exc:
        yield InputError(f"cannot read: {exc}", source=str(path))
        return
    if records == 0:
        yield InputError("empty file: no JSON records", source=str(path))
