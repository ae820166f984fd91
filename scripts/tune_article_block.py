"""Choose the article-block segmentation's parameters (src/tidings/extract/data/article_block.tsv).

Scores every line of the crawler dumps (../shared/gold/dumps) with the line filter once,
then, for each point of a small grid, confines the verdicts to the article blocks and
scores body F1 and furniture leaked on the sites of four of the five folds by site (the
folds of scripts/train_furniture.py). The point that maximises ``body_f1 - LEAK_COST *
leaked`` on those is printed with its figures on the fifth fold, which never chooses.
Writes nothing: copy the chosen values into the data file. Run from the repo root:

    .venv/bin/python scripts/tune_article_block.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from furniture_data import TrainingPage, load_pages  # noqa: E402

from tidings.evaluation.matching import token_f1  # noqa: E402
from tidings.extract import article_block, furniture  # noqa: E402
from tidings.extract.headers import find_headers  # noqa: E402
from tidings.extract.line_features import line_features  # noqa: E402
from tidings.extract.sites import fold_of  # noqa: E402

GRID = {
    "switch_penalty": (1.0, 2.0, 4.0, 8.0),
    "clip": (2.0, 4.0),
    "outside_keep": (0.5, 1.0, 2.0, 4.0),
}
# a leaked furniture line is worth this much body F1 (both are what the filter is judged on)
LEAK_COST = 0.1
# the fold that never chooses
HELD_FOLD = 0


def figures(
    pages: list[TrainingPage], prepared: list[tuple[list[float], list[bool]]]
) -> dict[str, float]:
    f1s, furn, leaked = [], 0, 0
    for page, (scores, cued) in zip(pages, prepared, strict=True):
        lines = page.lines
        keep = [s > 0 for s in article_block.confine_to_blocks(lines, scores, cued)]
        headers = find_headers(lines, [s > 0 for s in scores], None)  # as split_article
        kept = [x for i, x in enumerate(lines) if keep[i] and i not in headers.indices]
        f1s.append(token_f1(page.body, "\n\n".join(kept)))
        furn += len(page.furniture)
        leaked += sum(x.strip() in set(kept) for x in page.furniture)
    return {"body_f1": sum(f1s) / len(f1s), "leaked": leaked / max(furn, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", default="../shared", type=Path)
    parser.add_argument(
        "--cache", default=Path.home() / ".cache" / "tidings" / "furniture-dumps", type=Path
    )
    args = parser.parse_args()
    pages = [p for p in load_pages(args.shared, args.cache, ("dumps",))]
    confine = furniture.confine_to_blocks
    furniture.confine_to_blocks = lambda lines, scores, cued: scores  # type: ignore[assignment]
    try:
        prepared = [
            (
                furniture.line_scores(p.lines, p.url),
                [furniture.furniture_cued(line_features(x)) for x in p.lines],
            )
            for p in pages
        ]
    finally:
        furniture.confine_to_blocks = confine  # type: ignore[assignment]
    train = [i for i, p in enumerate(pages) if fold_of(p.site) != HELD_FOLD]
    held = [i for i, p in enumerate(pages) if fold_of(p.site) == HELD_FOLD]
    params = article_block.parameters()
    best: tuple[float, dict[str, float]] | None = None
    for values in itertools.product(*GRID.values()):
        params.update(dict(zip(GRID, values, strict=True)))
        got = figures([pages[i] for i in train], [prepared[i] for i in train])
        objective = got["body_f1"] - LEAK_COST * got["leaked"]
        print(dict(zip(GRID, values, strict=True)), {k: round(v, 4) for k, v in got.items()})
        if best is None or objective > best[0]:
            best = (objective, dict(params))
    assert best is not None
    params.update(best[1])
    print("chosen", {k: best[1][k] for k in GRID})
    for name, subset in (("train", train), ("held-out", held)):
        got = figures([pages[i] for i in subset], [prepared[i] for i in subset])
        print(name, {k: round(v, 4) for k, v in got.items()})


if __name__ == "__main__":
    main()
