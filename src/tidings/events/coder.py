"""Code PLOVER events: match lexicon patterns on the dependency parse, fill in who, whom,
mode, aux and date, and merge repeats of one event within an article.

Only sentences holding both a trigger lemma and an actor mention are visited. A noun
trigger carried by a light verb ("held talks", "launched a mediation effort") takes the
verb's subject as actor and the verb's tense and date. A pattern
fires on a verb (its subject acts; a passive's by-phrase acts) or a noun (its possessive,
by-phrase or naming modifier acts; "between A and B" is reciprocal). An event needs a
coded source actor; the source pass also reaches past the trigger's own clause where the
parse puts the actor there: the reporter of a statement the typer reads as the act ("X said
Y would be abusing his powers" accuses Y; ``_statement_source``), the one who asks ("asked
U.S. authorities to investigate"), "criticism from X", "are combat-ready to sink", "is set
to meet", a meeting's participant ("canceled a visit with"), "accused X of sending".
Where the rules find no source, the argument model
(``events.argument_model``) may supply one from anywhere in the sentence (the subject of a
governing verb, a quote's speaker …) when it is sure, never the phrase the rules read as
the recipient; the rule id then ends in "+model-source".

Aux modes: a negated cooperative or coercive act whose row says ``neg=REJECT`` is a refusal
("will not impose sanctions" → REJECT, aux None); other negated events keep their type with
aux "negation" ("did not meet" → CONSULT/negation), so a user can filter them out. Dates:
the clause's own date (or that of a "when" clause it happens in, or of the clause the act
belongs to: dating.shared_date); an announced or conditional act only its deadline ("by
the end of August": dating.deadline), never its announcement's date; else, for a current event, the
date of the reporting clause or of a quotation's attribution, or the publication day, but
not for a stated state or stance (present, present perfect or progressive, "continue to",
a participle, a nominal event: dating.state_kind), nor for an act placed at a vague earlier
time ("recently": dating.vaguely_past), nor for an act a later paragraph narrates in the
simple past without a date (outside the lede, quotes and reported speech:
dating.narrated_past: the gold files leave such acts undated); a pronoun subject
continuing a dated sentence takes
its day (dating.continued_date). The lede's acts (its first paragraphs; a simple past,
participle, present perfect or past "continued to", not a present state or a noun) take
the day the lede gives for the article's news when it gives one within a few days of
publication (dating.news_day: "Trump and Xi have agreed" under "the agreement announced
Saturday"). Historical events never take the publication day. "Will X unless Y" is an ultimatum
(THREATEN). A bare country
acting is its government (SRB → SRBGOV); as a recipient too, except for ASSAULT, COERCE and
MOBILIZE, which fall on the country itself. An attack, a deployment, aid or a visit's verb
that names no recipient falls on the country it happens in ("ISIS attacks in Iraq", "landed
in Riyadh"); a lexicon row the typer retyped looks for its recipient in its own places,
then where the typer's generic row of any type looks. The recipient pass also reaches what
the parse puts past the row's places: the doer a statement's clause is about ("argues that
Clinton would be a punchline"), the one asked ("called for Congress to pass", "asked
Congress to repeal"), the subject of a receiving verb ("faced accusations"), a nominal
act's naming modifier when someone else acts ("Russia's Ukraine invasion", "the Trump-Kim
summit", a city before an attack); a state's own forces are its instrument, not its target.
A person the gazetteer knows with dated offices is coded by the office held on a past
event's date, a former official ELI (``events.standing``: "In 2010, President Barack Obama
sent National Guard troops" is USAGOV's in a 2018 article); the rule id then ends in
"+office-then".

A directed event (REQUEST, REJECT, ACCUSE, THREATEN, SANCTION) whose sentence names its
actor but not its recipient is passed to ``discourse.resolve_orphans``, which may take the
recipient from the sentence's other country, the previous sentence or the article's main
counterpart (the rule id then ends in "+sentence", "+prev" or "+counterpart"); an act
addressed to the actor's own side ("instructed our envoys") gets no inferred recipient.
Scoring that codes sentences by another scheme's rules passes its own ``conventions``
(``events.conventions``); the PLOVER gold standard's are in ``evaluation.plover_conventions``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from spacy.tokens import Doc, Span, Token

from tidings.actors.home import article_country
from tidings.events.argument_model import ArgumentModel, load_argument_model
from tidings.events.arguments import (
    NON_STATE,
    RELATIVE_TAGS,
    REPORTING,
    ActorIndex,
    Party,
    child,
    dateline_end,
    is_pair,
    is_passive,
    noun_source,
    np_actors,
    prep_objects,
    verb_source,
)
from tidings.events.aux_model import (
    AUX_AT,
    SETTLING,
    AuxContext,
    AuxModel,
    date_relation,
    former_spans,
    load_aux_model,
)
from tidings.events.auxmodes import VerbGroup, verb_group
from tidings.events.conventions import ARTICLE, Conventions
from tidings.events.crosslinks import cross_link, link_lines
from tidings.events.dating import (
    attribution_date,
    continued_date,
    deadline,
    has_since,
    in_lede,
    narrated_past,
    news_day,
    own_date,
    relative_to,
    report_date,
    shared_date,
    state_kind,
    unrealised,
    vaguely_past,
    within_days,
)
from tidings.events.discourse import DISCOURSE_TYPES, Orphan, resolve_orphans
from tidings.events.lexicon import Condition, Entry, Lexicon, load_lexicon
from tidings.events.refusals import refusing_clauses, requested_act
from tidings.events.standing import STANDING_RULE, Period, event_period, parties_then
from tidings.events.typed import (
    NOUN_TARGETS,
    VERB_TARGETS,
    Verdict,
    additions,
    article_verdicts,
    model_entry,
    retyped,
    vetoed,
)
from tidings.events.typer import EventTyper, load_typer
from tidings.events.typer_features import OPINION_KEY, opinion_article
from tidings.model import ActorMention, Article, DateMention, DateValue, Event, Quote

# Acts a state does with its forces: its own military named with them is the instrument.
INSTRUMENT_TYPES = frozenset(
    {"ASSAULT", "MOBILIZE", "RETREAT", "AID", "THREATEN", "AGREE", "REJECT", "COERCE"}
)
# Types whose recipient is the country as such, not its government, when a bare country is
# named ("invaded Ukraine" → UKR); for every other type a state acts through its government.
MATERIAL_TARGET_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})
# Intended acts that make a stated intention a threat ("vowed to impose sanctions").
COERCIVE = frozenset({"SANCTION", "COERCE", "ASSAULT", "PROTEST"})
# Nominal events whose naming modifier is a place, not the actor ("Hong Kong protests",
# "Panama meeting"); for the others a modifier acts ("U.S. sanctions", "Russian invasion").
PLACE_NOUN_TYPES = frozenset({"PROTEST", "CONSULT"})
# Relations a complement can hang on; the complement of a wrapping trigger is its content.
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "advcl", "acl", "pcomp"})
TARGET_PREPS = frozenset({"on", "against", "to", "with", "from", "for", "at", "into"})
# Verbs that only carry a nominal event ("held talks", "launched a mediation effort",
# "issued a warning", "reiterated its demand"): their subject is the noun's actor and their
# date and auxiliaries are the event's.
LIGHT_VERBS = frozenset(
    "hold have conduct launch stage mount make issue carry begin start undertake sign reach "
    "impose give deliver extend pay announce declare reiterate repeat renew voice express "
    "continue resume open lead lodge file order step authorize authorise approve "
    "greenlight".split()
)  # the last four put their subject behind the act ("Obama authorized airstrikes")
# Acts made by saying something: when the typer reads a reported clause's content as one
# of them, the reporter makes it (``_statement_source``).
STATED_TYPES = frozenset({"ACCUSE", "REQUEST", "THREATEN", "SUPPORT", "AGREE", "REJECT"})
# Stated acts whose reported clause's subject is whom they are about ("argues that Clinton
# would be a punchline"); a warning's or a denial's clause is the speaker's own side's act
# or the charge denied ("warned that the government will not sit on its hands", "denied that
# Russia had violated the treaty").
ABOUT_TYPES = frozenset({"ACCUSE", "REQUEST", "SUPPORT"})
SAYING = REPORTING | {"suggest", "charge", "allege", "contend", "complain", "predict"}
# Verbs whose passive subject feels or resolves, and so acts in what the passive states.
EXPERIENCER_VERBS = frozenset(
    "anger incense outrage infuriate enrage appal appall alarm disappoint frustrate upset "
    "offend dismay disturb shock energize energise commit determine".split()
)
# Verbs that ask their object to do their "to" complement ("Russian authorities asked U.S.
# authorities to investigate"): the asker makes a request of the act, the object does not.
ASKING_VERBS = frozenset(
    "ask urge press push pressure call encourage tell order demand implore beg invite warn "
    "advise".split()
)
# Verbs whose infinitive with a subject of its own is what they ask of that subject
# ("called for Congress to pass the DREAM Act", "wants U.S. Congress to modify a law").
WANTING = ASKING_VERBS | frozenset("want wish plead appeal lobby campaign clamor".split())
# Verbs whose subject receives the act their object names ("faced accusations", "won the
# endorsement of", "received threats").
RECEIVING_VERBS = frozenset("face receive win garner draw earn suffer endure get attract".split())
# Verbs whose "to" complement is their subject's own act, not a new one ("will begin paying",
# "needs to shut up"): the statement the clause is reported in still carries it.
CARRYING_VERBS = frozenset(
    "begin start continue need have want try attempt plan intend go hope expect use keep "
    "seek be".split()
)
# Nominal acts whose "from" names what is left, not who acts ("withdrawal from Syria").
LEFT_FROM_TYPES = frozenset({"RETREAT"})
# Nominal acts whose naming modifier is their target when someone else acts ("Russia's
# Ukraine invasion", "Trump imposed China tariffs") and, for a city, where they happen ("the
# Benghazi attack"); a country named there with no other actor acts ("U.S. sanctions").
AIMED_MODIFIER_TYPES = frozenset({"SANCTION", "ASSAULT"})
# Nominal meetings whose naming modifier, a person, is the other party ("the Trump-Kim
# summit"); a body or a place there is a format or a venue ("UN talks", "Helsinki summit").
MET_MODIFIER_TYPES = frozenset({"CONSULT"})
AIMED_HOW = frozenset({"name", "metonym"})  # a country's name or its capital, not a demonym
# Marks of a condition: an act under "if"/"unless" is not what the actor intends.
CONDITION_MARKS = frozenset({"if", "unless", "whether"})


@dataclass(slots=True)
class Match:
    """A lexicon row that fired on a token, with the tokens its conditions used."""

    entry: Entry
    trigger: Token
    used: set[int] = field(default_factory=set)


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _words(tok: Token) -> set[str]:
    """The token's lemma and form, and its compounds joined ("hunger strike" →
    "hunger-strike"), so a row can name a two-word thing."""
    out = {tok.lemma_.lower(), tok.lower_}
    for c in tok.children:
        if c.dep_ == "compound":
            out.add(f"{c.lower_}-{tok.lemma_.lower()}")
    return out


def _objects(trigger: Token) -> list[Token]:
    """Direct objects; a passive's subject; for nouns, compounds and "of" objects."""
    out = [c for c in trigger.children if c.dep_ in ("dobj", "obj", "attr", "oprd")]
    out += [c for c in trigger.children if c.dep_ == "nsubjpass"]
    if trigger.dep_ == "relcl" and trigger.pos_ in ("VERB", "AUX"):
        # "the sanctions (that) it imposed on Russia": the noun is the object.
        relative = [c for c in out if c.tag_ in ("WDT", "WP")]
        if relative or (not out and any(c.dep_ == "nsubj" for c in trigger.children)):
            out = [c for c in out if c not in relative] + [trigger.head]
    elif trigger.dep_ == "acl" and trigger.tag_ == "VBN" and not out:
        out.append(trigger.head)  # "the sanctions imposed on Russia by the U.S."
    elif not out and trigger.pos_ == "VERB":
        out += _misparsed_objects(trigger)
    if trigger.pos_ in ("NOUN", "PROPN"):
        out += [c for c in trigger.children if c.dep_ == "compound"]
        out += prep_objects(trigger, {"of"})
    out += prep_objects(trigger, {"with"})  # "provide the coast guard with a ship"
    for obj in [c for c in out if c.dep_ == "dobj"]:
        out += prep_objects(obj, {"with"})  # the same, when the parser hangs "with" on it
    return out


