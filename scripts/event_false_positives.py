"""Why the event coder's wrong events are wrong, counted: on the gold articles and on the
annotated corpus candidates.

``gold`` (default ``gold/dev2``; ``../shared/gold/dev`` and ``../shared/gold/seed`` too; the
held-out ``gold/test`` is refused: no rule may be written from its misses) runs each article
through the pipeline and puts every predicted event that matches no gold event (the
scorer's rule: type, actor codes meet, recipient codes meet or both empty) in the first of
these classes that holds:

``spurious``            no gold event's words lie in the prediction's sentence.
``duplicate``           another prediction of the same sentence and trigger matches a gold
                        event, or the gold event of the sentence with this type is already
                        matched by another prediction (the same act coded twice).
``aux``                 a negated, hypothetical or future act where the sentence's gold
                        event with the same parties is the statement (REJECT, AGREE,
                        THREATEN …), not the act.
``wrong type``          the sentence has gold events, none of the predicted type (split by
                        whether one of them has the predicted parties).
``wrong source``        a gold event of the type is there, the recipient is right and the
                        source is not (``reversed``: the source is the gold recipient).
``wrong recipient``     the source is right and the recipient is not: ``missing`` (the
                        coder gave none), ``extra`` (the gold names none), ``the source``
                        (the coder's recipient is the gold source: the speaker or the
                        actor itself), ``other``.
``wrong both``          neither party meets.

Matched predictions whose date is wrong are counted apart (they cost only the dated F1).

``corpus`` reads the annotated corpus candidates (``data/events``, text in
``../shared/corpus``) and runs the coder over each article they come from; every coded
event whose trigger is an annotated candidate is compared with the label: ``NONE`` →
spurious; else its type, source, recipient (codes meet, as ``argument_errors.py`` and
``train_event_arguments.py`` count them, the annotator's own code for the party counting
too; a role whose annotated words name no party the coder can see is not judged) and aux.
The typer trained on these candidates, so its type answers here are in sample and flatter:
the arguments (the rules' answer) are the point. Counted by event type, by rule id and by
how the parties were found (the rule id's suffixes: "+model-source", "+counterpart" …).

    python scripts/event_false_positives.py gold [gold/dev2 ../shared/gold/dev ...] [--details]
    python scripts/event_false_positives.py corpus [--parsed /tmp/args.pkl] [--limit N]
        [--details]

``--parsed`` is the parse cache of ``train_event_arguments.py`` (the same tuples); the
spaCy tensor the typer reads is recomputed from it.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

sys.path.insert(0, str(Path(__file__).parent))
from event_data import read_candidates  # noqa: E402
from train_event_arguments import (  # noqa: E402
    codes_of,
    parse_articles,
    read_labels,
    right,
    role_gold,
    state_codes,
    trigger_token,
)

from tidings.actors.home import article_country  # noqa: E402
from tidings.dates import resolve_dates  # noqa: E402
from tidings.evaluation.gold import Gold, load_gold  # noqa: E402
from tidings.evaluation.scoring import event_matches  # noqa: E402
from tidings.events import code_events  # noqa: E402
from tidings.events.argument_model import RECIPIENT, SOURCE, units  # noqa: E402
from tidings.events.arguments import ActorIndex  # noqa: E402
from tidings.model import Event  # noqa: E402

HELD_OUT = ("gold/test",)
STATEMENTS = {"REJECT", "AGREE", "THREATEN", "REQUEST", "SUPPORT", "ACCUSE"}


# ------------------------------------------------------------------------------ gold


def route(ev: Event) -> str:
    """How the coder found the event's parties: the suffixes of its rule id ("+model-source",
    "+counterpart" …), or "rules" for the parse's own."""
    return "+".join(ev.rule.split("+")[1:]) or "rules"


def codes(refs: Iterable[Any]) -> set[str]:
    out = set()
    for ref in refs or ():
        code = ref.get("code") if isinstance(ref, dict) else getattr(ref, "code", None)
        if code:
            out.add(str(code))
    return out


