"""Train tidings' aux-mode model (``src/tidings/events/data/aux.npz``, ``events.aux_model``).

Training data: the annotated events of ``data/events/labels-*.jsonl`` (type other than
NONE, aux other than ``negation``, which the rules keep), pointing into
``../shared/corpus/allsides-10k.jsonl.gz`` through ``data/events/candidates-*.jsonl``.
Each article is parsed as the pipeline parses it (extract → nlp → actors → dates →
quotes); the event's verb is found as the coder finds it. Never trained or tuned on
``gold/test`` or ``../shared/gold``.

Prints grouped 5-fold cross-validation (folds by article) of the model beside the rules
(``events.auxmodes`` and the dates that settle the mode, as the coder applies them) on the
same events, and the annotators' agreement on aux (``data/events/agreement-*.jsonl``
against the first annotation, on candidates both call an event); then fits on everything,
saves the weights and writes ``data/events/aux_training.json``.

    python scripts/train_event_aux.py [--shared ../shared] [--cache /tmp/aux_docs.pkl]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from spacy.tokens import Doc, DocBin, Token

sys.path.insert(0, str(Path(__file__).parent))
from event_data import cached_parses, measured_articles, read_candidates  # noqa: E402
from softmax import fit_softmax, vocabulary_of  # noqa: E402

from tidings.actors import resolve_actors  # noqa: E402
from tidings.dates import resolve_dates  # noqa: E402
from tidings.events.arguments import ActorIndex  # noqa: E402
from tidings.events.aux_model import (  # noqa: E402
    AUX_AT,
    LABELS,
    NOW,
    SETTLING,
    AuxContext,
    AuxModel,
    aux_features,
    clause_date,
    date_relation,
    former_spans,
)
from tidings.events.auxmodes import verb_group  # noqa: E402
from tidings.events.coder import (  # noqa: E402
    _manner_of,
    _recalled_clause,
    _setting_verb,
    light_verb,
    match,
)
from tidings.events.dating import Dating, relative_to, within_days  # noqa: E402
from tidings.events.lexicon import load_lexicon  # noqa: E402
from tidings.events.typed import REFUSABLE  # noqa: E402
from tidings.model import Article  # noqa: E402
from tidings.nlp import load_nlp  # noqa: E402
from tidings.quotes import extract_quotes  # noqa: E402

SEED = 20261207
ALL = (*LABELS, "negation")


def read_rows(folder: Path, pattern: str) -> dict[str, dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob(pattern)):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                rows[row["id"]] = row
    return rows


def parse_articles(shared: Path, wanted: set[str], cache: Path | None) -> dict[str, tuple]:
    """Article id → (record text, DocBin bytes, mentions, dates, article, quotes), parsed as
    the pipeline parses it; kept in ``cache`` so that re-runs skip the parsing."""
    nlp = load_nlp()

    def parse(rec: dict[str, Any], article: Article) -> tuple:
        sdoc = nlp(article.body)
        mentions = resolve_actors(sdoc, article)
        dates = resolve_dates(sdoc, article)
        quotes = extract_quotes(sdoc, article, mentions)
        bin_ = DocBin(store_user_data=False)
        bin_.add(sdoc)
        return (rec["text"], bin_.to_bytes(), mentions, dates, article, quotes)

    return {k: v for k, v in cached_parses(shared, wanted, cache, parse).items() if v is not None}


def rule_aux(clause: Token, trigger: Token, ctx: AuxContext, refused: bool = False) -> str:
    """The aux mode the coder's rules give (``coder._aux_pass`` then ``_date_pass``).
    ``refused``: the act's type turns into a refusal when negated (a lexicon row's
    ``neg=`` flag or a type the typer makes a REJECT, ``typed.REFUSABLE``: "will not
    accept" is a REJECT reported now), so a negated act of it is no "negation"."""
    group = verb_group(clause)
    if group.negated:
        return NOW if refused else "negation"
    if group.hypothetical:
        return "hypothetical"
    if group.future:
        return "future"
    dating = clause_date(trigger, clause, ctx.dates)
    if group.pluperfect:
        return NOW if _news_of_the_days(dating, ctx) else "historical"
    if dating is not None:
        when = "past" if dating.recalled else relative_to(dating.mention.date, ctx.published)
        return {"past": "historical", "future": "future"}.get(when or "", NOW)
    return "historical" if _recalled_clause(clause) else NOW