def _misparsed_objects(verb: Token) -> list[Token]:
    """The object the parser made the subject of a participle clause ("seized an Iranian
    tanker carrying oil" parsed as "seized [a tanker carrying oil]" with the tanker its
    subject): a subject right after the verb, of an -ing clause that hangs on it."""
    out = []
    for c in verb.children:
        if c.dep_ in ("ccomp", "xcomp", "advcl") and c.tag_ == "VBG" and c.i > verb.i:
            subj = child(c, "nsubj")
            if subj is not None and subj.left_edge.i == verb.i + 1:
                out.append(subj)
    return out


def light_verb(trigger: Token) -> Token | None:
    """The light verb whose object the nominal trigger is ("launched a mediation effort")."""
    if trigger.pos_ not in ("NOUN", "PROPN") or trigger.dep_ not in ("dobj", "nsubjpass"):
        return None
    head = trigger.head
    return head if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in LIGHT_VERBS else None


SETTING_PREPOSITIONS = frozenset({"in", "at", "during"})


def _setting_verb(trigger: Token, entry: Entry) -> Token | None:
    """The verb whose act a meeting noun is the setting of ("Tillerson stressed … in a
    joint address with Al-Jubeir", "said at a news conference with …"): its subject is one
    of the parties. Only for reciprocal rows, whose "with" names the other party."""
    prep = trigger.head
    if (
        "sym" not in entry.flags
        or trigger.dep_ != "pobj"
        or prep.lower_ not in SETTING_PREPOSITIONS
    ):
        return None
    head = prep.head
    if head.pos_ in ("NOUN", "PROPN") and head.dep_ == "dobj":
        head = head.head  # the parser often hangs the phrase on the object ("ties in …")
    return head if head.pos_ in ("VERB", "AUX") else None


def _manner_of(trigger: Token) -> Token | None:
    """The verb a "by …-ing" clause says how was done ("responded on Friday by accusing
    Tehran"): the act happens when that verb's does, with its tense."""
    prep = trigger.head
    if trigger.dep_ == "pcomp" and prep.lower_ == "by" and prep.head.pos_ in ("VERB", "AUX"):
        return prep.head
    return None


# Subordinators that place a past clause before the time the sentence speaks of.
RECALLING_MARKS = frozenset({"when", "since", "after", "before", "until"})


def _recalled_clause(verb: Token) -> bool:
    """A past-tense clause introduced by "when"/"since"/"after" … under a present-tense
    main clause ("They worry China is taking back freedoms given when the UK returned the
    territory"): an earlier event the article recalls."""
    if verb.tag_ != "VBD" or verb.dep_ not in ("advcl", "relcl"):
        return False
    if not any(c.dep_ in ("mark", "advmod") and c.lower_ in RECALLING_MARKS for c in verb.children):
        return False
    main = verb.sent.root
    return main.tag_ in ("VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in main.children
    )


def _has_unless(verb: Token) -> bool:
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
        for c in verb.children
    )


def _conditional(tok: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in tok.children)


def _negated(verb: Token) -> bool:
    """The clause itself is negated ("not to attack"), not a verb above it."""
    return any(
        c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") for c in verb.children
    )


def _complements(trigger: Token) -> list[Token]:
    out = [c for c in trigger.children if c.dep_ in COMPLEMENT_DEPS]
    for c in trigger.children:  # "insist on meeting", "balk at committing"
        if c.dep_ == "prep":
            out += [g for g in c.children if g.dep_ == "pcomp"]
    return out


def _holds(cond: Condition, trigger: Token, index: ActorIndex, used: set[int]) -> bool:
    if cond.negated:  # what it finds rules the row out, so nothing it finds is used
        return not _holds(replace(cond, negated=False), trigger, index, set())
    if cond.kind == "noobj":
        return not any(c.dep_ in ("dobj", "obj") for c in trigger.children)
    if cond.kind == "politic":
        return _political_dispute(trigger, index)
    if cond.kind == "objactor":
        # The object itself names an actor ("urged Vietnam"), not a thing of one ("ordered
        # the expulsion of diplomats").
        for obj in _objects(trigger):
            if obj.dep_ == "compound":
                continue
            if (
                index.mention_parties(obj)
                or index.pronoun_party(obj)
                or (is_pair(obj) and index.pair)
            ):
                return True
        return False
    if cond.kind == "obj":
        pool = _objects(trigger)
        # A quantity's content: "25,000 tons of food aid", "a series of attacks".
        pool += [g for obj in list(pool) for g in prep_objects(obj, {"of"})]
    elif cond.kind == "mod":
        pool = [c for c in trigger.children if c.dep_ in ("compound", "amod", "nummod", "nmod")]
    elif cond.kind == "comp":
        pool = _complements(trigger)
        if cond.lemmas:  # "vowed not to attack" names the act only to rule it out
            pool = [c for c in pool if not _negated(c)]
    elif cond.kind == "xcomp":
        pool = [c for c in trigger.children if c.dep_ == "xcomp"]
    elif cond.kind == "det":
        pool = [c for c in trigger.children if c.dep_ == "det"]
    else:  # prep
        pool = []
        for c in trigger.children:
            if c.dep_ in ("prep", "agent") and c.lower_ in cond.preps:
                pool += [g for g in c.children if g.dep_ in ("pobj", "pcomp")] or [c]
                used.add(c.i)
        if not cond.lemmas:
            return bool(pool)
    for tok in pool:
        if not cond.lemmas or _words(tok) & cond.lemmas:
            used.add(tok.i)
            return True
    return False


# Sectors of political life: an "attack" between two of them is made with words.
POLITICAL_SECTORS = frozenset({"GOV", "LEG", "POL", "ELI", "MED", "JUD"})


def _political(parties: list[Party]) -> bool:
    return bool(parties) and all(
        p.code[-3:] in POLITICAL_SECTORS and (p.kind == "person" or len(p.code) == 6)
        for p in parties
    )


def _political_dispute(trigger: Token, index: ActorIndex) -> bool:
    """Both the subject and the object are people or bodies of political life (an official,
    a party, a legislature, an outlet): "Trump attacked Bolton" is a verbal attack, as
    CAMEO reads ATTACK on a government, a plan or a decision (111, criticize)."""
    objects = [o for o in _objects(trigger) if o.dep_ != "compound"]
    if not objects or not _political(np_actors(objects[0], index)):
        return False
    return _political(verb_source(trigger, index))


def _pos(tok: Token) -> str | None:
    if tok.pos_ in ("VERB", "AUX"):
        return "V"
    if tok.pos_ in ("NOUN", "PROPN"):
        return "N"
    if tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "amod", "xcomp", "ROOT"):
        return "A"
    return None


def lemma_keys(tok: Token) -> list[str]:
    """The lemma, the form, and for an inflected verb the stems a lemmatizer slip may hide
    ("staged" is lemmatised "stag")."""
    keys = [_lemma(tok), tok.lower_]
    low = tok.lower_
    if tok.tag_ in ("VBD", "VBN") and low.endswith("ed"):
        keys += [low[:-1], low[:-2]]
    elif tok.tag_ == "VBZ" and low.endswith("s"):
        keys += [low[:-1]]
    return keys


def _pins_sense(entry: Entry) -> bool:
    """The row asks for words of its own (an object, a preposition's object, a complement),
    which fix the verb's sense whatever particle it carries; words it rules out do not."""
    return any(c.lemmas and not c.negated for c in entry.needs)


def match(tok: Token, lexicon: Lexicon, index: ActorIndex) -> Match | None:
    """The first lexicon row whose conditions hold on this token."""
    pos = _pos(tok)
    if pos is None:
        return None
    rows: tuple[Entry, ...] = ()
    for key in lemma_keys(tok):
        rows = lexicon.entries.get((key, pos), ())
        if rows:
            break
    # a particle the row does not name makes another verb ("speak out", "back down", "talk
    # up" are no consultation or support), unless the row's own words pin the sense ("cut
    # off aid", "pulled out troops"): on the annotated corpus candidates, rows naming no
    # words matched a verb with a foreign particle 41 times and were right 5 times
    particles = {c.lower_ for c in tok.children if c.dep_ == "prt"}
    for entry in rows:
        if entry.particle and not any(
            c.dep_ in ("prt", "advmod", "prep") and c.lower_ == entry.particle for c in tok.children
        ):
            continue
        if particles and not entry.particle and not _pins_sense(entry):
            continue
        used: set[int] = set()
        if all(_holds(cond, tok, index, used) for cond in entry.needs):
            return Match(entry, tok, used)
    return None


