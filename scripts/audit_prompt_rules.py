"""On how many sites does each prompt rule hold? One row per top-level branch of each pattern
of :mod:`tidings.extract.prompts`.

The issue asks to keep a rule only where it holds on several sites. Each branch is searched in
every line of the crawler dumps with gold and of the HTML path's lines on the WCXB dev and Zyte
pages (cached by ``scripts/html_furniture.py``), each line labelled article or furniture by its
reference text (``scripts/furniture_data.py``). A row gives the sites (and lines) where the
branch finds furniture and where it finds article text. The search ignores where a rule is
applied (edges, word caps), so it over-counts article hits of the edge rules. Prints a TSV,
fewest furniture sites first: the first rows are the candidates to retire.

    .venv/bin/python scripts/audit_prompt_rules.py [--shared ../shared] > audit.tsv
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from furniture_data import label_lines, load_pages  # noqa: E402

from tidings.benchmarks.extract import wcxb_pages, zyte_pages  # noqa: E402
from tidings.extract import prompts  # noqa: E402
from tidings.extract.sites import site_of  # noqa: E402

WORD = re.compile(r"\w+")
PATTERNS = (
    "LABEL", "PROMPT", "DISCLOSURE", "SITE_VOICE", "SITE_CALL", "ABOUT_US", "ABOUT_HEADING",
    "NAME_ROLE", "SHORT", "PAGE_RECORD", "RAIL_HEADING", "CTA_BUTTON", "FEEDBACK", "CREDIT",
)  # fmt: skip


def labelled_lines(shared: Path, cache: Path) -> list[tuple[str, str, int]]:
    """(site, line, 1 if article else 0) over the dumps and the cached HTML lines."""
    items = []
    for page in load_pages(shared, cache / "dumps", ("dumps",)):
        items += [(page.site, ln, lab) for ln, lab in zip(page.lines, page.labels, strict=True)]
    sets = (
        ("zyte", zyte_pages(shared / "bench" / "zyte", None), "articleBody"),
        ("wcxb", wcxb_pages(shared / "bench" / "wcxb-dev", None), "main_content"),
    )
    for source, pages, field in sets:
        for page, truth in pages:
            path = cache / "html-lines" / f"{source}-{page.id}.json"
            lines = json.loads(path.read_text("utf-8")) if path.exists() else None
            if lines:
                labels = label_lines(lines, truth.get(field) or "")
                site = site_of(page.url or page.id)
                items += [(site, ln, lab) for ln, lab in zip(lines, labels, strict=True)]
    return items


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", default="../shared", type=Path)
    parser.add_argument("--cache", default=Path.home() / ".cache" / "tidings", type=Path)
    args = parser.parse_args()
    items = [
        (site, prompts._bare(line), label)
        for site, line, label in labelled_lines(args.shared, args.cache)
    ]
    items = [it for it in items if len(WORD.findall(it[1])) <= prompts.EDGE_MAX_WORDS]
    rows = []
    for name in PATTERNS:
        pattern = getattr(prompts, name)
        for branch in prompts._branches(pattern.pattern):
            found = re.compile(branch, pattern.flags)
            hits: dict[int, dict[str, int]] = {0: defaultdict(int), 1: defaultdict(int)}
            for site, text, label in items:
                if found.search(text):
                    hits[label][site] += 1
            rows.append((len(hits[0]), sum(hits[0].values()), len(hits[1]),
                         sum(hits[1].values()), name, branch))  # fmt: skip
    print("furniture_sites\tfurniture_lines\tarticle_sites\tarticle_lines\tpattern\tbranch")
    for row in sorted(rows):
        print("\t".join(map(str, row)))


if __name__ == "__main__":
    main()
