"""Train tidings' event typer (``src/tidings/events/data/typer.npz``) and write its model card.

Training data:
- the candidates annotated for tidings (``data/events/candidates-*.jsonl`` with the labels in
  ``data/events/labels-*.jsonl``): text from ``../shared/corpus``, drawn by
  ``scripts/sample_event_candidates.py``;
- NGEC's synthetic PLOVER stories (``../shared/events/ngec/``; Halterman 2025): the first
  sentence of each story, where a candidate whose CAMEO reading has the story's type takes
  that type (weight ``--ngec-weight``).
Never trained or tuned on: the PLOVER gold-standard sentences, tidings' test articles
(``gold/test``), ``../shared/gold``.

Three variants measured and not shipped (figures in the model card): ``--sense-features``
(``typer_features.sense_features``: the typer alone gains a little, the coder does not),
``--no-lexicon-feature`` (better on the PLOVER gold-standard sentences alone, worse in the
coder), and ``--encoder-weight`` (the sentence encoder's features, ``events.encoder``;
needs ``data/minilm.npz`` from ``scripts/convert_minilm.py``): better on both, but several
times the cost of the spaCy pass. ``--static-weight`` gives the typer the static vectors
distilled from the same encoder (``events.static_vectors``, ``scripts/distill_static_vectors.py``):
a table lookup at run time. ``--act-features`` gives the typer
``typer_features.act_features``: what tells an act from talk about acts (verb form and
modal, a generic subject, an adverb of habit, a condition, named or only described parties,
the writer's first person, an opinion page by its address, read from the corpus record's
address into ``Doc.user_data[typer_features.OPINION_KEY]``). Tried, not shipped: fold 0,
typer + lexicon event F1 0.533 against 0.546 without them (a --cache written before this
option lacks them).

``--judged FILE`` (``scripts/typer_judged_events.py collect``) also scores the blind-judged
corpus events of samples r3–r8 out of fold, their rounds held out together (fold 0 holds r3
and r8), and prints which of them the coder's decision keeps; ``--train-judged`` trains on
them too (label: the coded type if judged right, NONE if judged wrong with no other type
named), weight ``--judged-weight``. Tried, not shipped (the model card).

``--folds 0,1`` scores only those folds (and skips the final fit unless ``--out`` is given),
to compare variants quickly; the model card's figures use all five.

Prints grouped 5-fold cross-validation (folds by article) on the annotated candidates — the
typer alone, the lexicon alone, and both as the coder combines them — then fits on
everything and saves the weights and ``data/events/typer_training.json``.

    python scripts/train_event_typer.py [--shared ../shared] [--cache /tmp/typer.pkl]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import pickle
import random
import sys
import zipfile
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

import numpy as np
from scipy import sparse

sys.path.insert(0, str(Path(__file__).parent))
from event_data import (  # noqa: E402
    actor_test,
    corpus_records,
    located_candidates,
    measured_articles,
    parse_record,
    read_candidates,
)
from softmax import fit_softmax, vocabulary_of  # noqa: E402
from typer_thresholds import SHIPPED, Thresholds, decide  # noqa: E402

from tidings.events.arguments import ActorIndex  # noqa: E402
from tidings.events.candidates import Candidate, candidates  # noqa: E402
from tidings.events.coder import match  # noqa: E402
from tidings.events.encoder import SentenceEncoder, load_encoder  # noqa: E402
from tidings.events.lexicon import load_lexicon  # noqa: E402
from tidings.events.static_vectors import StaticVectors, load_static_vectors  # noqa: E402
from tidings.events.typed import ADD_AT, DROP_AT, RETYPE_AT  # noqa: E402
from tidings.events.typer import NONE, EventTyper  # noqa: E402
from tidings.events.typer_features import (  # noqa: E402
    ACT_GROUPS,
    DENSE_DIM,
    ENCODER_DIM,
    OPINION_KEY,
    SENSE_GROUPS,
    act_features,
    cameo_types,
    dense_features,
    eventive_noun,
    feature_names,
    opinion_article,
    opinion_features,
    sense_features,
    trigger_span,
)
from tidings.model import PLOVER_TYPES  # noqa: E402
from tidings.nlp import load_nlp  # noqa: E402

LABELS = (NONE, *PLOVER_TYPES)
SEED = 20261206


@dataclass
class Item:
    """One training candidate, as features: what the typer sees of it and its label."""

    names: list[str]
    dense: np.ndarray
    label: int
    group: str  # the article (grouped cross-validation), or "ngec"
    weight: float
    lexicon: str | None  # the lexicon's type, for the baseline
    sentence: str  # the candidate's sentence, for the sentence encoder
    trigger: tuple[int, int]  # the trigger's characters in ``sentence``
    encoded: np.ndarray | None = None  # the sentence encoder's features (ENCODER_DIM)
    static: np.ndarray | None = None  # the static vectors' features (2 x their dims)
    cid: str = ""  # the annotated candidate's id ("" for NGEC's)


def read_labels(folder: Path) -> dict[str, dict]:
    labels: dict[str, dict] = {}
    for path in sorted(folder.glob("labels-*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                if row.get("event") in LABELS:
                    labels[row["id"]] = row
    return labels


def lexicon_type(cand: Candidate, lexicon, index: ActorIndex) -> str | None:
    m = match(cand.trigger, lexicon, index)
    return m.entry.event if m is not None else None


@dataclass
class Seen:
    """What the typer sees of one annotated candidate, before its label is joined."""

    names: list[str]
    dense: np.ndarray
    lexicon: str | None
    article: str
    sentence: str
    trigger: tuple[int, int]


def candidate_features(shared: Path, folder: Path, nlp, known: dict[str, Seen]) -> dict[str, Seen]:
    """Features of every candidate in ``candidates-*.jsonl`` (by id), parsing only the
    articles of candidates not in ``known``."""
    pointers = read_candidates(folder)
    wanted: dict[str, dict[int, str]] = defaultdict(dict)
    for p in pointers:
        if p["id"] not in known:
            wanted[p["article"]][p["trigger"][0]] = p["id"]
    lexicon = load_lexicon()
    found = dict(known)
    with gzip.open(shared / "corpus/allsides-10k.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["id"] not in wanted:
                continue
            parsed = parse_record(rec, nlp)
            if parsed is None:
                continue
            sdoc, mentions = parsed
            sdoc.user_data[OPINION_KEY] = opinion_article(rec.get("url"), rec.get("title"))
            index = ActorIndex(sdoc, mentions, [])
            for cand, _sent_at, trig_at in located_candidates(rec["text"], sdoc, mentions):
                cid = wanted[rec["id"]].get(trig_at)
                if cid is not None and cid not in found:
                    lex = lexicon_type(cand, lexicon, index)
                    found[cid] = Seen(
                        seen_names(cand, lex), dense_features(cand), lex, rec["id"],
                        *sentence_and_trigger(cand),
                    )  # fmt: skip
    return found


def ngec(shared: Path, nlp) -> tuple[list, list, list]:
    """Candidates of the stories' first sentences whose CAMEO reading is the story's type."""
    path = shared / "events/ngec/gpt_synthetic_events_2023-10-19_19.csv.zip"
    with zipfile.ZipFile(path) as z:
        rows = list(csv.DictReader(io.TextIOWrapper(z.open(z.namelist()[0]), encoding="utf-8")))
    lexicon = load_lexicon()
    cands, lex, ys = [], [], []
    texts = [r["text"][:400] for r in rows]
    for row, sdoc in zip(rows, nlp.pipe(texts, batch_size=32), strict=True):
        first = next(iter(sdoc.sents), None)
        if first is None or row["label"] not in PLOVER_TYPES:
            continue
        index = ActorIndex(sdoc, [], [])
        is_actor = actor_test(sdoc, [])
        for cand in candidates(first, is_actor, eventive_noun):
            default, matched = cameo_types(cand.trigger)
            reading = (matched or default or "").split("/")[0]
            if reading == row["label"]:
                cands.append(cand)
                lex.append(lexicon_type(cand, lexicon, index))
                ys.append(LABELS.index(row["label"]))
    return cands, lex, ys


def seen_names(cand: Candidate, lexicon: str | None) -> list[str]:
    """The typer's features and the variants' sense and act features: the cache holds all,
    and ``main`` drops the variants' unless ``--sense-features`` / ``--act-features``."""
    return feature_names(cand, lexicon) + sense_features(cand) + act_features(cand)


