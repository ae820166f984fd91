"""A weekday or a day without a year that a clause places ahead: a modal before a bare verb
("Tuesday's speech should be an opportunity"), an obligation ("what Obama has to say in his
Tuesday evening address"), an agreement or decision to act ("agreed to meet around
Sept. 28"). A modal with "have" still looks back.

Sentences from dev2 articles (shortened), with their publication dates."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from dates_support import mention_at

pytestmark = pytest.mark.slow

MON = dt.date(2013, 9, 9)  # a Monday, the day before the address
FRI = dt.date(2013, 9, 13)

CASES: list[tuple[str, str, dt.date, str]] = [
    (
        "Tuesday's speech should be an opportunity for Americans to listen to Obama's case.",
        "Tuesday",
        MON,
        "2013-09-10",
    ),
    (
        "They could listen to what Mr. Obama has to say in his Tuesday evening address.",
        "Tuesday evening",
        MON,
        "2013-09-10",
    ),
    ("Kerry said they agreed to meet around Sept. 28 in New York.", "Sept. 28", FRI, "2013-09-28"),
    # looking back: the last Tuesday, the last Sept. 28
    ("The envoy should have met the rebels on Tuesday.", "on Tuesday", MON, "2013-09-03"),
    ("Kerry said they met on Sept. 28 in New York.", "Sept. 28", FRI, "2012-09-28"),
]


@pytest.mark.parametrize(("text", "expr", "published", "value"), CASES)
def test_a_prospective_clause_resolves_forward(
    nlp: Any, text: str, expr: str, published: dt.date, value: str
) -> None:
    assert mention_at(nlp, text, expr, published).date.value == value
