"""Event candidates from the parse: every clause head or eventive noun with an actor among
its arguments.

This is the structural half of the event coder (issue #12): it says *where* an event may
be stated and who takes part, without deciding *what* happened. The type comes from the
trained classifier (``events.typer``), with the lexicon and the CAMEO verb dictionary as
its features. The same function draws the candidates that were annotated to train that
classifier (``scripts/sample_event_candidates.py``), so training and coding see the same
kind of item.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

# Named-entity kinds that can name an actor where no resolved mention is at hand (the
# candidates drawn for annotation, sentences scored on their own).
NAMED_KINDS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Dependencies that attach an argument to its head.
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "agent", "expl"})
OBJECTS = frozenset({"dobj", "dative", "attr", "oprd"})
OBLIQUE_PREPS = frozenset({
    "with", "to", "on", "against", "from", "for", "at", "into", "toward", "towards", "over",
    "by", "of", "upon", "between", "among", "in", "about",
})  # fmt: skip
# Verbs that carry no event of their own: saying, being, auxiliary-like heads. A quote's
# reporting verb is a candidate only through what it reports.
NON_EVENT_VERBS = frozenset({
    "be", "have", "do", "say", "tell", "add", "note", "according", "become", "seem",
    "appear", "get", "go", "come", "make", "take", "write", "report", "include", "know",
    "think", "believe", "want", "need", "see", "look", "use", "try", "begin", "start",
    "continue", "remain", "keep", "let", "mean",
})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Candidate:
    """A token that may state an event, and the argument tokens that name actors."""

    trigger: Token
    sources: tuple[Token, ...]  # subject side (subject, passive agent, possessor)
    targets: tuple[Token, ...]  # object side (object, dative, oblique)

    @property
    def sent(self) -> Span:
        return self.trigger.sent


def _with_conjuncts(tok: Token) -> list[Token]:
    out = [tok]
    out.extend(t for t in tok.conjuncts if t.i != tok.i)
    return out


def subject_tokens(tok: Token) -> list[Token]:
    """The subject side of a clause head: its own subject, the passive agent's object, or
    for a head without one (an xcomp, a conjunct), the subject of the verb it hangs on."""
    found: list[Token] = []
    for c in tok.children:
        if c.dep_ in SUBJECTS and c.dep_ != "agent":
            found.extend(_with_conjuncts(c))
        elif c.dep_ == "agent":
            found.extend(t for g in c.children if g.dep_ == "pobj" for t in _with_conjuncts(g))
    if not found and tok.dep_ in ("xcomp", "conj", "advcl") and tok.head.i != tok.i:
        return subject_tokens(tok.head) if tok.head.pos_ in ("VERB", "AUX") else []
    return found


def object_tokens(tok: Token) -> list[Token]:
    """The object side: direct object, dative, and objects of the prepositions that
    attach recipients (with, to, against …)."""
    found: list[Token] = []
    for c in tok.children:
        if c.dep_ in OBJECTS:
            found.extend(_with_conjuncts(c))
        elif c.dep_ == "prep" and c.lower_ in OBLIQUE_PREPS:
            found.extend(t for g in c.children if g.dep_ == "pobj" for t in _with_conjuncts(g))
        elif c.dep_ == "prt":  # "called off the talks with Iran": look past the particle
            continue
    return found


def noun_arguments(tok: Token) -> tuple[list[Token], list[Token]]:
    """An eventive noun's source side (possessor, compound, adjective of country) and
    object side ("of"/"with"/"against" objects)."""
    sources = [c for c in tok.children if c.dep_ in ("poss", "compound", "amod")]
    targets = [
        t
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in OBLIQUE_PREPS
        for g in c.children
        if g.dep_ == "pobj"
        for t in _with_conjuncts(g)
    ]
    return sources, targets


def candidates(
    sent: Span,
    is_actor: Callable[[Token], bool],
    eventive_noun: Callable[[Token], bool],
) -> Iterator[Candidate]:
    """Every candidate in a sentence, in token order.

    ``is_actor`` says whether an argument token names an actor (a resolved mention, or
    for annotation any named entity); ``eventive_noun`` whether a noun can state an event
    ("the invasion", "talks"). Verbs need an actor on either side; nouns too.
    """
    for tok in sent:
        if tok.pos_ == "VERB" and tok.lemma_.lower() not in NON_EVENT_VERBS:
            subj, obj = subject_tokens(tok), object_tokens(tok)
        elif tok.pos_ == "NOUN" and eventive_noun(tok):
            subj, obj = noun_arguments(tok)
        else:
            continue
        sources = tuple(t for t in subj if _names_actor(t, is_actor))
        targets = tuple(t for t in obj if _names_actor(t, is_actor))
        if sources or targets:
            yield Candidate(tok, sources, targets)


def _names_actor(tok: Token, is_actor: Callable[[Token], bool]) -> bool:
    """The argument's head or one of its modifiers names an actor ("Russian forces",
    "the Iranian foreign minister")."""
    if is_actor(tok):
        return True
    return any(is_actor(c) for c in tok.children if c.dep_ in ("compound", "amod", "poss", "nmod"))
