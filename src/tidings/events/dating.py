"""When an event happened: the date expression of its own clause, else its context's.

A date attaches to an event when it sits in the trigger's clause (not inside a nested clause
with its own verb, nor behind a preposition that places the event relative to another one:
"following yesterday's drills", nor modifying another noun, whose event it dates: "denied
its involvement in a September attack") or, for a nominal event, inside its noun phrase
("Putin's September invitation", "Sunday's phone call"). "first talk … since May 2022" dates the
earlier talk it recalls; a "when" clause dates the act it frames ("When the talks began
Thursday, Kerry rejected …"). An act without a date of its own shares the date of the clause
it belongs to (``shared_date``: a conjoined verb, a participle clause, an eventive noun
subject); an announced act is dated by its deadline ("by the end of August": ``deadline``),
never by its announcement. A current act may borrow the date of the reporting clause
("Washington said on Wednesday …"), of a quotation's attribution in another sentence, or of
the article's news as its lede gives it (``news_day``); an act placed at some
vague earlier time ("recently": ``vaguely_past``) takes none.

Measured on 300 blind date labels of corpus events (``scripts/event_date_sample.py score``)
and the gold files' dates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from tidings.model import DateMention, DateValue, Paragraph, Quote

# A dated event this many days before publication is one the article recalls.
HISTORICAL_DAYS = 7
# How far below the trigger a date may sit and still date it ("spoke … for the first time
# … on Sunday" is four hops).
MAX_HOPS = 4
NESTED = frozenset({"ccomp", "advcl", "relcl", "acl", "parataxis", "csubj", "conj"})
RECALL_MODIFIERS = frozenset({"first", "last", "previous"})


@dataclass(frozen=True, slots=True)
class Dating:
    mention: DateMention
    recalled: bool  # a "first … since DATE" date: the earlier event, historical


def clause_tokens(trigger: Token) -> set[int]:
    """Token indices of the trigger's own clause (nested clauses excluded)."""
    out: set[int] = set()
    stack = [trigger]
    while stack:
        tok = stack.pop()
        out.add(tok.i)
        for c in tok.children:
            if c.dep_ in NESTED and c.pos_ in ("VERB", "AUX"):
                continue
            if c.dep_ == "relcl":
                continue
            stack.append(c)
    return out


def _distance(tok: Token, trigger: Token) -> int:
    """Dependency hops from ``tok`` up to ``trigger`` (99 when it is not below it)."""
    hops = 0
    while tok.i != trigger.i:
        if tok.head.i == tok.i or hops > 12:
            return 99
        tok, hops = tok.head, hops + 1
    return hops


# Prepositions that place the event relative to another one ("following yesterday's drills",
# "ahead of Sunday's vote"): a date inside them is the other event's.
RELATIVE_PREPS = frozenset({"following", "after", "before", "ahead", "prior", "since", "until"})


def _relative_to_other(span: Span, trigger: Token) -> bool:
    """Whether a preposition of ``RELATIVE_PREPS`` outside the date's own words lies between
    the date and the trigger."""
    tok = span.root
    for _ in range(12):
        if tok.i == trigger.i or tok.head.i == tok.i:
            return False
        tok = tok.head
        if (
            tok.i != trigger.i
            and not span.start <= tok.i < span.end
            and (tok.lower_ in RELATIVE_PREPS and tok.dep_ in ("prep", "advmod", "mark"))
        ):
            return True
    return False


# How a date modifies a noun it names the time of ("yesterday's drills", "a September
# attack", "the 2012 meeting"): that noun's event, not the clause's.
NOUN_MODIFIERS = frozenset({"poss", "compound", "amod", "nmod", "nummod"})
# Nouns a date modifies to name a time, not another event ("Monday night", "the 2012 season").
TIME_NOUNS = frozenset(
    "morning afternoon evening night day week weekend month year season time period "
    "quarter term session decade century anniversary".split()
)


