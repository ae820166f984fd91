"""The extraction benchmark's scores and its runner on tiny sets in the published layouts."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from tidings.benchmarks import extract as bench
from tidings.benchmarks.adapters import Extraction, Page, safe
from tidings.benchmarks.scoring import (
    author_agrees,
    date_agrees,
    leaked,
    normalise,
    shingle_counts,
    title_agrees,
    word_f1,
    zyte_f1,
)  # fmt: skip

TEXT = "the council approved the budget for new bridges on thursday after a long debate"


def test_perfect_and_empty_predictions() -> None:
    assert zyte_f1([shingle_counts(TEXT, TEXT, 4)]) == (1.0, 1.0, 1.0)
    p, r, f = zyte_f1([shingle_counts(TEXT, TEXT, 4), shingle_counts(TEXT, "", 4)])
    assert p == 1.0 and r == 0.5  # an empty page counts for recall only, as officially
    assert f == pytest.approx(2 / 3)


def test_word_f1_is_a_bag_of_lowercased_words() -> None:
    assert word_f1("A b c d", "d c B a") == 1.0
    assert word_f1("a b c d", "a b") == pytest.approx(2 * 1 * 0.5 / 1.5)
    assert word_f1("a b", "") == 0.0


def test_leak_and_agreement_rules() -> None:
    extracted = normalise("Story text.\nSign up   for our NEWSLETTER today")
    assert leaked("Sign up for our newsletter", extracted)
    assert not leaked("Subscribe", extracted)
    assert title_agrees(
        "Council approves bridge budget", "Council approves bridge budget | Gazette"
    )
    assert not title_agrees("Council approves bridge budget", "Weather for the weekend")
    assert date_agrees("2024-03-05", "2024-03-05T10:00:00")
    assert author_agrees("Jane Doe", "By Jane Doe")
    assert not author_agrees("Jane Doe", None)


def test_a_failing_tool_scores_the_page_empty() -> None:
    def broken(page: Page) -> Extraction:
        raise RuntimeError("tool crashed")

    assert safe(broken)(Page("x", b"", None)) == Extraction()


def write_sets(root: Path) -> tuple[Path, Path]:
    paragraphs = [
        "The harbour council met on Tuesday to discuss the long-delayed repairs to the "
        "northern sea wall, which storms damaged twice this winter.",
        "Engineers told councillors that the work would take three months and that the pier "
        "would stay closed to fishing boats while it lasted.",
        "Traders on the seafront asked for the repairs to start after the summer season, "
        "when fewer visitors come to the town.",
        "The council chair said a decision on the timetable would be taken at the next "
        "meeting, once the contractors had sent their final estimates.",
        "The sea wall was last rebuilt more than thirty years ago, according to the town's "
        "own records, and has needed patching every spring since.",
    ]
    html = ("<html><head><title>Harbour repairs</title><meta name='author' content='Ann Lee'>"
            "<meta property='article:published_time' content='2024-01-02'></head><body>"
            "<nav>Home | Sign in</nav><article>" + "".join(f"<p>{p}</p>" for p in paragraphs)
            + "</article><footer>Sign in</footer></body></html>").encode()  # fmt: skip
    zyte, wcxb = root / "zyte", root / "wcxb"
    (zyte / "html").mkdir(parents=True)
    (wcxb / "html").mkdir(parents=True)
    (wcxb / "ground-truth").mkdir()
    (zyte / "html" / "p1.html.gz").write_bytes(gzip.compress(html))
    (zyte / "ground-truth.json").write_text(
        json.dumps({"p1": {"articleBody": "\n".join(paragraphs), "url": "https://h.test/1"}})
    )
    (wcxb / "html" / "0001.html.gz").write_bytes(gzip.compress(html))
    truth = {"url": "https://h.test/1", "ground_truth": {
        "title": "Harbour repairs", "author": "Ann Lee", "publish_date": "2024-01-02",
        "main_content": "\n\n".join(paragraphs), "without": ["Sign in"]}}  # fmt: skip
    (wcxb / "ground-truth" / "0001.json").write_text(json.dumps(truth))
    return zyte, wcxb


def test_runner_scores_tidings_on_both_layouts(tmp_path: Path) -> None:
    zyte, wcxb = write_sets(tmp_path)
    figures = bench.run(zyte, wcxb, tools=["tidings", "resiliparse"])
    ours = figures["tidings"]
    assert ours["zyte_f1"] > 0.95 and ours["wcxb_f1"] > 0.95
    assert ours["wcxb_leaked"] == 0.0
    assert ours["title_agreement"] == 1.0 and ours["date_agreement"] == 1.0
    assert ours["author_agreement"] == 1.0
    assert figures["resiliparse"]["title_agreement"] is None  # it reports no metadata
    table = bench.markdown(figures)
    # one row in the main table, one in the table by site fold (peers have none there)
    assert table.count("\n| tidings |") == 2 and table.count("\n| resiliparse |") == 1


def test_figures_are_given_by_site_fold(tmp_path: Path) -> None:
    from tidings.extract.sites import FOLDS, fold_of, site_of

    zyte, wcxb = write_sets(tmp_path)
    figures = bench.run(zyte, wcxb, tools=["tidings"])
    folds = figures["tidings"]["by_fold"]
    assert [d["fold"] for d in folds] == list(range(FOLDS))
    # the one page of each set sits in its site's fold, and only there
    home = fold_of(site_of("https://h.test/1"))
    assert folds[home]["wcxb_pages"] == 1 and folds[home]["zyte_pages"] == 1
    assert folds[home]["wcxb_f1"] == figures["tidings"]["wcxb_f1"]
    assert folds[home]["wcxb_leaked"] == 0.0
    assert all(d["wcxb_pages"] == 0 and d["wcxb_f1"] is None for d in folds if d["fold"] != home)
    table = bench.markdown(figures)
    assert "By site fold" in table and table.count("\n| tidings |") == 2
