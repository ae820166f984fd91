"""Turn the quoted text of tidings' own gold files into offsets into their input.

A gold file written by hand quotes the article: quote, event and date ``text`` entries and
furniture lines. Before it is committed, this script replaces each with ``"span": [start,
end]`` into the input's text under ``../shared`` (``tidings.evaluation.gold.with_texts``
reads them back), so the repository keeps pointers, not the article. Every other string of
three words or more that the input holds word for word (the title, an actor's mentions and
role, a speaker's name) becomes ``{"at": [start, end]}``, or ``{"at": "title"}`` when it is
the title of the input's metadata. The body itself is kept only as its sha256.

    python scripts/gold_spans.py gold/test gold/dev2 [--root ../shared]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from pathlib import Path
from typing import Any

from tidings.evaluation.gold import QUOTING_SECTIONS, gold_document, load_gold
from tidings.model import Document


def locate(text: str, content: str) -> list[int] | None:
    """Where ``text`` stands in ``content``, allowing any run of whitespace between words
    (the annotated body joined paragraphs with a blank line)."""
    at = content.find(text)
    if at >= 0:
        return [at, at + len(text)]
    words = text.split()
    if not words:
        return None
    found = re.search(r"\s+".join(re.escape(w) for w in words), content)
    return [found.start(), found.end()] if found else None


def spans(data: dict[str, Any], content: str, where: str) -> int:
    """Replace quoted text by spans in place; returns how many could not be found."""
    missing = 0

    def point(entry: dict[str, Any]) -> None:
        nonlocal missing
        span = locate(entry["text"], content)
        if span is None:
            missing += 1
            print(f"{where}: not found in the input: {entry['text'][:60]!r}")
            return
        del entry["text"]
        entry["span"] = span

    for section in QUOTING_SECTIONS:
        for entry in data.get(section) or []:
            if isinstance(entry, dict) and isinstance(entry.get("text"), str):
                point(entry)
    article = data["article"]
    lines = []
    for line in article.get("furniture") or []:
        entry = {"text": line} if isinstance(line, str) else line
        if "text" in entry:
            point(entry)
        lines.append(entry)
    article["furniture"] = lines
    body = article.get("body")
    if isinstance(body, str):
        article["body"] = None
        article["body_sha256"] = hashlib.sha256(body.encode("utf-8")).hexdigest()
    return missing


POINTED_FROM = 3  # words: shorter strings are names and codes, not quoted text


def pointers(data: dict[str, Any], document: Document) -> None:
    """Replace, in place, every string of the gold (but its ``input`` and ``id``) that
    quotes the input by an ``{"at": …}`` pointer."""

    def point(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: point(item) for key, item in value.items()}
        if isinstance(value, list):
            return [point(item) for item in value]
        if not isinstance(value, str) or len(value.split()) < POINTED_FROM:
            return value
        if value == document.hints.get("title"):
            return {"at": "title"}
        at = document.content.find(value)
        return {"at": [at, at + len(value)]} if at >= 0 else value

    for key in data:
        if key not in ("input", "id"):
            data[key] = point(data[key])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--root", type=Path, default=Path("../shared"))
    args = parser.parse_args()
    missing = 0
    for gold in load_gold(args.folders):
        if isinstance(gold, Exception):
            print(gold)
            continue
        document = gold_document(gold, args.root)
        if not isinstance(document, Document):
            print(f"{gold.path}: {document}")
            continue
        data = json.loads(gold.path.read_text(encoding="utf-8"))
        missing += spans(data, document.content, str(gold.path))
        pointers(data, document)
        gold.path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(f"done; {missing} texts not found")


if __name__ == "__main__":
    main()
