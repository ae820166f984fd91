"""The gold dates of the seed and dev sets resolve on the gold bodies (../shared)."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

from dates_support import mentions


def _score(nlp: Any, path: Path) -> tuple[int, int, list[str]]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    body = gold["article"]["body"]
    found = mentions(nlp, body, dt.date.fromisoformat(gold["input"]["published"]))
    right, misses = 0, []
    for want in gold["dates"]:
        spans = [(m.start(), m.end()) for m in re.finditer(re.escape(want["text"]), body)]
        hits = [d for d in found for s, e in spans if d.start < e and s < d.end]
        if any(d.date.value == want["value"] for d in hits):
            right += 1
        else:
            misses.append(f"{path.name}: {want} got {[(d.text, d.date.value) for d in hits]}")
    return right, len(gold["dates"]), misses


@pytest.mark.slow
def test_dates_gold_seed_expressions_all_resolve(nlp: Any, shared: Path) -> None:
    right, total, misses = _score(nlp, shared / "gold" / "seed" / "seed.json")
    assert right == total, misses


@pytest.mark.slow
def test_dates_gold_dev_and_seed_accuracy(nlp: Any, shared: Path) -> None:
    paths = sorted((shared / "gold" / "dev").glob("*.json")) + [shared / "gold/seed/seed.json"]
    right = total = 0
    misses: list[str] = []
    for path in paths:
        r, t, m = _score(nlp, path)
        right, total, misses = right + r, total + t, misses + m
    assert total and right / total >= 0.90, misses