def _names_other_noun(span: Span, trigger: Token) -> bool:
    """Whether the date modifies a noun other than the trigger ("following yesterday's
    drills", "denied its involvement in a September attack"): it dates that noun's event.
    The trigger's direct object is an exception: a reaction to "Friday's announcement"
    ("ripped Friday's announcement") is told as that day's news."""
    root = span.root
    head = root.head
    if head.i == root.i or head.i == trigger.i or span.start <= head.i < span.end:
        return False
    if head.dep_ == "dobj" and head.head.i == trigger.i:
        return False
    return (
        root.dep_ in NOUN_MODIFIERS
        and head.pos_ in ("NOUN", "PROPN")
        and head.lemma_.lower() not in TIME_NOUNS
    )


def _mentions_in(tokens: set[int], trigger: Token, dates: list[DateMention]) -> list[DateMention]:
    doc = trigger.doc
    sent = trigger.sent
    out = []
    for d in dates:
        if d.end <= sent.start_char or d.start >= sent.end_char:
            continue
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is None or not any(t.i in tokens for t in span):
            continue
        # A date deep inside an argument dates that argument ("his role in the release of
        # files in 2010"), not the event; so does one another event's preposition governs.
        if (
            min(_distance(t, trigger) for t in span) <= MAX_HOPS
            and not _relative_to_other(span, trigger)
            and not _names_other_noun(span, trigger)
        ):
            out.append(d)
    return out


def own_date(trigger: Token, dates: list[DateMention]) -> Dating | None:
    """The date stated in the trigger's clause or noun phrase."""
    found = _mentions_in(clause_tokens(trigger), trigger, dates)
    at = [d for d in found if d.relation == "at" and d.date.value]
    if at:
        return Dating(at[0], False)
    during = _simultaneous_date(trigger, dates)
    if during is not None:
        return Dating(during, False)
    recalls = trigger.pos_ in ("NOUN", "PROPN") and any(
        c.lower_ in RECALL_MODIFIERS for c in trigger.children
    )
    since = [d for d in found if d.relation == "since" and d.date.value]
    if since and recalls:
        return Dating(since[0], True)
    if trigger.pos_ in ("NOUN", "PROPN"):
        return _scheduled_date(trigger, dates)
    return None


def _host(trigger: Token) -> Token | None:
    """The verb whose clause the act is part of: the dated verb it is conjoined to with
    their one subject, that its participle clause hangs on (directly or through the
    verb's object), or whose past tense the eventive noun is the subject of."""
    head = trigger.head
    if head.i == trigger.i:
        return None
    if trigger.pos_ in ("NOUN", "PROPN"):
        # only a past verb tells what the act did ("the tariffs would cut GDP through 2029"
        # dates the cut)
        told = trigger.dep_ in ("nsubj", "nsubjpass") and head.tag_ == "VBD"
        return head if told else None
    if trigger.dep_ == "conj":
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children)
        return None if own_subject else head
    if trigger.tag_ == "VBG" and trigger.dep_ in ("advcl", "acl"):
        if head.pos_ in ("NOUN", "PROPN") and head.dep_ == "dobj":
            head = head.head
        return head
    return None


def shared_date(trigger: Token, dates: list[DateMention]) -> Dating | None:
    """For an act without a date of its own, the date of the clause it is part of: a verb
    conjoined to a dated one ("Gadhafi surrendered his WMD in 2004 and opened up his
    production facilities"), a participle clause ("Iran signed a deal in 2015 accepting
    strict curbs"), an eventive noun subject ("In January, a Taliban attack on a Kabul
    restaurant killed more than a dozen people")."""
    host = _host(trigger)
    if host is None or host.pos_ not in ("VERB", "AUX"):
        return None
    return own_date(host, dates)


# Marks of an adverbial clause that happens at the same time as its main clause.
SIMULTANEOUS_MARKS = frozenset({"when", "as", "while"})


