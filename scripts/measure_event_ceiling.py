"""Where the event coder loses recall before the typer: for each required gold event, is
there a candidate at its words, with the right source actor, with the right recipient?

For every required event of the gold articles named (default ``gold/dev2``; the held-out
``gold/test`` and ``gold/test-agreement`` are refused: no rule may be written from their
misses), the article goes through the pipeline and the event is put in the first of these
classes that holds:

``matched``            the coder's output matches it (the scorer's rule, anywhere).
``span not in body``   its words are not in the extracted body (an extraction loss).
``source unresolved``  a surface form the gold gives for the source is in the sentence, but
                       no token there yields a party with the source's code (the actors
                       stage missed or miscoded it).
``source unnamed``     no such surface form: the source is implicit, a pronoun the coder
                       cannot resolve, an unnamed group ("police", "lawmakers") or the agent
                       of an agentless passive.
``no candidate``       the source is reachable, but no token of the event's words is a
                       candidate (``events.candidates``) nor a lexicon match.
``candidate, source``  a candidate is there, but typed as the gold type none of them finds
                       the gold source (the parse puts it out of reach of the trigger).
``recipient not coded`` the source is right, and no token of the sentence yields a party
                       with the recipient's code (implicit, or the actors stage missed it).
``candidate, recipient`` the source is right, the recipient is named in the sentence but no
                       candidate attaches it.
``typing``             some candidate, typed as the gold type, gives the right parties: the
                       typer or the lexicon typed it otherwise, vetoed it or left it under
                       its threshold (or a later filter dropped it).

The candidates' parties come from the coder's own passes (``coder._event`` over a generic
row of the gold type, or the lexicon row retyped, with the argument model as the coder
uses it), so "typing" is the recall the typer
could add and the classes above it what it cannot. A source or recipient is right when the
codes intersect, a bare country counting as its government (``SRB`` → ``SRBGOV``) as the
coder codes it.

Run from the repository root::

    PYTHONPATH=src .venv/bin/python scripts/measure_event_ceiling.py [gold/dev2] \
        [--shared ../shared] [--details]

``--details`` prints, per unmatched event, the gold article id, its span and its class (no
article text: the spans point into ``../shared``).

Measured on gold/dev2 (149 required events), 2026-12: before → after the round that coded
bare-named people as civilians of the article's country and unnamed state bodies
("116 lawmakers") by the Phoenix agents dictionary (``events.arguments.ActorIndex``)::

    matched 48 → 51, source unresolved 17 → 16, source unnamed 10 → 9, no candidate 11,
    candidate/source 25, recipient not coded 11 → 10, candidate/recipient 21, typing 6

Then (2026-12-07), with the argument model supplying a source the rules cannot reach
(``events.argument_model``)::

    matched 51 → 57, source unresolved 16 → 15, no candidate 11, candidate/source 25 → 18,
    recipient not coded 10 → 11, candidate/recipient 21, typing 6 → 7

Later rounds brought it to 0.510 (matched 64, typing 12). Then (2026-12-07, third
round of the argument passes: a statement's clause doer as what it is about, the party to
a deed "involved in", two IGO bodies, "called upon"; ``data/arguments.md``)::

    matched 64 → 66, candidate/source 15 → 14, candidate/recipient 20 → 17,
    typing 12 → 14; the rest unchanged (source unresolved 6, source unnamed 8, no
    candidate 12, recipient not coded 11): ceiling 0.510 → 0.537

Read by hand, the misses spread over many causes, none of them dominant: a recipient the
sentence leaves implicit (~11 of the 47 misses where a candidate already had the gold
type), people the actors stage left uncoded (~9), statements whose event is the saying
("X said Y's move is a death knell": ``say`` is no candidate, so no source; ~8), unnamed
groups (~5), pronouns (~4), agentless passives (~3).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from measure_recipient_inference import codes as ref_codes  # gold and coder alike
from spacy.tokens import Doc, Span, Token

from tidings.actors import resolve_actors
from tidings.actors.home import article_country
from tidings.dates import resolve_dates
from tidings.evaluation.gold import Gold, gold_document, load_gold, with_texts
from tidings.evaluation.scoring import event_matches
from tidings.events.argument_model import load_argument_model
from tidings.events.arguments import ActorIndex, np_actors
from tidings.events.candidates import candidates
from tidings.events.coder import Match, _event, code_events, match
from tidings.events.lexicon import load_lexicon
from tidings.events.typed import Verdict, _actor_test, model_entry, retyped
from tidings.events.typer_features import eventive_noun
from tidings.extract import extract_article
from tidings.model import Article, Document, Event
from tidings.nlp import load_nlp
from tidings.quotes import extract_quotes

CLASSES = (
    "matched",
    "span not in body",
    "source unresolved",
    "source unnamed",
    "no candidate",
    "candidate, source",
    "recipient not coded",
    "candidate, recipient",
    "typing",
)
HELD_OUT = ("test", "test-agreement")


def state_codes(codes: Iterable[str]) -> set[str]:
    """Codes as the coder compares them: a bare country also as its government."""
    out = set()
    for c in codes:
        out.add(c)
        if len(c) == 3 and c.isalpha():
            out.add(c + "GOV")
    return out


@dataclass
class Located:
    """A gold event's words in the parsed body: the tokens and their sentences."""

    tokens: list[Token]
    sentences: list[Span]


