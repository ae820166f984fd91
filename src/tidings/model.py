"""The typed records that flow between stages.

Every record serialises to a plain dict with :func:`to_dict` (JSON-ready: dates as ISO
strings). Field names follow PLOVER/POLECAT where those exist (``event``, ``mode``,
``context``, ``actor``, ``recipient``, ``aux`` …). Offsets are character offsets into
``Article.body``, so every record points back to the text that supports it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

Format = Literal["text", "html", "jsonl", "warc", "feed"]
Precision = Literal["day", "week", "month", "year", "range", "duration", "unresolved"]
Aux = Literal["historical", "future", "hypothetical", "negation"]

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
AUX_MODES: tuple[str, ...] = ("historical", "future", "hypothetical", "negation")


@dataclass(slots=True)
class Document:
    """Raw input as a source read it, before any extraction.

    ``content`` is decoded text (HTML or plain text); ``hints`` carries metadata the source
    already knows (a JSONL record's title, a CLI ``--published``, a WARC target URI).
    ``content_hash`` is the sha256 of the raw bytes and is the document's identity: the
    store keys on it, so ingesting the same bytes twice stores nothing twice.
    """

    source: str  # path, URL, or "path#record" for records inside a container
    content_hash: str
    format: Format
    content: str
    hints: dict[str, Any] = field(default_factory=dict)
    encoding: str = "utf-8"


@dataclass(slots=True)
class Paragraph:
    start: int
    end: int


@dataclass(slots=True)
class Article:
    """The clean article: title, credit line, body without furniture, and metadata."""

    doc_id: str  # the Document's content_hash
    title: str | None
    body: str  # paragraphs joined by "\n\n"
    paragraphs: list[Paragraph] = field(default_factory=list)
    credit: str | None = None
    byline: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: dt.date | None = None
    language: str | None = "en"
    furniture: list[str] = field(default_factory=list)  # dropped input lines, for audit

    @staticmethod
    def from_paragraphs(doc_id: str, paragraphs: list[str], **meta: Any) -> Article:
        """Join paragraphs with blank lines and record each one's offsets."""
        spans: list[Paragraph] = []
        pos = 0
        for i, text in enumerate(paragraphs):
            if i:
                pos += 2
            spans.append(Paragraph(pos, pos + len(text)))
            pos += len(text)
        return Article(doc_id=doc_id, body="\n\n".join(paragraphs), paragraphs=spans, **meta)

    def paragraph_texts(self) -> list[str]:
        return [self.body[p.start : p.end] for p in self.paragraphs]


@dataclass(slots=True)
class Actor:
    """A canonical actor: ``code`` is CAMEO-style (ISO 3166 alpha-3 + sector, e.g. SRBGOV),
    or ``IGO``/``EUR`` for international organisations."""

    name: str
    code: str
    role: str | None = None
    country: str | None = None  # alpha-3, when the actor belongs to one
    sector: str | None = None  # GOV MIL LEG JUD POL BUS MED CVL OPP REB IGO …
    kind: Literal["person", "organisation", "country", "group"] = "person"


@dataclass(slots=True)
class ActorMention:
    """A stretch of the body that refers to an actor (names, titles, pronouns, metonyms)."""

    text: str
    start: int
    end: int
    actor: Actor
    how: str = "name"  # name | surname | title | metonym | pronoun | dictionary | demonym | plural


@dataclass(slots=True)
class ActorRef:
    """The short form of an actor inside events and quotes."""

    code: str
    name: str

    @staticmethod
    def of(actor: Actor) -> ActorRef:
        return ActorRef(code=actor.code, name=actor.name)


@dataclass(slots=True)
class Quote:
    text: str  # the quoted words, without the quote marks
    start: int
    end: int
    speaker: ActorRef | None
    cue: str | None  # the verb or phrase that attributes it: said, told, according to …
    partial: bool = False  # a fragment inside the reporter's sentence
    speaker_start: int | None = None  # where the speaker is named in the body
    speaker_end: int | None = None


@dataclass(slots=True)
class DateValue:
    """A resolved date at its precision.

    ``value`` is ISO 8601 at that precision: ``2024-10-20``, ``2024-W43``, ``2024-10``,
    ``2024``, or a range ``2024-10-22/2024-10-24``; an ISO 8601 duration ``P2Y6M`` when
    ``precision`` is ``duration``; ``None`` when ``precision`` is ``unresolved`` (a
    relative expression without a publication date).
    """

    value: str | None
    precision: Precision

    def first_day(self) -> dt.date | None:
        """The earliest day the value covers, for ordering mixed precisions."""
        from tidings.dates.values import first_day  # local: keeps model free of logic

        return first_day(self)

    def last_day(self) -> dt.date | None:
        from tidings.dates.values import last_day

        return last_day(self)


@dataclass(slots=True)
class DateMention:
    """A date expression in the body and what it resolves to."""

    text: str
    start: int
    end: int
    date: DateValue
    relation: Literal["at", "since", "until", "duration"] = "at"
    duration_days: float | None = None  # for durations ("two and a half years")
    # What the value rests on: None (absolute like "May 2022", durations, or unresolved),
    # "published" (article.published), "inferred" (a publication date inferred from the
    # text because article.published is None: tidings.dates.reference_date), or "anchor"
    # (an earlier date in the text: "the previous day").
    reference: str | None = None


@dataclass(slots=True)
class Event:
    """One coded PLOVER event, traceable to its sentence and the rule that fired."""

    event: str  # one of PLOVER_TYPES
    actor: list[ActorRef]
    recipient: list[ActorRef]
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    aux: str | None = None  # one of AUX_MODES, or None for a current event
    date: DateValue | None = None
    date_text: str | None = None  # the expression that dated it, if any
    location: str | None = None
    sentence_start: int = 0
    sentence_end: int = 0
    text: str = ""  # the words that state the event
    trigger: str | None = None  # the verb or noun that triggered it
    rule: str = ""  # id of the lexicon entry or pattern that produced it
    cameo: str | None = None  # corresponding CAMEO code
    # the event typer's probability of this type (None when coded by the lexicon alone)
    confidence: float | None = None


@dataclass(slots=True)
class Analysis:
    """Everything the pipeline found in one document."""

    document: Document
    article: Article
    mentions: list[ActorMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    @property
    def actors(self) -> list[Actor]:
        """Distinct actors mentioned, in order of first mention."""
        seen: dict[tuple[str, str], Actor] = {}
        for m in self.mentions:
            seen.setdefault((m.actor.code, m.actor.name), m.actor)
        return list(seen.values())


def to_dict(record: Any) -> Any:
    """A JSON-ready dict of a record (recursively); dates become ISO strings."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: to_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, list | tuple):
        return [to_dict(x) for x in record]
    if isinstance(record, dict):
        return {k: to_dict(v) for k, v in record.items()}
    if isinstance(record, dt.date):
        return record.isoformat()
    return record