def _simultaneous_date(trigger: Token, dates: list[DateMention]) -> DateMention | None:
    """The date of a "when" clause the act happens in ("When the chemical weapons talks
    began Thursday, Kerry bluntly rejected a Syrian pledge": Thursday)."""
    for c in trigger.children:
        if c.dep_ != "advcl" or not any(
            m.dep_ in ("mark", "advmod") and m.lower_ in SIMULTANEOUS_MARKS for m in c.children
        ):
            continue
        found = _mentions_in(clause_tokens(c), c, dates)
        at = [d for d in found if d.relation == "at" and d.date.value]
        if at:
            return at[0]
    return None


# Verbs of a relative clause that say when the event it describes happens ("the visit, which
# is expected to take place between October 11 and 13", "talks scheduled for Monday").
SCHEDULING = frozenset(
    "take hold schedule expect set plan due happen occur begin start slate convene".split()
)


def _scheduled_date(noun: Token, dates: list[DateMention]) -> Dating | None:
    # The parser often hangs the clause on the noun's last word ("visit to India, which …").
    holders = [noun] + [g for c in noun.children if c.dep_ == "prep" for g in c.children]
    for c in (c for h in holders for c in h.children):
        if c.dep_ not in ("relcl", "acl"):
            continue
        chain = [c] + [t for t in c.subtree if t.dep_ == "xcomp" and t.head.i == c.i]
        if not any(t.lemma_.lower() in SCHEDULING for t in chain):
            continue
        for verb in chain:
            found = _mentions_in(clause_tokens(verb), verb, dates)
            at = [d for d in found if d.relation == "at" and d.date.value]
            if at:
                return Dating(at[0], False)
    return None


def deadline(trigger: Token, dates: list[DateMention]) -> DateMention | None:
    """A "by" date in the trigger's clause: when an announced act is to be done ("would
    impose fresh sanctions by the end of August": 2018-08; "plans to disband the caravan by
    Wednesday"), which the gold files take as its date."""
    found = _mentions_in(clause_tokens(trigger), trigger, dates)
    for d in found:
        if d.relation == "until" and d.text.lower().startswith("by ") and d.date.value:
            return d
    return None


def has_since(trigger: Token, dates: list[DateMention]) -> bool:
    """Whether the clause states an ongoing span ("since 2014", "for two years"); a deadline
    ("by the end of August") is not one."""
    found = _mentions_in(clause_tokens(trigger), trigger, dates)
    return any(d.relation in ("since", "duration") for d in found) or any(
        c.lower_ == "since" and c.dep_ == "prep" for c in trigger.children
    )


def report_date(trigger: Token, dates: list[DateMention]) -> DateMention | None:
    """The date of the reporting clause that governs this one ("said on Wednesday")."""
    tok = trigger
    for _ in range(4):
        if tok.dep_ not in ("ccomp", "xcomp", "conj", "advcl") or tok.head.i == tok.i:
            return None
        tok = tok.head
        found = _mentions_in(clause_tokens(tok), tok, dates)
        at = [d for d in found if d.relation == "at" and d.date.value]
        if at:
            return at[0]
    return None


# Heads whose infinitive complement is an ongoing wish or activity, not a dated act
# ("continue to look into", "want to meet").
ONGOING_HEADS = frozenset({"continue", "keep", "want", "wish", "like", "remain"})
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
TEMPORAL_MARKS = frozenset({"when", "before", "after", "once", "until", "as", "while"})


def _finite_verb(trigger: Token) -> Token | None:
    """The verb whose tense places the event: the trigger or the top of its infinitive
    chain ("wants to meet")."""
    tok = trigger
    for _ in range(4):
        if tok.dep_ != "xcomp" or tok.head.i == tok.i:
            break
        tok = tok.head
    return tok if tok.pos_ in ("VERB", "AUX") else None


def _auxes(verb: Token) -> list[Token]:
    """The verb's auxiliaries; a conjoined verb without its own subject and auxiliaries
    shares its head's ("have drawn condemnation … and prompted Tillerson to confer": a
    present perfect too)."""
    own = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if own or verb.dep_ != "conj" or any(c.dep_.startswith("nsubj") for c in verb.children):
        return own
    return [c for c in verb.head.children if c.dep_ in ("aux", "auxpass")]


