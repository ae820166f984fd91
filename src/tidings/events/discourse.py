"""Recipients from the discourse: an event whose sentence names who acts but not on whom.

News writes "Beijing rejected the demand" after a sentence naming the one who made it, or
lets the article's main opposition supply the other side ("Russia wants the U.S. to …
It also wants …"). For the directed types that always have someone on the receiving end
(REQUEST, REJECT, ACCUSE, THREATEN, SANCTION …) an event left without a recipient in its
sentence takes one from, in order:

1. the event's own sentence, then the previous one (also across a paragraph break: news
   paragraphs are often one sentence long, and measured on the dev gold the break did not
   mark a change of counterpart): the actors named outside the subject (objects,
   prepositional objects), when they belong to one other country;
2. the article's dominant counterpart of the source: the other side most often paired with
   the source's country in the article's events, or else named with it in the headline,
   when one candidate clearly leads.

Nothing is inferred when the choice is ambiguous; the event is then dropped, as before. The
rule id gains a suffix ("+sentence", "+prev", "+counterpart") so a user sees the recipient
was inferred. Only governments, militaries and countries acting get a recipient this way.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from tidings.model import ActorMention, ActorRef, Article, Event

# Directed types whose recipient is implied by the discourse when the sentence omits it.
DISCOURSE_TYPES = frozenset({"REQUEST", "REJECT", "ACCUSE", "THREATEN", "SANCTION"})
# Country-less codes: they stand for themselves, not for a state's government.
STATELESS = frozenset({"IGO", "EUR", "NGO", "MNC", "UNO", "NATO"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
# Sources whose counterpart the article's other state is: a government, its military, or a
# country acting. Police, parties, media and people act mostly at home, where the other
# side is rarely another state.
STATE_SECTORS = frozenset({"", "GOV", "MIL"})
# Modes that are inward-looking (an inquiry has a suspect, not a foreign counterpart).
SKIPPED_MODES = frozenset({"investigate"})


def is_state_source(code: str) -> bool:
    """A government, its military, or a bare country."""
    return (
        len(code) in (3, 6)
        and code[:3].isalpha()
        and code[:3] not in STATELESS
        and (code[3:] in STATE_SECTORS)
    )


@dataclass(slots=True)
class Orphan:
    """An event whose sentence gave a source but no recipient."""

    event: Event
    sentence: Span


def country(code: str) -> str:
    """The country part of a code ("USAGOV" → "USA"); a stateless code stands for itself."""
    return code if code in STATELESS or len(code) < 3 else code[:3]


def as_recipient(code: str) -> str:
    """A bare country addressed by a directed act is its government (as the coder does)."""
    if len(code) == 3 and code.isalpha() and code not in STATELESS:
        return code + "GOV"
    return code


def _mentions_in(span: Span, mentions: list[ActorMention]) -> list[ActorMention]:
    return [m for m in mentions if span.start_char <= m.start < span.end_char and m.actor.code]


def _outside_subject(doc: Doc, mention: ActorMention) -> bool:
    """Whether the mention sits in an object or oblique phrase, not the clause subject."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    for _ in range(6):  # climb to the clause
        if tok.dep_ in SUBJECT_DEPS:
            return False
        if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            return True
        tok = tok.head
    return True


def _single_country(codes: list[str], source_countries: set[str]) -> list[str]:
    """The codes of one other country, or nothing when there are none or several
    (international organisations are left out: a summit's host body is rarely the one
    addressed)."""
    others = [c for c in codes if country(c) not in source_countries and c not in STATELESS]
    if len({country(c) for c in others}) != 1:
        return []
    return list(dict.fromkeys(others))


def same_sentence_recipient(
    doc: Doc, orphan: Orphan, mentions: list[ActorMention], source_countries: set[str]
) -> list[str]:
    """The other country named in the event's own sentence outside any subject, which the
    parse did not attach to the trigger ("scrapped the trip … due to a disagreement with
    Trump")."""
    codes = [
        m.actor.code for m in _mentions_in(orphan.sentence, mentions) if _outside_subject(doc, m)
    ]
    return _single_country(codes, source_countries)


def previous_sentence_recipient(
    doc: Doc, orphan: Orphan, mentions: list[ActorMention], source_countries: set[str]
) -> list[str]:
    sent = orphan.sentence
    if sent.start == 0:
        return []
    previous = doc[sent.start - 1].sent
    # only the sides the previous sentence acted upon or spoke of: its subjects (the last
    # speaker, the subject of what it reported) were tried as fallbacks and measured on
    # corpus articles as mostly wrong (1 right of 11)
    codes = [m.actor.code for m in _mentions_in(previous, mentions) if _outside_subject(doc, m)]
    return _single_country(codes, source_countries)


def _headline_actors(article: Article, mentions: list[ActorMention]) -> list[str]:
    """Codes of actors whose surface forms appear in the headline."""
    title = (article.title or "").lower()
    if not title:
        return []
    found = []
    for m in mentions:
        surface = m.text.lower()
        if len(surface) >= 3 and m.actor.code and m.how not in ("pronoun",) and surface in title:
            found.append(m.actor.code)
    return list(dict.fromkeys(found))


def counterpart_recipient(
    events: list[Event],
    article: Article,
    mentions: list[ActorMention],
    source_countries: set[str],
) -> list[str]:
    """The other side most often paired with the source's country in the article's events,
    or the headline's one other country."""
    tally: Counter[str] = Counter()
    for ev in events:
        actors = {country(a.code) for a in ev.actor}
        recipients = {country(r.code) for r in ev.recipient}
        if actors == recipients:
            continue  # reciprocal: no direction
        if actors & source_countries:
            tally.update(recipients - source_countries)
        elif recipients & source_countries:
            tally.update(actors - source_countries)
    ranked = tally.most_common(2)
    if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > 2 * ranked[1][1]):
        return [ranked[0][0]]
    headline = _headline_actors(article, mentions)
    if {country(c) for c in headline} & source_countries:
        return _single_country(headline, source_countries)
    return []


def resolve_orphans(
    doc: Doc,
    orphans: list[Orphan],
    events: list[Event],
    article: Article,
    mentions: list[ActorMention],
) -> list[Event]:
    """The orphans that found a recipient, with it filled in and the rule id suffixed."""
    names = {m.actor.code: m.actor.name for m in mentions if m.actor.code}
    out: list[Event] = []
    for orphan in orphans:
        ev = orphan.event
        if ev.mode in SKIPPED_MODES or not all(is_state_source(a.code) for a in ev.actor):
            continue
        source_countries = {country(a.code) for a in ev.actor}
        found = same_sentence_recipient(doc, orphan, mentions, source_countries)
        how = "sentence"
        if not found:
            found = previous_sentence_recipient(doc, orphan, mentions, source_countries)
            how = "prev"
        if not found:
            found = counterpart_recipient(events, article, mentions, source_countries)
            how = "counterpart"
        if not found:
            continue
        codes = list(dict.fromkeys(as_recipient(c) for c in found))
        ev.recipient = [ActorRef(code=c, name=names.get(c, names.get(c[:3], c))) for c in codes]
        ev.rule = f"{ev.rule}+{how}"
        out.append(ev)
    return out


__all__ = ["DISCOURSE_TYPES", "Orphan", "resolve_orphans"]
