"""Marks of an advertisement slot and a photo viewer's text inside the article: furniture on
many sites ("Story Continued Below", "Enlarge this image toggle caption …"), while prose that
speaks of a story continuing or of a caption stays."""

import pytest

from tidings.extract.prompts import drop_prompts, is_prompt

REPORT = [
    "The council voted on Tuesday to close the river bridge for repairs until spring.",
    "Engineers said the steel frame had corroded faster than the 1998 survey predicted.",
    "Drivers will be sent through the northern bypass, adding about ten minutes.",
]
# a flattened gallery: one caption after another on one line, longer than a prompt
GALLERY = "Hide Caption 4 of 13 Photos: Victims of the flood " + " ".join(
    f"Volunteer {i} carried sandbags to the levee on the east bank of the river." for i in range(6)
)


@pytest.mark.parametrize(
    "line",
    [
        "Story Continued Below",
        "Article Continues Below",
        "Story continues below video.",
        "STORY CONTINUES BELOW ADVERTISEMENT",
        "Enlarge this image toggle caption Richard Drew/AP Richard Drew/AP",
        "toggle caption Liz Halloran /NPR",
        "Show caption Hide caption MCALLEN, Texas - A family waits at the shelter, June 26.",
        "Click to expand Image Volunteers tend to a man after the flood.",
        GALLERY,
    ],
)
def test_slot_marks_and_viewer_text_are_furniture(line: str) -> None:
    assert is_prompt(line)
    kept, dropped = drop_prompts([REPORT[0], line, *REPORT[1:]])
    assert kept == REPORT and dropped == [line]


@pytest.mark.parametrize(
    "line",
    [
        "The story continued below the surface, where divers found the wreck in 1998.",
        "Her article continues a long argument about the bridge and its cost to the city.",
        "Editors may toggle captions off, the designer said, but readers wanted them.",
        "Make sure to click to enlarge the image below, the editor wrote.",
    ],
)
def test_prose_about_stories_and_captions_stays(line: str) -> None:
    assert not is_prompt(line)


def test_a_corpus_body_loses_the_slot_marks_and_the_viewer_text() -> None:
    # a record of a news corpus, one paragraph a line, as the jsonl reader hands it on
    from tidings.extract.text import extract_text_article
    from tidings.model import Document

    marks = [
        "Story Continued Below",
        "Enlarge this image toggle caption Richard Drew/AP Richard Drew/AP",
    ]
    text = "\n\n".join([REPORT[0], marks[0], REPORT[1], marks[1], REPORT[2]])
    doc = Document(
        source="corpus.jsonl", content_hash="abc", format="text", content=text,
        hints={"title": "Council closes river bridge for repairs"},
    )  # fmt: skip
    article = extract_text_article(doc)
    assert not any(mark in article.body for mark in marks)
    assert all(paragraph in article.body for paragraph in REPORT)
