"""An event's people coded by the office they held on the event's date.

The actors stage codes a person by their standing at publication, as the gold conventions
ask of an article's actors; an event's party is coded by the office held on the event's
date, and a former official is ELI of their country (``../shared/gold/README.md``). In an
article of 2018, "In 2010, President Barack Obama sent National Guard troops to the border"
is USAGOV's act although the article's Obama is USAELI; in 2025, when Donald Trump governs
again, his acts of mid-2022 are a former official's (USAELI).

Only people the built-in gazetteer knows with dated offices are recoded, and only when the
actors stage gave them the gazetteer's standing at publication: a code the article's own
words gave ("then-Secretary of State Hillary Clinton", a title or an apposition) is what the
text says and stays. The day is the event's date when it ends well before publication
(``dating.relative_to``); an undated event the article recalls (aux "historical") takes the
past date written nearest its trigger in its sentence ("In 2014 President Obama attempted to
cover Bergdahl …, even inviting his parents to the Rose Garden"), else the last such date
of the sentences before it in its paragraph (``narrative_period``: "In 2014, President Obama
accused Russia of breaching the INF treaty. He reportedly chose not to withdraw …"). Either
date must state its
year ("Sept. 28" put in the past may be an upcoming day misread) and, on the parse, be said
of the act, not of a clause describing a participant or of a noun ("discussed the Geneva
communique from the 2012 meeting"). A current or announced event keeps the publication
standing, so does a conditional one without a past date of its own (one with it is what
might have been done then: "Clinton's similar criticism of Barack Obama in 2008", asked
"whether" it compares, was a senator's), and so does a date before the person's
first known office (what they were then is unknown). A month or a year is read at its
middle day. A recoded event's rule id ends in ``+office-then``, so that a user sees why its
code differs from the article's actor.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from spacy.tokens import Token

from tidings.actors.gazetteer import known_person, load_gazetteer
from tidings.events.arguments import Party
from tidings.events.dating import relative_to
from tidings.model import DateMention, DateValue

STANDING_RULE = "+office-then"
# Dependencies of a clause or phrase that describes a participant rather than the act.
DESCRIBING = frozenset({"relcl", "acl", "appos", "parataxis"})
# A date expression that states its year ("in 2014", "June 2012", "two years ago", "the
# 1990s"): one without ("Sept. 28", "on Monday") that the dates stage placed in the past may
# be an upcoming day misread, and offices rarely change within its few months.
YEARS = re.compile(r"\b(1[89]|20)\d\d\b|\b\d0s\b|\byears?\b|\bdecades?\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Period:
    """The days an event's date covers, read at its middle day."""

    first: dt.date
    last: dt.date

    @property
    def day(self) -> dt.date:
        return self.first + (self.last - self.first) / 2


def _past(value: DateValue, published: dt.date) -> Period | None:
    """The value's days when they end well before publication, else None."""
    if relative_to(value, published) != "past":
        return None
    first, last = value.first_day(), value.last_day()
    if first is None or last is None or last < first:
        return None
    return Period(first, last)


def event_period(
    date: DateValue | None,
    date_text: str | None,
    aux: str | None,
    trigger: Token,
    dates: list[DateMention],
    published: dt.date | None,
) -> Period | None:
    """The past period an event's parties are coded at, or None to keep their standing at
    publication. ``date_text`` is the expression that dated the event."""
    if published is None or aux == "future" or (aux == "hypothetical" and date is None):
        return None
    sent = trigger.sent
    in_sentence = [d for d in dates if sent.start_char <= d.start < sent.end_char]
    if date is not None:
        period = _past(date, published)
        if period is None or date_text is None:
            return period
        said = [d for d in in_sentence if d.text == date_text]
        if not YEARS.search(date_text) or (
            said and not _of_the_act(trigger, min(said, key=lambda d: abs(d.start - trigger.idx)))
        ):
            return None
        return period
    if aux != "historical":
        return None
    written = [
        (abs(d.start - trigger.idx), period)
        for d in in_sentence
        if d.date is not None
        and YEARS.search(d.text)
        and (period := _past(d.date, published)) is not None
        and _of_the_act(trigger, d)
    ]
    if written:
        return min(written, key=lambda pair: pair[0])[1]
    if any(YEARS.search(d.text) for d in in_sentence):
        return None  # the sentence's own years are another thing's: so may the passage's be
    return narrative_period(trigger, dates, published)


# How many sentences before a recalled act its paragraph's narrative date may stand.
NARRATIVE_SENTENCES = 3


