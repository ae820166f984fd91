"""Derive the furniture filter's weights (src/tidings/extract/data/furniture_weights.tsv).

Reads the crawler dumps and their gold bodies (../shared/gold/dumps, inputs under
../shared), labels every dump line as article (its words are in the gold body) or not,
splits the pages by a hash of their id into a training part and a held-out third, fits the
three logistic passes of :mod:`tidings.extract.furniture` on the training part (L2-penalised,
Newton's method, numpy), writes the weights, and prints body F1, furniture leaked and line
precision/recall on both parts. Run from the repo root:

    .venv/bin/python scripts/train_furniture.py [--shared ../shared] [--dry-run]
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import re
import zlib
from collections import Counter
from pathlib import Path

import numpy as np

from tidings.extract import furniture
from tidings.extract.line_features import line_features

TOKEN = re.compile(r"\w+")
OUT = Path("src/tidings/extract/data/furniture_weights.tsv")
SUPPLEMENT = Path(__file__).parent / "data" / "furniture_supplement.tsv"
L2 = 1.0
# how much a hand-written supplement line counts beside a line of the real dumps
SUPPLEMENT_WEIGHT = 5.0
# and a line of the WCXB reference texts (there are many: their lesson should not drown
# the dumps')
WCXB_WEIGHT = 0.3
# share of a line's word trigrams found in the gold body for the line to count as article
COVERAGE = 0.5
# how much more a line the gold lists as furniture (one of WCXB's boilerplate snippets)
# counts than another line: leaking those is what the furniture figure measures, and
# the coverage labels alone let the page context talk the filter out of them
GOLD_FURNITURE_WEIGHT = 4.0
# Prior knowledge the fit may not contradict (a wrong sign drops the feature): reported
# speech, quotations and names in running text argue for article text.
POSITIVE = {
    "reporting_density",
    "reporting_opens",
    "mid_capitals",
    "quote",
    "sentence_end",
    "commas",
    "sentences_ge2",
}
NEGATIVE = {
    "imperative_opens",
    "button",
    "copyright",
    "newsletter_short",
    "consent_short",
    "donation_short",
    "social_short",
    "advert_short",
    "money_short",
    "self_density",
}


def held_out(page_id: str) -> bool:
    """A fixed third of the pages, by a hash of the id, never used to fit."""
    return zlib.crc32(page_id.encode()) % 3 == 0


def _tokens(text: str) -> list[str]:
    return TOKEN.findall(text.lower())


def label_lines(lines: list[str], body: str) -> list[int]:
    """1 for a line whose words are in the gold body, else 0."""
    body = html.unescape(body).replace('\\"', '"')
    bt = _tokens(body)
    trigrams = {tuple(bt[i : i + 3]) for i in range(len(bt) - 2)}
    body_lines = {" ".join(_tokens(p)) for p in re.split(r"\n+", body)}
    labels = []
    for line in lines:
        t = _tokens(line)
        if len(t) >= 3:
            hits = sum(tuple(t[i : i + 3]) in trigrams for i in range(len(t) - 2))
            labels.append(int(hits / (len(t) - 2) >= COVERAGE))
        else:
            labels.append(int(bool(t) and " ".join(t) in body_lines))
    return labels


def load_pages(shared: Path) -> list[dict]:
    pages = []
    for path in sorted((shared / "gold" / "dumps").glob("*.json")):
        gold = json.loads(path.read_text("utf-8"))
        text = (shared / gold["input"]["file"]).read_text("utf-8")
        lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
        body = gold["article"]["body"]
        pages.append({
            "id": gold["id"], "lines": lines, "labels": label_lines(lines, body), "body": body,
            "furniture": gold["article"].get("furniture") or [],
            "gold_furniture": {x.strip() for x in gold["article"].get("furniture") or []},
            "held_out": held_out(gold["id"].removeprefix("dump-wcxb-")),
        })  # fmt: skip
    return pages


def bag_f1(truth: str, pred: str) -> float:
    t, p = Counter(TOKEN.findall(truth)), Counter(TOKEN.findall(pred))
    tp = sum((t & p).values())
    if not tp:
        return 1.0 if not t and not p else 0.0
    precision, recall = tp / sum(p.values()), tp / sum(t.values())
    return 2 * precision * recall / (precision + recall)


def fit(
    rows: list[dict[str, float]], y: list[int], w: list[float], offset: list[float] | None = None
) -> dict[str, float]:
    """Logistic regression whose signed features keep their expected sign: a feature the
    fit turns the wrong way is dropped and the rest refitted."""
    dropped: set[str] = set()
    while True:
        table = _fit([{k: v for k, v in r.items() if k not in dropped} for r in rows], y, w, offset)
        wrong = {
            k for k, v in table.items() if (k in POSITIVE and v < 0) or (k in NEGATIVE and v > 0)
        }
        if not wrong:
            return table
        dropped |= wrong


def _fit(
    rows: list[dict[str, float]], y: list[int], w: list[float], offset: list[float] | None
) -> dict[str, float]:
    """L2-penalised logistic regression by Newton's method; returns name → weight."""
    names = sorted({k for r in rows for k in r})
    index = {k: i for i, k in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for i, r in enumerate(rows):
        for k, v in r.items():
            x[i, index[k]] = v
    yy, ww = np.array(y, float), np.array(w, float)
    base = np.array(offset, float) if offset is not None else np.zeros(len(rows))
    beta = np.zeros(len(names))
    penalty = np.full(len(names), L2)
    penalty[index["bias"]] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-(base + x @ beta)))
        grad = x.T @ (ww * (p - yy)) + penalty * beta
        hess = (
            (x * (ww * p * (1 - p))[:, None]).T @ x + np.diag(penalty) + 1e-9 * np.eye(len(names))
        )
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-7:
            break
    return {k: float(beta[index[k]]) for k in names}


