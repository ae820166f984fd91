"""The founding document: its support banner, newsletter box and donation appeal are dropped,
its headline, credit line and 13 body paragraphs kept verbatim."""

from __future__ import annotations

import json
from pathlib import Path

from tidings.extract.furniture import split_article


def _gold(shared: Path) -> dict:
    return json.loads((shared / "gold" / "seed" / "seed.json").read_text("utf-8"))["article"]


def test_seed_drops_every_furniture_line(seed_text: str, shared: Path) -> None:
    gold = _gold(shared)
    parts = split_article(seed_text)
    assert sorted(parts.furniture) == sorted(gold["furniture"])
    assert len(parts.furniture) == 19
    assert not set(parts.paragraphs) & set(gold["furniture"])


def test_seed_body_is_verbatim(seed_text: str, shared: Path) -> None:
    parts = split_article(seed_text)
    assert parts.paragraphs == _gold(shared)["body"].split("\n\n")
    assert len(parts.paragraphs) == 13


def test_seed_title_and_credit(seed_text: str, shared: Path) -> None:
    gold = _gold(shared)
    parts = split_article(seed_text)
    assert parts.title == gold["title"]
    assert parts.credit == "vucic.rs"
    assert parts.byline is None


def test_seed_title_hint_is_used(seed_text: str) -> None:
    hint = "Serbian President Speaks to Putin for First Time in 2.5 Years – Presidency"
    parts = split_article(seed_text, title_hint=hint)
    assert parts.title == hint
    assert parts.credit == "vucic.rs"
    assert hint not in parts.paragraphs
