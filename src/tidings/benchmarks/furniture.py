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
``*all_lines`` groups only, since alone they cannot be told from a menu label by anyone;
the ``prose`` groups keep only article lines that also end a sentence (real paragraphs, not
list items, table rows, code, promo lines such as "Buy: check price at …" or the fragments
of a hard-wrapped reference); furniture lines count in every group.

The model was fitted on these pages, so each group is given twice: in sample (the model
tidings uses) and by grouped cross-validation (``cv_*``): each line judged by the model of
its site's fold, fitted on the other sites only (``scripts/train_furniture.py``,
:mod:`tidings.extract.sites`). The second is what to expect on sites never seen.
"""

from __future__ import annotations

import html
import json
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tidings.extract.furniture import fold_models, line_score, using_weights
from tidings.extract.sites import fold_of, site_of

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


GROUPS = ("prose", "cv_prose", "paragraphs", "cv_paragraphs", "all_lines", "cv_all_lines")
# A prose paragraph ends a sentence: headings, list items, table rows, code and the
# fragments of a hard-wrapped reference do not.
SENTENCE_END = re.compile(r"[.!?…][\"”’)\]]*$")


def is_prose(text: str) -> bool:
    """A real article paragraph: at least MIN_ARTICLE_WORDS words ending a sentence."""
    return len(WORD.findall(text)) >= MIN_ARTICLE_WORDS and bool(SENTENCE_END.search(text))


def furniture_line_benchmark(wcxb_dir: Path | str, limit: int | None = None) -> dict[str, Any]:
    """Line precision/recall of both classes on WCXB lines, each judged alone, in sample and
    by the fold model that never saw the page's site."""
    folder = Path(wcxb_dir) / "ground-truth"
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder}: no WCXB ground-truth folder")
    paths = sorted(folder.glob("*.json"))[:limit]
    pages: list[tuple[str, list[str], list[str]]] = []
    for path in paths:
        record = json.loads(path.read_text("utf-8"))
        article, furniture = page_lines(record.get("ground_truth") or {})
        if article or furniture:
            pages.append((site_of(record.get("url") or path.stem), article, furniture))
    folds = fold_models()
    groups = {name: Counts() for name in GROUPS}
    lines = 0
    elapsed = 0.0  # the main model's time only
    for site, article, furniture in pages:
        fold = f"fold{fold_of(site)}"
        for text, is_article in [(t, True) for t in article] + [(t, False) for t in furniture]:
            names = ["all_lines"]
            if not is_article or is_prose(text):
                names.append("prose")
            if not is_article or len(WORD.findall(text)) >= MIN_ARTICLE_WORDS:
                names.append("paragraphs")
            started = time.perf_counter()
            kept = line_score(text) > 0
            elapsed += time.perf_counter() - started
            lines += 1
            for name in names:
                groups[name].add(is_article, kept)
            if fold in folds:
                with using_weights(fold):
                    kept = line_score(text) > 0
                for name in names:
                    groups[f"cv_{name}"].add(is_article, kept)
    return {
        "pages": len(pages),
        "folds": len(folds),
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
        f"\n{figures['pages']} WCXB pages, {figures['lines_per_s']} lines/s, each line judged "
        f"alone; cv_* = grouped cross-validation ({figures['folds']} folds by site: each line "
        "judged by the model fitted without its site), the others in sample; prose = article "
        f"paragraphs of at least {figures['min_article_words']} words that end a sentence "
        "(the issue's 'real article paragraphs') and every furniture line; paragraphs = "
        f"article lines of at least {figures['min_article_words']} words and every furniture "
        "line. Article "
        "P/R: of the lines kept, the share that is article / of the article lines, the share "
        "kept. Furniture P/R: the same for lines dropped and furniture lines."
    )
    return "\n".join(rows)
