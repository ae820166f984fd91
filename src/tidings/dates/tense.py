"""The tense of the clause a date expression belongs to: past, present or future.

A weekday or a month without a year is resolved backwards or forwards from the
publication date depending on the verb that governs it ("Iran seized the tanker on
Friday" / "the leaders will meet on Monday"). We walk up the dependency tree from the
expression to the first verb and read its auxiliaries and tag. Infinitives take the
tense of the verb they depend on, and verbs of planning ("scheduled to", "expected to",
"plans to", "agreed to", "has to") make them future; so does a modal before a bare verb
("should be", "could meet"; "should have met" looks back). A noun with a forward-looking
modifier on the way up ("the upcoming summit … in June") also makes the expression future.
"""

from __future__ import annotations

from typing import Literal

from spacy.tokens import Doc, Token

from tidings.dates.lexicon import words

Tense = Literal["past", "present", "future"]

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would", "’ll"})
PAST_AUX = frozenset({"was", "were", "did", "had", "has", "have", "'d", "’d"})
PRESENT_AUX = frozenset({"is", "are", "am", "do", "does", "'s", "'re", "’s", "’re"})
# Modals that, before a bare verb, speak of what is still to come ("Tuesday's speech should
# be an opportunity", "they could meet on Friday"); with "have" they look back.
PROSPECTIVE_MODALS = frozenset({"should", "could", "may", "might", "must", "can", "ca"})
# Verbs and adjectives whose infinitive complement is something still to happen.
PLANNING_HEADS = words("planning_head")
FORWARD_MODIFIERS = words("forward_modifier")
# A verb of expectation points forward even in the past tense ("a decision was expected
# this week").
EXPECTATION_VERBS = words("expectation_verb")
MAX_STEPS = 8


def _finite_tense(verb: Token, direct: bool = True) -> Tense | None:
    """Tense of a verb from its auxiliaries, else from its tag."""
    if verb.lemma_.lower() in EXPECTATION_VERBS:
        return "future"
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxes & FUTURE_AUX:
        return "future"
    if auxes & PAST_AUX:
        return "past"
    if auxes & PROSPECTIVE_MODALS and verb.tag_ == "VB":
        return "future"
    if auxes & PRESENT_AUX:
        # "is meeting on Monday": the present progressive states an arrangement, when the
        # date belongs to the verb itself (not "is awaiting a response to the September
        # invitation").
        return "future" if verb.tag_ == "VBG" and direct else "present"
    tag = verb.tag_
    if tag == "VBD" or (tag == "VBN" and "to" not in auxes):
        return "past"
    if tag in ("VBZ", "VBP"):
        return "present"
    if tag == "MD":
        return "future" if verb.lower_ in FUTURE_AUX else None
    if verb.pos_ == "ADJ" and verb.head.i != verb.i:  # "was due", "is likely"
        return _finite_tense(verb.head) if verb.head.pos_ in ("AUX", "VERB") else None
    return None


def _verb_tense(verb: Token, direct: bool) -> Tense | None:
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if "to" in auxes and verb.head.i != verb.i:  # infinitive: read the governing verb
        head = verb.head
        if head.lemma_.lower() in EXPECTATION_VERBS:
            auxes_head = {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
            if auxes_head & PRESENT_AUX or auxes_head & FUTURE_AUX:
                return "future"
            return None  # "was expected to …": it may or may not have happened since
        head_tense = _finite_tense(head)
        if head.lemma_.lower() in PLANNING_HEADS or head.lower_ in PLANNING_HEADS:
            return None if head_tense == "past" else "future"
        return head_tense
    return _finite_tense(verb, direct)


def tense_at(doc: Doc, start: int, end: int) -> Tense | None:
    """The tense governing the text ``doc.text[start:end]``; ``None`` when no verb does."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tok = span.root
    direct = True  # no noun between the expression and its verb
    for _ in range(MAX_STEPS):
        if tok.pos_ in ("VERB", "AUX") and not (span.start <= tok.i < span.end):
            return _verb_tense(tok, direct)
        if tok.pos_ in ("NOUN", "PROPN") and any(
            c.lower_ in FORWARD_MODIFIERS for c in tok.children
        ):
            return "future"
        if tok.pos_ in ("NOUN", "PROPN") and not (span.start <= tok.i < span.end):
            direct = False
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return None


__all__ = ["Tense", "tense_at"]
