"""Fit the furniture model and judge it on sites it never saw (grouped cross-validation).

Writes ``src/tidings/extract/data/furniture_weights.tsv``: the three logistic passes of
:mod:`tidings.extract.furniture` fitted on every training page (the model tidings uses), and
the same fitted once per fold of a grouped cross-validation: the pages are split by site
(:func:`tidings.extract.sites.fold_of`, no site in two folds), and the model of fold k is fitted
on the other folds only. Each page is then judged by the model that never saw its site; these
out-of-fold figures (body F1, furniture leaked, line precision and recall, per source) are
printed beside the in-sample ones and written to the model card
(``src/tidings/extract/data/furniture_model.md``). The benchmarks use the fold models the same
way (``tidings bench furniture``).

The pages are the crawler dumps with gold, the other WCXB dev pages, the Zyte pages and the
news pages with a reference text (``scripts/furniture_data.py``), all under ``../shared``.
L2-penalised logistic regression by Newton's method, in numpy. Run from the repo root:

    .venv/bin/python scripts/train_furniture.py [--shared ../shared] [--dry-run]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))

from furniture_data import SOURCES, TrainingPage, load_pages  # noqa: E402

from tidings.evaluation import matching  # noqa: E402
from tidings.extract import furniture  # noqa: E402
from tidings.extract.line_features import Features, line_features  # noqa: E402
from tidings.extract.prompts import drop_prompts  # noqa: E402
from tidings.extract.sites import FOLDS, fold_of  # noqa: E402

TOKEN = re.compile(r"\w+")
OUT = Path("src/tidings/extract/data/furniture_weights.tsv")
CARD = Path("src/tidings/extract/data/furniture_model.md")
SUPPLEMENT = Path(__file__).parent / "data" / "furniture_supplement.tsv"
L2 = 1.0
# how much a hand-written supplement line counts beside a line of the real dumps
SUPPLEMENT_WEIGHT = 5.0
# and a WCXB reference line or snippet read alone (there are many: their lesson should not
# drown the dumps')
WCXB_WEIGHT = 0.3
# how much more a line the gold lists as furniture (one of WCXB's boilerplate snippets)
# counts than another line: leaking those is what the furniture figure measures, and
# the coverage labels alone let the page context talk the filter out of them
GOLD_FURNITURE_WEIGHT = 8.0
# how much a page of each source counts (the gold dumps are what the text path is judged on;
# the generated dumps add sites, with labels from the reference text alone)
SOURCE_WEIGHT = {"dumps": 1.0, "wcxb": 0.5, "zyte": 0.5, "news": 0.5}
# Prior knowledge the fit may not contradict (a wrong sign drops the feature): reported
# speech, quotations and names in running text argue for article text.
POSITIVE = {
    "reporting_density",
    "reporting_opens",
    "mid_capitals",
    "quote",
    "sentence_end",
    "commas",
    "sentences_ge2",
}
NEGATIVE = {
    "imperative_opens",
    "button",
    "copyright",
    "newsletter_short",
    "consent_short",
    "donation_short",
    "social_short",
    "advert_short",
    "money_short",
    "self_density",
    # a pitch, an offer, the publisher introducing itself; a box shown twice, the title or
    # the byline's name again once the article began
    "hook_question",
    "offer",
    "publisher_intro",
    "pitch_inside",
    "pitch_alone",
    "self_to_reader",
    "pitch_tail",
    "repeated_long",
    "echoes_head",
    "opens_with_byline_name",
    "about_heading",
}


def fit(
    rows: list[dict[str, float]], y: list[int], w: list[float], offset: list[float] | None = None
) -> dict[str, float]:
    """Logistic regression whose signed features keep their expected sign: a feature the
    fit turns the wrong way is dropped and the rest refitted."""
    dropped: set[str] = set()
    while True:
        table = _fit([{k: v for k, v in r.items() if k not in dropped} for r in rows], y, w, offset)
        wrong = {
            k for k, v in table.items() if (k in POSITIVE and v < 0) or (k in NEGATIVE and v > 0)
        }
        if not wrong:
            return table
        dropped |= wrong


def _fit(
    rows: list[dict[str, float]], y: list[int], w: list[float], offset: list[float] | None
) -> dict[str, float]:
    """L2-penalised logistic regression by Newton's method; returns name → weight."""
    names = sorted({k for r in rows for k in r})
    index = {k: i for i, k in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for i, r in enumerate(rows):
        for k, v in r.items():
            x[i, index[k]] = v
    yy, ww = np.array(y, float), np.array(w, float)
    base = np.array(offset, float) if offset is not None else np.zeros(len(rows))
    beta = np.zeros(len(names))
    penalty = np.full(len(names), L2)
    penalty[index["bias"]] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-(base + x @ beta)))
        grad = x.T @ (ww * (p - yy)) + penalty * beta
        hess = (
            (x * (ww * p * (1 - p))[:, None]).T @ x + np.diag(penalty) + 1e-9 * np.eye(len(names))
        )
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-7:
            break
    return {k: float(beta[index[k]]) for k in names}


