"""Where the coder's rules miss a source or a recipient on the annotated corpus events,
grouped by the parse: for each event whose annotated party the coder can see, the rules'
answer (``coder.rule_parties`` at the trigger typed as annotated) is right or not, and a
wrong one is grouped by the dependency path from the trigger to the annotated party (with
the preposition words), the trigger's part of speech and whether the rules found no party
or a wrong one; the largest groups are printed with shortened examples.

Accuracy is counted as in ``train_event_arguments.py`` (the model card's "rules" row):
"named" where the annotation names a party the coder can see, "none named" where it names
none. Reads the candidates and labels of ``data/events`` and their text in
``../shared/corpus``; never ``gold/test``.

    python scripts/argument_errors.py [--role recipient] [--groups 30] [--parsed /tmp/args.pkl]
        [--json rows.json]

``--parsed`` is the cache ``train_event_arguments.py --parsed`` writes (the same tuples).
``--json`` keeps every event's row (its codes, path and sentence) to compare two runs.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Token

sys.path.insert(0, str(Path(__file__).parent))
from event_data import read_candidates  # noqa: E402
from train_event_arguments import (  # noqa: E402
    codes_of,
    parse_articles,
    read_labels,
    right,
    role_gold,
    trigger_token,
)

from tidings.actors.home import article_country  # noqa: E402
from tidings.events.argument_model import RECIPIENT, SOURCE, units  # noqa: E402
from tidings.events.arguments import ActorIndex  # noqa: E402
from tidings.events.coder import rule_parties  # noqa: E402
from tidings.events.lexicon import load_lexicon  # noqa: E402
from tidings.nlp import load_nlp  # noqa: E402


def path_between(trigger: Token, target: Token) -> str:
    """The relations climbed from the trigger to the common head ("^") and descended to the
    target ("v"), a preposition with its word ("vprep:with")."""
    heads = {t.i for t in trigger.ancestors} | {trigger.i}
    down: list[Token] = []
    tok = target
    while tok.i not in heads and tok.head.i != tok.i:
        down.append(tok)
        tok = tok.head
    up = []
    climb = trigger
    while climb.i != tok.i and climb.head.i != climb.i:
        up.append(climb.dep_)
        climb = climb.head
    steps = [f"^{d}" for d in up]
    for t in reversed(down):
        word = f":{t.lower_}" if t.dep_ in ("prep", "agent", "dative") else ""
        steps.append(f"v{t.dep_}{word}")
    return " ".join(steps) or "same"


def article_rows(record: tuple[Any, ...], nlp: Any, annotated: list[Any]) -> list[dict[str, Any]]:
    text, blob, article, mentions, quotes = record
    doc = Doc(nlp.vocab).from_bytes(blob)
    index = ActorIndex(doc, mentions, quotes, home=article_country(article, mentions))
    lexicon = load_lexicon()
    rows = []
    for pointer, label in annotated:
        trigger = trigger_token(doc, text, pointer)
        if trigger is None:
            continue
        event = str(label["event"])
        found = units(trigger.sent, trigger, index)
        source, targets = rule_parties(trigger, event, index, lexicon)
        rules = {SOURCE: codes_of(source), RECIPIENT: codes_of(targets)}
        row: dict[str, Any] = {"id": pointer["id"], "event": event, "trigger": trigger.text,
                               "pos": trigger.pos_, "sentence": trigger.sent.text}  # fmt: skip
        for role in (SOURCE, RECIPIENT):
            surface = label.get(role)
            hits, gold = role_gold(trigger, surface, found)
            row[role] = {
                "text": surface,
                "gold": None if gold is None else sorted(gold),
                "rules": sorted(rules[role]),
                "path": path_between(trigger, found[hits[0]].token) if hits else None,
            }
        rows.append(row)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--data", type=Path, default=Path("data/events"))
    parser.add_argument("--parsed", type=Path, help="the parse cache (train_event_arguments)")
    parser.add_argument("--role", choices=(SOURCE, RECIPIENT), default=RECIPIENT)
    parser.add_argument("--groups", type=int, default=30)
    parser.add_argument("--examples", type=int, default=3)
    parser.add_argument("--json", type=Path, help="write every event's row here")
    args = parser.parse_args()
    labels = read_labels(args.data)
    by_article: dict[str, list[Any]] = defaultdict(list)
    for p in read_candidates(args.data):
        if labels.get(p["id"], {}).get("event", "NONE") != "NONE":
            by_article[p["article"]].append((p, labels[p["id"]]))
    nlp = load_nlp()
    parsed = parse_articles(args.shared, set(by_article), nlp, args.parsed)
    rows = [
        row
        for art in sorted(by_article)
        if (record := parsed.get(art)) is not None
        for row in article_rows(record, nlp, by_article[art])
    ]
    for role in (SOURCE, RECIPIENT):
        tally: Counter[tuple[str, bool]] = Counter()
        for row in rows:
            gold = row[role]["gold"]
            if gold is not None:
                ok = right(frozenset(row[role]["rules"]), frozenset(gold))
                tally["named" if gold else "none named", ok] += 1
        cells = []
        for part in ("named", "none named"):
            good, total = tally[part, True], tally[part, True] + tally[part, False]
            cells.append(f"{part} {good / max(1, total):.3f} ({good}/{total})")
        print(f"{role}: " + ", ".join(cells))
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        cell = row[args.role]
        if cell["gold"] and not set(cell["rules"]) & set(cell["gold"]):
            kind = "wrong" if cell["rules"] else "none found"
            groups[row["pos"], cell["path"], kind].append(row)
    print(f"\n{args.role} errors by trigger -> party path ({sum(map(len, groups.values()))}):")
    for (pos, path, kind), members in sorted(groups.items(), key=lambda g: -len(g[1]))[
        : args.groups
    ]:
        types = Counter(r["event"] for r in members).most_common(3)
        print(f"\n{len(members):4d} {pos:5} {kind:10} {path}  {types}")
        for r in members[: args.examples]:
            cell = r[args.role]
            print(f"       {r['event']} [{r['trigger']}] -> {cell['text']!r} {cell['gold']} "
                  f"rules {cell['rules']} :: {r['sentence'][:140]!r}")  # fmt: skip
    if args.json is not None:
        args.json.write_text(json.dumps(rows) + "\n")


if __name__ == "__main__":
    main()
