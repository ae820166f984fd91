"""The fast scan (grammar tried around trigger words) finds exactly what trying the
grammar at every position finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.dates.expressions import find_expressions

WRITTEN = [
    "As early as the very beginning of October 2023, officials said, and again on "
    "Wednesday, September 30 through October 2, 2020; more than two and a half years ago.",
    "The 1980-88 war, the '90s, between 2010 and 2012, in 2010 and 2012, Section 2022.",
    "starting from the end of last week until the day after tomorrow, 29 months",
]


def _spans(text: str, exhaustive: bool) -> list[tuple[int, int, str]]:
    return [(e.start, e.end, e.kind) for e in find_expressions(text, exhaustive=exhaustive)]


@pytest.mark.parametrize("text", WRITTEN)
def test_dates_scan_windows_equal_exhaustive_scan(text: str) -> None:
    assert _spans(text, False) == _spans(text, True)
    assert _spans(text, False)  # the sentences do contain dates


@pytest.mark.slow
def test_dates_scan_windows_equal_exhaustive_on_news(shared: Path) -> None:
    paths = sorted((shared / "news" / "text").glob("*.txt"))[:40]
    assert paths
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert _spans(text, False) == _spans(text, True), path.name
