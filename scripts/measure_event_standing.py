"""How the event coder codes the people the gazetteer knows with dated offices, against the
annotated corpus events (``data/events/labels-*.jsonl``, pointers in ``candidates-*.jsonl``;
text in ``../shared/corpus``): with and without ``events.standing`` (a party coded by the
office held on a past event's date rather than by the standing at publication).

A case is an annotated source or recipient whose words (found in the event's sentence) hold
a mention of such a person, and a coded event of that sentence with the person among its
parties in the same role; the party's code is right when it is the annotated one, a bare
country counting as its government (as the scorer counts). Only articles whose annotated
phrases name such a person are run through the coder.

Run from the repository root (corpus data only: no gold set is read)::

    PYTHONPATH=src .venv/bin/python scripts/measure_event_standing.py [--shared ../shared] \
        [--parsed /tmp/parsed.pkl] [--examples]

``--parsed`` is the parse cache ``measure_actor_codes.py --parsed`` writes.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

sys.path.insert(0, str(Path(__file__).resolve().parent))
from event_data import read_candidates  # noqa: E402
from measure_actor_codes import (  # noqa: E402
    locate,
    outlets,
    parse_articles,
    read_labels,
    restored,
    state_codes,
    trigger_token,
)

import tidings.events.coder as coder  # noqa: E402
from tidings.actors import resolve_actors  # noqa: E402
from tidings.actors.gazetteer import known_person, load_gazetteer  # noqa: E402
from tidings.dates import resolve_dates  # noqa: E402
from tidings.events import code_events  # noqa: E402
from tidings.nlp import load_nlp  # noqa: E402
from tidings.quotes import extract_quotes  # noqa: E402

ROLES = {"source": "actor", "recipient": "recipient"}


def dated_names() -> set[str]:
    """Surface forms of people with an office that ended: the ones whose code moves."""
    names: set[str] = set()
    for person in load_gazetteer().people:
        if any(o.end is not None for o in person.offices):
            names.add(person.name.split()[-1])
            names.update(person.surnames)
    return names


def coded(doc: Doc, article: Any, standing: bool) -> list[Any]:
    mentions = resolve_actors(doc, article)
    quotes = extract_quotes(doc, article, mentions)
    dates = resolve_dates(doc, article)
    keep = coder.parties_then
    if not standing:
        coder.parties_then = lambda parties, period, published: (parties, False)  # type: ignore[assignment]
    try:
        return code_events(doc, article, mentions, quotes, dates)
    finally:
        coder.parties_then = keep


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--data", type=Path, default=Path("data/events"))
    parser.add_argument("--parsed", type=Path, default=None)
    parser.add_argument("--examples", action="store_true")
    args = parser.parse_args()
    labels = read_labels(args.data)
    names = dated_names()
    by_article: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] = defaultdict(list)
    for pointer in read_candidates(args.data):
        label = labels.get(pointer["id"])
        if label is None or label["event"] == "NONE":
            continue
        words = " ".join(label.get(r) or "" for r in ROLES)
        if any(n in words for n in names):
            by_article[pointer["article"]].append((pointer, label))
    parsed = parse_articles(args.shared, set(by_article), args.parsed)
    meta = outlets(args.shared, set(by_article))
    nlp = load_nlp()
    counts: Counter[str] = Counter()
    for art_id in sorted(by_article):
        entry = parsed.get(art_id)
        if entry is None:
            continue
        text, doc, article = restored(entry, meta.get(art_id, (None, None)), nlp)
        mentions = resolve_actors(doc, article)
        runs = {flag: coded(doc, article, flag) for flag in (False, True)}
        for pointer, label in by_article[art_id]:
            trigger = trigger_token(doc, text, pointer)
            if trigger is None:
                continue
            for role, field in ROLES.items():
                gold, surface = label.get(f"{role}_code"), label.get(role)
                at = locate(trigger.sent, surface, trigger) if gold and surface else None
                if at is None:
                    continue
                over = [m.actor.name for m in mentions if m.start < at[1] and at[0] < m.end]
                people = {name for name in over if known_person(name) is not None}
                if not people:
                    continue
                found: dict[bool, list[str]] = {}
                for flag, events in runs.items():
                    found[flag] = [r.code for e in events
                                   if e.sentence_start == trigger.sent.start_char
                                   for r in getattr(e, field) if r.name in people]  # fmt: skip
                if not found[False] or not found[True]:
                    continue
                right = state_codes([gold])
                before = found[False][0] in right
                after = found[True][0] in right
                counts["cases"] += 1
                counts["right before"] += before
                counts["right after"] += after
                if before != after:
                    counts["fixed" if after else "broken"] += 1
                    if args.examples:
                        print(f"{'+' if after else '-'} {pointer['id']} {role} gold {gold} "
                              f"{found[False][0]} -> {found[True][0]}: "
                              f"{trigger.sent.text[:160]!r}")  # fmt: skip
    n = counts["cases"] or 1
    print(f"articles {len(by_article)}, person party cases {counts['cases']}: right "
          f"{counts['right before']} ({100 * counts['right before'] / n:.1f}%) -> "
          f"{counts['right after']} ({100 * counts['right after'] / n:.1f}%); "
          f"fixed {counts['fixed']}, broken {counts['broken']}")  # fmt: skip


if __name__ == "__main__":
    main()
