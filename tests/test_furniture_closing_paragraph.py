"""The article's last paragraph is article text: a closing quote or a one-sentence paragraph
must not be dropped as page furniture, while furniture after it still is. Also: a comment
thread after the article is furniture to the end of the page. Articles written for these
tests, in the shape of the text inputs (title, blank line, one paragraph a line)."""

from __future__ import annotations

import pytest

from tidings.extract.furniture import split_article

OPENING = [
    "Harbour workers in the port city walked off the job on Tuesday, halting container "
    "traffic for the second time this month, union officials said.",
    "The union is demanding a 9 percent raise and limits on night shifts, which it says have "
    "doubled since the terminal was sold to a private operator last year.",
    "The operator said in a statement that it had offered 4 percent and remained open to "
    "talks, but warned that a long stoppage would push shipping lines to rival ports.",
]
CLOSINGS = [
    "“We are not going anywhere,” Marta Lind said.",
    "“We will stay out until they listen.”",
    "Talks are set to resume on Friday.",
    "The strike is the first at the port since 1998.",
]


def _article(closing: str, tail: list[str] | None = None) -> str:
    title = "Port strike halts container traffic for second time this month"
    return title + "\n\n" + "\n\n".join([*OPENING, closing, *(tail or [])]) + "\n"


@pytest.mark.parametrize("closing", CLOSINGS)
def test_closing_paragraph_is_kept(closing: str) -> None:
    text = _article(closing)
    title, _, body = text.partition("\n")
    parts = split_article(body, title_hint=title)
    assert parts.paragraphs[-1] == closing
    assert parts.furniture == []


@pytest.mark.parametrize("closing", CLOSINGS)
def test_closing_paragraph_is_kept_before_page_furniture(closing: str) -> None:
    tail = ["Share this story", "Sign up for our morning newsletter", "© 2026 Harbour Daily"]
    parts = split_article(_article(closing, tail))
    assert parts.paragraphs[-1] == closing
    assert set(tail) <= set(parts.furniture)


def test_comment_thread_after_the_article_is_furniture() -> None:
    thread = [
        "12 Comments",
        "dockhand77 on March 3, 2026 at 9:14 am",
        "About time somebody stood up to them. The night shifts have been brutal for years "
        "and nobody in management seems to care about the people doing the work.",
        "Reply",
        "Pia K. on March 3, 2026 at 11:02 am",
        "My brother works at the terminal and he says the offer was never serious, whatever "
        "the company tells the papers this week.",
    ]
    parts = split_article(_article(CLOSINGS[0], thread))
    assert parts.paragraphs[-1] == CLOSINGS[0]
    assert not any("night shifts have been brutal" in p for p in parts.paragraphs)
    assert "12 Comments" in parts.furniture


def test_comments_word_inside_the_article_is_not_a_thread() -> None:
    middle = "Comments from the mayor were expected later in the day, aides said."
    parts = split_article(
        _article(CLOSINGS[2], None).replace(OPENING[2], OPENING[2] + "\n\n" + middle)
    )
    assert middle in parts.paragraphs
    assert parts.paragraphs[-1] == CLOSINGS[2]


def test_furniture_whole_article_on_one_line_is_kept() -> None:
    sentence = (
        "The finance ministers of the two countries met in Geneva on Monday and agreed "
        "to resume talks on the trade dispute that has hurt exporters on both sides. "
    )
    one_line = sentence * 8  # a scraper that lost the paragraph breaks: ~240 words
    parts = split_article(f"Latest:\nVote in our poll now\n{one_line.strip()}\nShare this")
    assert parts.paragraphs == [one_line.strip()]
