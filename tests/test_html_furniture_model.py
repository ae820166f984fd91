"""The furniture model on the HTML path: the extractor's lines judged in their page, and only
the ones it is sure are furniture dropped (when the chosen threshold turns the step on)."""

from __future__ import annotations

import pytest

from tidings.extract import furniture, html
from tidings.extract.furniture import drop_sure_furniture, html_line_scores

LINES = [
    "The city council voted on Tuesday to raise the budget for road repairs by four million "
    "dollars, the mayor said.",
    "Subscribe to our newsletter",
    "Officials said the work would begin in the spring and last about two years, closing "
    "several lanes at a time.",
    "Share on Facebook",
    "Copyright 2024 Example Media. All rights reserved.",
]
URL = "https://www.example.com/news/roads"


def test_lines_are_scored_in_their_page() -> None:
    scores = html_line_scores(LINES, URL)
    assert len(scores) == len(LINES)
    assert scores[0] > 2 and scores[2] > 2  # reporting
    assert scores[3] < -2 and scores[4] < -2  # a share button, a copyright notice


def test_without_a_threshold_the_model_drops_nothing() -> None:
    # the grouped cross-validation chose no cut (see furniture.HTML_THRESHOLD)
    assert furniture.HTML_THRESHOLD is None
    assert drop_sure_furniture(LINES, URL) == (LINES, [])


def test_a_threshold_drops_only_the_sure_furniture(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(furniture, "HTML_THRESHOLD", -4.0)
    kept, dropped = drop_sure_furniture(LINES, URL)
    assert kept == LINES[:3]
    assert dropped == LINES[3:]
    assert drop_sure_furniture([], URL) == ([], [])


def test_the_html_path_hands_model_and_prompt_drops_back_together(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(furniture, "HTML_THRESHOLD", -4.0)
    paragraphs, dropped = html.clean_lines(LINES, URL)
    assert paragraphs == [LINES[0], LINES[2]]
    assert set(dropped) == set(LINES[1:2] + LINES[3:])


def test_the_grouped_cv_adapter_uses_the_fold_that_never_saw_the_site() -> None:
    from tidings.benchmarks.adapters import ADAPTERS, Page

    body = "".join(f"<p>{line}</p>" for line in LINES[:1] + LINES[2:3])
    raw = f"<html><body><article><h1>Roads</h1>{body}</article></body></html>".encode()
    page = Page(id="roads", raw=raw, url=URL)
    plain = ADAPTERS["tidings"](page)
    cv = ADAPTERS["tidings (grouped CV)"](page)
    # the same pipeline: with no HTML cut the fold's model changes nothing on this page
    assert cv.text == plain.text and "council voted" in cv.text
