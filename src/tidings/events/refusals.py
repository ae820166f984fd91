"""Refusals of what was asked: "Trump insists that Mexico pay for the wall … Pena Nieto
insists Mexico will not pay" is a REJECT from Mexico to the United States, though "pay" is
no event word. A REQUEST's asked-for act is the verb of its complement; a later clause
that negates the same verb, with the one asked as its subject, refuses it (the coder checks
the subject and codes the event)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from tidings.events.auxmodes import verb_group

# Complements that carry the asked-for act: "urged X to pay", "insisted that X pay",
# "the demand that X pay".
ACT_DEPS = frozenset({"xcomp", "ccomp", "acl"})
# Verbs too general to identify an act: "will not do it", "is not going to be".
VAGUE_ACTS = frozenset({"be", "do", "have", "go", "get", "make", "take", "let"})


def requested_act(trigger: Token) -> Token | None:
    """The verb of the act a request asks for, when it names one."""
    for c in trigger.children:
        if c.dep_ in ACT_DEPS and c.pos_ == "VERB" and c.lemma_.lower() not in VAGUE_ACTS:
            return c
    return None


def refusing_clauses(doc: Doc, act: Token) -> Iterator[Token]:
    """Later verbs of the same lemma, negated ("will not pay", "refuses to pay" is coded
    by the lexicon already)."""
    lemma = act.lemma_.lower()
    for tok in doc[act.i + 1 :]:
        if tok.pos_ == "VERB" and tok.lemma_.lower() == lemma and verb_group(tok).negated:
            yield tok


__all__ = ["refusing_clauses", "requested_act"]
