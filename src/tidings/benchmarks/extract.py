"""``tidings bench extract``: main-content extraction, tidings beside its peers.

Two reference sets, in their published layouts (any folder in the same layout works):

- Zyte: ``html/<id>.html.gz`` and ``ground-truth.json`` ({id: {articleBody, url}}); scored
  with the official 4-gram shingle F1 (per-page P and R averaged, then F1) and the same
  with single words (bag-of-words F1).
- WCXB: ``html/<id>.html.gz`` and ``ground-truth/<id>.json`` with ``ground_truth.{title,
  author, publish_date, main_content, without}``; scored with word F1 per page averaged,
  the share of ``without`` (boilerplate) snippets leaked into the text, and metadata
  agreement (see :mod:`tidings.benchmarks.scoring` for each definition: titles by word F1
  ≥ 0.8, dates by calendar day, authors by word containment), each over the pages whose
  truth has that field.

Speed is pages per second over both sets, extraction time only (reading the files is not
counted), one process, tools run one after another on each page.
"""

from __future__ import annotations

import gzip
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tidings.benchmarks.adapters import ADAPTERS, NO_METADATA, Page, quiet_tool_logs, safe
from tidings.benchmarks.scoring import (
    author_agrees,
    date_agrees,
    leaked,
    normalise,
    shingle_counts,
    title_agrees,
    word_f1,
    zyte_f1,
)  # fmt: skip
from tidings.sources.decode import decode_html

Progress = Callable[[str, int, int], None]


@dataclass
class ToolScore:
    """Running totals for one tool."""

    zyte4: list[tuple[float, float, float]] = field(default_factory=list)
    zyte1: list[tuple[float, float, float]] = field(default_factory=list)
    wcxb_f1: list[float] = field(default_factory=list)
    snippets: int = 0
    leaked: int = 0
    agree: dict[str, list[bool]] = field(
        default_factory=lambda: {"title": [], "date": [], "author": []}
    )
    seconds: float = 0.0
    pages: int = 0

    def figures(self, tool: str) -> dict[str, Any]:
        p4, r4, f4 = zyte_f1(self.zyte4)
        _, _, f1 = zyte_f1(self.zyte1)

        def share(values: list[bool], kind: str) -> float | None:
            if kind in NO_METADATA.get(tool, set()) or not values:
                return None
            return round(sum(values) / len(values), 4)

        return {
            "zyte_pages": len(self.zyte4),
            "zyte_f1": round(f4, 4) if self.zyte4 else None,
            "zyte_precision": round(p4, 4) if self.zyte4 else None,
            "zyte_recall": round(r4, 4) if self.zyte4 else None,
            "zyte_bow_f1": round(f1, 4) if self.zyte1 else None,
            "wcxb_pages": len(self.wcxb_f1),
            "wcxb_f1": round(sum(self.wcxb_f1) / len(self.wcxb_f1), 4) if self.wcxb_f1 else None,
            "wcxb_leaked": round(self.leaked / self.snippets, 4) if self.snippets else None,
            "title_agreement": share(self.agree["title"], "title"),
            "date_agreement": share(self.agree["date"], "date"),
            "author_agreement": share(self.agree["author"], "author"),
            "pages_per_second": round(self.pages / self.seconds, 1) if self.seconds else None,
        }


def _page(id_: str, path: Path, url: str | None) -> Page:
    raw = gzip.decompress(path.read_bytes()) if path.name.endswith(".gz") else path.read_bytes()
    html, _ = decode_html(raw, str(path))
    return Page(id=id_, raw=raw, html=html, url=url)


def zyte_pages(folder: Path, limit: int | None) -> Iterator[tuple[Page, dict[str, Any]]]:
    truth: dict[str, dict[str, Any]] = json.loads((folder / "ground-truth.json").read_text("utf-8"))
    for id_ in sorted(truth)[:limit]:
        path = folder / "html" / f"{id_}.html.gz"
        if path.exists():
            yield _page(id_, path, truth[id_].get("url")), truth[id_]


