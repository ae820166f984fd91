"""Plain text → Article: the furniture filter's title, credit and body, hints first."""

from __future__ import annotations

from tidings.extract.headers import headline_score
from tidings.extract.text import extract_text_article
from tidings.model import Document

TEXT = "\n\n".join([
    "Donate today to keep our newsroom independent!",
    "Ferry service to the islands resumes after storm damage is repaired",
    "Photo: Coastguard press office",
    "Ferries to the outer islands resumed on Monday after engineers repaired a pier damaged by "
    "last week's storm, the regional transport authority said.",
    "The authority said timetables would return to normal by the weekend, though some crossings "
    "could be delayed by high winds.",
    "Share this article",
    "Sign up for our newsletter",
])  # fmt: skip


def _doc(hints: dict[str, str]) -> Document:
    return Document(source="test.txt", content_hash="abc", format="text", content=TEXT, hints=hints)


def test_text_article_has_title_credit_and_clean_body() -> None:
    article = extract_text_article(_doc({"published": "2024-10-21"}))
    assert article.title == "Ferry service to the islands resumes after storm damage is repaired"
    assert article.credit == "Photo: Coastguard press office"
    assert len(article.paragraphs) == 2
    assert article.body.startswith("Ferries to the outer islands resumed on Monday")
    assert "newsletter" not in article.body
    assert "Share this article" in article.furniture
    assert str(article.published) == "2024-10-21"


def test_text_article_hints_win() -> None:
    article = extract_text_article(_doc({"title": "Ferries back", "author": "A. Writer"}))
    assert article.title == "Ferries back"
    assert article.byline == "A. Writer"
    assert "Sign up for our newsletter" in article.furniture


def test_in_body_teasers_credits_and_closing_blurb_leave_a_dump() -> None:
    body = [
        "Ferries to the outer islands resumed on Monday after engineers repaired a pier damaged "
        "by last week's storm, the regional transport authority said.",
        "More: Storm damage closes three harbours along the northern coast",
        "The authority said timetables would return to normal by the weekend, though some "
        "crossings could be delayed by high winds.",
        "Crews will inspect the remaining piers on Tuesday, officials said, and islanders were "
        "asked to sign up for the priority list if they need medical trips.",
        "Ann Lee contributed to this report.",
        "Northwind Media is a news agency based in Leeds.",
    ]
    text = "\n\n".join(["Ferry service to the islands resumes", *body])
    doc = Document(source="dump.txt", content_hash="d", format="text", content=text)
    article = extract_text_article(doc)
    assert article.body.split("\n\n") == [body[0], body[2], body[3]]
    assert {body[1], body[4], body[5]} <= set(article.furniture)


def test_a_tagline_above_the_headline_is_the_banners() -> None:
    # the site's tagline reads as a sentence, but it sits above the page's headline
    tagline = "Where the river news is put first."
    body = TEXT.split("\n\n")[3:5]
    text = "\n\n".join([tagline, "Ferry service to the islands resumes after storm repairs", *body])
    doc = Document(source="dump.txt", content_hash="t", format="text", content=text)
    article = extract_text_article(doc)
    assert article.title == "Ferry service to the islands resumes after storm repairs"
    assert article.body.split("\n\n") == body
    assert tagline in article.furniture


def test_a_table_row_is_no_headline() -> None:
    # a schedule flattened into columns (no-break spaces between its cells) is not a title
    row = (
        "Room 217\u00a0\u00a0\u00a0 Carrie Menke\u00a0\u00a0\u00a0 Graduate Student Seminar Series"
    )
    assert headline_score(row) == 0.0
    assert headline_score("Room 217 hosts the Graduate Student Seminar Series") > 0.0