def _complement_targets(comp: Token, index: ActorIndex, depth: int = 0) -> list[Party]:
    """Recipients inside a complement clause: its objects and argument prepositions, and a
    conjoined verb's ("not to attack or invade North Korea")."""
    verbs = [comp, *(c for c in comp.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    for obj in [c for v in verbs for c in v.children if c.dep_ in ("dobj", "dative")]:
        found = np_actors(obj, index)
        if found:
            return found
    for holder in [comp] + [c for c in comp.children if c.dep_ == "dobj"]:
        for pobj in prep_objects(holder, TARGET_PREPS):
            found = np_actors(pobj, index)
            if found:
                return found
    if depth < 2:
        for sub in _complements(comp):
            found = _complement_targets(sub, index, depth + 1)
            if found:
                return found
    return []


def _claimed_doer(noun: Token, index: ActorIndex) -> list[Party]:
    """Who a claim held against someone is about: the subject of the clause the noun
    introduces ("plan to investigate claims the Trump White House fast-tracked …")."""
    for c in noun.children:
        if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX"):
            subj = child(c, "nsubj", "nsubjpass")
            if subj is not None and subj.tag_ not in ("WDT", "WP"):
                return np_actors(subj, index)
    return []


def _apposed_actors(noun: Token, index: ActorIndex) -> list[Party]:
    """The actor a descriptive noun phrase stands beside ("Iran, a country that …"), also
    when the parser missed the apposition."""
    if noun.dep_ == "appos":
        return np_actors(noun.head, index)
    left = noun.left_edge.i
    if left >= 2 and noun.doc[left - 1].text == ",":
        return index.mention_parties(noun.doc[left - 2])
    return []


def find_targets(m: Match, index: ActorIndex, source: list[Party] | None = None) -> list[Party]:
    """The recipient, trying the row's target places in order. A place that names only the
    source's own side (``_own_side``) is passed over, so "warned that it would strike the
    United States" looks past "it" to the complement's object; when every place does, that
    side is returned and the caller sees a self-directed act."""
    own_side: list[Party] = []
    for found in _target_places(m, index):
        other = [p for p in found if not _own_side(p, source or [], index, m.entry.event)]
        if other:
            return found
        own_side = own_side or found
    return own_side


def _own_side(
    party: Party, source: list[Party], index: ActorIndex, event: str, spoken_of: bool = False
) -> bool:
    """Whether a would-be recipient is the source itself or the state or body it acts for:
    the same code as a state acts, unless the two differ by name and neither is the state.
    Another actor of the source's code is someone else ("Mueller's team questioned Sam
    Clovis", "Sen. Ted Cruz urged the House and Senate not to pass it", "Trump has directed
    the Department of Justice": both sides USAGOV or USALEG, as the annotations code them,
    a person and a body alike; on the annotated corpus events that gained 15 recipients and
    lost 4); a pronoun carries the name of the actor it refers to, so "it" or "his"
    referring back stays the source; a country, its government or its people named as such
    is the side a leader acts for ("I have instructed our U.S. representatives"); a body
    a speaker only says something of, not addressing it (``spoken_of``: a modal's demand),
    is the speaker's own when one is a person and the other a body ("Schumer said Congress
    should have a vote"); and a state's own forces are what it acts with
    (``_own_forces``)."""
    # a show of force compares both sides as states act: "North Korea conducted its sixth
    # nuclear test" names its own country (PRK, kept bare as a material act's target)
    # beside its government. An attack or a seizure at home keeps its place as the
    # annotators do ("its Rohingya minority", "occupied East Jerusalem").
    code = _state_code(party, index, event, event == "MOBILIZE").code
    if event in INSTRUMENT_TYPES and _own_forces(party, source):
        return True
    for p in source:
        if _state_code(p, index, event, True).code != code:
            continue
        if p.name == party.name or _the_state(p) or _the_state(party):
            return True
        if spoken_of and len({_kind_of(p, index), _kind_of(party, index)}) > 1:
            return True
    return False


def _kind_of(party: Party, index: ActorIndex) -> str:
    """The party's kind of actor; for a pronoun or a quote's speaker, which carry only the
    code and name of whom they refer to, that actor's kind where the article names it."""
    if party.kind:
        return party.kind
    for mention in index.mentions:
        if mention.actor.name == party.name and index.code_of(mention.actor) == party.code:
            return mention.actor.kind
    return ""


def _own_forces(party: Party, source: list[Party]) -> bool:
    """The source's own country's military, when a government or a country acts: what it
    sends, strikes with or pulls back ("deployed more than 400 Army soldiers to Egypt",
    "vowed not to send U.S. combat ground troops", "stopped a planned U.S. military strike
    against Iran"), not whom the act is aimed at."""
    if len(party.code) != 6 or not party.code.endswith("MIL"):
        return False
    return any(
        p.code[:3] == party.code[:3] and (len(p.code) == 3 or p.code.endswith("GOV"))
        for p in source
    )


# Codes that many distinct bodies share: international organisations, NGOs, companies.
SHARED_CODES = frozenset({"IGO", "NGO", "MNC"})


def _the_state(party: Party) -> bool:
    """A country, a people or an unnamed state body ("the government", "lawmakers"); not a
    code shared by many bodies ("Mr. Ban … called upon the divided UN Security Council":
    both IGO, two bodies; the EU's EUR is one)."""
    code = party.code
    bare = len(code) == 3 and code.isalpha() and code not in SHARED_CODES
    return bare or party.kind in ("country", "group") or party.how == "demonym"


def _places(m: Match) -> tuple[str, ...]:
    """The row's target places; a row the typer gave another type keeps its own places
    first, then looks where the typer's generic row of any type looks (``events.typed``):
    "Trump's call with Tsai", a call the lexicon reads as a request (its places "to",
    "on", "for") and the typer as a conversation, names its other party with "with"."""
    entry = m.entry
    places = entry.target
    if ">typer." in entry.id:
        generic = NOUN_TARGETS if entry.pos == "N" else VERB_TARGETS
        places += tuple(p for p in generic if p not in places)
    if entry.event in ABOUT_TYPES and entry.pos == "V" and "compsubj" not in places:
        # what a statement is about: "argues that Clinton would be a punchline", "insisted
        # Congress deliver a solution"; before what that clause acts on ("claims that Trump
        # demanded Comey's loyalty" accuses Trump)
        at = places.index("comp") if "comp" in places else len(places)
        places = places[:at] + ("saidsubj",) + places[at:]
    return places


def _target_places(m: Match, index: ActorIndex) -> Iterator[list[Party]]:
    """The parties each of the row's target places names, in order (empty places skipped)."""
    trigger = m.trigger
    holders = [trigger] + [c for c in trigger.children if c.dep_ in ("dobj", "attr")]
    carrier = light_verb(trigger)
    if carrier is not None:
        holders.append(carrier)  # "launched a mediation effort between …", "gave a warning to"
    if trigger.pos_ in ("NOUN", "PROPN"):
        holders += prep_objects(trigger, {"of"})  # "a suspension of flights to Borduria"
    for place in _places(m):
        found: list[Party] = []
        if place == "obj":
            for obj in _objects(trigger):
                if obj.dep_ == "compound" or (obj.i in m.used and not np_actors(obj, index)):
                    continue
                if obj.tag_ in ("WDT", "WP") and trigger.dep_ == "relcl":
                    obj = trigger.head  # "a country that Trump criticized"
                found = np_actors(obj, index)
                if not found and obj.pos_ == "NOUN":
                    found = _apposed_actors(obj, index)  # "Iran, a country that Trump …"
                if not found and m.entry.event == "ACCUSE":
                    found = _claimed_doer(obj, index)
                if found:
                    break
        elif place == "dative":
            for c in trigger.children:
                if c.dep_ in ("dative", "iobj"):
                    pobj = child(c, "pobj")
                    found = np_actors(pobj if pobj is not None else c, index)
                    if found:
                        break
        elif place.startswith("prep:"):
            preps = set(place[5:].split("|"))
            for holder in holders:
                for pobj in prep_objects(holder, preps):
                    found = np_actors(pobj, index)
                    if found:
                        break
                if found:
                    break
        elif place == "compsubj":
            for comp in _complements(trigger):
                subj = child(comp, "nsubj", "nsubjpass")
                if subj is not None:
                    found = np_actors(subj, index)
                    if found:
                        break
        elif place == "saidsubj":
            for comp in _complements(trigger):
                if comp.dep_ == "ccomp":
                    # the doer the clause is about: its active subject or its passive's agent
                    # ("the city was being unfairly targeted by the Trump administration",
                    # "WikiLeaks ought to be offered the same protection": no one)
                    found = _clause_doer(comp, index)
                    if found:
                        break
        elif place in ("comp", "xcomp"):
            for comp in _complements(trigger):
                if place == "xcomp" and comp.dep_ != "xcomp":
                    continue  # "promised to send aid to X", not "promised that … to X"
                found = _complement_targets(comp, index)
                if found:
                    break
        elif place == "cond":
            found = _condition_subjects(trigger, index)
        if found:
            yield found


# Nouns of acts one condemns, besides the lexicon's own nominal events.
OFFENCE_NOUNS = frozenset(
    "violation violations breach breaches abuse abuses killing killings crackdown aggression "
    "interference meddling bombing bombings shelling massacre atrocities crimes".split()
)


def _condemned_act(m: Match, lexicon: Lexicon) -> Token | None:
    """The act an ACCUSE condemns, when its object is one ("criticized the invasion")."""
    if m.entry.event != "ACCUSE" or "obj" not in m.entry.target:
        return None
    for obj in _objects(m.trigger):
        if obj.dep_ == "dobj" and obj.pos_ == "NOUN":
            lemma = obj.lemma_.lower()
            rows = lexicon.entries.get((lemma, "N"), ())
            # an accusation investigated is not an act condemned ("investigate allegations
            # that Russia meddled": Russia, from the claim's clause)
            if lemma in OFFENCE_NOUNS or any(r.event != "ACCUSE" for r in rows):
                return obj
    return None


# Nouns for a government's people that a dispatch leaves unqualified when they are the
# host's ("Esper met with several top government officials" under a HANOI dateline).
HOST_OFFICIALS = frozenset(
    "official officials leader leaders minister ministers authority authorities "
    "counterpart counterparts host hosts".split()
)


def _host_officials(m: Match, index: ActorIndex, source: list[Party]) -> list[Party]:
    """For a meeting: unqualified officials met in a datelined dispatch are the dateline
    country's government, when that is not the visitor's own country."""
    if m.entry.event != "CONSULT":
        return []
    trigger = m.trigger
    met = [*_objects(trigger), *prep_objects(trigger, {"with"})]
    if not any(t.lemma_.lower() in HOST_OFFICIALS and _unqualified(t) for t in met):
        return []
    host = _dateline_country(trigger.doc, index)
    if host is None or host in {p.code[:3] for p in source}:
        return []
    return [Party(host, host, -1)]


def _governed_by_protesters(entry: Entry, source: list[Party]) -> list[Party]:
    """A people protesting with no target named protests its own government: "tens of
    thousands of Egyptians marched in the streets of Cairo" is EGYCVL against EGYGOV (as
    gold/dev2 codes all three such protests; the corpus annotators name the protesters' own
    government in 39 of their 92 protests by civilians or an opposition, and no one in 36).
    Only a people named by their country ("Egyptians", ``_people``), not "protesters"."""
    if entry.event != "PROTEST" or "nonstate" not in entry.flags or not source:
        return []
    peoples = {_people(p).code for p in source if p.how == "demonym"}
    if len(peoples) != 1 or len(source) != 1 or not next(iter(peoples)).endswith("CVL"):
        return []
    country = next(iter(peoples))[:3]
    return [Party(country + "GOV", country, -1)]


def _unqualified(noun: Token) -> bool:
    """No country, people or name says whose they are ("several top government officials";
    the actors stage may still have guessed a country from the text before)."""
    return not any(
        t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "NORP") or t.dep_ == "poss"
        for t in noun.subtree
    )


def _dateline_country(doc: Doc, index: ActorIndex) -> str | None:
    """The country named in the article's dateline ("HANOI, Vietnam (AP) —")."""
    first = next(iter(doc.sents), None)
    dash = dateline_end(first) if first is not None else None
    if first is None or dash is None:
        return None
    for tok in doc[first.start : dash]:
        for p in index.mention_parties(tok):
            if len(p.code) >= 3 and p.code[:3].isalpha() and p.code[:3] not in NON_STATE:
                return p.code[:3]
    return None


def _condition_subjects(trigger: Token, index: ActorIndex) -> list[Party]:
    """Who a threat's condition is about ("threatened to retaliate if the United States
    strikes", "will act unless Borduria withdraws"): the condition clause's subject."""
    for verb in [trigger, *_complements(trigger)]:
        for c in verb.children:
            if c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children
            ):
                subj = child(c, "nsubj", "nsubjpass")
                found = np_actors(subj, index) if subj is not None else []
                if found:
                    return found
    return []


