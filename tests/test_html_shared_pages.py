"""Real pages from ../shared/news: titles and dates agree with the manifest, and the body
is the article (its reference text's opening words appear in it)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tidings.benchmarks.scoring import title_agrees, word_f1
from tidings.extract import extract_article
from tidings.sources.html import read_html

# Pages of different makes: a wire story, a Washington Post page, pages that write
# <meta value=…> (postlight), a Caribbean outlet, a CNN page.
IDS = ["zyte-82b6d780c792", "readability-wapo-2", "postlight-abcnews-go-com",
       "postlight-www-reuters-com", "postlight-www-cnn-com",
       "trafilatura-thestkittsnevisobserver-com-bvi", "np4k-cnn-001"]  # fmt: skip


def manifest(shared: Path) -> dict[str, dict[str, Any]]:
    rows = (json.loads(line) for line in (shared / "news" / "manifest.jsonl").open())
    return {row["id"]: row for row in rows}


@pytest.mark.parametrize("page_id", IDS)
def test_title_and_date_match_the_manifest(shared: Path, page_id: str) -> None:
    row = manifest(shared)[page_id]
    article = extract_article(read_html(shared / "news" / row["file"], {}))
    assert title_agrees(row["title"], article.title), article.title
    assert article.published is not None and article.published.isoformat() == row["published"]
    assert len(article.paragraphs) >= 3


@pytest.mark.parametrize("page_id", ["zyte-82b6d780c792", "readability-wapo-2"])
def test_body_matches_the_gold_text(shared: Path, page_id: str) -> None:
    row = manifest(shared)[page_id]
    article = extract_article(read_html(shared / "news" / row["file"], {}))
    gold = (shared / "news" / row["text_file"]).read_text("utf-8").split("\n", 2)[2]
    assert word_f1(gold, article.body) >= 0.9
    # the body opens with article text, not with page furniture
    opening = " ".join(re.findall(r"\w+", article.body)[:8])
    assert opening in " ".join(re.findall(r"\w+", gold))


def test_postlight_meta_value_pages_give_a_date(shared: Path) -> None:
    rows = [r for r in manifest(shared).values() if r["id"].startswith("postlight-")]
    dated = 0
    for row in rows:
        article = extract_article(read_html(shared / "news" / row["file"], {}))
        dated += article.published is not None and article.published.isoformat() == row["published"]
    assert dated >= len(rows) - 1
