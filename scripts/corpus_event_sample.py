"""A random sample of coded events from the 10k corpus, for judging by hand (issue #12).

``draw``: runs tidings over articles drawn with ``--seed`` from
``../shared/corpus/allsides-10k.jsonl.gz`` (never the articles whose candidates trained the
typer, tidings' test articles, nor those of an earlier sample: rules may have been written
from those), then draws ``--events`` of the events coded, uniformly. It writes the pointers
(article id, sentence offsets in the article body, the coded event) to
``data/events/<sample>.jsonl`` and, for the judge only, the sentences themselves to
``--show`` (not committed: third-party text).

``recheck``: runs today's coder over the articles of judged samples (``--sample
corpus_sample_r3,corpus_sample_r4``) and tells which judged events it still codes: a change
should drop the events judged wrong and keep those judged right. On r3–r6 (200 events), the
round that ruled out a word's other senses (a foreign particle, releasing a document,
declining to comment) took the events still coded from 179 to 177, both dropped judged wrong
on type: type right among those kept 0.827 → 0.836, all four 0.419 → 0.424. It also lists
the kept events whose aux mode changed since judging and estimates aux right among those
kept (a mode that moved off one judged wrong counted right, off one judged right wrong).

``score``: reads the judge's verdicts (``data/events/<sample>_judged.jsonl``: id, and
``type``, ``source``, ``recipient``, ``aux`` each true or false) and prints the share of
events right on all four, and on each.

Each round draws a fresh sample under a new name and seed; the older ones become
development data.

    python scripts/corpus_event_sample.py draw --sample corpus_sample_r3 --seed 20261208 \
        --show /tmp/sample_show.jsonl
    python scripts/corpus_event_sample.py score --sample corpus_sample_r3
    python scripts/corpus_event_sample.py recheck --sample corpus_sample_r3,corpus_sample_r4
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
from collections import Counter
from pathlib import Path
from typing import Any

from event_data import read_candidates

from tidings.model import ActorRef, Document, Event
from tidings.pipeline import Pipeline, Settings

SEED = 20261207
FIELDS = ("type", "source", "recipient", "aux")


def _excluded(data: Path, sample: str) -> set[str]:
    """Articles a fresh sample must not come from: the typer's training articles, the
    test set's and those of every earlier sample."""
    ids = {row["article"] for row in read_candidates(data)}
    selection = Path("gold/test/SELECTION.tsv").read_text(encoding="utf-8").splitlines()[1:]
    ids |= {line.split("\t")[0] for line in selection}
    for earlier in data.glob("corpus_sample*.jsonl"):
        if earlier.stem.endswith("_judged") or earlier.stem == sample:
            continue
        for line in earlier.read_text(encoding="utf-8").splitlines():
            if line:
                ids.add(json.loads(line)["article"])
    return ids


def draw(args: argparse.Namespace) -> None:
    rng = random.Random(args.seed)
    skip = _excluded(args.data, args.sample)
    with gzip.open(args.shared / "corpus/allsides-10k.jsonl.gz", "rt", encoding="utf-8") as fh:
        records = [r for line in fh if (r := json.loads(line))["id"] not in skip]
    picked = rng.sample(records, args.articles)
    docs = _documents(picked)
    pipeline = Pipeline(Settings(n_process=args.processes))
    coded = []
    for result in pipeline.analyze_many(docs):
        if isinstance(result, Exception):
            continue
        for event in result.events:
            coded.append((result, event))
    sample = rng.sample(coded, min(args.events, len(coded)))
    pointers, shown = [], []
    for n, (analysis, ev) in enumerate(sample, 1):
        body = analysis.article.body
        record = {
            "id": f"e{n:03d}", "article": analysis.document.source,
            "published": str(analysis.article.published),
            "sentence": [ev.sentence_start, ev.sentence_end],
            "event": ev.event, "mode": ev.mode,
            "source": _refs(ev.actor),
            "recipient": _refs(ev.recipient),
            "aux": ev.aux, "date": ev.date.value if ev.date else None,
            "rule": ev.rule, "confidence": ev.confidence,
        }  # fmt: skip
        pointers.append(record)
        before = body.rfind("\n\n", 0, max(0, ev.sentence_start - 2))
        context = body[max(0, before) : ev.sentence_start].strip()[-600:]
        shown.append(
            {
                **{
                    k: record[k]
                    for k in (
                        "id",
                        "published",
                        "event",
                        "mode",
                        "source",
                        "recipient",
                        "aux",
                        "date",
                    )
                },
                "context": context,
                "sentence": body[ev.sentence_start : ev.sentence_end],
            }
        )
    (args.data / f"{args.sample}.jsonl").write_text(
        "".join(json.dumps(p) + "\n" for p in pointers), encoding="utf-8"
    )
    args.show.write_text(
        "".join(json.dumps(s, ensure_ascii=False) + "\n" for s in shown), encoding="utf-8"
    )
    print(f"{len(coded)} events from {len(docs)} articles; {len(sample)} drawn -> {args.show}")


def _refs(refs: list[ActorRef]) -> list[str]:
    """Parties as a sample's pointer writes them: "CODE name"."""
    return [f"{r.code} {r.name}" for r in refs]


