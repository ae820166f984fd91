"""Floors on real crawler text: the 301 WCXB dumps with gold bodies, and the WCXB line test.

Measured when written (2026-11-27): dumps body F1 0.916 (keeping every line: 0.885), 27% of
the gold furniture lines leaked; WCXB paragraphs judged alone: precision 0.99, recall 0.97.
The floors sit a little below, so a change that loses ground fails."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from tidings.benchmarks.furniture import furniture_line_benchmark
from tidings.extract.furniture import split_article

TOKEN = re.compile(r"\w+")


def _f1(truth: str, pred: str) -> float:
    t, p = Counter(TOKEN.findall(truth.lower())), Counter(TOKEN.findall(pred.lower()))
    tp = sum((t & p).values())
    if not tp:
        return 1.0 if not t and not p else 0.0
    precision, recall = tp / sum(p.values()), tp / sum(t.values())
    return 2 * precision * recall / (precision + recall)


@pytest.mark.slow
def test_dumps_body_f1_and_leaked_furniture(shared: Path) -> None:
    f1s: list[float] = []
    furniture = leaked = 0
    for path in sorted((shared / "gold" / "dumps").glob("*.json")):
        gold = json.loads(path.read_text("utf-8"))
        text = (shared / gold["input"]["file"]).read_text("utf-8")
        parts = split_article(text)
        f1s.append(_f1(gold["article"]["body"], "\n\n".join(parts.paragraphs)))
        kept = set(parts.paragraphs)
        lines = gold["article"].get("furniture") or []
        furniture += len(lines)
        leaked += sum(line.strip() in kept for line in lines)
    assert len(f1s) == 301
    assert sum(f1s) / len(f1s) >= 0.905
    assert leaked / furniture <= 0.30


@pytest.mark.slow
def test_wcxb_lines_alone(shared: Path) -> None:
    figures = furniture_line_benchmark(shared / "bench" / "wcxb-dev")
    assert figures["pages"] >= 700
    for group in ("paragraphs", "held_out_paragraphs"):
        assert figures[group]["precision"] >= 0.98, group
        assert figures[group]["recall"] >= 0.96, group
