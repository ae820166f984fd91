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


def test_cross_validated_groups_judge_each_site_with_the_model_that_never_saw_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tidings.benchmarks.furniture as bench
    from tidings.extract import furniture
    from tidings.extract.sites import fold_of

    # two stand-in models that keep everything (main) or nothing (fold models), so each
    # group's counts show which model judged it
    keep_all = {"local": {"bias": 5.0}, "context": {}, "smooth": {}}
    drop_all = {"local": {"bias": -5.0}, "context": {}, "smooth": {}}
    tables = {"all": keep_all, **{f"fold{k}": drop_all for k in range(5)}}
    monkeypatch.setattr(furniture, "models", lambda: tables)
    monkeypatch.setattr(
        bench, "fold_models", lambda: {k: v for k, v in tables.items() if k != "all"}
    )
    folder = tmp_path / "ground-truth"
    folder.mkdir()
    record = {
        "url": "https://www.example.org/news/1",
        "ground_truth": {
            "main_content": "A plain sentence of the article, long enough to count here.",
            "without": ["Share on Facebook"],
        },
    }
    (folder / "0001.json").write_text(json.dumps(record), encoding="utf-8")
    figures = bench.furniture_line_benchmark(tmp_path)
    assert figures["folds"] == 5
    assert fold_of("example.org") in range(5)
    assert figures["paragraphs"]["confusion"] == {"tp": 1, "fp": 1, "fn": 0, "tn": 0}
    assert figures["cv_paragraphs"]["confusion"] == {"tp": 0, "fp": 0, "fn": 1, "tn": 1}


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