def sentence_and_trigger(cand: Candidate) -> tuple[str, tuple[int, int]]:
    return cand.sent.text, trigger_span(cand)


def matrix(
    items: list[Item],
    vocabulary: dict[str, int],
    dense_weight: float,
    encoder_weight: float = 0.0,
    static_weight: float = 0.0,
) -> sparse.csr_matrix:
    """The same matrix ``EventTyper.matrix`` builds, from stored feature names and vectors."""
    rows, cols, vals = [], [], []
    width = len(vocabulary)
    for r, item in enumerate(items):
        known = {vocabulary[f] for f in item.names if f in vocabulary}
        rows.extend([r] * len(known))
        cols.extend(known)
        vals.extend([1.0] * len(known))
        nz = np.flatnonzero(item.dense)
        rows.extend([r] * len(nz))
        cols.extend((width + nz).tolist())
        vals.extend((item.dense[nz] * dense_weight).tolist())
    x = sparse.csr_matrix((vals, (rows, cols)), shape=(len(items), width + DENSE_DIM))
    blocks = [x]
    if encoder_weight:
        blocks.append(sparse.csr_matrix(np.stack([it.encoded for it in items]) * encoder_weight))
    if static_weight:
        blocks.append(sparse.csr_matrix(np.stack([it.static for it in items]) * static_weight))
    if len(blocks) == 1:
        return x
    return sparse.hstack(blocks, format="csr", dtype=np.float64)