def body_span(body: str, text: str) -> tuple[int, int] | None:
    """Where a gold event's words lie in the extracted body (whitespace-insensitive)."""
    if not text:
        return None
    at = body.find(text)
    if at >= 0:
        return at, at + len(text)
    squeezed = " ".join(text.split())
    flat = " ".join(body.split())
    at = flat.find(squeezed)
    if at < 0:
        return None
    before = len(flat[:at].replace(" ", ""))
    seen, pos = 0, 0
    while pos < len(body) and seen < before:
        seen += not body[pos].isspace()
        pos += 1
    while pos < len(body) and body[pos].isspace():
        pos += 1
    inner = len(squeezed.replace(" ", ""))
    end, seen = pos, 0
    while end < len(body) and seen < inner:
        seen += not body[end].isspace()
        end += 1
    return pos, end


def parties_meet(gold: dict[str, Any], ev: Event) -> tuple[bool, bool]:
    """Whether the source meets, and whether the recipients meet (or both are empty)."""
    source = bool(codes(gold.get("actor") or []) & codes(ev.actor))
    g, p = codes(gold.get("recipient") or []), codes(ev.recipient)
    recipient = bool(g & p) if (g or p) else True
    return source, recipient


def classify(
    ev: Event, events: Sequence[Event], golds: Sequence[dict[str, Any]], body: str
) -> tuple[str, str]:
    """The class of an unmatched prediction and a finer note (the side, the mode)."""
    here = []
    for g in golds:
        span = body_span(body, str(g.get("text") or ""))
        if span is not None and span[0] < ev.sentence_end and ev.sentence_start < span[1]:
            here.append(g)
    twins = [
        o
        for o in events
        if o is not ev and o.sentence_start == ev.sentence_start and o.trigger == ev.trigger
    ]
    if any(event_matches(g, o) for o in twins for g in golds):
        return "duplicate", "same trigger"
    if not here:
        return "spurious", ""
    same_type = [g for g in here if g.get("event") == ev.event]
    taken = [g for g in same_type if any(event_matches(g, o) for o in events if o is not ev)]
    if same_type and len(taken) == len(same_type):
        return "duplicate", "act already matched"
    if ev.aux in ("negation", "hypothetical", "future"):
        for g in here:
            if g.get("event") in STATEMENTS and all(parties_meet(g, ev)):
                return "aux", f"{ev.event}/{ev.aux} for {g.get('event')}"
    if not same_type:
        with_parties = any(all(parties_meet(g, ev)) for g in here)
        return "wrong type", "parties right" if with_parties else "another act of the sentence"
    meets = [parties_meet(g, ev) for g in same_type]
    if any(s for s, r in meets):
        g = next(g for g, (s, r) in zip(same_type, meets, strict=True) if s)
        gold_r, pred_r = codes(g.get("recipient") or []), codes(ev.recipient)
        if not pred_r:
            return "wrong recipient", "missing"
        if not gold_r:
            return "wrong recipient", "extra"
        if pred_r & codes(g.get("actor") or []):
            return "wrong recipient", "the source"
        return "wrong recipient", "other"
    if any(r for s, r in meets):
        g = next(g for g, (s, r) in zip(same_type, meets, strict=True) if r)
        if codes(ev.actor) & codes(g.get("recipient") or []):
            return "wrong source", "reversed"
        return "wrong source", "other"
    return "wrong both", ""


