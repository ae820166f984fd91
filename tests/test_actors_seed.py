"""Actors on the founding article against the codes of ../shared/gold/seed/seed.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def test_actors_seed_codes_match_gold(seed_analysis, shared: Path) -> None:  # type: ignore[no-untyped-def]
    gold = json.loads((shared / "gold" / "seed" / "seed.json").read_text(encoding="utf-8"))
    mentions = seed_analysis.mentions
    for actor in gold["actors"]:
        for surface in actor["mentions"]:
            codes = {m.actor.code for m in mentions if m.text.lower() == surface.lower()
                     or (surface.lower() in m.text.lower() and m.how == "name")}  # fmt: skip
            assert actor["code"] in codes, (surface, actor["code"], codes)


def test_actors_seed_people_and_kinds(seed_analysis) -> None:  # type: ignore[no-untyped-def]
    by_name = {m.actor.name: m.actor for m in seed_analysis.mentions}
    vucic = by_name["Aleksandar Vucic"]
    assert (vucic.code, vucic.kind, vucic.role) == ("SRBGOV", "person", "President of Serbia")
    assert by_name["Vladimir Putin"].code == "RUSGOV"
    assert by_name["Kremlin"].code == "RUSGOV"
    assert (by_name["Serbia"].code, by_name["Serbia"].kind) == ("SRB", "country")
    assert by_name["European Union"].kind == "organisation"
