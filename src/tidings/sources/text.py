"""Plain-text files and JSON Lines (gzip read transparently)."""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tidings.errors import InputError
from tidings.model import Document
from tidings.sources.limits import read_capped
from tidings.sources.mojibake import repair_mojibake


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode_text(data: bytes, source: str) -> tuple[str, str]:
    """Decode bytes as text, refusing binary data; returns (text, encoding)."""
    if not data.strip():
        raise InputError("empty file", source=source)
    if b"\x00" in data[:8192]:
        raise InputError("binary file (NUL bytes), not text", source=source)
    for enc in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            return repair_mojibake(data.decode(enc)), enc
        except UnicodeDecodeError:
            continue
    raise InputError("cannot decode as text", source=source)  # pragma: no cover


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


def read_jsonl(path: Path, hints: dict[str, Any]) -> Iterator[Document | InputError]:
    """One document per JSON line; a bad line is an error for that line only."""
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        with opener(path, "rt", encoding="utf-8", errors="replace") as fh:  # type: ignore[operator]
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                where = f"{path}:{lineno}"
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield InputError(f"not JSON: {exc.msg}", source=where)
                    continue
                if not isinstance(rec, dict):
                    yield InputError("JSON line is not an object", source=where)
                    continue
                text = next((rec[k] for k in JSONL_TEXT_KEYS if isinstance(rec.get(k), str)), None)
                if not text or not text.strip():
                    yield InputError("record has no text field", source=where)
                    continue
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
    except (OSError, EOFError) as exc:
        yield InputError(f"cannot read: {exc}", source=str(path))
