"""Choose and judge the furniture model's cut on the HTML path, by cross-validation grouped by site.

The HTML path (:mod:`tidings.extract.html`) hands the lines its extractor kept to the same
furniture model as crawler dumps (:func:`tidings.extract.furniture.drop_sure_furniture`),
which drops those scored below a threshold, then to the prompt rules. This script:

1. runs the HTML path once over the Zyte and WCXB dev pages up to that step and caches the
   lines (``--cache``; the extraction is the slow part, the model is cheap);
2. for each threshold of a grid, judges every page twice: with the model tidings ships (in
   sample: it was fitted on these sites' dumps) and with the model of the fold that never saw
   the page's site (out of fold, :mod:`tidings.extract.sites`), and prints WCXB word F1 and
   boilerplate snippets leaked, Zyte 4-gram F1, as ``tidings bench extract`` scores them;
3. chooses the threshold by nested grouped cross-validation: for each fold, the threshold
   best on the out-of-fold figures of the other folds (:func:`objective`) judges that fold.

Run from the repo root (nothing is written into the repository):

    .venv/bin/python scripts/html_furniture.py [--shared ../shared] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tidings.benchmarks.extract import wcxb_pages, zyte_pages
from tidings.benchmarks.scoring import leaked, normalise, shingle_counts, word_f1, zyte_f1
from tidings.extract import furniture, html
from tidings.extract.prompts import drop_prompts
from tidings.extract.sites import FOLDS, fold_of, site_of

# thresholds tried (log-odds; None = the model is not used)
GRID: tuple[float | None, ...] = (None, -8.0, -6.0, -5.0, -4.0, -3.0, -2.5, -2.0, -1.5, -1.0, 0.0)


@dataclass
class CachedPage:
    id: str
    source: str  # "zyte" or "wcxb"
    url: str | None
    lines: list[str] | None  # None: the HTML path found no article before the model step
    truth: dict[str, Any]
    byline: str | None = None  # the page's byline, which the prompt rules read at the end

    @property
    def fold(self) -> str:
        return f"fold{fold_of(site_of(self.url or self.id))}"


def capture(page_id: str, raw: bytes, url: str | None) -> dict[str, Any]:
    """The lines the HTML path hands to the furniture model (None when it fails before) and
    the page's byline."""
    from tidings.sources.html import html_document

    seen: list[dict[str, Any]] = []

    def record(
        lines: list[str], _url: str | None, byline: str | None = None
    ) -> tuple[list[str], list[str]]:
        seen.append({"lines": list(lines), "byline": byline})
        return drop_prompts(lines, byline)

    original = html.clean_lines
    html.clean_lines = record  # type: ignore[assignment]
    try:
        html.extract_html_article(html_document(raw, page_id, {"url": url} if url else {}))
    except Exception:  # noqa: BLE001 - a page the path cannot read scores empty, as in the bench
        pass
    finally:
        html.clean_lines = original  # type: ignore[assignment]
    return seen[0] if seen else {"lines": None, "byline": None}


def load(shared: Path, cache: Path, limit: int | None) -> list[CachedPage]:
    cache.mkdir(parents=True, exist_ok=True)
    sets = (
        ("zyte", zyte_pages(shared / "bench" / "zyte", limit)),
        ("wcxb", wcxb_pages(shared / "bench" / "wcxb-dev", limit)),
    )
    out = []
    for source, pages in sets:
        for n, (page, truth) in enumerate(pages, 1):
            path = cache / f"{source}-{page.id}.json"
            found = json.loads(path.read_text("utf-8")) if path.exists() else None
            if not isinstance(found, dict):  # absent, or cached before bylines were kept
                found = capture(page.id, page.raw, page.url)
                path.write_text(json.dumps(found), "utf-8")
            out.append(
                CachedPage(page.id, source, page.url, found["lines"], truth, found["byline"])
            )
            if n % 50 == 0:
                print(f"{source}: {n} pages", file=sys.stderr, flush=True)
    return out


