"""Where the article is on the page: a segmentation of the line scores into article blocks.

The line filter (:mod:`tidings.extract.furniture`) judges each line with its neighbours; it
still keeps islands of plausible prose that sit apart from the article (a product blurb among
partner logos, an author bio after the citations, the teaser of a related story). Reading
the page as a whole, the article is one or a few long runs of lines whose scores argue for
article text; a short run of such lines standing alone among furniture is page furniture.

The segmentation is a two-state Viterbi pass: each line gains ``weight × clip(score)`` in the
article state and nothing in the furniture state, and each opening of an article block costs
a switch penalty, so a block must gather that much evidence to exist. The weight,
``sqrt(words + 1) / 3``, lets a long paragraph count more than a one-word label. Lines inside
a block keep the verdict of the line filter; lines outside every block are kept only when
their score is high. Parameters are data (``data/article_block.tsv``). Linear in the lines.
"""

from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache
from importlib import resources

from tidings.extract.line_features import SENTENCE_END, WORD

# a line of at least this many words shown twice on the page is a box (a house ad above and
# below the article: the filter's "one verdict per box"), never rescued as a subheading
REPEATED_WORDS = 5


@lru_cache(maxsize=1)
def parameters() -> dict[str, float]:
    """Name → value, from the package's data file."""
    path = resources.files("tidings.extract") / "data" / "article_block.tsv"
    table: dict[str, float] = {}
    for raw in path.read_text("utf-8").splitlines():
        if raw.strip() and not raw.startswith("#"):
            name, value = raw.split("\t")
            table[name] = float(value)
    return table


def article_blocks(lines: list[str], scores: list[float]) -> list[bool]:
    """For each line, whether it lies in an article block (True) or in page furniture."""
    p = parameters()
    penalty, clip = p["switch_penalty"], p["clip"]
    gains = [
        math.sqrt(len(WORD.findall(line)) + 1) / 3 * max(-clip, min(clip, score))
        for line, score in zip(lines, scores, strict=True)
    ]
    # best total ending in furniture / in an article block; the page starts in furniture
    in_furniture, in_article = 0.0, -math.inf
    back: list[tuple[bool, bool]] = []  # per line: previous state (is article) for each state
    for gain in gains:
        from_article = in_article > in_furniture
        stay = in_article >= in_furniture - penalty
        back.append((from_article, stay))
        in_furniture, in_article = (
            max(in_furniture, in_article),
            (in_article if stay else in_furniture - penalty) + gain,
        )
    state = in_article > in_furniture
    blocks = [False] * len(lines)
    for k in range(len(lines) - 1, -1, -1):
        blocks[k] = state
        state = back[k][1] if state else back[k][0]
    return blocks


def confine_to_blocks(
    lines: list[str], scores: list[float], cued: list[bool], cut: float = 0.0
) -> list[float]:
    """The scores, with lines outside every article block that the filter kept only weakly
    turned to furniture, and the headings inside a block kept.

    ``cued[k]`` says whether line k's own words name a kind of furniture (a cue, a button):
    such a line is never rescued as a heading. ``cut`` is the log-odds above which a line
    is kept (a rescued heading is scored half a unit above it)."""
    p = parameters()
    blocks = article_blocks(lines, scores)
    out = [
        s if inside or s > p["outside_keep"] else min(s, -1.0)
        for s, inside in zip(scores, blocks, strict=True)
    ]
    # a short unpunctuated line between two kept lines of an article block, the second of
    # them a paragraph of prose, is the article's own subheading ("Repair Plan"), not a label
    # of the page: it goes with the block unless the filter is sure it is furniture, or it
    # is a line of several words the page shows twice (a box: a house ad's headline above the
    # article and again inside it, which the filter judged furniture in one place)
    copies = Counter(line.strip().lower() for line in lines)
    for k in range(1, len(lines) - 1):
        if (
            blocks[k]
            and not (
                copies[lines[k].strip().lower()] > 1
                and len(WORD.findall(lines[k])) >= REPEATED_WORDS
            )
            and cut - p["heading_rescue"] < out[k] <= cut
            and out[k - 1] > cut
            and out[k + 1] > cut
            and not cued[k]
            and len(WORD.findall(lines[k])) <= p["heading_words"]
            and not SENTENCE_END.search(lines[k])
            and len(WORD.findall(lines[k + 1])) >= p["prose_words"]
        ):
            out[k] = cut + 0.5
    return out


__all__ = ["article_blocks", "confine_to_blocks", "parameters"]
