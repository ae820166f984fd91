"""Scores for main-content extraction, as the benchmarks define them.

Zyte (scrapinghub/article-extraction-benchmark): tokens are ``\\w+`` runs, n-gram shingles
are counted as multisets, each page's TP/FP/FN are normalised to sum to one, precision is
averaged over pages that predicted something, recall over pages that have a truth, and F1 is
the harmonic mean of the two averages. WCXB: lower-cased ``\\w+`` words as a bag, F1 per
page, averaged over pages.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

WORD = re.compile(r"\w+")
SPACES = re.compile(r"\s+")

Counts = tuple[float, float, float]


def shingles(text: str, n: int) -> Counter[tuple[str, ...]]:
    tokens = WORD.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens)


def shingle_counts(truth: str, pred: str, n: int) -> Counts:
    """Normalised (tp, fp, fn) of one page, the Zyte way."""
    t, p = shingles(truth, n), shingles(pred, n)
    tp = float(sum((t & p).values()))
    fp = float(sum((p - t).values()))
    fn = float(sum((t - p).values()))
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def zyte_f1(pages: Sequence[Counts]) -> tuple[float, float, float]:
    """(precision, recall, F1) over pages from their shingle counts."""
    precisions = [_precision(*c) for c in pages if c[0] + c[1] > 0]
    recalls = [_recall(*c) for c in pages if c[0] + c[2] > 0]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def word_precision_recall(truth: str, pred: str) -> tuple[float, float]:
    """WCXB's word-level bag-of-words precision and recall of one page (0 where the side
    counted has no word)."""
    t = Counter(WORD.findall(truth.lower()))
    p = Counter(WORD.findall((pred or "").lower()))
    tp = sum((t & p).values())
    return tp / max(sum(p.values()), 1), tp / max(sum(t.values()), 1)


def word_f1(truth: str, pred: str) -> float:
    """WCXB word-level bag-of-words F1 of one page."""
    if not WORD.search(truth) and not WORD.search(pred or ""):
        return 1.0
    precision, recall = word_precision_recall(truth, pred)
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def normalise(text: str) -> str:
    return SPACES.sub(" ", text or "").strip().lower()


def leaked(snippet: str, extracted_normalised: str) -> bool:
    """A boilerplate snippet leaked when its whitespace-normalised, lower-cased text is a
    substring of the (equally normalised) extraction."""
    s = normalise(snippet)
    return bool(s) and s in extracted_normalised


def title_agrees(truth: str, pred: str | None) -> bool:
    """Titles agree when their lower-cased word bags have F1 ≥ 0.8 (tolerates a site
    suffix such as "… | Site" on a long title, not a different headline)."""
    return bool(pred) and word_f1(truth, pred or "") >= 0.8


def date_agrees(truth: str, pred: str | None) -> bool:
    """Dates agree when they name the same calendar day (YYYY-MM-DD prefix)."""
    return bool(pred) and (pred or "")[:10] == truth[:10]


def author_agrees(truth: str, pred: str | None) -> bool:
    """Authors agree when every word of one name list is among the words of the other
    (so "Jane Doe" agrees with "By Jane Doe" and "Jane Doe, John Roe")."""
    if not pred:
        return False
    t, p = set(WORD.findall(truth.lower())), set(WORD.findall(pred.lower()))
    return bool(t and p) and (t <= p or p <= t)
