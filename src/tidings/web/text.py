"""Text as the pages show it: an article body as paragraphs of annotated pieces, and
search snippets with the words found marked.

Records point into the body by character offsets: events by their sentence, quotes by
their words, dates by their expression. These spans overlap freely (a quote runs past
the end of a sentence, a sentence holds a date and part of a quote), but HTML elements
must nest. So the spans are laid in layers, outermost first (sentences, then quotes, then
dates): each layer's spans are cut at the edges of the spans around them, and a record
cut in two is drawn as two pieces of the same record (``first`` marks the piece that
carries its label). The template then only walks the tree; every piece of text in it is
escaped there.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

Record = dict[str, Any]
SNIPPET_CHARS = 240


@dataclass(slots=True)
class Span:
    kind: str  # "sentence" | "quote" | "date"
    start: int
    end: int
    refs: list[int]  # indexes into the article's events / quotes / dates
    anchor: str  # the id the first piece carries


@dataclass(slots=True)
class Piece:
    text: str = ""
    span: Span | None = None
    first: bool = False
    children: list[Piece] = field(default_factory=list)


def _layer(kind: str, spans: list[tuple[int, int, int]], prefix: str) -> list[Span]:
    """Spans of one kind, merged where they overlap (two events of one sentence are one
    sentence span with two refs), in order."""
    merged: list[Span] = []
    for start, end, ref in sorted(spans):
        if end <= start:
            continue
        if merged and start < merged[-1].end:
            last = merged[-1]
            last.end = max(last.end, end)
            last.refs.append(ref)
            continue
        merged.append(Span(kind, start, end, [ref], f"{prefix}{start}-{end}"))
    return merged


def layers(article: Record) -> list[list[Span]]:
    """Sentence, quote and date spans of an article record (see :mod:`shapes`)."""
    events = [(e["sentence_start"], e["sentence_end"], i) for i, e in enumerate(article["events"])]
    quotes = [(q["start"], q["end"], i) for i, q in enumerate(article["quotes"])]
    dates = [(d["start"], d["end"], i) for i, d in enumerate(article["dates"])]
    return [_layer("sentence", events, "s-"), _layer("quote", quotes, "q-"),
            _layer("date", dates, "d-")]  # fmt: skip


def _pieces(
    body: str, start: int, end: int, stack: list[list[Span]], seen: set[int]
) -> list[Piece]:
    if start >= end:
        return []
    if not stack:
        return [Piece(text=body[start:end])]
    layer, rest = stack[0], stack[1:]
    out: list[Piece] = []
    pos = start
    for span in layer:
        a, b = max(span.start, start), min(span.end, end)
        if b <= a:
            continue
        out.extend(_pieces(body, pos, a, rest, seen))
        first = id(span) not in seen
        seen.add(id(span))
        out.append(Piece(span=span, first=first, children=_pieces(body, a, b, rest, seen)))
        pos = b
    out.extend(_pieces(body, pos, end, rest, seen))
    return out


def paragraphs(article: Record) -> list[list[Piece]]:
    """The body as paragraphs, each a list of pieces (text, or a span with children)."""
    body: str = article["body"]
    bounds = [(p["start"], p["end"]) for p in article["paragraphs"]] or [(0, len(body))]
    stack = layers(article)
    seen: set[int] = set()
    return [_pieces(body, a, b, stack, seen) for a, b in bounds]


def date_resolution(d: Record, published: str | None) -> str:
    """How a date expression was resolved, in words."""
    how = {
        "published": f"relative to the publication date {published}"
        if published
        else "relative to the publication date",
        "inferred": "relative to a publication date inferred from the text",
        "anchor": "relative to an earlier date in the text",
    }.get(d.get("reference") or "", "absolute")
    value = (d.get("date") or {}).get("value")
    precision = (d.get("date") or {}).get("precision")
    if value is None:
        return f"unresolved ({how})"
    return f"{value} ({precision}, {d.get('relation', 'at')}; {how})"


def event_date_mention(event: Record, dates: list[Record]) -> Record | None:
    """The date mention that dated an event: its expression inside the event's sentence."""
    text = event.get("date_text")
    if not text:
        return None
    inside = [d for d in dates if d["text"] == text
              and event["sentence_start"] <= d["start"] < event["sentence_end"]]  # fmt: skip
    same = inside or [d for d in dates if d["text"] == text]
    return same[0] if same else None


def refs_text(refs: list[Record] | None) -> str:
    """``Aleksandar Vucic (SRBGOV), Vladimir Putin (RUSGOV)`` for lists of actor refs."""
    return ", ".join(f"{r['name']} ({r['code']})" if r.get("name") else r["code"]
                     for r in refs or []) or "—"  # fmt: skip


def speaker(quote: Record) -> Record | None:
    """A quote record's speaker as an actor ref (``{code, name}``), or None."""
    if not quote.get("speaker_code") and not quote.get("speaker_name"):
        return None
    return {"code": quote.get("speaker_code") or "", "name": quote.get("speaker_name") or ""}


def searched_text(kind: str, hit: Record) -> str:
    """The text a search hit was found in: an article's title and body, or the quote."""
    if kind == "quotes":
        return str(hit["text"])
    return (hit.get("title") or "") + "\n" + str(hit["body"])


def _fold_chars(text: str) -> str:
    """Lower case without accents, one character for each character of ``text``, so
    that offsets found in it are offsets in ``text``."""
    out = []
    for c in text:
        base = "".join(x for x in unicodedata.normalize("NFKD", c) if not unicodedata.combining(x))
        out.append((base or c)[0].lower())
    return "".join(out)


def snippet(text: str, words: Iterable[str], width: int = SNIPPET_CHARS) -> list[tuple[str, bool]]:
    """A window of ``text`` around the first of the searched ``words`` (folded as the
    search index folds them), as (piece, is_hit) pairs."""
    folded = _fold_chars(text)
    terms = sorted(set(words), key=len, reverse=True)
    if not terms:
        return [(text[:width], False)]
    pattern = re.compile(r"(?<![a-z0-9])(?:" + "|".join(map(re.escape, terms)) + r")(?![a-z0-9])")
    first = pattern.search(folded)
    start = max(0, (first.start() if first else 0) - width // 3)
    end = min(len(text), start + width)
    pieces: list[tuple[str, bool]] = []
    if start > 0:
        pieces.append(("…", False))
    pos = start
    for m in pattern.finditer(folded, start, end):
        if m.start() > pos:
            pieces.append((text[pos : m.start()], False))
        pieces.append((text[m.start() : m.end()], True))
        pos = m.end()
    if pos < end:
        pieces.append((text[pos:end], False))
    if end < len(text):
        pieces.append(("…", False))
    return pieces


__all__ = ["Piece", "Span", "date_resolution", "event_date_mention", "paragraphs", "refs_text",
           "searched_text", "snippet", "speaker"]  # fmt: skip
