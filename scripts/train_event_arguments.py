"""Train tidings' argument model (``src/tidings/events/data/arguments.npz``): which party of an
event's sentence is its source, which its recipient (``tidings.events.argument_model``).

Training data: the annotated events among the corpus candidates (``data/events/
candidates-*.jsonl`` with ``labels-*.jsonl``; text in ``../shared/corpus``). For each, the
article goes through extract → nlp → actors → quotes as in the pipeline; every party the
coder can see in the trigger's sentence (``argument_model.units``) is one example, labelled
source or recipient when its phrase overlaps the annotator's ``source`` / ``recipient``
text (the occurrence nearest the trigger; among overlapping phrases, those whose head lies
inside the text), else none. Never trained or tuned on ``gold/test``, ``../shared/gold``,
``gold/dev2`` or the PLOVER gold-standard sentences (the candidates were drawn away from all
of them; those of ``gold/dev2``'s articles drawn before it was made are left out:
``event_data.measured_articles``).

Prints grouped 5-fold cross-validation (folds by article) of source and recipient accuracy:
the coder's rules (its own passes over the lexicon row at the trigger retyped to the
annotated type, or a generic row of that type), the model alone, and the two as the coder
combines them (the rules' parties; the model's where the rules found none and the model is
at least as sure as the threshold). The thresholds are chosen on the cross-validated
probabilities and stored with the weights. Then fits on everything and writes the weights
and ``data/events/arguments_training.json``.

    python scripts/train_event_arguments.py [--shared ../shared] [--parsed /tmp/args.pkl]

``--parsed`` keeps the parsed articles (the slow part, ~20 minutes on one core) so that a
re-run that changes only the features or the fit skips it.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

sys.path.insert(0, str(Path(__file__).parent))
from event_data import cached_parses, measured_articles, read_candidates  # noqa: E402
from softmax import fit_softmax, vocabulary_of  # noqa: E402

from tidings.actors import resolve_actors  # noqa: E402
from tidings.actors.home import article_country  # noqa: E402
from tidings.events.argument_model import (  # noqa: E402
    LABELS,
    NONE,
    RECIPIENT,
    SOURCE,
    ArgumentModel,
    Unit,
    pair_features,
    units,
)
from tidings.events.arguments import ActorIndex, Party  # noqa: E402
from tidings.events.coder import names_party, rule_parties  # noqa: E402
from tidings.events.lexicon import load_lexicon  # noqa: E402
from tidings.model import Article  # noqa: E402
from tidings.nlp import load_nlp  # noqa: E402
from tidings.quotes import extract_quotes  # noqa: E402

SEED = 20261207
FOLDS = 5
THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(2, 19))  # 0.10 … 0.90
# The coder's thresholds, chosen on the dev articles (tune_argument_thresholds.py): a source
# the model gives p >= 0.5; no recipient (above 1: the model's recipients, right more often
# than the rules' absence on annotated events, made more spurious events than found ones
# on whole articles, where it is also asked of candidates that state no event).
SOURCE_AT = 0.5
RECIPIENT_AT = 1.01


@dataclass
class Example:
    """One annotated event: a feature row and a label per party of its sentence, and what
    the annotation and the rules say of its source and recipient, as codes."""

    article: str
    event: str
    rows: list[list[str]]
    labels: list[int]
    codes: list[frozenset[str]]  # each party's codes, a bare country also as its government
    gold: dict[str, frozenset[str] | None] = field(default_factory=dict)  # None: unaligned
    rules: dict[str, frozenset[str]] = field(default_factory=dict)
    cid: str = ""  # the candidate's id
    # the parties the rules read as the recipient (the coder passes them over as a source)
    taken: frozenset[int] = frozenset()


def state_codes(codes: Iterable[str]) -> frozenset[str]:
    """Codes as the coder compares them: a bare country also as its government."""
    out: set[str] = set()
    for c in codes:
        out.add(c)
        if len(c) == 3 and c.isalpha():
            out.add(c + "GOV")
    return frozenset(out)


def unit_codes(unit: Unit) -> frozenset[str]:
    return state_codes(p.code for p in unit.parties)


# ---------------------------------------------------------------------------- parsing


Parsed = tuple[str, bytes, Article, list[Any], list[Any]] | None


def parse_articles(
    shared: Path, wanted: set[str], nlp: Language, cache: Path | None
) -> dict[str, Parsed]:
    """Article id → (record text, parsed body, article, mentions, quotes), or None for one
    the extractor refuses; kept in ``cache``."""

    def parse(rec: dict[str, Any], article: Article) -> Parsed:
        sdoc = nlp(article.body)
        mentions = resolve_actors(sdoc, article)
        quotes = extract_quotes(sdoc, article, mentions)
        return (rec["text"], sdoc.to_bytes(exclude=["tensor"]), article, mentions, quotes)

    return cached_parses(shared, wanted, cache, parse)


def trigger_token(doc: Doc, text: str, pointer: dict[str, Any]) -> Token | None:
    """The token the pointer's trigger offsets name in the record's text, through its
    sentence (the extractor may have changed what lies between sentences)."""
    s_start, s_end = pointer["sentence"]
    t_start = pointer["trigger"][0]
    wanted = text[s_start:s_end]
    for sent in doc.sents:
        if sent.text != wanted and sent.text.strip() != wanted.strip():
            continue
        at = sent.start_char + (t_start - s_start) - (len(wanted) - len(wanted.lstrip()))
        for tok in sent:
            if tok.idx == at:
                return tok
    return None


# ---------------------------------------------------------------------------- labels


def aligned(sent: Span, surface: str | None, trigger: Token, found: Sequence[Unit]) -> list[int]:
    """The parties whose phrase is the annotator's ``surface`` text: the occurrence nearest
    the trigger; among the phrases overlapping it, those whose head lies inside it."""
    if not surface or not surface.strip():
        return []
    text = sent.text
    needle = surface.strip()
    starts = [k for k in range(len(text)) if text.startswith(needle, k)]
    if not starts:
        low = text.lower()
        starts = [k for k in range(len(low)) if low.startswith(needle.lower(), k)]
    if not starts:
        return []
    where = trigger.idx - sent.start_char
    first = min(starts, key=lambda k: (abs(k - where), k))
    lo, hi = sent.start_char + first, sent.start_char + first + len(needle)
    overlapping = [k for k, u in enumerate(found) if u.start < hi and lo < u.end]
    inside = [k for k in overlapping if lo <= found[k].token.idx < hi]
    return inside or overlapping


def role_gold(
    trigger: Token, surface: str | None, found: list[Any]
) -> tuple[list[int], frozenset[str] | None]:
    """The parties the annotator's words for a role cover, and their codes: empty when the
    annotator named no one, None when the words name no party the coder can see."""
    hits = aligned(trigger.sent, surface, trigger, found)
    if not surface:
        return hits, frozenset()
    if hits:
        return hits, frozenset().union(*(unit_codes(found[k]) for k in hits))
    return hits, None


def article_examples(
    text: str,
    doc: Doc,
    article: Article,
    mentions: list[Any],
    quotes: list[Any],
    annotated: list[tuple[dict[str, Any], dict[str, Any]]],
) -> list[Example]:
    """The examples of one article: one per annotated event whose trigger is found."""
    lexicon = load_lexicon()
    index = ActorIndex(doc, mentions, quotes, home=article_country(article, mentions))
    out: list[Example] = []
    for pointer, label in annotated:
        trigger = trigger_token(doc, text, pointer)
        if trigger is None:
            continue
        event = str(label["event"])
        found = units(trigger.sent, trigger, index)
        rows = [pair_features(trigger, u, found, index, event) for u in found]
        labels = [LABELS.index(NONE)] * len(found)
        gold: dict[str, frozenset[str] | None] = {}
        for role in (RECIPIENT, SOURCE):  # a phrase both: the source wins
            hits, gold[role] = role_gold(trigger, label.get(role), found)
            for k in hits:
                labels[k] = LABELS.index(role)
        source, targets = rule_parties(trigger, event, index, lexicon)
        rules = {SOURCE: codes_of(source), RECIPIENT: codes_of(targets)}
        codes = [unit_codes(u) for u in found]
        taken = frozenset(
            k for k, u in enumerate(found) if names_party(u.parties, targets, trigger)
        )
        out.append(
            Example(
                pointer["article"], event, rows, labels, codes, gold, rules, pointer["id"], taken
            )
        )
    return out


def codes_of(parties: Sequence[Party]) -> frozenset[str]:
    return state_codes(p.code for p in parties)


# ---------------------------------------------------------------------------- fitting


def fit(
    examples: Sequence[Example], c: float, min_count: int, thresholds: tuple[float, float]
) -> ArgumentModel:
    """Multinomial logistic regression over the pairs (L2, strength 1/C), by L-BFGS from
    zeros: the same examples give the same weights."""
    rows = [r for ex in examples for r in ex.rows]
    y = np.array([lab for ex in examples for lab in ex.labels], dtype=np.int64)
    vocabulary = vocabulary_of(rows, min_count)
    empty = ArgumentModel(vocabulary, np.zeros((len(vocabulary), len(LABELS))),
                          np.zeros(len(LABELS)), *thresholds)  # fmt: skip
    wts, b = fit_softmax(empty.matrix(rows), y, len(LABELS), c, max_iter=500)
    return ArgumentModel(vocabulary, wts, b, *thresholds)


def predict(model: ArgumentModel, ex: Example) -> np.ndarray:
    if not ex.rows:
        return np.zeros((0, len(LABELS)))
    return model.probabilities(model.matrix(ex.rows))


# ---------------------------------------------------------------------------- scoring


def model_pick(
    ex: Example,
    probs: np.ndarray,
    role: str,
    at: float,
    exclude: frozenset[str] = frozenset(),
    taken: frozenset[int] = frozenset(),
) -> frozenset[str]:
    """The codes of the party the model gives ``role`` with the highest probability, if at
    least ``at`` (for a recipient, parties of the source's side are passed over; the
    parties numbered in ``taken`` are passed over too)."""
    col = LABELS.index(role)
    best, best_p = frozenset[str](), 0.0
    scores = probs[:, col] if len(probs) else []
    for k, (codes, p) in enumerate(zip(ex.codes, scores, strict=True)):
        if (role == RECIPIENT and codes & exclude) or k in taken:
            continue
        if p > best_p:
            best, best_p = codes, float(p)
    return best if best_p >= at else frozenset()


def right(answer: frozenset[str], gold: frozenset[str]) -> bool:
    """An answer of no party is right when the annotation names none; else the codes meet."""
    return bool(answer & gold) if gold else not answer


@dataclass
class Tally:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += ok
        self.total += 1

    @property
    def share(self) -> float:
        return self.right / max(1, self.total)


def answers(
    ex: Example, probs: np.ndarray, source_at: float, recipient_at: float
) -> dict[str, dict[str, frozenset[str]]]:
    """Source and recipient codes by the rules, the model alone and the two combined."""
    m_src = model_pick(ex, probs, SOURCE, 0.0)
    # the coder never takes the rules' recipient as the model's source
    m_src_sure = model_pick(ex, probs, SOURCE, source_at, taken=ex.taken)
    c_src = ex.rules[SOURCE] or m_src_sure
    m_rcp = model_pick(ex, probs, RECIPIENT, 0.0, exclude=m_src)
    c_rcp = ex.rules[RECIPIENT] or model_pick(ex, probs, RECIPIENT, recipient_at, exclude=c_src)
    return {
        "rules": {SOURCE: ex.rules[SOURCE], RECIPIENT: ex.rules[RECIPIENT]},
        "model": {SOURCE: m_src, RECIPIENT: m_rcp},
        "combined": {SOURCE: c_src, RECIPIENT: c_rcp},
    }


def evaluate(
    examples: Sequence[Example], probs: Sequence[np.ndarray], source_at: float, recipient_at: float
) -> dict[str, dict[str, dict[str, Tally]]]:
    """method → role → slice → tally. Slices: "named" (the annotated party is one the
    coder can see), "none" (the annotation names no party), "both" (the two together),
    "rules empty" (named, and the rules found no party)."""
    out: dict[str, dict[str, dict[str, Tally]]] = {}
    for ex, p in zip(examples, probs, strict=True):
        by_method = answers(ex, p, source_at, recipient_at)
        for method, picked in by_method.items():
            for role in (SOURCE, RECIPIENT):
                gold = ex.gold[role]
                if gold is None:
                    continue
                slices = out.setdefault(method, {}).setdefault(role, {})
                ok = right(picked[role], gold)
                slices.setdefault("both", Tally()).add(ok)
                slices.setdefault("named" if gold else "none", Tally()).add(ok)
                if gold and not ex.rules[role]:
                    slices.setdefault("rules empty", Tally()).add(ok)
    return out


def cross_validated(examples: Sequence[Example], c: float, min_count: int) -> list[np.ndarray]:
    """Out-of-fold probabilities, folds by article."""
    articles = sorted({ex.article for ex in examples})
    random.Random(SEED).shuffle(articles)
    fold_of = {a: k % FOLDS for k, a in enumerate(articles)}
    probs: list[np.ndarray] = [np.zeros((0, len(LABELS)))] * len(examples)
    for f in range(FOLDS):
        model = fit([ex for ex in examples if fold_of[ex.article] != f], c, min_count,
                    (0.5, 0.5))  # fmt: skip
        for k, ex in enumerate(examples):
            if fold_of[ex.article] == f:
                probs[k] = predict(model, ex)
    return probs


def choose_thresholds(
    examples: Sequence[Example], probs: Sequence[np.ndarray]
) -> tuple[float, float]:
    """For each role, the lowest threshold at which the combination is most often right
    over the events whose party the coder can see or whose annotation names none."""
    chosen = []
    for role in (SOURCE, RECIPIENT):
        best, best_at = -1, THRESHOLDS[-1]
        for at in THRESHOLDS:
            figures = evaluate(examples, probs, at, at)["combined"][role]["both"]
            if figures.right > best:
                best, best_at = figures.right, at
        chosen.append(best_at)
    return chosen[0], chosen[1]


def table(figures: dict[str, dict[str, dict[str, Tally]]]) -> str:
    lines = ["| role | method | named | none named | both | rules found none |",
             "|---|---|---|---|---|---|"]  # fmt: skip
    for role in (SOURCE, RECIPIENT):
        for method in ("rules", "model", "combined"):
            s = figures[method][role]

            def cell(name: str, s: dict[str, Tally] = s) -> str:
                t = s.get(name, Tally())
                return f"{t.share:.3f} ({t.right}/{t.total})"

            cells = " | ".join(cell(n) for n in ("named", "none", "both", "rules empty"))
            lines.append(f"| {role} | {method} | {cells} |")
    return "\n".join(lines)


def as_json(figures: dict[str, dict[str, dict[str, Tally]]]) -> dict[str, Any]:
    return {
        method: {
            role: {name: {"right": t.right, "total": t.total} for name, t in slices.items()}
            for role, slices in roles.items()
        }
        for method, roles in figures.items()
    }


# ---------------------------------------------------------------------------- main


def read_labels(folder: Path) -> dict[str, dict[str, Any]]:
    labels: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("labels-*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                labels[row["id"]] = row
    return labels


def examples_from(args: argparse.Namespace) -> list[Example]:
    labels = read_labels(args.data)
    measured = measured_articles(args.shared, Path("."))
    pointers = [
        p
        for p in read_candidates(args.data)
        if labels.get(p["id"], {}).get("event", "NONE") != "NONE" and p["article"] not in measured
    ]
    by_article: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] = {}
    for p in pointers:
        by_article.setdefault(p["article"], []).append((p, labels[p["id"]]))
    if args.articles:
        # a quick look: a slice of the articles drawn with the seed (the weights written
        # are then the slice's: pass --out elsewhere)
        kept = sorted(by_article)
        random.Random(SEED).shuffle(kept)
        by_article = {a: by_article[a] for a in kept[: args.articles]}
    nlp = load_nlp()
    parsed = parse_articles(args.shared, set(by_article), nlp, args.parsed)
    examples: list[Example] = []
    for art in sorted(by_article):
        record = parsed.get(art)
        if record is None:
            continue
        text, blob, article, mentions, quotes = record
        doc = Doc(nlp.vocab).from_bytes(blob)
        examples += article_examples(text, doc, article, mentions, quotes, by_article[art])
    return examples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--data", type=Path, default=Path("data/events"))
    parser.add_argument("--out", type=Path, default=Path("src/tidings/events/data/arguments.npz"))
    parser.add_argument("--parsed", type=Path, help="keep the parsed articles here")
    parser.add_argument("--c", type=float, default=0.5, help="inverse L2 strength")
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--source-at", type=float, default=SOURCE_AT,
                        help="the threshold stored with the weights (chosen on the dev "
                        "articles by tune_argument_thresholds.py)")  # fmt: skip
    parser.add_argument("--recipient-at", type=float, default=RECIPIENT_AT)
    parser.add_argument("--articles", type=int, default=0,
                        help="only this many articles, drawn with the seed")  # fmt: skip
    args = parser.parse_args()
    examples = examples_from(args)
    pairs = sum(len(ex.rows) for ex in examples)
    print(f"annotated events with their trigger found: {len(examples)} "
          f"from {len({ex.article for ex in examples})} articles; {pairs} (event, party) pairs; "
          f"labels {Counter(LABELS[y] for ex in examples for y in ex.labels)}")  # fmt: skip
    probs = cross_validated(examples, args.c, args.min_count)
    best_source_at, best_recipient_at = choose_thresholds(examples, probs)
    best = evaluate(examples, probs, best_source_at, best_recipient_at)
    print(f"grouped {FOLDS}-fold CV (by article), at the thresholds best on these candidates "
          f"(source {best_source_at}, recipient {best_recipient_at}):")  # fmt: skip
    print(table(best))
    figures = evaluate(examples, probs, args.source_at, args.recipient_at)
    print(f"the same at the coder's thresholds (source {args.source_at}, "
          f"recipient {args.recipient_at}):")  # fmt: skip
    print(table(figures))
    model = fit(examples, args.c, args.min_count, (args.source_at, args.recipient_at))
    args.out.write_bytes(model.to_bytes())
    print(f"weights -> {args.out} ({args.out.stat().st_size / 1e3:.0f} kB, "
          f"{len(model.vocabulary)} features)")  # fmt: skip
    report = {
        "cross_validation": as_json(figures),
        "cross_validation_best_thresholds": as_json(best),
        "thresholds": {"source": args.source_at, "recipient": args.recipient_at},
        "best_thresholds_on_candidates": {"source": best_source_at, "recipient": best_recipient_at},
        "events": len(examples),
        "articles": len({ex.article for ex in examples}),
        "pairs": pairs,
        "features": len(model.vocabulary),
        "settings": {"c": args.c, "min_count": args.min_count, "folds": FOLDS, "seed": SEED},
    }
    (args.data / "arguments_training.json").write_text(json.dumps(report, indent=1) + "\n")


if __name__ == "__main__":
    main()
