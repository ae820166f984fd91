"""Helpers for the event tests: code a sentence with hand-made actor mentions and dates, so
the events stage is tested on its own, independent of the actor and date stages."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from tidings.events import code_events
from tidings.model import (
    Actor,
    ActorMention,
    ActorRef,
    Article,
    DateMention,
    DateValue,
    Event,
    Quote,
)
from tidings.sources import iter_documents

# Surface form → (code, canonical name, kind). Written for these tests.
ACTORS: dict[str, tuple[str, str, str]] = {
    "Atlantis": ("ATL", "Atlantis", "country"),
    "Borduria": ("BRD", "Borduria", "country"),
    "Carpania": ("CRP", "Carpania", "country"),
    "President Anna Lind": ("ATLGOV", "Anna Lind", "person"),
    "Lind": ("ATLGOV", "Anna Lind", "person"),
    "Prime Minister Boris Kade": ("BRDGOV", "Boris Kade", "person"),
    "Kade": ("BRDGOV", "Boris Kade", "person"),
    "Carpanian rebels": ("CRPREB", "Carpanian rebels", "group"),
    "Bordurian police": ("BRDCOP", "Bordurian police", "organisation"),
    "Atlantian students": ("ATLEDU", "Atlantian students", "group"),
    "the United Nations": ("IGO", "United Nations", "organisation"),
}


def mentions_for(
    body: str, actors: dict[str, tuple[str, str, str]] | None = None
) -> list[ActorMention]:
    table = actors or ACTORS
    taken: set[int] = set()
    out: list[ActorMention] = []
    for surface in sorted(table, key=len, reverse=True):
        code, name, kind = table[surface]
        for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", body):
            if taken & set(range(m.start(), m.end())):
                continue
            taken.update(range(m.start(), m.end()))
            actor = Actor(name=name, code=code, country=code[:3], kind=kind)  # type: ignore[arg-type]
            out.append(ActorMention(surface, m.start(), m.end(), actor))
    return sorted(out, key=lambda m: m.start)


def date_at(body: str, text: str, value: str, precision: str, relation: str = "at") -> DateMention:
    start = body.index(text)
    return DateMention(
        text,
        start,
        start + len(text),
        DateValue(value, precision),  # type: ignore[arg-type]
        relation=relation,
    )  # type: ignore[arg-type]


def code(
    nlp: Any,
    body: str,
    *,
    published: dt.date | None = dt.date(2024, 3, 15),
    dates: list[DateMention] | None = None,
    quotes: list[Quote] | None = None,
    actors: dict[str, tuple[str, str, str]] | None = None,
) -> list[Event]:
    # paragraphs are separated by a blank line, as in Article.body
    article = Article.from_paragraphs("test", body.split("\n\n"), title=None, published=published)
    assert article.body == body
    doc = nlp(article.body)
    mentions = mentions_for(article.body, actors)
    # These tests pin the lexicon's and the parse's rules on invented countries, which the
    # trained typer has never seen; tests/test_events_typer.py tests the typer on real text.
    return code_events(doc, article, mentions, quotes or [], dates or [], typer=None)


def quote_of(body: str, words: str, code_: str, name: str) -> Quote:
    start = body.index(words)
    return Quote(words, start, start + len(words), ActorRef(code_, name), "said")


def codes(refs: list[ActorRef]) -> set[str]:
    return {r.code for r in refs}


def only(events: list[Event], event_type: str) -> Event:
    found = [e for e in events if e.event == event_type]
    assert len(found) == 1, [(e.event, e.rule, e.text) for e in events]
    return found[0]


def pipeline_events(
    pipeline: Any, folder: Path, text: str, published: str, publisher: str | None = None
) -> list[Event]:
    """The events the whole pipeline codes in a one-paragraph article, written to
    ``folder`` as a text file published on ``published`` (by ``publisher``, if named)."""
    path = folder / "article.txt"
    path.write_text("Title\n\n" + text + "\n", encoding="utf-8")
    hints = {"published": published} | ({"publisher": publisher} if publisher else {})
    doc = next(iter(iter_documents([str(path)], hints)))
    return list(pipeline.analyze(doc).events)
