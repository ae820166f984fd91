"""Where WCXB word F1 is lost, page by page, on the HTML path as ``tidings bench extract`` runs it.

Each WCXB dev page goes through tidings' HTML path once (the texts can be kept in a file
with ``--texts`` so that later readings cost nothing) and is scored as the benchmark scores
it (bag-of-words F1 of the page, ``without`` snippets leaked). The loss (1 − F1, averaged
over the pages) is then split four ways:

- by side: pages whose word precision is below their recall (text added) against the
  others (text lost);
- by site fold (:mod:`tidings.extract.sites`): a hand-written rule fitted to some of these
  sites shows as a fold that falls behind;
- by place and kind of line: what adding the reference lines the text lacks, or removing
  the text's paragraphs the reference lacks, would gain if done perfectly on every page,
  grouped by where they sit (before the first line both share, between, after the last)
  and by their form (heading, list item, table row, short or long paragraph). These are
  upper bounds (a line is matched as a run of words, which overcounts); a general cause
  worth fixing must show here before any rule is written;
- the pages that lose most, with their precision and recall.

Run from the repo root (nothing is written into the repository):

    .venv/bin/python scripts/extract_word_loss.py [--wcxb ../shared/bench/wcxb-dev]
        [--limit N] [--texts FILE] [--worst 20]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from tidings.benchmarks.adapters import run_tidings
from tidings.benchmarks.extract import wcxb_pages
from tidings.benchmarks.scoring import leaked, normalise, word_f1, word_precision_recall
from tidings.extract.sites import FOLDS, fold_of, site_of

WORD = re.compile(r"\w+")
LIST_ITEM = re.compile(r"^([-*•]|\d+[.)])\s")
SENTENCE_END = re.compile(r"[.!?:][\"”’)]*$")
PLACES = ("head", "middle", "tail")
KINDS = ("table", "list", "heading", "short", "long")


@dataclass
class PageText:
    id: str
    url: str | None
    text: str
    reference: str
    snippets: list[str]

    @property
    def fold(self) -> int:
        return fold_of(site_of(self.url or self.id))

    @property
    def f1(self) -> float:
        return word_f1(self.reference, self.text)

    def precision_recall(self) -> tuple[float, float]:
        return word_precision_recall(self.reference, self.text)

    def leaks(self) -> int:
        flat = normalise(self.text)
        return sum(leaked(snippet, flat) for snippet in self.snippets)


def extract(folder: Path, limit: int | None) -> list[PageText]:
    pages = []
    for n, (page, truth) in enumerate(wcxb_pages(folder, limit), 1):
        try:
            text = run_tidings(page).text
        except Exception:  # noqa: BLE001 - a page the path cannot read scores empty, as in the bench
            text = ""
        pages.append(PageText(page.id, page.url, text, truth.get("main_content") or "",
                              list(truth.get("without") or [])))  # fmt: skip
        if n % 100 == 0:
            print(f"{n} pages", file=sys.stderr, flush=True)
    return pages


def words_of(line: str) -> str:
    """A line as a run of lower-cased words between spaces, to be found inside another."""
    return " " + " ".join(WORD.findall(line.lower())) + " "


def kind_of(line: str) -> str:
    line = line.strip()
    words = len(WORD.findall(line))
    if line.startswith("|") or " | " in line:
        return "table"
    if LIST_ITEM.match(line):
        return "list"
    if words <= 10 and not SENTENCE_END.search(line):
        return "heading"
    return "short" if words <= 25 else "long"


def place_of(k: int, shared: list[bool]) -> str:
    """Where line k sits against the lines both texts share."""
    if not any(shared):
        return "middle"
    first, last = shared.index(True), len(shared) - 1 - shared[::-1].index(True)
    return "head" if k < first else "tail" if k > last else "middle"


def gains(page: PageText) -> dict[tuple[str, str, str], float]:
    """F1 gained on this page by adding the missing reference lines, or removing the extra
    paragraphs, of each (place, kind): ("add" | "remove", place, kind) → gain."""
    out: dict[tuple[str, str, str], float] = {}
    base = page.f1
    ref_words, text_words = words_of(page.reference), words_of(page.text)
    paragraphs = [p for p in page.text.split("\n\n") if p.strip()]
    in_ref = [words_of(p) in ref_words for p in paragraphs]
    extra: dict[tuple[str, str], list[int]] = defaultdict(list)
    for k, p in enumerate(paragraphs):
        if not in_ref[k]:
            extra[(place_of(k, in_ref), kind_of(p))].append(k)
    for (place, kind), drop in extra.items():
        dropped = set(drop)
        kept = "\n\n".join(p for k, p in enumerate(paragraphs) if k not in dropped)
        out[("remove", place, kind)] = word_f1(page.reference, kept) - base
    lines = [ln for ln in page.reference.split("\n") if ln.strip()]
    in_text = [words_of(ln) in text_words for ln in lines]
    missing: dict[tuple[str, str], list[str]] = defaultdict(list)
    for k, ln in enumerate(lines):
        if not in_text[k]:
            missing[(place_of(k, in_text), kind_of(ln))].append(ln)
    for (place, kind), add in missing.items():
        out[("add", place, kind)] = (
            word_f1(page.reference, page.text + "\n\n" + "\n\n".join(add)) - base
        )
    return out


def report(pages: list[PageText], worst: int) -> dict[str, Any]:
    n = len(pages)
    f1 = [p.f1 for p in pages]
    pr = [p.precision_recall() for p in pages]
    snippets = sum(len(p.snippets) for p in pages)
    summary: dict[str, Any] = {
        "pages": n,
        "word_f1": round(sum(f1) / n, 4),
        "leaked": round(sum(p.leaks() for p in pages) / max(snippets, 1), 4),
        "precision": round(sum(p for p, _ in pr) / n, 4),
        "recall": round(sum(r for _, r in pr) / n, 4),
        "loss_text_added": round(
            sum(1 - f for f, (p, r) in zip(f1, pr, strict=True) if p < r) / n, 4
        ),
        "loss_text_lost": round(
            sum(1 - f for f, (p, r) in zip(f1, pr, strict=True) if p >= r) / n, 4
        ),
    }
    folds = []
    for k in range(FOLDS):
        mine = [p for p in pages if p.fold == k]
        sn = sum(len(p.snippets) for p in mine)
        folds.append({
            "fold": k, "pages": len(mine),
            "word_f1": round(sum(p.f1 for p in mine) / max(len(mine), 1), 4),
            "leaked": round(sum(p.leaks() for p in mine) / max(sn, 1), 4),
        })  # fmt: skip
    summary["by_fold"] = folds
    bounds: dict[str, float] = defaultdict(float)
    for page in pages:
        for (action, place, kind), gain in gains(page).items():
            bounds[f"{action} {place} {kind}"] += gain / n
    summary["upper_bounds"] = {
        k: round(v, 4) for k, v in sorted(bounds.items(), key=lambda x: -x[1])
    }
    ranked = sorted(zip(pages, f1, pr, strict=True), key=lambda x: x[1])[:worst]
    summary["worst"] = [
        {
            "id": p.id,
            "f1": round(f, 3),
            "precision": round(pp, 3),
            "recall": round(r, 3),
            "url": p.url,
        }  # fmt: skip
        for p, f, (pp, r) in ranked
    ]
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--wcxb", default="../shared/bench/wcxb-dev", type=Path)
    parser.add_argument("--limit", type=int, default=None, help="First N pages.")
    parser.add_argument(
        "--texts", type=Path, default=None,
        help="JSON file of the texts: read when it exists, else extracted and written there.",
    )  # fmt: skip
    parser.add_argument(
        "--worst", type=int, default=20, help="How many of the worst pages to list."
    )
    args = parser.parse_args()
    if not (args.wcxb / "ground-truth").is_dir():
        raise SystemExit(f"{args.wcxb}: no WCXB ground-truth folder")
    if args.texts and args.texts.exists():
        pages = [PageText(**row) for row in json.loads(args.texts.read_text("utf-8"))]
    else:
        pages = extract(args.wcxb, args.limit)
        if args.texts:
            args.texts.write_text(json.dumps([asdict(p) for p in pages]), "utf-8")
    print(json.dumps(report(pages, args.worst), indent=1))


if __name__ == "__main__":
    main()
