"""Line-by-line furniture filter for crawler text: which lines are the article, which are page.

A crawler's text dump keeps, around and inside the article, the page's furniture: support
banners, newsletter and donation boxes, buttons (Once / Monthly / Annual / Continue), consent
lines, share prompts, related links, author bios, comment threads. Each non-empty line is
judged in three passes of one small logistic model family, whose weights are a data file
(``data/furniture_weights.tsv``, derived by ``scripts/train_furniture.py``):

1. ``local``: the line alone (:mod:`tidings.extract.line_features`): its form and cue words.
2. ``context``: the local score beside the page around it: its neighbours' scores, its
   position (before the first or after the last prose paragraph, and how far past it),
   repetition, runs of short lines, a pitch standing alone or inside the article, a headline
   in the tail, the title or the byline's name again, headlines and lines naming furniture
   among its neighbours (a rail, a box), a paragraph set apart from the others by lines of
   no prose (a bio, a house ad), and whether its own words name a kind of furniture (a
   disclosure or a bio reads as prose alone, and gives itself away by where it sits). A
   line between two furniture lines in a tail block is likely furniture; a heading
   followed by prose is likely article.
3. ``smooth``: the same context features over the second pass's scores, so runs settle.

Then a few rules by kind of line, which the page context must not overturn: a line whose
own words name a kind of furniture (a cue family, a button, a copyright) and which reads,
alone, as furniture stays furniture (the context passes learned that short lines inside an
article are mostly its headings, and rescued "Related Articles" with them); a teaser link
is furniture; a comment thread's heading after the article starts furniture that runs to
the page's end; a pitch (a verb turned to the reader, a hook question, an offer, the
publisher introducing itself) that reads, alone, as furniture stays furniture, since house
ads sit among the article's paragraphs; a line of several words shown twice (a house ad
above and below the article, a bio) takes its surest copy's verdict; and a line of plain or
reported prose right after a kept line continues the article (a closing quote is not a
page's furniture). Last, the page as a whole
(:mod:`tidings.extract.article_block`): lines outside the article's blocks of prose are kept
only when strongly article, and a subheading between two of its paragraphs stays.

A score is the log-odds that the line is article text; a line is kept when it is above
:data:`THRESHOLD` (0.6, chosen on the crawler dumps by cross-validation grouped by site).
:func:`line_score` scores a line with no page around it; :func:`line_scores` in its page.
Title, credit and byline are found by :mod:`tidings.extract.headers` among the lines before
the article's first paragraph. Everything is pure Python with precompiled patterns, linear
in the number of lines.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from tidings.extract.article_block import confine_to_blocks
from tidings.extract.line_features import DATE, SENTENCE_END, WORD, Features, line_features
from tidings.extract.sites import site_words

STAGES = ("local", "context", "smooth")
TEASER = re.compile(
    r"^\W*(?:read more|read also|also read|read next|see also|related(?: stories| articles)?|"
    r"you (?:may|might) also like|"
    r"more on this(?: story)?|recommended|watch|listen|explore more|further reading)\s*[:|–—-]",
    re.IGNORECASE,
)
TEASER_WORDS = 20
# the heading of a comment thread ("Comments", "39 Comments", "124 Reader Comments",
# "Comments (12)", "Comments Filter:", "5 Responses"): once the article has begun, the
# thread it opens runs to the end of the page, and its posts read like prose
COMMENTS_HEADING = re.compile(
    r"^\W*(?:\d+\s+)?(?:reader\s+|user\s+|visitor\s+)?(?:comments?|responses|replies)"
    r"(?:\s+filter|\s*\(\d+\))?\s*:?$",
    re.IGNORECASE,
)
# A line is prose (an anchor for "before the article" / "after the article") when its local
# score says article and it has this many words.
PROSE_WORDS = 12
# ... or this many words ending in a full stop (a one-sentence paragraph of news)
SENTENCE_WORDS = 5
# a short line above a headline found among the page's first lines is the banner's (a
# tagline, a section label, a kicker): the article starts at its headline. A headline found
# further down may be a subheading the header search took for the title, and the lines
# above it the article's own.
TITLE_TOP = 8
CLIP = 8.0
# local log-odds from which a line right after a kept line is kept whatever its context says
CONTINUATION = 2.0
WINDOW = 5
# page-context log-odds above which a finished sentence after a kept line still continues it
CLOSING_DOUBT = 1.0
# local log-odds below which a line carrying a furniture cue is furniture, whatever its page
CUED_LOCAL = -1.0
# log-odds above which a line is kept: chosen on the crawler dumps out of fold
# (scripts/train_furniture.py --cuts): the cut of 0 to 1 that leaks fewest furniture lines
# while body F1 stays >= 0.95, the lowest on a tie. 2026-12-07: 0.7 of 0, 0.5, 0.7, 0.85, 1.0
# (out of fold leaked 7.7% -> 5.7%, body F1 0.954 -> 0.951); 2026-12-07, round seven, with
# the steps of 0.05 between 0.5 and 0.75 and no repeated box rescued as a subheading: 0.6,
# 0.65 and 0.7 leak the same 30 lines out of fold and 0.6 keeps most of the body (0.9524
# against 0.9514; in sample 0.9556 / 31 lines); four folds of five chose 0.6 on the others
THRESHOLD = 0.6
# a line a rule keeps against its page's verdict (a closing sentence, a subheading) is
# scored this far above the cut
KEPT_MARGIN = 0.5
# log-odds under which a line of an HTML extractor's text is dropped, or None: the model
# does not judge the HTML path. Chosen by the nested grouped cross-validation of
# scripts/html_furniture.py (2026-12-06, 892 WCXB dev and Zyte pages): the extractor and the
# prompt rules leave few lines the model is sure of, so every cut from -8 to 0 gained at
# most 0.0002 WCXB word F1 and 0.07 points of leak while costing Zyte F1 from -3 upwards,
# and four folds of five chose no cut. Again on 2026-12-07 with the pitch features and the
# one-site prompt rules retired: a cut at -2 took WCXB leaked from 1.58% to 1.33% out of
# fold but Zyte F1 from 0.978 to 0.972; the nested choice (-5 or -6) gained 0.0003 Zyte F1
# for about 8.5 ms of CPU a page, not worth the lead over trafilatura. Once more after the
# box features (round four): -3 takes the leak to 1.47% with Zyte F1 0.976 out of fold, no
# cut gains WCXB F1, and the nested choice is again -5 or -6.
HTML_THRESHOLD: float | None = None
# a line of at least this many words in this many sentences is article wherever it sits
LONG_PROSE_WORDS = 150
LONG_PROSE_SENTENCES = 4
SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]*\s+[\"“‘(]?[A-Z]")
# a line naming the publisher in at most this many words speaks for the site
SITE_LINE_WORDS = 12
# a site's name is sought in up to this many words written together ("the verge")
SITE_NAME_WORDS = 3


@dataclass
class TextParts:
    title: str | None
    credit: str | None
    byline: str | None
    paragraphs: list[str]
    furniture: list[str] = field(default_factory=list)


# the model every page is judged with; the fold models are those of the grouped
# cross-validation (``fold0`` … never saw the sites of its own fold: see tidings.extract.sites)
MAIN_MODEL = "all"
Weights = dict[str, dict[str, float]]
_ACTIVE: ContextVar[Weights | None] = ContextVar("furniture_weights", default=None)


@lru_cache(maxsize=1)
def models() -> dict[str, Weights]:
    """Model name → stage → feature → weight, from the package's data file (a stage column
    ``local`` belongs to the main model, ``fold2/local`` to the model of fold 2)."""
    path = resources.files("tidings.extract") / "data" / "furniture_weights.tsv"
    found: dict[str, Weights] = {}
    for raw in path.read_text("utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        column, name, value = raw.split("\t")
        model, _, stage = column.rpartition("/")
        table = found.setdefault(model or MAIN_MODEL, {s: {} for s in STAGES})
        table.setdefault(stage, {})[name] = float(value)
    return found


def fold_models() -> dict[str, Weights]:
    """The models of the grouped cross-validation by name ("fold0" …), empty when the data
    file holds the main model only."""
    return {name: table for name, table in models().items() if name != MAIN_MODEL}


def weights() -> Weights:
    """Stage → feature → weight of the model in use (the main model unless
    :func:`using_weights` chose another)."""
    return _ACTIVE.get() or models()[MAIN_MODEL]


@contextmanager
def using_weights(table: Weights | str) -> Iterator[None]:
    """Judge lines with another model (a fold's, by name, or a table being trained)
    inside the block."""
    chosen = models()[table] if isinstance(table, str) else table
    token = _ACTIVE.set(chosen)
    try:
        yield
    finally:
        _ACTIVE.reset(token)


def logit(features: Features, stage_weights: dict[str, float]) -> float:
    return sum(value * stage_weights.get(name, 0.0) for name, value in features.items() if value)


def names_publisher(line: str, publisher: frozenset[str]) -> bool:
    """Whether the line names the publisher: one of its words, or a few words in a row
    written together ("The Verge" for theverge.com), is the site's name."""
    words = [w.lower() for w in WORD.findall(line)]
    for i in range(len(words)):
        joined = ""
        for j in range(i, min(i + SITE_NAME_WORDS, len(words))):
            joined += words[j]
            if joined in publisher:
                return True
    return False


def _clip(x: float) -> float:
    return max(-CLIP, min(CLIP, x)) / CLIP


# local features that name a kind of furniture (a cue word of a furniture family, a button,
# a copyright notice): a line carrying one is not a plain heading, whatever its neighbours
# (the context passes learned that short lines inside an article are mostly its headings,
# and rescued "Related Articles" or "Comment via: …" with them)
CUE_PREFIXES = tuple(
    f"{family}_"
    for family in (
        "newsletter", "consent", "donation", "social", "related", "navigation", "advert",
        "commerce", "comments", "bio", "dateline", "credit",
    )
)  # fmt: skip
CUE_FEATURES = ("button", "copyright", "imperative_opens")


def furniture_cued(features: Features) -> bool:
    """Whether a line's own words name a kind of furniture (not merely its form)."""
    return any(features.get(name) for name in CUE_FEATURES) or any(
        value and name.startswith(CUE_PREFIXES) for name, value in features.items()
    )


def context_features(
    lines: list[str],
    scores: list[float],
    cued: list[bool] | None = None,
    site: str | None = None,
    local: list[Features] | None = None,
) -> list[Features]:
    """Features of each line in its page, given every line's score from the previous pass
    (and each line's own features, and whether its words name a kind of furniture, both
    computed when not given); ``site`` is the page's URL, whose publisher a line may name."""
    n = len(lines)
    if local is None:
        local = [line_features(line) for line in lines]
    if cued is None:
        cued = [furniture_cued(f) for f in local]
    publisher = site_words(site)
    names_site = [bool(publisher) and names_publisher(line, publisher) for line in lines]
    counts = [len(WORD.findall(line)) for line in lines]
    prose = [
        s > 0 and (c >= PROSE_WORDS or c >= SENTENCE_WORDS and bool(SENTENCE_END.search(line)))
        for s, c, line in zip(scores, counts, lines, strict=True)
    ]
    prose_words = [c if p else 0 for c, p in zip(counts, prose, strict=True)]
    total_prose = sum(prose_words) or 1
    first_prose = next((i for i, p in enumerate(prose) if p), n)
    last_prose = max((i for i, p in enumerate(prose) if p), default=-1)
    seen: dict[str, int] = {}
    for line in lines:
        key = line.strip().lower()
        seen[key] = seen.get(key, 0) + 1
    # the page's head (before the first paragraph of prose): its title, and the names of
    # its byline, which a bio or a related link in the tail repeats
    head_names = _byline_names(lines[:first_prose], counts[:first_prose])
    head_words = [
        set(w.lower() for w in WORD.findall(line))
        for line, c in zip(lines[:first_prose], counts, strict=False)
        if c >= ECHO_WORDS
    ][-HEAD_LINES:]
    # runs of short lines (menus, link lists, button rows): each line's run length
    short = [c <= 6 for c in counts]
    run = [0] * n
    i = 0
    while i < n:
        j = i
        while j < n and short[j] == short[i]:
            j += 1
        for k in range(i, j):
            run[k] = j - i if short[i] else 0
        i = j
    # lines that are a date and little else: the dates of teaser cards in a related-stories
    # list (section, date, headline, blurb, again and again) rather than of the article
    dated = [c <= 5 and bool(DATE.search(line)) for c, line in zip(counts, lines, strict=True)]
    dated_prefix = [0]
    for d in dated:
        dated_prefix.append(dated_prefix[-1] + d)
    # the lines of no prose since the previous and until the next prose paragraph: a
    # paragraph set apart from the others by a block of furniture (a bio after the share
    # buttons, a pitch between two rails) is an island, not the article's next paragraph
    gap_before = [0] * n
    since = -1
    for k in range(n):
        gap_before[k] = k - since - 1 if since >= 0 else 0
        if prose[k]:
            since = k
    gap_after = [0] * n
    until = n  # the page's end closes the last gap
    for k in range(n - 1, -1, -1):
        gap_after[k] = until - k - 1
        if prose[k]:
            until = k
    headline = [bool(f.get("headline_form")) for f in local]
    headline_prefix = [0]
    for h in headline:
        headline_prefix.append(headline_prefix[-1] + h)
    cued_prefix = [0]
    for is_cued in cued:
        cued_prefix.append(cued_prefix[-1] + is_cued)
    out: list[Features] = []
    before = 0
    clipped = [_clip(s) for s in scores]
    # mean score of the five lines either side: the block the line sits in
    prefix = [0.0]
    for c in clipped:
        prefix.append(prefix[-1] + c)
    window = []
    for k in range(n):
        lo, hi = max(0, k - WINDOW), min(n, k + WINDOW + 1)
        window.append((prefix[hi] - prefix[lo] - clipped[k]) / max(hi - lo - 1, 1))
    for k in range(n):
        after = total_prose - before - prose_words[k]
        prev1 = clipped[k - 1] if k >= 1 else -1.0
        next1 = clipped[k + 1] if k + 1 < n else -1.0
        prev2 = clipped[k - 2] if k >= 2 else -1.0
        next2 = clipped[k + 2] if k + 2 < n else -1.0
        f: Features = {
            "bias": 1.0,
            # the line's own score enters as an offset; these let a pass damp or sharpen it
            "self": clipped[k],
            "self_sure_furniture": float(scores[k] < -2.0),
            "self_sure_article": float(scores[k] > 2.0),
            "window": window[k],
            "prev": prev1,
            "next": next1,
            "prev2": prev2,
            "next2": next2,
            "both_neighbours_furniture": float(prev1 < 0 and next1 < 0),
            "both_neighbours_article": float(prev1 > 0 and next1 > 0),
            "head": float(k < first_prose),
            "tail": float(k > last_prose),
            "prose_before_share": before / total_prose,
            "prose_after_share": after / total_prose,
            "first_line": float(k == 0),
            "last_line": float(k == n - 1),
            "repeated": float(seen[lines[k].strip().lower()] > 1),
            "short_run_log": math.log1p(run[k]) / 3,
            "heading_before_prose": float(short[k] and k + 1 < n and prose[k + 1]),
            "short": float(short[k]),
            "prose": float(prose[k]),
            # a line naming a kind of furniture (a disclosure, a bio, a call to act) is
            # judged by its page too: the local score alone weighs such words lightly, as
            # reference texts keep many of them in prose
            "cued": float(cued[k]),
            "cued_outside": float(cued[k] and (k < first_prose or k > last_prose)),
            # the publisher naming itself in a short line ("Other WRAL Top Stories",
            # "Subscribe to The Verge"): the page speaking of the site, not the story
            "names_site_short": float(names_site[k] and counts[k] <= SITE_LINE_WORDS),
            "names_site": float(names_site[k]),
            "dated_near": min(
                dated_prefix[min(n, k + WINDOW + 1)] - dated_prefix[max(0, k - WINDOW)] - dated[k],
                3,
            )
            / 3,
        }
        # a pitch inside or after the article: a verb turned to the reader, a hook
        # question, an offer, the publisher introducing itself (house ads read as prose)
        pitch = any(local[k].get(name) for name in PITCH_FEATURES)
        f["pitch_inside"] = float(pitch and first_prose < k < last_prose)
        f["pitch_tail"] = float(pitch and k > last_prose)
        near = float(
            any(
                any(local[j].get(name) for name in PITCH_FEATURES)
                for j in range(max(0, k - 2), min(n, k + 3))
                if j != k
            )
        )
        # steps of a how-to come in runs of lines turned to the reader; a pitch stands alone
        f["pitch_near"] = near
        f["pitch_alone"] = float(pitch and not near)
        # a headline in the tail: the title of another page (a related story, a rail)
        f["headline_tail"] = float(bool(local[k].get("headline_form")) and k > last_prose)
        f["headline_head"] = float(bool(local[k].get("headline_form")) and k < first_prose)
        # how far past the article's last paragraph, in lines
        f["past_article"] = min(k - last_prose, PAST_LINES) / PAST_LINES if k > last_prose else 0.0
        f["position"] = k / (n - 1) if n > 1 else 0.0
        # the same line of several words twice in the page: a box shown twice (a house ad
        # at the top and again at the bottom, a bio), not a heading
        f["repeated_long"] = float(f["repeated"] and counts[k] >= ECHO_WORDS)
        lo, hi = max(0, k - NEAR), min(n, k + NEAR + 1)
        # a list of headlines around the line (a rail of related stories)
        f["headlines_near"] = (headline_prefix[hi] - headline_prefix[lo] - headline[k]) / (
            max(hi - lo - 1, 1)
        )
        # lines that name a kind of furniture around the line: the inside of a box
        f["cued_near"] = (cued_prefix[hi] - cued_prefix[lo] - cued[k]) / max(hi - lo - 1, 1)
        f["island"] = float(
            prose[k]
            and gap_before[k] >= ISLAND_GAP
            and (gap_after[k] >= ISLAND_GAP or k == last_prose)
        )
        f["gap_before"] = min(gap_before[k], GAP_LINES) / GAP_LINES if prose[k] else 0.0
        f["gap_after"] = min(gap_after[k], GAP_LINES) / GAP_LINES if prose[k] else 0.0
        # the title or a byline name again after the article began: a bio of the author,
        # a related link to the same story
        if k > first_prose:
            f["echoes_head"] = float(_echoes(lines[k], counts[k], head_words))
            f["opens_with_byline_name"] = float(_opens_with_name(lines[k], head_names))
        out.append(f)
        before += prose_words[k]
    return out


# the local features of a pitch (:mod:`tidings.extract.line_features`)
PITCH_FEATURES = ("pitch_opens", "hook_question", "offer", "publisher_intro", "self_to_reader")
# a line's words are an echo of a head line when this share of them are in it
ECHO_SHARE = 0.8
ECHO_WORDS = 5
HEAD_LINES = 6
# local log-odds under which a pitch is furniture wherever it sits (0: the line alone reads
# as furniture; on the dumps judged out of fold, 0 kept 6 lines more out of the body than
# no rule for 0.0005 of body F1, and 1.0 two more for 0.0009)
PITCH_LOCAL = 0.0
# minus the log-odds under which one copy of a repeated line makes every copy furniture
# (copies under -1 and under 0 tried on the dumps out of fold: 2 and 4 fewer leaked lines
# than no rule, body F1 +0.001 with either)
REPEAT_SURE = 0.0
# past the article's last paragraph, lines are counted up to this many
PAST_LINES = 10
# neighbours either side counted for the lists of headlines and the boxes around a line
NEAR = 3
# lines of no prose either side of a paragraph that set it apart (counted up to this many)
GAP_LINES = 4
# ... and how many on both sides make it an island
ISLAND_GAP = 2
# a byline is a short line in the head
BYLINE_WORDS = 8
NAME_WORD = re.compile(r"[A-Z][a-z'’-]+")


def _name_pairs(words: list[str]) -> Iterator[str]:
    """Each two capitalised words in a row ("By Ann Lee" → "By Ann", "Ann Lee")."""
    bare = [w.strip('.,;:!?()"“”') for w in words]
    for a, b in zip(bare, bare[1:], strict=False):
        if NAME_WORD.fullmatch(a) and NAME_WORD.fullmatch(b):
            yield f"{a} {b}"


def _byline_names(head: list[str], counts: list[int]) -> frozenset[str]:
    """Pairs of capitalised words ("Chris Toy") in the short lines of the page's head."""
    return frozenset(
        pair
        for line, c in zip(head, counts, strict=False)
        if c <= BYLINE_WORDS
        for pair in _name_pairs(line.split())
    )


def _opens_with_name(line: str, names: frozenset[str]) -> bool:
    """Whether one of the names is among the line's first three words."""
    return bool(names) and any(pair in names for pair in _name_pairs(line.split()[:3]))


def _echoes(line: str, count: int, head_words: list[set[str]]) -> bool:
    """Whether most of the line's words are those of one line of the page's head."""
    if count < ECHO_WORDS or not head_words:
        return False
    words = {w.lower() for w in WORD.findall(line)}
    return any(len(words & head) >= ECHO_SHARE * len(words) for head in head_words)


def line_score(line: str) -> float:
    """Log-odds that one line, read alone, is article text rather than furniture."""
    return logit(line_features(line), weights()["local"])


def line_scores(lines: list[str], url: str | None = None) -> list[float]:
    """Log-odds that each line is article text, judged in its page (at ``url``, if known)."""
    scores, cued = _line_verdicts(lines, url)
    # the page as a whole: a weak island of prose apart from the article's blocks is furniture
    return confine_to_blocks(lines, scores, cued, THRESHOLD)


def drop_sure_furniture(lines: list[str], url: str | None = None) -> tuple[list[str], list[str]]:
    """(kept lines, dropped lines) of an HTML extractor's text: the same model judges each
    line in its page, and only the lines it is sure are furniture (log-odds below
    :data:`HTML_THRESHOLD`) go. The extractor already cut the page down to its article
    container, so most lines are article and a doubtful one is left to the prompt rules."""
    threshold = HTML_THRESHOLD
    if not lines or threshold is None:
        return list(lines), []
    scores = html_line_scores(lines, url)
    kept = [line for line, s in zip(lines, scores, strict=True) if s >= threshold]
    dropped = [line for line, s in zip(lines, scores, strict=True) if s < threshold]
    return kept, dropped


def html_line_scores(lines: list[str], url: str | None = None) -> list[float]:
    """Log-odds that each line of an HTML extractor's text is article text."""
    return _line_verdicts(lines, url)[0]


def _line_verdicts(lines: list[str], url: str | None = None) -> tuple[list[float], list[bool]]:
    """Each line's log-odds judged with its neighbours (before the page-level segmentation),
    and whether its own words name a kind of furniture."""
    table = weights()
    features = [line_features(line) for line in lines]
    scores = local = [logit(f, table["local"]) for f in features]
    cued = [furniture_cued(f) for f in features]
    for stage in ("context", "smooth"):
        # each pass adds what the page says to the previous pass's verdict on the line
        found = context_features(lines, scores, cued, site=url, local=features)
        scores = [s + logit(f, table[stage]) for s, f in zip(scores, found, strict=True)]
    # a line that reads, alone, as plain article prose and directly follows a kept line
    # continues the article, whatever the page around it (the context passes learned that
    # page ends are mostly furniture, and a closing one-sentence paragraph is not)
    # (so does a finished sentence that, alone, reads as article and that its page doubts
    # only mildly: "The council will meet again on Thursday." before a list of teasers)
    # (kept means above the cut, :data:`THRESHOLD`; a continued line is kept by a margin)
    cut = THRESHOLD
    for k in range(1, len(lines)):
        if scores[k] <= cut < scores[k - 1] and (
            local[k] >= CONTINUATION
            or (local[k] > 0 and _reported_sentence(features[k]))
            or (local[k] > 0 and scores[k] > -CLOSING_DOUBT and _closing_sentence(lines[k]))
        ):
            scores[k] = min(max(local[k], cut + KEPT_MARGIN), CLIP)
    # a line whose own words name a kind of furniture and which, read alone, is judged
    # furniture with some confidence stays furniture wherever it sits
    for k, f in enumerate(features):
        if scores[k] > 0 and local[k] < CUED_LOCAL and furniture_cued(f):
            scores[k] = min(local[k], -1.0)
    # a pitch (a verb turned to the reader, a hook question, an offer, the publisher
    # introducing itself) that reads, alone, as furniture stays furniture wherever it sits: the
    # context passes lift it with the article paragraphs around it, as house ads are placed
    for k, f in enumerate(features):
        if scores[k] > 0 and local[k] < PITCH_LOCAL and any(f.get(n) for n in PITCH_FEATURES):
            scores[k] = min(local[k], -1.0)
    # a teaser link ("Read more: <headline>") is furniture wherever it sits
    for k, line in enumerate(lines):
        if scores[k] > 0 and TEASER.match(line) and len(WORD.findall(line)) <= TEASER_WORDS:
            scores[k] = -1.0
    # a long run of prose in several sentences is article wherever it sits: no box, button
    # or appeal is that long, and scrapers often deliver a whole article as one line
    for k, line in enumerate(lines):
        if len(WORD.findall(line)) >= LONG_PROSE_WORDS and \
                len(SENTENCE_BREAK.findall(line)) + 1 >= LONG_PROSE_SENTENCES:  # fmt: skip
            scores[k] = max(scores[k], 1.0)
    _drop_comment_thread(lines, scores)
    _one_verdict_per_box(lines, scores)
    return scores, cued


def _one_verdict_per_box(lines: list[str], scores: list[float]) -> None:
    """A line of several words shown twice on a page (a house ad above and below the
    article, an author's box) is one box: when the filter is sure one copy is furniture,
    every copy is."""
    copies: dict[str, list[int]] = {}
    for k, line in enumerate(lines):
        if len(WORD.findall(line)) >= ECHO_WORDS:
            copies.setdefault(line.strip().lower(), []).append(k)
    for found in copies.values():
        if len(found) > 1:
            lowest = min(scores[k] for k in found)
            if lowest < -REPEAT_SURE:
                for k in found:
                    scores[k] = min(scores[k], lowest)


def _drop_comment_thread(lines: list[str], scores: list[float]) -> None:
    """Mark as furniture everything from a comment thread's heading to the end of the page,
    when the heading comes after a kept paragraph of prose (so the article has begun)."""
    article_begun = False
    for k, line in enumerate(lines):
        if article_begun and COMMENTS_HEADING.match(line):
            for j in range(k, len(lines)):
                scores[j] = min(scores[j], -1.0)
            return
        if scores[k] > 0 and len(WORD.findall(line)) >= PROSE_WORDS:
            article_begun = True


def _closing_sentence(line: str) -> bool:
    """A finished sentence of a few words: a one-sentence closing paragraph of news."""
    return bool(SENTENCE_END.search(line)) and len(WORD.findall(line)) >= SENTENCE_WORDS


def _reported_sentence(features: Features) -> bool:
    """A finished sentence of quoted or reported speech: how news articles often close
    ("… we will drain the swamp," the minister said.), never how a page's furniture reads."""
    return bool(features["sentence_end"]) and bool(
        features["quote"] or features.get("reporting_density")
    )


def is_article_line(line: str) -> bool:
    """Whether a line read alone looks like article text."""
    return line_score(line) > 0


def split_article(text: str, title_hint: str | None = None, url: str | None = None) -> TextParts:
    """Split crawler text (one paragraph a line) into title, credit, byline, body paragraphs
    (verbatim) and the furniture lines it dropped; ``url`` is the page's, when known."""
    from tidings.extract.headers import find_headers

    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if not lines:
        return TextParts(title=None, credit=None, byline=None, paragraphs=[])
    verdicts, cued = _line_verdicts(lines, url)
    keep = [s > THRESHOLD for s in confine_to_blocks(lines, verdicts, cued, THRESHOLD)]
    # the title, standfirst and credit are sought among the lines before the first paragraph
    # the line filter kept: the segmentation may drop a weak standfirst, not move the title
    headers = find_headers(lines, [s > THRESHOLD for s in verdicts], title_hint)
    paragraphs: list[str] = []
    furniture: list[str] = []
    # (-1 without a title: no line is above it)
    title_at = min((i for i in headers.indices if lines[i] == headers.title), default=-1)
    for i, line in enumerate(lines):
        if i in headers.indices:
            continue
        above = i < title_at < TITLE_TOP and len(WORD.findall(line)) < PROSE_WORDS
        (paragraphs if keep[i] and not above else furniture).append(line)
    return TextParts(
        title=headers.title, credit=headers.credit, byline=headers.byline,
        paragraphs=paragraphs, furniture=furniture,
    )  # fmt: skip


__all__ = [
    "HTML_THRESHOLD", "MAIN_MODEL", "TextParts", "context_features", "drop_sure_furniture",
    "fold_models", "furniture_cued", "html_line_scores", "is_article_line", "line_score",
    "line_scores", "models", "split_article", "using_weights",
]  # fmt: skip