def typer_matrix(items: list[Item], typer: EventTyper) -> sparse.csr_matrix:
    """The items' matrix with a fitted typer's vocabulary and weights of its dense blocks."""
    return matrix(
        items, typer.vocabulary, typer.dense_weight, typer.encoder_weight, typer.static_weight
    )


def static_items(items: list[Item], vectors: StaticVectors) -> None:
    """Fill each item's ``static`` as ``typer_features.static_features`` computes it from
    the candidate: the sentence's vector, then the trigger's."""
    for it in items:
        sentence, (trigger,) = vectors.text_and_spans(it.sentence, [it.trigger])
        it.static = np.concatenate([sentence, trigger])


def encode_items(items: list[Item], encoder: SentenceEncoder, batch: int = 512) -> None:
    """Fill each item's ``encoded``, one encoder pass per sentence (as the coder does it:
    the candidates of one sentence share the pass)."""
    groups: dict[tuple[str, str], list[Item]] = defaultdict(list)
    for it in items:
        if it.encoded is None:
            groups[(it.group, it.sentence)].append(it)
    keys = list(groups)
    half = ENCODER_DIM // 2
    for lo in range(0, len(keys), batch):
        part = keys[lo : lo + batch]
        pooled, marked = encoder.encode(
            [sentence for _, sentence in part], [[it.trigger for it in groups[k]] for k in part]
        )
        for key, sentence, triggers in zip(part, pooled, marked, strict=True):
            for it, trigger in zip(groups[key], triggers, strict=True):
                it.encoded = np.zeros(ENCODER_DIM, dtype=np.float32)
                it.encoded[:half], it.encoded[half:] = sentence, trigger


