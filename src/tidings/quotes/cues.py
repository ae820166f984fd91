"""The speech-cue lexicon (data/cues.tsv) and finding the cue that governs a quotation."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from tidings.errors import ConfigError

# Verbs between a partial quotation and its cue: "said a “political” solution is needed"
# has one; a quoted word three clauses below the cue is the reporter's, not the speaker's
# ("… making such concessions for a “skinny” trade deal that fails … is not a very good
# deal, a second person … said"). A phrase of several words reaches one clause further:
# "Stimson says the judge could punish the prosecution, possibly reducing the sentence or
# eliminating the death penalty for a “willful and brazen violation of the law”" quotes him.
MAX_VERBS_BETWEEN = 2
PHRASE_WORDS = 2  # words of a quoted phrase that reaches MAX_VERBS_BETWEEN + 1 verbs


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: frozenset[str]  # speech verbs: their subject is the speaker
    naming: frozenset[str]  # naming verbs: only when the quote is their complement
    phrasal: dict[str, frozenset[str]]  # verb lemma -> particles/objects ("point" -> "out")
    phrases: frozenset[str]  # "according to"
    bare: frozenset[str] = frozenset()  # speech verbs only without an object ("he continued")


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    path = resources.files("tidings.quotes").joinpath("data/cues.tsv")
    verbs: set[str] = set()
    naming: set[str] = set()
    phrasal: dict[str, set[str]] = {}
    phrases: set[str] = set()
    bare: set[str] = set()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or parts[1] not in ("verb", "naming", "phrase", "bare"):
            raise ConfigError(f"tidings/quotes/data/cues.tsv line {n}: expected 'cue<TAB>kind'")
        cue, kind = parts[0].strip().lower(), parts[1]
        if kind == "phrase":
            phrases.add(cue)
        elif " " in cue:
            head, rest = cue.split(" ", 1)
            phrasal.setdefault(head, set()).add(rest)
        elif kind == "naming":
            naming.add(cue)
        elif kind == "bare":
            bare.add(cue)
        else:
            verbs.add(cue)
    return Lexicon(
        frozenset(verbs),
        frozenset(naming),
        {k: frozenset(v) for k, v in phrasal.items()},
        frozenset(phrases),
        frozenset(bare),
    )


@dataclass(slots=True)
class Cue:
    token: Token  # the verb, or the first word of a phrase cue
    text: str  # as written: "said", "according to", "served notice"
    kind: str  # verb | naming | phrase


# Objects and complements that make a "bare" verb something other than speech.
_BARE_OBJECTS = frozenset({"dobj", "xcomp", "attr", "acomp", "oprd"})


def _verb_lemma(token: Token) -> str | None:
    """The verb lemma of a token read as a verb, including a participle the tagger took for
    a noun ("Scalia dissented, warning, “I fear …”")."""
    if token.tag_.startswith("VB") or token.pos_ in ("VERB", "AUX"):
        return token.lemma_.lower()
    lower = token.lower_
    if token.pos_ == "NOUN" and lower.endswith("ing") and token.dep_ in ("advcl", "xcomp", "conj"):
        lex = lexicon()
        stem = lower[:-3]
        for lemma in (stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else stem):
            if lemma in lex.verbs or lemma in lex.phrasal or lemma in lex.bare:
                return lemma
    return None


def cue_at(token: Token) -> Cue | None:
    """The cue that starts at this token, if any."""
    lex = lexicon()
    lemma = _verb_lemma(token)
    if lemma is not None:
        for rest in lex.phrasal.get(lemma, ()):  # before naming: "called on X to “…”"
            words = rest.split()
            nxt = token.doc[token.i + 1 : token.i + 1 + len(words)]
            if [t.lower_ for t in nxt] == words:
                return Cue(token, f"{token.text} {nxt.text}", "verb")
        if lemma in lex.verbs:
            return Cue(token, token.text, "verb")
        if lemma in lex.naming:
            return Cue(token, token.text, "naming")
        if lemma in lex.bare and not any(c.dep_ in _BARE_OBJECTS for c in token.children):
            return Cue(token, token.text, "verb")
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


# Marks of a clause that tells when: a label in it is the reporter's account of an
# earlier act, not a quotation ("After Trump labeled the EU a “foe,” Tusk responded").
WHEN_MARKS = frozenset({"after", "before", "when", "whenever", "once", "until"})


def _sets_the_scene(verb: Token) -> bool:
    """A clause that tells when something happened ("After Trump labeled …")."""
    return verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in WHEN_MARKS for c in verb.children
    )


COMPLEMENTS = frozenset({"pcomp", "pobj", "oprd", "acomp", "amod", "attr", "dobj"})


def _verbs_between(quote_head: Token, ancestor: Token) -> int:
    """Verbs (not auxiliaries or copulas) between a quotation and a cue above it; a large
    number when a scene-setting clause lies between."""
    count = 0
    node = quote_head if quote_head.pos_ == "VERB" else quote_head.head
    if node is quote_head and quote_head.tag_ == "VBN" and quote_head.dep_ in COMPLEMENTS:
        node = quote_head.head  # "describing the EU as “doomed”": a participle as adjective
    while node != ancestor and node.head != node:
        if node.pos_ == "VERB":
            count += 2 if node.dep_ == "csubj" else 1  # a clause as subject is far off
        if node.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in SCENE_MARKS for c in node.children
        ):
            return 99
        node = node.head
    return count


# A quotation inside an adjunct that opens the clause sets the scene for the cue verb; it
# is not what the verb's subject says.
LEADING_ADJUNCTS = frozenset({"prep", "npadvmod", "advmod"})


def governing_cue(quote: Span, frame: list[Token]) -> Cue | None:
    """The nearest cue above the quotation in the parse, within reach."""
    in_frame = {t.i for t in frame}
    heads = [
        t
        for t in quote
        if not t.is_punct and (t.head.i < quote.start or t.head.i >= quote.end or t.head == t)
    ]
    words = sum(1 for t in quote if t.is_alpha or t.like_num)
    reach = MAX_VERBS_BETWEEN + (1 if words >= PHRASE_WORDS else 0)
    best: tuple[int, Cue] | None = None
    for head in heads:
        node, depth = head, 0
        while node.head != node:
            below, node = node, node.head
            depth += 1
            if node.i not in in_frame:
                continue
            cue = cue_at(node) or _aside_cue(node, in_frame)
            if cue is None or _passive(cue.token):
                continue  # "the “episode” was noted on his records": not who noted it
            if below.dep_ in LEADING_ADJUNCTS and below.i < node.i:
                break  # "In their latest “seven-figure project” …, the Kochs are thanking"
            between = _verbs_between(head, node)
            if between > reach:
                break
            if cue.kind == "naming" and _sets_the_scene(node):
                break
            if cue.kind == "naming" and between > 0 and not (between == 1 and _as_what(below)):
                break
            if best is None or depth < best[0]:
                best = (depth, cue)
            break
    return best[1] if best else None


def _as_what(below: Token) -> bool:
    """The naming verb's "as" complement is a participle: "described the attack as launched
    by “armed terrorists”" names the attackers as much as "described it as “doomed”"."""
    return below.tag_ in ("VBN", "VBG") and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in below.children
    )