def locate(doc: Doc, body: str, text: str) -> Located | None:
    """The tokens of ``text`` in the body (whitespace-insensitive, first occurrence)."""
    at = body.find(text)
    if at < 0:
        squeezed = " ".join(text.split())
        at = " ".join(body.split()).find(squeezed)
        if at < 0:
            return None
        # map the squeezed offset back: count non-space characters before it
        before = len(" ".join(body.split())[:at].replace(" ", ""))
        seen, at = 0, 0
        while at < len(body) and seen < before:
            seen += not body[at].isspace()
            at += 1
        text = squeezed
    span = doc.char_span(at, at + len(text), alignment_mode="expand")
    if span is None:
        return None
    sentences: list[Span] = []
    for tok in span:
        if not sentences or sentences[-1].start != tok.sent.start:
            sentences.append(tok.sent)
    return Located(list(span), sentences)


def reachable(located: Located, index: ActorIndex) -> set[str]:
    """Every code a token of the event's sentences yields as a party (names, modifiers,
    pronouns the coder resolves)."""
    codes: set[str] = set()
    for sent in located.sentences:
        for tok in sent:
            codes |= {p.code for p in np_actors(tok, index)}
    return state_codes(codes)


def surfaces(gold: dict[str, Any], refs: list[dict[str, Any]]) -> list[str]:
    """The surface forms the gold's actor list gives for these parties."""
    wanted = {(r.get("code"), r.get("name")) for r in refs}
    out = []
    for actor in gold.get("actors") or []:
        if (actor.get("code"), actor.get("name")) in wanted:
            out += [m for m in actor.get("mentions") or [] if isinstance(m, str) and m]
            out.append(str(actor.get("name") or ""))
    return [s for s in out if s]


def candidate_events(
    located: Located,
    index: ActorIndex,
    gold_type: str,
    article: Article,
    dates: list[Any],
) -> list[Event]:
    """What each candidate in the event's words gives when typed as the gold type."""
    lexicon = load_lexicon()
    is_actor = _actor_test(index)
    inside = {t.i for t in located.tokens}
    sure = Verdict(gold_type, 1.0, {gold_type: 1.0})
    out: list[Event] = []
    for sent in located.sentences:
        matches: list[Match] = []
        lexical = {}
        for tok in sent:
            if tok.i in inside and (m := match(tok, lexicon, index)) is not None:
                lexical[tok.i] = m
                matches.append(Match(retyped(m.entry, sure), m.trigger, m.used))
        for cand in candidates(sent, is_actor, eventive_noun):
            if cand.trigger.i in inside and cand.trigger.i not in lexical:
                matches.append(Match(model_entry(gold_type, cand.trigger), cand.trigger))
        for m in matches:
            ev = _event(m, index, lexicon, article, dates, orphan_ok=True,
                        arguments=load_argument_model())  # fmt: skip
            out.append(
                ev
                if ev is not None
                else Event(event=gold_type, actor=[], recipient=[], trigger=m.trigger.text)
            )
    return out