def _news_of_the_days(dating: Dating | None, ctx: AuxContext) -> bool:
    """A clause dated by a day or week of the days before publication: the coder reads no
    historical act there (``coder._date_pass``, ``dating.within_days``)."""
    return (
        dating is not None
        and not dating.recalled
        and within_days(dating.mention.date, ctx.published)
    )


@dataclass
class Item:
    features: list[str]
    label: str  # one of ALL
    rule: str  # the rules' aux mode
    ruled: bool  # a negation or a settling date: the coder keeps the rules' mode
    group: str  # the article
    cid: str = ""  # the candidate's id
    news_day: bool = False  # dated by a day of the days reported: never historical


def items_of(shared: Path, data: Path, cache: Path | None) -> list[Item]:
    labels = read_rows(data, "labels-*.jsonl")
    events = {i: r for i, r in labels.items() if r.get("event") not in (None, "NONE")}
    measured = measured_articles(shared, Path("."))
    pointers = [
        p for p in read_candidates(data) if p["id"] in events and p["article"] not in measured
    ]
    parsed = parse_articles(shared, {p["article"] for p in pointers}, cache)
    by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for p in pointers:
        by_article[p["article"]].append(p)
    lexicon = load_lexicon()
    nlp_vocab = load_nlp().vocab
    out: list[Item] = []
    for art, ps in sorted(by_article.items()):
        if art not in parsed:
            continue
        text, blob, mentions, dates, article, quotes = parsed[art]
        sdoc: Doc = next(iter(DocBin().from_bytes(blob).get_docs(nlp_vocab)))
        offsets: dict[int, int] = {}  # record offset → token index
        for sent in sdoc.sents:
            at = text.find(sent.text)
            if at >= 0:
                for tok in sent:
                    offsets[at + tok.idx - sent.start_char] = tok.i
        index = ActorIndex(sdoc, mentions, quotes)
        ctx = AuxContext(
            dates, article.published, [(q.start, q.end) for q in quotes],
            article.paragraphs[0].end if article.paragraphs else None,
            [(par.start, par.end) for par in article.paragraphs],
            former_spans(mentions),
        )  # fmt: skip
        for p in ps:
            i = offsets.get(p["trigger"][0])
            if i is None:
                continue
            trigger = sdoc[i]
            m = match(trigger, lexicon, index)
            setting = _setting_verb(trigger, m.entry) if m is not None else None
            clause = light_verb(trigger) or setting or _manner_of(trigger) or trigger
            gold = events[p["id"]].get("aux") or NOW
            refused = m is not None and bool(m.entry.negated_as or m.entry.event in REFUSABLE)
            rule = rule_aux(clause, trigger, ctx, refused)
            features = aux_features(trigger, clause, ctx)
            ruled = verb_group(clause).negated or date_relation(trigger, clause, ctx) in SETTLING
            news = _news_of_the_days(clause_date(trigger, clause, ctx.dates), ctx)
            out.append(Item(features, gold, rule, ruled, art, p["id"], news))
    return out


def matrix(rows: list[list[str]], vocabulary: dict[str, int]) -> sparse.csr_matrix:
    r: list[int] = []
    c: list[int] = []
    for n, row in enumerate(rows):
        cols = {vocabulary[f] for f in row if f in vocabulary}
        r.extend([n] * len(cols))
        c.extend(cols)
    return sparse.csr_matrix((np.ones(len(r)), (r, c)), shape=(len(rows), len(vocabulary)))


def fit(items: list[Item], c: float, min_count: int) -> AuxModel:
    train = [it for it in items if it.label in LABELS]
    vocabulary = vocabulary_of([it.features for it in train], min_count)
    x = matrix([it.features for it in train], vocabulary)
    y = np.array([LABELS.index(it.label) for it in train])
    weights, bias = fit_softmax(x, y, len(LABELS), c)
    return AuxModel(LABELS, vocabulary, weights, bias)


def system(probs: np.ndarray, it: Item, at: float, everywhere: bool = False) -> str:
    """What the coder decides (``coder._aux_pass``): the rules' mode where the verb group or
    the clause's date reads one, else the model's when its probability reaches ``at``.
    ``everywhere``: the model overrides the verb group too (measured, not shipped)."""
    if it.ruled or probs.max() < at or (it.rule != NOW and not everywhere):
        return it.rule
    label = LABELS[int(probs.argmax())]
    return NOW if label == "historical" and it.news_day else label


