"""Every mention of a political actor in a body, resolved to a canonical Actor.

Order of work, all in one pass over the body's word chunks plus spaCy's PERSON entities:

1. atoms: gazetteer/dictionary phrases (countries, demonyms, capitals, organisations,
   people, titles), longest first; a country after "pro-"/"anti-" is a stance and dropped;
   "ethnic Albanians" is a people coded as civilians of the country the story is about;
2. title phrases: "Serbian President Aleksandar Vucic" (one mention spanning title and
   name), "Iran's foreign minister" (the holder on the article's date, else a title-coded
   actor), "Russian troops" (a group), "the president" (left for step 5), "King X of
   Morocco"; a nationality on the noun beats a place after it ("U.S. companies in Russia"
   are USABUS), and a country word beats an organisation alias ("Serbian Labour Minister");
3. the remaining atoms as mentions of their own (Russia, Moscow, the Kremlin, Russian …);
   Before step 2, organisations only spaCy knows are coded, and documents that speak are
   their issuers' mentions (:mod:`tidings.actors.organisations`);
4. people only spaCy knows: PERSON entities, coded from their employer ("NAME, <titles>
   at|with|of|for <organisation>", "NAME, who heads <organisation>", "NAME of
   <organisation>": a title naming a sector keeps it — a scholar is EDU — other titles take
   the organisation's), else from an appositive title ("Chris Tang, Hong Kong's new police
   commissioner") — otherwise code "" (unknown); then their surnames later in the article;
5. coreference: definite descriptions, "the two leaders", pronouns.

Titles without a country. Institutions (judge/court, prosecutor/prosecution, police; the
titles.tsv flags) take the country of the nearest mention of the same institution that has
one, wherever it is in the article ("a judge ruled" → the London court named later; bare
"police said" → "Hong Kong police"); failing that, a person's title (heads of state too:
"Rebels in Mali rejected an offer from President X") takes the country the article has
clearly mentioned most before it (dominant_country), or, named before any country, the one
the whole text is clearly about (not counting other people's nationalities); bare
institution nouns stay uncoded. A guessed country is never one whose single office
(president, prime minister, foreign minister …) the gazetteer knows someone else held on
the article's date ("President Mohamed Morsy" in a U.S. column of 2013): the country named
nearest in the same sentence or paragraph is taken instead, else none (checked_guess,
:mod:`tidings.actors.offices`). Bodies flagged "context" ("a state body in charge of …")
and bare groups (rebels, protesters) take that clearly main country too, decided once every
country mention is known; groups with none keep their bare sector (REB); rebels, insurgents
and the opposition are not guessed to be of the outlet's own country. Militants of no state
("gunmen", "the militants", "terrorists") are the international militant group (IMG) when
the words call them so ("Islamist militants", "ISIS militants in Libya") or the nearest
militant body named before them is one. A "commander" is police (COP) in an article that
speaks of police more than of the military.

Conventions: offsets are body character offsets; mentions of one actor never overlap;
a plural mention ("the two leaders") is one ActorMention per person over the same span
with how="plural"; the article's date (``published``, else today) picks each person's
office; people without a known office and no title are kept with code "".
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from spacy.tokens import Doc, Token

from tidings.actors.agents import FORMER_ELITE, FORMER_WORDS, STATE_SECTORS, agent_sector
from tidings.actors.atoms import Atom, find_atoms
from tidings.actors.code_model import recode
from tidings.actors.corefer import PLURAL, PRONOUNS, PersonRef, Resolver
from tidings.actors.dictionary import ActorDictionary, dictionary_kind
from tidings.actors.fold import Chunk, chunks, fold, phrase_keys
from tidings.actors.gazetteer import (
    Gazetteer,
    Person,
    Title,
    known_person,
    load_gazetteer,
    make_actor,
)
from tidings.actors.groups import group_mentions, legislative_partisans, military_acts
from tidings.actors.home import article_country, default_country, home_country
from tidings.actors.offices import ruled_out
from tidings.actors.organisations import REGIONS, Found, OrganisationReader
from tidings.actors.orgtypes import described_sector, head_sector
from tidings.actors.phrases import Phrase, PhraseBuilder
from tidings.actors.places import read_places
from tidings.model import Actor, ActorMention, Article

# Institutions named with "the" alone stand for the article's main country.
_INSTITUTIONS = frozenset({"government", "administration", "authorities", "regime", "military",
                           "army", "police", "leadership", "cabinet", "parliament",
                           "judiciary", "foreign ministry", "defence ministry",
                           "defense ministry"})  # fmt: skip
# Titles that say only that someone leads; a sector noun before them says what they lead.
_LEADING = frozenset({"leader", "leaders"})
# Bodies whose leader is of their sector, not the government's: a party's, a rebel group's.
_LED_SECTORS = frozenset({"POL", "OPP", "REB", "LAB", "NGO", "REL"})
# "the Maryland Democrat", "the Texas Republican", "the Michigan lawmaker": a person named
# before, not the party or a title of its own.
_PARTISAN = re.compile(r"\b[Tt]he (?:[A-Z][\w.'-]*\s+){1,3}(?:Democrat|Republican|lawmaker|"
                       r"congressman|congresswoman|senator|legislator)\b(?!s|ic)")  # fmt: skip
_PARTISAN_REACH = 400
# What a partisan description can describe: someone in politics, never a moderator or a
# witness the article named just before ("moderator Chuck Todd asked the Vermont senator").
_PARTISAN_SECTORS = frozenset({"LEG", "GOV", "POL", "ELI"})
# A person's place right after the name: the gap from the name to the place mention.
_PLACED_REACH = 90
# The place ends the phrase: "of Kramatorsk, Ukraine," but not "of the Iran nuclear deal".
_PLACE_ENDS = re.compile(r"[,.;:!?)\"”’]|\s*$|\s+(?:who|which|and|on|in|at|near|said|says|"
                         r"told|tells|after|before|where|when|last|this)\b")  # fmt: skip
# The name, an age (", 34,"), an apposition's few words ("a resident", "an engineer") and a
# locative preposition: no verb or clause between ("a keen gardener, said … in Canada").
_PLACED_GAP = re.compile(r"(?:,\s*\d{1,3},?)?\s*(?:,\s*)?(?:(?:an?|the)\s+(?:[\w'’-]+\s+){0,4}?)?"
                         r"(?:from|of|in|near)\s+(?:the\s+)?(?:[\w'’-]+,?\s+){0,3}")  # fmt: skip
# The words that describe a person: lowercase modifiers right before the name ("fellow
# Ukrainian billionaire"), or an apposition right after it (", a leading British analyst,").
_DESCRIBING_BEFORE = re.compile(r"(?<![\w’'])(?:[a-z][\w-]*\s+)?(?:[A-Z][\w-]*\s+)"
                                r"(?:[a-z][\w-]*\s+){1,3}$")  # fmt: skip
_DESCRIBING_AFTER = re.compile(r",\s+((?:an?|the)\s+[^,.;:“”\"()\n]{3,80})[,.;]")
_LOWER_WORD = re.compile(r"\s+[a-z]")
# Spokespeople, and whom a spokesperson with no body named speaks for: a body, else a holder
# of a state, party or business office named within reach before.
_SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson"})
_SPOKEN_FOR_REACH = 400
_SPOKEN_FOR_SECTORS = STATE_SECTORS | {"POL", "BUS", "ELI"}
_SPOKES_FOR = re.compile(r"\b[Aa]n? spokes(?:man|woman|person) for (?:the )?[^,.;“\"]{3,80}")
# "BlackRock Inc's Larry Fink": capitalised words with a possessive right before a name.
_POSSESSOR = re.compile(r"(?P<name>(?:[A-Z][\w&.-]*\s){0,4}[A-Z][\w&.-]*)(?:'s|’s)\s$")
# Court documents that speak ("the complaint said", "the indictment says") and "the
# document" that refers back to the latest of them. Not a lawsuit: private parties bring it.
_LEGAL_DOCUMENT = re.compile(r"\b(?:[Tt]he|[Aa]|[Tt]his|[Tt]hat|’s|'s) (?P<name>(?:(?:federal|"
                             r"criminal|civil|amended) )?(?P<noun>complaint|indictment|"
                             r"affidavit|document))\b")  # fmt: skip
# "of" and a capitalised name after a title: "president of March for Life".
_OF_NAME = re.compile(r" of (?:the )?(?=[A-Z])")
# Words in quotation marks, within one paragraph.
_QUOTATION = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"")
# A committee's chair with the committee left unnamed ("committee Chairman Elijah Cummings",
# "the subcommittee chairwoman"): a legislator of the country the article is about.
_CHAIRS = frozenset({"chairman", "chairwoman", "chair", "chairperson", "ranking member"})
_COMMITTEE_BEFORE = re.compile(r"\b(?:sub)?committee\s+$")
_HEAD_FALLBACK = ("supreme leader", "president", "king", "emir", "sultan", "prime minister")
# Heads of a description whose "to <country>" names whom the person serves, not where they
# are sent: "an adviser to Iran's president" is Iranian, "an envoy to Ukraine" is not.
_SERVING = frozenset({"adviser", "advisor", "aide", "assistant", "counselor", "counsellor",
                      "spokesman", "spokeswoman", "spokesperson"})  # fmt: skip
# Non-state armed and opposition bodies whose officers take the body's code.
_ARMED_GROUPS = frozenset({"REB", "IMG", "RAD", "OPP"})
# Titles whose sector holds whatever organisation employs them (a scholar at a think tank is
# EDU, a judge JUD); other titles (president, director, adviser) take the employer's sector.
_INTRINSIC = frozenset({"EDU", "JUD", "MED", "COP", "MIL", "SPY", "LEG", "REL"})
_INSTITUTION_FLAGS = ("court", "prosecution", "police")
# Words that show whether an article's "commander" or "officers" are police or military.
_POLICE_WORDS = re.compile(r"\b(?:police|policemen|policeman|constable|riot officers)\b", re.I)
_MILITARY_WORDS = re.compile(r"\b(?:army|military|troops|soldiers|armed forces|navy|air force|"
                             r"brigade|battalion|garrison|marines)\b", re.I)  # fmt: skip
# "NAME, who heads the X Foundation": a relative clause that names the body a person leads.
_PEERS_ONLY = "-"  # a deferred title coded only from a peer institution, never guessed
_SECTOR_ONLY = "+"  # a deferred group that keeps its bare sector when no country is found
_HEADS_ORG = re.compile(r", who (?:(?P<past>headed|led|directed|ran|chaired|oversaw)|heads|leads|"
                        r"directs|runs|chairs|oversees|founded) ")  # fmt: skip
# "pro-Iranian", "anti-Syria": a stance towards a country written right before its name.
_STANCE = re.compile(r"\b(?:pro|anti)[-‑–]$", re.I)
# "opposition from Republicans", "opposition to the deal": opposing, not the opposition.
_OPPOSING = re.compile(r"\s+(?:from|by|to|against|among|within)\b")
_ETHNIC = re.compile(r"\bethnic $", re.I)
# Words that open a clause, not the rest of a noun phrase, after "and" or a comma.
_CLAUSE_WORDS = frozenset({"who", "which", "that", "said", "says", "told", "but"})
# The end of what an apposition says of a person, "and" included ("a former U.N. ambassador
# and New Mexico governor").
_FORMER_STOP = re.compile(r"[;:()\"“”\n]|,\s|(?<!\b[A-Z])\.(?:\s|$)|"
                          r" (?:who|which|that|said|says|told|but) ")  # fmt: skip
_HYPHENS = frozenset({"-", "‑", "–"})
_HONORIFIC_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}
# Spaces a page set before the comma that follows a name.
_STRAY_SPACE = re.compile(r"[ \u00a0]+(?=,)")
# What the article says of a person it names: an apposition (", a professor at …", ", the
# former special envoy to Ukraine") or a relative clause (", who formerly served as U.S.
# ambassador to …", ", who manages a heating and air conditioning company": a firm's man, BUS);
# a past tense or "formerly" makes a state office a former one; one who runs for an office
# does not hold it.
_APPOSITION = re.compile(r", (?:(?:currently|now|also) )?(?:(?:an?|the) )?")
_RELATIVE = re.compile(r", who (?:(?P<adv>formerly|previously|once|later|now|currently|also) )?"
                       r"(?P<verb>serves|served|is|was|works|worked|had been|has been|"
                       r"became|remains|studies|studied|teaches|taught|researches|covers|"
                       r"manages|managed|owns|owned|runs(?! for\b)|ran(?! for\b)) "
                       r"(?:as )?(?:(?:an?|the) )?")  # fmt: skip
# An apposition or relative clause that may recode a person the gazetteer knows: ", who",
# an article, or a lowercase noun (", press secretary for …"), not a capitalised word.
_KNOWN_DESCRIBED = re.compile(r", (?:who |an? |the |[a-z])")
# Definite descriptions of a body named earlier: noun → (its sectors, a word its name or role
# must hold, if any).
_BODY_KINDS: dict[str, tuple[frozenset[str], str | None]] = {
    "agency": (frozenset({"MED", "SPY", "GOV"}), "agency"),
    "news agency": (frozenset({"MED"}), None),
    "paper": (frozenset({"MED"}), None),
    "newspaper": (frozenset({"MED"}), None),
    "broadcaster": (frozenset({"MED"}), None),
    "ministry": (frozenset({"GOV"}), "ministry"),
}
_BODY_REFERENCE = re.compile(
    r"\b[Tt]he (news agency|agency|paper|newspaper|broadcaster|ministry)\b"
)
# State servants who are no elite when former ("a former Russian agent" poisoned in Salisbury
# is a civilian now, not an ex-official: CAMEO's ELI is for former officials and leaders).
_RANK_AND_FILE = frozenset({"agent", "agents", "soldier", "soldiers", "troops", "servicemen",
                            "sailor", "sailors",
                            "policemen", "police officers", "commandos", "spies"})  # fmt: skip
# Words that end the head of a description's noun phrase.
_HEAD_ENDS = frozenset({"of", "at", "for", "with", "to", "in", "on", "from", "under", "who",
                        "which", "that"})  # fmt: skip
# A person's name as the identity pass trusts it: letters, dots, apostrophes, hyphens.
_CLEAN_NAME = re.compile(r"[^\W\d_][\w.'’\- ]*")
# A word said twice in a row ("Trump Trump", "TrumpTrump"): page text run together.
_STUTTER = re.compile(r"\b([A-Z][a-z]{2,})\s*\1(?![\w-])")
# Honorifics that may stand before a surname ("Mr. Reeves").
_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Mx)\.? ")
# "Rep. Bob Goodlatte (R-Va.)", "Patrick Leahy, D-Vermont": a member of Congress.
_PARTY_TAG = re.compile(r",? \(?[RDI]-[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?\)?(?=[\s,.;:)])")
# A preposition right before a place: where someone is sent, works or what they study.
_PLACE_PREPOSITION = re.compile(r"(?:^|\W)(?:to|in|on|for)(?: the)? $")
# Between an organisation's name and the place where it is: " in ", ", based in the ".
_LOCATED = re.compile(r",? (?:based )?in (?:the )?")
# Codes of bodies that belong to no state: their staff take no outlet's country.
_INTERNATIONAL_PREFIXES = frozenset({"IGO", "NGO", "IMG", "MNC", "EUR"})
# Nouns of research work: a programme's director is an academic (EDU).
_PROGRAMME = frozenset({"program", "programme", "programs", "programmes"})
_PAST = frozenset({"served", "was", "worked", "had been", "formerly", "previously", "once",
                   "managed", "owned", "ran"})  # fmt: skip
# A description ends at punctuation or a sentence's end ("U.S. ambassador" runs on) or at the
# next clause.
_DESCRIPTION_STOP = re.compile(
    r"[,;:()\"“”\n]|(?<!\b[A-Z])\.(?:\s|$)|"
    r" (?:who|which|that|said|says|told|and|but) "
)


# "the group's executive director", "the report's author": a description that names its
# person's body by a definite noun referring back to one the article named before (noun →
# the sectors such a body has; documents refer to whoever issued them).
_REFERRED = re.compile(r"\b[Tt]he (?P<noun>group|organi[sz]ation|nonprofit|non-profit|company|"
                       r"firm|institute|think tank|center|centre|foundation|campaign|report|"
                       r"study|survey|paper|book)(?:'s|’s) ")  # fmt: skip
_REFERRED_SECTORS = {
    "group": frozenset({"NGO", "EDU", "BUS", "POL", "OPP", "REB", "LAB", "REL", "MED"}),
    "organization": frozenset({"NGO", "EDU", "BUS", "POL", "LAB", "REL", "MED"}),
    "organisation": frozenset({"NGO", "EDU", "BUS", "POL", "LAB", "REL", "MED"}),
    "nonprofit": frozenset({"NGO", "EDU"}), "non-profit": frozenset({"NGO", "EDU"}),
    "company": frozenset({"BUS", "MED"}), "firm": frozenset({"BUS"}),
    "institute": frozenset({"EDU", "NGO"}), "think tank": frozenset({"EDU", "NGO"}),
    "center": frozenset({"EDU", "NGO"}), "centre": frozenset({"EDU", "NGO"}),
    "foundation": frozenset({"NGO", "EDU"}), "campaign": frozenset({"POL"}),
}  # fmt: skip
# Documents whose author the description names: "a new report from a Washington nonprofit".
_ISSUED = re.compile(
    r"(?P<noun>report|study|survey|paper|book)\b(?: (?:from|by|of) (?:an? |the )?)?"
)
# A relative clause after a description that says what the person is now.
_NOW = re.compile(r" who(?:'s|’s| is| now is)? (?:now|currently) (?:serves as |works as )?"
                  r"(?:(?:an?|the) )?")  # fmt: skip
# Nouns of those who study a country: a country named right before one is their field.
_FIELD_NOUN = re.compile(r" (?:expert|scholar|specialist|analyst|researcher|watcher|observer|"
                         r"hand|historian|fellow)s?\b")  # fmt: skip
# "NAME at|with BODY": the body is an employer when it is no state's (resolve.affiliation).
_AT_WORK = re.compile(r" (?:at|with) (?=(?:the )?[A-Z])")
_WORKPLACES = frozenset({"BUS", "EDU", "MED", "NGO"})
# Sectors of ranks a person keeps as a title after leaving the service ("Maj.", "Gen.").
_RANKED = frozenset({"MIL", "COP"})
_RANK_REACH = 16  # characters of rank titles between a job's description and the name
# Roles held at firms far more than anywhere else: with an employer no gazetteer knows,
# named before them ("a Boeing analyst"), the employer is a company.
_FIRM_ROLES = frozenset({"analyst", "analysts", "strategist", "strategists", "executive",
                         "executives", "trader", "traders", "founder", "co-founder"})  # fmt: skip
# Capitalised words that open a sentence-initial description, not a name ("A Boeing …").
_OPENERS_CAPITALISED = frozenset({"a", "an", "the", "one", "another", "senior", "former"})
# Dependencies of the words that modify a noun or a name before it.
_MODIFIERS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod"})
_INTRODUCED_REACH = 400  # characters between an unnamed person's description and the name
# Militant groups named by a common noun. With no state of their own in the phrase they are
# the international militant group (IMG) when the words say so ("Islamist militants",
# "jihadists", "terrorists") or when the nearest militant body named before them is one
# ("the Islamic State group … the militants"), as the corpus annotators code them; a
# group of a place ("Syrian rebels … the militants") keeps its country.
_MILITANT_HEADS = frozenset({"militants", "gunmen", "extremists", "insurgents", "jihadists",
                             "terrorists", "fundamentalists", "radicals"})  # fmt: skip
_INTERNATIONAL_HEADS = frozenset({"jihadists", "terrorists"})
_JIHADIST_BEFORE = re.compile(r"\b(?:Islamist|Islamic|[Jj]ihadist)(?: [a-z]+)?\s+$")
_MILITANT_SECTORS = frozenset({"REB", "RAD", "UAF"})
_INSURGENT = frozenset({"REB", "OPP", "RAD"})
# Bodies the press names so only when they are foreign ("the regime"), and " of " before
# whoever a body belongs to.
_FOREIGN_BODIES = frozenset({"regime"})
# Words before a place that make it the object of a sentence's act, not where it happens:
# "protesting against Beijing's growing influence", "stop sales to China".
_TARGET_WORDS = re.compile(
    r"\b(?:against|about|over|on|regarding|to|toward|towards|with)"
    r"(?:\s+the)?\s+$",
    re.I,
)
_OF_AFTER = re.compile(r" of (?:the )?")
_REFERENCE_REACH = 3000  # characters back that "the group" may refer to


_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
# How an object pronoun hangs on its verb, directly or through a preposition.
_OBJECTS = frozenset({"dobj", "dative", "iobj", "obj"})
_NAME_PARTS = frozenset({"compound", "flat", "det", "amod"})


def clause_subject(pronoun: Token) -> tuple[int, ...]:
    """Offsets of the subject of the clause whose object ``pronoun`` is ("Trump pressed
    him", "Obama had promised him", "daring Trump to sue him": the one who controls an
    infinitive), which a non-reflexive pronoun cannot refer to; () for any other pronoun."""
    if pronoun.lower_.endswith("self"):
        return ()  # "Trump praised himself"
    if pronoun.dep_ in _OBJECTS:
        verb = pronoun.head
    elif pronoun.dep_ == "pobj" and pronoun.head.dep_ == "prep":
        verb = pronoun.head.head
    else:
        return ()
    if verb.pos_ not in ("VERB", "AUX"):
        return ()
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.dep_ == "xcomp":
        head = verb.head
        subjects = [c for c in head.children if c.dep_ in _OBJECTS] or [
            c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]  # fmt: skip
    elif not subjects and verb.dep_ == "conj":
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    # The subject's own words only: a possessor inside it may be the pronoun's referent
    # ("Some of Mr. Obama's advisers are urging him").
    words = [*subjects, *(c for s in subjects for c in s.children if c.dep_ in _NAME_PARTS)]
    return tuple(t.idx for t in words)


@dataclass(slots=True)
class Pending:
    """A definite description waiting for the people named before it."""

    start: int
    end: int
    phrase: Phrase
    country: str | None


@lru_cache(maxsize=1)
def _government_heads() -> dict[str, str]:
    text = files("tidings.actors").joinpath("data", "heads.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {row[0]: row[1].strip() for row in rows if len(row) >= 2}


@lru_cache(maxsize=1)
def _given_names() -> dict[str, str]:
    """Given name → gender ("m" | "f"), read from the gazetteer's people (people.tsv): the
    first word of every name whose holders all have one gender ("Anne" f, "Matthew" m). A
    small list (some 550 names, from the people news names most), but it lets "she" pass over
    a man the gazetteer does not know; a name it lacks leaves the gender open, as before."""
    seen: dict[str, set[str]] = {}
    for person in load_gazetteer().people:
        first = person.name.split()[0] if person.name.split() else ""
        if person.gender and len(first) > 2 and first[:1].isupper() and "." not in first:
            seen.setdefault(fold(first), set()).add(person.gender)
    return {name: next(iter(g)) for name, g in seen.items() if len(g) == 1}


def name_gender(name: str) -> str | None:
    """The gender a person's name tells: an honorific ("Ms. Berg" f), else a given name the
    gazetteer's people hold with one gender only; None when neither says."""
    words = name.replace(".", " ").split()
    if not words:
        return None
    honorific = _HONORIFIC_GENDER.get(words[0].lower())
    if honorific is not None:
        return honorific
    return _given_names().get(fold(words[0])) if len(words) > 1 else None