def line_weight(line: str) -> float:
    # body F1 counts words, leaks count lines: weigh both
    return 1.0 + np.sqrt(len(TOKEN.findall(line)))


def scores_of(
    stage: str, feats: list[dict[str, float]], table: dict[str, dict[str, float]]
) -> list[float]:
    return [furniture.logit(f, table[stage]) for f in feats]


def wcxb_lines(shared: Path) -> list[tuple[str, int]]:
    """Lines of the WCXB training pages read alone: boilerplate snippets (0) and the
    reference main content's lines (1), so the local pass also learns lines without a page."""
    from tidings.benchmarks.furniture import page_lines

    out: list[tuple[str, int]] = []
    for path in sorted((shared / "bench" / "wcxb-dev" / "ground-truth").glob("*.json")):
        if held_out(path.stem):
            continue
        truth = json.loads(path.read_text("utf-8")).get("ground_truth") or {}
        article, furniture = page_lines(truth)
        out.extend((line, 1) for line in article)
        out.extend((line, 0) for line in furniture)
    return out


def train(pages: list[dict], shared: Path) -> dict[str, dict[str, float]]:
    table: dict[str, dict[str, float]] = {}
    # pages whose gold body the dump does not hold teach nothing but noise
    usable = [p for p in pages if not p["held_out"] and sum(p["labels"])]
    local = [[line_features(ln) for ln in p["lines"]] for p in usable]
    rows = [f for fs in local for f in fs]
    y = [lab for p in usable for lab in p["labels"]]
    w = [
        line_weight(ln) * (GOLD_FURNITURE_WEIGHT if ln in p["gold_furniture"] else 1.0)
        for p in usable
        for ln in p["lines"]
    ]
    rows, local_y, local_w = list(rows), list(y), list(w)
    for raw in SUPPLEMENT.read_text("utf-8").splitlines():
        if raw.strip() and not raw.startswith("#"):
            written_label, written = raw.split("\t", 1)
            rows.append(line_features(written))
            local_y.append(int(written_label))
            local_w.append(SUPPLEMENT_WEIGHT * line_weight(written))
    extra = wcxb_lines(shared)
    # both classes weigh the same in total: a line alone should be judged on its own
    # evidence, not on how rare boilerplate is among the reference lines
    positives = sum(label for _, label in extra)
    balance = {1: 1.0, 0: positives / max(len(extra) - positives, 1)}
    for line, label in extra:
        rows.append(line_features(line))
        local_y.append(label)
        local_w.append(WCXB_WEIGHT * balance[label] * line_weight(line))
    table["local"] = fit(rows, local_y, local_w)
    scores = [scores_of("local", fs, table) for fs in local]
    for stage in ("context", "smooth"):
        ctx = [
            furniture.context_features(p["lines"], s) for p, s in zip(usable, scores, strict=True)
        ]
        previous = [v for s in scores for v in s]
        table[stage] = fit([f for fs in ctx for f in fs], y, w, offset=previous)
        scores = [
            [prev + x for prev, x in zip(s, scores_of(stage, fs, table), strict=True)]
            for s, fs in zip(scores, ctx, strict=True)
        ]
    return table


def evaluate(pages: list[dict], table: dict[str, dict[str, float]]) -> dict[str, float]:
    furniture.weights.cache_clear()
    original = furniture.weights
    furniture.weights = lambda: table  # type: ignore[assignment]
    try:
        f1s, furn, leaked, tp, fp, fn = [], 0, 0, 0, 0, 0
        for p in pages:
            parts = furniture.split_article("\n".join(p["lines"]))
            f1s.append(bag_f1(p["body"], "\n\n".join(parts.paragraphs)))
            kept = set(parts.paragraphs)
            furn += len(p["furniture"])
            leaked += sum(x.strip() in kept for x in p["furniture"])
            keep = [s > 0 for s in furniture.line_scores(p["lines"])]
            for k, lab in zip(keep, p["labels"], strict=True):
                tp += k and lab
                fp += k and not lab
                fn += lab and not k
    finally:
        furniture.weights = original  # type: ignore[assignment]
    return {
        "pages": len(pages), "body_f1": float(np.mean(f1s)), "leaked": leaked / max(furn, 1),
        "line_precision": tp / max(tp + fp, 1), "line_recall": tp / max(tp + fn, 1),
    }  # fmt: skip


def write(table: dict[str, dict[str, float]], path: Path) -> None:
    lines = [
        "# Weights of the furniture filter's three logistic passes (stage, feature, weight).",
        "# Derived by scripts/train_furniture.py from the training two-thirds of the WCXB",
        "# crawler dumps in ../shared/gold/dumps (pages split by crc32 of the id; the",
        f"# held-out third is never fitted). {dt.date.today().isoformat()}.",
    ]
    for stage in furniture.STAGES:
        for name, value in sorted(table[stage].items(), key=lambda kv: -abs(kv[1])):
            lines.append(f"{stage}\t{name}\t{value:.4f}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", default="../shared", type=Path)
    parser.add_argument("--dry-run", action="store_true", help="Print figures, write nothing.")
    args = parser.parse_args()
    pages = load_pages(args.shared)
    table = train(pages, args.shared)
    for part, subset in (("train", [p for p in pages if not p["held_out"]]),
                         ("held-out", [p for p in pages if p["held_out"]]),
                         ("all", pages)):  # fmt: skip
        print(part, json.dumps({k: round(v, 4) for k, v in evaluate(subset, table).items()}))
    if not args.dry_run:
        write(table, OUT)
        print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
