"""Draw event candidates from ``../shared/corpus`` for annotation (issue #12).

Candidates come from ``tidings.events.candidates`` (the coder's own structural pass: a
clause head or eventive noun with a named actor among its arguments), over articles drawn
with a fixed seed, never from tidings' own test articles (``gold/test/SELECTION.tsv``) nor
from any article under ``../shared/gold``. The event coder's output is not consulted: the
annotator sees the sentence with its trigger marked, and nothing of what tidings would code.

Writes two files:
- ``data/events/candidates-<batch>.jsonl``: what is kept in the repository (one file per
  draw); each candidate points
  at its text (article id, character offsets of the sentence and the trigger in the
  corpus record's ``text``), no text copied;
- ``--show FILE``: the sentences with the trigger marked, for the annotators only (not
  committed: it holds third-party text).

    python scripts/sample_event_candidates.py --show /tmp/c.jsonl              # the first draw
    python scripts/sample_event_candidates.py --batch 5 --show /tmp/c5.jsonl   # another 480
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
from pathlib import Path

from event_data import located_candidates, measured_articles, parse_record, read_candidates

from tidings.events.typer_features import cameo_verbs
from tidings.nlp import load_nlp

SEED = 20261206
# Four in five articles come from the corpus's international topics (where the events are),
# the rest from any topic, so that the typer also learns what is not an event.
FOREIGN = frozenset({
    "middle_east", "world", "foreign_policy", "north_korea", "russia", "china", "europe",
    "israel", "asia", "national_security", "terrorism", "trade", "us_military", "defense",
    "nuclear_weapons", "isis", "mexico", "immigration",
})  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--articles", type=int, default=480)
    parser.add_argument("--per-article", type=int, default=7)
    parser.add_argument("--batch", type=int, default=0,
                        help="0 for the first draw; each later batch draws other articles "
                        "with its own seed into FOLDER/candidates-<batch>.jsonl")  # fmt: skip
    parser.add_argument("--folder", type=Path, default=Path("data/events"))
    parser.add_argument("--show", type=Path, required=True)
    args = parser.parse_args()
    rng = random.Random(SEED + args.batch)
    out = args.folder / f"candidates-{args.batch}.jsonl"
    if out.exists():
        parser.error(f"{out} exists: batch {args.batch} was drawn already; choose another --batch")
    earlier = read_candidates(args.folder)
    skip = measured_articles(args.shared, Path(".")) | {c["article"] for c in earlier}
    with gzip.open(args.shared / "corpus/allsides-10k.jsonl.gz", "rt", encoding="utf-8") as fh:
        records = [
            r for line in fh
            if (r := json.loads(line))["id"] not in skip and r["published"] not in (None, "None")
        ]  # fmt: skip
    foreign = [r for r in records if r["topic"] in FOREIGN]
    n_foreign = args.articles * 4 // 5
    picked = rng.sample(foreign, n_foreign)
    seen = {r["id"] for r in picked}
    picked += rng.sample([r for r in records if r["id"] not in seen], args.articles - n_foreign)
    verbs = {lemma for lemma, _ in cameo_verbs()}
    nlp = load_nlp()
    kept, shown = [], []
    for rec in picked:
        parsed = parse_record(rec, nlp)
        if parsed is None:
            continue
        sdoc, mentions = parsed
        found = located_candidates(rec["text"], sdoc, mentions)
        rng.shuffle(found)
        # half the picks have a trigger the CAMEO dictionary knows, half are any candidate
        known = [f for f in found if f[0].trigger.lemma_.lower() in verbs]
        half = known[: args.per_article // 2]
        rest = [f for f in found if f not in half][: args.per_article - len(half)]
        for cand, at, trig in sorted(half + rest, key=lambda f: f[0].trigger.i):
            sent = cand.sent
            cid = f"c{len(earlier) + len(kept) + 1:05d}"
            kept.append({
                "id": cid, "article": rec["id"], "published": rec["published"],
                "sentence": [at, at + len(sent.text)],
                "trigger": [trig, trig + len(cand.trigger.text)],
            })  # fmt: skip
            prev = sdoc[sent.start - 1].sent.text if sent.start > 0 else ""
            offset = cand.trigger.idx - sent.start_char
            end = offset + len(cand.trigger.text)
            marked = f"{sent.text[:offset]}[[{cand.trigger.text}]]{sent.text[end:]}"
            shown.append({"id": cid, "published": rec["published"], "title": rec["title"],
                          "previous": prev.strip(), "sentence": marked.strip()})  # fmt: skip
    args.folder.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(json.dumps(k) + "\n" for k in kept), encoding="utf-8")
    args.show.write_text(
        "".join(json.dumps(s, ensure_ascii=False) + "\n" for s in shown), encoding="utf-8"
    )
    print(f"{len(kept)} candidates from {len(picked)} articles -> {out}, {args.show}")


if __name__ == "__main__":
    main()
