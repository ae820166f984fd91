"""Groups the actors stage reads from how the article describes them, after its other passes.

- A military group placed by the nationality in front of it ("Iraqi ground troops", "top
  U.S. generals", "American combat troops"): the other passes give only the nationality a
  mention (IRQ); the phrase gets one of its own, coded as
  :func:`tidings.actors.unnamed.unnamed_code` codes an unnamed speaker (the head's sector
  from PETRARCH2's Phoenix agents dictionary, of the country inside the phrase: IRQMIL).
  Only military heads: a nationality before people or things of other kinds ("Russian
  children", "a British-flagged tanker") is read by the event coder as the state, as the
  dev gold codes it, and giving those phrases their own mentions lost events on dev.
- A party's members sitting in a legislature ("House Democrats", "congressional
  Republicans", "Republicans in Congress"): the legislature (USALEG), as both the dev gold
  and the corpus annotators code them; a bare "Democrats" stays the party (USAPOL).

- A state named as the author of a military act ("Israeli airstrikes", "the Turkish
  offensive", "North Korean missile tests", "Iran's missile attacks"): its armed forces
  (ISRMIL), as the corpus annotators code the attacker; other things a state does or owns
  ("Israeli settlement-building", "North Korean threats", "Belgian raids") stay the state's.

Measured over the annotated corpus events (``scripts/measure_actor_codes.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from tidings.actors.fold import phrase_keys
from tidings.actors.gazetteer import load_gazetteer, make_actor
from tidings.actors.unnamed import head_sector_of, unnamed_code
from tidings.model import Actor, ActorMention

# A phrase's head must be a noun that heads its phrase: a modifier ("police station") or a
# name is the business of the other passes.
_HEAD_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "iobj", "obj", "appos", "conj",
                        "attr", "agent", "dative", "oprd", "ROOT", "npadvmod"})  # fmt: skip
# Mentions inside the phrase that a longer group mention may cover: a nationality or country
# in front of the noun ("a Honduran man", "Iraqi ground troops").
_COVERABLE = frozenset({"country"})
# Sectors a nationality in front of the noun decides alone (see the module docstring).
_NAMED_SECTORS = frozenset({"MIL"})
# Heads too vague to code alone: "the group" is a militia, a party or a charity.
_VAGUE_HEADS = frozenset({"group", "groups"})
# Words opening a phrase that make it no one in particular, or someone else's words.
_VAGUE = frozenset({"no", "any", "every", "each", "whoever", "anyone"})


def _phrase_start(noun: Token) -> int:
    """The first token of the noun's phrase: its left edge, but not past a clause or a
    preposition hanging before it."""
    first = noun.i
    for tok in reversed(list(noun.lefts)):
        if tok.dep_ in ("det", "amod", "compound", "nummod", "poss", "quantmod", "nmod", "advmod",
                        "predet", "case"):  # fmt: skip
            first = tok.left_edge.i
        else:
            break
    return first


# Words of a legislature before or after a party's members: "House Democrats",
# "congressional Republicans", "Senate Republicans", "Democrats in Congress".
_LEGISLATURE = frozenset({"house", "senate", "congress", "congressional", "parliament",
                          "parliamentary", "legislative", "legislature", "hill"})  # fmt: skip


def _legislative(tok: Token) -> bool:
    """The party members ``tok`` heads sit in a legislature: a legislature word modifies
    them, or they are "in Congress" / "on the committee"."""
    for child in tok.children:
        if child.dep_ in ("compound", "amod", "nmod") and child.lower_ in _LEGISLATURE:
            return True
        if child.dep_ == "prep" and child.lower_ in ("in", "on", "from"):
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if any(g.lower_ in _LEGISLATURE or g.lower_ in ("committee", "panel")
                   for g in objects):  # fmt: skip
                return True
    return False


def legislative_partisans(doc: Doc, mentions: Sequence[ActorMention]) -> list[ActorMention]:
    """Mentions of a party's members as a body ("Democrats", coded as the party, POL) that
    sit in a legislature, recoded as that legislature's country LEG, as the gold codes
    "House Democrats" and "Republicans in Congress"; a bare "Democrats" stays the party."""
    countries = load_gazetteer().countries

    def legislature(m: ActorMention, span: Span) -> Actor | None:
        actor = m.actor
        if (
            actor.sector != "POL"
            or actor.kind == "person"
            or actor.country is None
            or not span.root.tag_.endswith("S")
            or not _legislative(span.root)
        ):
            return None
        return make_actor(actor.name, f"{actor.country}LEG", actor.role, "group", countries)

    return _recoded(doc, mentions, legislature)


def _recoded(
    doc: Doc,
    mentions: Sequence[ActorMention],
    recode: Callable[[ActorMention, Span], Actor | None],
) -> list[ActorMention]:
    """The mentions, each with the actor ``recode`` gives it on its span, if any."""
    out: list[ActorMention] = []
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        actor = recode(m, span) if span is not None else None
        out.append(m if actor is None else replace(m, actor=actor))
    return out


# Nouns of acts only armed forces carry out, read on the noun a nationality modifies and on
# its compounds ("missile tests", "rocket fire").
_MILITARY_ACTS = frozenset({"airstrike", "airstrikes", "strike", "strikes", "offensive",
                            "offensives", "rocket", "rockets", "missile", "missiles",
                            "bombing", "bombings", "bombardment", "bombardments", "shelling",
                            "warplane", "warplanes", "drone", "drones", "warship",
                            "warships", "bomber", "bombers"})  # fmt: skip
_ATTACKS = frozenset({"attack", "attacks"})
_ACT_DEPS = frozenset({"amod", "compound", "poss", "nmod"})


def _military_act(noun: Token) -> bool:
    """The noun, or a compound in front of it, names a military act; a bare "attack" only
    when nothing calls it otherwise ("cyber attack", "political attacks")."""
    words = {noun.lower_} | {c.lower_ for c in noun.children if c.dep_ == "compound"}
    if words & _MILITARY_ACTS:
        return True
    others = [c for c in noun.children if c.dep_ in ("amod", "compound")
              and c.ent_type_ not in ("NORP", "GPE")]  # fmt: skip
    return noun.lower_ in _ATTACKS and not others


def military_acts(doc: Doc, mentions: Sequence[ActorMention]) -> list[ActorMention]:
    """Mentions of a state that modify a military act, recoded as its armed forces (see the
    module docstring)."""
    countries = load_gazetteer().countries

    def armed_forces(m: ActorMention, span: Span) -> Actor | None:
        actor = m.actor
        if (
            actor.kind != "country"
            or actor.country is None
            or m.how not in ("demonym", "name")
            or span.root.dep_ not in _ACT_DEPS
            or span.root.head.i == span.root.i
            or not _military_act(span.root.head)
        ):
            return None
        return make_actor(f"{actor.name} armed forces", f"{actor.country}MIL", None, "group",
                          countries)  # fmt: skip

    return _recoded(doc, mentions, armed_forces)


def group_mentions(doc: Doc, text: str, mentions: Sequence[ActorMention],
                   country: str | None) -> list[ActorMention]:  # fmt: skip
    """Mentions for the military groups placed by a nationality in front of them that no
    mention covers as a whole (see the module docstring)."""
    covered: dict[int, ActorMention] = {}
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            for tok in span:
                covered[tok.i] = m
    countries = load_gazetteer().countries
    out: list[ActorMention] = []
    for noun in doc:
        if noun.pos_ != "NOUN" or noun.dep_ not in _HEAD_DEPS or noun.i in covered:
            continue
        first = _phrase_start(noun)
        inside = [covered[i] for i in range(first, noun.i) if i in covered]
        if not inside or any(m.actor.kind not in _COVERABLE for m in inside):
            continue  # "the Pentagon's inspector general": the owner's passes decide
        words = doc[first : noun.i + 1]
        keys = list(phrase_keys(words.text))
        if not keys or keys[0] in _VAGUE or keys[-1] in _VAGUE_HEADS:
            continue
        sector, what = head_sector_of(keys)
        if what != "agent" or sector not in _NAMED_SECTORS:
            continue
        start, end = words.start_char, words.end_char
        code = unnamed_code(text, start, end, inside, country)
        if not code or len(code) < 4:
            continue
        actor = make_actor(words.text, code, None, "group", countries)
        out.append(ActorMention(text=text[start:end], start=start, end=end, actor=actor,
                                how="title"))  # fmt: skip
    return out


__all__ = ["group_mentions", "legislative_partisans", "military_acts"]
