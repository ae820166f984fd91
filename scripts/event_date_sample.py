"""A blind sample of annotated corpus events for labelling their dates (issue #12).

The 13,336 annotated corpus candidates of ``data/events`` carry a type, arguments and aux but
no date, so the coder's dating could only be developed on the few gold articles. This script
draws, with ``--seed``, up to ``--events`` of the annotated events (type not NONE), one per
article, and writes for the annotator only each event's article up to the end of its
paragraph with the sentence and trigger marked (``--show``; not committed: third-party
text). The annotator adds a ``date`` to each pointer following ``../shared/gold/README.md``
(ISO 8601 at the precision the text supports, resolved against the publication date; a
future act dated by when it is to happen; null when the text gives no date) and a ``basis``
saying where the date came from. Pointers and labels are kept in
``data/events/dates-<annotator>.jsonl``; no text is copied.

    python scripts/event_date_sample.py --seed 20261211 --events 300 \
        --show /tmp/date_show.txt
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from typing import Any

from event_data import corpus_records, read_candidates

# Characters of the article shown before the trigger's paragraph besides its lede: enough
# for the narrative's last date, short enough to read quickly.
LEDE_CHARS = 900
CONTEXT_CHARS = 1800


def annotated_events(folder: Path) -> dict[str, dict[str, Any]]:
    """The first annotation of every candidate labelled an event, by candidate id."""
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("labels-T*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line) if line else None
            if row and row.get("event") not in (None, "NONE"):
                out.setdefault(row["id"], row)
    return out


def draw(seed: int, n_events: int, folder: Path) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    labels = annotated_events(folder)
    by_article: dict[str, list[dict[str, Any]]] = {}
    for cand in read_candidates(folder):
        if cand["id"] in labels:
            by_article.setdefault(cand["article"], []).append(cand)
    rng = random.Random(seed)
    articles = sorted(by_article)
    rng.shuffle(articles)
    picks = [rng.choice(by_article[a]) for a in articles[:n_events]]
    return [(cand, labels[cand["id"]]) for cand in sorted(picks, key=lambda c: c["id"])]


def shown(text: str, cand: dict[str, Any], label: dict[str, Any], key: str) -> str:
    s_start, s_end = cand["sentence"]
    t_start, t_end = cand["trigger"]
    para_end = text.find("\n", s_end)
    para_end = len(text) if para_end < 0 else para_end
    before = text[:s_start]
    if len(before) > LEDE_CHARS + CONTEXT_CHARS:
        before = before[:LEDE_CHARS] + "\n[…]\n" + before[-CONTEXT_CHARS:]
    marked = text[s_start:t_start] + "<<" + text[t_start:t_end] + ">>" + text[t_end:s_end]
    event = (
        f"{label['event']}: source {label.get('source')!r} ({label.get('source_code')}), "
        f"recipient {label.get('recipient')!r} ({label.get('recipient_code')}), "
        f"aux {label.get('aux')}"
    )
    return (
        f"=== {key} | {cand['article']} | published {cand['published']}\n"
        f"EVENT {event}\n\n{before}[[{marked}]]{text[s_end:para_end]}\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--data", type=Path, default=Path("data/events"))
    parser.add_argument("--seed", type=int, default=20261211)
    parser.add_argument("--events", type=int, default=300)
    parser.add_argument("--pointers", type=Path, default=Path("data/events/dates-sample.jsonl"))
    parser.add_argument("--show", type=Path, default=Path("/tmp/date_show.txt"))
    args = parser.parse_args()
    picks = draw(args.seed, args.events, args.data)
    texts = {
        rec["id"]: rec["text"]
        for rec in corpus_records(args.shared, {cand["article"] for cand, _ in picks})
    }
    pointers, blocks = [], []
    for n, (cand, label) in enumerate(picks, 1):
        key = f"d{n:03d}"
        pointers.append({"id": key, "candidate": cand["id"], "article": cand["article"]})
        blocks.append(shown(texts[cand["article"]], cand, label, key))
    args.pointers.write_text("".join(json.dumps(p) + "\n" for p in pointers), encoding="utf-8")
    args.show.write_text("\n".join(blocks), encoding="utf-8")
    print(f"{len(picks)} events -> {args.pointers}, {args.show}")


if __name__ == "__main__":
    main()
