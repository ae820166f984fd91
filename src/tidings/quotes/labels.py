"""Quoted words that are not quotations: titles of works, names, nicknames and labels.

Applied to quoted stretches inside a reporter's sentence only; a quotation that stands as
its own sentence ("“Never,” he said.") is speech whatever its shape.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Span

# Words that introduce a label rather than speech: "the so-called “X”", "dubbed “X”".
LABEL_BEFORE = re.compile(
    r"(?:so[- ]called|dubbed|nicknamed|named|titled|entitled|known\s+as|"
    r"labell?ed|branded|termed|the\s+(?:term|word|words|phrase|slogan|hashtag|label)|"
    r"hashtag|slogan|motto|headline[sd]?|user\s*name|handle|screen\s+name|"
    r"pseudonym|alias|codenamed|code[- ]named|operation)\s*[,:]?\s*$",
    re.IGNORECASE,
)
# Short words left lower-case in titles ("Meet the Press", "Face the Nation").
SMALL_WORDS = frozenset(
    "a an and as at but by for from in into nor of on or per the to vs via with".split()
)
WORDS = re.compile(r"[^\W\d_][\w’'\-]*")
TITLE_MAX_WORDS = 7


def looks_like_title(text: str) -> bool:
    """Every word capitalised (short function words aside), as in titles and names."""
    words = WORDS.findall(text)
    if not words or len(words) > TITLE_MAX_WORDS:
        return False
    content = [w for w in words if w.lower() not in SMALL_WORDS]
    return bool(content) and all(w[0].isupper() for w in content)


def modifies_following_noun(quote: Span) -> bool:
    """A several-word quote used as a name for the noun after it ("the “X Y” formula")."""
    if len([t for t in quote if t.is_alpha]) < 2 or quote.end >= len(quote.doc):
        return False
    if quote.text.rstrip().endswith(","):
        return False  # “a historic step,” analysts said: the clause goes on to its cue
    after = quote.doc[quote.end]
    if after.is_punct and after.i + 1 < len(quote.doc):
        after = quote.doc[after.i + 1]  # the closing mark
    if after.pos_ not in ("NOUN", "PROPN") or after.idx < quote.end_char:
        return False
    return any(t.head.i >= after.i and t.head.i - after.i < 4 for t in quote if not t.is_punct)


def is_label(body: str, open_mark: int, quote: Span, embedded: bool) -> bool:
    """True when the quoted stretch names or labels something instead of reporting speech."""
    if LABEL_BEFORE.search(body[max(0, open_mark - 40) : open_mark]):
        return True
    if not embedded:
        return False
    if looks_like_title(quote.text):
        return True
    return modifies_following_noun(quote)


# Speaker labels of broadcast transcripts at a paragraph's start: "DAVID GREENE, HOST:",
# "STEVE INSKEEP, BYLINE:", "PRESIDENT DONALD TRUMP:", "PUTIN: (Through interpreter) …".
SPEAKER_LABEL = re.compile(
    r"(?P<name>[A-Z][A-Z.'’\-]*(?: [A-Z][A-Z.'’\-]*){0,4})"
    r"(?:, (?P<role>[A-Z][A-Z '’\-]{1,40}(?:, [A-Z][A-Z '’\-]{1,40})?))?:(?=\s|$)"
)
# Capitalised run-in heads that are not people ("UPDATE:", "THE FACTS:").
NOT_SPEAKERS = frozenset(
    {
        "update", "updated", "updates", "note", "editor's note", "editor’s note", "correction",
        "clarification", "the facts", "fact check", "breaking", "breaking news", "watch",
        "read", "read more", "related", "photos", "photo", "video", "analysis", "opinion",
        "source", "sources", "exclusive", "live", "advertisement", "q", "a", "warning",
        "spoiler", "background", "context", "summary", "bottom line", "why it matters",
        "what's next", "the big picture", "ps", "p.s.", "tl;dr", "transcript",
    }
)  # fmt: skip
# Roles of the broadcaster's own people: they are the media, never someone they quote.
MEDIA_ROLES = frozenset(
    {"host", "byline", "anchor", "correspondent", "reporter", "moderator", "interviewer"}
)
MIN_TRANSCRIPT_LABELS = 2  # one capitalised head is a headline style, two a transcript


@dataclass(frozen=True, slots=True)
class SpeakerLabel:
    """The speaker named by a transcript label, with the label's offsets in the body."""

    name: str  # as a name is written: "David Greene"
    role: str | None  # "host", "byline", … (lower case)
    start: int  # the name
    end: int
    label_end: int  # just after the colon

    @property
    def media(self) -> bool:
        return self.role is not None and any(r in MEDIA_ROLES for r in self.role.split())


def _label_at(body: str, lo: int, hi: int) -> SpeakerLabel | None:
    m = SPEAKER_LABEL.match(body, lo, hi)
    if m is None:
        return None
    name = m.group("name")
    if name.lower() in NOT_SPEAKERS or not any(c.isalpha() for c in name):
        return None
    if len(name.replace(".", "")) < 2 or name.startswith("-"):
        return None
    role = m.group("role")
    pretty = " ".join(w.capitalize() if w.isupper() else w for w in name.split())
    pretty = re.sub(r"(?<=['’\-])([a-z])", lambda x: x.group(1).upper(), pretty)  # O'Connell
    return SpeakerLabel(
        pretty, role.lower() if role else None, m.start("name"), m.end("name"), m.end()
    )


def speaker_turns(body: str, paragraphs: list[tuple[int, int]]) -> list[SpeakerLabel | None]:
    """For each paragraph, the transcript speaker whose turn it belongs to: its own label,
    or the label of the turn it continues. All None when the article is not a transcript.

    A turn runs on over unlabelled paragraphs only in a broadcast transcript (a host or
    byline among the labels) or after a label standing alone on its line; an interview
    excerpt inside a reporter's article ("ROSE: …", "ASSAD: …") ends with its paragraph.
    """
    labels = [_label_at(body, lo, hi) for lo, hi in paragraphs]
    if sum(1 for x in labels if x is not None) < MIN_TRANSCRIPT_LABELS:
        return [None] * len(paragraphs)
    known: dict[str, SpeakerLabel] = {}  # "INSKEEP:" is the "STEVE INSKEEP, HOST:" before
    for n, label in enumerate(labels):
        if label is None:
            continue
        surname = label.name.split()[-1].lower()
        first = known.get(surname)
        if first is not None and label.role is None:
            labels[n] = replace(label, name=first.name, role=first.role)
        elif label.role is not None or surname not in known:
            known[surname] = label
    broadcast = any(x is not None and x.media for x in labels)
    turns: list[SpeakerLabel | None] = []
    current: SpeakerLabel | None = None
    for (lo, hi), label in zip(paragraphs, labels, strict=True):
        if label is not None:
            turns.append(label)
            bare = not body[label.label_end : hi].strip()
            current = label if broadcast or bare else None
            continue
        if body[lo:hi].lstrip().startswith("("):  # "(SOUNDBITE OF ARCHIVED RECORDING)"
            current = None
        turns.append(current)
    return turns


__all__ = [
    "SpeakerLabel",
    "is_label",
    "looks_like_title",
    "modifies_following_noun",
    "speaker_turns",
]