def _ranked_names(doc: Doc, persons: dict[int, int]) -> dict[int, int]:
    """Surnames after a military or police rank that the entity recogniser left untagged
    ("General Campbell said at the time of the October raid", in an article that named him
    in full before the page's text begins): start → end of the surname, read as a person.
    The rank is a capitalised title of an armed or police force (titles.tsv: "General",
    "Gen.", "Col."); the name one or two proper nouns no entity claims, with no capitalised
    word running on."""
    found: dict[int, int] = {}
    titles = load_gazetteer().titles
    # A one-word organisation right after a rank is the recogniser's misreading of a name
    # ("General Campbell": ORG); bodies named after a rank hold it ("General Motors").
    covered = {t.i for e in doc.ents for t in e if len(e) > 1 or e.label_ != "ORG"}
    claimed = {t.i for e in doc.ents for t in e}
    for rank in doc[:-1]:
        if not rank.text[:1].isupper() or rank.i in claimed:
            continue
        title = titles.get(" ".join(phrase_keys(rank.text)))
        if title is None or title.kind != "person" or title.sector not in _RANKED:
            continue
        name = [
            t
            for t in doc[rank.i + 1 : rank.i + 3]
            if t.pos_ == "PROPN"
            and t.is_title
            and t.i not in covered
            and t.is_alpha
            and " ".join(phrase_keys(t.text)) not in titles
        ]  # fmt: skip  "Lt. Gen."
        if not name or name[0].i != rank.i + 1:
            continue
        if len(name) == 2 and name[1].i != name[0].i + 1:
            name = name[:1]
        after = doc[name[-1].i + 1] if name[-1].i + 1 < len(doc) else None
        if after is not None and after.text[:1].isupper() and after.is_alpha:
            continue  # "General Dynamics Corp": a name that runs on is a body's
        if after is not None and not name[-1].whitespace_ and not after.is_punct \
                or after is not None and after.text in _HYPHENS:  # fmt: skip
            continue  # "Gen. In-Bum Chun": a name the words after it go on with
        start = name[0].idx
        if start not in persons:
            found[start] = name[-1].idx + len(name[-1].text)
    return found


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def _definite(phrase: Phrase) -> bool:
    """The phrase names a sector itself (judge, troops, "Director of Public Prosecution"),
    not only a position that takes its owner's sector (spokesman, director)."""
    atoms = [*phrase.titles, *phrase.owners] + ([phrase.of_owner] if phrase.of_owner else [])
    return any(a.entry.title is not None and a.entry.title.sector not in ("*", "-")
               for a in atoms)  # fmt: skip


