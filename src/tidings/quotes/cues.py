"""The speech-cue lexicon (data/cues.tsv) and finding the cue that governs a quotation."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Span, Token

from tidings.errors import ConfigError

# Verbs between a partial quotation and its cue: "said a “political” solution is needed"
# has one; a quoted word three clauses below the cue is the reporter's, not the speaker's.
MAX_VERBS_BETWEEN = 2


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: frozenset[str]  # speech verbs: their subject is the speaker
    naming: frozenset[str]  # naming verbs: only when the quote is their complement
    phrasal: dict[str, frozenset[str]]  # verb lemma -> particles/objects ("point" -> "out")
    phrases: frozenset[str]  # "according to"


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    path = resources.files("tidings.quotes").joinpath("data/cues.tsv")
    verbs: set[str] = set()
    naming: set[str] = set()
    phrasal: dict[str, set[str]] = {}
    phrases: set[str] = set()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or parts[1] not in ("verb", "naming", "phrase"):
            raise ConfigError(f"tidings/quotes/data/cues.tsv line {n}: expected 'cue<TAB>kind'")
        cue, kind = parts[0].strip().lower(), parts[1]
        if kind == "phrase":
            phrases.add(cue)
        elif " " in cue:
            head, rest = cue.split(" ", 1)
            phrasal.setdefault(head, set()).add(rest)
        elif kind == "naming":
            naming.add(cue)
        else:
            verbs.add(cue)
    return Lexicon(
        frozenset(verbs),
        frozenset(naming),
        {k: frozenset(v) for k, v in phrasal.items()},
        frozenset(phrases),
    )


@dataclass(slots=True)
class Cue:
    token: Token  # the verb, or the first word of a phrase cue
    text: str  # as written: "said", "according to", "served notice"
    kind: str  # verb | naming | phrase


def cue_at(token: Token) -> Cue | None:
    """The cue that starts at this token, if any."""
    lex = lexicon()
    lemma = token.lemma_.lower()
    if token.tag_.startswith("VB") or token.pos_ in ("VERB", "AUX"):
        if lemma in lex.verbs:
            return Cue(token, token.text, "verb")
        if lemma in lex.naming:
            return Cue(token, token.text, "naming")
        for rest in lex.phrasal.get(lemma, ()):
            words = rest.split()
            nxt = token.doc[token.i + 1 : token.i + 1 + len(words)]
            if [t.lower_ for t in nxt] == words:
                return Cue(token, f"{token.text} {nxt.text}", "verb")
    if token.lower_ == "according":
        after = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if after is not None and after.lower_ == "to" and "according to" in lex.phrases:
            return Cue(token, "according to", "phrase")
    return None


# A clause opened by one of these tells when or despite what, not what was said: in "After
# Trump labeled the EU a “foe,” Tusk responded", the quoted word is not Tusk's.
SCENE_MARKS = frozenset(
    {
        "after",
        "before",
        "when",
        "whenever",
        "while",
        "since",
        "until",
        "once",
        "although",
        "though",
        "whereas",
    }
)


def _verbs_between(quote_head: Token, ancestor: Token) -> int:
    """Verbs (not auxiliaries or copulas) between a quotation and a cue above it; a large
    number when a scene-setting clause lies between."""
    count = 0
    node = quote_head if quote_head.pos_ == "VERB" else quote_head.head
    while node != ancestor and node.head != node:
        if node.pos_ == "VERB":
            count += 2 if node.dep_ == "csubj" else 1  # a clause as subject is far off
        if node.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in SCENE_MARKS for c in node.children
        ):
            return 99
        node = node.head
    return count


def governing_cue(quote: Span, frame: list[Token]) -> Cue | None:
    """The nearest cue above the quotation in the parse, within reach."""
    in_frame = {t.i for t in frame}
    heads = [
        t
        for t in quote
        if not t.is_punct and (t.head.i < quote.start or t.head.i >= quote.end or t.head == t)
    ]
    best: tuple[int, Cue] | None = None
    for head in heads:
        node, depth = head, 0
        while node.head != node:
            node = node.head
            depth += 1
            if node.i not in in_frame:
                continue
            cue = cue_at(node)
            if cue is None:
                continue
            between = _verbs_between(head, node)
            if between > MAX_VERBS_BETWEEN:
                break
            if cue.kind == "naming" and between > 0:
                break
            if best is None or depth < best[0]:
                best = (depth, cue)
            break
    return best[1] if best else None


def cues_in(frame: list[Token]) -> list[Cue]:
    found = []
    for t in frame:
        cue = cue_at(t)
        if cue is not None and cue.kind != "naming":
            found.append(cue)
    return found


__all__ = ["Cue", "Lexicon", "cue_at", "cues_in", "governing_cue", "lexicon"]
