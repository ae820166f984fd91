"""Gold files (``../shared/gold/README.md``): finding them, reading them, and turning each
one's ``input`` into the :class:`~tidings.model.Document` the pipeline reads."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tidings.errors import InputError, TidingsError
from tidings.model import Document
from tidings.sources import iter_documents

HINT_KEYS = ("published", "publisher", "url")  # the input metadata passed to the pipeline


@dataclass(frozen=True)
class Gold:
    """One gold file: its id, where it was read, and its parsed content."""

    id: str
    path: Path
    data: dict[str, Any]

    @property
    def input(self) -> dict[str, Any]:
        value = self.data.get("input")
        return value if isinstance(value, dict) else {}

    def hints(self) -> dict[str, Any]:
        return {k: self.input[k] for k in HINT_KEYS if self.input.get(k)}


def gold_files(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """The ``*.json`` files named, or found (recursively, sorted) in the folders named."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.json") if not p.name.startswith("."))
            if not found:
                yield InputError("no gold *.json files in this folder", source=str(path))
            yield from found
        elif path.is_file():
            yield path
        else:
            yield InputError("no such gold file or folder", source=str(path))


def read_gold(path: Path) -> Gold:
    """Parse and check one gold file; an InputError names the file and what is wrong."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read gold file: {exc.strerror or exc}", source=str(path)) from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"gold file is not JSON: {exc}", source=str(path)) from exc
    if not isinstance(data, dict):
        raise InputError("gold file is not a JSON object", source=str(path))
    inp = data.get("input")
    if not isinstance(inp, dict) or not isinstance(inp.get("file"), str):
        raise InputError("gold file has no input.file", source=str(path))
    article = data.get("article")
    # tidings' own gold files set the body to null: the text stays under ../shared
    if not isinstance(article, dict) or not isinstance(article.get("body"), str | None):
        raise InputError("gold file has no article.body", source=str(path))
    if "body" not in article:
        raise InputError("gold file has no article.body", source=str(path))
    return Gold(id=str(data.get("id") or path.stem), path=path, data=data)


def load_gold(paths: Iterable[str | Path]) -> Iterator[Gold | InputError]:
    """Every gold file under ``paths``, or an error for each that cannot be used."""
    for item in gold_files(paths):
        if isinstance(item, InputError):
            yield item
            continue
        try:
            yield read_gold(item)
        except InputError as exc:
            yield exc


def _record_document(path: Path, record: str, hints: dict[str, Any]) -> Document | TidingsError:
    """One record of a JSON Lines container (``input.record``: the corpus's articles), with
    the gold's metadata outranking the record's own (the corpus writes "None" for a date)."""
    suffix = f"#{record}"
    for item in iter_documents([str(path)]):
        if isinstance(item, Document) and item.source.endswith(suffix):
            return dataclasses.replace(item, hints={**item.hints, **hints})
    return InputError(f"no record {record!r} in this file", source=str(path))


def gold_document(gold: Gold, root: Path) -> Document | TidingsError:
    """The Document for a gold file's input, read under ``root`` with the input's metadata
    as hints, in the format the gold names (``text`` or ``html``)."""
    path = root / str(gold.input["file"])
    if not path.is_file():
        return InputError(f"input file not found under {root}", source=str(path))
    if record := gold.input.get("record"):
        return _record_document(path, str(record), gold.hints())
    items = list(iter_documents([str(path)], gold.hints()))
    if len(items) != 1:
        return InputError(f"expected one document, read {len(items)}", source=str(path))
    item = items[0]
    if isinstance(item, TidingsError):
        return item
    fmt = gold.input.get("format")
    if fmt in ("text", "html") and item.format != fmt:
        item = dataclasses.replace(item, format=fmt)
    return item


# Where a gold file's own annotations quote the article: tidings' gold files keep offsets
# ("span": [start, end] into the input's text) instead of copying it.
QUOTING_SECTIONS = ("quotes", "events", "dates")


# Any other string of a gold file that quotes its input (the title, an actor's mentions
# and role, a speaker's name) is kept as ``{"at": [start, end]}`` into the input's text, or
# ``{"at": "title"}`` for the title its metadata carries (a corpus record's ``title``).
POINTER = "at"


def _pointed(value: Any, document: Document) -> Any:
    """``value`` with every ``{"at": …}`` pointer read back into its string."""
    if isinstance(value, dict):
        if set(value) == {POINTER}:
            at = value[POINTER]
            if at == "title":
                return str(document.hints.get("title") or "")
            start, end = at
            return document.content[start:end]
        return {key: _pointed(item, document) for key, item in value.items()}
    if isinstance(value, list):
        return [_pointed(item, document) for item in value]
    return value


def with_texts(gold: Gold, document: Document) -> Gold:
    """The gold with every ``span`` read back into a ``text`` from its input document (the
    quote, event and date entries, and furniture lines given as ``{"span": …}``), and every
    ``{"at": …}`` pointer back into the string it stands for."""
    content = document.content

    def read(entry: Any) -> Any:
        if isinstance(entry, dict) and "span" in entry and "text" not in entry:
            start, end = entry["span"]
            return {**entry, "text": content[start:end]}
        return entry

    data = _pointed(gold.data, document)
    for section in QUOTING_SECTIONS:
        if isinstance(data.get(section), list):
            data[section] = [read(e) for e in data[section]]
    article = dict(data.get("article") or {})
    if isinstance(article.get("furniture"), list):
        article["furniture"] = [
            read(f)["text"] if isinstance(f, dict) else f for f in article["furniture"]
        ]
    data["article"] = article
    return dataclasses.replace(gold, data=data)