def page_text(page: CachedPage, scores: list[float], threshold: float | None) -> str:
    """The page's text as tidings gives it, its lines scored by the model, at a threshold."""
    if not page.lines:
        return ""
    lines = page.lines
    if threshold is not None:
        lines = [ln for ln, s in zip(lines, scores, strict=True) if s >= threshold]
    paragraphs, _ = drop_prompts(lines, page.byline)
    if html._words(paragraphs) < html.MIN_ARTICLE_WORDS:
        return ""
    return "\n\n".join(paragraphs)


@dataclass
class Figures:
    wcxb_f1: list[float]
    snippets: int
    leaked: int
    zyte4: list[tuple[float, float, float]]

    def add(self, page: CachedPage, text: str) -> None:
        if page.source == "zyte":
            self.zyte4.append(shingle_counts(page.truth.get("articleBody", ""), text, 4))
            return
        self.wcxb_f1.append(word_f1(page.truth.get("main_content") or "", text))
        flat = normalise(text)
        for snippet in page.truth.get("without") or []:
            self.snippets += 1
            self.leaked += leaked(snippet, flat)

    def row(self) -> dict[str, float]:
        return {
            "wcxb_f1": round(sum(self.wcxb_f1) / max(len(self.wcxb_f1), 1), 4),
            "wcxb_leaked": round(self.leaked / max(self.snippets, 1), 4),
            "zyte_f1": round(zyte_f1(self.zyte4)[2], 4) if self.zyte4 else 0.0,
        }


def objective(row: dict[str, float]) -> float:
    """What the threshold is chosen for: WCXB word F1 and Zyte F1, less a price per point of
    boilerplate leaked (the issue asks F1 ≥ 0.96 with ≤ 2% leaked: a point of leak is worth
    about half a point of F1)."""
    return row["wcxb_f1"] + row["zyte_f1"] - 0.5 * row["wcxb_leaked"]


def texts(pages: list[CachedPage], model: str) -> dict[float | None, list[str]]:
    """Each threshold's page texts, judged by the main model or each page's fold model."""
    out: dict[float | None, list[str]] = {t: [] for t in GRID}
    for page in pages:
        with furniture.using_weights(page.fold if model == "fold" else model):
            scores = furniture.html_line_scores(page.lines, page.url) if page.lines else []
        for t in GRID:
            out[t].append(page_text(page, scores, t))
    return out


def score(pages: list[CachedPage], found: list[str], chosen: set[int] | None = None) -> dict:
    figures = Figures([], 0, 0, [])
    for i, (page, text) in enumerate(zip(pages, found, strict=True)):
        if chosen is None or i in chosen:
            figures.add(page, text)
    return figures.row()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", default="../shared", type=Path)
    parser.add_argument(
        "--cache", default=Path.home() / ".cache" / "tidings" / "html-lines-bylines", type=Path,
        help="Where the HTML path's lines before the model step are kept between runs.",
    )  # fmt: skip
    parser.add_argument("--limit", type=int, default=None, help="First N pages of each set.")
    args = parser.parse_args()
    pages = load(args.shared, args.cache, args.limit)
    print(f"{len(pages)} pages ({sum(p.lines is None for p in pages)} without text)")
    in_sample = texts(pages, furniture.MAIN_MODEL)
    out_of_fold = texts(pages, "fold")
    for t in GRID:
        print(f"threshold {t}: in sample {score(pages, in_sample[t])}"
              f" | out of fold {score(pages, out_of_fold[t])}")  # fmt: skip
    # nested: each fold judged at the threshold best on the other folds' out-of-fold figures
    nested = [""] * len(pages)
    for k in range(FOLDS):
        others = {i for i, p in enumerate(pages) if p.fold != f"fold{k}"}
        best = max(GRID, key=lambda t: objective(score(pages, out_of_fold[t], others)))
        print(f"fold {k}: threshold {best}")
        for i, p in enumerate(pages):
            if p.fold == f"fold{k}":
                nested[i] = out_of_fold[best][i]
    print(f"nested grouped CV: {score(pages, nested)}")


if __name__ == "__main__":
    main()
