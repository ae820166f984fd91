"""What each prompt rule is worth, site by site: remove it and count the sites that lose.

The issue asks to keep a hand-written rule only where it holds on several sites.
``scripts/audit_prompt_rules.py`` counts where a rule *fires*; this script asks where it
*pays*: each top-level branch of each pattern of :mod:`tidings.extract.prompts` is removed
in turn, and every page is judged again the way the benchmarks judge it:

- the HTML path's lines on the WCXB dev and Zyte pages (cached by
  ``scripts/html_furniture.py``; the furniture model's cut, if any, applied with each page's
  fold model), scored by WCXB word F1 and boilerplate snippets leaked, Zyte word F1;
- the crawler dumps with gold through ``split_article``, each page judged by the model of
  the fold that never saw its site (``scripts/train_furniture.py``), scored as ``tidings
  eval`` scores: body F1 and gold furniture lines leaked.

A site *loses* when, without the branch, one of its pages leaks a snippet or a furniture line
more or loses more than ``--f1-margin`` of F1; it *gains* when the reverse holds (the branch
was cutting article text there). A branch is kept when at least ``--keep-sites`` sites lose
without it; the others are candidates to retire. Prints a TSV, one row a branch.

    .venv/bin/python scripts/prompt_rule_removal.py [--shared ../shared] > removal.tsv
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from furniture_data import load_pages  # noqa: E402
from html_furniture import CachedPage, load  # noqa: E402

from tidings.benchmarks.scoring import leaked, normalise, word_f1  # noqa: E402
from tidings.evaluation import matching  # noqa: E402
from tidings.extract import furniture, html, prompts  # noqa: E402
from tidings.extract.sites import fold_of, site_of  # noqa: E402

# the patterns whose branches are tested (every regex the prompt rules apply)
PATTERNS = (
    "LABEL", "PROMPT", "DISCLOSURE", "SITE_VOICE", "SITE_CALL", "ABOUT_US", "ABOUT_HEADING",
    "NAME_ROLE", "SHORT", "PAGE_RECORD", "RAIL_HEADING", "CTA_BUTTON", "FEEDBACK", "CREDIT",
    "STAMP",
)  # fmt: skip
NEVER = "(?!)"


@contextmanager
def without_branches(removed: set[tuple[str, str]]) -> Iterator[None]:
    """The prompt rules with some branches (pattern name, branch) removed (the combined
    look-ups rebuilt to match)."""
    keys = ("PROMPT_ANY", "DISCLOSURE_ANY", "SITE_VOICE_ANY", "SITE_CALL_ANY", "CREDIT_ANY",
            "STAMP_ANY", *PATTERNS)  # fmt: skip
    saved = {key: getattr(prompts, key) for key in keys}
    for name in {name for name, _ in removed}:
        original = saved[name]
        kept = [b for b in prompts._branches(original.pattern) if (name, b) not in removed]
        setattr(prompts, name, re.compile("|".join(kept) or NEVER, original.flags))
    _rebuild()
    try:
        yield
    finally:
        for key, value in saved.items():
            setattr(prompts, key, value)


def _rebuild() -> None:
    p = prompts
    p.PROMPT_ANY = p.AnyOf(p.DISCLOSURE, p.LABEL, p.PROMPT)
    p.DISCLOSURE_ANY = p.AnyOf(p.DISCLOSURE)
    p.SITE_VOICE_ANY = p.AnyOf(p.SITE_VOICE)
    p.SITE_CALL_ANY = p.AnyOf(p.SITE_CALL)
    p.CREDIT_ANY = p.AnyOf(p.CREDIT)
    p.STAMP_ANY = p.AnyOf(p.STAMP)


@dataclass
class Judged:
    """One page ready to be judged again: its site and the lines the prompt rules see."""

    site: str
    lines: list[str]
    kind: str  # "wcxb", "zyte" or "dumps"
    truth: str
    snippets: list[str]  # WCXB boilerplate snippets or the gold dump's furniture lines


def html_items(pages: list[CachedPage]) -> list[Judged]:
    out = []
    for page in pages:
        lines = page.lines or []
        if lines and furniture.HTML_THRESHOLD is not None:
            with furniture.using_weights(page.fold):
                lines, _ = furniture.drop_sure_furniture(lines, page.url)
        if page.source == "wcxb":
            truth, snippets = page.truth.get("main_content") or "", page.truth.get("without")
        else:
            truth, snippets = page.truth.get("articleBody") or "", []
        out.append(Judged(site_of(page.url or page.id), lines, page.source, truth,
                          [s for s in snippets or [] if isinstance(s, str)]))  # fmt: skip
    return out


def dump_items(shared: Path, cache: Path) -> list[Judged]:
    out = []
    folds = furniture.fold_models()
    for page in load_pages(shared, cache, ("dumps",)):
        model = f"fold{fold_of(page.site)}"
        with furniture.using_weights(model if model in folds else furniture.MAIN_MODEL):
            parts = furniture.split_article("\n".join(page.lines), url=page.url)
        gold = matching.body_lines(page.body)
        # the furniture lines the gold body does not also hold (as ``tidings eval`` counts)
        lines = [ln for ln in page.furniture if matching.normal_line(ln) not in gold]
        out.append(Judged(page.site, parts.paragraphs, "dumps", page.body, lines))
    return out


def score(item: Judged) -> tuple[float, int]:
    """(F1, furniture leaked) of one page as its benchmark counts them."""
    paragraphs, _ = prompts.drop_prompts(item.lines)
    if item.kind == "dumps":
        body = "\n\n".join(paragraphs)
        found = matching.body_lines(body)
        leaks = 0
        for line in item.snippets:
            norm = matching.normal_line(line)
            leaks += bool(norm) and norm in found
        return matching.token_f1(item.truth, body), leaks
    if html._words(paragraphs) < html.MIN_ARTICLE_WORDS:
        paragraphs = []
    text = "\n\n".join(paragraphs)
    flat = normalise(text)
    return word_f1(item.truth, text), sum(leaked(s, flat) for s in item.snippets)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", default="../shared", type=Path)
    parser.add_argument("--cache", default=Path.home() / ".cache" / "tidings", type=Path)
    parser.add_argument(
        "--keep-sites",
        type=int,
        default=2,
        help="Keep a branch when at least this many sites lose without it.",
    )
    parser.add_argument(
        "--f1-margin",
        type=float,
        default=0.002,
        help="A page's F1 change that counts as a loss or a gain.",
    )
    args = parser.parse_args()  # fmt: skip
    items = html_items(load(args.shared, args.cache / "html-lines", None))
    items += dump_items(args.shared, args.cache / "furniture-dumps")
    base = [score(item) for item in items]
    print("verdict\tlosing_sites\tgaining_sites\tleaks_added\tf1_change\tpattern\tbranch")
    losers: dict[tuple[str, str], set[str]] = {}
    for name in PATTERNS:
        for branch in prompts._branches(getattr(prompts, name).pattern):
            losing: set[str] = set()
            gaining: set[str] = set()
            leaks = 0
            f1 = 0.0
            # only a page with a line the branch matches can change without it
            found = re.compile(branch, getattr(prompts, name).flags)
            touched = [
                (item, before)
                for item, before in zip(items, base, strict=True)
                if any(
                    found.search(line) or found.search(prompts._bare(line)) for line in item.lines
                )
            ]
            with without_branches({(name, branch)}):
                for item, (f1_before, leaks_before) in touched:
                    f1_after, leaks_after = score(item)
                    leaks += leaks_after - leaks_before
                    f1 += f1_after - f1_before
                    if leaks_after > leaks_before or f1_after < f1_before - args.f1_margin:
                        losing.add(item.site)
                    elif leaks_after < leaks_before or f1_after > f1_before + args.f1_margin:
                        gaining.add(item.site)
            losers[(name, branch)] = losing
            verdict = "keep" if len(losing) >= args.keep_sites else "retire"
            print(f"{verdict}\t{len(losing)}\t{len(gaining)}\t{leaks}\t{f1:+.3f}\t{name}\t{branch}",
                  flush=True)  # fmt: skip
    retired = {key for key, sites in losers.items() if len(sites) < args.keep_sites}
    print(f"# {len(retired)} of {len(losers)} branches to retire", flush=True)
    # Each page judged with the rules as they would stand had its site never been seen:
    # without the branches that pay on fewer than --keep-sites sites once its own is left out
    # (the hand-written rules' grouped cross-validation, one site a fold).
    rows = {"all rules": base}
    with without_branches(retired):
        rows["retired removed"] = [score(item) for item in items]
    unseen: list[tuple[float, int]] = []
    by_removal: dict[frozenset[tuple[str, str]], list[int]] = {}
    for i, item in enumerate(items):
        removal = frozenset(
            key for key, sites in losers.items() if len(sites - {item.site}) < args.keep_sites
        )
        by_removal.setdefault(removal, []).append(i)
    found: dict[int, tuple[float, int]] = {}
    for removal, chosen in by_removal.items():
        with without_branches(set(removal)):
            for i in chosen:
                found[i] = score(items[i])
    unseen = [found[i] for i in range(len(items))]
    rows["site left out"] = unseen
    for label, scored in rows.items():
        print(f"# {label}: {json.dumps(summary(items, scored))}")


def summary(items: list[Judged], scored: list[tuple[float, int]]) -> dict[str, dict]:
    """Per set: mean F1 and the share of snippets (furniture lines) leaked."""
    out = {}
    for kind in ("wcxb", "zyte", "dumps"):
        chosen = [(item, s) for item, s in zip(items, scored, strict=True) if item.kind == kind]
        snippets = sum(len(item.snippets) for item, _ in chosen)
        out[kind] = {
            "pages": len(chosen),
            "f1": round(sum(s[0] for _, s in chosen) / max(len(chosen), 1), 4),
            "leaked": round(sum(s[1] for _, s in chosen) / max(snippets, 1), 4),
            "leaked_lines": sum(s[1] for _, s in chosen),
        }
    return out


if __name__ == "__main__":
    main()