# Types whose act falls on the country it happens in when no one else is named ("ISIS
# attacks in Iraq", "intervening in Syria", "troops deployed in northern Syria", "support in
# Egypt": the annotators' recipient is the country); a visit's verb, too ("landed in
# Riyadh", "arrived in Nepal"), but not a meeting's noun, whose place is its venue ("a
# summit in Singapore", "a conference in Paris"), nor a meeting of several named parties.
IN_PLACE_TYPES = frozenset({"ASSAULT", "MOBILIZE", "AID"})
VISITING_TYPES = frozenset({"CONSULT"})


def _attacked_place(m: Match, index: ActorIndex, source: list[Party] | None = None) -> list[Party]:
    """The country an act with no named target happens in: a country (not a person or a
    body) in an "in" phrase of the trigger or of the light verb that carries it."""
    event = m.entry.event
    visit = event in VISITING_TYPES and _pos(m.trigger) == "V"
    if event not in IN_PLACE_TYPES and not (visit and len({p.code for p in source or []}) < 2):
        return []
    trigger = m.trigger
    holders = [trigger]
    carrier = light_verb(trigger)
    if carrier is not None:
        holders.append(carrier)  # "launched airstrikes in Syria"
    for holder in holders:
        for pobj in prep_objects(holder, {"in", "inside"}):
            found = [p for p in np_actors(pobj, index) if p.kind == "country"]
            if found:
                return found
    return []


def _modifier_targets(
    noun: Token, event: str, index: ActorIndex, source: list[Party] | None = None
) -> list[Party]:
    """The parties a nominal event's naming modifier makes its target, when someone else
    acts: for a sanction or an attack, a country or a city named before the noun ("Russia's
    Ukraine invasion", "imposed China tariffs", "the Paris attacks"); for a meeting, a
    person named there ("the Trump-Kim summit" of Trump). A country named there with no
    other actor in sight is the one acting ("U.S. sanctions"), and a meeting named by a
    body or a place is a format or a venue ("UN talks", "the Helsinki summit")."""
    if _pos(noun) != "N" or event not in AIMED_MODIFIER_TYPES | MET_MODIFIER_TYPES:
        return []
    out: list[Party] = []
    for c in noun.children:
        if c.dep_ != "compound":
            continue
        for p in index.mention_parties(c):
            if any(q.token == p.token for q in source or []) or _own_side(
                p, source or [], index, event
            ):
                continue  # the modifier named the source ("U.S. airstrikes")
            if event in MET_MODIFIER_TYPES:
                if p.kind == "person":
                    out.append(p)
            elif p.kind == "country" and p.code[:3] not in NON_STATE and p.how in AIMED_HOW:
                out.append(p)
    return out


def _named_by_modifier(noun: Token, source: list[Party]) -> bool:
    """Whether the nominal event's source came from a naming modifier ("China tariffs")."""
    return bool(source) and all(
        0 <= p.token < len(noun.doc)
        and noun.doc[p.token].head.i == noun.i
        and noun.doc[p.token].dep_ == "compound"
        for p in source
    )


def _place_modifiers(noun: Token, event: str, index: ActorIndex) -> list[Party]:
    """The cities named before an attack ("the Benghazi attack", "the Paris attacks"): where
    it happened, never who did it."""
    if event != "ASSAULT":
        return []
    return [
        p
        for c in noun.children
        if c.dep_ == "compound"
        for p in index.mention_parties(c)
        if p.kind == "country" and p.how == "metonym"
    ]


# CAMEO sector codes that may stand without a country ("opposition groups" → OPP).
SECTOR_ONLY = frozenset(
    "OPP REB CVL MIL GOV POL BUS MED EDU LAB REF INS SPY JUD LEG COP HLH ELI AGR CRM RAD UAF "
    "IMG".split()
)


def _is_state(party: Party) -> bool:
    """A government, or a country named as such (not a people: "Palestinians")."""
    code = party.code
    if party.how == "demonym":
        return False
    return (len(code) == 3 and code.isalpha() and code not in NON_STATE) or (
        len(code) == 6 and code.endswith("GOV")
    )


def _state_code(party: Party, index: ActorIndex, event: str, as_source: bool) -> Party:
    """A bare country acting (or addressed diplomatically) is its government."""
    code = party.code
    if len(code) != 3 or not code.isalpha() or code in NON_STATE | SECTOR_ONLY:
        return party  # "militants" (REB) is a group, not a country to govern
    if as_source or event not in MATERIAL_TARGET_TYPES:
        return Party(code + "GOV", party.name, party.token, party.how)
    return party


def _mode_and_context(m: Match, lexicon: Lexicon, event: str) -> tuple[str | None, list[str]]:
    entry = m.entry
    context = list(entry.context)
    if entry.mode is not None and event == entry.event:
        return entry.mode, context
    words: set[str] = set()
    for tok in _complements(m.trigger) + _objects(m.trigger):
        for t in tok.subtree:
            words |= _words(t)
    if "wrap" not in entry.flags:  # a wrapper's content is its complement, not its own word
        words |= _words(m.trigger)
    cue = lexicon.mode_from_cues(event, words)
    if cue is None:
        return None, context
    return cue.mode, context or list(cue.context)


def _span_text(doc: Doc, tokens: set[int], sent_start: int, sent_end: int) -> str:
    lo = max(min(tokens), sent_start)
    hi = min(max(tokens), sent_end - 1)
    return doc[lo : hi + 1].text


def _governed_by(tok: Token, head: Token) -> bool:
    """Whether ``tok`` is the content of ``head``: its infinitive or clausal complement, or
    that complement's object, down a short chain ("vowed to impose sanctions")."""
    for _ in range(3):
        if tok.dep_ in ("dobj", "pobj", "prep"):
            tok = tok.head
            continue
        if tok.dep_ not in COMPLEMENT_DEPS or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.i == head.i:
            return True
    return False


def _suppressed_by(m: Match, fired: list[Match]) -> bool:
    """A trigger inside a wrapping trigger's complement, or used by its conditions."""
    for other in fired:
        if other.trigger.i == m.trigger.i:
            continue
        if m.trigger.i in other.used:
            return True
        if "obligation" in other.entry.flags and m.trigger.i == other.trigger.head.i:
            return True  # "Iraq must cooperate": the demand, not the cooperation
        if "wrap" not in other.entry.flags:
            continue
        for comp in _complements(other.trigger) + _objects(other.trigger):
            # an adverbial clause sets the scene ("Since the U.S. launched airstrikes, Iran
            # has demanded …"): its act is an event of its own, not the wrapper's content
            if comp.dep_ in ("nsubjpass", "advcl"):
                continue
            if m.trigger.i in {t.i for t in comp.subtree}:
                return True
    return False


@dataclass(slots=True)
class Parties:
    """Who acts on whom, as the source and recipient passes settle it."""

    m: Match  # an "obligation" row moves the match to the modal's verb
    source: list[Party]
    targets: list[Party]
    reciprocal: bool = False
    by_model: list[str] = field(default_factory=list)  # the roles the argument model filled


@dataclass(slots=True)
class Stance:
    """The aux pass's result: the clause that carries the act, its type and aux mode."""

    clause: Token
    event_type: str
    aux: str | None
    coercive_intent: bool


def _event(
    m: Match,
    index: ActorIndex,
    lexicon: Lexicon,
    article: Article,
    dates: list[DateMention],
    conventions: Conventions = ARTICLE,
    inner: list[Match] | None = None,
    orphan_ok: bool = False,
    arguments: ArgumentModel | None = None,
    aux_reader: AuxReader | None = None,
) -> Event | None:
    """The event a match codes, in passes: source → recipient → aux → date → build.

    None when no source is found, or when a recipient the row needs is missing and neither
    ``orphan_ok`` (the discourse may supply it) nor the conventions keep the event.
    ``inner`` are the matches inside the trigger's complement ("offered to lift
    sanctions"). ``arguments`` fills a source or recipient the rules did not find
    (``events.argument_model``); ``aux_reader`` the aux mode the rules leave to it
    (``events.aux_model``)."""
    parties = _source_pass(m, index, lexicon, conventions, arguments)
    if parties is None:
        return None
    parties = _recipient_pass(parties, index, lexicon, conventions, orphan_ok, arguments)
    if parties is None:
        return None
    stance = _aux_pass(parties.m, inner or [], aux_reader)
    trigger = parties.m.trigger
    date, date_text, aux = _date_pass(trigger, stance, index, article, dates)
    then = event_period(date, date_text, aux, trigger, dates, article.published)
    return _build(parties, stance, aux, date, date_text, index, lexicon, then, article.published)


