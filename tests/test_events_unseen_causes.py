"""Causes of misses and wrong events that a review of unseen articles found (issue #12),
on real sentences (shortened) from ../shared/corpus and the review's examples, through the
whole pipeline: an adverbial clause is an event of its own, market moves and questions
are no events, and an act outside the lexicon is typed by the trained typer."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.model import Event
from tidings.pipeline import Pipeline
from tidings.sources import iter_documents


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _events(pipeline: Pipeline, tmp_path: Path, text: str, published: str) -> list[Event]:
    path = tmp_path / "a.txt"
    path.write_text("Title\n\n" + text + "\n", encoding="utf-8")
    doc = next(iter(iter_documents([str(path)], {"published": published})))
    return pipeline.analyze(doc).events  # type: ignore[arg-type]


def test_an_adverbial_clause_is_not_swallowed_by_the_main_act(pipeline, tmp_path) -> None:
    text = (
        "Since the United States launched airstrikes on Syria, Iran has demanded that "
        "Washington withdraw its troops."
    )
    found = {e.event for e in _events(pipeline, tmp_path, text, "2018-04-20")}
    assert {"ASSAULT", "REQUEST"} <= found


@pytest.mark.parametrize(
    "text",
    [
        "Japan's Nikkei 225 declined 0.3% on Tuesday.",  # a market move, not a refusal
        "Reporters asked Prime Minister Scott Morrison about concerns over China.",  # a question
        "The United States backed away from its threat to impose tariffs on Mexico.",
    ],
)
def test_no_event_where_the_review_found_a_wrong_one(pipeline, tmp_path, text: str) -> None:
    events = _events(pipeline, tmp_path, text, "2019-06-12")
    assert not [e for e in events if e.event in ("REJECT", "REQUEST", "SUPPORT")]


def test_an_approved_act_is_its_approvers(pipeline, tmp_path) -> None:
    events = _events(
        pipeline, tmp_path, "The Senate approved sanctions against Russia.", "2017-07-28"
    )
    sanction = [e for e in events if e.event == "SANCTION"]
    assert sanction and {r.code for r in sanction[0].actor} == {"USALEG"}
    assert {r.code for r in sanction[0].recipient} == {"RUSGOV"}
