"""Who did it and to whom: the source and recipient actors of a trigger, from the parse.

Only coded actors (ActorMentions) become parties. A noun phrase yields the actors it names
directly, through its modifiers ("Iranian officials", "Moscow's forces", "leaders of
Germany", "Turkish Kurd refugees") and through coordination ("Serbia and Russia"); a deed
with no owner names its author ("crimes committed by X", "abuses by X"), and a region's
demonym gives way to the states a dash list names ("two Asian allies — X and Y"). A few
references the actor stage may leave unresolved are closed here because the events need
them: first-person pronouns inside a quotation (the quote's speaker), he/his/she/her (the
nearest person named before; a third-person pronoun inside a quotation is not its
speaker), it/they (the nearest actor subject before, a news outlet that reports passed
over), "the two leaders" (the article's two most mentioned
people) and "the country" or "the nation" (the country last named as a subject). Two
parties are coded here that the actors stage leaves without a code or a mention: a person
the article names bare is a civilian of the article's country (as the quotes stage codes
such a speaker), and an unnamed state body ("116 lawmakers", "the government") takes the
Phoenix agents dictionary's sector and the sentence's one country.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from tidings.actors.agents import agent_sector
from tidings.actors.fold import phrase_keys
from tidings.model import Actor, ActorMention, ActorRef, Quote

# Heads that make a country's possessive or adjective a military actor ("Moscow's forces").
MILITARY_HEADS = frozenset(
    "force forces troop troops army armies military militaries soldier soldiers navy airforce "
    "commando commandos jet jets warship warships militia defence defense defences defenses "
    "warplane warplanes artillery submarine submarines".split()
)
# Heads that make a "military" modifier describe a state's policy, which its government
# answers for ("Russia's military actions", "Iran's military programme").
POLICY_HEADS = frozenset(
    "action activity operation intervention involvement presence campaign program programme "
    "policy spending budget buildup build-up cooperation aid support aggression".split()
)
# Heads that, counted by "two"/"both", mean the article's pair of main actors.
PAIR_HEADS = frozenset(
    "leader leaders side sides president presidents country countries "
    "nation nations government governments counterpart counterparts "
    "minister ministers man men".split()
)
NON_STATE = frozenset({"IGO", "EUR", "NGO", "MNC", "UNO", "NATO"})
# Sectors an unnamed group takes its country's code in (``ActorIndex.group_party``): a
# state's bodies. Civilians, refugees, media, gunmen and spies named by a common noun are
# left out: measured on gold/dev2, "people", "refugees", "the website", "this terrorist"
# and "the intelligence" gave spurious parties far more often than right ones.
GROUP_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG"})
# Nouns that, as "the country", refer back to the country last named (``country_anaphor``);
# how far back (characters) the reference may reach.
COUNTRY_NOUNS = frozenset({"country", "nation"})
ANAPHOR_REACH = 1500
FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})
THIRD_PERSON = frozenset({"he", "him", "his", "she", "her"})
OTHER_PRONOUNS = frozenset({"it", "its", "they", "them", "their"})
PERSONAL = FIRST_PERSON | THIRD_PERSON | OTHER_PRONOUNS
# Verbs that report what an actor says or decides: a pronoun subject under them is the actor.
REPORTING = frozenset(
    "say tell announce state add declare confirm warn promise pledge vow insist claim write "
    "tweet report indicate signal reiterate stress assure reassure decide conclude threaten "
    "agree deny admit acknowledge reply respond argue".split()
)
RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "parataxis", "csubj",
                         "pcomp"})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Party:
    """An actor taking part in an event, with the token that named it."""

    code: str
    name: str
    token: int
    how: str = "name"  # the mention's kind: "demonym" names a people, not its state
    kind: str = ""  # the actor's kind: person, organisation, country, group

    @property
    def is_news_outlet(self) -> bool:
        """A news organisation: it reports events, it is rarely their actor."""
        return self.code.endswith("MED") and self.kind == "organisation"

    @property
    def ref(self) -> ActorRef:
        return ActorRef(code=self.code, name=self.name)


class ActorIndex:
    """Mentions looked up by token, plus the article-level references events need."""

    def __init__(
        self,
        doc: Doc,
        mentions: list[ActorMention],
        quotes: list[Quote],
        uncoded: bool = False,
        home: str | None = None,
    ) -> None:
        self.doc = doc
        self.uncoded = uncoded  # let mentions without a code take part
        self.home = home  # the article's country (actors.home.article_country)
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]
        # Token → the mentions of the longest span covering it (one span may name several
        # actors: "the two leaders").
        self.by_token: dict[int, list[ActorMention]] = {}
        for m in self.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            for tok in span:
                old = self.by_token.get(tok.i)
                if not old or (old[0].end - old[0].start) < (m.end - m.start):
                    self.by_token[tok.i] = [m]
                elif (old[0].start, old[0].end) == (m.start, m.end):
                    old.append(m)
        self.quotes = [q for q in quotes if q.speaker is not None]
        self.pair = self._main_pair()
        self._phrases: dict[int, list[Party]] = {}
        self._gender: dict[str, bool] | None = None

    def phrase_parties(self, tok: Token) -> list[Party]:
        """The parties the noun phrase headed by ``tok`` names (``np_actors``), worked out
        once per article: the argument model asks for every phrase of a sentence at each
        of its triggers."""
        found = self._phrases.get(tok.i)
        if found is None:
            found = self._phrases[tok.i] = np_actors(tok, self)
        return found

    def code_of(self, actor: Actor) -> str:
        """The actor's code; a person the article names without saying anything codable of
        them (no office, employer or description) is a civilian of the article's country,
        as the quotes stage codes such a speaker and the gold codes such people ("he was
        shot by police" of a suspect named bare in a Boston story → USACVL)."""
        if actor.code or actor.kind != "person" or not self.home:
            return actor.code
        return f"{self.home}CVL"

    def group_party(self, noun: Token) -> Party | None:
        """An unnamed group or agent noun the actors stage left without a mention ("116
        lawmakers wrote a letter to the president", "guaranteed legislators two votes"):
        the sector the Phoenix agents dictionary gives its head (``actors.agents``), of the
        one country the sentence's actors belong to, else of the article's country, as the
        gold codes such groups. None when the sentence names several countries or the noun
        heads no agent phrase ("officials" says nothing of its sector)."""
        if noun.pos_ != "NOUN" or noun.i in self.by_token:
            return None
        words = noun.doc[noun.left_edge.i : noun.i + 1]
        keys = phrase_keys(words.text)
        found = agent_sector(keys)
        if found is None or found[2] != len(keys) or found[0] not in GROUP_SECTORS:
            return None  # the agent phrase must end in the noun and name a state's body
        if any(c.dep_ == "poss" and c.lower_ == "our" for c in noun.children):
            # "our government" is the writer's: the outlet's country in its own words, the
            # speaker's (not known here) inside a quotation; never the sentence's other party
            if any(q.start <= noun.idx < q.end for q in self.quotes):
                return None
            country = self.home
        else:
            country = self.sentence_country(noun.sent)
        if country is None:
            return None
        return Party(country + found[0], words.text, noun.i, "title", "group")

    def country_anaphor(self, noun: Token) -> Party | None:
        """A bare "the country" the actors stage left without a mention → the country last
        named before it as a subject ("North Korea conducted test launches … and has claimed
        that its weapons can now reach the U.S. mainland. The country's recent actions …"),
        the one a story is about: a country named in passing, by its adjective or by a place
        in it ("Cairo") is not taken up by "the country"."""
        if noun.lemma_.lower() not in COUNTRY_NOUNS or noun.i in self.by_token:
            return None
        kids = [c for c in noun.children if c.dep_ != "case"]  # the "'s" of "the country's"
        if len(kids) != 1 or kids[0].lower_ != "the" or kids[0].dep_ != "det":
            return None  # not "a country", "the whole country", "the country of origin"
        i = bisect.bisect_left(self._starts, noun.idx) - 1
        while i >= 0 and noun.idx - self.mentions[i].start < ANAPHOR_REACH:
            m = self.mentions[i]
            i -= 1
            code = m.actor.code[:3]
            if m.actor.kind != "country" or m.how != "name" or not code.isalpha() \
                    or code in NON_STATE:  # fmt: skip
                continue
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and span.root.dep_ in ("nsubj", "nsubjpass"):
                return Party(code, noun.text, noun.i, "name", "country")
        return None

    def sentence_country(self, sent: Span) -> str | None:
        """The one country the sentence's coded actors belong to; with none, the article's."""
        start, end = sent.start_char, sent.end_char
        i = bisect.bisect_left(self._starts, start)
        countries: set[str] = set()
        while i < len(self.mentions) and self.mentions[i].start < end:
            actor = self.mentions[i].actor
            if actor.country and self.code_of(actor) and actor.country not in NON_STATE:
                countries.add(actor.country)
            i += 1
        if len(countries) > 1:
            return None
        return next(iter(countries), self.home)

    def in_sentence(self, sent: Span) -> bool:
        """Whether any mention starts inside the sentence."""
        start, end = sent.start_char, sent.end_char
        i = bisect.bisect_left(self._starts, start)
        return i < len(self._starts) and self._starts[i] < end

    def may_refer(self, sent: Span) -> bool:
        """Whether a sentence without mentions may still name actors: pronouns, "the two
        leaders"."""
        return any(t.lower_ in PERSONAL or (t.lower_ in PAIR_HEADS and self.pair) for t in sent)

    def _main_pair(self) -> list[Party]:
        people = Counter((self.code_of(m.actor), m.actor.name) for m in self.mentions
                         if m.actor.kind == "person")  # fmt: skip
        ranked = (
            people.most_common()
            or Counter((self.code_of(m.actor), m.actor.name) for m in self.mentions).most_common()
        )
        pair: list[Party] = []
        for (code, name), _ in ranked:
            if all(p.code != code for p in pair):
                pair.append(Party(code, name, -1))
            if len(pair) == 2:
                break
        return pair if len(pair) == 2 else []

    def previous_subject(self, tok: Token) -> list[Party]:
        """A sentence-initial "they"/"it" subject → the previous sentence's subject actors
        ("Trump and Putin will meet … They have met twice before")."""
        if tok.lower_ not in ("they", "it") or tok.dep_ != "nsubj":
            return []
        sent = tok.sent
        if any(t.dep_ in ("nsubj", "nsubjpass") for t in doc_range(sent, tok)):
            return []
        if sent.start == 0:
            return []
        previous = self.doc[sent.start - 1].sent
        subj = next((c for c in previous.root.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return []
        found = [p for t in coordination(subj) for p in self.mention_parties(t)]
        if not found and subj.lower_ == tok.lower_:
            found = self.previous_subject(subj)  # a chain of "they" sentences
        if not found and tok.lower_ == "they" and self.pair:
            # "the formal meeting with Putin is an opportunity for Trump … They …": a
            # sentence naming both of the article's main pair and no other subject
            named = {p.code for t in previous for p in self.mention_parties(t)}
            if {p.code for p in self.pair} <= named:
                found = list(self.pair)
        if tok.lower_ == "it" and (
            len(found) != 1
            or found[0].token not in self.by_token
            or self.by_token[found[0].token][0].actor.kind == "person"
        ):
            return []
        if tok.lower_ == "they" and not found:
            return []
        return [Party(p.code, p.name, tok.i, p.how) for p in found]

    def reporter(self, tok: Token) -> Party | None:
        """The subject of the reporting verb when ``tok`` is the subject of its complement."""
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            return None
        verb = tok.head
        for _ in range(2):
            if verb.dep_ not in ("ccomp", "xcomp", "conj", "advcl") or verb.head.i == verb.i:
                return None
            verb = verb.head
            if verb.lemma_.lower() in REPORTING:
                subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                if subj is None:
                    return None
                found = self.mention_party(subj)
                if found is None:
                    for c in subj.children:
                        if c.dep_ in ("poss", "compound", "amod"):
                            found = self.mention_party(c)
                            if found is not None:
                                break
                if found is None or found.code.endswith("MED"):
                    return None  # a news agency relays words; it does not speak them
                return Party(found.code, found.name, tok.i)
        return None

    def mention_party(self, tok: Token) -> Party | None:
        found = self.mention_parties(tok)
        return found[0] if found else None

    def mention_parties(self, tok: Token) -> list[Party]:
        mentions = self.by_token.get(tok.i, [])
        coded = [(m, self.code_of(m.actor)) for m in mentions]
        return [
            Party(code, m.actor.name, tok.i, m.how, m.actor.kind)
            for m, code in coded
            if code or self.uncoded
        ]

    def pronoun_party(self, tok: Token) -> Party | None:
        """First-person pronouns in a quote → its speaker; the subject pronoun of a reported
        clause → the reporter ("Iraq said it would allow"); he/she → last person named;
        it/they → the nearest actor subject earlier in the sentence."""
        low = tok.lower_
        if low in FIRST_PERSON:
            for q in self.quotes:
                if q.start <= tok.idx < q.end and q.speaker is not None:
                    return Party(q.speaker.code, q.speaker.name, tok.i)
            if low in ("we", "us", "our"):
                return None
        if tok.pos_ != "PRON" or low not in PERSONAL:
            return None
        reporter = self.reporter(tok) if not self._quoted(tok) else None
        if reporter is not None:
            return reporter
        if low in OTHER_PRONOUNS:
            if tok.dep_ not in ("nsubj", "nsubjpass", "poss"):
                return None
            for t in reversed(doc_range(tok.sent, tok)):
                if t.dep_ in ("nsubj", "nsubjpass") and t.i in self.by_token:
                    found = self.mention_party(t)
                    if (
                        found is not None
                        and found.is_news_outlet
                        and t.head.lemma_.lower() in REPORTING
                    ):
                        continue  # "Reuters reports that … its members": an outlet relays
                    if found is not None:
                        return Party(found.code, found.name, tok.i)
            return None
        if low in THIRD_PERSON:
            # Cataphora: "In his first talk with X, Vucic said" → the main clause's subject.
            root = tok.sent.root
            subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.i > tok.i and tok.dep_ == "poss":
                found = self.mention_party(subj)
                if found is not None and self.by_token[subj.i][0].actor.kind == "person":
                    return Party(found.code, found.name, tok.i)
            return self._person_before(tok, self._clause_subjects(tok))
        return None

    def _quoted(self, pronoun: Token) -> bool:
        """A third-person pronoun inside a quotation: its speaker speaks of someone else
        ("'They had been holding peaceful protest,' said Kumar" is not Kumar); the speaker
        refers to themselves as "I" or "we"."""
        return pronoun.lower_ not in FIRST_PERSON and any(
            q.start <= pronoun.idx < q.end for q in self.quotes
        )

    def unbound(self, tok: Token, named: list[Party]) -> list[Party]:
        """The parties of a mention, unless it is an object pronoun the actors stage
        resolved to its own clause's subject: then the person named before who is not
        that subject, or no one."""
        if tok.lower_ not in THIRD_PERSON or not named:
            return named
        bound = self._clause_subjects(tok)
        if not any(p.name in bound for p in named):
            return named
        other = self._person_before(tok, bound)
        return [other] if other is not None else []

    def _person_before(self, tok: Token, bound: set[str]) -> Party | None:
        """The last person named before the pronoun (within a few paragraphs), but the
        people in ``bound`` and those the article refers to by a pronoun of the other
        gender."""
        female = tok.lower_ in ("she", "her")
        i = bisect.bisect_left(self._starts, tok.idx) - 1
        while i >= 0 and tok.idx - self.mentions[i].start < 600:
            m = self.mentions[i]
            i -= 1
            if m.actor.kind != "person" or m.actor.name in bound:
                continue
            if self._genders().get(m.actor.name, female) != female:
                continue
            return Party(self.code_of(m.actor), m.actor.name, tok.i)
        return None

    def _genders(self) -> dict[str, bool]:
        """Person → whether the article refers to them as "she"/"her" (the actors stage's
        pronoun mentions), for the people it refers to by one gender only."""
        if self._gender is None:
            seen: dict[str, set[bool]] = {}
            for m in self.mentions:
                low = m.text.lower()
                if m.how == "pronoun" and low in THIRD_PERSON:
                    seen.setdefault(m.actor.name, set()).add(low in ("she", "her"))
            self._gender = {name: next(iter(g)) for name, g in seen.items() if len(g) == 1}
        return self._gender

    def _clause_subjects(self, pronoun: Token) -> set[str]:
        """The names of the people an object pronoun cannot be: the subject of its own clause
        ("Trump pressed him", "Some of Mr. Obama's advisers are urging him", "the police, who
        detained him"), who would have been "himself" (binding: an object pronoun refers
        outside its clause)."""
        if pronoun.lower_ not in ("him", "her"):
            return set()
        if pronoun.dep_ in ("dobj", "dative", "iobj"):
            verb = pronoun.head
        elif pronoun.dep_ == "pobj" and pronoun.head.dep_ in ("prep", "dative"):
            verb = pronoun.head.head
        else:
            return set()
        if verb.pos_ not in ("VERB", "AUX") or child(verb, "nsubj", "nsubjpass") is None:
            return set()
        return {p.name for p in verb_source(verb, self)}


def doc_range(sent: Span, tok: Token) -> list[Token]:
    """The sentence's tokens before ``tok``."""
    return [t for t in sent if t.i < tok.i]


DASHES = frozenset({"—", "–", "-", "--"})


def dateline_end(sent: Span) -> int | None:
    """The dash ending a news dateline ("MOSCOW (Reuters) -") at the sentence start."""
    first = sent[0]
    if not (first.is_upper and first.is_alpha and len(first) >= 3):
        return None
    for tok in sent[:14]:
        if tok.text in DASHES:
            return tok.i
    return None


def coordination(tok: Token) -> list[Token]:
    """The token and every conjunct hanging below it ("Serbia and Russia")."""
    out = [tok]
    for child in tok.children:
        if child.dep_ == "conj":
            out.extend(coordination(child))
    return out


def is_pair(tok: Token) -> bool:
    if tok.lemma_.lower() not in PAIR_HEADS and tok.lower_ not in PAIR_HEADS:
        return False
    return any(c.lower_ in ("two", "both") for c in tok.children)


def _military(party: Party, head: Token) -> Party:
    """A country's forces are its military (RUS + "forces" → RUSMIL; "Iranian air defence
    system" → IRNMIL)."""
    if head.lemma_.lower() in POLICY_HEADS:
        # "Russia's military actions": a state's policy, which its government answers for,
        # also when the actor stage read "Russia's military" as the armed forces.
        if party.code.endswith("MIL") and len(party.code) == 6:
            return Party(party.code[:3] + "GOV", party.name, party.token, party.how, party.kind)
        return party
    words = {head.lower_} | {c.lower_ for c in head.children if c.dep_ == "compound"}
    if words & MILITARY_HEADS and len(party.code) >= 3 and party.code[:3].isalpha():
        return Party(party.code[:3] + "MIL", party.name, party.token, "title")
    return party


def np_actors(tok: Token, index: ActorIndex, depth: int = 0) -> list[Party]:
    """The actors a noun phrase names, through modifiers and coordination."""
    out: list[Party] = []
    for t in coordination(tok):
        named = index.unbound(t, index.mention_parties(t))
        if named:
            out.extend(named)
            continue
        direct = index.pronoun_party(t)
        if direct is not None:
            out.append(direct)
            continue
        earlier = index.previous_subject(t)
        if earlier:
            out.extend(earlier)
            continue
        if is_pair(t):
            out.extend(index.pair)
            continue
        anaphor = index.country_anaphor(t)
        if anaphor is not None:
            out.append(anaphor)
            continue
        mine: list[Party] = []
        for child in t.children:
            if child.dep_ in ("poss", "compound", "amod", "nmod", "appos"):
                found = index.mention_party(child) or index.pronoun_party(child)
                if found is None and child.dep_ in ("poss", "appos") and depth < 2:
                    mine.extend(_military(p, t) for p in np_actors(child, index, depth + 1))
                elif found is not None and _own(child, t):
                    mine.append(found)  # "offered its troops": its own, not a recipient
                elif found is not None:
                    mine.append(_military(found, t))
                elif child.dep_ in ("amod", "compound"):
                    # "a British-flagged tanker", "Turkish Kurd refugees": the modifier's own
                    # modifier names the actor.
                    for grand in child.children:
                        if grand.dep_ in ("npadvmod", "compound", "amod"):
                            mine.extend(_military(p, t) for p in index.mention_parties(grand))
            elif child.dep_ == "prep" and child.lower_ in ("of", "from") and depth < 2:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":  # "the militaries of the U.S. and Japan"
                        mine.extend(_military(p, t) for p in np_actors(pobj, index, depth + 1))
        if not mine and t.pos_ == "NOUN" and depth < 2:
            mine = _agent_of(t, index, depth)
        if not mine and (group := index.group_party(t)) is not None:
            mine = [group]
        out.extend(_listed_after(t, index, mine))
    return _unique(out)


def _own(poss: Token, noun: Token) -> bool:
    """A possessive pronoun on a verb's object that refers back to the clause's subject
    ("Syria offered its troops", "will withdraw their forces"): the thing is the actor's
    own, so it names the actor itself (which no event takes as its recipient), not its
    military."""
    return poss.dep_ == "poss" and poss.lower_ in ("its", "their", "his", "her") and (
        noun.dep_ in ("dobj", "obj"))  # fmt: skip


# Participles that make their by-phrase the author of a deed ("crimes committed by X").
DOING = frozenset(
    "commit perpetrate carry conduct launch stage make impose propose issue take "
    "order mount".split()
)
# Region pseudo-countries (countries.tsv): "two Asian allies" names states, not a region.
REGIONS = frozenset({"LAM", "AFR", "MEA", "ASA", "EUR"})


def _agent_of(noun: Token, index: ActorIndex, depth: int) -> list[Party]:
    """The author a deed's noun names: "crimes by Croatian extremists", "the attack carried
    out by X" — the accused of an investigation, the one a protest is against."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "by":
            for obj in c.children:
                if obj.dep_ == "pobj":
                    return np_actors(obj, index, depth + 1)
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in DOING:
            agent = child(c, "agent")
            by = child(agent, "pobj") if agent is not None else None
            if by is not None:
                return np_actors(by, index, depth + 1)
    return []


def _listed_after(noun: Token, index: ActorIndex, found: list[Party]) -> list[Party]:
    """``found`` with a region's demonym replaced by the actors a dash or colon list after
    the noun names ("two Asian allies — Japanese Prime Minister X and South Korean President
    Y"): the list says which states; the region named none of them."""
    regions = [p for p in found if p.code in REGIONS and p.how == "demonym"]
    doc = noun.doc
    end = noun.sent.end
    if not regions or noun.i + 1 >= end or doc[noun.i + 1].text not in DASHES | {":"}:
        return found
    listed: list[Party] = []
    for tok in doc[noun.i + 2 : end]:
        if tok.text in DASHES or tok.text in (";", "."):
            break
        listed.extend(index.mention_parties(tok))
    if not listed:
        return found
    return [p for p in found if p not in regions] + listed


def _unique(parties: list[Party]) -> list[Party]:
    seen: set[tuple[str, str]] = set()
    out = []
    for p in parties:
        if (p.code, p.name) not in seen:
            seen.add((p.code, p.name))
            out.append(p)
    return out


def child(tok: Token, *deps: str) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


# Prepositions that stand for another in the rows' target places: "called upon the UN
# Security Council" is "called on".
PREP_VARIANTS = {"upon": "on", "onto": "on", "towards": "toward"}


def prep_objects(tok: Token, preps: frozenset[str] | set[str]) -> list[Token]:
    """Objects of the token's prepositions in ``preps`` ("with Putin", "on Russia", "upon
    the Council")."""
    out: list[Token] = []
    for c in tok.children:
        word = c.lower_
        if c.dep_ in ("prep", "agent", "dative") and (
            word in preps or PREP_VARIANTS.get(word) in preps
        ):
            out.extend(g for g in c.children if g.dep_ in ("pobj", "pcomp"))
    return out


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def verb_source(verb: Token, index: ActorIndex, depth: int = 0) -> list[Party]:
    """The subject of a clause, or the agent of a passive, inherited along control chains."""
    subj = child(verb, "nsubj")
    if subj is not None and subj.tag_ in RELATIVE_TAGS and verb.dep_ == "relcl":
        return np_actors(verb.head, index)
    if subj is not None:
        dash = dateline_end(verb.sent)
        if dash is not None and subj.i < dash < verb.i:
            # "HANOI, Vietnam (AP) — Esper accused …": the parser takes the dateline for
            # the subject; the actor is the first one named after the dash.
            for tok in verb.doc[dash + 1 : verb.i]:
                found = index.mention_parties(tok)
                if found:
                    return found
            return []
        return np_actors(subj, index)
    agent = child(verb, "agent")
    if agent is not None:
        pobj = child(agent, "pobj")
        return np_actors(pobj, index) if pobj is not None else []
    if depth > 3 or verb.head.i == verb.i:
        return []
    head = verb.head
    if verb.dep_ == "xcomp":
        # Object control: "urged Vietnam to push back" → Vietnam acts.
        obj = child(head, "dobj")
        if obj is not None:
            found = np_actors(obj, index)
            if found:
                return found
        if is_passive(head):  # raising: "is expected/set/due to meet"
            subj_pass = child(head, "nsubjpass")
            if subj_pass is not None:
                return np_actors(subj_pass, index)
        return verb_source(head, index, depth + 1)
    if verb.dep_ in ("conj", "advcl") and head.pos_ in ("VERB", "AUX"):
        return verb_source(head, index, depth + 1)
    if (
        verb.dep_ == "pcomp"
        and head.dep_ == "prep"
        and head.lower_ in ("by", "after", "before", "while", "in", "when", "to", "on")
        and head.head.pos_ in ("VERB", "AUX")
    ):
        return verb_source(head.head, index, depth + 1)  # "responded by accusing Tehran"
    if (
        verb.dep_ == "pcomp"
        and head.dep_ == "prep"
        and head.lower_ in ("of", "for", "from")
        and (obj := child(head.head, "dobj")) is not None
        and obj.i < head.i
    ):
        # "accused Russia of sending heavy weaponry", "blamed North Korea for hacking banks",
        # "prevent the U.K. from leaving the EU": the object does the deed.
        return np_actors(obj, index)
    if verb.dep_ == "relcl" and subj is None:
        if is_passive(verb):
            # "the prison where Mubarak has been detained", "the protesters who were
            # arrested": the noun a passive clause describes is its place or what is done
            # to, never the one who does it (a by-phrase was taken above)
            return []
        return np_actors(head, index)
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        # "Pakistan asking China to …": the noun the participle describes acts; "issued a
        # declaration demanding …", "in a speech criticizing …": the one who issued it or
        # spoke. (A "to" infinitive is left alone: "their refusal to back", "authority to
        # strike", "a decision to authorize" gave more spurious events on gold/dev2 than
        # right sources.)
        found = np_actors(head, index)
        if not found and head.dep_ == "dobj" and head.head.pos_ in ("VERB", "AUX"):
            found = verb_source(head.head, index, depth + 1)
        elif not found and head.dep_ == "pobj" and head.head.head.pos_ in ("VERB", "AUX"):
            found = verb_source(head.head.head, index, depth + 1)
        return found
    if verb.dep_ == "acomp" and head.pos_ in ("VERB", "AUX"):
        return verb_source(head, index, depth + 1)  # "are combat-ready to sink a carrier"
    return []


def _named_within(phrase: Token, index: ActorIndex) -> list[Party]:
    """Each actor named inside the phrase, once per code, in text order."""
    out: list[Party] = []
    for tok in phrase.subtree:
        out += [p for p in index.mention_parties(tok) if all(q.code != p.code for q in out)]
    return out


def noun_source(
    noun: Token, index: ActorIndex, place_modifiers: bool = True
) -> tuple[list[Party], bool]:
    """The actor of a nominal event: possessive, by-phrase, naming modifier, or "between"
    (the second value says the event is reciprocal). ``place_modifiers`` False: a naming
    modifier is where the event happened ("Hong Kong protests"), not who acted."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "between":
            pobj = child(c, "pobj")
            if pobj is not None:
                found = np_actors(pobj, index)
                if len(found) >= 2 or (found and is_pair(pobj)):
                    return found, True
                # a misparsed pair ("between Trump and Chinese vice-premier Liu He" read
                # as two objects): every actor named inside the phrase
                named = _named_within(c, index)
                if len({p.code for p in named}) >= 2:
                    return named, True
    poss = child(noun, "poss")
    if poss is not None:
        found = np_actors(poss, index)
        if found:
            return found, False
    for pobj in prep_objects(noun, {"by"}):
        found = np_actors(pobj, index)
        if found:
            return found, False
    for c in noun.children:
        if c.dep_ in ("compound", "amod", "nmod"):
            found_one = index.mention_party(c)
            # A people named by its demonym acts even where a modifier may be a place
            # ("Palestinian riots", but not "Hong Kong protests").
            if found_one is not None and (place_modifiers or found_one.how == "demonym"):
                return [found_one], False
    return [], False


__all__ = [
    "ActorIndex",
    "NON_STATE",
    "REPORTING",
    "Party",
    "child",
    "coordination",
    "is_pair",
    "is_passive",
    "noun_source",
    "np_actors",
    "prep_objects",
    "verb_source",
]
