"""Draw event candidates from ``../shared/corpus`` for annotation (issue #12).

Candidates come from ``tidings.events.candidates`` (the coder's own structural pass: a
clause head or eventive noun with a named actor among its arguments), over articles drawn
with a fixed seed, never from tidings' own test articles (``gold/test/SELECTION.tsv``) nor
from any article under ``../shared/gold``. The event coder's output is not consulted: the
annotator sees the sentence with its trigger marked, and nothing of what tidings would code.

Each article gives ``--per-article`` picks. With ``--uncertain FRACTION`` (active learning,
since batch 6) that share of them is chosen where the shipped typer is least sure: the
candidates whose two likeliest labels (NONE or a type) are closest in probability, the
typer asked as the training script asks it (the lexicon's type of the trigger among its
features). The rest are drawn as before: half among triggers the CAMEO dictionary knows,
half among any candidate. ``per-article × FRACTION`` is rounded up or down at random
(seeded), so that the batch holds that share. The typer's answer reaches neither the
annotators nor the pointers; each pointer says only how it was drawn (``"drawn"``:
``"uncertain"`` or ``"random"``), for the model card.

Writes two files:
- ``data/events/candidates-<batch>.jsonl``: what is kept in the repository (one file per
  draw); each candidate points
  at its text (article id, character offsets of the sentence and the trigger in the
  corpus record's ``text``), no text copied;
- ``--show FILE``: the sentences with the trigger marked, for the annotators only (not
  committed: it holds third-party text).

    python scripts/sample_event_candidates.py --show /tmp/c.jsonl              # the first draw
    python scripts/sample_event_candidates.py --batch 5 --show /tmp/c5.jsonl   # another 480
    python scripts/sample_event_candidates.py --batch 6 --articles 500 --uncertain 0.5 \
        --show /tmp/c6.jsonl                  # half of the picks where the typer is unsure
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import random
from pathlib import Path
from typing import Any

import numpy as np
from event_data import located_candidates, measured_articles, parse_record, read_candidates
from spacy.tokens import Doc

from tidings.events.arguments import ActorIndex
from tidings.events.candidates import Candidate
from tidings.events.coder import match
from tidings.events.lexicon import Lexicon, load_lexicon
from tidings.events.typer import EventTyper, load_typer
from tidings.events.typer_features import cameo_verbs
from tidings.model import ActorMention
from tidings.nlp import load_nlp

Located = tuple[Candidate, int, int]  # a candidate, its sentence's and trigger's offsets

SEED = 20261206
# Four in five articles come from the corpus's international topics (where the events are),
# the rest from any topic, so that the typer also learns what is not an event.
FOREIGN = frozenset({
    "middle_east", "world", "foreign_policy", "north_korea", "russia", "china", "europe",
    "israel", "asia", "national_security", "terrorism", "trade", "us_military", "defense",
    "nuclear_weapons", "isis", "mexico", "immigration",
})  # fmt: skip


def margins(
    typer: EventTyper,
    lexicon: Lexicon,
    sdoc: Doc,
    mentions: list[ActorMention],
    found: list[Located],
) -> list[float]:
    """How sure the typer is of each candidate: its likeliest label's probability less the
    next one's (0: torn between two). The lexicon's type enters as in training."""
    if not found:
        return []
    index = ActorIndex(sdoc, mentions, [])
    cands = [f[0] for f in found]
    lex = [(m.entry.event if (m := match(c.trigger, lexicon, index)) else None) for c in cands]
    probs = np.sort(typer.probabilities(typer.matrix(cands, lex)), axis=1)
    return (probs[:, -1] - probs[:, -2]).tolist()


def choose(
    found: list[Located], verbs: set[str], per_article: int, n_uncertain: int,
    margin: list[float] | None,
) -> list[tuple[Located, str]]:  # fmt: skip
    """An article's picks (``found`` shuffled already), each with how it was drawn: the
    ``n_uncertain`` least sure by ``margin``, then half of the rest among triggers the CAMEO
    dictionary knows and half among any candidate, in the trigger's order."""
    unsure: list[Located] = []
    if n_uncertain and margin is not None:
        # ties keep the shuffled order, so the pick is the seed's
        order = sorted(range(len(found)), key=lambda i: margin[i])
        unsure = [found[i] for i in order[:n_uncertain]]
    left = [f for f in found if f not in unsure]
    n_rest = per_article - len(unsure)
    known = [f for f in left if f[0].trigger.lemma_.lower() in verbs]
    half = known[: n_rest // 2]
    rest = [f for f in left if f not in half][: n_rest - len(half)]
    picks = [(f, "uncertain") for f in unsure] + [(f, "random") for f in half + rest]
    return sorted(picks, key=lambda p: p[0][0].trigger.i)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--articles", type=int, default=480)
    parser.add_argument("--per-article", type=int, default=7)
    parser.add_argument("--batch", type=int, default=0,
                        help="0 for the first draw; each later batch draws other articles "
                        "with its own seed into FOLDER/candidates-<batch>.jsonl")  # fmt: skip
    parser.add_argument("--folder", type=Path, default=Path("data/events"))
    parser.add_argument("--uncertain", type=float, default=0.0, metavar="FRACTION",
                        help="share of each article's picks chosen where the shipped typer "
                        "is least sure (active learning); 0 draws as batches 0-5 did")  # fmt: skip
    parser.add_argument("--show", type=Path, required=True)
    args = parser.parse_args()
    if not 0.0 <= args.uncertain <= 1.0:
        parser.error(f"--uncertain {args.uncertain}: a fraction between 0 and 1 is needed")
    typer = load_typer() if args.uncertain else None
    if args.uncertain and typer is None:
        parser.error("--uncertain: this install has no typer (tidings/events/data/typer.npz)")
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
    lexicon = load_lexicon()
    nlp = load_nlp()
    kept: list[dict[str, Any]] = []
    shown: list[dict[str, Any]] = []
    for rec in picked:
        parsed = parse_record(rec, nlp)
        if parsed is None:
            continue
        sdoc, mentions = parsed
        found = located_candidates(rec["text"], sdoc, mentions)
        rng.shuffle(found)
        n_uncertain, margin = 0, None
        if typer is not None:
            # rounded up with the probability of the fraction's remainder (no draw at 0,
            # so that earlier batches draw again as they were drawn)
            share = args.per_article * args.uncertain
            n_uncertain = math.floor(share) + (rng.random() < share - math.floor(share))
            margin = margins(typer, lexicon, sdoc, mentions, found)
        for (cand, at, trig), drawn in choose(found, verbs, args.per_article, n_uncertain, margin):
            sent = cand.sent
            cid = f"c{len(earlier) + len(kept) + 1:05d}"
            pointer = {
                "id": cid, "article": rec["id"], "published": rec["published"],
                "sentence": [at, at + len(sent.text)],
                "trigger": [trig, trig + len(cand.trigger.text)],
            }  # fmt: skip
            if typer is not None:
                pointer["drawn"] = drawn
            kept.append(pointer)
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
    drawn = sum(k.get("drawn") == "uncertain" for k in kept)
    articles = len({k["article"] for k in kept})
    print(
        f"{len(kept)} candidates ({drawn} where the typer is unsure) from {articles} of "
        f"{len(picked)} articles -> {out}, {args.show}"
    )


if __name__ == "__main__":
    main()
