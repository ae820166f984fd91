"""Ingest: documents in, analyses stored; what ``tidings ingest`` and ``fetch --db`` run.

Documents whose content hash is already stored (or seen earlier in the same run) are
skipped *before* the NLP runs, so a re-run over the same inputs is fast and stores
nothing twice; the pipeline (and its spaCy model) is not even loaded when nothing is new.
A bad input or a failed stage is reported and the batch goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any, Literal, Protocol

from tidings.errors import TidingsError
from tidings.model import Analysis, Document
from tidings.store.store import Store

Outcome = Literal["stored", "present", "failed"]


class Analyzer(Protocol):
    def analyze_many(
        self, documents: Iterable[Document | TidingsError]
    ) -> Iterator[Analysis | TidingsError]: ...


@dataclass
class IngestCounts:
    stored: int = 0
    present: int = 0
    failed: int = 0
    timeline: str = ""  # what the refresh after the batch did (tidings.timeline.refresh)

    def summary(self) -> str:
        return f"{self.stored} stored, {self.present} already present, {self.failed} failed"


OnOutcome = Callable[[Outcome, str, TidingsError | None], None]


def ingest(
    store: Store,
    items: Iterable[Document | TidingsError],
    make_analyzer: Callable[[], Analyzer],
    on_outcome: OnOutcome | None = None,
    write_batch: int = 64,
    check_batch: int = 256,
    refresh: bool = True,
) -> IngestCounts:
    """Analyse and store every new document in ``items``; ``on_outcome`` hears of each."""
    counts = IngestCounts()

    def report(outcome: Outcome, source: str, error: TidingsError | None = None) -> None:
        setattr(counts, outcome, getattr(counts, outcome) + 1)
        if on_outcome is not None:
            on_outcome(outcome, source, error)

    seen: set[str] = set()

    def new_items() -> Iterator[Document | TidingsError]:
        # One store lookup per chunk of inputs, not per input: re-runs over a large
        # corpus are bound by reading, not by queries.
        for chunk in _chunks(items, check_batch):
            stored = store.stored(i.content_hash for i in chunk if isinstance(i, Document))
            for item in chunk:
                if isinstance(item, Document):
                    key = item.content_hash
                    if key in seen or key in stored:
                        report("present", item.source)
                        continue
                    seen.add(key)
                yield item

    fresh = new_items()
    # Errors before the first new document need no pipeline; nor does a run with nothing new.
    first: Document | None = None
    for item in fresh:
        if isinstance(item, TidingsError):
            report("failed", item.source or "?", item)
            continue
        first = item
        break
    if first is None:
        _finish_refresh(store, counts, refresh)
        return counts

    def with_first() -> Iterator[Document | TidingsError]:
        yield first
        yield from fresh

    pending: list[Analysis] = []

    def flush() -> None:
        for analysis, result in zip(pending, store.save_many(pending), strict=True):
            source = analysis.document.source
            if isinstance(result, TidingsError):
                report("failed", source, result)
            else:
                report("stored" if result else "present", source)
        pending.clear()

    for result in make_analyzer().analyze_many(with_first()):
        if isinstance(result, TidingsError):
            report("failed", result.source or "?", result)
            continue
        pending.append(result)
        if len(pending) >= write_batch:
            flush()
    flush()
    _finish_refresh(store, counts, refresh)
    return counts


def _finish_refresh(store: Store, counts: IngestCounts, refresh: bool) -> None:
    """Bring duplicates, event instances and findings up to date with the stored
    articles: after new articles, and whenever an earlier refresh was cut short (the
    store's refresh-pending marker is set), even when this run stored nothing."""
    if not refresh or not store.refresh_pending():
        return
    from tidings.timeline.refresh import refresh as refresh_timeline

    store.discard_partial_refresh()
    counts.timeline = refresh_timeline(store).summary()


def _chunks(items: Iterable[Document | TidingsError], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
