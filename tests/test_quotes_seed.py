"""The founding article: exactly its five quotations, Vucic three times, the Kremlin twice."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from quotes_support import mention, quotes_of
from tidings.evaluation.matching import gold_coverage, names_agree
from tidings.model import Actor

pytestmark = pytest.mark.slow

VUCIC = Actor(name="Aleksandar Vucic", code="SRBGOV", kind="person", country="SRB")
KREMLIN = Actor(name="Kremlin", code="RUSGOV", kind="organisation", country="RUS")


def _gold(shared: Path) -> dict[str, Any]:
    return json.loads((shared / "gold" / "seed" / "seed.json").read_text(encoding="utf-8"))


def _check(quotes: list[Any], gold: list[dict[str, Any]], codes: bool) -> None:
    assert len(quotes) == len(gold) == 5
    for q, g in zip(quotes, gold, strict=True):
        assert gold_coverage(g["text"], q.text) >= 0.8
        assert q.speaker is not None and names_agree(g["speaker"]["name"], q.speaker.name)
        if codes or q.speaker.code:
            assert q.speaker.code == g["speaker"]["code"]
        assert q.cue == "said"
        assert q.partial == bool(g.get("partial"))


def test_seed_quotes_from_the_pipeline(seed_analysis: Any, shared: Path) -> None:
    _check(seed_analysis.quotes, _gold(shared)["quotes"], codes=False)
    names = [q.speaker.name for q in seed_analysis.quotes]
    assert sum("Vucic" in n for n in names) == 3 and sum("Kremlin" in n for n in names) == 2


def test_seed_quotes_with_hand_made_mentions(nlp: Any, shared: Path) -> None:
    gold = _gold(shared)
    paragraphs = gold["article"]["body"].split("\n\n")
    body = "\n\n".join(paragraphs)
    mentions = [mention(body, "Vucic", VUCIC, nth=n, how="surname") for n in range(1, 7)]
    mentions += [mention(body, "Kremlin", KREMLIN, nth=n, how="metonym") for n in range(2)]
    mentions.sort(key=lambda m: m.start)
    _check(quotes_of(nlp, *paragraphs, mentions=mentions), gold["quotes"], codes=True)
