"""Draw tidings' own held-out test articles (issue #11, #12): international-politics news from
``../shared/news`` (not in ``../shared/gold``) and ``../shared/corpus``, with a fixed seed.

No rule or model may be fitted on these articles; they are read only to measure. The list is
written to ``gold/test/SELECTION.tsv``; the gold files themselves are annotated by hand (blind
to tidings' output) following ``../shared/gold/README.md``.

    python scripts/sample_test_set.py [--shared ../shared] [--news 18] [--corpus 15]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
from pathlib import Path

SEED = 20261206
CORPUS_TOPICS = {
    "middle_east", "world", "foreign_policy", "north_korea", "russia", "china", "europe",
    "israel", "asia", "national_security", "terrorism", "trade", "us_military", "defense",
    "nuclear_weapons", "isis", "mexico",
}  # fmt: skip


def gold_inputs(shared: Path) -> set[str]:
    used: set[str] = set()
    for path in (shared / "gold").rglob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        used.add(Path(data["input"]["file"]).stem)
    return used


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--news", type=int, default=18)
    parser.add_argument("--corpus", type=int, default=15)
    parser.add_argument("--out", type=Path, default=Path("gold/test/SELECTION.tsv"))
    args = parser.parse_args()
    rng = random.Random(SEED)
    used = gold_inputs(args.shared)
    manifest = [json.loads(line) for line in (args.shared / "news/manifest.jsonl").open()]
    news = [
        m for m in manifest
        if m["topic"] == "intl_politics" and m["format"] == "text" and m["id"] not in used
    ]  # fmt: skip
    picked_news = sorted(rng.sample(news, min(args.news, len(news))), key=lambda m: m["id"])
    news_ids = {m["id"] for m in manifest}
    pool = []
    with gzip.open(args.shared / "corpus/allsides-10k.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if (
                rec["topic"] in CORPUS_TOPICS
                and rec["id"] not in news_ids
                and rec["published"] not in (None, "None")
                and 1500 <= len(rec["text"]) <= 6000
            ):
                pool.append(rec)
    picked_corpus = sorted(rng.sample(pool, args.corpus), key=lambda r: r["id"])
    rows = ["id\tfile\trecord\tpublished\tpublisher"]
    for m in picked_news:
        rows.append(f"{m['id']}\tnews/{m['file']}\t-\t{m['published']}\t{m['publisher']}")
    for r in picked_corpus:
        rows.append(
            f"{r['id']}\tcorpus/allsides-10k.jsonl.gz\t{r['id']}\t{r['published']}\t{r['publisher']}"
        )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows) - 1} articles -> {args.out}")


if __name__ == "__main__":
    main()