def classify(
    gold_event: dict[str, Any],
    gold: dict[str, Any],
    found: list[Event],
    doc: Doc,
    article: Article,
    index: ActorIndex,
    dates: list[Any],
) -> str:
    if any(event_matches(gold_event, e) for e in found):
        return "matched"
    located = locate(doc, article.body, str(gold_event.get("text") or ""))
    if located is None:
        return "span not in body"
    want_src = state_codes(ref_codes(gold_event.get("actor") or []))
    want_rcp = state_codes(ref_codes(gold_event.get("recipient") or []))
    codes = reachable(located, index)
    if not want_src & codes:
        text = " ".join(s.text for s in located.sentences).lower()
        named = any(s.lower() in text for s in surfaces(gold, gold_event.get("actor") or []))
        return "source unresolved" if named else "source unnamed"
    typed = candidate_events(located, index, str(gold_event.get("event")), article, dates)
    if not typed:
        return "no candidate"
    with_source = [e for e in typed if state_codes(ref_codes(e.actor)) & want_src]
    if not with_source:
        return "candidate, source"
    for e in with_source:
        got = state_codes(ref_codes(e.recipient))
        if (not want_rcp and not got) or want_rcp & got:
            return "typing"
    if want_rcp and not want_rcp & codes:
        return "recipient not coded"
    return "candidate, recipient"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="*", type=Path, default=[Path("gold/dev2")])
    ap.add_argument("--shared", default="../shared", type=Path)
    ap.add_argument("--details", action="store_true", help="one line per unmatched event")
    args = ap.parse_args()
    for folder in args.gold:
        if any(part in HELD_OUT for part in folder.resolve().parts):
            sys.exit(f"{folder}: the held-out test set is measured by `tidings eval`, not mined")
    nlp = load_nlp()
    counts: Counter[str] = Counter()
    by_type: dict[str, Counter[str]] = {}
    for g in load_gold(args.gold):
        if not isinstance(g, Gold):
            print(f"skipped: {g}", file=sys.stderr)
            continue
        document = gold_document(g, args.shared)
        if not isinstance(document, Document):
            print(f"skipped: {document}", file=sys.stderr)
            continue
        gold = with_texts(g, document).data
        article = extract_article(document)
        doc = nlp(article.body)
        mentions = resolve_actors(doc, article)
        quotes = extract_quotes(doc, article, mentions)
        dates = resolve_dates(doc, article)
        found = code_events(doc, article, mentions, quotes, dates)
        index = ActorIndex(doc, mentions, quotes, home=article_country(article, mentions))
        for gold_event in gold.get("events") or []:
            if not gold_event.get("required", True):
                continue
            cls = classify(gold_event, gold, found, doc, article, index, dates)
            counts[cls] += 1
            by_type.setdefault(str(gold_event.get("event")), Counter())[cls] += 1
            if args.details and cls != "matched":
                src = "+".join(sorted(ref_codes(gold_event.get("actor") or [])))
                rcp = "+".join(sorted(ref_codes(gold_event.get("recipient") or []))) or "-"
                span = gold_event.get("span")
                print(f"{g.id}\t{span}\t{gold_event.get('event')} {src}→{rcp}\t{cls}")
    total = sum(counts.values())
    print(f"\nrequired gold events: {total}")
    print(f"{'class':<22} {'n':>4} {'share':>6}")
    for cls in CLASSES:
        print(f"{cls:<22} {counts[cls]:>4} {counts[cls] / max(total, 1):>6.1%}")
    reach = counts["matched"] + counts["typing"]
    print(f"recall if the typer were perfect on these candidates: {reach / max(total, 1):.3f}")
    print("\nby gold type: " + ", ".join(CLASSES))
    for name, row in sorted(by_type.items()):
        print(f"  {name:<10} " + " ".join(f"{row[c]:>3}" for c in CLASSES))


if __name__ == "__main__":
    main()