def fit(
    items: list[Item],
    c: float,
    min_count: int,
    dense_weight: float,
    encoder_weight: float = 0.0,
    static_weight: float = 0.0,
    with_acts: bool = False,
) -> EventTyper:
    """Weighted multinomial logistic regression (L2, strength 1/C as in scikit-learn), by
    L-BFGS over the vocabulary of the training items."""
    vocabulary = vocabulary_of([it.names for it in items], min_count)
    x = matrix(items, vocabulary, dense_weight, encoder_weight, static_weight)
    y = np.array([it.label for it in items])
    w = np.array([it.weight for it in items])
    # the parser's, the encoder's and the static vectors' columns are dense
    tail = x.shape[1] - len(vocabulary)
    wts, b = fit_softmax(x, y, len(LABELS), c, weights=w, dense_tail=tail)
    return EventTyper(
        LABELS, vocabulary, wts, b, dense_weight, encoder_weight, static_weight, with_acts
    )


def scores(y: np.ndarray, pred: np.ndarray) -> dict[str, float]:
    acc = float((y == pred).mean())
    ev, pv = y != 0, pred != 0
    tp = float(((y == pred) & ev).sum())
    p = tp / max(1, pv.sum())
    r = tp / max(1, ev.sum())
    return {"accuracy": acc, "event_P": p, "event_R": r, "event_F1": 2 * p * r / max(1e-9, p + r)}


def features(args: argparse.Namespace) -> tuple[list[Item], list[Item]]:
    """The annotated items and NGEC's; parsed features are kept in ``--cache`` and only
    candidates new since are parsed on a re-run."""
    seen: dict[str, Seen] = {}
    extra: list[Item] = []
    if args.cache is not None and args.cache.is_file():
        with args.cache.open("rb") as fh:
            seen, extra = pickle.load(fh)  # noqa: S301 - a file this script wrote
    nlp = load_nlp()
    before = len(seen)
    seen = candidate_features(args.shared, args.data, nlp, seen)
    if not extra:
        nc, nl, ny = ngec(args.shared, nlp)
        extra = [
            Item(
                seen_names(c, t),
                dense_features(c),
                y,
                "ngec",
                args.ngec_weight,
                t,
                *sentence_and_trigger(c),
            )
            for c, t, y in zip(nc, nl, ny, strict=True)
        ]
    if args.cache is not None and (len(seen) > before or not args.cache.is_file()):
        with args.cache.open("wb") as fh:
            pickle.dump((seen, extra), fh)
    labels = read_labels(args.data)
    measured = measured_articles(args.shared, Path("."))
    own = [
        Item(
            f.names,
            f.dense,
            LABELS.index(labels[cid]["event"]),
            f.article,
            1.0,
            f.lexicon,
            f.sentence,
            f.trigger,
            cid=cid,
        )
        for cid, f in sorted(seen.items())
        if cid in labels and f.article not in measured
    ]
    return own, extra


def opinion_articles(shared: Path, ids: set[str]) -> set[str]:
    """The articles among ``ids`` that ``opinion_article`` calls opinion (by address or
    title), read from the corpus records."""
    return {
        rec["id"]
        for rec in corpus_records(shared, ids)
        if opinion_article(rec.get("url"), rec.get("title"))
    }


def regenre(items: list[Item], opinion: set[str]) -> None:
    """Re-read the opinion features of cached items under today's ``opinion_article`` (a
    cache may hold those of an older test of the genre)."""
    for it in items:
        names = [f for f in it.names if not f.startswith("act.opinion")]
        if it.group in opinion:
            names += opinion_features(names)
        it.names = names


# Samples r3-r8 in five folds: the oldest and the newest round share one.
JUDGED_FOLD = {f"corpus_sample_r{n}": (n - 3) % 5 for n in range(3, 9)}