def _source_pass(
    m: Match,
    index: ActorIndex,
    lexicon: Lexicon,
    conventions: Conventions,
    arguments: ArgumentModel | None = None,
) -> Parties | None:
    """Who acts: the parse's source (news outlets and, for a "nonstate" row, states left
    out), else the argument model's when it is sure (never the phrase the rules read as the
    recipient), as the conventions complete it; None when there is none."""
    parties = _parsed_parties(m, index)
    if parties is None:
        return None
    source = _kept_sources(parties.source, m.entry)
    if not source and arguments is not None and _model_may_fill(parties.m):
        taken = _rule_recipients(parties, index, lexicon)
        source = _kept_sources(_model_source(parties.m, index, arguments, taken), m.entry)
        if source:
            parties.by_model.append("source")
    parties.source = conventions.complete_source(parties.m.trigger, index, source)
    return parties if parties.source else None


def _row_type(entry: Entry) -> str | None:
    """The type the trigger's own lexicon row states, None for a typer's candidate (a row the
    typer retyped keeps its id: "protest.verb>typer.support")."""
    if entry.id.startswith("typer."):
        return None
    return entry.id.split(".", 1)[0].upper()


def _kept_sources(source: list[Party], entry: Entry) -> list[Party]:
    """News outlets report acts rather than do them; a "nonstate" row leaves states out (in
    its own sense: "Syria's efforts have demonstrated its good faith" retyped from a street
    demonstration to support keeps its state)."""
    kept = [p for p in source if not p.is_news_outlet]
    if "nonstate" in entry.flags and _row_type(entry) == entry.event:
        kept = [p for p in kept if not _is_state(p)]
    return kept


def _model_may_fill(m: Match) -> bool:
    """Rows that place their parties by a construction of their own (a modal's demand, a
    criticism drawn "from" someone) are left to their rules."""
    return not {"obligation", "fromsource"} & m.entry.flags


def _rule_recipients(parties: Parties, index: ActorIndex, lexicon: Lexicon) -> list[Party]:
    """The parties the rules read as the recipient of a match they found no source for:
    the model's source is never one of them ("rockets fired from Gaza at Israel", "Britain
    said its envoy was detained": the model took the target for the one acting)."""
    found = Parties(parties.m, [], list(parties.targets), parties.reciprocal)
    with_targets = _recipient_pass(found, index, lexicon, ARTICLE, orphan_ok=True)
    if with_targets is None or with_targets.reciprocal:
        return []
    return with_targets.targets


def names_party(unit_parties: Sequence[Party], taken: Sequence[Party], trigger: Token) -> bool:
    """Whether a phrase names one of the ``taken`` parties: the same token, or, at a passive
    trigger, the same actor named elsewhere ("Britain said its envoy was detained": the one
    whose envoy was detained is not the detainer; but "Qaddafi indicated an interest in
    relinquishing his WMDs" is Qaddafi's own act)."""
    tokens = {p.token for p in taken}
    names = {p.name for p in taken} if is_passive(trigger) else set()
    return any(p.token in tokens or p.name in names for p in unit_parties)


def _model_source(
    m: Match, index: ActorIndex, arguments: ArgumentModel, taken: Sequence[Party] = ()
) -> list[Party]:
    """The parties of the sentence's phrase the model most believes acts, if it is sure;
    phrases naming a ``taken`` party (the rules' recipient) are passed over."""
    scored = [
        s
        for s in arguments.score(m.trigger, index, m.entry.event)
        if not names_party(s[0].parties, taken, m.trigger)
    ]
    best = max(scored, key=lambda s: s[1], default=None)
    if best is None or best[1] < arguments.source_at:
        return []
    return list(best[0].parties)


def _model_recipient(
    m: Match, index: ActorIndex, arguments: ArgumentModel, source_codes: set[str]
) -> list[Party]:
    """The parties of the phrase the model most believes the act is done to, the source's
    own side and news outlets passed over, if it is sure (never, while the threshold
    stored with the weights is above 1: see ``data/arguments.md``)."""
    if arguments.recipient_at > 1.0:
        return []
    scored = [
        (unit.parties, p_recipient)
        for unit, _, p_recipient in arguments.score(m.trigger, index, m.entry.event)
        if not any(p.is_news_outlet for p in unit.parties)
        and not any(
            _state_code(p, index, m.entry.event, False).code in source_codes for p in unit.parties
        )
    ]
    best = max(scored, key=lambda s: s[1], default=None)
    if best is None or best[1] < arguments.recipient_at:
        return []
    return list(best[0])


def rule_parties(
    trigger: Token, event: str, index: ActorIndex, lexicon: Lexicon
) -> tuple[list[Party], list[Party]]:
    """The source and recipient the rules alone attach at a trigger typed as ``event`` (the
    lexicon row matched there under that type, or a generic row of it): what the argument
    model is measured against (``scripts/train_event_arguments.py``)."""
    found = match(trigger, lexicon, index)
    sure = Verdict(event, 1.0, {event: 1.0})
    m = (
        Match(retyped(found.entry, sure), trigger, found.used)
        if found is not None
        else Match(model_entry(event, trigger), trigger)
    )
    parties = _parsed_parties(m, index)
    if parties is None:
        return [], []
    parties.source = _kept_sources(parties.source, m.entry)
    with_targets = _recipient_pass(parties, index, lexicon, ARTICLE, orphan_ok=True)
    return parties.source, with_targets.targets if with_targets is not None else []


def _parsed_parties(m: Match, index: ActorIndex) -> Parties | None:
    """The source the trigger's kind of phrase names (and the recipient, for the rows
    whose recipient comes with the source); None when the row rules the event out."""
    trigger, entry = m.trigger, m.entry
    if "obligation" in entry.flags:
        # "X said Y must …": X asks Y; the modal's clause subject is the recipient.
        subj = child(trigger.head, "nsubj", "nsubjpass")
        if subj is not None and subj.i < trigger.i:  # not "should Kim issue …" (a condition)
            reporter = index.reporter(subj)
        else:
            reporter = None
        source = [reporter] if reporter is not None else []
        targets = np_actors(subj, index) if subj is not None else []
        return Parties(Match(entry, trigger.head, m.used | {trigger.i}), source, targets)
    if "fromsource" in entry.flags:
        # "the move drew fire from Pelosi": the critic is in the from-phrase, whatever the
        # parser hung it on, and the subject (or whose move it was) is criticised.
        holders = [trigger] + [c for c in trigger.children if c.dep_ in ("dobj", "prep")]
        holders += [g for h in holders[1:] for g in h.children if g.dep_ == "pobj"]
        source = [
            p for h in holders for o in prep_objects(h, {"from"}) for p in np_actors(o, index)
        ]
        subj = child(trigger, "nsubj")
        if subj is not None and subj.tag_ in ("WDT", "WP") and trigger.dep_ == "relcl":
            subj = trigger.head  # "the decision, which drew rebukes from …"
        targets = np_actors(subj, index) if subj is not None else []
        if not targets:
            return None  # whom the criticism is of is not to be guessed from elsewhere
        return Parties(m, source, targets)
    pos = _pos(trigger)
    if pos == "N":
        return Parties(m, *_noun_parties(trigger, entry, index))
    if pos == "A":
        source = verb_source(trigger.head, index) if trigger.dep_ != "ROOT" else []
        if trigger.dep_ == "amod":  # "a ready ally": the noun it describes
            source = np_actors(trigger.head, index)
        return Parties(m, source, [])
    received = _received_parties(trigger, entry, index)
    if received is not None:
        return Parties(m, *received)
    asked = _asked_of(trigger) if entry.event == "REQUEST" else None
    if asked is not None and _row_type(entry) != "REQUEST":
        # "called for Congress to pass the DREAM Act": the caller asks it of Congress
        source = verb_source(asked[0], index)
        if source:
            return Parties(m, source, np_actors(asked[1], index))
    stated = _statement_source(trigger, entry, index)
    if stated and entry.event in ABOUT_TYPES:
        # the one the statement is about is the clause's own doer: "Putin said that Syria's
        # efforts have demonstrated its good faith" supports Syria ("saidsubj" at the
        # saying verb); a doer of the speaker's own code is the side the speaker speaks for
        # ("a spokesman told reporters that the president feels …", "the Kremlin said that
        # the two leaders expressed …"), and the clause's places are then searched as for
        # any act
        doer = _clause_doer(trigger, index)
        if any(_speaks_for(p, stated) for p in doer):
            doer = []
        return Parties(m, stated, doer)
    source = stated or verb_source(trigger, index)
    if not source and is_passive(trigger) and ("passsrc" in entry.flags or _raised(trigger)):
        subj = child(trigger, "nsubjpass")
        if trigger.dep_ == "relcl" and (subj is None or subj.tag_ in RELATIVE_TAGS):
            subj = trigger.head  # "the troops that were deployed to …": the noun described
        source = np_actors(subj, index) if subj is not None else []
    return Parties(m, source, [])


# Sectors of a state's executive: one of them speaking of another speaks for its own state
# ("Dempsey said the U.S. has not sought permission"); a legislator or a party speaking of
# the government does not ("Congressional Democrats said Mr. Trump would be abusing").
EXECUTIVE = frozenset({"", "GOV", "MIL", "COP", "JUD", "SPY"})


def _speaks_for(doer: Party, speakers: list[Party]) -> bool:
    """Whether the doer of a reported clause is a speaker's own side: the same code, or both
    of one state's executive."""
    for p in speakers:
        if p.code == doer.code:
            return True
        if p.code[:3] == doer.code[:3] and {p.code[3:], doer.code[3:]} <= EXECUTIVE:
            return True
    return False


def _clause_doer(clause: Token, index: ActorIndex) -> list[Party]:
    """The doer a clause states: its active subject or its passive's agent, never a passive's
    subject (the one it is done to)."""
    passive = _passive_of(clause)
    if passive is None:
        return verb_source(clause, index)
    agent = child(passive, "agent")
    by = child(agent, "pobj") if agent is not None else None
    return np_actors(by, index) if by is not None else []


def _passive_of(clause: Token) -> Token | None:
    """The passive verb a clause states, itself or under a verb that only carries it ("ought
    to be offered", "is going to be charged")."""
    for _ in range(3):
        if is_passive(clause):
            return clause
        carried = child(clause, "xcomp")
        if carried is None or child(clause, "dobj") is not None:
            return None
        clause = carried
    return None


