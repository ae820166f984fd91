"""The page-level segmentation: the article is one or a few long blocks of lines that argue
for article text; a weak island of prose among furniture is furniture, a subheading inside a
block stays, and the article's last paragraph stays before a list of teasers. Pages written
for these tests."""

from __future__ import annotations

from tidings.extract.article_block import article_blocks, confine_to_blocks
from tidings.extract.furniture import split_article

PARAGRAPH = (
    "The council said on Monday that the repairs would take eighteen months and cost 41 "
    "million euros, most of it paid by the regional government."
)
ARTICLE = [
    "The city council voted on Monday to close the old river bridge to cars from March, after "
    "engineers found corrosion in two of its steel supports.",
    "Traffic will be diverted to the ring road, which officials expect to carry about 9,000 "
    "more vehicles a day while the bridge is repaired.",
    "Why the supports failed",
    "Inspectors said salt spread on the deck each winter had seeped into the joints, where it "
    "ate through the steel faster than the original designers had assumed.",
    "Shop owners on the east bank said they feared losing customers. “Half of our trade comes "
    "over that bridge,” said Ilse Moreau, who runs a bakery near the ramp.",
    "The council will hold a public meeting on the plans next Thursday.",
]
PARTNER_TAIL = [
    "Our partners",
    "Northwind Rail",
    "Building quiet, efficient regional trains for operators across Europe since 1962.",
    "Harbour Steel",
    "Producing structural steel for bridges, towers and stadiums in twelve countries.",
    "Contact us",
    "Privacy Policy",
]


def test_article_with_heading_and_closing_line_before_partner_tail() -> None:
    text = "\n\n".join([*ARTICLE, *PARTNER_TAIL]) + "\n"
    parts = split_article(text, title_hint="Council closes river bridge to cars for repairs")
    assert parts.paragraphs == ARTICLE
    assert set(parts.furniture) == set(PARTNER_TAIL)


def test_weak_island_apart_from_the_article_is_furniture() -> None:
    lines = [PARAGRAPH] * 4 + ["Menu"] * 6 + [PARAGRAPH] + ["Menu"] * 6
    scores = [3.0] * 4 + [-3.0] * 6 + [0.8] + [-3.0] * 6
    blocks = article_blocks(lines, scores)
    assert blocks[:4] == [True] * 4
    assert not any(blocks[4:])
    confined = confine_to_blocks(lines, scores, [False] * len(lines))
    assert confined[:4] == scores[:4]
    assert confined[10] < 0


def test_strong_line_outside_the_blocks_is_kept() -> None:
    lines = [PARAGRAPH] * 4 + ["Menu"] * 6 + [PARAGRAPH] + ["Menu"] * 6
    scores = [3.0] * 4 + [-3.0] * 6 + [5.0] + [-3.0] * 6
    confined = confine_to_blocks(lines, scores, [False] * len(lines))
    assert confined[10] > 0


def test_second_long_block_of_article_is_kept() -> None:
    # an article split by a photo gallery's captions: both halves are blocks
    lines = [PARAGRAPH] * 4 + ["Photo"] * 3 + [PARAGRAPH] * 4
    scores = [3.0] * 4 + [-2.0] * 3 + [2.5] * 4
    blocks = article_blocks(lines, scores)
    assert blocks[:4] == [True] * 4 and blocks[-4:] == [True] * 4


def test_subheading_between_paragraphs_of_a_block_stays() -> None:
    lines = [PARAGRAPH, PARAGRAPH, "What the engineers found", PARAGRAPH, PARAGRAPH]
    scores = [3.0, 3.0, -1.5, 3.0, 3.0]
    confined = confine_to_blocks(lines, scores, [False] * len(lines))
    assert confined[2] > 0
    # ... unless its own words name a kind of furniture
    cued = confine_to_blocks(lines, scores, [False, False, True, False, False])
    assert cued[2] < 0
    # with the keep threshold at a higher cut, the rescued heading is still kept above it
    raised = confine_to_blocks(lines, [s + 0.7 for s in scores], [False] * len(lines), 0.7)
    assert raised[2] > 0.7


def test_box_shown_twice_is_not_rescued_as_a_subheading() -> None:
    # a house ad's headline above the article and again between two of its paragraphs
    # ("Grow Orders, Save Time & Eliminate Tablet Chaos"): a box, not the article's heading
    box = "Grow your orders and save time with one tablet"
    lines = [box, PARAGRAPH, PARAGRAPH, box, PARAGRAPH, PARAGRAPH]
    scores = [-2.0, 3.0, 3.0, -1.5, 3.0, 3.0]
    confined = confine_to_blocks(lines, scores, [False] * len(lines))
    assert confined[3] < 0
    # a short heading shown twice ("Pros", "Cons" of each product) is still a heading
    lines = [PARAGRAPH, "Pros", PARAGRAPH, PARAGRAPH, "Pros", PARAGRAPH]
    scores = [3.0, -1.5, 3.0, 3.0, -1.5, 3.0]
    confined = confine_to_blocks(lines, scores, [False] * len(lines))
    assert confined[1] > 0 and confined[4] > 0
