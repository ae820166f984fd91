"""Furniture in styles other than the seed's, and article text that looks risky but stays.

Every text here is written for these tests (an invented strike at an invented port)."""

from __future__ import annotations

import pytest

from tidings.extract.furniture import line_score, split_article

HEAD = """Skip to main content

Menu

Harbour strike halts grain exports as talks with port operator stall

By Maria Lindqvist

Photo: Anadolu
"""

BODY = [
    "Dock workers at the country's largest port walked off the job on Wednesday, halting grain "
    "shipments for a third day as negotiations with the operator broke down, union leaders said.",
    "The union is demanding a 9% pay rise and an end to short-term contracts, which it says now "
    "cover more than half of the workforce.",
    '"We are asking for nothing more than what was promised two years ago," said Tomas Berg, the '
    "union's chairman, speaking to reporters outside the terminal gates.",
    "The port operator said in a statement that it had offered a 4% increase and would support a "
    "mediator if the union agreed to return to work.",
    "Shipping agents estimated that about 40 vessels were waiting at anchor, with losses to "
    "exporters running at roughly €2 million a day.",
    "The agriculture ministry urged both sides to settle quickly, warning that farmers could face "
    "storage shortages before the harvest.",
    "Talks are due to resume on Friday.",
]

SHARE = ["Share this story", "Facebook", "X", "WhatsApp", "Copy link"]
NEWSLETTER = [
    "Get the morning briefing",
    "The day's essential stories, in your inbox before breakfast. Sign up now – it's free.",
    "Enter your email",
    "Sign up",
]
RELATED = [
    "Related:",
    "Port strikes spread along the coast",
    "Five things to know about the grain corridor",
    "Why freight rates are climbing again",
]
BIO = [
    "Maria Lindqvist is our shipping and trade correspondent. She has reported from ports across "
    "northern Europe for a decade and previously covered energy markets."
]
DONATION = [
    "Independent reporting costs money. If you value our coverage, please become a supporter – "
    "from just €4 a month you help keep our journalism open to all.",
    "€4 monthly",
    "€8 monthly",
    "Other amount",
    "Support us",
]
COOKIES = [
    "We use cookies and similar technologies to personalise content and ads and to analyse our "
    "traffic. You can change your choices at any time in your privacy settings.",
    "Accept all",
    "Manage settings",
]
TAIL = SHARE + NEWSLETTER + RELATED + BIO + DONATION + COOKIES


def _page(body: list[str], middle: list[str] | None = None) -> str:
    lines = body[:3] + (middle or []) + body[3:]
    return HEAD + "\n" + "\n\n".join(lines + TAIL) + "\n"


def test_tail_furniture_of_every_kind_is_dropped() -> None:
    parts = split_article(_page(BODY))
    assert parts.paragraphs == BODY
    for line in TAIL:
        assert line in parts.furniture, line


def test_head_lines_become_title_byline_credit() -> None:
    parts = split_article(_page(BODY))
    assert parts.title == "Harbour strike halts grain exports as talks with port operator stall"
    assert parts.byline == "By Maria Lindqvist"
    assert parts.credit == "Photo: Anadolu"
    assert {"Skip to main content", "Menu"} <= set(parts.furniture)


def test_advertisement_marker_inside_the_body_is_dropped() -> None:
    parts = split_article(_page(BODY, middle=["Advertisement"]))
    assert "Advertisement" in parts.furniture
    assert parts.paragraphs == BODY


def test_read_more_link_inside_the_body_is_dropped() -> None:
    line = "Read more: Port strikes spread along the coast"
    parts = split_article(_page(BODY, middle=[line]))
    assert line in parts.furniture
    assert parts.paragraphs == BODY


RISKY = [
    # a quote that says "support"
    '"We will support any mediator both sides can accept," the labour minister told parliament.',
    # subscribers and money
    "The operator's parent company, which also runs a freight app with 300,000 subscribers, "
    "reported a profit of $45 million last year.",
    # a donation, reported
    "A local charity said it had raised €12,000 in donations for the families of striking workers.",
    # a one-line paragraph of real text
    "He declined to comment.",
]


@pytest.mark.parametrize("line", RISKY)
def test_risky_article_paragraphs_stay(line: str) -> None:
    body = BODY[:4] + [line] + BODY[4:]
    parts = split_article(_page(body))
    assert line in parts.paragraphs
    assert parts.paragraphs == body


@pytest.mark.parametrize(
    "line",
    ["Subscribe to our newsletter", "Share on Facebook", "Accept all cookies", "Donate now",
     "Related stories", "Advertisement", "Continue", "Log in to comment"],
)  # fmt: skip
def test_furniture_lines_alone_score_as_furniture(line: str) -> None:
    assert line_score(line) < 0


@pytest.mark.parametrize("line", BODY[:6] + RISKY[:3])
def test_article_sentences_alone_score_as_article(line: str) -> None:
    assert line_score(line) > 0