def state_kind(trigger: Token) -> str | None:
    """How the clause states an ongoing state or stance rather than a punctual act, or None
    for an act: "ongoing" (a head such as "continue to look into"; "ongoing-past" for
    "continued to blame", which a report tells as that day's act), "nominal" ("Russia's
    incursion"), "participle" ("criticizing Russia"), "reduced-relative" ("the sanctions
    imposed on Russia"), "present-perfect" ("has urged"), "progressive" (present
    progressive or passive: "is seeking", "is opposed to") or "present" ("Iran denies")."""
    tok = trigger
    for _ in range(4):
        if tok.lemma_.lower() in ONGOING_HEADS and tok is not trigger:
            # "continued to blame" in a report's past tense tells what was said that day
            return "ongoing-past" if tok.tag_ == "VBD" else "ongoing"
        if tok.dep_ != "xcomp" or tok.head.i == tok.i:
            break
        tok = tok.head
    if trigger.pos_ in ("NOUN", "PROPN"):
        return "nominal"  # "Russia's incursion", "his insistence that …": named, not placed
    if trigger.tag_ == "VBG" and not any(c.dep_ in ("aux", "auxpass") for c in trigger.children):
        return "participle"  # "criticizing Russia", "Pakistan asking China"
    if trigger.tag_ == "VBN" and trigger.dep_ == "acl":
        return "reduced-relative"  # "the sanctions imposed on Russia"
    verb = _finite_verb(trigger)
    if verb is None:
        return None
    auxes = _auxes(verb)
    if any(a.lower_ in ("will", "wo", "shall", "'ll") or a.tag_ == "MD" for a in auxes):
        return None
    if any(a.lemma_ == "have" and a.tag_ in PRESENT_TAGS for a in auxes):
        return "present-perfect"
    if verb.tag_ in ("VBG", "VBN") and any(
        a.lemma_ == "be" and a.tag_ in PRESENT_TAGS for a in auxes
    ):
        return "progressive"
    if any(c.dep_ in ("mark", "advmod") and c.lower_ in TEMPORAL_MARKS for c in verb.children):
        return None  # "when he meets X": a present standing for a coming act
    return "present" if verb.tag_ in PRESENT_TAGS and not auxes else None


def stated_as_state(trigger: Token) -> bool:
    """Whether the clause states an ongoing state or stance rather than a punctual act
    (``state_kind``): the present simple ("Iran denies", "Russia wants"), the present
    perfect ("has urged"), the present progressive or passive ("is seeking", "is opposed
    to"), an ongoing head ("continue to look into"), a participle clause, or a nominal
    event ("Russia's incursion"). Outside the lede such events take no publication day: the
    text does not say when they happened (the gold files leave them undated)."""
    return state_kind(trigger) is not None


def _content_clause(trigger: Token) -> bool:
    """Whether the clause is the content of a report ("the Kremlin said the leaders
    agreed …"): a reported act is the news of the report, not an undated aside."""
    tok = trigger
    for _ in range(6):
        if tok.dep_ == "ccomp":
            # "it is not clear that …", "it's unlikely that …" judge; they report nothing
            return tok.head.pos_ == "VERB"
        if tok.head.i == tok.i or tok.dep_ in ("relcl", "acl"):
            return False  # a relative clause describes a noun of the sentence
        tok = tok.head
    return False


def narrated_past(trigger: Token) -> bool:
    """Whether the clause narrates a past act in the simple past, active or passive, with
    no date of its own ("the ambassador accused the UK …", "officers were charged"): the
    text places it in the past but does not say when, so it takes no publication day."""
    if trigger.pos_ not in ("VERB", "AUX") or _content_clause(trigger):
        return False
    verb = _finite_verb(trigger)
    if verb is None:
        return False
    auxes = _auxes(verb)
    if verb.tag_ == "VBN" and [a.tag_ for a in auxes] == ["VBD"] and auxes[0].lemma_ == "be":
        return True  # the simple past passive ("were charged by a grand jury")
    return verb.tag_ == "VBD" and not auxes


