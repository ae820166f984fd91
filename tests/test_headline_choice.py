"""The headline of a crawler dump is the line that reads like one above the body, never a
record of the page (a dateline, a credit, the writer's role) or a call to act."""

from __future__ import annotations

import pytest

from tidings.extract.furniture import split_article
from tidings.extract.headers import headline_score

BODY = [
    "Ferries to the outer islands resumed on Monday after engineers repaired a pier damaged "
    "by last week's storm, the regional transport authority said.",
    "The authority said timetables would return to normal by the weekend, though some "
    "crossings could be delayed by high winds.",
]
HEADLINE = "Ferry Service To The Islands Resumes After Storm Repairs"


@pytest.mark.parametrize(
    "record",
    [
        "November 26th, 2024",
        "Written byAnn Lee, Travel Editor",
        "Audrey Huang, Print Managing Editor",
        "National Transport Reporter",
        "Schedule Your Free Consultation",
        "Table Of Contents",
    ],
)
def test_a_page_record_between_headline_and_body_is_not_the_title(record: str) -> None:
    assert headline_score(record) == 0.0
    parts = split_article("\n".join([HEADLINE, record, *BODY]))
    assert parts.title == HEADLINE


def test_the_headline_still_wins_alone() -> None:
    assert headline_score(HEADLINE) > 0
    assert split_article("\n".join([HEADLINE, *BODY])).title == HEADLINE