def figures(gold: list[str], pred: list[str]) -> dict[str, Any]:
    labels = sorted(set(gold))
    acc = sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold)
    f1s, recalls = {}, {}
    for lab in labels:
        tp = sum(g == p == lab for g, p in zip(gold, pred, strict=True))
        np_, ng = sum(p == lab for p in pred), sum(g == lab for g in gold)
        prec, rec = tp / np_ if np_ else 0.0, tp / ng if ng else 0.0
        f1s[lab] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        recalls[lab] = rec
    return {
        "accuracy": round(acc, 3),
        "macro_f1": round(sum(f1s.values()) / len(f1s), 3),
        "kappa": round(kappa(gold, pred), 3),
        "f1": {k: round(v, 3) for k, v in f1s.items()},
        "recall": {k: round(v, 3) for k, v in recalls.items()},
        "n": len(gold),
    }


def kappa(a: list[str], b: list[str]) -> float:
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb[k] for k in set(a) | set(b)) / (n * n)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def agreement(data: Path) -> dict[str, Any]:
    first = read_rows(data, "labels-*.jsonl")
    second = read_rows(data, "agreement-*.jsonl")
    both = [
        i for i, r in second.items()
        if i in first and r.get("event") not in (None, "NONE")
        and first[i].get("event") not in (None, "NONE")
    ]  # fmt: skip
    a = [first[i].get("aux") or NOW for i in both]
    b = [second[i].get("aux") or NOW for i in both]
    return {
        "events_both": len(both),
        "raw": round(sum(x == y for x, y in zip(a, b, strict=True)) / len(both), 3),
        "kappa": round(kappa(a, b), 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--data", type=Path, default=Path("data/events"))
    parser.add_argument("--out", type=Path, default=Path("src/tidings/events/data/aux.npz"))
    parser.add_argument("--c", type=float, default=0.3, help="inverse L2 strength")
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--cache", type=Path, help="keep the parsed articles here")
    args = parser.parse_args()
    items = items_of(args.shared, args.data, args.cache)
    articles = sorted({it.group for it in items})
    random.Random(SEED).shuffle(articles)
    fold_of = {a: n % 5 for n, a in enumerate(articles)}
    print(f"events: {len(items)} from {len(articles)} articles; "
          f"aux {Counter(it.label for it in items).most_common()}")  # fmt: skip
    probs = np.zeros((len(items), len(LABELS)))
    for f in range(5):
        model = fit([it for it in items if fold_of[it.group] != f], args.c, args.min_count)
        for n, it in enumerate(items):
            if fold_of[it.group] == f:
                probs[n] = model.probabilities(it.features)
    gold = [it.label for it in items]
    rules = [it.rule for it in items]
    for at in (0.0, 0.5, 0.6, 0.7):
        tried = figures(gold, [system(p, it, at) for p, it in zip(probs, items, strict=True)])
        print(f"CV, model where p >= {at}: accuracy {tried['accuracy']} "
              f"macro-F1 {tried['macro_f1']}")  # fmt: skip
    predicted = [system(p, it, AUX_AT) for p, it in zip(probs, items, strict=True)]
    overriding = [system(p, it, AUX_AT, True) for p, it in zip(probs, items, strict=True)]
    four = [n for n, it in enumerate(items) if it.label in LABELS]
    report: dict[str, Any] = {
        "cv_model_all": figures(gold, predicted),
        "cv_model_overriding_verb_group": figures(gold, overriding),
        "rules_all": figures(gold, rules),
        "cv_model_without_negation": figures([gold[n] for n in four], [predicted[n] for n in four]),
        "rules_without_negation": figures([gold[n] for n in four], [rules[n] for n in four]),
        "annotator_agreement": agreement(args.data),
    }
    for name, value in report.items():
        print(f"{name}: {value}")
    confusion = Counter(zip(gold, predicted, strict=True))
    print("CV confusion (gold, model):", sorted(confusion.items(), key=lambda kv: -kv[1])[:12])
    model = fit(items, args.c, args.min_count)
    args.out.write_bytes(model.to_bytes())
    print(f"weights -> {args.out} ({args.out.stat().st_size / 1e3:.0f} kB, "
          f"{len(model.vocabulary)} features)")  # fmt: skip
    report |= {
        "events": len(items),
        "articles": len(articles),
        "labels": dict(Counter(gold)),
        "features": len(model.vocabulary),
        "settings": {
            "c": args.c,
            "min_count": args.min_count,
            "folds": 5,
            "seed": SEED,
            "at": AUX_AT,
        },  # fmt: skip
    }
    (args.data / "aux_training.json").write_text(json.dumps(report, indent=1) + "\n")


if __name__ == "__main__":
    main()