def gold_report(paths: list[str], root: Path, details: bool) -> None:
    from tidings.evaluation.runner import evaluate
    from tidings.pipeline import Pipeline

    for path in paths:
        if any(part in Path(path).resolve().as_posix() for part in HELD_OUT):
            raise SystemExit(f"{path}: a held-out set; its misses are not read")
    golds = [g for g in load_gold(paths) if isinstance(g, Gold)]
    tally: Counter[tuple[str, str]] = Counter()
    by_type: dict[str, Counter[str]] = defaultdict(Counter)
    by_rule: dict[str, Counter[str]] = defaultdict(Counter)
    by_route: dict[str, Counter[str]] = defaultdict(Counter)
    predicted = matched = dated_wrong = 0
    lines = []
    for item in evaluate(golds, root, Pipeline()):
        if item.analysis is None:
            continue
        body = item.analysis.article.body
        gold_events = [g for g in item.gold.data.get("events") or [] if isinstance(g, dict)]
        events = item.analysis.events
        for ev in events:
            predicted += 1
            if any(event_matches(g, ev) for g in gold_events):
                matched += 1
                by_route[route(ev)]["right"] += 1
                dated_wrong += not any(event_matches(g, ev, dated=True) for g in gold_events)
                continue
            kind, note = classify(ev, events, gold_events, body)
            tally[kind, note] += 1
            by_type[ev.event][kind] += 1
            by_rule[ev.rule.split("+")[0]][kind] += 1
            by_route[route(ev)][kind] += 1
            actors = "+".join(sorted(codes(ev.actor)))
            recips = "+".join(sorted(codes(ev.recipient))) or "-"
            lines.append(
                f"{kind:16} {note:22} {item.gold.id} {ev.event} {actors}->{recips} "
                f"aux={ev.aux} [{ev.rule}] {body[ev.sentence_start : ev.sentence_end][:160]!r}"
            )
    wrong = predicted - matched
    print(f"{' '.join(paths)}: {predicted} predicted, {matched} matched, {wrong} wrong; "
          f"{dated_wrong} matched with a wrong date")  # fmt: skip
    print_classes(tally, wrong)
    print_breakdown("by type", by_type)
    print_breakdown("by rule", by_rule, limit=25)
    print_breakdown("by how the parties were found (right = matched)", by_route)
    if details:
        print()
        print("\n".join(sorted(lines)))


def print_classes(tally: Counter[tuple[str, str]], total: int) -> None:
    kinds: Counter[str] = Counter()
    for (kind, _), n in tally.items():
        kinds[kind] += n
    print("\n| class | n | share | detail |\n|---|---|---|---|")
    for kind, n in kinds.most_common():
        notes = ", ".join(
            f"{note} {m}" for (k, note), m in tally.most_common() if k == kind and note
        )
        print(f"| {kind} | {n} | {n / max(1, total):.2f} | {notes} |")


def print_breakdown(title: str, table: dict[str, Counter[str]], limit: int = 40) -> None:
    print(f"\n{title}:")
    rows = sorted(table.items(), key=lambda kv: -sum(kv[1].values()))[:limit]
    for key, counter in rows:
        parts = ", ".join(f"{k} {n}" for k, n in counter.most_common())
        print(f"  {sum(counter.values()):4d} {key:34} {parts}")


# ---------------------------------------------------------------------------- corpus


def event_at(events: Sequence[Event], trigger: Token) -> list[Event]:
    """The coder's events whose trigger is this token (same sentence, same word, and the
    event's words contain it)."""
    sent = trigger.sent
    out = []
    for ev in events:
        if ev.sentence_start != sent.start_char or ev.trigger != trigger.text:
            continue
        same_words = [t for t in sent if t.text == trigger.text]
        if len(same_words) > 1:
            at = trigger.doc.text.find(ev.text, ev.sentence_start) if ev.text else -1
            if at < 0 or not at <= trigger.idx < at + len(ev.text):
                continue
        out.append(ev)
    return out


def with_tensor(nlp: Language, blob: bytes) -> Doc:
    doc = Doc(nlp.vocab).from_bytes(blob)
    if "tok2vec" in nlp.pipe_names:
        doc = nlp.get_pipe("tok2vec")(doc)
    return doc