def wcxb_pages(folder: Path, limit: int | None) -> Iterator[tuple[Page, dict[str, Any]]]:
    files = sorted((folder / "ground-truth").glob("*.json"))[:limit]
    for gt_path in files:
        record = json.loads(gt_path.read_text("utf-8"))
        path = folder / "html" / f"{gt_path.stem}.html.gz"
        if path.exists():
            yield _page(gt_path.stem, path, record.get("url")), record.get("ground_truth", {})


def run(
    zyte: Path | None,
    wcxb: Path | None,
    limit: int | None = None,
    tools: list[str] | None = None,
    progress: Progress | None = None,
) -> dict[str, dict[str, Any]]:
    """Figures keyed by tool name."""
    quiet_tool_logs()
    names = tools or list(ADAPTERS)
    adapters = {name: safe(ADAPTERS[name]) for name in names}
    scores = {name: ToolScore() for name in names}
    sets: list[tuple[str, Iterator[tuple[Page, dict[str, Any]]]]] = []
    if zyte and (zyte / "ground-truth.json").exists():
        sets.append(("zyte", zyte_pages(zyte, limit)))
    if wcxb and (wcxb / "ground-truth").is_dir():
        sets.append(("wcxb", wcxb_pages(wcxb, limit)))
    for set_name, pages in sets:
        for n, (page, truth) in enumerate(pages, 1):
            for name, adapter in adapters.items():
                start = time.perf_counter()
                out = adapter(page)
                score = scores[name]
                score.seconds += time.perf_counter() - start
                score.pages += 1
                if set_name == "zyte":
                    score.zyte4.append(shingle_counts(truth.get("articleBody", ""), out.text, 4))
                    score.zyte1.append(shingle_counts(truth.get("articleBody", ""), out.text, 1))
                    continue
                score.wcxb_f1.append(word_f1(truth.get("main_content") or "", out.text))
                flat = normalise(out.text)
                for snippet in truth.get("without") or []:
                    score.snippets += 1
                    score.leaked += leaked(snippet, flat)
                checks = (
                    ("title", title_agrees, truth.get("title")),
                    ("date", date_agrees, truth.get("publish_date")),
                    ("author", author_agrees, truth.get("author")),
                )
                for kind, agrees, gold in checks:
                    if gold:
                        score.agree[kind].append(agrees(gold, getattr(out, kind)))
            if progress:
                progress(set_name, n, -1)
    return {name: scores[name].figures(name) for name in names}


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f}%"


def _num(value: float | None, digits: int = 3) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def markdown(figures: dict[str, dict[str, Any]]) -> str:
    """The side-by-side table (one row per tool) with its sample sizes."""
    head = (
        "| tool | Zyte 4-gram F1 | Zyte P / R | Zyte BoW F1 | WCXB word F1 | WCXB boilerplate "
        "leaked | title | date | author | pages/s |\n|---|---|---|---|---|---|---|---|---|---|"
    )
    rows = [head]
    for tool, f in figures.items():
        rows.append(
            f"| {tool} | {_num(f['zyte_f1'])} | {_num(f['zyte_precision'])} / "
            f"{_num(f['zyte_recall'])} | {_num(f['zyte_bow_f1'])} | {_num(f['wcxb_f1'])} | "
            f"{_pct(f['wcxb_leaked'])} | {_pct(f['title_agreement'])} | "
            f"{_pct(f['date_agreement'])} | {_pct(f['author_agreement'])} | "
            f"{_num(f['pages_per_second'], 1)} |"
        )
    first = next(iter(figures.values()), {})
    rows.append(
        f"\nZyte pages: {first.get('zyte_pages', 0)}; WCXB article pages: "
        f"{first.get('wcxb_pages', 0)}. Title/date/author: agreement with the WCXB truth over "
        "pages that have the field (title word F1 ≥ 0.8; same day; author words contained). "
        "Pages/s: extraction only, one process."
    )
    return "\n".join(rows) + "\n"
