"""Words and numbers that look like dates but are not: no mention may be produced."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from dates_support import mentions, overlapping

SUN = dt.date(2024, 10, 20)

NOT_DATES = [
    ("Serbia may impose sanctions on Russia.", "may"),
    ("Theresa May said Britain would leave the bloc.", "May"),
    ("May I ask a question?", "May"),
    ("Protesters march through the capital every week.", "march"),
    ("Thousands joined the March for Life in Washington.", "March"),
    ("Will Smith attended the ceremony.", "Will"),
    ("August Landmesser refused to salute.", "August"),
    ("The city marked the 80th anniversary of its liberation.", "80th anniversary"),
    ("Liverpool won 3-1 against Chelsea.", "3-1"),
    ("The party won 2000 votes in the district.", "2000"),
    ("Section 2022 of the code applies to exports.", "2022"),
    ("Belgrade was occupied during World War II.", "World War II"),
    ("More than 1,500 people died in the floods.", "1,500"),
    ("The 48-year-old Australian was evicted.", "48-year-old"),
    ("Black Friday sales rose sharply.", "Friday"),
    ("He travels there twice a year.", "a year"),
    ("The rouble fell 2019 points.", "2019"),
    ("The Winter Olympics opened in Beijing.", "Winter"),
    ("After the fall of Kabul, the embassy closed.", "fall"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expr"), NOT_DATES)
def test_dates_false_positives_produce_no_mention(nlp: Any, text: str, expr: str) -> None:
    assert overlapping(nlp, text, expr, SUN) == []


@pytest.mark.slow
def test_dates_false_positives_keep_real_dates_beside_them(nlp: Any) -> None:
    text = "Theresa May met Putin in May 2019, and troops may leave in March."
    found = {m.text: m.date.value for m in mentions(nlp, text, SUN)}
    assert found == {"in May 2019": "2019-05", "in March": "2025-03"}