def corpus_report(args: argparse.Namespace) -> None:
    from tidings.nlp import load_nlp

    labels = read_labels(args.data)
    by_article: dict[str, list[Any]] = defaultdict(list)
    for p in read_candidates(args.data):
        if p["id"] in labels:
            by_article[p["article"]].append((p, labels[p["id"]]))
    nlp = load_nlp()
    wanted = sorted(by_article)[: args.limit] if args.limit else sorted(by_article)
    parsed = parse_articles(args.shared, set(wanted), nlp, args.parsed)
    tally: Counter[str] = Counter()
    roles: dict[str, Counter[str]] = {SOURCE: Counter(), RECIPIENT: Counter()}
    by_type: dict[str, Counter[str]] = defaultdict(Counter)
    by_rule: dict[str, Counter[str]] = defaultdict(Counter)
    by_route: dict[str, Counter[str]] = defaultdict(Counter)
    judged = 0
    lines = []
    for n, art in enumerate(wanted):
        record = parsed.get(art)
        if record is None:
            continue
        text, blob, article, mentions, quotes = record
        doc = with_tensor(nlp, blob)
        events = code_events(doc, article, mentions, quotes, resolve_dates(doc, article))
        index = ActorIndex(doc, mentions, quotes, home=article_country(article, mentions))
        for pointer, label in by_article[art]:
            trigger = trigger_token(doc, text, pointer)
            if trigger is None:
                continue
            for ev in event_at(events, trigger):
                judged += 1
                faults = judge(ev, label, trigger, index)
                kind = "right" if not faults else faults[0]
                tally[kind] += 1
                for fault in faults:
                    if fault.startswith(("source", "recipient")):
                        roles[fault.split(" ")[0]][fault] += 1
                by_type[ev.event][kind] += 1
                by_rule[ev.rule.split("+")[0]][kind] += 1
                by_route[route(ev)][kind] += 1
                if faults:
                    actors = "+".join(sorted(codes(ev.actor)))
                    recips = "+".join(sorted(codes(ev.recipient))) or "-"
                    lines.append(
                        f"{'; '.join(faults):40} {ev.event} {actors}->{recips} [{ev.rule}] "
                        f"label {label.get('event')} {label.get('source')!r}->"
                        f"{label.get('recipient')!r} :: {trigger.sent.text[:150]!r}"
                    )
        if n % 200 == 0:
            print(f"... {n} of {len(wanted)} articles", file=sys.stderr)
    wrong = judged - tally["right"]
    print(f"corpus: {judged} coded events at annotated candidates, {tally['right']} right, "
          f"{wrong} wrong (first fault)")  # fmt: skip
    print("\n| first fault | n | share of coded |\n|---|---|---|")
    for kind, n in tally.most_common():
        print(f"| {kind} | {n} | {n / max(1, judged):.3f} |")
    for role, counter in roles.items():
        print(f"\n{role} faults (any, of the {judged - tally['spurious']} events the label types):")
        for fault, n in counter.most_common():
            print(f"  {n:5d} {fault}")
    print_breakdown("by type (first fault)", by_type)
    print_breakdown("by rule (first fault)", by_rule, limit=30)
    print_breakdown("by how the parties were found (first fault)", by_route)
    if args.details:
        print()
        print("\n".join(sorted(lines)))


def judge(ev: Event, label: dict[str, Any], trigger: Token, index: ActorIndex) -> list[str]:
    """What differs from the label, in the order the classes are reported."""
    event = str(label.get("event") or "NONE")
    if event == "NONE":
        return ["spurious"]
    faults = []
    if ev.event != event:
        faults.append("type (in sample)")
    found = units(trigger.sent, trigger, index)
    for role, parties in ((SOURCE, ev.actor), (RECIPIENT, ev.recipient)):
        _, gold = role_gold(trigger, label.get(role), found)
        if gold is None:
            continue  # the annotated party is none the coder can see
        if gold and label.get(f"{role}_code"):
            # the annotator's own code counts too ("North Korea" tests missiles: PRKMIL)
            gold = gold | state_codes([str(label[f"{role}_code"])])
        answer = codes_of(parties)  # type: ignore[arg-type]
        if not right(answer, gold):
            if not gold:
                faults.append(f"{role} extra")
            elif not answer:
                faults.append(f"{role} missing")
            elif role == RECIPIENT and answer & codes_of(ev.actor):  # type: ignore[arg-type]
                faults.append(f"{role} is the source's side")
            else:
                faults.append(f"{role} wrong")
    if (label.get("aux") or None) != ev.aux:
        faults.append("aux")
    return faults


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    g = sub.add_parser("gold", help="the gold articles (never gold/test)")
    g.add_argument("paths", nargs="*", default=["gold/dev2"])
    g.add_argument("--root", type=Path, default=Path("../shared"))
    g.add_argument("--details", action="store_true")
    c = sub.add_parser("corpus", help="the annotated corpus candidates")
    c.add_argument("--shared", type=Path, default=Path("../shared"))
    c.add_argument("--data", type=Path, default=Path("data/events"))
    c.add_argument("--parsed", type=Path, help="the parse cache (train_event_arguments)")
    c.add_argument("--limit", type=int, help="the first N articles only")
    c.add_argument("--details", action="store_true")
    args = parser.parse_args()
    if args.command == "gold":
        gold_report(args.paths, args.root, args.details)
    else:
        corpus_report(args)


if __name__ == "__main__":
    main()