def _asked_of(verb: Token) -> tuple[Token, Token] | None:
    """The verb that asks and the one it asks, when ``verb`` is an infinitive with a
    subject of its own under a verb of asking or wanting ("called for Congress to pass",
    "wants U.S. Congress to modify a law", "pushing for the president to refocus") or the
    infinitive of an asking verb's object ("asked Congress to repeal the rules")."""
    if verb.dep_ not in ("ccomp", "advcl", "xcomp") or not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    ):
        return None
    subj = child(verb, "nsubj")
    head = verb.head
    if head.pos_ not in ("VERB", "AUX") or head.lemma_.lower() not in WANTING:
        return None
    if subj is None and verb.dep_ == "xcomp" and head.lemma_.lower() in ASKING_VERBS:
        subj = child(head, "dobj")  # "asked Congress to repeal the rules": the one asked
    if subj is None:
        return None
    if verb.dep_ == "advcl" and not any(
        c.dep_ == "mark" and c.lower_ == "for" for c in verb.children
    ):
        return None
    return head, subj


def _received_parties(
    trigger: Token, entry: Entry, index: ActorIndex
) -> tuple[list[Party], list[Party]] | None:
    """Source and recipient of an act its recipient is said to receive ("The White House has
    long faced accusations", "Trump has won the endorsement of two prominent Arizonans",
    "the United States had received threats"): the subject receives it; the giver is named
    in a "from" or "of" phrase or a possessive of the act, if anywhere. Only where the typer
    read the receiving verb as the act (a lexicon row places its own parties)."""
    if (
        _row_type(entry) == entry.event
        or trigger.lemma_.lower() not in RECEIVING_VERBS
        or _pos(trigger) != "V"
        or is_passive(trigger)
        or child(trigger, "prt") is not None  # "faced off against riot police"
    ):
        return None
    subj = child(trigger, "nsubj")
    if subj is None:
        return None
    acts = [c for c in trigger.children if c.dep_ == "dobj"]
    givers = [trigger, *acts]
    source = [p for h in givers for o in prep_objects(h, {"from"}) for p in np_actors(o, index)]
    for act in acts:
        if not source:
            source = [p for o in prep_objects(act, {"of", "by"}) for p in np_actors(o, index)]
        if not source and (poss := child(act, "poss")) is not None:
            source = np_actors(poss, index)
    return source, verb_source(trigger, index)


def _raised(verb: Token) -> bool:
    """A passive that only carries an infinitive ("Trump is set to meet …", "was scheduled
    to attend", "Lam was forced to withdraw the bill"), or one that states its subject's
    feeling or resolve ("Turkey is angered at the U.S.", "Iran is committed to the deal"):
    its subject does the act."""
    if child(verb, "agent") is not None:
        return False
    return verb.lemma_.lower() in EXPERIENCER_VERBS or any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in verb.children
    )


def _statement_source(trigger: Token, entry: Entry, index: ActorIndex) -> list[Party]:
    """The one who says it, when the typer reads a statement's content as the act:
    "Congressional Democrats said Mr. Trump would be abusing his powers" accuses Trump, "Zarif
    tells NPR that the U.S. 'will pay'" threatens it. Only for verbal acts at a trigger whose
    own lexicon row states no speech act (a typer's candidate, or a row of another kind the
    typer retyped; never a speech verb), in a clause a reporting verb governs (through
    conjuncts and the complements of ``CARRYING_VERBS``); the reporter's subject acts, not
    the clause's. Likewise the one who asks for it: "Obama has been urging Republicans to
    hold off" (a request of Obama's, not the Republicans')."""
    own = _row_type(entry)
    if entry.event not in STATED_TYPES or own == entry.event or trigger.lemma_.lower() in SAYING:
        return []
    clause = trigger
    for _ in range(3):
        head = clause.head
        if head.pos_ not in ("VERB", "AUX"):
            break
        if clause.dep_ == "conj" or (
            clause.dep_ == "xcomp" and head.lemma_.lower() in CARRYING_VERBS
        ):
            clause = head
            continue
        break
    asked = clause.dep_ == "xcomp" and clause.head.lemma_.lower() in ASKING_VERBS
    if not asked and (
        own in STATED_TYPES  # a speech act's own row ("will continue to oppose" as blame)
        or clause.dep_ != "ccomp"
        or clause.head.lemma_.lower() not in SAYING
    ):
        return []
    subj = child(clause.head, "nsubj")
    if subj is None:
        return []
    return [p for p in np_actors(subj, index) if not p.is_news_outlet]


def _noun_parties(
    trigger: Token, entry: Entry, index: ActorIndex
) -> tuple[list[Party], list[Party], bool]:
    """A nominal event's source, no recipient yet, and whether it is reciprocal ("talks
    between A and B"); a light or setting verb's subject acts when the noun names no one."""
    source, reciprocal = noun_source(trigger, index, entry.event not in PLACE_NOUN_TYPES)
    places = {p.token for p in _place_modifiers(trigger, entry.event, index)}
    source = [p for p in source if p.token not in places]
    if "mediator" in entry.flags and reciprocal:
        source, reciprocal = [], False  # "mediation between A and B": A and B are mediated
    if not source and "ofsource" in entry.flags:
        # "the withdrawal of Russian troops": the ones withdrawing act.
        source = [p for o in prep_objects(trigger, {"of"}) for p in np_actors(o, index)]
    if not source and entry.event not in LEFT_FROM_TYPES:
        # "criticism from a North Korean defector", "calls from Congress for sanctions", "a
        # promise from the Taliban": the act comes from them.
        source = [p for o in prep_objects(trigger, {"from"}) for p in np_actors(o, index)]
    carrier = light_verb(trigger) or _setting_verb(trigger, entry)
    if carrier is not None and _named_by_modifier(trigger, source):
        # "Trump imposed China tariffs": the one imposing acts; the modifier is the target
        source = verb_source(carrier, index) or source
    if not source and carrier is not None:
        source = verb_source(carrier, index)
    if not source and entry.event == "CONSULT":
        source = _participant(trigger, index)
    if not source:
        source = _involved(trigger, index)
    receiver = _receiving_verb(trigger)
    if receiver is not None:
        # "Zuma's government is facing violent unrest and protests", "Russia faced new
        # sanctions": the subject receives the act (never its doer), whoever did it
        targets = verb_source(receiver, index)
        return [p for p in source if p not in targets], targets, reciprocal
    return source, [], reciprocal


def _receiving_verb(noun: Token) -> Token | None:
    """The active verb of receiving ("face", "receive", "draw" …) whose object the noun is,
    itself or as a conjunct of it ("faced unrest and protests")."""
    head = noun
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    verb = head.head
    if (
        head.dep_ != "dobj"
        or verb.lemma_.lower() not in RECEIVING_VERBS
        or verb.pos_ not in ("VERB", "AUX")
        or is_passive(verb)
        or child(verb, "prt") is not None
    ):
        return None
    return verb


# Words that make their subject (or the noun they describe) a party to the deed in their
# "in"/"for"/"behind" phrase: "the U.S. Special Forces involved in Saturday's killing of a
# top Islamic State leader", "the group responsible for the attack".
PARTY_TO = frozenset("involve engage participate responsible complicit".split())


