"""A blind sample of quoted stretches from the 10k corpus, for measuring quotes and speakers on
news no rule was written from (issue #11).

Each round of #11 draws a new sample with a new ``--seed`` into its own ``--sample`` file; the
samples of earlier rounds, once developers have studied them, are development data, and no new
sample may share an article with them.

``draw``: picks articles with the seed ``--seed`` from ``../shared/corpus/allsides-10k.jsonl.gz``
(international topics, dated, 1,500 to 6,000 characters, as ``sample_test_set.py``), never an
article of a gold set (``../shared/gold``, ``gold/``), of the event samples (``data/events``),
of any other quote sample (every ``data/quotes/speaker_sample*.jsonl`` but the one being
drawn) or of the working files of earlier rounds (``data/quotes/earlier_samples.txt``), and
draws up to ``--per-article`` stretches between double quotation marks from each, found with
a plain pattern, not by tidings. It writes the pointers (article id, character offsets of the
quoted words in the record's ``text``) to ``data/quotes/<--sample>`` (it refuses to overwrite a
sample that holds judgments) and, for the judge only, each article with the stretch marked to
``--show`` (not committed: third-party text). The judge reads the article and adds to each
pointer, before looking at tidings' answer: ``quote`` (true when the article attributes the
words to someone, false for scare quotes, titles and names) and, for a quote, ``speaker``
``{"name", "code"}`` following ``../shared/gold/README.md``.

``score``: runs tidings over the articles of ``--sample`` and prints quote recall on the stretches
judged quotes, the share of non-quotes tidings reports as quotes, and speaker accuracy (code,
name as ``tidings eval`` judges them) on the quotes it found; ``--details`` lists each miss.

    python scripts/quote_speaker_sample.py draw --sample speaker_sample_r5.jsonl \
        --seed 20261207 --show /tmp/quote_show.txt
    python scripts/quote_speaker_sample.py score --sample speaker_sample_r5.jsonl [--details]

``--sample`` defaults to ``speaker_sample.jsonl`` (the first rounds' sample) and ``--seed`` to
the seed that drew it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
from pathlib import Path
from typing import Any

SEED = 20261208
CORPUS_TOPICS = {
    "middle_east", "world", "foreign_policy", "north_korea", "russia", "china", "europe",
    "israel", "asia", "national_security", "terrorism", "trade", "us_military", "defense",
    "nuclear_weapons", "isis", "mexico",
}  # fmt: skip
# Words between double quotation marks inside one paragraph: curly or straight.
QUOTED = re.compile(r"“(?P<a>[^”\n]+)”|\"(?P<b>[^\"\n]+)\"")
ID = re.compile(r"allsides-[A-Za-z0-9]{16}")


def excluded(shared: Path, data: Path, sample: Path) -> set[str]:
    """Articles of the gold sets, the event samples and the quote samples other than ``sample``.

    ``sample`` itself is left out so that drawing it again with the same seed gives it again.
    """
    ids: set[str] = set()
    for folder in (shared / "gold", Path("gold")):
        for path in folder.rglob("*.json"):
            ids.update(ID.findall(path.read_text(encoding="utf-8")))
        for path in folder.rglob("*.tsv"):
            ids.update(ID.findall(path.read_text(encoding="utf-8")))
    for path in Path("data/events").glob("*.jsonl"):
        ids.update(ID.findall(path.read_text(encoding="utf-8")))
    earlier = [data / "earlier_samples.txt", *sorted(data.glob("speaker_sample*.jsonl"))]
    for path in earlier:
        if path.exists() and path.resolve() != sample.resolve():
            ids.update(ID.findall(path.read_text(encoding="utf-8")))
    return ids


def sample_path(args: argparse.Namespace) -> Path:
    name = args.sample
    if not name.endswith(".jsonl") or Path(name).name != name:
        raise SystemExit(f"--sample {name}: expected a .jsonl file name inside {args.data}")
    return args.data / name


def read_rows(path: Path) -> list[dict[str, object]]:
    if not path.exists():
        raise SystemExit(f"{path}: no such sample (draw it first)")
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as err:
                raise SystemExit(f"{path}:{n}: not a JSON line ({err.msg})") from None
    return rows


def read_corpus(shared: Path) -> dict[str, dict[str, str]]:
    with gzip.open(shared / "corpus/allsides-10k.jsonl.gz", "rt", encoding="utf-8") as fh:
        return {r["id"]: r for line in fh if (r := json.loads(line))}


def draw(args: argparse.Namespace) -> None:
    out = sample_path(args)
    if out.exists() and any("quote" in r for r in read_rows(out)):
        raise SystemExit(f"{out}: holds judgments; draw a new sample under another --sample name")
    rng = random.Random(args.seed)
    skip = excluded(args.shared, args.data, out)
    records = read_corpus(args.shared)
    pool = [
        r for r in records.values()
        if r["topic"] in CORPUS_TOPICS and r["id"] not in skip
        and r["published"] not in (None, "None") and 1500 <= len(r["text"]) <= 6000
        and QUOTED.search(r["text"])
    ]  # fmt: skip
    rng.shuffle(pool)
    pointers: list[dict[str, object]] = []
    shown: list[str] = []
    for record in pool:
        if len(pointers) >= args.quotes:
            break
        text = record["text"]
        spans = [(m.start("a") if m.group("a") else m.start("b"), m.end() - 1)
                 for m in QUOTED.finditer(text)]  # fmt: skip
        picked = sorted(rng.sample(spans, min(args.per_article, len(spans))))
        marked = text
        for n, (start, end) in reversed(list(enumerate(picked))):
            k = len(pointers) + n + 1
            marked = f"{marked[:start]}[[q{k:03d}: {marked[start:end]}]]{marked[end:]}"
        for start, end in picked:
            pointers.append(
                {"id": f"q{len(pointers) + 1:03d}", "article": record["id"],
                 "start": start, "end": end}
            )  # fmt: skip
        shown.append(
            f"=== {record['id']} | {record['publisher']} | {record['published']} | "
            f"{record['title']}\n{marked}\n"
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(json.dumps(p) + "\n" for p in pointers), encoding="utf-8")
    args.show.write_text("\n".join(shown), encoding="utf-8")
    print(f"{len(pointers)} quoted stretches from {len(shown)} articles -> {out}, {args.show}")


def score(args: argparse.Namespace) -> None:
    from tidings.evaluation import matching
    from tidings.evaluation.scoring import quote_matches
    from tidings.model import Document
    from tidings.pipeline import Pipeline, Settings

    path = sample_path(args)
    rows: list[dict[str, Any]] = read_rows(path)
    unjudged = [r["id"] for r in rows if "quote" not in r]
    if unjudged:
        raise SystemExit(f"{path}: {len(unjudged)} rows not judged ({unjudged[0]}…)")
    records = read_corpus(args.shared)
    wanted = sorted({r["article"] for r in rows})
    docs = [
        Document(source=i, content_hash=i, format="jsonl", content=records[i]["text"],
                 hints={k: records[i][k] for k in ("title", "publisher", "url", "published")
                        if records[i].get(k) not in (None, "None")})
        for i in wanted
    ]  # fmt: skip
    quotes = {}
    for result in Pipeline(Settings(n_process=1)).analyze_many(docs):
        if not isinstance(result, Exception):
            quotes[result.document.source] = result.quotes
    found = missed = spurious = non_quotes = judged = code_ok = name_ok = both = 0
    for r in rows:
        text = records[r["article"]]["text"][r["start"] : r["end"]]
        hits = [q for q in quotes.get(r["article"], []) if quote_matches(text, q)]
        if not r["quote"]:
            non_quotes += 1
            spurious += bool(hits)
            if hits and args.details:
                print(f"{r['id']} not a quote, tidings has one: {text[:60]}")
            continue
        if not hits:
            missed += 1
            if args.details:
                print(f"{r['id']} missed: {text[:60]}")
            continue
        found += 1
        want = r.get("speaker") or {}
        if not (want.get("code") or want.get("name")):
            continue
        got = hits[0].speaker
        judged += 1
        c = got is not None and got.code == want.get("code")
        n = got is not None and matching.names_agree(want.get("name"), got.name)
        code_ok, name_ok, both = code_ok + c, name_ok + n, both + (c and n)
        if args.details and not (c and n):
            have = f"{got.code} {got.name}" if got else "no speaker"
            print(f"{r['id']} speaker: want {want.get('code')} {want.get('name')}, got {have}")
    quotes_n = found + missed
    print(
        f"{len(rows)} stretches, {quotes_n} quotes: recall {found / max(1, quotes_n):.3f}; "
        f"{spurious}/{non_quotes} non-quotes reported; speakers judged {judged}: "
        f"accuracy {both / max(1, judged):.3f} (code {code_ok / max(1, judged):.3f}, "
        f"name {name_ok / max(1, judged):.3f})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("command", choices=("draw", "score"))
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--data", type=Path, default=Path("data/quotes"))
    parser.add_argument(
        "--sample", default="speaker_sample.jsonl",
        help="file under --data that draw writes and score reads (one per round)",
    )  # fmt: skip
    parser.add_argument("--seed", type=int, default=SEED, help="seed of the draw")
    parser.add_argument("--quotes", type=int, default=100)
    parser.add_argument("--per-article", type=int, default=3)
    parser.add_argument("--show", type=Path, default=Path("/tmp/quote_show.txt"))
    parser.add_argument("--details", action="store_true")
    args = parser.parse_args()
    draw(args) if args.command == "draw" else score(args)


if __name__ == "__main__":
    main()