def line_weight(line: str) -> float:
    # body F1 counts words, leaks count lines: weigh both
    return 1.0 + np.sqrt(len(TOKEN.findall(line)))


def scores_of(stage: str, feats: list[Features], table: furniture.Weights) -> list[float]:
    return [furniture.logit(f, table[stage]) for f in feats]


def supplement_lines() -> list[tuple[str, int]]:
    """The hand-written lines (label, line) of scripts/data/furniture_supplement.tsv."""
    out = []
    for raw in SUPPLEMENT.read_text("utf-8").splitlines():
        if raw.strip() and not raw.startswith("#"):
            label, written = raw.split("\t", 1)
            out.append((written, int(label)))
    return out


class FeatureCache:
    """Each line's local features, computed once for every fold."""

    def __init__(self) -> None:
        self.table: dict[str, Features] = {}

    def __call__(self, line: str) -> Features:
        found = self.table.get(line)
        if found is None:
            found = self.table[line] = line_features(line)
        return found


def train(pages: list[TrainingPage], feats: FeatureCache) -> furniture.Weights:
    """The three passes fitted on these pages (the unusable ones are left out)."""
    table: furniture.Weights = {}
    usable = [p for p in pages if p.usable]
    local = [[feats(ln) for ln in p.lines] for p in usable]
    y = [lab for p in usable for lab in p.labels]
    w = []
    for p in usable:
        gold = set(p.furniture)
        for ln in p.lines:
            extra = GOLD_FURNITURE_WEIGHT if ln in gold else 1.0
            w.append(SOURCE_WEIGHT[p.source] * line_weight(ln) * extra)
    rows = [f for fs in local for f in fs]
    local_y, local_w = list(y), list(w)
    for written, label in supplement_lines():
        rows.append(feats(written))
        local_y.append(label)
        local_w.append(SUPPLEMENT_WEIGHT * line_weight(written))
    alone = [pair for p in pages for pair in p.alone]
    # both classes weigh the same in total: a line alone should be judged on its own
    # evidence, not on how rare boilerplate is among the reference lines
    positives = sum(label for _, label in alone)
    balance = {1: 1.0, 0: positives / max(len(alone) - positives, 1)}
    for line, label in alone:
        rows.append(feats(line))
        local_y.append(label)
        local_w.append(WCXB_WEIGHT * balance[label] * line_weight(line))
    table["local"] = fit(rows, local_y, local_w)
    scores = [scores_of("local", fs, table) for fs in local]
    for stage in ("context", "smooth"):
        ctx = [
            furniture.context_features(
                p.lines, s, [furniture.furniture_cued(f) for f in fs], site=p.url, local=fs
            )
            for p, s, fs in zip(usable, scores, local, strict=True)
        ]
        previous = [v for s in scores for v in s]
        table[stage] = fit([f for fs in ctx for f in fs], y, w, offset=previous)
        scores = [
            [prev + x for prev, x in zip(s, scores_of(stage, fs, table), strict=True)]
            for s, fs in zip(scores, ctx, strict=True)
        ]
    return table


def judge(page: TrainingPage) -> dict[str, float]:
    """One page through the text path with the model in use: its body F1, furniture lines
    and leaks (as ``tidings eval`` counts them), and its line confusion."""
    parts = furniture.split_article("\n".join(page.lines), url=page.url)
    paragraphs, _ = drop_prompts(parts.paragraphs, parts.byline)
    body = "\n\n".join(paragraphs)
    gold_lines = matching.body_lines(page.body)
    predicted = matching.body_lines(body)
    lines = 0
    leaks = []
    for line in page.furniture:
        norm = matching.normal_line(line)
        if norm and norm not in gold_lines:
            lines += 1
            if norm in predicted:
                leaks.append(line)
    kept = Counter(paragraphs)
    tp = fp = fn = 0
    for line, label in zip(page.lines, page.labels, strict=True):
        is_kept = kept[line] > 0
        if is_kept:
            kept[line] -= 1
        tp += is_kept and label
        fp += is_kept and not label
        fn += label and not is_kept
    return {
        "f1": matching.token_f1(page.body, body), "furniture": lines, "leaked": len(leaks),
        "leaks": leaks,  # type: ignore[dict-item]
        "tp": tp, "fp": fp, "fn": fn,
    }  # fmt: skip


