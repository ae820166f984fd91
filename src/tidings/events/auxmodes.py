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
# Verbs whose nominal object is an act asked for, proposed or weighed, not done ("urged
# sanctions", "proposed new sanctions", "is weighing sanctions"): the asking is the event
# (a REQUEST), and the act, if coded, is hypothetical. "discuss" and "consider" are left
# out: "discussed the strikes", "considered the attack a crime" tell of acts done.
SOUGHT_HEADS = frozenset("urge demand seek request propose suggest recommend weigh mull".split())
# Verbs that ask for an act only through "for" ("called for sanctions", "pushed for
# talks"): their plain object is no act asked for ("called the strikes a crime").
SOUGHT_FOR_HEADS = SOUGHT_HEADS | frozenset("call push press lobby appeal ask".split())
# Verbs whose nominal object is an act announced for later ("threatened sanctions").
PROMISED_HEADS = frozenset("threaten promise pledge vow plan".split())
# Modifiers that make a nominal act a possibility ("possible sanctions"); "further" and
# "additional" are left alone: "the additional sanctions took effect" were imposed.
POSSIBLE_MODIFIERS = frozenset({"possible", "potential"})
# Prepositions whose verbal or nominal object is an act not done ("struck without
# consulting Congress", "the summit ended without talks").
WITHOUT = frozenset({"without"})


def _negated_coordination(verb: Token) -> bool:
    """Whether the verb is coordinated under "neither … nor" ("We will neither beg the U.S.
    for dialogue nor take the trouble to persuade them"): "neither" hangs on the first
    conjunct, "nor" too, and the second conjunct is the first's ``conj``."""
    first = verb.head if verb.dep_ == "conj" and verb.head.i != verb.i else verb
    marks = {c.lower_ for c in first.children if c.dep_ in ("preconj", "cc", "advmod", "det")}
    return "neither" in marks or (verb is not first and "nor" in marks)


# Verbs whose "from" complement is an act held back ("Turkey has so far refrained from
# aiding the Syrian Kurds").
REFRAIN_HEADS = frozenset({"refrain", "abstain"})


def _without(trigger: Token) -> bool:
    """Whether the act is the object of "without" ("without consulting Congress") or of a
    verb of holding back ("refrained from aiding")."""
    head = trigger.head
    if trigger.dep_ not in ("pcomp", "pobj") or head.i == trigger.i:
        return False
    if head.lower_ in WITHOUT:
        return True
    return head.lower_ == "from" and head.head.lemma_.lower() in REFRAIN_HEADS


def _no_subject(verb: Token) -> bool:
    """Whether the clause's subject is quantified by "no" or "neither … nor" ("no shots
    were fired by the police", "Neither Mr. Xi nor Mr. Modi are expected to attend")."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            if any(d.dep_ == "det" and d.lower_ == "no" for d in c.children):
                return True
            if any(d.dep_ == "preconj" and d.lower_ == "neither" for d in c.children):
                return True
    return False


def _yet_to(verb: Token) -> bool:
    """Whether the verb is "have yet to" ("Lawmakers have yet to reach a deal")."""
    return verb.lemma_.lower() == "have" and any(
        c.dep_ == "advmod" and c.lower_ == "yet" for c in verb.children
    )


def _sought_by(noun: Token) -> str | None:
    """The mode a nominal act takes from the verb whose object (or passive subject) it is:
    "hypothetical" when that verb asks for, proposes or weighs it ("called for sanctions",
    "is weighing new sanctions"), "future" when it threatens or promises it ("threatened
    sanctions"); None when the verb does it or tells of it ("imposed sanctions", "announced
    sanctions")."""
    head, sought = noun.head, SOUGHT_HEADS
    if noun.dep_ == "pobj" and head.lower_ == "for" and head.head.i != head.i:
        head, sought = head.head, SOUGHT_FOR_HEADS
    elif noun.dep_ not in ("dobj", "nsubjpass"):
        return None
    if head.pos_ not in ("VERB", "AUX") or head.i == noun.i:
        return None
    lemma = head.lemma_.lower()
    if lemma in sought:
        return "hypothetical"
    return "future" if lemma in PROMISED_HEADS else None


@dataclass(frozen=True, slots=True)
class VerbGroup:
    negated: bool
    future: bool
    hypothetical: bool
    pluperfect: bool  # or otherwise placed before the report ("met twice before")


def _report_of(verb: Token) -> Token | None:
    """The reporting verb whose complement the clause is, if any."""
    tok = verb
    for _ in range(4):
        if tok.dep_ not in ("ccomp", "xcomp", "conj") or tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.lemma_.lower() in REPORT_VERBS:
            return tok
    return None


def _reported(verb: Token) -> bool:
    """Whether the clause is the complement of a reporting verb."""
    return _report_of(verb) is not None


def backshifted(verb: Token) -> bool:
    """Whether a past perfect is the reported speech of a past report ("Mexico's ambassador
    said he had spoken to Nielsen", "the news agency said the two leaders had agreed"):
    the tense follows the report's, so the act may be that day's news (a "has spoken"
    told in the past) rather than an earlier one recalled. In 6,230 annotated corpus
    events, 29 of 49 such acts were labelled current and 17 historical."""
    report = _report_of(verb)
    return report is not None and report.tag_ == "VBD"


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
                elif (
                    c.lemma_ == "have"
                    and c.tag_ == "VBD"
                    and verb.tag_ == "VBN"
                    and not backshifted(verb)
                ):
                    pluperfect = True
        if verb is shared:
            continue  # its auxiliaries only: "promised X and sent Y" sent no promise
        if verb is not trigger and verb.lemma_.lower() in FUTURE_HEADS:
            future = True
        if verb is not trigger and verb.lemma_.lower() in FAILURE_HEADS:
            negated = True
        if _negated_coordination(verb) or _no_subject(verb):
            negated = True
        if verb is not trigger and _yet_to(verb):
            negated = True  # "have yet to reach a deal": not done
    without = _without(trigger)
    if trigger.pos_ in ("NOUN", "PROPN"):
        negated = without or any(c.dep_ == "det" and c.lower_ == "no" for c in trigger.children)
        future = any(c.lower_ in ("planned", "upcoming", "forthcoming", "proposed", "expected")
                     for c in trigger.children)  # fmt: skip
        sought = _sought_by(trigger)
        future = future or sought == "future"
        hypothetical = sought == "hypothetical" or any(
            c.dep_ == "amod" and c.lower_ in POSSIBLE_MODIFIERS for c in trigger.children
        )
    elif without:
        negated = True
    if _conditional(trigger):
        hypothetical = True
    return VerbGroup(negated, future, hypothetical, pluperfect)


__all__ = ["VerbGroup", "verb_group"]