def _involved(noun: Token, index: ActorIndex) -> list[Party]:
    """Who took part in a nominal deed the noun names no one in: the noun a participle or
    adjective of taking part describes, or that word's subject."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in ("in", "for", "behind"):
        return []
    word = prep.head
    if prep.lower_ == "behind" and word.pos_ in ("NOUN", "PROPN"):
        return np_actors(word, index)  # "the group behind the attack"
    if word.lemma_.lower() not in PARTY_TO or word.i == noun.i:
        return []
    if word.dep_ in ("acl", "amod") and word.head.pos_ in ("NOUN", "PROPN"):
        return np_actors(word.head, index)
    if word.dep_ == "acomp" and word.head.pos_ in ("VERB", "AUX"):
        return verb_source(word.head, index)
    subj = child(word, "nsubjpass")  # "Russian agents were involved in the hacking"
    return np_actors(subj, index) if subj is not None else []


# Prepositions that make a meeting the scene of the clause's act ("he said during a visit to
# the White House", "Since returning from a meeting with Putin, Mr. Trump has …").
SCENE_PREPOSITIONS = frozenset(
    "in at during after following before on upon from since ahead".split()
)
# Verbs whose subject judges a meeting rather than takes part in it.
JUDGING_VERBS = frozenset(
    "welcome criticize criticise condemn praise support oppose reject hail applaud slam "
    "denounce question defend dismiss urge call demand ask want".split()
)


def _participant(noun: Token, index: ActorIndex) -> list[Party]:
    """Who takes part in a meeting the noun names no one in: the subject of the verb it is
    the object of ("canceled an in-person visit", "boycotted UN talks", "chaired the
    meeting"; not "welcomed the talks") or whose act it is the scene of."""
    head = noun.head
    if noun.dep_ == "dobj" and head.pos_ in ("VERB", "AUX"):
        if head.lemma_.lower() in JUDGING_VERBS:
            return []
        return verb_source(head, index)
    if noun.dep_ == "pobj" and head.lower_ in SCENE_PREPOSITIONS:
        verb = head.head
        if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ == "dobj":
            verb = verb.head
        if verb.pos_ in ("VERB", "AUX"):
            return verb_source(verb, index)
    return []


def _recipient_pass(
    parties: Parties,
    index: ActorIndex,
    lexicon: Lexicon,
    conventions: Conventions,
    orphan_ok: bool,
    arguments: ArgumentModel | None = None,
) -> Parties | None:
    """On whom: the parse's recipient (the doer of a condemned act, the host of a meeting,
    the row's target places, the country an attack or a visit happens in, a nominal act's
    naming modifier; the source itself for a reciprocal act), the source's own side left
    out, else the argument model's when it is sure, as the conventions complete it; None
    when the row needs a recipient and the event is not to be kept without one."""
    m, source, targets, reciprocal = parties.m, parties.source, parties.targets, parties.reciprocal
    entry = m.entry
    if not targets and not reciprocal:
        offence = _condemned_act(m, lexicon)
        if offence is not None:
            # "condemned Russia's invasion of Ukraine": the one who did it, not its victim;
            # an act with no doer named ("the violation of Kyiv's integrity") names no one
            targets = noun_source(offence, index)[0]
            if not targets:
                return None
        else:
            targets = (
                _host_officials(m, index, source)
                or find_targets(m, index, source)
                or _attacked_place(m, index, source)
                or _modifier_targets(m.trigger, entry.event, index, source)
            )
    if not targets and (reciprocal or (entry.symmetric and len({p.code for p in source}) > 1)):
        targets, reciprocal = list(source), True
    source_codes = {_state_code(p, index, entry.event, True).code for p in source}
    targets = [p for p in targets if not p.is_news_outlet]  # "told Fox News" informs
    self_directed = False
    if not reciprocal:
        named = bool(targets)
        spoken_of = "obligation" in entry.flags
        targets = [p for p in targets if not _own_side(p, source, index, entry.event, spoken_of)]
        # "I have instructed our representatives …": addressed to its own side, so no
        # other recipient is to be sought in the discourse.
        self_directed = named and not targets
        if not named:
            # a people against its own state: not its own side, though the same country
            targets = _governed_by_protesters(entry, source)
        if not targets and not named and arguments is not None and _model_may_fill(m):
            targets = _model_recipient(m, index, arguments, source_codes)
            if targets:
                parties.by_model.append("recipient")
    keep = "untargeted" in entry.flags or conventions.keeps_without_recipient()
    if self_directed and not keep:
        return None
    if not targets and not keep and not orphan_ok:
        return None
    source, targets = conventions.complete_parties(m.trigger, index, source, targets, source_codes)
    return Parties(m, source, targets, reciprocal, parties.by_model)


@dataclass(frozen=True, slots=True)
class AuxReader:
    """The trained aux model and what it reads of the article."""

    model: AuxModel
    context: AuxContext


def _aux_pass(m: Match, inner: list[Match], reader: AuxReader | None = None) -> Stance:
    """The type and aux mode the verb group gives the act: a negated act is refused or
    marked "negation"; a stated coercive intention or an ultimatum is a THREATEN; else
    hypothetical, future or historical (pluperfect). Where the verb group reads no mode,
    the trained model (``reader``, ``events.aux_model``) decides among now, historical,
    future and hypothetical: it finds the recalled acts told in the simple past that the
    verb group cannot see (its model card). A THREATEN read from an intention, a demand
    stated with a modal and a clause whose own date or "when" settles the mode
    (``_date_pass``) stay with the rules."""
    trigger, entry = m.trigger, m.entry
    # A trigger another inner trigger used as its object is that one's content ("offered to
    # lift sanctions": the lifting is intended, not the sanctions).
    # An act promised not to be done is an assurance, not a threat ("America promised not
    # to attack North Korea": AGREE).
    intended = [
        o.entry.event
        for o in inner
        if not _conditional(o.trigger)
        and not _negated(o.trigger)
        and not any(o.trigger.i in x.used for x in inner)
    ]
    coercive_intent = "intent" in entry.flags and bool(COERCIVE & set(intended))
    clause = light_verb(trigger) or _setting_verb(trigger, entry) or _manner_of(trigger) or trigger
    group = verb_group(clause)
    if "obligation" in entry.flags:  # the modal states the demand, not a hypothesis
        group = VerbGroup(group.negated, group.future, False, group.pluperfect)
    # "will withdraw its force unless …": an announced act made conditional on the other
    # side's conduct is an ultimatum.
    ultimatum = group.future and not group.negated and _has_unless(clause)
    coercive_intent = coercive_intent or ultimatum
    event_type = "THREATEN" if coercive_intent else entry.event
    aux: str | None = None
    if group.negated:
        if entry.negated_as:
            event_type = entry.negated_as
        else:
            aux = "negation"
    if aux is None and group.hypothetical:
        aux = "hypothetical"
    elif aux is None and group.future and event_type == entry.event and not coercive_intent:
        aux = "future"
    elif aux is None and group.pluperfect:
        aux = "historical"
    if (
        reader is not None
        and aux is None
        and not group.negated
        and not coercive_intent
        and "obligation" not in entry.flags
        and date_relation(trigger, clause, reader.context) not in SETTLING
        and not _recalled_clause(clause)
    ):
        read, probability = reader.model.predict(trigger, clause, reader.context)
        if probability >= AUX_AT:
            aux = read
    return Stance(clause, event_type, aux, coercive_intent)


def _date_pass(
    trigger: Token,
    stance: Stance,
    index: ActorIndex,
    article: Article,
    dates: list[DateMention],
) -> tuple[DateValue | None, str | None, str | None]:
    """When: the date, its text and the aux mode the date settles (module docstring)."""
    clause, aux = stance.clause, stance.aux
    dating = own_date(trigger, dates)
    if dating is None and clause is not trigger:
        dating = own_date(clause, dates)
    if dating is None:
        dating = shared_date(clause, dates)
    date: DateValue | None = None
    date_text: str | None = None
    if dating is not None:
        date, date_text = dating.mention.date, dating.mention.text
        when = "past" if dating.recalled else relative_to(date, article.published)
        if aux is None and when == "past":
            aux = "historical"
        elif aux is None and when == "future":
            aux = "future"
        elif aux == "historical" and not dating.recalled and within_days(date, article.published):
            aux = None  # "had called on Trump on Thursday": the news of the days reported
    elif aux in ("future", "hypothetical") and (
        due := deadline(trigger, dates) or deadline(clause, dates)
    ):
        date, date_text = due.date, due.text  # "will impose sanctions by the end of August"
    elif aux is None and _recalled_clause(clause):
        aux = "historical"  # "… when the UK returned the territory": recalled, undated
    elif aux is None and not (
        has_since(trigger, dates) or vaguely_past(clause) or unrealised(clause)
    ):
        # a current act (an announced one is not dated by its announcement)
        reported = (
            report_date(clause, dates)
            or attribution_date(clause, index.quotes, dates)
            or continued_date(clause, dates)
        )
        if reported is not None and relative_to(reported.date, article.published) != "past":
            date, date_text = reported.date, reported.text
        elif reported is None and article.published is not None:
            date, date_text = _undated_day(clause, index, article, dates)
    return date, date_text, aux


# How the lede tells its news besides the simple past: a participle ("spent 10 hours
# conducting drills"), a present perfect ("Trump and Xi have agreed"), a past "continued
# to" ("continued to blame Obama"). A present state ("Iran denies", "is seeking") stays
# undated even there, and so does a noun, which may name an earlier act ("U.S. sanctions
# on his ministry").
LEDE_ACT_KINDS = frozenset({"participle", "present-perfect", "ongoing-past"})


def _states_with(clause: Token) -> bool:
    """Whether the clause is conjoined to a stated state and describes with it ("Vietnam is
    one of the region's most vocal critics … and has accused Beijing of encroaching")."""
    return clause.dep_ == "conj" and state_kind(clause.head) in (
        "present",
        "progressive",
        "ongoing",
    )


def _undated_day(
    clause: Token, index: ActorIndex, article: Article, dates: list[DateMention]
) -> tuple[DateValue | None, str | None]:
    """The day of a current event whose own clause and report state none.

    An act the lede tells (a main clause of its first paragraphs, not a relative clause
    describing something else) is the article's news: it takes the day the lede gives for
    that news (``dating.news_day``: "said on Saturday", "announced Saturday"), else the
    publication day. Elsewhere a stated state and an undated narrated past take no day: the
    gold files leave a later paragraph's undated simple past undated (blind labels of
    corpus events date it by the lede's news day more often than not; giving it that day
    cost dev + seed dated F1 0.640 → 0.597 and test 0.225 → 0.215)."""
    assert article.published is not None
    kind = state_kind(clause)
    told = kind is None and not _undated_narration(clause, index, article)
    news = None
    if clause.dep_ not in ("relcl", "acl") and in_lede(clause, article.paragraphs):
        news = news_day(article.paragraphs, dates, article.published, clause.doc)
    if news is not None and (kind is None or kind in LEDE_ACT_KINDS) and not _states_with(clause):
        return news.date, news.text
    if told:
        # Reported as happening now: the publication day.
        return DateValue(article.published.isoformat(), "day"), None
    return None, None


def _build(
    parties: Parties,
    stance: Stance,
    aux: str | None,
    date: DateValue | None,
    date_text: str | None,
    index: ActorIndex,
    lexicon: Lexicon,
    then: Period | None = None,
    published: dt.date | None = None,
) -> Event:
    """The event: mode and context, the parties as states act and as coded on a past event's
    date (``events.standing``), and the sentence's text."""
    m, source, targets = parties.m, parties.source, parties.targets
    trigger, entry, event_type = m.trigger, m.entry, stance.event_type
    mode, context = _mode_and_context(m, lexicon, event_type)
    if event_type != entry.event and not stance.coercive_intent:
        context = list(entry.context)
    actors = [
        _people(p) if "nonstate" in entry.flags else _state_code(p, index, event_type, True)
        for p in source
    ]
    if event_type == "MOBILIZE" and (mode == "weapons" or not targets):
        actors = [_weapons_tester(p, src) for p, src in zip(actors, source, strict=True)]
    recipients = [_state_code(p, index, event_type, parties.reciprocal) for p in targets]
    actors, recoded = parties_then(actors, then, published)
    recipients, recoded_recipients = parties_then(recipients, then, published)
    if parties.reciprocal:
        actors = recipients = _dedupe_parties(actors)
    sent = trigger.sent
    tokens = {trigger.i} | m.used | {p.token for p in source + targets if p.token >= 0}
    tokens = {i for i in tokens if sent.start <= i < sent.end}
    return Event(
        event=event_type,
        actor=[p.ref for p in _dedupe_parties(actors)],
        recipient=[p.ref for p in _dedupe_parties(recipients)],
        mode=mode,
        context=context,
        aux=aux,
        date=date,
        date_text=date_text,
        sentence_start=sent.start_char,
        sentence_end=sent.end_char,
        text=_span_text(trigger.doc, tokens, sent.start, sent.end),
        trigger=trigger.text,
        rule=entry.id
        + "".join(f"+model-{role}" for role in parties.by_model)
        + (STANDING_RULE if recoded or recoded_recipients else ""),
        cameo=lexicon.cameo_code(event_type, mode),
    )


def _people(party: Party) -> Party:
    """Protesters named by their country alone are its people, not its state: "tens of
    thousands of Egyptians marched" is EGYCVL (as the gold and 89 of the corpus's 113
    annotated protests code them; 2 code the bare country). A country named as such stays
    itself (a row retyped out of its own sense keeps its states)."""
    code = party.code
    if party.how != "demonym" or len(code) != 3 or not code.isalpha():
        return party
    if code in NON_STATE | SECTOR_ONLY:
        return party
    return Party(code + "CVL", party.name, party.token, party.how, party.kind)


def _weapons_tester(party: Party, named: Party) -> Party:
    """A country named bare that tests weapons or shows force at no one in particular acts
    through its military ("North Korea conducted test launches of ICBMs": PRKMIL in the
    gold); one that deploys troops to or against a country is its government (as the dev
    gold codes both), and a named leader stays who they are."""
    bare = len(named.code) == 3 and named.code.isalpha() and party.code == named.code + "GOV"
    if not bare:
        return party
    return Party(named.code + "MIL", party.name, party.token, party.how, party.kind)


def _undated_narration(clause: Token, index: ActorIndex, article: Article) -> bool:
    """An act told in the simple past after the lede and outside any quote, or in a
    relative clause of a quote: the text does not say when it happened (a quote or the
    lede reports the news itself; a relative clause describes a participant: "a young man
    who lost an election")."""
    told_in_quote = _quoted(clause, index) and clause.dep_ not in ("relcl", "acl")
    return narrated_past(clause) and not told_in_quote and not _lede(clause, article)


def _lede(tok: Token, article: Article) -> bool:
    """Whether the clause is a main clause of the article's first paragraph, whose simple
    past reports the news itself ("Borduria imposed sanctions on Atlantis."); a relative
    clause there describes something else ("attacks which officials blamed on Iran")."""
    if tok.dep_ in ("relcl", "acl"):
        return False
    return not article.paragraphs or tok.idx < article.paragraphs[0].end


def _quoted(tok: Token, index: ActorIndex) -> bool:
    """Whether the token sits inside an attributed quotation: a speaker's own account of an
    act is the news the article reports, dated like its report."""
    return any(q.start <= tok.idx < q.end for q in index.quotes)


def _dedupe_parties(parties: list[Party]) -> list[Party]:
    seen: set[str] = set()
    out = []
    for p in parties:
        if p.code not in seen:
            seen.add(p.code)
            out.append(p)
    return out


def _compatible(a: DateValue | None, b: DateValue | None) -> bool:
    if a is None or b is None:
        return True
    fa, la, fb, lb = a.first_day(), a.last_day(), b.first_day(), b.last_day()
    if None in (fa, la, fb, lb):
        return a.value == b.value
    assert fa and la and fb and lb
    return fa <= lb and fb <= la


def _direction(ev: Event) -> tuple[frozenset[str], frozenset[str]]:
    """Who acts on whom: "Iran denounced the U.S." is not a repeat of "the U.S. blamed Iran"."""
    return frozenset(a.code for a in ev.actor), frozenset(r.code for r in ev.recipient)


def _same_parties(
    a: tuple[frozenset[str], frozenset[str]], b: tuple[frozenset[str], frozenset[str]]
) -> bool:
    """Same direction, or one statement is reciprocal ("the call between the two leaders")
    and names the same participants as the other."""
    if a == b:
        return True
    reciprocal = a[0] == a[1] or b[0] == b[1]
    return reciprocal and (a[0] | a[1]) == (b[0] | b[1])


def _narrower(new: DateValue, old: DateValue | None) -> bool:
    """Whether ``new`` says more exactly when than ``old`` (or ``old`` says nothing)."""
    if old is None:
        return True
    nf, nl, of, ol = new.first_day(), new.last_day(), old.first_day(), old.last_day()
    if nf is None or nl is None or of is None or ol is None:
        return False
    return (nl - nf) < (ol - of)


def merge_repeats(events: list[Event]) -> list[Event]:
    """One event per (type, participants, compatible date, aux) within an article: the
    first statement is kept and takes the most exact date a later one supplies."""
    kept: list[Event] = []
    for ev in events:
        codes = _direction(ev)
        for old in kept:
            old_codes = _direction(old)
            if (
                old.event == ev.event
                and _same_parties(old_codes, codes)
                and old.aux == ev.aux
                and _compatible(old.date, ev.date)
            ):
                if ev.date is not None and _narrower(ev.date, old.date):
                    # "seized in July" then "seized … on July 19": the later, exact date
                    old.date, old.date_text = ev.date, ev.date_text
                break
        else:
            kept.append(ev)
    return kept


def code_events(
    doc: Doc,
    article: Article,
    mentions: list[ActorMention],
    quotes: list[Quote],
    dates: list[DateMention],
    lexicon: Lexicon | None = None,
    conventions: Conventions = ARTICLE,
    typer: EventTyper | None | Literal["packaged"] = "packaged",
    arguments: ArgumentModel | None | Literal["packaged"] = "packaged",
    aux_model: AuxModel | None | Literal["packaged"] = "packaged",
) -> list[Event]:
    """Every PLOVER event the body states, in text order.

    Candidates come from the lexicon and from the parse (``events.candidates``); the
    trained typer (``events.typer``) vetoes lexicon matches it is sure are no event and
    types candidates the lexicon does not know (``events.typed``). ``typer=None`` codes
    with the lexicon alone. The argument model (``events.argument_model``) fills a source
    or recipient the rules leave empty where it is sure; the event's rule id then ends in
    "+model-source" or "+model-recipient". ``arguments=None`` attaches by the rules alone.
    The aux model (``events.aux_model``) reads whether an act is reported as happening
    now, recalled, announced or conditional; ``aux_model=None`` reads the verb group alone.

    Most lexicon rows code an event only when a recipient is found (an event without one
    rarely helps an analyst and is often a misparse), and only mentions with a code take
    part. ``conventions`` (``events.conventions``) may change that for scoring sentences
    by another scheme's rules: let uncoded mentions take part, complete a missing source or
    recipient, keep events without a recipient and add no refusals.
    """
    if not mentions:
        return []
    lexicon = lexicon or load_lexicon()
    if typer == "packaged":
        typer = load_typer()
    if arguments == "packaged":
        arguments = load_argument_model()
    if aux_model == "packaged":
        aux_model = load_aux_model()
    aux_reader = None
    if aux_model is not None:
        lede_end = article.paragraphs[0].end if article.paragraphs else None
        spans = [(q.start, q.end) for q in quotes]
        paragraphs = [(p.start, p.end) for p in article.paragraphs]
        context = AuxContext(
            dates, article.published, spans, lede_end, paragraphs, former_spans(mentions)
        )
        aux_reader = AuxReader(aux_model, context)
    home = article_country(article, mentions)
    index = ActorIndex(doc, mentions, quotes, uncoded=conventions.admits_uncoded(), home=home)
    lemmas = lexicon.lemmas
    fired_by_sent: list[tuple[Span, list[Match]]] = []
    links = link_lines(doc.text)
    for sent in doc.sents:
        if not (index.in_sentence(sent) or index.may_refer(sent)) or cross_link(sent, links):
            continue
        tokens = [t for t in sent if any(k in lemmas for k in lemma_keys(t))]
        fired_by_sent.append((sent, [m for t in tokens if (m := match(t, lexicon, index))]))
    verdicts: dict[int, Verdict] = {}
    if typer is not None:
        if typer.with_acts:  # the genre its act features read (an opinion piece states fewer acts)
            doc.user_data[OPINION_KEY] = opinion_article(article.url, article.title)
        lexicon_types = {m.trigger.i: m.entry.event for _, f in fired_by_sent for m in f}
        verdicts = article_verdicts(doc, index, typer, lexicon_types)
    events: list[Event] = []
    orphans: list[Orphan] = []
    requests: list[tuple[Event, Token]] = []
    keep_untargeted = conventions.keeps_without_recipient()
    for sent, matched in fired_by_sent:
        fired = [
            Match(retyped(m.entry, verdicts.get(m.trigger.i)), m.trigger, m.used)
            for m in matched
            if not vetoed(verdicts.get(m.trigger.i))
        ]
        taken = {m.trigger.i for m in fired} | {i for m in fired for i in m.used}
        added = [
            Match(model_entry(verdicts[i].label, doc[i]), doc[i])
            for i in additions(verdicts, taken)
            if sent.start <= i < sent.end
        ]
        for m in fired + added:
            # a vetoed wrapper still says its content is not asserted ("declined to resign"
            # is no resignation, whatever the typer makes of "declined")
            if _suppressed_by(m, fired) or _suppressed_by(m, matched):
                continue
            inner = [o for o in fired if _governed_by(o.trigger, m.trigger)]
            ev = _event(
                m, index, lexicon, article, dates, conventions, inner, True, arguments, aux_reader
            )
            if ev is None:
                continue
            verdict = verdicts.get(m.trigger.i)
            if verdict is not None:
                ev.confidence = round(verdict.probabilities.get(ev.event, 0.0), 3)
            if m.entry.id.startswith("typer.") and not _keep_coded_parties(ev):
                continue  # a typed act needs coded parties: an uncoded "us" names no one
            if ev.event == "REQUEST" and (act := requested_act(m.trigger)) is not None:
                requests.append((ev, act))
            if ev.recipient or keep_untargeted or "untargeted" in m.entry.flags:
                events.append(ev)
            elif ev.event in DISCOURSE_TYPES and "noinfer" not in m.entry.flags:
                orphans.append(Orphan(ev, sent))
    if orphans:
        events += resolve_orphans(doc, orphans, events, article, mentions)
    if conventions.infers_refusals():
        events += _refusals(doc, events, requests, index, lexicon, article, dates)
    events.sort(key=lambda e: e.sentence_start)
    return merge_repeats(events)


def _keep_coded_parties(ev: Event) -> bool:
    """Drop the parties without a code; whether a source is left."""
    ev.actor = [r for r in ev.actor if r.code]
    ev.recipient = [r for r in ev.recipient if r.code]
    return bool(ev.actor)


REFUSAL = "reject.asked"


def _refusals(
    doc: Doc,
    events: list[Event],
    requests: list[tuple[Event, Token]],
    index: ActorIndex,
    lexicon: Lexicon,
    article: Article,
    dates: list[DateMention],
) -> list[Event]:
    """REJECTs of asked-for acts (events.refusals): the asked side negating the act."""
    out: list[Event] = []
    coded = {(e.sentence_start, e.event) for e in events}
    for request, act in requests:
        if request not in events or not request.recipient:
            continue
        asked = {r.code[:3] for r in request.recipient}
        asker = {a.code for a in request.actor}
        for verb in refusing_clauses(doc, act):
            refusers = [
                p
                for p in verb_source(verb, index)
                if p.code[:3] in asked and _state_code(p, index, "REJECT", True).code not in asker
            ]
            if not refusers or (verb.sent.start_char, "REJECT") in coded:
                continue
            # doing what was asked would concede it; the negation makes it a refusal
            entry = Entry(
                id=REFUSAL, event="CONCEDE", mode=request.mode, context=tuple(request.context),
                pos="V", lemma=verb.lemma_.lower(), particle=None, needs=(), target=(),
                flags=frozenset({"untargeted"}), negated_as="REJECT",
            )  # fmt: skip
            ev = _event(Match(entry, verb), index, lexicon, article, dates, orphan_ok=True)
            if ev is None or ev.event != "REJECT":
                continue
            ev.recipient, ev.mode = list(request.actor), request.mode
            out.append(ev)
            coded.add((ev.sentence_start, "REJECT"))
    return out


__all__ = ["code_events", "match", "merge_repeats"]
