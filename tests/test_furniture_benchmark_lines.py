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
    assert figures["paragraphs"]["precision"] == 1.0
    assert figures["paragraphs"]["recall"] == 1.0
    assert figures["paragraphs"]["furniture_leaked"] == 0.0
    assert "| paragraphs | 2 | 3 |" in markdown(figures)


def test_benchmark_refuses_a_folder_without_ground_truth(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        furniture_line_benchmark(tmp_path)