class _Article(OrganisationReader):
    """The state of resolving one article."""

    def __init__(self, doc: Doc, article: Article, dictionary: ActorDictionary | None) -> None:
        self.doc = doc
        self.text = article.body
        self.day = article.published or dt.date.today()
        self.dated = article.published is not None
        self.home = home_country(article)  # the outlet's country, for people it does not place
        self.gaz: Gazetteer = load_gazetteer()
        self.dictionary = dictionary
        self.chs = chunks(self.text)
        # A possessive the parser left inside a name ("Mr. Obama’s May 23 speech") is not
        # part of it: the gazetteer's "Obama" must not be dropped as inside a longer name.
        self.persons = {e.start_char: (e[-2].idx + len(e[-2].text)
                                       if len(e) > 1 and e[-1].lower_ in _POSSESSIVES
                                       else e.end_char)
                        for e in doc.ents if e.label_ == "PERSON"}  # fmt: skip
        self.persons.update(_ranked_names(doc, self.persons))
        self.found: list[Found] = []
        self.pending: list[Pending] = []
        self.unknown: dict[str, Found] = {}  # folded name → first mention of an unknown person
        self.overrides: dict[int, Actor] = {}  # id(Person) → actor its title in the text gave
        self.orgs: list[Found] = []
        # Titles waiting for the whole article to be read before their country is chosen:
        # (mention, sector, role word, code from the article's main country so far).
        self.deferred: list[tuple[Found, str, str | None, str]] = []
        self.atoms: list[Atom] = []
        # "Spokesman X" with no body named: whom X speaks for is read once bodies are known.
        self.spokespeople: list[Found] = []
        self._police: bool | None = None
        # Organisations named after their kind: name → (end of first mention, actor).
        self.named_orgs: dict[str, tuple[int, Actor]] = {}
        # Deferred title mentions → their title, to check a guessed country against the
        # gazetteer's holder of the office (checked_guess).
        self.titled: dict[int, Title] = {}

    # -- actors ---------------------------------------------------------------------------
    def country_actor(self, code: str) -> Actor:
        return Actor(name=self.gaz.countries.get(code, code), code=code, role=None,
                     country=code, sector=None, kind="country")  # fmt: skip

    def country_phrase(self, code: str | None) -> str | None:
        """The country's name as it reads after "of": "the United States", "Serbia"."""
        name = self.gaz.countries.get(code or "")
        if name is None:
            return None
        plural = name.startswith("United ") or name.endswith(("Republic", "Islands", "lands"))
        if plural or name in ("Philippines", "Bahamas", "Gambia", "Maldives", "Middle East"):
            return f"the {name}"
        return name

    def atom_actor(self, atom: Atom) -> Actor | None:
        entry = atom.entry
        if entry.kind in ("country", "adjective", "metonym"):
            return self.country_actor(entry.code)
        if entry.kind == "organisation" and entry.organisation is not None:
            return entry.organisation.actor_on(self.day, self.gaz.countries)
        if entry.kind == "person" and entry.person is not None:
            if id(entry.person) in self.overrides:
                return self.overrides[id(entry.person)]
            return entry.person.actor_on(self.day, self.gaz.countries)
        if entry.kind == "dictionary" and atom.dict_actor is not None:
            code = atom.dict_actor.code_on(self.day)
            if not code:
                return None
            kind = dictionary_kind(code, self.gaz.countries)
            name = self.gaz.countries.get(code, atom.dict_actor.name) if kind == "country" \
                else atom.dict_actor.name  # fmt: skip
            return make_actor(name, code, None, kind, self.gaz.countries)
        return None

    def owner_country(self, atom: Atom) -> str | None:
        if atom.kind in ("country", "adjective", "metonym"):
            return atom.entry.code
        actor = self.atom_actor(atom)
        return actor.country if actor else None

    # -- step 2: title phrases ------------------------------------------------------------
    def phrases(self, atoms: list[Atom]) -> set[int]:
        builder = PhraseBuilder(self.text, self.chs, atoms, self.gaz, self.persons)
        taken: set[int] = set()
        for k, atom in enumerate(atoms):
            if atom.kind != "title" or id(atom) in taken:
                continue
            phrase = builder.build(k, taken)
            if phrase is None:
                continue
            used = [*phrase.titles, *phrase.owners, *phrase.consumed]
            if phrase.name_atom is not None:
                used.append(phrase.name_atom)
            if self.phrase_mention(phrase):
                taken.update(id(a) for a in used)
        return taken

    def phrase_code(self, phrase: Phrase) -> tuple[str | None, str | None, str]:
        """(country, owner organisation name, sector) of a title phrase."""
        head = phrase.head
        owners = ([phrase.of_owner] if phrase.of_owner else []) + self.own_owners(phrase)
        country: str | None = None
        org_name: str | None = None
        org_code: str | None = None
        sector = head.sector if head.sector not in ("*", "-") else ""
        if "armed" in head.flags and self.police_story():
            sector = "COP"
        for atom in owners:
            if "field" in head.flags and atom.kind == "country":
                continue  # "a China scholar": the field, not the employer
            if atom.kind == "title" and atom.entry.title is not None:
                if not sector and atom.entry.title.sector not in ("*", "-"):
                    sector = atom.entry.title.sector
                continue
            if atom.kind in ("organisation", "dictionary"):
                actor = self.atom_actor(atom)
                if actor is not None and org_code is None:
                    org_name, org_code = actor.name, actor.code
                    if not sector and actor.sector and actor.country:
                        sector = actor.sector
                    elif sector == "GOV" and head.phrase in _LEADING \
                            and actor.sector in _LED_SECTORS and actor.country:  # fmt: skip
                        sector = actor.sector  # "Labour leader Ed Miliband": the party's, POL
                    elif actor.sector in _ARMED_GROUPS and actor.country \
                            and head.kind == "person" and sector in STATE_SECTORS:  # fmt: skip
                        # "Hezbollah's military commander", "a Hamas spokesman": an officer
                        # of an armed group no state owns is of the group (LBNREB).
                        sector = actor.sector
            if country is None:
                country = self.owner_country(atom)
        for t in phrase.titles[:-1]:
            title = t.entry.title
            if title is None:
                continue
            if not sector and title.sector not in ("*", "-"):
                sector = title.sector
            elif sector == "GOV" and head.phrase in _LEADING and title.sector not in (
                    "*", "-", "GOV"):  # fmt: skip
                sector = title.sector  # "rebel leaders", "military leaders": who they lead
            if country is None and title.phrase in _INSTITUTIONS:  # "administration officials"
                prefer = "USA" if title.phrase == "administration" else None
                country = self.dominant_country(phrase.start, prefer, clear=True)
        if (
            not sector
            and org_code is None
            and head.phrase in _CHAIRS
            and _COMMITTEE_BEFORE.search(self.text[max(0, phrase.start - 16) : phrase.start])
        ):
            sector = "LEG"
            if country is None:
                country = self.default_country() or self.dominant_country(phrase.start, clear=True)
        if country is None and org_code is None and head.kind == "person":
            # "a scholar with the X Institute", "NetWatch director", "the X Fund's head"
            employer = self.trailing_org(phrase.end) or self.leading_org(phrase.start)
            if employer is not None:
                org_name = employer.actor.name
                country = employer.actor.country
                if not sector or sector not in _INTRINSIC:
                    sector = employer.actor.sector or sector
                if country is None and self.national(employer.actor):
                    country = self.unplaced_country()  # a body no gazetteer places
                if country is None:
                    return None, org_name, sector or ""
        if country is None and org_code is not None:
            return None, org_name, org_code  # an IGO/EUR body: its own code
        if org_code == "IMG" and sector in _MILITANT_SECTORS:
            return None, org_name, org_code  # "ISIS militants in Libya": the group's own
        if org_code is None and self.jihadist(phrase, country):
            return None, "international militant group", "IMG"
        if not sector and org_code is None and self.house_member(phrase):
            sector, head = "LEG", self.gaz.titles["rep"]  # read as "Rep." is
        if country is None and "usa" in head.flags:
            # "Assistant Secretary of State X" holds no office the gazetteer checks.
            span = phrase.name_span if not phrase.rank and not phrase.former else None
            named = self.text[span[0] : span[1]] if span else ""
            country = self.checked_guess("USA", head, named, phrase.start)
        if phrase.former and (sector or "GOV") in FORMER_ELITE \
                and head.phrase not in _RANK_AND_FILE:  # fmt: skip
            return country, org_name, "ELI"  # CAMEO's elites: former officials
        return country, org_name, sector or "GOV"

    def house_member(self, phrase: Phrase) -> bool:
        """ "Representative Frank Lucas of Oklahoma": a capitalised "Representative" right
        before a name is a member of the U.S. House, as the corpus writes them, unless a
        body or a capitalised word in front makes it another office ("U.S. Trade
        Representative", "the EU's High Representative")."""
        title = phrase.titles[-1] if phrase.titles else None
        if title is None or phrase.head.phrase != "representative" or len(phrase.titles) > 1:
            return False
        if phrase.owners or phrase.of_owner or (phrase.name_atom is None
                                                 and phrase.name_span is None):  # fmt: skip
            return False
        before = self.text[max(0, title.start - 30) : title.start].split()
        fronted = bool(before) and before[-1][:1].isupper() and not before[-1].endswith(".")
        return self.text[title.start] == "R" and not fronted

    def jihadist(self, phrase: Phrase, country: str | None) -> bool:
        """Militants of no state that the words call international ("Islamist militants in
        Tunisia", "two radical Islamist gunmen", "terrorists"); a nationality of their own
        ("Chechen terrorists", "Shiite Iraqi militants") keeps them a country's."""
        if phrase.head.phrase not in _MILITANT_HEADS or any(
                a.kind in ("country", "adjective", "metonym") for a in phrase.owners):  # fmt: skip
            return False
        before = self.text[max(0, phrase.start - 40) : phrase.start]
        if _JIHADIST_BEFORE.search(before):
            return True
        return country is None and phrase.head.phrase in _INTERNATIONAL_HEADS

    def militant_referent(self, group: Found) -> bool:
        """The nearest militant body named before the group, within reach, is an
        international militant group ("The Islamic State group … The militants")."""
        earlier = [f for f in self.found if f.end <= group.start
                   and group.start - f.end <= _REFERENCE_REACH
                   and (f.actor.code == "IMG"
                        or (f.actor.sector in _MILITANT_SECTORS and f.actor.country))]  # fmt: skip
        return bool(earlier) and max(earlier, key=lambda f: f.end).actor.code == "IMG"

    def own_owners(self, phrase: Phrase) -> list[Atom]:
        """The phrase's left owners, without an organisation of another country that a
        country word further left overrides: in "Serbian Labour Minister" the ministry is
        Serbia's, not the British party the word also names."""
        owners = phrase.owners  # nearest first
        kept: list[Atom] = []
        for k, atom in enumerate(owners):
            if atom.kind in ("organisation", "dictionary"):
                actor = self.atom_actor(atom)
                left = [self.owner_country(a) for a in owners[k + 1 :]
                        if a.kind in ("country", "adjective", "metonym")]  # fmt: skip
                if actor is not None and actor.country and left and left[0] != actor.country:
                    continue
            kept.append(atom)
        return kept

    def phrase_mention(self, phrase: Phrase) -> bool:
        head = phrase.head
        country, org_name, sector = self.phrase_code(phrase)
        code = f"{country}{sector}" if country else (sector if org_name else "")
        gender = "f" if "female" in head.flags else "m" if "male" in head.flags else None
        role = None
        if head.role:
            owner = self.country_phrase(country) or org_name
            role = f"{head.role} of {owner}" if owner else head.role
            if phrase.rank and not role.lower().startswith(phrase.rank.lower()):
                role = f"{phrase.rank.capitalize()} {role}"
        if phrase.name_atom is not None and self.mistitled(phrase, gender):
            # "King Hassan" is no Samia Suluhu Hassan: a name the title does not fit is
            # someone the gazetteer does not know.
            phrase.name_span = (phrase.name_atom.start, phrase.name_atom.end)
            phrase.name_atom = None
        if head.kind == "group" and (phrase.name_atom is not None or phrase.name_span):
            return self.named_organisation(phrase, code)
        if phrase.name_atom is not None:
            return self.named(phrase, code, role, gender)
        if phrase.name_span is not None:
            start, end = phrase.name_span
            name = self.text[start:end]
            institution = self.institution(phrase)
            if head.sector == "-":  # Mr. Smith: an honorific is no title
                code, role = "", None
            actor = make_actor(name, code, role, "person", self.gaz.countries)
            self.add(phrase.start, phrase.end, actor, "title", gender, institution)
            if not code and not org_name and head.phrase in _SPOKESPEOPLE:
                self.spokespeople.append(self.found[-1])  # "spokesman George Little"
            if not code and not org_name and (_definite(phrase) or sector == "ELI"):
                # Unnamed country: the institution's peer, once the article is read
                # ("Deputy Director of Public Prosecution X" → the prosecutors the article
                # names), else the article's clearly main one ("Rebels in the Ivory Coast
                # rejected an appeal from President X": a head of state the writer does not
                # introduce by country is the one of the country the story is about). A
                # former holder of an office ("Former Bush spokesman Ari Fleischer", "former
                # acting Director Michael Morell") is an elite of that country too.
                fallback = self.fallback_code(start, sector) if institution else ""
                self.deferred.append((self.found[-1], sector, head.role, fallback))
                if not phrase.rank and not phrase.former:
                    self.titled[id(self.found[-1])] = head
            self.unknown.setdefault(fold(name), self.found[-1])
            return True
        if head.sector == "-":
            return False
        if head.kind == "person":
            if phrase.determiner == "the" or phrase.anaphoric:
                self.pending.append(Pending(phrase.start, phrase.end, phrase, country))
                return True
            if country is None and not org_name:
                # "a judge", "a senior commander": the article's clearly main country. A bare
                # title word without an article ("in general") is too ambiguous to code.
                if phrase.determiner not in ("a", "an") or head.sector in ("*", "-"):
                    return False
                institution = self.institution(phrase)
                if institution:
                    # "a judge ruled": the court the article names, else its main country,
                    # once the whole article is read (place_deferred).
                    self.add(phrase.start, phrase.end,
                             make_actor(head.phrase, "", None, "person", self.gaz.countries),
                             "title", gender, institution)  # fmt: skip
                    fallback = self.fallback_code(phrase.start, sector)
                    self.deferred.append((self.found[-1], sector, head.role, fallback))
                    return True
                country = self.dominant_country(phrase.start, clear=True)
                if country is None:
                    return False
                code = f"{country}{sector}"
                role = f"{head.role} of {self.country_phrase(country)}" if head.role else None
            # "a top North Korean leader" is one of several, not the office's holder.
            # "the deputy foreign minister" is not the foreign minister.
            holder = None if phrase.former or phrase.rank or phrase.determiner in ("a", "an") \
                else self.holder(country, org_name, phrase)  # fmt: skip
            if holder is not None:
                self.add(phrase.start, phrase.end, holder, "title", gender)
                return True
            name = role or head.phrase
            self.add(
                phrase.start,
                phrase.end,
                make_actor(name, code, role, "person", self.gaz.countries),
                "title",
                gender,
            )
            return True
        # A group: "Russian troops", "U.S. officials", "the Obama administration".
        if not code and "context" in head.flags and phrase.determiner in ("a", "an", "the"):
            # "a state body in charge of cyber security": the article's clearly main country,
            # once the whole article is read (place_deferred).
            end = self.noun_phrase_end(phrase.end)
            name = self.text[phrase.start : end].split(" ", 1)[-1]
            self.add(phrase.start, end,
                     make_actor(name, "", None, "group", self.gaz.countries), "title")  # fmt: skip
            self.deferred.append((self.found[-1], sector, None, ""))
            return True
        institution = self.institution(phrase)
        if not code and institution and phrase.determiner is None and not phrase.owners \
                and self.plain_noun(phrase.end):  # fmt: skip
            # "police said", "prosecutors said": the same institution named with its country
            # elsewhere in the article ("Hong Kong police"); no guess without one (the High
            # Court of a London story about Russia is no Russian court).
            name = self.text[phrase.start : phrase.end]
            self.add(phrase.start, phrase.end,
                     make_actor(name, "", None, "group", self.gaz.countries), "title",
                     institution=institution)  # fmt: skip
            self.deferred.append((self.found[-1], sector, None, _PEERS_ONLY))
            return True
        if code and "named" in head.flags:
            # "China's Global Times newspaper": the newspaper is the organisation named.
            for atom in phrase.owners:
                paper = self.atom_actor(atom) if atom.kind == "organisation" else None
                if paper is not None and paper.code == code:
                    self.add(phrase.start, phrase.end, paper, "name")
                    return True
        if code:
            name = self.text[phrase.start : phrase.end]
            if phrase.determiner and name.lower().startswith(phrase.determiner + " "):
                name = name[len(phrase.determiner) + 1 :]
            self.add(
                phrase.start,
                phrase.end,
                make_actor(name, code, None, "group", self.gaz.countries),
                "title",
                institution=self.institution(phrase),
            )
            return True
        if phrase.determiner == "the" and head.phrase in _INSTITUTIONS:
            self.pending.append(Pending(phrase.start, phrase.end, phrase, None))
            return True
        if "bare" in head.flags and head.phrase == "opposition" and _OPPOSING.match(
                self.text, phrase.end):  # fmt: skip
            return False  # "opposition from Republicans": the act of opposing, no group
        if "bare" in head.flags:
            # Rebels, protesters with no country named: the article's clearly main country
            # once every country mention is known (place_deferred), else the bare sector
            # (REB, OPP).
            name = self.text[phrase.start : phrase.end]
            if phrase.determiner and name.lower().startswith(phrase.determiner + " "):
                name = name[len(phrase.determiner) + 1 :]
            self.add(phrase.start, phrase.end,
                     make_actor(name, "", None, "group", self.gaz.countries),
                     "title")  # fmt: skip
            self.deferred.append((self.found[-1], head.sector, None, _SECTOR_ONLY))
            return True
        return False

    def named_organisation(self, phrase: Phrase, code: str) -> bool:
        """ "North Korea's state-controlled newspaper Rodong Sinmun", "news agency KCNA": the
        organisation named after its kind; the gazetteer's code when it knows the name, else
        the kind's sector with the owner's country. Later mentions of the name are its own."""
        if phrase.name_atom is not None:
            actor = self.atom_actor(phrase.name_atom)
            if actor is None:
                return False
            self.add(phrase.start, phrase.end, actor, "name")
            return True
        assert phrase.name_span is not None
        start, end = phrase.name_span
        name = self.text[start:end]
        if not code:
            return False
        actor = make_actor(name, code, phrase.head.role, "organisation", self.gaz.countries)
        self.add(phrase.start, phrase.end, actor, "name")
        self.named_orgs.setdefault(name, (end, actor))
        return True

    def later_named_orgs(self) -> None:
        """Later mentions of organisations the article named after their kind ("Rodong
        Sinmun said …" after "the newspaper Rodong Sinmun")."""
        for name, (after, actor) in self.named_orgs.items():
            for m in re.finditer(rf"\b{re.escape(name)}\b", self.text[after:]):
                at = after + m.start()
                if not self.covered(at, at + len(name)):
                    self.add(at, at + len(name), actor, "name")

    @staticmethod
    def mistitled(phrase: Phrase, gender: str | None) -> bool:
        """The title cannot be the named gazetteer person's: the wrong gender, or a head of
        state's title the person never held ("King X" for a president), for a name matched
        by one word only."""
        atom = phrase.name_atom
        person = atom.entry.person if atom is not None else None
        if atom is None or person is None or phrase.head.sector == "-":
            return False
        if gender and person.gender and gender != person.gender:
            return True
        if atom.last - atom.first > 1 or "head" not in phrase.head.flags:
            return False
        word = phrase.head.phrase.lower()
        roles = [o.role.lower() for o in person.offices if o.role]
        return bool(roles) and not any(word in r for r in roles)

    def named(self, phrase: Phrase, code: str, role: str | None, gender: str | None) -> bool:
        atom = phrase.name_atom
        assert atom is not None
        actor = self.atom_actor(atom)
        if actor is None:
            return False
        person = atom.entry.person
        if person is not None:
            gender = person.gender or gender
        # The gazetteer knows no office on this date: trust the title in the text, and
        # keep that reading for the rest of the article ("Trump" after "President Trump").
        # A "former" title agrees with the gazetteer's ELI ("former United Nations Ambassador
        # John Bolton" in 2013 is USAELI, not the UN's). An undated article's title is the
        # only witness of the office then held ("Florida Senator Marco Rubio", not the
        # gazetteer's office of today).
        undated_title = not self.dated and code[:3] in self.gaz.countries and not phrase.former
        if (actor.sector == "ELI" or not actor.code or undated_title) and code \
                and phrase.head.sector != "-" \
                and not (phrase.former and actor.sector == "ELI"):  # fmt: skip
            actor = make_actor(actor.name, code, role, "person", self.gaz.countries)
            if person is not None:
                self.overrides.setdefault(id(person), actor)
        elif person is not None and id(person) in self.overrides:
            actor = self.overrides[id(person)]
        how = "dictionary" if atom.kind == "dictionary" else "name"
        self.add(phrase.start, phrase.end, actor, how, gender)
        return True

    def holder(self, country: str | None, org_name: str | None, phrase: Phrase) -> Actor | None:
        """Who held the office a title names on the article's date ("Iran's president")."""
        head = phrase.head
        words = [head.phrase]
        if "head" in head.flags and head.phrase in ("leader", "leaders"):
            lead = _government_heads().get(country or "")
            words = [lead] if lead else list(_HEAD_FALLBACK)
        for word in words:
            found = self._holders(country, org_name, word)
            if found is not None:
                return found
        return None

    def _holders(self, country: str | None, org_name: str | None, word: str) -> Actor | None:
        word = word.replace("defense", "defence")
        hits: list[Actor] = []
        for person in self.gaz.people:
            office = person.office_on(self.day)
            if office is None or not office.role:
                continue
            if country and office.code[:3] != country:
                continue
            role = office.role.lower().replace("defense", "defence")
            if org_name and org_name.lower().replace("the ", "") not in role.replace("the ", ""):
                continue
            if not country and not org_name:
                continue
            if word in role and not role.startswith(("vice", "deputy", "former")):
                hits.append(make_actor(person.name, office.code, office.role, "person",
                                       self.gaz.countries))  # fmt: skip
        if len(hits) > 1:
            hits = [h for h in hits if (h.role or "").lower().startswith(word)]
        return hits[0] if len(hits) == 1 else None

    def unplaced_country(self) -> str | None:
        """The country of a body the gazetteer cannot place ("Widener University"): the
        outlet's; no guess from the story's topic (a Duke professor quoted on Iran is no
        Iranian)."""
        return self.home

    def default_country(self) -> str | None:
        """The country of a person or body the article places nowhere, from the mentions
        found so far (:func:`tidings.actors.home.default_country`, the rule the later stages
        follow too)."""
        return default_country(self.home, self.text, self.found)

    def local_country(self, start: int, end: int, exclude: str | None = None) -> str | None:
        """The one country the sentence of ``text[start:end]`` names by a place, a state or a
        body (not by a person, whose nationality says nothing of the others', nor by the
        press, nor as the target of the act: "protesting against Beijing's influence"): "In
        Egypt, the military ousted President Morsi" is Egypt's military even in a story on
        Washington's reply. None when the sentence names none or several."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        sent = span[0].sent
        countries = {f.actor.country for f in self.found
                     if sent.start_char <= f.start < sent.end_char
                     and not (start <= f.start < end) and self.places(f)
                     and f.actor.country != exclude}  # fmt: skip
        return next(iter(countries)) if len(countries) == 1 else None

    def places(self, f: Found) -> bool:
        """The mention names a country where things happen: a place, a state or a body of
        one, not a person, the press, a region or the target of an act."""
        return (
            f.actor.kind != "person"
            and f.actor.sector != "MED"
            and f.actor.country in self.gaz.countries
            and f.actor.country not in REGIONS
            and not self.covered_by_person(f)
            and not _TARGET_WORDS.search(self.text, max(0, f.start - 16), f.start)
        )

    def fallback_code(self, offset: int, sector: str) -> str:
        """An unnamed country: the one the article has mentioned most so far."""
        country = self.dominant_country(offset, clear=True)
        return f"{country}{sector}" if country else ""

    def checked_guess(self, country: str | None, title: Title | None, name: str,
                      offset: int) -> str | None:  # fmt: skip
        """A country guessed for a person named after a title (the outlet's, the article's
        main one, an American title's default), unless the gazetteer knows the office's
        holder there on the article's date and ``name`` is someone else ("President Mohamed
        Morsy" in a U.S. column in 2013 is no U.S. president: Obama was); then the country
        named nearest in the same sentence, else the same paragraph, that it does not rule
        out ("… Morsy's inauguration, tens of thousands of Egyptians marched"), else none."""
        if country is None or title is None or not name or not self.dated:
            return country
        if not ruled_out(self.gaz, country, title, name, self.day):
            return country
        sentence = next(((s.start_char, s.end_char) for s in self.doc.sents
                         if s.start_char <= offset < s.end_char), (offset, offset))  # fmt: skip
        para_start = self.text.rfind("\n\n", 0, offset) + 1
        para_end = self.text.find("\n\n", offset)
        paragraph = (para_start, len(self.text) if para_end < 0 else para_end)
        places = [f for f in self.found if f.actor.kind != "person"
                  and f.actor.country in self.gaz.countries and f.actor.country != country
                  and not self.covered_by_person(f)]  # fmt: skip
        for lo, hi in (sentence, paragraph):
            near = sorted((f for f in places if lo <= f.start < hi),
                          key=lambda f: (abs(f.start - offset), f.start < offset))  # fmt: skip
            for f in near:
                other = f.actor.country or ""
                if not ruled_out(self.gaz, other, title, name, self.day):
                    return other
        return None

    def covered_by_person(self, place: Found) -> bool:
        """The place is part of a person's mention ("Egyptian President X")."""
        return any(g.actor.kind == "person" and g.start <= place.start and place.end <= g.end
                   for g in self.found)  # fmt: skip

    def countries_before(self, offset: int) -> bool:
        return any(f.start < offset and f.actor.country in self.gaz.countries
                   for f in self.found)  # fmt: skip

    def dominant_country(self, offset: int, prefer: str | None = None,
                         clear: bool = False, people: bool = True,
                         exclude: str | None = None) -> str | None:  # fmt: skip
        """The country mentioned most before ``offset`` (``prefer`` if mentioned at all);
        with ``clear``, only when it leads the next one; ``people`` False leaves out the
        countries of people's mentions; ``exclude`` is a country not to count."""
        counts = Counter(f.actor.country for f in self.found
                         if f.start < offset and f.actor.country in self.gaz.countries
                         and f.actor.country != exclude
                         and (people or f.actor.kind != "person"))  # fmt: skip
        if prefer and counts.get(prefer):
            return prefer
        ranked = counts.most_common(2)
        if not ranked:
            return None
        if clear and len(ranked) == 2 and ranked[1][1] >= ranked[0][1]:
            return None
        return ranked[0][0]

    # -- steps 3 and 4 --------------------------------------------------------------------
    def add(self, start: int, end: int, actor: Actor, how: str, gender: str | None = None,
            institution: str | None = None) -> None:  # fmt: skip
        self.found.append(Found(start, end, actor, how, gender, institution))

    def plain_noun(self, end: int) -> bool:
        """The word ending at ``end`` is a noun heading its phrase ("police said"), not a
        verb ("he judges") or a modifier ("court rulings")."""
        span = self.doc.char_span(end - 1, end, alignment_mode="expand")
        if span is None:
            return False
        token = span[-1]
        return token.pos_ in ("NOUN", "PROPN") and token.dep_ not in ("compound", "amod")

    def noun_phrase_end(self, end: int) -> int:
        """The end of the prepositional tail of the noun ending at ``end`` ("a state body
        in charge of cyber security"), as the parser attaches it; at most six words."""
        span = self.doc.char_span(end - 1, end, alignment_mode="expand")
        if span is None:
            return end
        noun = span[-1]
        tails = [c for c in noun.children if c.dep_ == "prep" and c.i > noun.i]
        if not tails:
            return end
        last = max(t.i for t in tails[0].subtree)
        if last - noun.i > 6 or any(t.is_punct for t in self.doc[noun.i + 1 : last + 1]):
            return end
        return self.doc[last].idx + len(self.doc[last].text)

    # -- institutions: courts, prosecutors, police ----------------------------------------
    @staticmethod
    def institution(phrase: Phrase) -> str | None:
        """The institution a title phrase belongs to (court, prosecution, police), if any."""
        atoms = [*phrase.titles, *phrase.owners] + ([phrase.of_owner] if phrase.of_owner else [])
        titles: list[Title] = [a.entry.title for a in atoms if a.entry.title is not None]
        for title in [phrase.head, *titles]:
            for flag in _INSTITUTION_FLAGS:
                if flag in title.flags:
                    return flag
        return None

    def police_story(self) -> bool:
        """Whether the article speaks of police more than of the military (a "commander"
        is then a police commander)."""
        if self._police is None:
            police = len(_POLICE_WORDS.findall(self.text))
            self._police = police >= 2 and police > len(_MILITARY_WORDS.findall(self.text))
        return self._police

    def peer_country(self, institution: str, offset: int) -> str | None:
        """The country of the nearest mention of the same institution that has one ("a
        judge" → the court the article names; "Deputy Director of Public Prosecution" → the
        prosecutors in Sweden); at equal distance the earlier one."""
        best: tuple[int, int, str] | None = None
        for f in self.found:
            if f.institution != institution or not f.actor.country:
                continue
            after = int(f.start > offset)
            key = (abs(f.start - offset), after, f.actor.country)
            if best is None or key < best:
                best = key
        return best[2] if best else None

    def placed_before(self, group: Found, sector: str) -> str | None:
        """The country of the nearest earlier mention of the same sector whose head noun is
        the group's ("Syrian rebels" … "the rebels"; "a rebel" … "rebels")."""
        head = _singular(fold(group.actor.name.split()[-1])) if group.actor.name else ""
        for f in sorted(self.found, key=lambda f: -f.start):
            if f.start >= group.start or f.actor.sector != sector or not f.actor.country:
                continue
            words = self.text[f.start : f.end].split()
            if words and _singular(fold(words[-1])) == head:
                return f.actor.country
        return None

    def defer_armed_bodies(self) -> None:
        """Armed bodies the gazetteer lacks, named by their head word alone ("the Islamic
        Front", "the Southern Front", orgtypes.tsv): placed once every country mention is
        known, as unplaced rebels are (place_deferred: the country the sentence or the story
        is about, seldom the outlet's own), else they keep the bare sector."""
        for f in self.found:
            if f.actor.kind == "organisation" and f.how == "name" \
                    and f.actor.code in _INSURGENT:  # fmt: skip
                sector = f.actor.code
                f.actor = make_actor(f.actor.name, "", None, "organisation", self.gaz.countries)
                self.deferred.append((f, sector, None, _SECTOR_ONLY))

    def place_deferred(self) -> None:
        """Titles named without a country, once every country mention is known: an
        institution's nearest peer (a judge → the court the article names), else the
        article's clearly main country before the title; else they stay uncoded."""
        unplaced: list[Found] = []
        for f, sector, role_word, fallback in self.deferred:
            if f.actor.code:
                continue
            country = self.peer_country(f.institution, f.start) if f.institution else None
            if fallback == _SECTOR_ONLY and sector in _MILITANT_SECTORS \
                    and fold(f.actor.name.split()[-1]) in _MILITANT_HEADS \
                    and self.militant_referent(f):  # fmt: skip
                f.actor = make_actor(f.actor.name, "IMG", None, f.actor.kind,
                                     self.gaz.countries)  # fmt: skip
                continue
            if fallback != _PEERS_ONLY and country is None:
                guess = fallback[:3] if fallback != _SECTOR_ONLY else ""
                if not guess and fallback == _SECTOR_ONLY:
                    # "The rebels" after "Syrian rebels": the group the article placed.
                    guess = self.placed_before(f, sector) or ""
                # Rebels, insurgents and the opposition the words do not place are seldom of
                # the outlet's own country: of 22 corpus groups guessed American from a
                # story's American officials, one was ("rebels the U.S. plans to train" are
                # Syrian).
                other = self.home if fallback == _SECTOR_ONLY and sector in _INSURGENT else None
                if not guess and f.actor.kind != "person":
                    # "At least three armed militants have stormed a luxury hotel in
                    # Pakistan": the one country the sentence names.
                    guess = self.local_country(f.start, f.end, other) or ""
                country = guess or self.dominant_country(f.start, clear=True, exclude=other)
                if country is None and not self.countries_before(f.start):
                    # Named before any country ("President X said … in Kenya", "Rebels
                    # attacked … Ukrainian troops"): the country the text is clearly about,
                    # as a place or a state; for a person, another person's nationality
                    # ("welcomed South African leader Y") says nothing of this one's.
                    country = self.dominant_country(len(self.text) + 1, clear=True,
                                                    people=f.actor.kind != "person",
                                                    exclude=other)  # fmt: skip
                country = self.checked_guess(country, self.titled.get(id(f)), f.actor.name,
                                             f.start)  # fmt: skip
            if country is None:
                if fallback == _PEERS_ONLY:
                    unplaced.append(f)
                elif fallback == _SECTOR_ONLY:
                    f.actor = make_actor(f.actor.name, sector, None, f.actor.kind,
                                         self.gaz.countries)  # fmt: skip
                continue
            role = f"{role_word} of {self.country_phrase(country)}" if role_word else None
            unnamed = role is not None and f.actor.name.lower() == (role_word or "").lower()
            name = role if unnamed and role else f.actor.name  # "a judge" → "Judge of …"
            f.actor = make_actor(name, f"{country}{sector}", role,
                                 f.actor.kind, self.gaz.countries)  # fmt: skip
        if unplaced:  # a bare "court" with no court named anywhere is no actor
            self.found = [f for f in self.found if all(f is not u for u in unplaced)]

    def lone_atoms(self, atoms: list[Atom], taken: set[int]) -> None:
        chs, text = self.chs, self.text
        context = {a.entry.code for a in atoms if a.kind == "organisation"}
        for atom in atoms:
            if id(atom) in taken or atom.kind == "title":
                continue
            actor = self.atom_actor(atom)
            if actor is None:
                continue
            if atom.kind == "metonym":
                actor = self.contextual(atom, context) or actor
            if atom.kind == "organisation":
                actor = self.owned_institution(atom, atoms, actor)
            start = atom.start
            words = chs[atom.first : atom.last]
            # "the United States", "the U.S.", "the Kremlin" — but not "the Syria conflict".
            named = atom.kind == "organisation" or (
                atom.kind == "country" and (len(words) > 1 or words[0].text.isupper())
            )
            if named and atom.first > 0:
                prev = chs[atom.first - 1]
                if prev.key == "the" and text[prev.end : atom.start] == " ":
                    start = prev.start
            how = {"adjective": "demonym", "metonym": "metonym", "dictionary": "dictionary"}.get(
                atom.kind, "name"
            )
            gender = None
            if atom.kind == "person":
                person: Person | None = atom.entry.person
                gender = person.gender if person else None
                if atom.entry.surname_only or atom.last - atom.first == 1:
                    how = "surname"
            self.add(start, self.abbreviation_end(atom.end), actor, how, gender)

    def abbreviation_end(self, end: int) -> int:
        """Keep the final period of an initialism: "U.S." not "U.S"."""
        text = self.text
        if text[end : end + 1] == "." and end >= 3 and text[end - 2] == "." \
                and text[end - 1].isalpha():  # fmt: skip
            return end + 1
        return end

    def covered(self, start: int, end: int) -> bool:
        return any(f.start < end and start < f.end for f in self.found)

    def ner_people(self) -> None:
        """PERSON entities the gazetteer does not know, coded from an appositive title."""
        for start, end in sorted(self.persons.items()):
            if self.covered(start, end):
                continue
            name = self.text[start:end].strip()
            if len(name.split()) < 2 or not name[:1].isupper():
                continue
            if "'s" in name or "’s" in name:  # "Trump's Wall" is no person
                continue
            if _STUTTER.search(name):
                # "Donald John TrumpTrump", "beat Trump Trump threatening": hover text and
                # headlines run together by the page (14 of 1,530 corpus articles), no
                # person whose full name should outrank the one the article names.
                continue
            known = self.known_surname(name)
            if known is not None:  # "Ms Berg" after "Anna-Lena Berg"
                self.add(start, end, known.actor, "surname", known.gender)
                continue
            actor = make_actor(name, "", None, "person", self.gaz.countries)
            # "Anne Richard , assistant secretary of state": what follows the name is read
            # from its comma, whatever the spacing before it.
            tail = self.name_end(end)
            appositive = self.appositive(tail)
            described = self.described_appositive(tail)
            employed = self.affiliation(tail)
            now = self.said_now(tail)
            if now is not None:
                # "a former Pentagon official who is now an expert at the Heritage
                # Foundation": what the person is now outranks the title before it.
                actor = make_actor(name, now[0], now[1], "person", self.gaz.countries)
            elif employed is not None:
                actor = make_actor(name, employed[0], employed[1], "person", self.gaz.countries)
            elif appositive is not None:
                actor = make_actor(name, appositive.actor.code, appositive.actor.role, "person",
                                   self.gaz.countries)  # fmt: skip
            elif described is not None:
                code, role = self.description_code(described)
                actor = make_actor(name, code, role, "person", self.gaz.countries)
                # "Lam Ka-ming, the commander of …": the description is this person.
                self.pending.remove(described)
                self.add(described.start, described.end, actor, "title")
            elif (leading := self.described_before_name(start)) is not None:
                code, role = self.description_code(leading)
                if code[:3] in self.gaz.countries:
                    # "The president of Uzbekistan, Shavkat Mirziyoyev,": the description set
                    # before the name, between commas, is this person too.
                    actor = make_actor(name, code, role, "person", self.gaz.countries)
                    self.pending.remove(leading)
                    self.add(leading.start, leading.end, actor, "title")
            if not actor.code:
                before = self.description_before(start, end)
                if before is not None:
                    actor = make_actor(name, before[0], before[1], "person", self.gaz.countries)
            owner = self.possessor(start) if not actor.code else None
            if owner is not None:
                actor = make_actor(name, owner.code, None, "person", self.gaz.countries)
            if not actor.code:
                said = self.description_of(tail)
                partner = self.persons.get(end + 5) if self.text[end : end + 5] == " and " else None
                if said is None and partner is not None:
                    # "Juan Carlos Hidalgo and Ian Vasquez, two Latin America policy experts at
                    # the libertarian Cato Institute": one description for both.
                    said = self.description_of(partner)
                if said is not None:
                    code, role, (_, d_stop) = said
                    actor = make_actor(name, code, role, "person", self.gaz.countries)
                    for f in self.found:  # the title inside the description is this person
                        # unless it names someone else ("a spokesman for Sen. Claire
                        # McCaskill": the senator is not her spokesman).
                        if f.how == "title" and f.actor.kind == "person" \
                                and tail < f.start < d_stop \
                                and f.actor.name not in self.text[f.start : f.end]:  # fmt: skip
                            f.actor = actor
            if actor.code:
                elite = self.former_elite(actor.code, tail)
                if elite is not None:
                    actor = make_actor(name, elite, actor.role, "person", self.gaz.countries)
            if actor.code in ("", "CVL", f"{self.home}CVL"):
                # "said Ahmed Saleh, 34, in Ramallah", "X, a resident of Kramatorsk,
                # Ukraine": where the article puts an ordinary person, not the outlet's
                # country (a USA Today reporter quoting a Gazan).
                place = self.placed_at(tail)
                if place is not None:
                    actor = make_actor(name, f"{place}CVL", actor.role, "person",
                                       self.gaz.countries)  # fmt: skip
                else:
                    national = self.described_nationality(start, end)
                    if national is not None:
                        actor = make_actor(name, national, actor.role, "person",
                                           self.gaz.countries)  # fmt: skip
            self.add(start, end, actor, "name", name_gender(name))
            self.unknown.setdefault(fold(name), self.found[-1])

    def former_elite(self, code: str, end: int) -> str | None:
        """ELI of the person's country when the apposition or relative clause after the name
        says the office is behind them, "former" anywhere in it ("Bill Richardson, a former
        U.N. ambassador and New Mexico governor"; "who formerly served as U.S. ambassador"):
        CAMEO's elites, as the gold codes former officials. The country is the code's, else
        one a title in the description names, else the article's. None when the description
        says nothing of a former office or the office is no state's or party's."""
        rel = _RELATIVE.match(self.text, end)
        m = rel or _APPOSITION.match(self.text, end)
        if m is None:
            return None
        stop_at = _FORMER_STOP.search(self.text, m.end(), min(len(self.text), m.end() + 160))
        stop = stop_at.start() if stop_at else min(len(self.text), m.end() + 160)
        keys = [c.key for c in chunks(self.text[m.end() : stop])]
        # The person's own nouns, before a preposition names someone else ("a spokesman for
        # former Gov. X" is no former official).
        own = keys[: next((i for i, k in enumerate(keys) if i and k in _HEAD_ENDS), len(keys))]
        past = rel is not None and (rel.group("adv") in _PAST or rel.group("verb") in _PAST)
        if not (FORMER_WORDS & set(own) or past) or _RANK_AND_FILE & set(own):
            return None
        country, sector = (code[:3], code[3:]) if code[:3] in self.gaz.countries else ("", code)
        if sector == "ELI":
            return None
        if sector not in FORMER_ELITE and sector != "IGO":
            return None  # a former professor is still an academic
        if not country or country in REGIONS:
            titled = [f.actor.code[:3] for f in self.found
                      if f.how == "title" and f.actor.kind == "person"
                      and m.end() <= f.start < stop
                      and f.actor.code[:3] in self.gaz.countries
                      and f.actor.code[:3] not in REGIONS]  # fmt: skip
            country = titled[0] if titled else (
                self.default_country() or self.dominant_country(end, clear=True) or "")  # fmt: skip
        return f"{country}ELI" if country else None

    def name_end(self, end: int) -> int:
        """Where the words after a name begin: past stray spaces before a comma ("Anne
        Richard , assistant secretary of state", pages that set a space before punctuation)."""
        stray = _STRAY_SPACE.match(self.text, end)
        return stray.end() if stray is not None else end

    def description_before(self, start: int, end: int) -> tuple[str, str | None] | None:
        """Code and role from what the article says of a person right before the name: the
        noun phrase the name is in apposition to ("A Republican senator, Jerry Moran") or the
        words that modify the name ("Blackwater founder Erik Prince", "anchor George
        Stephanopoulos"), as the parse has them; an outlet's possessive ("ABC's Terry
        Moran") is read by :meth:`possessor`."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        root = span.root
        previous = self.doc[span.start - 1] if span.start > 0 else None
        gap = self.text[root.head.idx + len(root.head.text) : start]
        if root.dep_ == "appos" and root.head.i < span.start and gap in (", ", " "):
            # "A Republican senator, Jerry Moran"; "the Fox News host Bill Hemmer" (the
            # parser hangs the name on the noun before it).
            # The described noun's own phrase: its left edge up to the noun (right before
            # the name, only its modifiers: the parse may hang a clause on it).
            first = root.head.left_edge.i
            if gap == " ":
                first = min([t.left_edge.i for t in root.head.lefts if t.dep_ in _MODIFIERS],
                            default=root.head.i)  # fmt: skip
            last = root.head.i
            title = [f for f in self.found if f.how == "title" and f.actor.kind == "person"
                     and f.actor.code and f.start <= self.doc[last].idx < f.end]  # fmt: skip
            if title:  # "A Republican senator": the title phrase already coded
                return title[-1].actor.code, title[-1].actor.role
        else:
            left = [t for t in root.lefts if t.i < span.start
                    and t.dep_ in _MODIFIERS]  # fmt: skip
            if left:
                first = min(t.left_edge.i for t in left)
            elif previous is not None and previous.pos_ == "NOUN" and previous.is_lower \
                    and previous.whitespace_ \
                    and agent_sector([previous.lower_]) is not None:  # fmt: skip
                # "moderator Chuck Todd asked": an agent noun right before the name that the
                # parser made a second subject.
                first = previous.i
            else:
                return None
            last = span.start - 1
        d_start = self.doc[first].idx
        d_end = self.doc[last].idx + len(self.doc[last].text)
        if d_end <= d_start or "\n" in self.text[d_start:d_end]:
            return None
        said = self.described_code(d_start, d_end, start, name=self.text[start:end])
        if said is None or said[0][:3] not in self.gaz.countries:
            return None
        return said[0], said[1]

    def described_anywhere(self) -> None:
        """People still without a code, coded from what the article says of them at any of
        their mentions, not only the first: an employer or an apposition after the name
        ("Wendy Cutler, a managing director for the Asia Society"), the words before it
        ("CNN aviation analyst Richard Quest"), an organisation's possessive ("NRDC's Franz
        Matzner"). Every mention of the name takes the code found."""
        unknown: dict[str, list[Found]] = {}
        for f in self.found:
            if f.actor.kind == "person" and not f.actor.code \
                    and f.how in ("name", "title", "surname") \
                    and _CLEAN_NAME.fullmatch(f.actor.name):  # fmt: skip
                unknown.setdefault(fold(f.actor.name), []).append(f)
        for key, mentions in unknown.items():
            said: tuple[str, str | None] | None = None
            for f in sorted(mentions, key=lambda x: x.start):
                said = self.description_around(f)
                if said is not None:
                    break
            if said is None:
                said = self.introduced_unnamed(min(mentions, key=lambda x: x.start))
            if said is None:
                continue
            name = mentions[0].actor.name
            actor = make_actor(name, said[0], mentions[0].actor.role or said[1], "person",
                               self.gaz.countries)  # fmt: skip
            for f in self.found:
                if f.actor.kind == "person" and not f.actor.code \
                        and fold(f.actor.name) == key:  # fmt: skip
                    f.actor = actor

    def introduced_unnamed(self, first: Found) -> tuple[str, str | None] | None:
        """Code and role of a person the article introduced unnamed just before naming them
        ("a spokeswoman for the Mexican Consulate in Washington said …" then "“…,” said
        Vanessa Calva Ruiz"): the latest indefinite description of a person within a short
        reach before the first mention of the name, with no other person in between."""
        earlier = [g for g in self.found if g.actor.kind == "person" and g.end <= first.start]
        if not earlier:
            return None
        latest = max(earlier, key=lambda g: g.end)
        surface = self.text[latest.start : latest.end]
        if latest.how != "title" or not latest.actor.code or first.start - latest.end > \
                _INTRODUCED_REACH or not surface.lower().startswith(("a ", "an ")):  # fmt: skip
            return None
        if latest.gender and first.gender and latest.gender != first.gender:
            return None
        if any(g.how == "name" and g.actor.kind == "person" and g.end < latest.start
               and self.text[g.end : latest.start] == ", " for g in self.found):  # fmt: skip
            return None  # "Hanan Ashrawi, a senior Palestinian official": someone else's
        return latest.actor.code, latest.actor.role

    def description_around(self, f: Found) -> tuple[str, str | None] | None:
        """Code and role from the words around one mention of a person the article names."""
        surface = self.text[f.start : f.end]
        words = chunks(surface)
        if f.how == "title" and fold(surface).endswith(fold(f.actor.name)):
            name_start = f.end - len(f.actor.name)
        elif f.how in ("name", "surname") and words and words[0].capitalised:
            name_start = f.start
        else:
            return None
        tail = self.name_end(f.end)
        employed = self.affiliation(tail)
        if employed is not None and employed[0][:3] in self.gaz.countries:
            return employed
        after = self.description_of(tail)
        if after is not None and after[0][:3] in self.gaz.countries:
            return after[0], after[1]
        before = self.description_before(name_start, f.end)
        if before is not None:
            return before
        owner = self.possessor(name_start)
        if owner is not None and owner.code[:3] in self.gaz.countries:
            return owner.code, None
        return None

    def described_titles(self) -> None:
        """A person named after a title that gave no code ("Gen. Terrence J. O'Shaughnessy,
        U.S. Pacific Air Forces commander"): the description after the name codes them."""
        for f in list(self.found):
            if f.how != "title" or f.actor.kind != "person" or f.actor.code:
                continue
            if not _CLEAN_NAME.fullmatch(f.actor.name) or len(f.actor.name.split()) < 2:
                continue
            if not self.text[f.start : f.end].endswith(f.actor.name):
                continue
            said = self.description_of(self.name_end(f.end))
            if said is None or said[0][:3] not in self.gaz.countries:
                continue
            actor = make_actor(f.actor.name, said[0], f.actor.role or said[1], "person",
                               self.gaz.countries)  # fmt: skip
            for other in self.found:
                if other.actor is f.actor:
                    other.actor = actor

    def described_known_people(self) -> None:
        """People the gazetteer knows but not as what they were on the article's date, coded
        from the apposition or relative clause after their name: before their first known
        office the gazetteer cannot tell what they were ("Moon Jae-in, the leading
        candidate", April 2017: POL, not a future president's ELI), and after their last
        one a state office the article gives is one the dictionary lacks ("Sergey Kislyak,
        a member of Russia's Federation Council"). A description that says "former" agrees
        with the gazetteer's ELI and changes nothing."""
        done: set[str] = set()
        for f in list(self.found):
            if f.how not in ("name", "surname") or f.actor.kind != "person" \
                    or f.actor.name in done:  # fmt: skip
                continue
            person = known_person(f.actor.name)
            if person is None or not person.offices:
                continue
            standing = person.actor_on(self.day, self.gaz.countries)
            if standing.code != f.actor.code or standing.sector != "ELI":
                continue  # in office, or coded from the article's own words already
            tail = self.name_end(f.end)
            if not _KNOWN_DESCRIBED.match(self.text, tail):
                continue  # "Hagel, Senators clash at hearing": a caption, no apposition
            said = self.description_of(tail)
            if said is None or said[0][:3] not in self.gaz.countries:
                continue
            unknown_then = all(o.start is not None and o.start > self.day for o in person.offices)
            sector = said[0][3:]
            if not sector or (not unknown_then and sector not in STATE_SECTORS):
                continue
            done.add(f.actor.name)
            # The country the words name, else the person's own: a description without one
            # ("the leading candidate") takes the article's country, not Moon's.
            country = self.place_named(*said[2]) or standing.country or said[0][:3]
            actor = make_actor(f.actor.name, f"{country}{sector}", said[1], "person",
                               self.gaz.countries)  # fmt: skip
            old = f.actor
            for other in self.found:
                if other.actor.name == old.name and other.actor.code == old.code:
                    other.actor = actor

    def employed_ranks(self) -> None:
        """A rank after the description of the person's work ("CBS analyst Maj. Mike Lyons",
        "Fox News contributor Lt. Col. Oliver North"): the work the article gives is what
        the person is now (a rank of someone who comments for a network is a retired one),
        so the description's code outranks the rank's."""
        jobs = {f.end: f for f in self.found if f.how == "title" and f.actor.kind == "person"
                and f.actor.sector in _WORKPLACES and f.actor.code[:3] in self.gaz.countries
                and f.actor.name not in self.text[f.start : f.end]}  # fmt: skip
        for f in self.found:
            if f.how not in ("title", "name") or f.actor.kind != "person" \
                    or f.actor.sector not in _RANKED \
                    or not self.text[f.start : f.end].endswith(f.actor.name):  # fmt: skip
                continue
            job = next((j for end, j in jobs.items() if f.start - _RANK_REACH <= end < f.start
                        and self.rank_between(end, f.start)), None)  # fmt: skip
            if job is None:
                continue
            person = f.actor
            actor = make_actor(person.name, job.actor.code, job.actor.role, "person",
                               self.gaz.countries)  # fmt: skip
            for other in self.found:
                if other.actor is person or other is job:
                    other.actor = actor

    def rank_between(self, start: int, end: int) -> bool:
        """The words in [start, end) are a rank and nothing else ("Maj.", "Lt. Col.", "retired
        Gen."): their last word is an agent noun of an armed or police force (Phoenix agents)."""
        keys = [c.key for c in chunks(self.text[start:end])]
        found = agent_sector(keys)
        return bool(keys) and found is not None and found[0] in _RANKED \
            and found[2] == len(keys)  # fmt: skip

    def affiliation(self, end: int) -> tuple[str, str | None] | None:
        """Code and role from "NAME, <titles> at|with|of|for <organisation>" ("Jane
        Dorsey, executive vice president … at the Atlantic Policy Fund, a Washington think
        tank"): a title that names a sector keeps it (a scholar is EDU), other titles take
        the organisation's sector, the country is the organisation's."""
        head_of = _HEADS_ORG.match(self.text, end)
        # "Carlos Montes, of the Southern California Immigration Coalition": the comma the
        # page sets before "of" changes nothing.
        of_at = end + 1 if self.text[end : end + 5] == ", of " else end
        if head_of is not None or self.text[of_at : of_at + 4] == " of ":
            # "NAME, who heads the X Foundation", "NAME of the X Institute": the body's code.
            employer = self.org_at(head_of.end()) if head_of else self.trailing_org(of_at)
            clause_end = len(self.text)
            if head_of is not None:
                stop_at = _DESCRIPTION_STOP.search(
                    self.text, head_of.end(), min(len(self.text), head_of.end() + 160)
                )
                clause_end = stop_at.start() if stop_at else head_of.end() + 160
                # "who heads the Beijing-based Carnegie-Tsinghua Center": the first body
                # the clause names, wherever its name starts.
                employer = employer or self.body_in(head_of.end(), clause_end)
            if employer is not None and employer.actor.code:
                org = employer.actor
                if head_of is not None and head_of.group("past") and org.country \
                        and org.sector in FORMER_ELITE:  # fmt: skip
                    # "who ran the State Department's Counterterrorism Bureau": a former
                    # official (ELI), as a "former" before the title makes one.
                    return f"{org.country}ELI", None
                if org.code == org.sector and self.national(org):
                    # "of the Kaiser Family Foundation": a body no gazetteer places, unless
                    # its description does ("the Beijing-based …", "… in Sydney").
                    country = (
                        (self.place_named(head_of.end(), employer.start) if head_of else None)
                        or self.located(employer.end, employer.end + 40)
                        or self.unplaced_country()
                    )
                    return (f"{country}{org.sector}" if country else org.code), None
                return org.code, None
            if head_of is not None:
                # "who leads a Christian church in Louisville": what the clause's words say
                # the body is, as in an apposition ("the head of a church").
                said = self.described_code(head_of.end(), clause_end, end)
                if said is not None and said[0][:3] in self.gaz.countries:
                    return said[0], said[1]
        at_work = _AT_WORK.match(self.text, end)
        if at_work is not None:
            # "said Chang Wei Liang at Mizuho Bank", "Andrew Coflan with Eurasia Group": a
            # firm, school, outlet or civic body right after the name is where the person
            # works (a state's body there may be where they only were: "X at the White House").
            workplace = self.org_at(at_work.end())
            if workplace is not None and workplace.actor.sector in _WORKPLACES:
                body = workplace.actor
                if body.code != body.sector:
                    return body.code, None
                if self.national(body):  # a body no gazetteer places: as "of" below
                    country = self.located(workplace.end, workplace.end + 40) \
                        or self.unplaced_country()  # fmt: skip
                    if country:
                        return f"{country}{body.sector}", None
        if self.text[end : end + 2] != ", ":
            return None
        stop = end + 2
        limit = min(len(self.text), end + 160)
        while stop < limit and self.text[stop] not in ',;:.()"“”\n':
            stop += 1
        titles = [a for a in self.atoms if a.kind == "title" and end + 2 <= a.start < stop
                  and a.entry.title is not None and a.entry.title.kind == "person"]  # fmt: skip
        if not titles:
            return None
        for title_atom in titles:
            employer = self.trailing_org(self.title_run_end(title_atom, stop))
            if employer is None:
                continue
            org = employer.actor
            sectors = [a.entry.title.sector for a in titles if a.entry.title is not None]
            own = next((s for s in sectors if s in _INTRINSIC), None)
            sector = own or org.sector or ""
            if not sector:
                return None
            if FORMER_WORDS & {c.key for c in chunks(self.text[end + 2 : title_atom.start])} \
                    and sector in FORMER_ELITE:  # fmt: skip
                sector = "ELI"  # "a former chairman of the Republican Party": an elite
            head = titles[-1].entry.title
            role = f"{head.role} of {org.name}" if head is not None and head.role else None
            # "a professor at Fulbright University Vietnam": a body the gazetteer does not
            # know is in the country its description names (not the article's main one: a
            # Duke professor quoted on Iran is no Iranian).
            country = (
                org.country
                or self.place_named(end + 2, stop)
                or self.located(employer.end, stop + 40)
                or (self.unplaced_country() if self.national(org) else None)
            )
            return (f"{country}{sector}" if country else sector), role
        return None

    def description_of(self, end: int, now_only: bool = False
                       ) -> tuple[str, str | None, tuple[int, int]] | None:  # fmt: skip
        """Code and role from what the article says of a person it names right after the
        name, when no title or employer settled it: a U.S. party-and-state tag ("(R-Va.)":
        a member of Congress); the agent noun of an apposition or a relative clause
        (agents.tsv: "a fan" → CVL, "a professor at …" → EDU), else a kind of body
        (orgtypes.tsv: "executive director of advocacy group X" → NGO), else the body the
        description names ("a spokesman for the Chinese foreign ministry", "a former CIA
        officer"); the country of an organisation or a place named in it (not the host of an
        envoy "to" it), else the article's main country; a former state office is ELI.
        With ``now_only``, only what a description says the person is now (", a former X
        who is now a Y"), else None."""
        tag = _PARTY_TAG.match(self.text, end)
        if tag is not None and not now_only:
            return "USALEG", None, (end, tag.end())
        rel = _RELATIVE.match(self.text, end)
        m = rel or _APPOSITION.match(self.text, end)
        if m is None:
            return None
        start = m.end()
        if rel is None and not self.text[end:start].endswith(("a ", "an ", "the ")) \
                and not self.noun_phrase_at(start):  # fmt: skip
            return None  # ", then released a video": a clause goes on, no apposition
        limit = min(len(self.text), start + 160)
        stop_at = _DESCRIPTION_STOP.search(self.text, start, limit)
        while stop_at is not None and stop_at.group() == " and " and not self._decisive(
                start, stop_at.start()):  # fmt: skip
            # "an agriculture and trade research manager at …": "and" inside the noun
            # phrase, not the next clause, while nothing before it names what they are.
            stop_at = _DESCRIPTION_STOP.search(self.text, stop_at.end(), limit)
        stop = stop_at.start() if stop_at else limit
        now = _NOW.match(self.text, stop)
        if now is not None:
            # "a former adviser to ex-Secretary of State John Kerry who's now director of
            # research at the Asia Group": what the person is now decides the code.
            later_limit = min(len(self.text), now.end() + 160)
            later = _DESCRIPTION_STOP.search(self.text, now.end(), later_limit)
            current = self.described_code(now.end(), later.start() if later else limit, end)
            while current is None and later is not None and self.runs_on(later.start(),
                                                                         later.end()):  # fmt: skip
                # "who is now a cybersecurity and defense expert at the Heritage Foundation":
                # the noun phrase of what the person is now goes on past its "and".
                later = _DESCRIPTION_STOP.search(self.text, later.end(), later_limit)
                current = self.described_code(now.end(), later.start() if later else limit, end)
            if current is not None:
                return current
        if now_only:
            return None
        said = self.described_code(start, stop, end, rel)
        while said is None and stop_at is not None and self.runs_on(stop_at.start(),
                                                                    stop_at.end()):  # fmt: skip
            # "director of the counterterrorism and intelligence program at the Washington
            # Institute", "the executive director of the large, pro-Israel evangelical group
            # Christians United for Israel": the noun phrase goes on past the stop.
            stop_at = _DESCRIPTION_STOP.search(self.text, stop_at.end(), limit)
            said = self.described_code(start, stop_at.start() if stop_at else limit, end, rel)
        return said

    def runs_on(self, start: int, end: int) -> bool:
        """The "and" or comma in [start, end) joins words inside one noun phrase, as the parse
        reads them: nouns or adjectives on both sides of "and" ("counterterrorism and
        intelligence program"), adjectives before a comma ("the large, pro-Israel group"),
        and no verb or clause after it."""
        mark = self.text[start:end]
        if mark.strip() not in (",", "and"):
            return False
        before = self.doc.char_span(max(0, start - 1), start, alignment_mode="expand")
        end += len(self.text[end:]) - len(self.text[end:].lstrip(" "))
        after = self.doc.char_span(end, min(len(self.text), end + 1), alignment_mode="expand")
        if not before or not after:
            return False
        left, right = before[-1], after[0]
        if right.pos_ not in ("NOUN", "ADJ", "PROPN") or right.lower_ in _CLAUSE_WORDS:
            return False
        if mark.strip() == ",":
            return left.pos_ == "ADJ" and left.dep_ == "amod"
        return left.pos_ in ("NOUN", "ADJ", "PROPN")

    def described_code(self, start: int, stop: int, end: int,
                       rel: re.Match[str] | None = None, name: str = ""
                       ) -> tuple[str, str | None, tuple[int, int]] | None:  # fmt: skip
        """Code and role from the description in [start, stop) of a person named at ``end``
        (after the name, or before it: "Blackwater founder Erik Prince"); ``rel`` is the
        relative clause that introduced it, if any; ``name``, when given, is checked against
        the holder of the office a guessed country would give (checked_guess)."""
        words = chunks(self.text[start:stop])
        if not words:
            return None
        keys = [c.key for c in words]
        found = agent_sector(keys)
        # The noun phrase's head is its last noun before a preposition: a title there
        # ("U.S. ambassador") or an agent noun ("a militia supporter"), whichever is later.
        prep = next((start + c.start for c in words[1:] if c.key in _HEAD_ENDS), stop)
        titles = [a for a in self.atoms if a.kind == "title" and start <= a.start < prep
                  and a.entry.title is not None
                  and a.entry.title.sector not in ("*", "-")]  # fmt: skip
        sector = titles[-1].entry.title.sector if titles and titles[-1].entry.title else None
        head_at = titles[-1].start if titles else None
        if found is not None and (head_at is None or start + words[found[1]].start >= head_at):
            sector, head_at = found[0], start + words[found[1]].start
        body = self.body_in(start, stop) or self.referred_body(start, stop)
        head_title = titles[-1].entry.title if titles and head_at == titles[-1].start else None
        kind = described_sector(keys)
        if head_title is not None and "head" in head_title.flags and kind \
                and kind not in STATE_SECTORS:  # fmt: skip
            # "president and CEO of the American Apparel & Footwear Association": the head
            # of a body that is no state's takes the body's sector.
            sector = kind
        employer = self.trailing_org(self.title_run_end_at(head_at or start, stop))
        if head_title is not None and "head" in head_title.flags and sector in STATE_SECTORS \
                and employer is None and self.unknown_body_after(titles[-1].end, stop):  # fmt: skip
            # "president of March for Life": the head of a body no gazetteer or kind word
            # places among states; heads of such named bodies are, in news, civic ones.
            sector = kind or "NGO"
        sector = sector or kind or (employer.actor.sector if employer else None)
        if not sector:
            # "spokesman for Gaza health ministry", "a spokesman for the rebels": what the
            # words after the head name, when the head itself names no sector.
            # Capitalised words there are a name, not an agent noun ("director of Public
            # Citizen" is no citizen).
            tail = [c.key for c in words if start + c.start >= prep and not c.capitalised]
            after = agent_sector(tail[1:])
            later = [a for a in self.atoms if a.kind == "title" and prep <= a.start < stop
                     and a.entry.title is not None
                     and a.entry.title.sector not in ("*", "-")]  # fmt: skip
            sector = after[0] if after else later[0].entry.title.sector if later and \
                later[0].entry.title else None  # fmt: skip
        sector = sector or (body.actor.sector if body else None)
        owned = [a for a in self.atoms if a.kind == "title" and start <= a.start < prep
                 and a.entry.title is not None and a.entry.title.sector == "*"]  # fmt: skip
        if not sector and body is None and employer is None and owned \
                and self.unknown_body_after(owned[-1].end, stop):  # fmt: skip
            # "director of Global Trade Watch": a title that takes its body's sector, of a
            # body no gazetteer knows: the kind its name's head word says, else, as for the
            # heads of such bodies above, a civic one.
            named = [c.key for c in words if start + c.start > owned[-1].end and c.capitalised]
            sector = head_sector(named) or "NGO"
        if not sector and body is None and self.firm_named(words, start, prep):
            sector = "BUS"
        if not sector and _PROGRAMME & set(keys):
            # "director of the Asia program at the Hudson Center": research programmes are
            # run by think tanks and universities.
            sector = "EDU"
        if not sector:
            return None
        if sector == "IGO":
            # "the U.N. humanitarian coordinator for Yemen", "a NATO spokesman": officials of
            # an international body are coded as the body, IGO, with no country.
            return "IGO", self.text[start:stop].strip() or None, (start, stop)
        # "Former" said of the person, before the head noun and any preposition ("a spokeswoman
        # for former Gov. Rick Perry" is no former official).
        before_head = [c.key for c in words if start + c.start < prep]
        former = bool(FORMER_WORDS & set(before_head[: found[1] if found else None])) or bool(
            rel and (rel.group("adv") in _PAST or rel.group("verb") in _PAST))  # fmt: skip
        # "the secretary of homeland security under President Barack Obama" (in 2020): an
        # office held under a leader who is out of office at the article's date.
        former = former or ("under" in keys and any(
            f.actor.kind == "person" and f.actor.sector == "ELI"
            for f in self.found if start <= f.start < stop))  # fmt: skip
        employer_actor = employer.actor if employer is not None else body.actor if body else None
        country = employer_actor.country if employer_actor is not None else None
        if employer is None and body is not None and any(d[0] is body for d in self.deferred):
            # "a senior member of the opposition Syrian National Coalition": a body whose
            # country was only guessed from the article is of the country the words name.
            country = self.place_named(start, stop) or country
        if country is None and employer is not None:
            country = self.located(employer.end, stop)
        if employer_actor is not None and employer_actor.sector and sector not in _INTRINSIC \
                and sector not in ("CVL", "ELI", "POL"):  # fmt: skip
            # A candidate for Congress is no legislator: what the person is decides.
            sector = employer_actor.sector
        elif employer_actor is not None and employer_actor.sector in _ARMED_GROUPS \
                and sector in STATE_SECTORS:  # fmt: skip
            # "the Islamic Front's military chief", "a commander of the Nusra Front": an
            # officer of an armed group no state owns is of the group, not a state's army.
            sector = employer_actor.sector
        if country is None:
            # "a Middle East fellow", "a Russia scholar": a place right before an academic's
            # noun is the field, not the employer.
            country = self.place_named(start, stop, field_at=head_at if sector == "EDU" else None)
        if country is None and employer_actor is None and found is not None \
                and sector not in FORMER_ELITE:  # fmt: skip
            # "an independent political analyst in Pakistan", "a taxi driver in Cairo": a
            # place right after the head noun is where the person is, not where they were
            # sent (an envoy "to" it) nor what they study (an expert "on" it); a state's
            # officer "in" a country may be posted there ("the security officer in Libya").
            country = self.located(start + words[found[2] - 1].end, stop)
        if country is None and employer_actor is None and _SERVING & set(keys):
            # "an adviser to Iranian President Hassan Rouhani", "an aide to Iran's foreign
            # minister": the country after "to" is whom the person serves (an envoy "to" a
            # country is sent there instead: host_country below).
            country = self.host_country(start, stop)
        if country is None and employer_actor is None:
            # Nothing placed: the article's main country (a fan, a neighbour, an economist);
            # a named employer the gazetteer cannot place leaves the country open.
            host = self.host_country(start, stop)
            country = self.default_country() or self.dominant_country(end, clear=True) or \
                self.dominant_country(len(self.text) + 1, clear=True, people=False)  # fmt: skip
            if country == host or country in REGIONS:  # an envoy to Ukraine is no Ukrainian
                country = None
            if head_title is not None and head_at == start and titles[-1].end == stop:
                # The title alone ("President"), no rank ("Assistant Secretary of State").
                country = self.checked_guess(country, head_title, name, end)
        elif country is None and employer_actor is not None \
                and self.national(employer_actor):  # fmt: skip
            # A named employer the gazetteer cannot place ("a law professor at Santa Clara
            # University"): the outlet's own country, not a guess from the story's topic.
            country = self.unplaced_country()
        if former and sector in FORMER_ELITE and not _RANK_AND_FILE & set(keys):
            sector = "ELI"  # a former soldier is a veteran, no elite
        role = self.text[start:stop].strip() or None
        return (f"{country}{sector}" if country else sector), role, (start, stop)

    def firm_named(self, words: Sequence[Chunk], start: int, prep: int) -> bool:
        """Whether a description's head is a market role ("a Boeing analyst", "Boeing
        analyst Tom Brown") after a capitalised word that no gazetteer reads (no country,
        title, body or person there): an employer the article names by its brand alone, in
        news a company (the gold codes such analysts BUS)."""
        inside = [c for c in words if start + c.start < prep]
        if len(inside) < 2 or inside[-1].key not in _FIRM_ROLES:
            return False
        for c in inside[:-1]:
            at, to = start + c.start, start + c.end
            if not c.capitalised or c.text[:1].isdigit() or c.key in _OPENERS_CAPITALISED:
                continue
            span = self.doc.char_span(at, to, alignment_mode="expand")
            if span is None or span[0].is_sent_start or span[0].pos_ != "PROPN":
                continue  # "Geopolitics analyst X": a sentence's first word, not a name
            if any(a.start < to and at < a.end for a in self.atoms) or any(
                f.start < to and at < f.end and f.actor.code for f in self.found
            ):
                continue
            return True
        return False

    def referred_body(self, start: int, stop: int) -> Found | None:
        """The body a description names by a definite noun in the possessive ("Farhana
        Khera, the group's executive director"; "Maureen Meyer, the report's author"): the
        latest organisation of that kind named before (within a few paragraphs), or for a
        document, whoever the article said issued it."""
        m = _REFERRED.search(self.text, max(0, start - 4), stop)  # "the" may open it
        if m is None:
            return None
        noun = m.group("noun").lower()
        sectors = _REFERRED_SECTORS.get(noun)
        if sectors is None:
            return self.issuer_of(noun, start)
        earlier = [f for f in self.found if start - _REFERENCE_REACH <= f.start and f.end <= start
                   and f.actor.kind == "organisation" and f.actor.sector in sectors
                   ]  # fmt: skip
        return max(earlier, key=lambda f: f.end) if earlier else None

    def issuer_of(self, noun: str, before: int) -> Found | None:
        """Who issued the latest document of this kind named before ``before``: the body
        whose possessive or name stands before it ("WOLA's report") or that follows
        "from"/"by"/"of" ("a report by the Rand Corporation"), else the body a description
        there names ("a new report from a Washington nonprofit": a nonprofit in the United
        States)."""
        hits = [m for m in re.finditer(rf"\b{noun}\b", self.text[max(0, before - _REFERENCE_REACH)
                                                                  : before])]  # fmt: skip
        offset = max(0, before - _REFERENCE_REACH)
        for hit in reversed(hits):
            at = offset + hit.start()
            m = _ISSUED.match(self.text, at)
            if m is None:
                continue
            owner = next((f for f in self.found if f.actor.kind in ("organisation", "group")
                          and f.actor.code and 0 <= at - f.end <= 3), None)  # fmt: skip
            if owner is not None:
                return owner
            if m.end() == at + len(noun):
                continue  # no "from"/"by"/"of": the author is not named here
            named = next((f for f in self.found if f.start in (m.end(), m.end() - 4)
                          and f.actor.kind in ("organisation", "group") and f.actor.code),
                         None)  # fmt: skip
            if named is not None:
                return named
            stop_at = _DESCRIPTION_STOP.search(
                self.text, m.end(), min(len(self.text), m.end() + 80)
            )
            stop = stop_at.start() if stop_at else m.end()
            keys = [c.key for c in chunks(self.text[m.end() : stop])]
            sector = described_sector(keys)
            if sector is None or sector in STATE_SECTORS:
                return None
            country = self.place_named(m.end(), stop) or self.default_country()
            code = f"{country}{sector}" if country else sector
            name = self.text[m.end() : stop]
            return Found(m.end(), stop, make_actor(name, code, None, "organisation",
                                                   self.gaz.countries), "title")  # fmt: skip
        return None

    def national(self, body: Actor) -> bool:
        """A body of some state, placed or not: not an international one by its code, or
        one only spaCy knows (coded by its kind alone: "NGO" there is no international
        NGO but an unplaced "Coalition to Stop Gun Violence")."""
        return body.code[:3] not in _INTERNATIONAL_PREFIXES or any(
            o.actor is body for o in self.orgs)  # fmt: skip

    def unknown_body_after(self, end: int, stop: int) -> bool:
        """A title at ``end`` is followed by "of <Name>" that names no country, place or
        known organisation ("president of the Environmental Working Group")."""
        m = _OF_NAME.match(self.text, end, stop)
        if m is None:
            return False
        return not any(a.start == m.end() and a.kind != "title" for a in self.atoms) \
            and not any(f.start == m.end() for f in self.found)  # fmt: skip

    def located(self, end: int, stop: int) -> str | None:
        """The country of a place named right after an organisation ("the Lowy Institute in
        Sydney", "Dechert LLP, based in Beijing"): where the body is."""
        for atom in self.atoms:
            if end <= atom.start <= min(stop, end + 20) and atom.kind in ("country", "metonym") \
                    and atom.entry.code not in REGIONS \
                    and _LOCATED.fullmatch(self.text[end : atom.start]):  # fmt: skip
                return atom.entry.code
        return None

    def _decisive(self, start: int, stop: int) -> bool:
        """Words in [start, stop) that already say what a person is or whom they work for:
        an agent noun, a title, a kind of body or a coded organisation."""
        keys = [c.key for c in chunks(self.text[start:stop])]
        if agent_sector(keys) is not None or described_sector(keys) is not None:
            return True
        if any(a.kind == "title" and start <= a.start < stop for a in self.atoms):
            return True
        return self.body_in(start, stop) is not None

    def noun_phrase_at(self, start: int) -> bool:
        """The words at ``start`` open a noun phrase ("executive director of …", "CAGE's
        research director"), not a verb or an adverb going on with the sentence."""
        span = self.doc.char_span(start, min(len(self.text), start + 1),
                                  alignment_mode="expand")  # fmt: skip
        return span is not None and len(span) > 0 and span[0].pos_ in (
            "NOUN", "PROPN", "ADJ", "NUM", "DET")  # fmt: skip

    def body_in(self, start: int, stop: int) -> Found | None:
        """The first coded organisation or body mentioned between ``start`` and ``stop``,
        other than a topic ("an expert on the Islamic State")."""
        # A named body whose mention takes in the description's article ("the U.N." in ",
        # the U.N. humanitarian coordinator") starts before the words.
        inside = [f for f in self.found if f.start < stop and f.actor.code
                  and (start <= f.start or (start < f.end and f.actor.kind == "organisation"))
                  and f.actor.sector and f.actor.kind in ("organisation", "group")
                  and not re.search(r"\b(?:on|about|against|studying|covering)\s+(?:the\s+)?$",
                                    self.text[max(start, f.start - 16) : f.start])]  # fmt: skip
        return min(inside, key=lambda f: f.start) if inside else None

    def possessor(self, start: int) -> Actor | None:
        """ "NPR's Deborah Amos", "Anduril's chief revenue officer": the organisation whose
        possessive stands right before a name is the person's employer."""
        for f in self.found:
            if f.actor.kind == "organisation" and f.actor.code and f.actor.sector \
                    and (self.text[f.end : start] in ("'s ", "’s ")
                         or (self.text[f.end : start] in ("' ", "’ ")
                             and self.text[f.end - 1 : f.end] == "s")):  # fmt: skip
                return f.actor  # "NBC News' David Gregory": the bare apostrophe after -s
        return self.unknown_possessor(start)

    def unknown_possessor(self, start: int) -> Actor | None:
        """ "BlackRock Inc's Larry Fink", "Hanoi University's X": a body the gazetteer does
        not know, whose kind its own name says (orgtypes: Inc, Corp → BUS, University,
        Institute → EDU), placed where the outlet is (``unplaced_country``)."""
        m = _POSSESSOR.search(self.text, max(0, start - 120), start)
        if m is None:
            return None
        name = m.group("name")
        sector = head_sector(list(phrase_keys(name)))
        if not sector:
            return None
        country = self.unplaced_country() or ""
        return make_actor(name, f"{country}{sector}", None, "organisation", self.gaz.countries)

    def title_run_end_at(self, offset: int, stop: int) -> int:
        """Where the words from ``offset`` end before a last preposition (at, with …)."""
        found = list(re.finditer(r"\s+(?:at|with|of|for|from)\s", self.text[offset:stop]))
        return offset + found[-1].start() if found else offset

    def host_country(self, start: int, stop: int) -> str | None:
        """The country an envoy or ambassador is sent "to" in a description."""
        for atom in self.atoms:
            if start <= atom.start < stop and atom.kind in ("country", "adjective", "metonym") \
                    and self.text[max(start, atom.start - 8) : atom.start].lower().endswith(
                        ("to ", "to the ")):  # fmt: skip
                return atom.entry.code
        return None

    def place_named(self, start: int, stop: int, field_at: int | None = None) -> str | None:
        """The first country named between ``start`` and ``stop``, other than the one an
        envoy or ambassador is sent "to", a region (the Middle East: a field of work), and
        one right before ``field_at`` (the noun of an academic)."""
        for atom in self.atoms:
            if not start <= atom.start < stop or atom.kind not in ("country", "adjective",
                                                                    "metonym"):  # fmt: skip
                continue
            if atom.entry.code in REGIONS:
                continue
            if field_at is not None and 0 <= field_at - atom.end <= 2:
                continue
            if atom.kind != "adjective" and _FIELD_NOUN.match(self.text, atom.end):
                continue  # "a Mali expert and associate professor": a field, not a nationality
            before = self.text[max(start, atom.start - 9) : atom.start].lower()
            if _PLACE_PREPOSITION.search(before):  # not "opposition Syrian …"
                # Where an envoy is sent, works or what a researcher studies: not whose.
                continue
            return atom.entry.code
        return None

    def title_run_end(self, atom: Atom, stop: int) -> int:
        """Where the words after a title end before a preposition ("adviser for security
        and defense policy at" → the offset before "at")."""
        found = list(re.finditer(r"\s+(?:at|with|of|for|from)\s", self.text[atom.end : stop]))
        return atom.end + found[-1].start() if found else atom.end

    def placed_at(self, end: int) -> str | None:
        """The country of the place a person's description puts them in: the first place
        after a locative preposition that follows the name within the same phrase (", 34,
        in Ramallah", ", a resident of Achin district, … in Afghanistan", " from Gaza")."""
        for g in self.found:
            if g.start < end or g.start - end > _PLACED_REACH:
                continue
            if g.actor.kind != "country" or g.actor.country not in self.gaz.countries:
                continue
            gap = self.text[end : g.start]
            if _PLACED_GAP.fullmatch(gap) and not any(c in gap for c in '.;:“”"\n()') \
                    and _PLACE_ENDS.match(self.text, g.end):  # fmt: skip
                return g.actor.country
        return None

    def described_nationality(self, start: int, end: int) -> str | None:
        """Country and sector from a nationality adjective in the words that describe a
        person the article codes no other way: right before the name ("fellow Ukrainian
        billionaire Gennadiy Bogolyubov") or in the apposition after it ("David Learmount, a
        leading British air analyst"); the sector is the description's agent noun's
        (billionaire BUS, analyst EDU), else CVL."""
        before = _DESCRIBING_BEFORE.search(self.text, max(0, start - 80), start)
        windows = [(before.start(), start)] if before else []
        after = _DESCRIBING_AFTER.match(self.text, end)
        if after is not None:
            windows.append((after.start(1), after.end(1)))
        for lo, hi in windows:
            adjective = next((g for g in self.found if lo <= g.start and g.end <= hi
                              and g.how == "demonym"
                              and g.actor.country in self.gaz.countries), None)  # fmt: skip
            if adjective is None or not _LOWER_WORD.match(self.text, adjective.end):
                continue
            head = agent_sector(phrase_keys(self.text[adjective.end : hi]))
            sector = head[0] if head and head[0] not in STATE_SECTORS else "CVL"
            return f"{adjective.actor.country}{sector}"
        return None

    def speaking_for(self) -> None:
        """ "The Pentagon announced … Spokesman George Little said": a spokesperson whose
        body the title leaves out speaks for the body (else the person in office) the
        article named just before, and takes its country and sector (the Pentagon's
        spokesman is USAMIL, a senator's USALEG, a company's BUS). Else, when the article
        said before whom a spokesperson spoke for ("a spokeswoman for the Indonesian
        National Search and Rescue Agency said"), the country that description named."""
        for f in self.spokespeople:
            if f.actor.code:
                continue
            body = self.spoken_for(f.start)
            role: str | None = f.actor.role
            if body is not None:
                code = body.code if not body.country else f"{body.country}{body.sector or 'GOV'}"
                role = f"{f.actor.role or 'Spokesperson'} for {body.name}"
            else:
                country = self.earlier_spokes_country(f.start)
                if country is None:
                    continue
                code = f"{country}GOV"
            f.actor = make_actor(f.actor.name, code, role, "person", self.gaz.countries)

    def spoken_for(self, start: int) -> Actor | None:
        """The body, else the office holder, named last within reach before ``start``."""
        near = [g for g in self.found if g.end <= start and start - g.end <= _SPOKEN_FOR_REACH
                and g.actor.code and g.actor.sector]  # fmt: skip
        bodies = [g for g in near if g.actor.kind == "organisation"]
        holders = [g for g in near if g.actor.kind == "person"
                   and g.actor.sector in _SPOKEN_FOR_SECTORS]  # fmt: skip
        pool = bodies or holders
        return max(pool, key=lambda g: g.end).actor if pool else None

    def earlier_spokes_country(self, start: int) -> str | None:
        for m in _SPOKES_FOR.finditer(self.text, 0, start):
            inside = [g for g in self.found if m.start() <= g.start < m.end()
                      and g.actor.country in self.gaz.countries]  # fmt: skip
            if inside:
                return inside[0].actor.country
        return None

    def known_surname(self, name: str) -> Found | None:
        """The unknown person an honorific plus surname refers back to."""
        words = name.replace(".", " ").split()
        if len(words) != 2 or fold(words[0]) not in ("mr", "mrs", "ms", "dr"):
            return None
        surname = fold(words[1])
        for key, first in self.unknown.items():
            if key.split()[-1] == surname or key.split("-")[-1] == surname:
                return first
        return None

    def said_now(self, end: int) -> tuple[str, str | None] | None:
        """Code and role of what an apposition right after ``end`` says a person is now,
        when it says so after what they were (", a former X who is now a Y"), else None."""
        said = self.description_of(end, now_only=True)
        return (said[0], said[1]) if said is not None else None

    def described_appositive(self, end: int) -> Pending | None:
        """A definite description right after ", " ("Lam, the commander of …")."""
        if self.text[end : end + 2] != ", ":
            return None
        for p in self.pending:
            if end + 2 <= p.start <= end + 3 and p.phrase.head.kind == "person":
                return p
        return None

    def described_before_name(self, start: int) -> Pending | None:
        """A definite description of a person that ends in ", " right before a name ("The
        president of Uzbekistan, Shavkat Mirziyoyev, …")."""
        if self.text[max(0, start - 2) : start] != ", ":
            return None
        for p in self.pending:
            if p.end == start - 2 and p.phrase.head.kind == "person":
                return p
        return None

    def description_code(self, pending: Pending) -> tuple[str, str | None]:
        """Code and role a description gives its person, guessing the country if unnamed."""
        country, org_name, sector = self.phrase_code(pending.phrase)
        institution = self.institution(pending.phrase) or (
            "police" if sector == "COP" else None)  # fmt: skip
        if country is None and not org_name and institution:
            country = self.peer_country(institution, pending.start)
        if country is None and not org_name:
            country = self.dominant_country(pending.start, clear=True)
        head = pending.phrase.head
        owner = self.country_phrase(country) or org_name
        role = f"{head.role} of {owner}" if head.role and owner else head.role
        if country in REGIONS - {"EUR"}:
            return "", role  # "director of the Asia program": a field, not a state
        if country:
            return f"{country}{sector}", role
        return (sector if org_name else ""), role

    def appositive(self, end: int) -> Found | None:
        """A title-coded mention right after ", " ("Tang, Hong Kong's police commissioner")."""
        if self.text[end : end + 2] != ", ":
            return None
        for f in self.found:
            if f.how == "title" and end + 2 <= f.start <= end + 6 and f.actor.kind == "person":
                return f
        return None

    def surnames(self) -> None:
        """Later mentions of unknown people by surname ("Dorsey", "Mr Kinzinger")."""
        table: dict[str, Found] = {}
        for key, first in self.unknown.items():
            parts = key.split()
            if len(parts) >= 2 and len(parts[-1]) > 2:
                table.setdefault(parts[-1], first)
        if not table:
            return
        for ch in self.chs:
            named = table.get(ch.key)
            if named is None or ch.start < named.end or not ch.capitalised:
                continue
            if self.covered(ch.start, ch.end):
                continue
            self.add(ch.start, ch.end, named.actor, "surname", named.gender)

    def identities(self) -> None:
        """One identity per person: a surname alone ("Mr. Reeves", "Volker") belongs to the
        first bearer of that surname the article introduced. When the article named someone
        in full first ("Eric Reeves"), a later surname is theirs rather than a gazetteer
        namesake's (Rachel Reeves) or a bare honorific reading; when a bearer came first
        (Putin, Isaac Herzog), a later full name with the surname ("Chaim Herzog", his father)
        does not take the surname over."""
        owners: dict[str, tuple[Found, bool]] = {}  # surname → (first bearer, named in full)
        for f in sorted(self.found, key=lambda x: x.start):
            if f.actor.kind == "organisation" and f.how == "name":
                # "Wagner said" after "Rep. Ann Wagner": the person's surname, not the
                # organisation a gazetteer alias of one word names (the Wagner Group).
                words = chunks(self.text[f.start : f.end])
                first = owners.get(words[0].key) if len(words) == 1 else None
                if first is not None and first[1] and words[0].capitalised:
                    f.actor, f.how, f.gender = first[0].actor, "surname", first[0].gender
                continue
            if f.actor.kind != "person" or f.how in ("pronoun", "plural"):
                continue
            surface = _HONORIFIC.sub("", self.text[f.start : f.end]).strip()
            words = chunks(surface)
            if len(words) == 1 and words[0].capitalised:
                first = owners.setdefault(words[0].key, (f, False))
                if first[1] and first[0].actor.name != f.actor.name:
                    f.actor = first[0].actor
                    f.gender = first[0].gender or f.gender
                continue
            names = chunks(f.actor.name)
            if len(names) < 2 or not _CLEAN_NAME.fullmatch(f.actor.name):
                continue
            full = f.how == "name" or (
                f.how == "title" and fold(surface).endswith(fold(f.actor.name))
            )  # "White House Press Secretary Jay Carney"
            if not full:
                continue
            first = owners.setdefault(names[-1].key, (f, True))
            if first[1] and first[0] is not f and not f.actor.code and first[0].actor.code \
                    and fold(first[0].actor.name) == fold(f.actor.name):  # fmt: skip
                # "Ben Rhodes" again, after "Deputy National Security Adviser Ben Rhodes".
                f.actor = first[0].actor

    # -- step 5: coreference --------------------------------------------------------------
    def sentence_starts(self) -> list[int]:
        return [s.start_char for s in self.doc.sents]

    def coreference(self) -> None:
        starts = self.sentence_starts()

        def sentence_of(offset: int) -> int:
            return bisect.bisect_right(starts, offset) - 1

        def is_subject(start: int, end: int) -> bool:
            """The subject of a clause, or the antecedent of a relative clause's subject
            ("Mr. Trump, who addressed …")."""
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                return False
            if any(t.dep_ in ("nsubj", "nsubjpass") for t in span):
                return True
            return any(c.dep_ == "relcl" and any(g.dep_ == "nsubj" and g.tag_ in ("WP", "WDT")
                                                 for g in c.children)
                       for c in span.root.children)  # fmt: skip

        def is_modifier(start: int, end: int) -> bool:
            span = self.doc.char_span(start, end, alignment_mode="expand")
            return span is not None and span.root.dep_ in ("compound", "amod", "nmod")

        people = [PersonRef(f.start, f.end, f.actor, f.gender, is_subject(f.start, f.end),
                            sentence_of(f.start), is_modifier(f.start, f.end))
                  for f in self.found if f.actor.kind == "person"]  # fmt: skip
        resolver = Resolver(people)
        for pending in self.pending:
            self.describe(pending, resolver)
        self.bodies()
        for m in PLURAL.finditer(self.text):
            if self.covered(m.start(), m.end()):
                continue
            for each in resolver.two_people(m.start()):
                self.add(m.start(), m.end(), each, "plural")
        for token in self.doc:
            gender = PRONOUNS.get(token.lower_)
            if gender is None:
                continue
            start, end = token.idx, token.idx + len(token.text)
            referent = resolver.pronoun(start, gender, sentence_of(start),
                                        token.dep_ in ("nsubj", "nsubjpass"),
                                        clause_subject(token))  # fmt: skip
            if referent is not None:
                self.add(start, end, referent, "pronoun", gender)

    def bodies(self) -> None:
        """ "The agency said", "the paper reported", "the ministry added": the latest
        earlier organisation of that kind (a news agency, a newspaper, a ministry)."""
        for m in _BODY_REFERENCE.finditer(self.text):
            if self.covered(m.start(), m.end()):
                continue
            noun = m.group(1).lower()
            sectors, word = _BODY_KINDS[noun]
            earlier = [f for f in self.found if f.end <= m.start()
                       and f.actor.kind in ("organisation", "group")
                       and (f.actor.sector or "") in sectors
                       and (word is None or word in f"{f.actor.name} {f.actor.role or ''}".lower()
                            or word in self.text[f.start : f.end].lower())]  # fmt: skip
            if earlier:
                latest = max(earlier, key=lambda f: f.end)
                self.add(m.start(), m.end(), latest.actor, "title")

    def owner_after(self, end: int) -> str | None:
        """The country of the person or state named right after " of " at ``end`` ("the
        regime of Bashar al-Assad", "the government of Iraq")."""
        m = _OF_AFTER.match(self.text, end)
        if m is None:
            return None
        owner = next((f for f in self.found if f.start == m.end()
                      and f.actor.kind in ("person", "country")
                      and f.actor.country in self.gaz.countries), None)  # fmt: skip
        return owner.actor.country if owner is not None else None

    def describe(self, pending: Pending, resolver: Resolver) -> None:
        phrase = pending.phrase
        head = phrase.head
        if head.kind == "group":  # "the government": the article's main country
            prefer = "USA" if head.phrase == "administration" else None
            # "The regime of Syrian dictator Bashar al-Assad": its ruler's or country's.
            # A "regime" the words do not place is a foreign one: never the outlet's own.
            other = self.home if head.phrase in _FOREIGN_BODIES else None
            country = self.owner_after(pending.end) or (
                None if prefer else self.local_country(pending.start, pending.end, other)
            ) or self.dominant_country(pending.start, prefer, exclude=other)  # fmt: skip
            if country:
                sector = head.sector if head.sector not in ("*", "-") else "GOV"
                adjective = self.gaz.adjectives.get(country, self.gaz.countries[country])
                name = f"{adjective} {head.phrase}"
                self.add(pending.start, pending.end,
                         make_actor(name, f"{country}{sector}", None, "group",
                                    self.gaz.countries), "title")  # fmt: skip
            return
        role_word = head.role or head.phrase
        if phrase.rank:  # "the deputy secretary of state": a deputy, not the secretary
            role_word = f"{phrase.rank} {role_word}"
        actor: Actor | None = resolver.description(pending.start, role_word,
                                     "head" in head.flags and head.phrase.startswith("leader"),
                                     pending.country)  # fmt: skip
        if actor is None and pending.country and not phrase.rank:
            actor = self.holder(pending.country, None, phrase)
            if actor is None:
                country_name = self.country_phrase(pending.country)
                role = f"{head.role} of {country_name}" if head.role else head.phrase
                sector = head.sector if head.sector not in ("*", "-") else "GOV"
                actor = make_actor(role, f"{pending.country}{sector}", role, "person",
                                   self.gaz.countries)  # fmt: skip
        guessable = head.sector not in ("*", "-") and "bare" not in head.flags
        institution = self.institution(phrase)
        if actor is None and not pending.country and institution and head.kind == "person":
            # "the judge": the court the article names.
            country = self.peer_country(institution, pending.start)
            if country:
                peer_role = f"{head.role} of {self.country_phrase(country)}" if head.role else None
                actor = make_actor(peer_role or head.phrase, f"{country}{head.sector}", peer_role,
                                   "person", self.gaz.countries)  # fmt: skip
        if actor is None and not pending.country and guessable and "head" not in head.flags:
            # "the judge": a title no one in the article has had, in its main country.
            if self.dominant_country(pending.start, clear=True):
                guess, guess_role = self.description_code(pending)
                if guess:
                    actor = make_actor(guess_role or head.phrase, guess, guess_role, "person",
                                       self.gaz.countries)  # fmt: skip
        if actor is None and "bare" in head.flags:  # "the opposition leader"
            country = self.dominant_country(pending.start, clear=True) or ""
            role = head.role or head.phrase
            actor = make_actor(role, f"{country}{head.sector}", role, "person",
                               self.gaz.countries)  # fmt: skip
        if actor is not None:
            self.add(pending.start, pending.end, actor, "title")

    # -- all together ---------------------------------------------------------------------
    def run(self) -> list[ActorMention]:
        index = self.dictionary.index if self.dictionary else None
        atoms = find_atoms(self.text, self.chs, self.gaz.trie, index, self.day,
                           frozenset(self.persons))  # fmt: skip
        atoms = read_places(self.drop_inside_names(atoms), self.text, self.chs, self.gaz)
        atoms = self.ethnic_groups(self.drop_stances(atoms))
        self.atoms = atoms
        inside = self.unknown_organisations(atoms)
        taken = self.phrases(atoms) | inside
        self.lone_atoms(atoms, taken)
        self.later_named_orgs()
        self.add_organisations()
        self.defer_armed_bodies()
        self.documents()
        self.legal_documents()
        self.place_deferred()
        self.ner_people()
        self.described_titles()
        self.described_known_people()
        self.employed_ranks()
        self.speaking_for()
        self.surnames()
        self.identities()
        self.described_anywhere()
        self.partisans()
        self.coreference()
        self.found.sort(key=lambda f: (f.start, f.end))
        return [ActorMention(text=self.text[f.start : f.end], start=f.start, end=f.end,
                             actor=f.actor, how=f.how) for f in self.found]  # fmt: skip

    def legal_documents(self) -> None:
        """ "The complaint said", "the indictment says": a court document speaks for the
        judiciary of its country (the outlet's, else the one the article is clearly about:
        a "federal complaint" in an American paper is USAJUD); "the document" after one is
        the same document."""
        latest: Actor | None = None
        kinds: dict[str, Actor] = {}
        for m in _LEGAL_DOCUMENT.finditer(self.text):
            start, end = m.start("name"), m.end("name")
            if self.covered(start, end):
                continue
            noun = m.group("noun")
            if noun == "document":
                if latest is not None:
                    self.add(start, end, latest, "title")
                continue
            # "Mueller's indictment": the country of whoever filed it.
            owner = next((f.actor.country for f in self.found if f.end == m.start()
                          and f.actor.country), None)  # fmt: skip
            actor = kinds.get(noun) if owner is None else None
            if actor is None:
                country = (
                    owner or self.default_country() or self.dominant_country(start, clear=True)
                )
                if country is None:
                    continue
                actor = make_actor(m.group("name"), f"{country}JUD", None, "group",
                                   self.gaz.countries)  # fmt: skip
                kinds[noun] = actor
            self.add(start, end, actor, "title")
            latest = actor

    def partisans(self) -> None:
        """ "the Maryland Democrat said": one party member, the person just named (the
        nearest earlier person within a few hundred characters, outside the quotation the
        words may follow: "'… look at the pain President Trump causes,' the New York
        Democrat said" is Schumer), not the party."""
        quoted = [(q.start(), q.end()) for q in _QUOTATION.finditer(self.text)]

        def reporter_gap(start: int, end: int) -> int:
            """Characters between two offsets outside quotations: a long quotation between a
            name and "the New York Democrat said" does not put the name out of reach."""
            inside = sum(max(0, min(end, e) - max(start, s)) for s, e in quoted)
            return end - start - inside

        for m in _PARTISAN.finditer(self.text):
            people = [
                f
                for f in self.found
                if f.end <= m.start()
                and f.actor.kind == "person"
                and reporter_gap(f.end, m.start()) <= _PARTISAN_REACH
                and f.how != "plural"
                and not any(s < f.start < e for s, e in quoted)
            ]
            latest = self.partisan_referent(m, people)
            if latest is None:
                continue
            self.found = [f for f in self.found if not (m.start() <= f.start < m.end())]
            self.add(m.start(), m.end(), latest.actor, "title", latest.gender)

    def partisan_referent(self, m: re.Match[str], near: list[Found]) -> Found | None:
        """The person "the Vermont senator" describes: one whose office names the place
        (the nearest, however far back: "Bernie Sanders … moderator Chuck Todd asked the
        Vermont senator"), else the nearest person in politics within reach, else the
        nearest of unknown standing; never one whose sector says they are not in politics
        (a moderator, a reporter, a witness)."""
        words = m.group(0).split()[1:-1]
        place = " ".join(w for w in words if w[:1].isupper()).lower()
        if place:
            placed = [f for f in self.found if f.end <= m.start() and f.actor.kind == "person"
                      and f.how != "plural" and place in (f.actor.role or "").lower()]  # fmt: skip
            if placed:
                return max(placed, key=lambda f: f.end)
        fitting = [f for f in near if f.actor.sector in _PARTISAN_SECTORS]
        unknown = [f for f in near if not f.actor.sector or f.actor.sector == "CVL"]
        pool = fitting or unknown
        return max(pool, key=lambda f: f.end) if pool else None

    def ethnic_groups(self, atoms: list[Atom]) -> list[Atom]:
        """ "ethnic Albanians" are a people living where the story is (Serbia, Macedonia),
        not the state their name comes from: a mention coded as civilians of the country
        the text is about (place_deferred), none when that is unclear. As a modifier
        ("ethnic Albanian guerrillas") the name is dropped and the noun it modifies decides."""
        kept: list[Atom] = []
        for a in atoms:
            if a.kind != "adjective" or not _ETHNIC.search(self.text, max(0, a.start - 8),
                                                           a.start):  # fmt: skip
                kept.append(a)
                continue
            span = self.doc.char_span(a.start, a.end, alignment_mode="expand")
            if span is None or span[-1].dep_ in ("amod", "compound") or span[-1].pos_ == "ADJ":
                continue
            start = a.start - len("ethnic ")
            self.add(start, a.end, make_actor(self.text[start : a.end], "", None, "group",
                                              self.gaz.countries), "title")  # fmt: skip
            self.deferred.append((self.found[-1], "CVL", None, ""))
        return kept

    def drop_stances(self, atoms: list[Atom]) -> list[Atom]:
        """A country after "pro-"/"anti-" names a stance, not a nationality: "the
        pro-Iranian Hezbollah" is Lebanese, "an anti-Syria journalist" is not Syrian."""
        return [a for a in atoms if not (
            a.kind in ("country", "adjective", "metonym")
            and _STANCE.search(self.text, max(0, a.start - 6), a.start))]  # fmt: skip

    def drop_inside_names(self, atoms: list[Atom]) -> list[Atom]:
        """Atoms inside a longer PERSON name are not what they seem: "George Washington",
        "Hunter Biden" (a one-word alias inside someone else's full name)."""
        if not self.persons:
            return atoms
        spans = sorted(self.persons.items())
        starts = [s for s, _ in spans]
        kept: list[Atom] = []
        for atom in atoms:
            i = bisect.bisect_right(starts, atom.start) - 1
            inside = i >= 0 and spans[i][1] >= atom.end and (spans[i][0], spans[i][1]) != (
                atom.start, atom.end)  # fmt: skip
            if inside and (atom.kind in ("country", "adjective", "metonym", "region") or (
                    atom.kind == "person" and atom.last - atom.first == 1)):  # fmt: skip
                continue
            kept.append(atom)
        return kept


def resolve_actors(doc: Doc, article: Article, dictionary: ActorDictionary | None = None,
                   learned: bool = True) -> list[ActorMention]:  # fmt: skip
    """Every mention of a political actor in the body, in text order; with ``learned``, the
    sectors the trained model (:mod:`tidings.actors.code_model`) is sure of replace the
    rules' (the one place a mention's final code is decided; without it, the rules' alone,
    as the model's training reads them)."""
    if not article.body:
        return []
    found = _Article(doc, article, dictionary).run()
    mentions = military_acts(doc, legislative_partisans(doc, found))
    groups = group_mentions(doc, article.body, mentions, home_country(article))
    if groups:
        mentions = sorted([*mentions, *groups], key=lambda m: (m.start, m.end))
    if learned:
        mentions = recode(doc, mentions, article_country(article, mentions))
    return mentions
