"""Code PLOVER events: match lexicon patterns on the dependency parse, fill in who, whom,
mode, aux and date, and merge repeats of one event within an article.

Only sentences holding both a trigger lemma and an actor mention are visited. A pattern
fires on a verb (its subject acts; a passive's by-phrase acts) or a noun (its possessive,
by-phrase or naming modifier acts; "between A and B" is reciprocal). An event needs a
coded source actor.

Aux modes: a negated cooperative or coercive act whose row says ``neg=REJECT`` is a refusal
("will not impose sanctions" → REJECT, aux None); other negated events keep their type with
aux "negation" ("did not meet" → CONSULT/negation), so a user can filter them out. Dates:
the clause's own date; else, for a current or announced event, the date of the reporting
clause or the publication day (an announced future act is dated by its announcement, as
the gold files do); historical events never take the publication day. A bare country
acting is its government (SRB → SRBGOV); as a recipient too, except for ASSAULT, COERCE and
MOBILIZE, which fall on the country itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from tidings.events.arguments import (
    NON_STATE,
    ActorIndex,
    Party,
    child,
    is_pair,
    is_passive,
    noun_source,
    np_actors,
    prep_objects,
    verb_source,
)
from tidings.events.auxmodes import VerbGroup, verb_group
from tidings.events.dating import has_since, own_date, relative_to, report_date
from tidings.events.lexicon import Condition, Entry, Lexicon, load_lexicon
from tidings.model import ActorMention, Article, DateMention, DateValue, Event, Quote

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


@dataclass(slots=True)
class Match:
    """A lexicon row that fired on a token, with the tokens its conditions used."""

    entry: Entry
    trigger: Token
    used: set[int] = field(default_factory=set)


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _words(tok: Token) -> set[str]:
    return {tok.lemma_.lower(), tok.lower_}


def _objects(trigger: Token) -> list[Token]:
    """Direct objects; a passive's subject; for nouns, compounds and "of" objects."""
    out = [c for c in trigger.children if c.dep_ in ("dobj", "obj", "attr", "oprd")]
    out += [c for c in trigger.children if c.dep_ == "nsubjpass"]
    if trigger.pos_ in ("NOUN", "PROPN"):
        out += [c for c in trigger.children if c.dep_ == "compound"]
        out += prep_objects(trigger, {"of"})
    out += prep_objects(trigger, {"with"})  # "provide the coast guard with a ship"
    return out


def _complements(trigger: Token) -> list[Token]:
    out = [c for c in trigger.children if c.dep_ in COMPLEMENT_DEPS]
    for c in trigger.children:  # "insist on meeting", "balk at committing"
        if c.dep_ == "prep":
            out += [g for g in c.children if g.dep_ == "pcomp"]
    return out


def _holds(cond: Condition, trigger: Token, index: ActorIndex, used: set[int]) -> bool:
    if cond.kind == "noobj":
        return not any(c.dep_ in ("dobj", "obj") for c in trigger.children)
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


def _pos(tok: Token) -> str | None:
    if tok.pos_ in ("VERB", "AUX"):
        return "V"
    if tok.pos_ in ("NOUN", "PROPN"):
        return "N"
    if tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "amod", "xcomp", "ROOT"):
        return "A"
    return None


def match(tok: Token, lexicon: Lexicon, index: ActorIndex) -> Match | None:
    """The first lexicon row whose conditions hold on this token."""
    pos = _pos(tok)
    if pos is None:
        return None
    for entry in lexicon.entries.get((_lemma(tok), pos), ()) or lexicon.entries.get(
        (tok.lower_, pos), ()
    ):
        if entry.particle and not any(
            c.dep_ in ("prt", "advmod", "prep") and c.lower_ == entry.particle for c in tok.children
        ):
            continue
        used: set[int] = set()
        if all(_holds(cond, tok, index, used) for cond in entry.needs):
            return Match(entry, tok, used)
    return None


