"""Runs the pipeline over gold inputs and scores each article (the library behind
``tidings eval``)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tidings.errors import TidingsError
from tidings.evaluation.gold import Gold, gold_document, with_texts
from tidings.evaluation.scoring import ArticleScore, score_article
from tidings.model import Analysis, Document, to_dict
from tidings.pipeline import Pipeline


@dataclass
class Evaluated:
    """One gold article with what the pipeline made of it and its score."""

    gold: Gold
    analysis: Analysis | None
    error: TidingsError | None
    score: ArticleScore


def evaluate(golds: Sequence[Gold], root: Path, pipeline: Pipeline) -> Iterator[Evaluated]:
    """Each gold article scored, in order; a failed input is scored as empty."""
    documents = [gold_document(g, root) for g in golds]
    golds = [
        with_texts(g, d) if isinstance(d, Document) else g
        for g, d in zip(golds, documents, strict=True)
    ]
    results = pipeline.analyze_many(documents)
    for gold, result in zip(golds, results, strict=True):
        if isinstance(result, TidingsError):
            score = score_article(gold.data, None, error=result.one_line())
            yield Evaluated(gold, None, result, score)
        else:
            yield Evaluated(gold, result, None, score_article(gold.data, result))


def prediction_record(item: Evaluated) -> dict[str, Any]:
    """What the pipeline predicted for one gold article, JSON-ready (no raw content)."""
    record: dict[str, Any] = {"gold": item.gold.id, "gold_file": str(item.gold.path)}
    if item.error is not None:
        record["error"] = item.error.one_line()
    if item.analysis is not None:
        doc = item.analysis.document
        record["document"] = {
            "source": doc.source,
            "content_hash": doc.content_hash,
            "format": doc.format,
        }
        for name in ("article", "quotes", "dates", "events", "mentions"):
            record[name] = to_dict(getattr(item.analysis, name))
    record["notes"] = item.score.notes
    return record


SAFE_NAME = re.compile(r"[^\w.-]+")


def dump_prediction(item: Evaluated, folder: Path) -> Path:
    """Write one article's predictions to ``folder/<gold id>.json``."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{SAFE_NAME.sub('_', item.gold.id)}.json"
    path.write_text(
        json.dumps(prediction_record(item), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return path
