"""The oracle recall of the argument candidates: on the annotated corpus events, how often is
the annotated source (recipient) among the parties the coder offers at all — the parties of
the trigger's sentence the argument model scores (``argument_model.units``) and those the
rules attach (``coder.rule_parties``)? A party never offered cannot be chosen, by the rules
or by the model.

An annotated party is offered when its code meets the code of an offered party (a bare
country also as its government, as ``train_event_arguments.py`` compares them). Each one
missed is put in the first kind that holds, read from the annotator's words for it and the
parse:

``implicit``             the annotator gave a code and no words (with "(agentless
                         passive)" when the trigger is a passive without a by-phrase);
``quote speaker``        the words are not in the sentence, the trigger is inside a quotation
                         and its speaker has the annotated code;
``not in sentence``      the words are not in the sentence (an earlier sentence's actor, an
                         implicit one); with "(named earlier)" when an actor of that code is
                         named in the article before the sentence;
``pronoun``              the words' head is a pronoun ("he", "they", "it");
``miscoded``             the words hold a coded actor mention of another code;
``mention uncoded``      the words hold an actor mention without a code;
``coded, not offered``   the words hold a mention of the right code that no offered party
                         carries (with the head's dependency);
``definite description`` no mention; the head is a common noun with "the"/"this"/"that"
                         ("the ministry", "the two leaders");
``name, no mention``     no mention; the head is a proper noun the actors stage did not take;
``common noun``          no mention; a bare or counted group ("protesters", "police").

Each kind is split by the head's place (a conjunct, a preposition's object with its word, a
possessor, a subject …). Reads the candidates and labels of ``data/events`` and their text in
``../shared/corpus`` (never ``gold/test``); ``--parsed`` is the cache
``train_event_arguments.py --parsed`` writes.

    python scripts/measure_argument_oracle.py [--parsed /tmp/args.pkl] [--examples 3]
        [--json out.json]

Measured 2026-12-07 (6,207 annotated events of 2,310 articles; 5,997 sources and 5,391
recipients with a code): offered sources 0.771, recipients 0.715. Of the 1,371 sources
missed: miscoded 630 (the words hold an actor of another code, mostly a sector of the right
country: USALEG read USAPOL, a bare country annotated MIL), common noun 173, implicit
111, pronoun 96, definite description 93, name without a mention 88, not in the sentence
(named earlier 86, not at all 66), coded but not offered 20, a quotation's speaker 7. Of the
1,537 recipients: miscoded 520, common noun 287, definite description 214, not in the
sentence 231 (184 named earlier), name without a mention 121, implicit 76, pronoun 68,
coded but not offered 13. An actor of the previous sentence's subject would carry ~120 of
the 2,908 missed. Offering the model unnamed groups of every sector the Phoenix agents
dictionary gives ("protesters", "residents", "militants"; tried, not kept: see
``src/tidings/events/data/arguments.md``) raised it to sources 0.779, recipients 0.733.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span, Token

sys.path.insert(0, str(Path(__file__).parent))
from event_data import measured_articles, read_candidates  # noqa: E402
from train_event_arguments import (  # noqa: E402
    parse_articles,
    read_labels,
    state_codes,
    trigger_token,
)

from tidings.actors.home import article_country  # noqa: E402
from tidings.events.argument_model import units  # noqa: E402
from tidings.events.arguments import ActorIndex  # noqa: E402
from tidings.events.coder import rule_parties  # noqa: E402
from tidings.events.lexicon import load_lexicon  # noqa: E402
from tidings.nlp import load_nlp  # noqa: E402

ROLES = ("source", "recipient")
DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def find_words(sent: Span, surface: str, trigger: Token) -> tuple[int, int] | None:
    """The characters of the annotator's words in the sentence, the occurrence nearest the
    trigger (case-insensitive), or None."""
    text = sent.text.lower()
    # annotators add whom a reference means in brackets: "He (Jason Chaffetz)"
    needle = surface.split(" (")[0].strip().lower()
    if not needle:
        return None
    starts = [k for k in range(len(text)) if text.startswith(needle, k)]
    if not starts:
        return None
    where = trigger.idx - sent.start_char
    first = min(starts, key=lambda k: (abs(k - where), k))
    return sent.start_char + first, sent.start_char + first + len(needle)


def words_head(sent: Span, lo: int, hi: int) -> Token | None:
    """The token of the words whose head lies outside them."""
    inside = [t for t in sent if lo <= t.idx < hi]
    for t in inside:
        if not (lo <= t.head.idx < hi) or t.head.i == t.i:
            return t
    return inside[0] if inside else None


def place(head: Token) -> str:
    """Where the words' head hangs: a conjunct, a preposition's object, a possessor …"""
    if head.dep_ == "conj":
        return "conjunct"
    if head.dep_ == "pobj":
        return f"prep:{head.head.lower_}"
    return head.dep_


def named_before(index: ActorIndex, sent: Span, codes: frozenset[str]) -> bool:
    return any(
        m.start < sent.start_char and state_codes([index.code_of(m.actor)]) & codes
        for m in index.mentions
    )


def kind_of_miss(
    sent: Span, trigger: Token, index: ActorIndex, surface: str | None, codes: frozenset[str]
) -> tuple[str, str]:
    """The kind of a missed party and the place of its words' head."""
    span = find_words(sent, surface or "", trigger)
    if span is None:
        if not surface:
            passive = any(c.dep_ == "auxpass" for c in trigger.children)
            return "implicit" + (" (agentless passive)" if passive else ""), trigger.pos_
        for q in index.quotes:
            if q.start <= trigger.idx < q.end and q.speaker is not None:
                if state_codes([q.speaker.code]) & codes:
                    return "quote speaker", "-"
        earlier = " (named earlier)" if named_before(index, sent, codes) else ""
        return "not in sentence" + earlier, "-"
    lo, hi = span
    head = words_head(sent, lo, hi)
    if head is None:
        return "not in sentence", "-"
    where = place(head)
    if head.pos_ == "PRON":
        return "pronoun", f"{head.lower_}|{where}"
    mentions = [m for t in sent if lo <= t.idx < hi for m in index.by_token.get(t.i, [])]
    if mentions:
        got = {index.code_of(m.actor) for m in mentions}
        if any(state_codes([c]) & codes for c in got if c):
            return "coded, not offered", where
        if any(got):
            return "miscoded", f"{where}|{'/'.join(sorted(c for c in got if c))}"
        return "mention uncoded", where
    if head.pos_ == "PROPN":
        return "name, no mention", where
    if any(c.dep_ == "det" and c.lower_ in DEFINITE for c in head.children):
        return "definite description", f"{head.lemma_.lower()}|{where}"
    return "common noun", f"{head.lemma_.lower()}|{where}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--data", type=Path, default=Path("data/events"))
    parser.add_argument("--parsed", type=Path)
    parser.add_argument("--examples", type=int, default=0, help="sentences shown per kind")
    parser.add_argument("--json", type=Path, help="every missed party, to compare two runs")
    args = parser.parse_args()
    labels = read_labels(args.data)
    measured = measured_articles(args.shared, Path("."))
    by_article: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] = defaultdict(list)
    for p in read_candidates(args.data):
        label = labels.get(p["id"], {})
        if label.get("event", "NONE") != "NONE" and p["article"] not in measured:
            by_article[p["article"]].append((p, label))
    nlp = load_nlp()
    parsed = parse_articles(args.shared, set(by_article), nlp, args.parsed)
    lexicon = load_lexicon()
    tally: dict[str, Counter[str]] = {r: Counter() for r in ROLES}
    kinds: dict[str, Counter[str]] = {r: Counter() for r in ROLES}
    places: dict[str, Counter[tuple[str, str]]] = {r: Counter() for r in ROLES}
    shown: dict[tuple[str, str], list[str]] = defaultdict(list)
    rows: list[dict[str, Any]] = []
    for art in sorted(by_article):
        record = parsed.get(art)
        if record is None:
            continue
        text, blob, article, mentions, quotes = record
        doc = Doc(nlp.vocab).from_bytes(blob)
        index = ActorIndex(doc, mentions, quotes, home=article_country(article, mentions))
        for pointer, label in by_article[art]:
            trigger = trigger_token(doc, text, pointer)
            if trigger is None:
                continue
            found = units(trigger.sent, trigger, index)
            offered = state_codes(p.code for u in found for p in u.parties)
            source, targets = rule_parties(trigger, str(label["event"]), index, lexicon)
            ruled = state_codes(p.code for p in source + targets)
            for role in ROLES:
                code = label.get(f"{role}_code")
                if not code:
                    continue
                codes = state_codes([code])
                t = tally[role]
                t["annotated"] += 1
                if codes & offered:
                    t["among units"] += 1
                if codes & (offered | ruled):
                    t["offered"] += 1
                    continue
                kind, where = kind_of_miss(trigger.sent, trigger, index, label.get(role), codes)
                kinds[role][kind] += 1
                places[role][(kind, where)] += 1
                rows.append({"id": pointer["id"], "role": role, "kind": kind, "where": where})
                if len(shown[(role, kind)]) < args.examples:
                    s = trigger.sent.text.replace("\n", " ")
                    shown[(role, kind)].append(
                        f"    [{label['event']} {role}={label.get(role)!r} {code}; trigger "
                        f"{trigger.text!r}] {s[:220]}"
                    )
    for role in ROLES:
        t = tally[role]
        n = t["annotated"]
        print(f"\n{role}: {n} annotated with a code; among the sentence's units "
              f"{t['among units'] / n:.3f}; offered (units or rules) {t['offered']} "
              f"= {t['offered'] / n:.3f}; missed {n - t['offered']}")  # fmt: skip
        for kind, k in kinds[role].most_common():
            print(f"  {kind:28} {k:5}")
            for (kd, where), m in places[role].most_common():
                if kd == kind and m >= 5:
                    print(f"      {where:30} {m:5}")
            for line in shown[(role, kind)]:
                print(line)
    if args.json:
        summary = {r: dict(tally[r]) | {"kinds": dict(kinds[r])} for r in ROLES}
        args.json.write_text(json.dumps({"summary": summary, "missed": rows}, indent=1) + "\n")


if __name__ == "__main__":
    main()
