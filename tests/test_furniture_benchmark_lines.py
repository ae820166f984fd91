"""The WCXB line benchmark on a folder written here: counts and figures are what the lines say."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tidings.benchmarks.furniture import furniture_line_benchmark, markdown


def _page(folder: Path, name: str, main: str, without: list[str]) -> None:
    record = {"ground_truth": {"main_content": main, "without": without}}
    (folder / f"{name}.json").write_text(json.dumps(record), encoding="utf-8")


def test_benchmark_counts_lines_and_scores_them(tmp_path: Path) -> None:
    folder = tmp_path / "ground-truth"
    folder.mkdir()
    main = "\n\n".join([
        "The council approved the new budget on Thursday after a long debate, officials said.",
        "Spending on schools will rise by 4% next year, according to the finance office.",
        "Pros",
    ])  # fmt: skip
    _page(folder, "0001", main, ["Subscribe to our newsletter", "Share on Facebook", "Menu"])
    figures = furniture_line_benchmark(tmp_path)
    assert figures["pages"] == 1
    assert figures["paragraphs"]["article_lines"] == 2  # "Pros" is a heading: all-lines only
    assert figures["all_lines"]["article_lines"] == 3
    assert figures["paragraphs"]["furniture_lines"] == 3
    assert figures["paragraphs"]["article_precision"] == 1.0
    assert figures["paragraphs"]["article_recall"] == 1.0
    assert figures["paragraphs"]["furniture_precision"] == 1.0
    assert figures["paragraphs"]["furniture_recall"] == 1.0
    assert figures["paragraphs"]["furniture_leaked"] == 0.0
    assert "| paragraphs | 2 | 3 |" in markdown(figures)


def test_benchmark_reports_both_classes_from_one_confusion_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tidings.benchmarks.furniture as bench

    # a stand-in filter that keeps reported sentences only, so the counts do not hang on the
    # fitted weights: an article line it drops (a call to act the page counts as content)
    # and a furniture line it keeps (a plain sentence the page counts as boilerplate)
    monkeypatch.setattr(bench, "line_score", lambda text: 1.0 if " said" in text else -1.0)
    folder = tmp_path / "ground-truth"
    folder.mkdir()
    main = "\n\n".join([
        "The council approved the new budget on Thursday after a long debate, officials said.",
        "Subscribe to our newsletter for weekly updates and exclusive offers!",
    ])  # fmt: skip
    without = [
        "Share on Facebook",
        "The mayor said the plan would be reviewed again in the spring, aides confirmed.",
    ]
    _page(folder, "0001", main, without)
    f = furniture_line_benchmark(tmp_path)["paragraphs"]
    assert f["confusion"] == {"tp": 1, "fp": 1, "fn": 1, "tn": 1}
    assert f["article_precision"] == f["article_recall"] == 0.5
    assert f["furniture_precision"] == f["furniture_recall"] == 0.5
    assert f["furniture_leaked"] == 0.5


def test_benchmark_splits_held_out_pages_and_their_unseen_lines(tmp_path: Path) -> None:
    from tidings.benchmarks.furniture import held_out

    folder = tmp_path / "ground-truth"
    folder.mkdir()
    names = [f"{k:04d}" for k in range(12)]
    training = next(n for n in names if not held_out(n))
    unseen = [n for n in names if held_out(n)][:2]
    shared_line = "Share on Facebook"
    _page(folder, training, "A plain sentence of the article, long enough to count here.",
          [shared_line])  # fmt: skip
    _page(folder, unseen[0], "Another plain sentence of an article, long enough to count.",
          [shared_line])  # fmt: skip
    _page(folder, unseen[1], "A third plain sentence of an article, long enough to count.",
          ["Subscribe to our newsletter"])  # fmt: skip
    figures = furniture_line_benchmark(tmp_path)
    assert figures["held_out_pages"] == 2
    assert figures["training_paragraphs"]["furniture_lines"] == 1
    assert figures["held_out_paragraphs"]["furniture_lines"] == 2
    # the boilerplate line also found on a training page is not counted as unseen
    assert figures["held_out_unseen_paragraphs"]["furniture_lines"] == 1
    assert figures["held_out_unseen_paragraphs"]["article_lines"] == 2


def test_benchmark_refuses_a_folder_without_ground_truth(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        furniture_line_benchmark(tmp_path)


def test_prose_paragraphs_are_sentences_of_six_words_or_more() -> None:
    from tidings.benchmarks.furniture import is_prose

    assert is_prose("The council voted on Monday to close the old harbour bridge.")
    assert is_prose('"We will not close it," the mayor said after the vote ended.')
    assert not is_prose("Buy: check price at the harbour store, check price online")
    assert not is_prose("Pros and cons of the new bridge")
    assert not is_prose("It rained.")