def judged_items(path: Path, weight: float) -> list[Item]:
    """The judged corpus events (``scripts/typer_judged_events.py collect``) as items: the
    label their verdict gives (-1 where it gives none: scored, never trained on), the id
    "sample:id", the coded type kept in ``lexicon``'s place only for the replay (the lexicon
    type itself is in ``names``)."""
    with path.open("rb") as fh:
        rows = pickle.load(fh)  # noqa: S301 - a file typer_judged_events.py wrote
    items = []
    for row in rows:
        if not row["names"]:
            continue  # no candidate found for it today
        label = LABELS.index(row["label"]) if row["label"] is not None else -1
        item = Item(
            row["names"], row["dense"], label, row["article"], weight, row["lexicon"],
            row["sentence"], tuple(row["trigger"]), cid=f"{row['stem']}:{row['id']}",
        )  # fmt: skip
        item.coded = row["event"]  # type: ignore[attr-defined]
        item.type_right = row["type_right"]  # type: ignore[attr-defined]
        items.append(item)
    return items


def judged_report(items: list[Item], probs: np.ndarray) -> None:
    """How the out-of-fold typer reads the judged events: whether P(NONE) separates those
    judged no event from those judged right, and which the coder's decision
    (``typer_thresholds.decide``, at the shipped and at lower drop thresholds) would keep."""
    right = np.array([it.type_right for it in items])  # type: ignore[attr-defined]
    no_event = np.array([not it.type_right and it.label == 0 for it in items])  # type: ignore[attr-defined]
    none = probs[:, 0]
    pairs = none[no_event][:, None] - none[right][None, :]
    auc = float(((pairs > 0).sum() + 0.5 * (pairs == 0).sum()) / max(1, pairs.size))
    print(f"judged events out of fold: {len(items)} ({int(right.sum())} right, "
          f"{int(no_event.sum())} no event); AUC of P(NONE), no event vs right: "
          f"{auc:.3f}")  # fmt: skip
    lexicon = np.array([LABELS.index(it.lexicon) if it.lexicon else 0 for it in items])
    coded = np.array([LABELS.index(it.coded) for it in items])  # type: ignore[attr-defined]
    for drop in (SHIPPED.drop, 0.7, 0.6, 0.5, 0.4):
        t = Thresholds(drop, SHIPPED.retype, SHIPPED.add)
        keep = decide(lexicon, probs, t)[0] == coded
        n = int(keep.sum())
        print(f"  drop {drop:.2f}: keeps {n} ({int((keep & right).sum())} right, "
              f"{int((keep & no_event).sum())} no event, type right among kept "
              f"{(keep & right).sum() / max(1, n):.3f}); drops {int((~keep & right).sum())} "
              f"right, {int((~keep & no_event).sum())} no event")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--data", type=Path, default=Path("data/events"))
    parser.add_argument("--out", type=Path, help="where the weights go (default the "
                        "package's typer.npz; with --folds, nowhere unless given)")  # fmt: skip
    parser.add_argument("--c", type=float, default=1.0, help="inverse L2 strength")
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--jobs", type=int, default=2, help="processes for the six fits")
    parser.add_argument("--no-lexicon-feature", action="store_true", help="train the typer "
                        "without the lexicon's type (better alone on other text, worse in the "
                        "coder: see the model card)")  # fmt: skip
    parser.add_argument("--sense-features", action="store_true", help="also give the typer "
                        "typer_features.sense_features (tried, not shipped: see the model "
                        "card; a --cache written before this option lacks them)")  # fmt: skip
    parser.add_argument("--act-features", action="store_true", help="also give the typer "
                        "typer_features.act_features (a cache written before this option "
                        "lacks them)")  # fmt: skip
    parser.add_argument("--dense-weight", type=float, default=0.3)
    parser.add_argument("--ngec-weight", type=float, default=0.3)
    parser.add_argument("--encoder-weight", type=float, default=0.0, help="scale of the "
                        "sentence encoder's features (0: the typer does without them)")  # fmt: skip
    parser.add_argument("--static-weight", type=float, default=0.0, help="scale of the static "
                        "vectors' features (0: the typer does without them)")  # fmt: skip
    parser.add_argument("--static-vectors", type=Path, help="a table of static vectors "
                        "other than the packaged one (distill_static_vectors.py)")  # fmt: skip
    parser.add_argument("--static-dims", type=int, help="keep the table's first N dimensions "
                        "(its leading principal components)")  # fmt: skip
    parser.add_argument("--folds", help="score only these folds, e.g. 0,1 (default all five)")
    parser.add_argument("--no-ngec", action="store_true")
    parser.add_argument("--judged", type=Path, help="the judged corpus events "
                        "(scripts/typer_judged_events.py collect): scored out of fold, "
                        "their rounds held out together (r3 with r8)")  # fmt: skip
    parser.add_argument("--train-judged", action="store_true", help="also train on the "
                        "judged events (a fold's fit leaves its rounds out)")  # fmt: skip
    parser.add_argument("--judged-weight", type=float, default=1.0)
    parser.add_argument("--cache", type=Path, help="keep the parsed features here (re-runs "
                        "that only change the fit skip the parsing)")  # fmt: skip
    parser.add_argument("--cv-out", type=Path, help="write the cross-validated probabilities, "
                        "labels and lexicon types here (.npz), to choose the coder's "
                        "thresholds on them")  # fmt: skip
    args = parser.parse_args()
    run_folds = list(range(5))
    if args.folds is not None:
        run_folds = [int(f) for f in args.folds.split(",") if f.strip().isdigit()]
        if not run_folds or any(f not in range(5) for f in run_folds):
            sys.exit(f"--folds {args.folds}: give folds 0 to 4, separated by commas")
    if args.out is None and args.folds is None:
        args.out = Path("src/tidings/events/data/typer.npz")
    own, extra = features(args)
    if args.no_ngec:
        extra = []
    judged = judged_items(args.judged, args.judged_weight) if args.judged else []
    if args.no_lexicon_feature:
        for it in own + extra + judged:
            it.names = [f for f in it.names if not f.startswith("lexicon=")]
    if not args.sense_features:
        for it in own + extra + judged:
            it.names = [f for f in it.names if f.partition("=")[0] not in SENSE_GROUPS]
    if not args.act_features:
        for it in own + extra + judged:
            it.names = [f for f in it.names if f.partition("=")[0] not in ACT_GROUPS]
    else:
        regenre(own + judged, opinion_articles(args.shared, {it.group for it in own + judged}))
    for it in extra:
        it.weight = args.ngec_weight
    if args.encoder_weight:
        encoder = load_encoder()
        if encoder is None:
            sys.exit("--encoder-weight needs src/tidings/events/data/minilm.npz "
                     "(scripts/convert_minilm.py)")  # fmt: skip
        encode_items(own + extra + judged, encoder)
    if args.static_weight:
        vectors = (
            StaticVectors.from_bytes(args.static_vectors.read_bytes())
            if args.static_vectors is not None
            else load_static_vectors()
        )
        if vectors is None:
            sys.exit("--static-weight needs src/tidings/events/data/static_vectors.npz "
                     "(scripts/distill_static_vectors.py) or --static-vectors")  # fmt: skip
        if args.static_dims is not None:
            vectors = StaticVectors(
                sorted(vectors.tokenizer.ids, key=vectors.tokenizer.ids.__getitem__),
                vectors.table[:, : args.static_dims],
            )
        static_items(own + extra + judged, vectors)
    y = np.array([it.label for it in own])
    lexicon = np.array([LABELS.index(it.lexicon) if it.lexicon else 0 for it in own])
    print(
        f"annotated candidates: {len(own)} from {len({it.group for it in own})} articles; "
        f"NGEC candidates: {len(extra)}; labels {Counter(LABELS[i] for i in y).most_common()}"
    )
    # grouped cross-validation: no article in both folds
    articles = sorted({it.group for it in own})
    random.Random(SEED).shuffle(articles)
    fold_of = {a: i % 5 for i, a in enumerate(articles)}
    folds = np.array([fold_of[it.group] for it in own])
    probs = np.zeros((len(own), len(LABELS)))
    # the five folds and the final fit are independent: run them side by side
    settings = (
        args.c, args.min_count, args.dense_weight, args.encoder_weight, args.static_weight,
        args.act_features,
    )  # fmt: skip
    # the judged events' rounds are held out together (r3 with r8): a fold's fit never saw
    # the round it scores, so the figures tell how the typer carries to a fresh sample
    judged_folds = np.array([JUDGED_FOLD[it.cid.partition(":")[0]] for it in judged], dtype=int)
    trained_judged = [it for it in judged if it.label >= 0] if args.train_judged else []
    judged_probs = np.zeros((len(judged), len(LABELS)))
    with ProcessPoolExecutor(args.jobs, mp_context=get_context("fork")) as pool:
        final = (
            pool.submit(fit, own + extra + trained_judged, *settings)
            if args.out is not None
            else None
        )
        held = {
            f: pool.submit(
                fit,
                [it for it, k in zip(own, folds, strict=True) if k != f]
                + extra
                + [it for it in trained_judged if JUDGED_FOLD[it.cid.partition(":")[0]] != f],
                *settings,
            )
            for f in run_folds
        }
        for f, job in held.items():
            typer = job.result()
            test = [it for it, k in zip(own, folds, strict=True) if k == f]
            probs[folds == f] = typer.probabilities(typer_matrix(test, typer))
            if judged and (judged_folds == f).any():
                part = [it for it, k in zip(judged, judged_folds, strict=True) if k == f]
                judged_probs[judged_folds == f] = typer.probabilities(typer_matrix(part, typer))
        final_typer = final.result() if final is not None else None
    if judged:
        kept = np.isin(judged_folds, run_folds)
        judged_report([it for it, k in zip(judged, kept, strict=True) if k], judged_probs[kept])
    scored = np.isin(folds, run_folds)
    y, lexicon, probs = y[scored], lexicon[scored], probs[scored]
    scored_items = [it for it, keep in zip(own, scored, strict=True) if keep]
    if args.cv_out is not None:
        np.savez_compressed(
            args.cv_out, y=y, lexicon=lexicon, probs=probs, folds=folds[scored],
            ids=np.array([it.cid for it in scored_items]),
            triggers=np.array([it.sentence[slice(*it.trigger)] for it in scored_items]),
        )  # fmt: skip
    report = {
        "typer": scores(y, probs.argmax(axis=1)),
        "lexicon": scores(y, lexicon),
        "typer_and_lexicon": scores(y, decide(lexicon, probs, SHIPPED)[0]),
    }
    for name, figures in report.items():
        print(f"grouped 5-fold CV (folds {args.folds or '0-4'}), {name}:",
              {k: round(v, 3) for k, v in figures.items()})  # fmt: skip
    if final_typer is None:
        return
    typer = final_typer
    args.out.write_bytes(typer.to_bytes())
    insample = scores(
        y,
        typer.probabilities(typer_matrix(scored_items, typer)).argmax(axis=1),
    )
    print("in-sample typer:", {k: round(v, 3) for k, v in insample.items()})
    print(f"weights -> {args.out} ({args.out.stat().st_size / 1e6:.1f} MB, "
          f"{len(typer.vocabulary)} features)")  # fmt: skip
    report |= {
        "in_sample": insample,
        "annotated": len(own),
        "articles": len(articles),
        "ngec": len(extra),
        "features": len(typer.vocabulary),
        "labels": dict(Counter(LABELS[it.label] for it in own)),
        "settings": {
            "c": args.c,
            "min_count": args.min_count,
            "dense_weight": args.dense_weight,
            "encoder_weight": args.encoder_weight,
            "static_weight": args.static_weight,
            "ngec_weight": args.ngec_weight,
            "lexicon_feature": not args.no_lexicon_feature,
            "drop_at": DROP_AT,
            "add_at": ADD_AT,
            "retype_at": RETYPE_AT,
        },
    }
    if args.folds is None:  # the record of the shipped weights: all five folds only
        (args.data / "typer_training.json").write_text(json.dumps(report, indent=1) + "\n")


if __name__ == "__main__":
    main()
