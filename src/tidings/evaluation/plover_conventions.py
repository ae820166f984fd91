"""PLOVER's conventions for coding a sentence on its own, for the gold-standard scoring
(``evaluation.plover_gsr``); the article coder does not use them.

A sentence of the gold standard is coded for its type even when its parties are not what
tidings would code: an actor the actors stage could not code takes part (code ""), and an
event is kept without a recipient. PLOVER's domestic convention fills in what is missing:
with no recipient named, the place where the act happens, else the one other country the
sentence names, else the actor's own country; an actor with no country of its own is coded
by that place, or else by the one country the sentence names besides the recipient. No
recipient is inferred from the discourse and no refusal is added.
"""

from __future__ import annotations

from spacy.tokens import Token

from tidings.events.arguments import (
    NON_STATE,
    ActorIndex,
    Party,
    child,
    is_passive,
    np_actors,
    prep_objects,
)
from tidings.events.coder import SECTOR_ONLY, light_verb
from tidings.events.conventions import Conventions

# Prepositions of the place where an act happens ("lifted a curfew in Montenegro").
PLACE_PREPS = frozenset({"in", "into", "at", "inside", "near", "across", "throughout"})


class PloverConventions(Conventions):
    """The hooks of ``events.conventions.Conventions`` as PLOVER codes one sentence."""

    def admits_uncoded(self) -> bool:
        """An actor the actors stage could not code still takes part."""
        return True

    def keeps_without_recipient(self) -> bool:
        """The type is scored even when no recipient is found."""
        return True

    def infers_refusals(self) -> bool:
        """A sentence is scored on its own events only."""
        return False

    def complete_source(
        self, trigger: Token, index: ActorIndex, source: list[Party]
    ) -> list[Party]:
        """An uncoded or unnamed actor stands in for a missing source; an actor with no
        country is coded by the country where it acts ("ethnic Albanians demonstrated in
        Serbia" → SRB)."""
        if not source:
            source = _unknown_source(trigger)
        if source and all(_placeless(p) for p in source):
            places = _place_targets(trigger, index, set())
            source = [Party(p.code[:3], p.name, -1) for p in places][:1] or source
        return source

    def complete_parties(
        self,
        trigger: Token,
        index: ActorIndex,
        source: list[Party],
        targets: list[Party],
        source_codes: set[str],
    ) -> tuple[list[Party], list[Party]]:
        """A missing recipient is the place of the act or the sentence's other country; a
        placeless source takes the sentence's one country besides the recipient; a
        recipient still missing is the actor's own country."""
        if not targets:
            targets = _place_targets(trigger, index, source_codes) or _other_country(
                trigger, index, source
            )
        if all(_placeless(p) for p in source):
            source = _home_country(trigger, index, targets) or source
        if not targets:
            targets = _domestic_target(source)
        return source, targets


def _unknown_source(trigger: Token) -> list[Party]:
    """An actor the actors stage could not code (a subject such as "thousands of
    students", or the unnamed agent of a passive "were killed")."""
    verb = light_verb(trigger) or trigger
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    subj = child(verb, "nsubj")
    if subj is not None and subj.pos_ in ("NOUN", "PROPN"):
        return [Party("", subj.text, subj.i)]
    if subj is None and is_passive(verb):
        return [Party("", "", -1)]
    return []


def _place_targets(trigger: Token, index: ActorIndex, source_codes: set[str]) -> list[Party]:
    """With no recipient found, the coded actor named where the act happens ("lifted a
    curfew in Montenegro"), as PLOVER codes a domestic act's target."""
    verb = light_verb(trigger) or trigger
    for pobj in prep_objects(verb, PLACE_PREPS):
        found = [p for p in np_actors(pobj, index) if p.code and p.code[:3] not in
                 {c[:3] for c in source_codes}]  # fmt: skip
        if found:
            return found
    # The parser often hangs the place on the subject or object ("students throughout
    # Indonesia staged …"): any place phrase of the sentence then says where it happened.
    for tok in trigger.sent:
        if tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPS:
            found = [p for p in index.mention_parties(tok) if p.code]
            if found:
                return found
    return []


def _home_country(trigger: Token, index: ActorIndex, targets: list[Party]) -> list[Party]:
    """An actor the coder cannot name is coded by the one country the sentence names apart
    from the recipient ("Ousted President X agreed to resign without returning to
    Kyrgyzstan" → KGZ)."""
    taken = {p.code[:3] for p in targets if p.code}
    found = [
        p
        for tok in trigger.sent
        for p in index.mention_parties(tok)
        if p.code and p.code[:3] not in taken and p.code[:3] not in NON_STATE
    ]
    if len({p.code[:3] for p in found}) != 1:
        return []
    return [Party(found[0].code[:3], found[0].name, -1)]


def _other_country(trigger: Token, index: ActorIndex, source: list[Party]) -> list[Party]:
    """The one other country the sentence names outside its subject ("rejected a fresh
    offer from Afghanistan"), which the parse did not attach to the trigger."""
    home = {p.code[:3] for p in source if p.code}
    subject = {t.i for p in source if p.token >= 0 for t in trigger.doc[p.token].subtree}
    found: list[Party] = []
    for tok in trigger.sent:
        if tok.i in subject or tok.dep_ in ("nsubj", "nsubjpass"):
            continue
        for p in index.mention_parties(tok):
            if p.code and p.code[:3] not in home and p.code[:3] not in NON_STATE:
                found.append(p)
    return found if len({p.code[:3] for p in found}) == 1 else []


def _placeless(party: Party) -> bool:
    """An actor PLOVER would code by where it acts: uncoded, or a sector with no country."""
    return not party.code or party.code in SECTOR_ONLY


def _domestic_target(source: list[Party]) -> list[Party]:
    """An act with no other side named falls on the actor's own country (PLOVER's
    convention for domestic events: "the president declined to resign" → the president's
    country), when the source has one."""
    for p in source:
        home = p.code[:3]
        if len(p.code) >= 3 and home.isalpha() and home not in NON_STATE | SECTOR_ONLY:
            return [Party(home, home, -1)]
    return []


PLOVER = PloverConventions()

__all__ = ["PLOVER", "PloverConventions"]