# Adverbs that place an act at some undefined earlier time ("He recently addressed the
# Security Council", "Turkey ultimately allowed Iraqi Kurdish fighters to transit").
VAGUE_PAST = frozenset(
    "recently previously earlier later subsequently once ultimately eventually formerly "
    "lately".split()
)


def vaguely_past(trigger: Token) -> bool:
    """Whether the clause says its act happened at some earlier time it does not give: the
    act is then no news of the day."""
    verb = _finite_verb(trigger) or trigger
    return any(
        c.dep_ == "advmod" and c.lower_ in VAGUE_PAST for c in (*verb.children, *trigger.children)
    )


# Heads whose infinitive complement is an act wanted, planned, asked for or threatened, not
# one done ("pressing Twitter to deplatform", "threats to murder Pope Francis").
UNREALISED_HEADS = frozenset(
    "plan hope intend vow pledge promise threaten threat seek aim prepare ask urge press push "
    "pressure call demand request plea appeal effort attempt bid".split()
)


def unrealised(trigger: Token) -> bool:
    """Whether the act is the infinitive complement of a head that wants, plans, asks for
    or threatens it: it has not been done, so no day of the news dates it."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
        return False
    complement = trigger.dep_ in ("xcomp", "ccomp", "acl", "advcl")  # the parse varies
    return complement and trigger.head.lemma_.lower() in UNREALISED_HEADS


# Verbs that attribute a quotation to its speaker ("…,” Geng Shuang said on Tuesday).
REPORTING = frozenset({"say", "tell", "announce", "state", "add", "declare", "write"})


def attribution_date(
    trigger: Token, quotes: Sequence[Quote], dates: list[DateMention]
) -> DateMention | None:
    """The date of the attribution of the quotation the clause sits in, when that
    attribution lies in another sentence ("“We call on India and Pakistan to engage in
    dialogue. This is in line with interest of both countries,” Geng Shuang said on
    Tuesday."): a speaker's words are dated by when they were said."""
    doc, sent = trigger.doc, trigger.sent
    for q in quotes:
        if not q.start <= trigger.idx < q.end or q.speaker_start is None:
            continue
        if q.speaker_end is None or sent.start_char <= q.speaker_start < sent.end_char:
            continue  # attributed in the clause's own sentence: its report dates it
        span = doc.char_span(q.speaker_start, q.speaker_end, alignment_mode="expand")
        if span is None:
            continue
        cue = span.root.head if span.root.dep_ in ("nsubj", "nsubjpass") else None
        if cue is None or cue.lemma_.lower() not in REPORTING:
            continue
        found = _mentions_in(clause_tokens(cue), cue, dates)
        at = [d for d in found if d.relation == "at" and d.date.value]
        if at:
            return at[0]
    return None


CONTINUING_SUBJECTS = frozenset({"he", "she", "they"})


def continued_date(trigger: Token, dates: list[DateMention]) -> DateMention | None:
    """The date of the previous sentence's main clause when this clause continues its
    narrative with a pronoun subject in the same paragraph ("Esper on Wednesday accused
    China … He urged Vietnam …": the urging is Wednesday's too)."""
    verb = _finite_verb(trigger) or trigger
    if not any(c.dep_ == "nsubj" and c.lower_ in CONTINUING_SUBJECTS for c in verb.children):
        return None
    doc, sent = trigger.doc, trigger.sent
    if sent.start == 0:
        return None
    previous = doc[sent.start - 1].sent
    if "\n" in doc[previous.start : sent.start].text_with_ws:
        return None  # a new paragraph starts a new scene
    root = previous.root
    if root.tag_ != "VBD":
        return None  # only a dated act carries its day forward, not a description
    doc_dates = [d for d in _mentions_in(clause_tokens(root), root, dates) if d.relation == "at"]
    for d in doc_dates:
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if d.date.value and span is not None and min(_distance(t, root) for t in span) <= 2:
            return d
    return None


# The lede: the first paragraphs of the body (a caption or dateline line counts as one),
# which report the article's news.
LEDE_PARAGRAPHS = 4
# How many days before publication the lede's news may lie and still be the news the
# article reports (a Saturday summit in Monday's paper, "yesterday" in a morning paper).
NEWS_WINDOW_DAYS = 3


def _dates_other_event(doc: Doc, d: DateMention) -> bool:
    """Whether the date sits behind a preposition placing another event before or after
    the news ("following yesterday's drills"): not the day of the news. A date naming the
    time of a noun is kept: the lede's "Saturday's killing" is the day its reactions are
    news."""
    span = doc.char_span(d.start, d.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return any(
        t.lower_ in RELATIVE_PREPS and t.dep_ in ("prep", "advmod", "mark") for t in root.ancestors
    )


def news_day(
    paragraphs: Sequence[Paragraph],
    dates: list[DateMention],
    published: dt.date | None,
    doc: Doc | None = None,
) -> DateMention | None:
    """The day the lede gives for the article's news: the first day-precision date in the
    first ``LEDE_PARAGRAPHS`` paragraphs that falls on the publication day or up to
    ``NEWS_WINDOW_DAYS`` before it ("said on Saturday", "the agreement announced
    Saturday"), passing over, when the parse ``doc`` is given, a date of another event
    ("North Korea has threatened the United States, yet again, following yesterday's
    American led B-2 stealth bomber drills": the threat is the day's news, not the drills').
    None when the lede dates nothing recent: its acts are then not placed."""
    if published is None or not paragraphs:
        return None
    lede_end = paragraphs[min(LEDE_PARAGRAPHS, len(paragraphs)) - 1].end
    for d in sorted(dates, key=lambda d: d.start):
        if d.start >= lede_end:
            break
        if d.relation != "at" or d.date.precision != "day" or not d.date.value:
            continue
        if doc is not None and _dates_other_event(doc, d):
            continue
        day = d.date.first_day()
        if day is not None and dt.timedelta(0) <= published - day <= dt.timedelta(
            days=NEWS_WINDOW_DAYS
        ):
            return d
    return None


def in_lede(tok: Token, paragraphs: Sequence[Paragraph]) -> bool:
    """Whether the token sits in the lede's first ``LEDE_PARAGRAPHS`` paragraphs."""
    if not paragraphs:
        return True
    return tok.idx < paragraphs[min(LEDE_PARAGRAPHS, len(paragraphs)) - 1].end


def relative_to(value: DateValue, published: dt.date | None) -> str | None:
    """Say "past" when the value ends well before publication, "future" when it starts
    after it, None otherwise."""
    if published is None or not value.value:
        return None
    first, last = value.first_day(), value.last_day()
    if last is not None and last < published - dt.timedelta(days=HISTORICAL_DAYS):
        return "past"
    if first is not None and first > published:
        return "future"
    return None


def within_days(value: DateValue, published: dt.date | None) -> bool:
    """Whether the value is a day or a week within ``HISTORICAL_DAYS`` before publication
    (or on it): an act so dated is the news of the days the article reports, whatever its
    tense ("Congress had asked for the memos earlier this week", "had called on Trump on
    Thursday"); a month or a year holding publication ("earlier this year") says less."""
    if published is None or not value.value or value.precision not in ("day", "week"):
        return False
    first, last = value.first_day(), value.last_day()
    return (
        first is not None
        and last is not None
        and first >= published - dt.timedelta(days=HISTORICAL_DAYS)
        and last <= published
    )


__all__ = [
    "Dating",
    "attribution_date",
    "clause_tokens",
    "continued_date",
    "deadline",
    "has_since",
    "in_lede",
    "news_day",
    "own_date",
    "narrated_past",
    "relative_to",
    "report_date",
    "shared_date",
    "state_kind",
    "stated_as_state",
    "unrealised",
    "vaguely_past",
    "within_days",
]