def _passive(verb: Token) -> bool:
    """A passive cue verb ("was noted", "is described as") names no speaker as its
    subject; "was quoted as saying" is the exception."""
    if verb.lemma_.lower() == "quote" or any(c.dep_ == "agent" for c in verb.children):
        return False  # "was quoted as saying"; "deemed “utter hogwash” by Robert Spencer"
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return True  # "workers deemed “essential”"
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _aside_cue(node: Token, in_frame: set[int]) -> Cue | None:
    """A cue set off as an aside of the clause: "His faith, says Gov. Patrick, teaches
    that “…”"; "the president continues, is that “…”"; "constitutes, as Hollande declared,
    an “act of war”"."""
    for child in node.children:
        if child.dep_ == "parataxis" and child.i in in_frame:
            cue = cue_at(child)
            if cue is not None and cue.kind == "verb":
                return cue
        if child.dep_ == "advcl" and child.i in in_frame and _as_someone_said(child):
            return cue_at(child)
    return None


def _as_someone_said(verb: Token) -> bool:
    """ "as President François Hollande of France declared": a clause of saying with "as"
    and a subject of its own, set into the clause whose words it attributes."""
    cue = cue_at(verb)
    return (
        cue is not None
        and cue.kind == "verb"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
        and any(c.dep_ == "nsubj" for c in verb.children)
    )


