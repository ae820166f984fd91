"""Line-level test of the text furniture filter on WCXB: boilerplate lines vs article lines.

WCXB (the Web Content eXtraction Benchmark) gives, for each page, the reference main
content and ``without`` snippets: boilerplate that must not be extracted. Each snippet is a
furniture line; each line of the main content is an article line. Every line is judged alone
(:func:`tidings.extract.furniture.line_score` > 0 keeps it): a line has no page around it
here, so this measures the local pass only, the hardest case.

Both classes are reported, from one confusion table (a line is kept or dropped):

- ``article_precision`` = article lines kept / all lines kept;
  ``article_recall`` = article lines kept / all article lines (lost article text);
- ``furniture_precision`` = furniture lines dropped / all lines dropped;
  ``furniture_recall`` = furniture lines dropped / all furniture lines, and
  ``furniture_leaked`` = 1 − furniture recall.

The classes are far apart in size (WCXB lists a few boilerplate snippets a page, not all of
its boilerplate), so article precision is high whatever the filter does with furniture; the
furniture figures are the ones that show it. Article lines of fewer than
``MIN_ARTICLE_WORDS`` words (section headings such as "Pros" or "Step 3") are counted in the
``*_all_lines`` groups only, since alone they cannot be told from a menu label by anyone;
the ``prose`` groups keep only article lines that also end a sentence (real paragraphs, not
list items, table rows, code, promo lines such as "Buy: check price at …" or the fragments
of a hard-wrapped reference); furniture lines count in every group. The filter's weights
were fitted on the pages outside the held-out third (by a hash of the page id, as in
``scripts/train_furniture.py``), so the figures are given for the held-out pages alone,
and again for held-out lines whose text occurs on no training page (sites repeat their
boilerplate word for word).
"""

from __future__ import annotations

import html
import json
import re
import time
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tidings.extract.furniture import line_score

WORD = re.compile(r"\w+")
MIN_ARTICLE_WORDS = 6


@dataclass
class Counts:
    tp: int = 0  # article line kept
    fp: int = 0  # furniture line kept
    fn: int = 0  # article line dropped
    tn: int = 0  # furniture line dropped

    def add(self, is_article: bool, kept: bool) -> None:
        if is_article:
            self.tp += kept
            self.fn += not kept
        else:
            self.fp += kept
            self.tn += not kept

    def figures(self) -> dict[str, Any]:
        kept, dropped = self.tp + self.fp, self.fn + self.tn
        article, furniture = self.tp + self.fn, self.fp + self.tn
        return {
            "article_lines": article,
            "furniture_lines": furniture,
            "article_precision": _ratio(self.tp, kept),
            "article_recall": _ratio(self.tp, article),
            "furniture_precision": _ratio(self.tn, dropped),
            "furniture_recall": _ratio(self.tn, furniture),
            "furniture_leaked": _ratio(self.fp, furniture),
            "confusion": {"tp": self.tp, "fp": self.fp, "fn": self.fn, "tn": self.tn},
        }


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def held_out(page_id: str) -> bool:
    """The pages the filter's weights never saw (the same split as scripts/train_furniture)."""
    return zlib.crc32(page_id.encode()) % 3 == 0


def page_lines(truth: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(article lines, furniture lines) of one WCXB ground-truth record."""
    # a few reference texts keep the page's HTML entities ("it&#39;s"): a reader, and the
    # crawler text the filter reads, see the characters
    main = html.unescape(truth.get("main_content") or "")
    article = [ln.strip() for ln in main.splitlines() if WORD.search(ln)]
    furniture = [
        html.unescape(s).strip()
        for s in truth.get("without") or []
        if isinstance(s, str) and WORD.search(s)
    ]
    return article, furniture


GROUPS = (
    "prose", "held_out_prose",
    "paragraphs", "training_paragraphs", "held_out_paragraphs", "held_out_unseen_paragraphs",
    "all_lines", "held_out_all_lines",
)  # fmt: skip
# A prose paragraph ends a sentence: headings, list items, table rows, code and the
# fragments of a hard-wrapped reference do not.
SENTENCE_END = re.compile(r"[.!?…][\"”’)\]]*$")


def is_prose(text: str) -> bool:
    """A real article paragraph: at least MIN_ARTICLE_WORDS words ending a sentence."""
    return len(WORD.findall(text)) >= MIN_ARTICLE_WORDS and bool(SENTENCE_END.search(text))


def furniture_line_benchmark(wcxb_dir: Path | str, limit: int | None = None) -> dict[str, Any]:
    """Line precision/recall of both classes on WCXB lines, each judged alone."""
    folder = Path(wcxb_dir) / "ground-truth"
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder}: no WCXB ground-truth folder")
    paths = sorted(folder.glob("*.json"))[:limit]
    pages: list[tuple[bool, list[str], list[str]]] = []
    for path in paths:
        truth = json.loads(path.read_text("utf-8")).get("ground_truth") or {}
        article, furniture = page_lines(truth)
        if article or furniture:
            pages.append((held_out(path.stem), article, furniture))
    # texts the fit may have seen: a held-out line with one of these is not news to it
    seen = {t for unseen, a, f in pages if not unseen for t in a + f}
    groups = {name: Counts() for name in GROUPS}
    lines = 0
    started = time.perf_counter()
    for unseen, article, furniture in pages:
        split = "held_out" if unseen else "training"
        for text, is_article in [(t, True) for t in article] + [(t, False) for t in furniture]:
            kept = line_score(text) > 0
            lines += 1
            names = ["all_lines"] + (["held_out_all_lines"] if unseen else [])
            if not is_article or is_prose(text):
                names += ["prose"] + (["held_out_prose"] if unseen else [])
            if not is_article or len(WORD.findall(text)) >= MIN_ARTICLE_WORDS:
                names += ["paragraphs", f"{split}_paragraphs"]
                if unseen and text not in seen:
                    names.append("held_out_unseen_paragraphs")
            for name in names:
                groups[name].add(is_article, kept)
    elapsed = time.perf_counter() - started
    return {
        "pages": len(pages),
        "held_out_pages": sum(unseen for unseen, _, _ in pages),
        "lines_per_s": round(lines / elapsed) if elapsed else 0,
        "min_article_words": MIN_ARTICLE_WORDS,
        **{name: counts.figures() for name, counts in groups.items()},
    }


def markdown(figures: dict[str, Any]) -> str:
    """The figures as a small markdown table, both classes."""
    rows = ["| lines | article | furniture | article P | article R | furniture P "
            "| furniture R | furniture leaked |",
            "|---|---|---|---|---|---|---|---|"]  # fmt: skip
    for name in GROUPS:
        f = figures[name]
        rows.append(
            f"| {name} | {f['article_lines']} | {f['furniture_lines']} "
            f"| {f['article_precision']:.3f} | {f['article_recall']:.3f} "
            f"| {f['furniture_precision']:.3f} | {f['furniture_recall']:.3f} "
            f"| {f['furniture_leaked']:.1%} |"
        )
    rows.append(
        f"\n{figures['pages']} WCXB pages ({figures['held_out_pages']} held out from the fit), "
        f"{figures['lines_per_s']} lines/s, each line judged alone; prose = article paragraphs "
        f"of at least {figures['min_article_words']} words that end a sentence (the issue's "
        "'real article paragraphs') and every furniture line; paragraphs = article lines of "
        f"at least {figures['min_article_words']} words and every furniture line. Article "
        "P/R: of the lines kept, the share that is article / of the article lines, the share "
        "kept. Furniture P/R: the same for lines dropped and furniture lines."
    )
    return "\n".join(rows)