def narrative_period(trigger: Token, dates: list[DateMention], published: dt.date) -> Period | None:
    """The period of the passage a recalled act without a date of its own belongs to: the
    last year-stating past date of the sentences before it in its paragraph ("In 2014,
    Obama traded five Taliban detainees for Bergdahl. He met the soldier's parents at the
    White House": 2014), read only within ``NARRATIVE_SENTENCES`` sentences and never
    across a paragraph break, where a new scene may start, and only when it is the date of
    the act its own sentence tells (``_of_the_act`` of that sentence's root); none when the
    act's sentence writes a year of its own that is not the act's."""
    doc, sent = trigger.doc, trigger.sent
    start = sent
    for _ in range(NARRATIVE_SENTENCES):
        if start.start == 0:
            break
        previous = doc[start.start - 1].sent
        if "\n" in doc[previous.start : start.start + 1].text_with_ws:
            break  # a paragraph break: not the same passage
        start = previous
    if start.start == sent.start:
        return None
    before = [
        d
        for d in dates
        if start.start_char <= d.start < sent.start_char
        and d.date is not None
        and d.relation == "at"
        and YEARS.search(d.text)
    ]
    for d in sorted(before, key=lambda d: -d.start):
        period = _past(d.date, published)
        if period is None:
            return None  # the passage's last date is recent: the act is no older
        # the date of the act its sentence tells, not of a noun or a clause describing a
        # participant there ("Russian meddling in the 2016 election")
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        return period if _of_the_act(span.sent.root, d) else None
    return None


def _of_the_act(trigger: Token, mention: DateMention) -> bool:
    """Whether the date is said of the trigger's act: on the parse, neither it nor the
    trigger lies in a clause or apposition describing something else below where their
    paths meet ("Mr. Kerry — the former senator, who voted to authorize the Iraq war in
    2003 — imploring his ex-colleagues": 2003 is not when he implored), and the date
    modifies no noun on its way there ("discussed the Geneva communique from the 2012
    meeting")."""
    span = trigger.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    trigger_chain = [trigger, *trigger.ancestors]
    date_chain = [span.root, *span.root.ancestors]
    over_trigger = {t.i for t in trigger_chain}
    meet = next((t.i for t in date_chain if t.i in over_trigger), None)
    if meet is None:
        return False
    below = [t for chain in (trigger_chain, date_chain) for t in chain[: _at(chain, meet)]]
    if any(t.dep_ in DESCRIBING for t in below):
        return False
    owners = date_chain[1 : _at(date_chain, meet) + 1]
    return not any(_names_a_thing(t) for t in owners if t is not trigger)


def _names_a_thing(tok: Token) -> bool:
    """A common noun the date would describe: an argument ("discussed the 2012 meeting") or
    the object of a noun's preposition ("the communique from the 2012 meeting"), not a
    time frame of the act ("During the same 2018 trip, Perry had a private meeting"). Only
    common nouns: the parse hangs a sentence-initial year on a title ("In 2014 President
    Obama attempted …": 2014 → President)."""
    if tok.pos_ != "NOUN":
        return False
    if tok.dep_ == "npadvmod":
        return False
    return tok.dep_ != "pobj" or tok.head.head.pos_ in ("NOUN", "PROPN")


def _at(chain: list[Token], i: int) -> int:
    return next(k for k, t in enumerate(chain) if t.i == i)


def party_then(party: Party, period: Period, published: dt.date) -> Party:
    """The party as coded on the period's day: a gazetteer person the actors stage coded by
    their standing at publication takes the office held then, ELI of its country when none
    was held then but one was before (``Person.actor_on``); anyone else is kept."""
    person = known_person(party.name)
    if person is None or not person.offices:
        return party
    day = period.day
    if not any(o.start is None or o.start <= day for o in person.offices):
        return party  # before their first known office
    countries = load_gazetteer().countries
    if person.actor_on(published, countries).code != party.code:
        return party  # the article's words coded them
    code = person.actor_on(day, countries).code
    return party if code == party.code else replace(party, code=code)


def parties_then(
    parties: list[Party], period: Period | None, published: dt.date | None
) -> tuple[list[Party], bool]:
    """The parties as coded on the period's day, and whether any code changed."""
    if period is None or published is None:
        return parties, False
    recoded = [party_then(p, period, published) for p in parties]
    return recoded, any(a.code != b.code for a, b in zip(parties, recoded, strict=True))


__all__ = [
    "STANDING_RULE", "Period", "event_period", "narrative_period", "party_then", "parties_then",
]  # fmt: skip
