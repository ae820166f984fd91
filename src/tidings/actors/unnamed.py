"""The code of an actor the article describes without naming, when the actors stage made
no mention of it: "a White House official", "a Yemeni security source", "the French
president's office", "Iranian TV", "federal prosecutors", "one GOP senate staffer", "the
Democratic aide", "a witness", "the Times".

Quotes use it for speakers (:mod:`tidings.quotes.attribute`); events may use it for parties
the same way. What the description says decides, in this order:

1. the sector of its head: the agent noun (PETRARCH2's Phoenix agents dictionary, read by
   :mod:`tidings.actors.agents`: "prosecutors" JUD, "TV" MED, "witness" CVL), else the words
   in front of a head that names no sector ("military source" MIL; "security source" is
   read as Phoenix reads "security official", COP), else a kind of body (orgtypes.tsv), else
   a title that takes its owner's sector ("official", "aide": GOV when nothing owns it);
2. what it belongs to: a body or person mentioned inside it ("White House official" → the
   White House; "Senate's … Subcommittee" → the Senate; "the French president's office" →
   the president), a party named by its adjective ("Democratic aide": the Democratic Party),
   a country or nationality inside it ("Yemeni", "Saudi Arabia's");
3. the country the article is clearly about (:func:`tidings.actors.home.main_country`: Al
   Jazeera's "military source" in a story on Yemen is Yemeni), else the article's country
   (the outlet's) when nothing in it places the actor.

A body inside gives its code to a head with no sector of its own ("White House official" →
USAGOV) and its country to one that has ("GOP senate staffer" → USALEG). A former holder of
a state or party office is ELI (CAMEO's elites). An outlet by its short name ("the Times
reported") is the outlet the article names in full, else media of the article's country
(:func:`outlet_code`).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from tidings.actors.agents import FORMER_ELITE, FORMER_WORDS, agent_sector, agent_table
from tidings.actors.fold import chunks, phrase_keys
from tidings.actors.gazetteer import Title, load_gazetteer
from tidings.actors.home import main_country, outlet_country
from tidings.actors.orgtypes import described_sector, head_sector
from tidings.model import ActorMention

# Words after which a description names a topic, not an owner ("an expert on Iran").
_TOPIC_WORDS = frozenset({"on", "about", "against", "over", "regarding"})
# Words that end a description's head noun phrase.
_HEAD_ENDS = frozenset({"of", "at", "for", "with", "to", "in", "on", "from", "under", "who",
                        "which", "that", "about", "against", "over"})  # fmt: skip
# Words of quantity before "of": "thousands of students" are students.
_QUANTITIES = frozenset({"thousands", "hundreds", "dozens", "millions", "scores", "lot", "lots",
                         "number", "handful", "group", "groups", "couple", "majority",
                         "some", "many", "most", "several", "one", "two", "three", "four",
                         "five", "all", "none", "few", "members", "member"})  # fmt: skip
# Determiners and counts that open a description and say nothing of who it is.
_OPENERS = frozenset({"the", "a", "an", "one", "two", "three", "four", "five", "six", "some",
                      "several", "another", "other", "this", "that", "these", "those",
                      "same", "second", "third", "first", "unnamed", "many", "senior", "top",
                      "his", "her", "their", "its"})  # fmt: skip
# The noun an unowned title is read with when the words in front of it name its sector
# ("security source" as "security official").
_STAND_IN = "official"
# Heads that name no sector and no one in particular: whose source, staffer or office it is
# decides ("a military source", "a Senate staffer", "the French president's office").
_SECTORLESS = frozenset({"source", "sources", "staffer", "staffers", "person", "persons",
                         "insider", "insiders", "operative", "operatives", "author",
                         "authors"})  # fmt: skip
_OWNED_BODIES = frozenset({"camp", "team", "staff", "committee", "subcommittee", "panel",
                           "board", "circle"})  # fmt: skip
# Bodies that, owned by nothing but a country, are its government's ("the Chinese State
# Council Tariff Commission"): read like a title that takes its owner's sector.
_STATE_BODIES = frozenset({"office", "commission", "council", "bureau", "delegation",
                           "secretariat", "presidency"})  # fmt: skip
_POSSESSIVE = frozenset({"s"})  # the "s" of "'s", a chunk of its own


@lru_cache(maxsize=1)
def _titles() -> dict[tuple[str, ...], Title]:
    return {phrase_keys(phrase): title for phrase, title in load_gazetteer().titles.items()}


@lru_cache(maxsize=1)
def _parties() -> dict[tuple[str, ...], str]:
    """A party's adjective → its code: the gazetteer's party names without "Party"
    ("Democratic Party" → "Democratic": USAPOL), as the press writes "a Democratic aide"."""
    table: dict[tuple[str, ...], str] = {}
    for org in load_gazetteer().organisations:
        code = org.offices[-1].code if org.offices else ""
        keys = phrase_keys(org.name)
        if code.endswith("POL") and len(keys) >= 2 and keys[-1] == "party":
            table.setdefault(keys[:-1], code)
    return table


def _head_words(keys: list[str]) -> tuple[list[str], int]:
    """The words of the description's head noun phrase and where they start: openers and
    quantities ("thousands of") left out, cut at the first preposition after the head."""
    first = 0
    while first < len(keys) and keys[first] in _OPENERS:
        first += 1
    of = next((i for i in range(first, len(keys)) if keys[i] == "of"), None)
    if of is not None and of > first and all(k in _QUANTITIES or k.isdigit()
                                             for k in keys[first:of]):  # fmt: skip
        first = of + 1
    stop = next((i for i in range(first + 1, len(keys)) if keys[i] in _HEAD_ENDS), len(keys))
    return keys[first:stop], first


def head_sector_of(keys: list[str]) -> tuple[str | None, str]:
    """The sector the description's head gives and what the head is: "agent" (a noun for
    someone who acts or speaks), "title" (a title that takes its owner's sector: "official",
    "aide", "spokesman"; a state's when nothing owns it) or "" (no one: "court victory",
    "his qualifications", "the video")."""
    head, _ = _head_words(keys)
    if not head:
        return None, ""
    table = agent_table()
    found = agent_sector(head)
    if found is not None and found[2] == len(head) and head[-1] not in _SECTORLESS:
        return found[0], "agent"  # the head noun itself names a sector
    titles = _titles()
    title = next((titles[tuple(head[i:])] for i in range(len(head)) if tuple(head[i:]) in titles),
                 None)  # fmt: skip
    if title is not None and title.sector not in ("*", "-"):
        return title.sector, "agent"
    if head[-1] in _STATE_BODIES:
        title = title or Title(head[-1], "*", "group", frozenset(), None)
    kind = head_sector(head) if head[-1] not in _OWNED_BODIES | _STATE_BODIES else None
    kind = kind or described_sector(head[-1:])
    if kind is not None:
        return kind, "agent"
    sectorless = table.get((head[-1],)) == "-" or head[-1] in _SECTORLESS \
        or head[-1] in _OWNED_BODIES or title is not None  # fmt: skip
    if not sectorless:
        return None, ""
    # A head with no sector of its own ("source", "official", "staffer"): the words in front
    # of it, read as Phoenix reads them before "official" ("security official" COP), or
    # alone ("military source" MIL, "senate staffer" LEG).
    for i in range(len(head) - 1):
        sector = table.get((*head[i:-1], _STAND_IN))
        if sector is not None and sector != "-":
            return sector, "agent"
    if found is not None and found[2] < len(head):
        return found[0], "agent"
    return None, "title" if title is not None and title.sector == "*" else "agent"


def _owner(text: str, start: int, end: int, mentions: Sequence[ActorMention]
           ) -> ActorMention | None:  # fmt: skip
    """The coded body, person or country mentioned inside [start, end), other than a topic
    ("an expert on Iran"); a body or person before a country ("Saudi Arabia's royal court"
    has only the country; "the Iraqi embassy's spokesman" the embassy)."""
    inside = [m for m in mentions if m.start < end and m.end > start and m.actor.code
              and m.how != "pronoun"]  # fmt: skip
    owned = []
    for m in inside:
        before = [c.key for c in chunks(text[start : max(start, m.start)])]
        if _TOPIC_WORDS & set(before):
            continue
        owned.append(m)
    if not owned:
        return None
    rank = {"organisation": 0, "group": 0, "person": 1, "country": 2}
    return min(owned, key=lambda m: (rank.get(m.actor.kind, 3), m.start))


def _party(keys: list[str]) -> str | None:
    parties = _parties()
    for n in (2, 1):
        for i in range(len(keys) - n + 1):
            code = parties.get(tuple(keys[i : i + n]))
            if code is not None:
                return code
    return None


def describes_someone(text: str) -> bool:
    """The words describe someone who may act or speak ("a defense official", "federal
    prosecutors", "the French president's office"), not a thing ("the court victory",
    "his qualifications")."""
    keys = [c.key for c in chunks(text) if c.key not in _POSSESSIVE]
    return bool(keys) and head_sector_of(keys)[1] != ""


def unnamed_code(text: str, start: int, end: int, mentions: Sequence[ActorMention],
                 country: str | None) -> str:  # fmt: skip
    """The code of the actor described by ``text[start:end]`` (see the module docstring);
    ``mentions`` are the actors stage's, ``country`` the article's country. "" when the
    words say nothing of who it is ("a source", "this person")."""
    words = chunks(text[start:end])
    keys = [c.key for c in words if c.key not in _POSSESSIVE]
    if not keys:
        return ""
    sector, what = head_sector_of(keys)
    if not what:
        return ""
    owner = _owner(text, start, end, mentions)
    party = _party(keys)
    code = ""
    if owner is not None and owner.actor.kind != "country":
        body = owner.actor
        if sector is None:
            code = body.code  # "White House official", "the French president's office"
        elif body.country:
            code = f"{body.country}{sector}"  # "one GOP senate staffer": a Senate staffer
        else:
            code = body.code
    elif party is not None:
        code = party if sector is None else f"{party[:3]}{sector}"
    else:
        if sector is None and what == "title":
            sector = "GOV"  # an official nothing owns is a state's
        if sector is None:
            return ""
        # "a military source told AFP", "thousands of students": of the country the story
        # is clearly about, before the outlet's (Al Jazeera on Yemen quotes no Qatari).
        place = owner.actor.code[:3] if owner is not None else None
        place = place or main_country(mentions) or country
        code = f"{place}{sector}" if place else sector
    head, first = _head_words(keys)
    if FORMER_WORDS & set(keys[: first + len(head)]) and code[3:6] in FORMER_ELITE:
        code = f"{code[:3]}ELI"
    return code


def outlet_code(name: str, mentions: Sequence[ActorMention], country: str | None,
                reported: bool = False) -> str:  # fmt: skip
    """The code of a news outlet the article calls by a short name ("the Times", "the
    Journal", "the Post"): the media outlet it names in full whose name ends so ("The New
    York Times"), else, for a name whose head word is a newspaper's ("Times", "Post",
    "Herald", orgtypes.tsv) or one that ``reported`` (the cue is a verb of publishing: "the
    Bee reported"), media of the article's country. "" for any other name."""
    keys = [k for k in phrase_keys(name) if k != "the"]
    if not keys or len(keys) > 2:
        return ""
    for m in mentions:
        actor = m.actor
        if actor.sector != "MED" or not actor.code:
            continue
        for form in (actor.name, m.text):
            full = [k for k in phrase_keys(form) if k != "the"]
            if len(full) > len(keys) and full[-len(keys) :] == keys:
                return actor.code
    generic = head_sector(keys) == "MED"  # "the Times", "the Post": many papers' names
    written = [w for w in name.split() if w.lower() != "the"]
    if not generic and written and all(w[:1].isupper() for w in written):
        # "— Economist", "The Economist wrote": an outlet the publishers' table knows by
        # this name is of its own country, not the article's.
        known = outlet_country(" ".join(written))
        if known is not None:
            return f"{known}MED"
    if reported or generic:
        return f"{country or ''}MED"
    return ""


__all__ = ["describes_someone", "head_sector_of", "outlet_code", "unnamed_code"]