def _complement_targets(comp: Token, index: ActorIndex, depth: int = 0) -> list[Party]:
    """Recipients inside a complement clause: its objects and argument prepositions."""
    for obj in [c for c in comp.children if c.dep_ in ("dobj", "dative")]:
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


def find_targets(m: Match, index: ActorIndex) -> list[Party]:
    """The recipient, trying the row's target places in order."""
    trigger = m.trigger
    holders = [trigger] + [c for c in trigger.children if c.dep_ in ("dobj", "attr")]
    for place in m.entry.target:
        found: list[Party] = []
        if place == "obj":
            for obj in _objects(trigger):
                if obj.dep_ == "compound" or (obj.i in m.used and not np_actors(obj, index)):
                    continue
                if obj.tag_ in ("WDT", "WP") and trigger.dep_ == "relcl":
                    obj = trigger.head  # "a country that Trump criticized"
                found = np_actors(obj, index)
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
        elif place in ("comp", "xcomp"):
            for comp in _complements(trigger):
                if place == "xcomp" and comp.dep_ != "xcomp":
                    continue  # "promised to send aid to X", not "promised that … to X"
                found = _complement_targets(comp, index)
                if found:
                    break
        if found:
            return found
    return []


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
    if len(code) != 3 or not code.isalpha() or code in NON_STATE:
        return party
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
        if tok.dep_ not in COMPLEMENT_DEPS or tok.head is tok:
            return False
        tok = tok.head
        if tok.i == head.i:
            return True
    return False


def _suppressed_by(m: Match, fired: list[Match]) -> bool:
    """A trigger inside a wrapping trigger's complement, or used by its conditions."""
    for other in fired:
        if other is m:
            continue
        if m.trigger.i in other.used:
            return True
        if "obligation" in other.entry.flags and m.trigger.i == other.trigger.head.i:
            return True  # "Iraq must cooperate": the demand, not the cooperation
        if "wrap" not in other.entry.flags:
            continue
        for comp in _complements(other.trigger) + _objects(other.trigger):
            if comp.dep_ == "nsubjpass":
                continue
            if m.trigger.i in {t.i for t in comp.subtree}:
                return True
    return False


