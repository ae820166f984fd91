"""Choose the argument model's thresholds on the development articles: event precision,
recall and F1 of the whole coder on gold articles, for each pair of thresholds (the model
fills a source, or a recipient, the rules left empty only when at least that sure).

The annotated candidates' cross-validation (``train_event_arguments.py``) measures the
model on events an annotator saw; a threshold chosen there alone is too low for the coder,
which also asks the model on candidates that state no event (a source found for a
non-event makes a spurious event). So the thresholds are chosen here, on
``../shared/gold/dev`` + seed and ``gold/dev2`` (never ``gold/test``), and written into the
weights file by ``--write``.

    python scripts/tune_argument_thresholds.py [../shared/gold/dev ../shared/gold/seed gold/dev2]
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from tidings.actors import resolve_actors
from tidings.dates import resolve_dates
from tidings.evaluation.gold import Gold, gold_document, load_gold, with_texts
from tidings.evaluation.scoring import ArticleScore, score_events
from tidings.events import code_events
from tidings.events.argument_model import ArgumentModel, load_argument_model
from tidings.extract import extract_article
from tidings.model import Document
from tidings.nlp import load_nlp
from tidings.quotes import extract_quotes

HELD_OUT = ("test", "test-agreement")
OFF = 1.01  # no probability reaches it: the rules alone
GRID = (0.3, 0.5, 0.6, 0.7, 0.8, 0.9, OFF)
COUNTS = (
    "events_predicted",
    "events_predicted_matched",
    "events_predicted_matched_dated",
    "events_required",
    "events_required_matched",
    "events_required_matched_dated",
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="*", type=Path,
                    default=[Path("../shared/gold/dev"), Path("../shared/gold/seed"),
                             Path("gold/dev2")])  # fmt: skip
    ap.add_argument("--shared", default="../shared", type=Path)
    ap.add_argument(
        "--write",
        nargs=2,
        type=float,
        metavar=("SOURCE_AT", "RECIPIENT_AT"),
        help="store these thresholds in src/tidings/events/data/arguments.npz",
    )
    args = ap.parse_args()
    model = load_argument_model()
    if model is None:
        sys.exit("src/tidings/events/data/arguments.npz: no argument model to tune")
    if args.write:
        out = Path("src/tidings/events/data/arguments.npz")
        out.write_bytes(
            replace(model, source_at=args.write[0], recipient_at=args.write[1]).to_bytes()
        )
        print(f"thresholds {args.write} -> {out}")
        return
    for folder in args.gold:
        if any(part in HELD_OUT for part in folder.resolve().parts):
            sys.exit(f"{folder}: the held-out test set is measured by `tidings eval`, not tuned on")
    nlp = load_nlp()
    sets: dict[str, list] = {}
    for folder in args.gold:
        name = "dev2" if "dev2" in str(folder) else "dev+seed"
        for g in load_gold([folder]):
            if not isinstance(g, Gold):
                continue
            document = gold_document(g, args.shared)
            if not isinstance(document, Document):
                continue
            gold = with_texts(g, document).data
            article = extract_article(document)
            doc = nlp(article.body)
            mentions = resolve_actors(doc, article)
            quotes = extract_quotes(doc, article, mentions)
            dates = resolve_dates(doc, article)
            sets.setdefault(name, []).append((gold, doc, article, mentions, quotes, dates))
    print("source_at recipient_at | " + " | ".join(f"{n} P R F1 (dated F1)" for n in sets))
    for s_at in GRID:
        for r_at in GRID:
            variant: ArgumentModel = replace(model, source_at=s_at, recipient_at=r_at)
            cells = []
            for items in sets.values():
                total = ArticleScore("all")
                for gold, doc, article, mentions, quotes, dates in items:
                    score = ArticleScore("one")
                    events = code_events(doc, article, mentions, quotes, dates, arguments=variant)
                    score_events(gold, events, score)
                    for f in COUNTS:
                        setattr(total, f, getattr(total, f) + getattr(score, f))
                p = total.events_predicted_matched / max(1, total.events_predicted)
                r = total.events_required_matched / max(1, total.events_required)
                f1 = 2 * p * r / max(1e-9, p + r)
                pd = total.events_predicted_matched_dated / max(1, total.events_predicted)
                rd = total.events_required_matched_dated / max(1, total.events_required)
                fd = 2 * pd * rd / max(1e-9, pd + rd)
                cells.append(f"{p:.3f} {r:.3f} {f1:.3f} ({fd:.3f})")
            label = lambda t: "off" if t == OFF else f"{t:.2f}"  # noqa: E731
            print(f"{label(s_at):>9} {label(r_at):>12} | " + " | ".join(cells), flush=True)


if __name__ == "__main__":
    main()
