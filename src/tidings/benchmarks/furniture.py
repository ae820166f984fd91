"""Line-level test of the text furniture filter on WCXB: boilerplate lines vs article lines.

WCXB (the Web Content eXtraction Benchmark) gives, for each page, the reference main
content and ``without`` snippets: boilerplate that must not be extracted. Each snippet is a
furniture line; each paragraph of the main content is an article line. Every line is
judged alone (:func:`tidings.extract.furniture.line_score`): a line has no page around it
here, so this measures the local pass only, the hardest case. Reported: precision and
recall of the filter at detecting article lines, and the share of furniture lines leaked.

Article paragraphs are the main content's non-empty lines; those of fewer than
``MIN_ARTICLE_WORDS`` words (section headings such as "Pros" or "Step 3") are reported
apart, since alone they cannot be told from a menu label by anyone. The filter's weights
were fitted on the training two-thirds of the WCXB pages that have crawler dumps, so the
figures are also given for the held-out pages alone.
"""

from __future__ import annotations

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
        kept, article, furniture = self.tp + self.fp, self.tp + self.fn, self.fp + self.tn
        return {
            "article_lines": article,
            "furniture_lines": furniture,
            "precision": round(self.tp / kept, 4) if kept else 0.0,
            "recall": round(self.tp / article, 4) if article else 0.0,
            "furniture_leaked": round(self.fp / furniture, 4) if furniture else 0.0,
        }


def held_out(page_id: str) -> bool:
    """The pages the filter's weights never saw (the same split as scripts/train_furniture)."""
    return zlib.crc32(page_id.encode()) % 3 == 0


def page_lines(truth: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(article lines, furniture lines) of one WCXB ground-truth record."""
    main = truth.get("main_content") or ""
    article = [ln.strip() for ln in main.splitlines() if WORD.search(ln)]
    furniture = [
        s.strip() for s in truth.get("without") or [] if isinstance(s, str) and WORD.search(s)
    ]
    return article, furniture


def furniture_line_benchmark(wcxb_dir: Path | str, limit: int | None = None) -> dict[str, Any]:
    """Line precision/recall of the furniture filter on WCXB lines, each judged alone."""
    folder = Path(wcxb_dir) / "ground-truth"
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder}: no WCXB ground-truth folder")
    paths = sorted(folder.glob("*.json"))[:limit]
    groups = {name: Counts() for name in ("paragraphs", "all_lines", "held_out_paragraphs")}
    pages = lines = 0
    started = time.perf_counter()
    for path in paths:
        truth = json.loads(path.read_text("utf-8")).get("ground_truth") or {}
        article, furniture = page_lines(truth)
        if not article and not furniture:
            continue
        pages += 1
        unseen = held_out(path.stem)
        for text, is_article in [(t, True) for t in article] + [(t, False) for t in furniture]:
            kept = line_score(text) > 0
            lines += 1
            groups["all_lines"].add(is_article, kept)
            if is_article and len(WORD.findall(text)) < MIN_ARTICLE_WORDS:
                continue  # a heading: judged in the all-lines figure only
            groups["paragraphs"].add(is_article, kept)
            if unseen:
                groups["held_out_paragraphs"].add(is_article, kept)
    elapsed = time.perf_counter() - started
    return {
        "pages": pages,
        "lines_per_s": round(lines / elapsed) if elapsed else 0,
        "min_article_words": MIN_ARTICLE_WORDS,
        **{name: counts.figures() for name, counts in groups.items()},
    }


def markdown(figures: dict[str, Any]) -> str:
    """The figures as a small markdown table."""
    rows = ["| lines | article | furniture | precision | recall | furniture leaked |",
            "|---|---|---|---|---|---|"]  # fmt: skip
    for name in ("paragraphs", "held_out_paragraphs", "all_lines"):
        f = figures[name]
        rows.append(
            f"| {name} | {f['article_lines']} | {f['furniture_lines']} | {f['precision']:.3f} "
            f"| {f['recall']:.3f} | {f['furniture_leaked']:.1%} |"
        )
    rows.append(
        f"\n{figures['pages']} WCXB pages, {figures['lines_per_s']} lines/s; paragraphs = "
        f"article lines of at least {figures['min_article_words']} words."
    )
    return "\n".join(rows)
