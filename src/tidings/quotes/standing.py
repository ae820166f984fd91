"""A speaker coded by the office held when the words were said, not at publication.

The gold conventions code a person by their standing on the date of the words
(``../shared/gold/README.md``). The actors stage codes people at publication, which is the
date of most quotations; but an article may quote words it dates in the past: "“That's how
we became America,” Obama said at Rutgers University in 2016" in a 2019 article is a
president's (USAGOV), not a former president's; "Last year, as a Republican presidential
candidate, Trump called Bergdahl “a no-good traitor”" is the candidate's (USAPOL).

Only a speaker the built-in gazetteer knows with dated offices is recoded, and only when the
quote carries the gazetteer's standing at publication: a code the article's words gave
("then-Secretary of State Hillary Clinton", an apposition) is what the text says and stays.
The date must be said of the act of saying: a date expression (the dates stage's grammar,
resolved against publication) outside every quotation, in the sentence that names the
speaker, hanging on the speaker's verb without a clause that describes someone or something
else in between ("said at Rutgers in 2016", "Last year, … Trump called", "During a trip to
Beijing in September, Mr. Tillerson said"). It must end well before publication (offices
rarely change within weeks) and fall within the person's known offices or after them (what
they were before their first known office is unknown). The day read is the middle of what
the expression covers.

A title before the speaker's name that names an office the person held before and not on
the article's date witnesses it as well: "As President Ronald Reagan said, “We cannot play
innocents abroad”" (2012) is the president's (USAGOV); "former President Jimmy Carter" is
not. The actors stage keeps such a mention at the person's standing at publication, as the
gold conventions code an article's actors.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from spacy.tokens import Doc, Token

from tidings.actors.fold import fold
from tidings.actors.gazetteer import Office, Person, known_person, load_gazetteer
from tidings.actors.offices import office_titled
from tidings.dates import mentions_against
from tidings.model import ActorRef, Article, DateMention, Quote

# Dependencies of a clause or phrase that describes a participant rather than the act.
_DESCRIBING = frozenset({"relcl", "acl", "appos", "parataxis", "ccomp", "xcomp", "advcl"})
# Words that make a title a past one: the gazetteer's ELI already says so.
_FORMER = frozenset({"former", "ex", "ex-", "retired", "late"})
# How far before a name a title is read: characters, then words.
_TITLE_REACH = 60
_TITLE_WORDS = 4
# Days a date must end before publication to be read as another standing's.
_WELL_BEFORE = dt.timedelta(days=60)


def _said_of(date: Token, verb: Token) -> bool:
    """The date token hangs on ``verb`` through prepositions and nouns only."""
    token = date
    while token.i != verb.i:
        if token.dep_ in _DESCRIBING or token.head.i == token.i:
            return False
        token = token.head
    return True


def _verb_of(doc: Doc, start: int, end: int) -> Token | None:
    """The verb the speaker named at [start, end) is the subject of."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    head = span.root.head
    return head if head.pos_ in ("VERB", "AUX") and span.root.dep_.startswith("nsubj") else None


def _day_said(doc: Doc, quote: Quote, dates: list[DateMention], quoted: list[tuple[int, int]],
              published: dt.date) -> dt.date | None:  # fmt: skip
    """The middle day of a past date said of the speaker's verb, or None."""
    if quote.speaker_start is None or quote.speaker_end is None:
        return None
    verb = _verb_of(doc, quote.speaker_start, quote.speaker_end)
    if verb is None:
        return None
    sent = verb.sent
    for mention in dates:
        if not sent.start_char <= mention.start < sent.end_char or mention.relation != "at":
            continue
        if any(lo <= mention.start < hi for lo, hi in quoted):
            continue
        first, last = mention.date.first_day(), mention.date.last_day()
        if first is None or last is None or last < first or last > published - _WELL_BEFORE:
            continue
        words = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if words is None or not _said_of(words.root, verb):
            continue
        return first + (last - first) / 2
    return None


def _titled_office(body: str, quote: Quote, person: Person, published: dt.date) -> Office | None:
    """The past office a title right before the speaker's name names ("President Ronald
    Reagan"), unless the words call it former."""
    if quote.speaker_start is None or quote.speaker_end is None:
        return None
    surnames = {w for name in (person.name, *person.surnames) for w in fold(name).split()}
    named = fold(body[quote.speaker_start : quote.speaker_end]).split()
    inside = named[: next((k for k, w in enumerate(named) if w in surnames), len(named))]
    if inside and len(inside) == len(named):
        return None  # no name of the person in the span: nothing to read a title from
    line = body[max(0, quote.speaker_start - _TITLE_REACH) : quote.speaker_start]
    before = [*fold(line.split("\n")[-1]).split()[-_TITLE_WORDS:], *inside]
    titles = load_gazetteer().titles
    for k in range(len(before)):
        title = titles.get(" ".join(before[k:]))
        if title is not None:
            if _FORMER & set(before[max(0, k - 2) : k]):
                return None
            return office_titled(person, title, published)
    return None


def _known_then(person: Person, day: dt.date) -> bool:
    """The gazetteer knows what the person was on ``day``: in office, or out of one held
    before."""
    return any(o.start is None or o.start <= day for o in person.offices)


def dated_speakers(doc: Doc, article: Article, quotes: list[Quote]) -> list[Quote]:
    """``quotes`` with each speaker whose words the article dates in the past coded by the
    office the gazetteer says they held then (see the module docstring)."""
    published = article.published
    if published is None:
        return quotes
    countries = load_gazetteer().countries
    people: dict[int, Person] = {}
    for n, quote in enumerate(quotes):
        person = known_person(quote.speaker.name) if quote.speaker is not None else None
        if person is not None and quote.speaker is not None \
                and person.actor_on(published, countries).code == quote.speaker.code:  # fmt: skip
            people[n] = person
    if not people:
        return quotes  # the common case: the dates pass is not run again
    dates = mentions_against(doc, published, text=article.body)
    quoted = [(q.start, q.end) for q in quotes]
    out = list(quotes)
    for n, person in people.items():
        quote = quotes[n]
        day = _day_said(doc, quote, dates, quoted, published)
        titled = _titled_office(article.body, quote, person, published)
        if quote.speaker is None:
            continue
        if day is not None and _known_then(person, day):
            code = person.actor_on(day, countries).code
        elif titled is not None:
            code = titled.code
        else:
            continue
        if code != quote.speaker.code:
            out[n] = replace(quote, speaker=ActorRef(code=code, name=quote.speaker.name))
    return out
