"""Floors on real crawler text: the 285 WCXB dumps with gold bodies, and the WCXB line test.

Re-measured 2026-12-06 after the model was refitted on 899 pages from 791 sites: the line
filter alone (no prompt rules) keeps a body F1 of 0.956 with 11.5% of the gold furniture
lines leaked (64/557); judged by cross-validation grouped by site (each page by the fold
model fitted without its site) 0.953 with 12.2% (68/557); WCXB paragraphs judged alone:
precision 0.990, recall 0.968, furniture recall 0.854 (cross-validated 0.989 / 0.964 /
0.843). The floors sit a little below,
so a change that loses ground fails."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from tidings.benchmarks.furniture import furniture_line_benchmark
from tidings.extract.furniture import split_article, using_weights
from tidings.extract.sites import fold_of, site_of

TOKEN = re.compile(r"\w+")


def _f1(truth: str, pred: str) -> float:
    t, p = Counter(TOKEN.findall(truth.lower())), Counter(TOKEN.findall(pred.lower()))
    tp = sum((t & p).values())
    if not tp:
        return 1.0 if not t and not p else 0.0
    precision, recall = tp / sum(p.values()), tp / sum(t.values())
    return 2 * precision * recall / (precision + recall)


def _judged(text: str, url: str | None) -> str:
    return "\n\n".join(split_article(text, url=url).paragraphs)


@pytest.mark.slow
def test_dumps_body_f1_and_leaked_furniture(shared: Path) -> None:
    # per part: body F1 of each page, gold furniture lines, of which leaked; "cv" judges each
    # page with the fold model fitted without its site (grouped cross-validation)
    parts_seen: dict[str, tuple[list[float], list[int]]] = {"all": ([], [0, 0]), "cv": ([], [0, 0])}
    for path in sorted((shared / "gold" / "dumps").glob("*.json")):
        gold = json.loads(path.read_text("utf-8"))
        text = (shared / gold["input"]["file"]).read_text("utf-8")
        url = gold["input"].get("url")
        lines = [
            text[f["span"][0] : f["span"][1]] if isinstance(f, dict) else f
            for f in gold["article"].get("furniture") or []
        ]
        with using_weights(f"fold{fold_of(site_of(url))}"):
            cv_body = _judged(text, url)
        for name, body in (("all", _judged(text, url)), ("cv", cv_body)):
            f1s, counts = parts_seen[name]
            f1s.append(_f1(gold["article"]["body"], body))
            kept = set(body.split("\n\n"))
            counts[0] += len(lines)
            counts[1] += sum(line.strip() in kept for line in lines)
    floors = {"all": (0.950, 0.125), "cv": (0.947, 0.13)}
    assert len(parts_seen["all"][0]) == 285
    for name, (f1s, (furniture, leaked)) in parts_seen.items():
        min_f1, max_leaked = floors[name]
        assert sum(f1s) / len(f1s) >= min_f1, name
        assert leaked / furniture <= max_leaked, name


@pytest.mark.slow
def test_wcxb_lines_alone(shared: Path) -> None:
    figures = furniture_line_benchmark(shared / "bench" / "wcxb-dev")
    assert figures["pages"] >= 700
    for group in ("paragraphs", "cv_paragraphs"):
        assert figures[group]["article_precision"] >= 0.98, group
        assert figures[group]["article_recall"] >= 0.955, group
        # the furniture class, which the article figures hide (furniture lines are few)
        # 0.854 in sample, 0.843 cross-validated (0.883 before the refit on every source:
        # the dumps' leaks fell, the lines judged alone lost some furniture recall)
        assert figures[group]["furniture_recall"] >= 0.835, group
        assert figures[group]["furniture_precision"] >= 0.6, group