def _documents(records: list[dict[str, Any]]) -> list[Document]:
    """Corpus records as the pipeline's input documents."""
    return [
        Document(
            source=r["id"],
            content_hash=r["id"],
            format="jsonl",
            content=r["text"],
            hints={
                k: r[k]
                for k in ("title", "publisher", "url", "published")
                if r.get(k) not in (None, "None")
            },
        )  # fmt: skip
        for r in records
    ]


def recheck(args: argparse.Namespace) -> None:
    """Run today's coder over the articles of judged samples and say which judged events it
    still codes (same sentence, same type): a change that drops events judged wrong and
    keeps those judged right helps. The share right among the kept events estimates the
    sample's score now; events the coder adds are unjudged and only counted."""
    judged: list[tuple[str, dict[str, Any], dict[str, Any]]] = []
    for stem in args.sample.split(","):
        pointers = {
            (row := json.loads(line))["id"]: row
            for line in (args.data / f"{stem}.jsonl").read_text(encoding="utf-8").splitlines()
            if line
        }
        path = args.data / f"{stem}_judged.jsonl"
        for line in path.read_text(encoding="utf-8").splitlines():
            if line:
                verdict = json.loads(line)
                judged.append((stem, pointers[verdict["id"]], verdict))
    wanted = {pointer["article"] for _, pointer, _ in judged}
    with gzip.open(args.shared / "corpus/allsides-10k.jsonl.gz", "rt", encoding="utf-8") as fh:
        records = [r for line in fh if (r := json.loads(line))["id"] in wanted]
    coded: dict[str, dict[tuple[int, int, str], list[Event]]] = {}
    pipeline = Pipeline(Settings(n_process=args.processes))
    for result in pipeline.analyze_many(_documents(records)):
        if isinstance(result, Exception):
            continue
        at = coded.setdefault(result.document.source, {})
        for ev in result.events:
            at.setdefault((ev.sentence_start, ev.sentence_end, ev.event), []).append(ev)
    kept: list[tuple[str, dict[str, Any]]] = []
    dropped: list[tuple[str, dict[str, Any]]] = []
    moved: Counter[str] = Counter()  # kept events whose aux changed, by the verdict on it
    for stem, pointer, verdict in judged:
        now = coded.get(pointer["article"], {}).get((*pointer["sentence"], pointer["event"]))
        (kept if now else dropped).append((stem, verdict))
        if now and pointer["aux"] not in {ev.aux for ev in now}:
            judged_aux = "right" if verdict.get("aux") is True else "wrong"
            moved[judged_aux] += 1
            auxes = "/".join(sorted(str(ev.aux) for ev in now))
            print(f"aux {stem} {verdict['id']}: {pointer['aux']} -> {auxes} (judged {judged_aux})")
        for role in ("source", "recipient") if now else ():
            # a kept event whose party changed since it was judged: its verdict on that
            # field no longer holds; the judge's note says which party was right
            if all(_refs(getattr(ev, "actor" if role == "source" else role)) != pointer[role]
                   for ev in now):  # fmt: skip
                was = "right" if verdict.get(role) is True else "wrong"
                new = [_refs(getattr(ev, "actor" if role == "source" else role)) for ev in now]
                print(f"changed {stem} {verdict['id']} {role} (judged {was}): "
                      f"{pointer[role]} -> {new}; note: {verdict.get('note', '')}")  # fmt: skip
    for stem, verdict in dropped:
        right = "right" if all(verdict.get(f) is True for f in FIELDS) else "wrong"
        kind = "type right" if verdict.get("type") is True else "type wrong"
        print(f"dropped {stem} {verdict['id']}: {kind}, all four {right}")
    n = len(kept)
    type_right = sum(v.get("type") is True for _, v in kept)
    all_right = sum(all(v.get(f) is True for f in FIELDS) for _, v in kept)
    print(
        f"{len(judged)} judged events; {n} still coded, {len(dropped)} dropped "
        f"({sum(v.get('type') is True for _, v in dropped)} of them judged right on type); "
        f"among those kept: type {type_right / max(n, 1):.3f}, "
        f"all four {all_right / max(n, 1):.3f}"
    )
    # An aux mode that moved off one judged wrong is counted right, one that moved off a
    # right one wrong: an estimate (the judge named the right mode only in the notes).
    aux_right = sum(v.get("aux") is True for _, v in kept) + moved["wrong"] - moved["right"]
    print(
        f"aux: {sum(moved.values())} kept events changed mode ({moved['wrong']} judged wrong, "
        f"{moved['right']} judged right before); aux right among those kept, estimated: "
        f"{aux_right / max(n, 1):.3f}"
    )


def score(args: argparse.Namespace) -> None:
    path = args.data / f"{args.sample}_judged.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    n = len(rows)
    right = sum(all(r.get(f) is True for f in FIELDS) for r in rows)
    parts = ", ".join(f"{f} {sum(r.get(f) is True for r in rows) / n:.2f}" for f in FIELDS)
    print(f"{n} events judged: {right / n:.2f} right on type, source, recipient and aux ({parts})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("command", choices=("draw", "score", "recheck"))
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--data", type=Path, default=Path("data/events"))
    parser.add_argument(
        "--sample",
        default="corpus_sample",
        help="file stem under --data (recheck: several, comma-separated)",
    )
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--events", type=int, default=50)
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--show", type=Path, default=Path("/tmp/sample_show.jsonl"))
    args = parser.parse_args()
    {"draw": draw, "score": score, "recheck": recheck}[args.command](args)


if __name__ == "__main__":
    main()