def trailing_cue(quote: Span, frame: list[Token]) -> Cue | None:
    """The cue of a clause right after a quotation that ends with a comma: "was left
    “bitter and unemployed,” a source who knew him told Der Spiegel"; "…,” according to X"."""
    doc = quote.doc
    end = quote.end
    while end < len(doc) and (doc[end].is_punct or doc[end].is_space):
        if doc[end].text == ",":
            break
        end += 1
    text = quote.text.rstrip("”\"’' ")
    ends_open = text.endswith(",") or (end < len(doc) and doc[end].text == ",")
    if not ends_open and not sentence_goes_on(text, doc, end):
        return None
    for t in quote:
        if any(_sets_the_scene(a) for a in t.ancestors):
            return None  # "After Trump labeled the EU a “foe,” Tusk responded"
    in_frame = {t.i for t in frame}
    after = [t for t in doc[end : min(len(doc), end + 14)] if t.i in in_frame]
    for n, t in enumerate(after):
        if t.is_sent_start and n:
            return None
        cue = cue_at(t)
        if cue is None or cue.kind == "naming":
            continue
        between = [b for b in after[:n] if not b.is_punct]
        if cue.kind == "phrase" or all(b in t.subtree for b in between):
            return cue
        return None
    return None


NAME_BEFORE_CUE = 3  # words of a speaker's name between a quotation and its cue


def sentence_goes_on(text: str, doc: Doc, end: int) -> bool:
    """A quotation ending in "?" or "!" whose sentence goes on after it (``end``: the token
    after the closing mark) with its cue: "“We cannot let this continue!” he said", "“What
    else can we do?” Milanovic said"."""
    if not text.endswith(("?", "!")) or end >= len(doc):
        return False
    if doc[end].is_lower:
        return True
    cues = (cue_at(t) for t in doc[end + 1 : end + 1 + NAME_BEFORE_CUE])
    return doc[end].pos_ == "PROPN" and any(c is not None and c.kind == "verb" for c in cues)


FLIPPED_REACH = 6  # words between a cue and the quotation the parser made its head


def flipped_cue(quote: Span, frame: list[Token]) -> Cue | None:
    """A cue just before a quotation that the parser hung below the quotation instead of
    above it: "an aide who reportedly joked his vote “doesn't matter”"."""
    ids = set(range(quote.start, quote.end))
    for t in reversed([t for t in frame if quote.start - FLIPPED_REACH <= t.i < quote.start]):
        cue = cue_at(t)
        if cue is None or cue.kind == "naming":
            continue
        if any(a.i in ids for a in t.ancestors):
            return cue
        return None
    return None


def cues_in(frame: list[Token]) -> list[Cue]:
    found = []
    for t in frame:
        cue = cue_at(t)
        if cue is not None and cue.kind != "naming":
            found.append(cue)
    return found


__all__ = [
    "Cue",
    "Lexicon",
    "cue_at",
    "cues_in",
    "flipped_cue",
    "governing_cue",
    "lexicon",
    "sentence_goes_on",
    "trailing_cue",
]