def _event(
    m: Match,
    index: ActorIndex,
    lexicon: Lexicon,
    article: Article,
    dates: list[DateMention],
    lenient: bool = False,
    inner: list[Match] | None = None,
) -> Event | None:
    trigger, entry = m.trigger, m.entry
    is_noun = _pos(trigger) == "N"
    reciprocal = False
    targets: list[Party] = []
    if "obligation" in entry.flags:
        # "X said Y must …": X asks Y; the modal's clause subject is the recipient.
        subj = child(trigger.head, "nsubj", "nsubjpass")
        if subj is not None and subj.i < trigger.i:  # not "should Kim issue …" (a condition)
            reporter = index.reporter(subj)
        else:
            reporter = None
        source = [reporter] if reporter is not None else []
        targets = np_actors(subj, index) if subj is not None else []
        m = Match(entry, trigger.head, m.used | {trigger.i})
        trigger = m.trigger
    elif is_noun:
        source, reciprocal = noun_source(trigger, index, entry.event not in PLACE_NOUN_TYPES)
    elif _pos(trigger) == "A":
        source = verb_source(trigger.head, index) if trigger.dep_ != "ROOT" else []
        if trigger.dep_ == "amod":  # "a ready ally": the noun it describes
            source = np_actors(trigger.head, index)
    else:
        source = verb_source(trigger, index)
        if not source and is_passive(trigger) and "passsrc" in entry.flags:
            subj = child(trigger, "nsubjpass")
            source = np_actors(subj, index) if subj is not None else []
    source = [p for p in source if not p.is_news_outlet]
    if "nonstate" in entry.flags:
        source = [p for p in source if not _is_state(p)]
    if not source:
        return None
    if not targets and not reciprocal:
        targets = find_targets(m, index)
    if not targets and (reciprocal or (entry.symmetric and len({p.code for p in source}) > 1)):
        targets, reciprocal = list(source), True
    source_codes = {_state_code(p, index, entry.event, True).code for p in source}
    targets = [p for p in targets if not p.is_news_outlet]  # "told Fox News" informs
    if not reciprocal:
        targets = [
            p for p in targets if _state_code(p, index, entry.event, False).code not in source_codes
        ]
    if not targets and "untargeted" not in entry.flags and not lenient:
        return None

    intended = [o.entry.event for o in inner or []]
    coercive_intent = "intent" in entry.flags and bool(COERCIVE & set(intended))
    group = verb_group(trigger)
    if "obligation" in entry.flags:  # the modal states the demand, not a hypothesis
        group = VerbGroup(group.negated, group.future, False, group.pluperfect)
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

    dating = own_date(trigger, dates)
    date: DateValue | None = None
    date_text: str | None = None
    if dating is not None:
        date, date_text = dating.mention.date, dating.mention.text
        when = "past" if dating.recalled else relative_to(date, article.published)
        if aux is None and when == "past":
            aux = "historical"
        elif aux is None and when == "future":
            aux = "future"
    elif aux in (None, "future") and not has_since(trigger, dates):
        reported = report_date(trigger, dates)
        if reported is not None and relative_to(reported.date, article.published) != "past":
            date, date_text = reported.date, reported.text
        elif reported is None and article.published is not None:
            # Reported as happening now (or announced now): the publication day.
            date = DateValue(article.published.isoformat(), "day")

    mode, context = _mode_and_context(m, lexicon, event_type)
    if event_type != entry.event and not coercive_intent:
        context = list(entry.context)
    actors = [
        p if "nonstate" in entry.flags else _state_code(p, index, event_type, True) for p in source
    ]  # protesters named by a demonym are a people ("Kenyan farmers" → KEN), not a state
    recipients = [_state_code(p, index, event_type, reciprocal) for p in targets]
    if reciprocal:
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
        rule=entry.id,
        cameo=lexicon.cameo_code(event_type, mode),
    )


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


def merge_repeats(events: list[Event]) -> list[Event]:
    """One event per (type, participants, compatible date, aux) within an article: the
    first statement is kept and takes a date a later one supplies."""
    kept: list[Event] = []
    for ev in events:
        codes = frozenset(a.code for a in ev.actor) | frozenset(r.code for r in ev.recipient)
        for old in kept:
            old_codes = frozenset(a.code for a in old.actor) | frozenset(
                r.code for r in old.recipient
            )
            if (
                old.event == ev.event
                and old_codes == codes
                and old.aux == ev.aux
                and _compatible(old.date, ev.date)
            ):
                if old.date is None and ev.date is not None:
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
    lenient: bool = False,
) -> list[Event]:
    """Every PLOVER event the body states, in text order.

    Most lexicon rows code an event only when a recipient is found (an event without one
    rarely helps an analyst and is often a misparse), and only mentions with a code take
    part. ``lenient`` keeps events without a recipient and lets uncoded mentions (a name the
    actor stage could not code) take part, for sentence-level evaluation of the type alone.
    """
    if not mentions:
        return []
    lexicon = lexicon or load_lexicon()
    index = ActorIndex(doc, mentions, quotes, uncoded=lenient)
    lemmas = lexicon.lemmas
    events: list[Event] = []
    for sent in doc.sents:
        candidates = [t for t in sent if t.lemma_.lower() in lemmas or t.lower_ in lemmas]
        if not candidates or not (index.in_sentence(sent) or index.may_refer(sent)):
            continue
        fired = [m for t in candidates if (m := match(t, lexicon, index)) is not None]
        for m in fired:
            if _suppressed_by(m, fired):
                continue
            inner = [o for o in fired if _governed_by(o.trigger, m.trigger)]
            ev = _event(m, index, lexicon, article, dates, lenient, inner)
            if ev is not None:
                events.append(ev)
    return merge_repeats(events)


__all__ = ["code_events", "match", "merge_repeats"]