# cuts tried for the text path's keep threshold (furniture.THRESHOLD), chosen out of fold:
# the cut that leaks fewest furniture lines of the dumps judged by the fold models while
# their body F1 stays at MIN_BODY_F1 or more (the floor)
CUTS = (0.0, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.85, 1.0)
MIN_BODY_F1 = 0.95


def judged_at(
    pages: list[TrainingPage], cut: float, models: dict[str, furniture.Weights], out_of_fold: bool
) -> list[dict]:
    """The pages judged with the keep threshold at ``cut``, each by the model of the fold
    that never saw its site (``out_of_fold``) or by the main model."""
    saved = furniture.THRESHOLD
    furniture.THRESHOLD = cut
    try:
        out = []
        for page in pages:
            model = f"fold{fold_of(page.site)}" if out_of_fold else furniture.MAIN_MODEL
            with furniture.using_weights(models[model]):
                out.append(judge(page))
        return out
    finally:
        furniture.THRESHOLD = saved


def best_cut(figures: dict[float, dict[str, float]]) -> float:
    """The cut with fewest leaked lines among those keeping body F1 at the floor (the
    lowest such cut on a tie; 0 when none keeps it)."""
    allowed = [c for c in CUTS if figures[c]["body_f1"] >= MIN_BODY_F1] or [0.0]
    return min(allowed, key=lambda c: (figures[c]["leaked_lines"], c))


def choose_cut(
    pages: list[TrainingPage], models: dict[str, furniture.Weights]
) -> dict[str, object]:
    """The keep threshold chosen on the dumps out of fold, every cut's figures in sample and
    out of fold, and a nested check: each fold judged at the cut the other folds chose."""
    dumps = [p for p in pages if p.source == "dumps"]
    oof = {c: judged_at(dumps, c, models, True) for c in CUTS}
    ins = {c: judged_at(dumps, c, models, False) for c in CUTS}
    rows = {c: {"out_of_fold": summary(oof[c]), "in_sample": summary(ins[c])} for c in CUTS}
    nested: list[dict] = []
    picks = []
    for k in range(FOLDS):
        others = [i for i, p in enumerate(dumps) if fold_of(p.site) != k]
        cut = best_cut({c: summary([oof[c][i] for i in others]) for c in CUTS})
        picks.append(cut)
        nested += [oof[cut][i] for i, p in enumerate(dumps) if fold_of(p.site) == k]
    chosen = best_cut({c: rows[c]["out_of_fold"] for c in CUTS})
    return {"chosen": chosen, "cuts": rows, "nested": summary(nested), "fold_picks": picks}


def summary(judged: list[dict[str, float]]) -> dict[str, float]:
    if not judged:
        return {}
    total = {k: sum(j[k] for j in judged) for k in ("furniture", "leaked", "tp", "fp", "fn")}
    return {
        "pages": len(judged),
        "body_f1": round(float(np.mean([j["f1"] for j in judged])), 4),
        "leaked": round(total["leaked"] / max(total["furniture"], 1), 4),
        "leaked_lines": total["leaked"],
        "furniture_lines": total["furniture"],
        "line_precision": round(total["tp"] / max(total["tp"] + total["fp"], 1), 4),
        "line_recall": round(total["tp"] / max(total["tp"] + total["fn"], 1), 4),
    }


def by_source(pages: list[TrainingPage], judged: list[dict[str, float]]) -> dict[str, dict]:
    return {
        source: summary([j for p, j in zip(pages, judged, strict=True) if p.source == source])
        for source in SOURCES
        if any(p.source == source for p in pages)
    }


def cross_validate(
    pages: list[TrainingPage], feats: FeatureCache
) -> tuple[dict[str, furniture.Weights], list[dict[str, float]]]:
    """The fold models, and each page judged by the model that never saw its site."""
    folds = {}
    judged: list[dict[str, float]] = [{}] * len(pages)
    for k in range(FOLDS):
        folds[f"fold{k}"] = table = train([p for p in pages if fold_of(p.site) != k], feats)
        with furniture.using_weights(table):
            for i, page in enumerate(pages):
                if fold_of(page.site) == k:
                    judged[i] = judge(page)
        print(f"fold {k}: {json.dumps(by_source(*_fold(pages, judged, k)))}", flush=True)
    return folds, judged


def _fold(
    pages: list[TrainingPage], judged: list[dict[str, float]], k: int
) -> tuple[list[TrainingPage], list[dict[str, float]]]:
    chosen = [i for i, p in enumerate(pages) if fold_of(p.site) == k]
    return [pages[i] for i in chosen], [judged[i] for i in chosen]


