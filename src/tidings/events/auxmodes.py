"""The auxiliary mode of an event from its verb group: negation, future, hypothetical,
historical (pluperfect). Dates refine the mode later (dating.py): a clause dated well before
publication is historical, one dated after it is future."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "should", "would", "can"})
# Modals whose negation states an inability or a refusal ("Iran cannot accept talks").
INABILITY_AUX = frozenset({"can", "could", "ca"})
# Heads whose infinitive complement is an announced or planned action.
FUTURE_HEADS = frozenset(
    "plan intend expect set due schedule slate prepare aim hope announce promise pledge vow "
    "go decide".split()
)
# Verbs that report a statement: "would" under them is a reported future, not a condition.
REPORT_VERBS = frozenset(
    "say tell announce state add declare confirm warn promise pledge vow insist claim write "
    "tweet report indicate signal reiterate stress assure reassure".split()
)
# Heads that say the complement did not happen ("failed to reach agreement").
FAILURE_HEADS = frozenset({"fail", "neglect"})
# Adverbs that place the event before the time of the report.
EARLIER_ADVERBS = frozenset({"before", "previously", "formerly", "ago", "once"})
CONDITION_MARKS = frozenset({"if", "unless", "whether"})
NEGATORS = frozenset({"not", "n't", "never", "no"})


@dataclass(frozen=True, slots=True)
class VerbGroup:
    negated: bool
    future: bool
    hypothetical: bool
    pluperfect: bool  # or otherwise placed before the report ("met twice before")


def _reported(verb: Token) -> bool:
    """Whether the clause is the complement of a reporting verb."""
    tok = verb
    for _ in range(4):
        if tok.dep_ not in ("ccomp", "xcomp", "conj") or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.lemma_.lower() in REPORT_VERBS:
            return True
    return False


def _form(verb: Token) -> str:
    """The verb's form, a regular past ("endorsed", often tagged VBD after "had") counted
    as a participle."""
    return "VBN" if verb.tag_ == "VBD" and verb.lower_.endswith("ed") else verb.tag_


def _shares_auxiliaries(verb: Token) -> bool:
    """A verb conjoined to another with no auxiliary or subject of its own, in the same
    form ("had ended … and endorsed"; not "did not resign and stayed")."""
    return (
        verb.dep_ == "conj"
        and verb.pos_ == "VERB"
        and _form(verb) == _form(verb.head)
        and verb.head.pos_ in ("VERB", "AUX")
        and verb.head.i != verb.i
        and not any(
            c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "neg") for c in verb.children
        )
    )


def _conditional(verb: Token) -> bool:
    tok = verb
    for _ in range(5):
        if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in tok.children):
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def verb_group(trigger: Token) -> VerbGroup:
    """Read the auxiliaries of the trigger's clause and of the verbs that govern it through
    infinitives ("is set to meet", "did not agree to")."""
    chain = [trigger]
    tok = trigger
    shared = None
    if _shares_auxiliaries(trigger):
        # "She had recently ended her campaign and endorsed Obama": the conjunct has no
        # auxiliary or subject of its own and takes its head's ("had": recalled)
        tok = shared = trigger.head
        chain.append(tok)
    while tok.dep_ == "xcomp" and tok.head.i != tok.i and len(chain) < 4:
        tok = tok.head
        chain.append(tok)
    negated = future = hypothetical = pluperfect = False
    for verb in chain:
        for c in verb.children:
            low = c.lower_
            if c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and low in ("never",)):
                negated = True
            if c.dep_ == "advmod" and low in EARLIER_ADVERBS:
                pluperfect = True  # "have met twice before": an earlier event recalled
            if c.dep_ in ("aux", "auxpass"):
                if low in FUTURE_AUX or c.lemma_ == "will":
                    future = True
                elif low == "would":
                    if _reported(verb):
                        future = True
                    else:
                        hypothetical = True
                elif low in INABILITY_AUX and any(n.dep_ == "neg" for n in verb.children):
                    pass  # "cannot accept", "could not agree": a refusal stated, not a guess
                elif low in HYPOTHETICAL_AUX:
                    hypothetical = True
                elif c.lemma_ == "have" and c.tag_ == "VBD" and verb.tag_ == "VBN":
                    pluperfect = True
        if verb is shared:
            continue  # its auxiliaries only: "promised X and sent Y" sent no promise
        if verb is not trigger and verb.lemma_.lower() in FUTURE_HEADS:
            future = True
        if verb is not trigger and verb.lemma_.lower() in FAILURE_HEADS:
            negated = True
    if trigger.pos_ in ("NOUN", "PROPN"):
        negated = any(c.dep_ == "det" and c.lower_ == "no" for c in trigger.children)
        future = any(c.lower_ in ("planned", "upcoming", "forthcoming", "proposed", "expected")
                     for c in trigger.children)  # fmt: skip
    if _conditional(trigger):
        hypothetical = True
    return VerbGroup(negated, future, hypothetical, pluperfect)


__all__ = ["VerbGroup", "verb_group"]