def write(models: dict[str, furniture.Weights], path: Path) -> None:
    lines = [
        "# Weights of the furniture filter's three logistic passes (stage, feature, weight):",
        "# stage `local` etc. is the model tidings uses, fitted on every training page;",
        "# `foldK/local` etc. the model of fold K of the cross-validation grouped by site",
        "# (fitted without the sites of fold K; see tidings.extract.sites.fold_of).",
        f"# Derived by scripts/train_furniture.py, {dt.date.today().isoformat()}.",
    ]
    for model, table in models.items():
        prefix = "" if model == furniture.MAIN_MODEL else f"{model}/"
        for stage in furniture.STAGES:
            for name, value in sorted(table[stage].items(), key=lambda kv: -abs(kv[1])):
                if abs(value) >= 5e-5:
                    lines.append(f"{prefix}{stage}\t{name}\t{value:.4f}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _share(figures: dict) -> str:
    """Leaked lines as a percentage of the furniture lines (from the counts, not the
    rounded share)."""
    return f"{figures['leaked_lines'] / max(figures['furniture_lines'], 1):.1%}"


def cut_table(cuts: dict[str, object] | None) -> str:
    """The keep thresholds tried on the dumps, in sample and out of fold (empty without
    ``--cuts``)."""
    if not cuts:
        return ""
    rows = [
        "| keep cut (log-odds) | body F1 in sample / out of fold "
        "| leaked in sample / out of fold |",
        "|---|---|---|",
    ]
    for cut, row in cuts["cuts"].items():  # type: ignore[attr-defined]
        ins, oof = row["in_sample"], row["out_of_fold"]
        rows.append(
            f"| {cut} | {ins['body_f1']:.4f} / {oof['body_f1']:.4f} "
            f"| {_share(ins)} ({ins['leaked_lines']}) / {_share(oof)} ({oof['leaked_lines']}) |"
        )
    nested = cuts["nested"]
    return f"""
Keep threshold (`furniture.THRESHOLD`), chosen on the dumps out of fold by `--cuts`: the cut
that leaks fewest furniture lines while body F1 stays at {MIN_BODY_F1} or more. Chosen:
{cuts["chosen"]}; nested (each fold judged at the cut the other folds chose, picks
{cuts["fold_picks"]}): body F1 {nested["body_f1"]:.4f}, leaked {_share(nested)}
({nested["leaked_lines"]}/{nested["furniture_lines"]}). The rules that keep a line against
its page (a closing sentence, a subheading) score it half a unit above the cut.

{chr(10).join(rows)}
"""  # type: ignore[index]


def model_card(
    pages: list[TrainingPage],
    figures: dict[str, dict[str, dict]],
    cuts: dict[str, object] | None = None,
) -> str:
    """The model card: what the model is, what it learned from, how it does on sites it
    never saw (grouped cross-validation) and on the sites it was fitted on."""
    counts = Counter(p.source for p in pages)
    rows = [
        "| source | pages | body F1 (CV) | leaked (CV) | line P / R (CV) "
        "| body F1 (in sample) | leaked (in sample) |",
        "|---|---|---|---|---|---|---|",
    ]
    for source, cv in figures["grouped_cv"].items():
        fit_ = figures["in_sample"][source]
        leak_cv = (
            f"{cv['leaked']:.1%} ({cv['leaked_lines']}/{cv['furniture_lines']})"
            if cv["furniture_lines"] else "—"
        )  # fmt: skip
        leak_in = (
            f"{fit_['leaked']:.1%} ({fit_['leaked_lines']}/{fit_['furniture_lines']})"
            if fit_["furniture_lines"] else "—"
        )  # fmt: skip
        rows.append(
            f"| {source} | {cv['pages']} | {cv['body_f1']:.3f} | {leak_cv} "
            f"| {cv['line_precision']:.3f} / {cv['line_recall']:.3f} "
            f"| {fit_['body_f1']:.3f} | {leak_in} |"
        )
    return f"""# Furniture model (`furniture_weights.tsv`)

What it does: judges each line of a crawler's text dump (the text path; the HTML path does
not use it yet) as article text or page furniture: three logistic passes
(`tidings.extract.furniture`): the line alone (its form, cue-word families, calls to act,
money, model names, a bio's opening, second person, the publisher's own voice, a pitch: a
verb turned to the reader, a hook question, an offer's terms, the publisher introducing
itself or speaking to the reader, a headline's form, a box's "About …" heading), then twice
the line in its page (neighbours, position before or after the prose and how far past the
article's last paragraph, runs of short lines, repetition within the page, a pitch standing
alone or inside the article, a headline in the tail, the title or the byline's name again
once the article began, whether it names the publisher of the page's URL; and the box
around it: headlines and lines naming furniture among its neighbours, a paragraph set apart
from the others by lines of no prose).

Trained by `scripts/train_furniture.py` on {sum(counts.values())} pages from
{len({p.site for p in pages})} sites ({", ".join(f"{n} {s}" for s, n in counts.items())}):
the WCXB crawler dumps with gold, the other WCXB dev pages, the Zyte benchmark pages and the
news pages with a reference text, the last three made into dumps with resiliparse and
labelled by their reference text (`scripts/furniture_data.py`). Plain numpy; no run-time
dependency beyond the standard library.

Evaluation: cross-validation grouped by site ({FOLDS} folds by a hash of the registrable
domain, `tidings.extract.sites`): each page is judged by the fold model fitted without its
site. The fold models ship in the same file (`foldK/…` rows) so that `tidings bench
furniture` reports the same out-of-fold figures for WCXB lines judged alone. Text path
(`split_article` then the prompt rules), scored as `tidings eval` scores: body bag-of-words
F1, gold furniture lines leaked (WCXB boilerplate snippets; the Zyte and news pages have
none, and the wcxb pages outside the gold dumps few), line precision and recall against the
reference labels. {dt.date.today().isoformat()}.

{chr(10).join(rows)}
{cut_table(cuts)}
Limits: WCXB has one page for almost every site (83 of the 791 sites have two pages or
more, 191 pages), and a page is judged alone, so repetition across the pages of a site is
not a feature (only repetition within a page is: at run time tidings keeps no memory of a
site's other pages); the cue words are data chosen by hand, partly from lines the model
leaked, so the grouped cross-validation judges the weights on unseen sites, not the choice
of words; labels of the made
dumps come from word-trigram coverage of the reference, which counts a caption or a teaser
that quotes the article as article text. Never fitted on `../shared/gold/test` or on the
held-out sets of the issue.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", default="../shared", type=Path)
    parser.add_argument(
        "--cache", default=Path.home() / ".cache" / "tidings" / "furniture-dumps", type=Path,
        help="Where the dumps made from the benchmark pages are kept between runs.",
    )  # fmt: skip
    parser.add_argument("--sources", default=",".join(SOURCES), help="Training sources.")
    parser.add_argument("--show-leaks", action="store_true", help="Print leaked lines.")
    parser.add_argument("--dry-run", action="store_true", help="Print figures, write nothing.")
    parser.add_argument(
        "--cuts", action="store_true",
        help="Choose the text path's keep threshold on the dumps out of fold (slow).",
    )  # fmt: skip
    args = parser.parse_args()
    sources = tuple(s for s in args.sources.split(",") if s)
    unknown = set(sources) - set(SOURCES)
    if unknown:
        parser.error(f"--sources: unknown source(s) {', '.join(sorted(unknown))}")
    pages = load_pages(args.shared, args.cache, sources)
    feats = FeatureCache()
    print(f"{len(pages)} pages from {len({p.site for p in pages})} sites, {FOLDS} folds by site")
    folds, out_of_fold = cross_validate(pages, feats)
    table = train(pages, feats)
    with furniture.using_weights(table):
        in_sample = [judge(p) for p in pages]
    figures = {
        "grouped_cv": by_source(pages, out_of_fold),
        "in_sample": by_source(pages, in_sample),
    }
    cuts = None
    if args.cuts:
        cuts = choose_cut(pages, {furniture.MAIN_MODEL: table, **folds})
        for c, row in cuts["cuts"].items():  # type: ignore[attr-defined]
            print(f"cut {c}: {json.dumps(row)}")
        print(f"nested (fold picks {cuts['fold_picks']}): {json.dumps(cuts['nested'])}")
        print(f"chosen cut: {cuts['chosen']} (furniture.THRESHOLD is {furniture.THRESHOLD})")
    if args.show_leaks:
        for page, judged in zip(pages, out_of_fold, strict=True):
            for line in judged["leaks"]:  # type: ignore[attr-defined]
                print(f"leaked (out of fold) {page.id}: {line[:120]}")
    for part, found in figures.items():
        for source, figs in found.items():
            print(part, source, json.dumps(figs))
    if not args.dry_run:
        write({furniture.MAIN_MODEL: table, **folds}, OUT)
        print(f"wrote {OUT}")
        CARD.write_text(model_card(pages, figures, cuts), "utf-8")
        print(f"wrote {CARD}")


if __name__ == "__main__":
    main()
