"""Ingest: documents in, analyses stored; what ``tidings ingest`` and ``fetch --db`` run.

Documents whose content hash is already stored (or seen earlier in the same run) are
skipped *before* the NLP runs, so a re-run over the same inputs is fast and stores
nothing twice; the pipeline (and its spaCy model) is not even loaded when nothing is new.
A bad input or a failed stage is reported and the batch goes on.

Selection (:class:`Selection`) runs before the NLP too: ``since``/``until`` keep documents
whose publication date (the one the input declares, or, when it declares none, the one
extraction finds) falls in the range; ``sample`` draws N documents at random (reservoir
sampling, reproducible with ``seed``, kept in input order); ``limit`` keeps the first N
documents the other rules keep (a document whose date is known only after extraction
counts once it is known to be inside the range; unreadable inputs do not count).

After the batch the derived tables are refreshed by the ``refresh`` the caller passes
(the timeline's, from :mod:`tidings.api`): the store does not import the timeline.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any, Literal, Protocol

from tidings.errors import TidingsError
from tidings.model import Analysis, Document
from tidings.store.filters import parse_day_bound
from tidings.store.store import Store

# "analysed" comes for each document as soon as the pipeline is done with it (progress);
# "stored" or "present" follows when its batch is written.
Outcome = Literal["analysed", "stored", "present", "failed", "outside"]
Refresher = Callable[[Store], Any]  # returns counts with a summary() of what it did


class Analyzer(Protocol):
    def analyze_many(
        self, documents: Iterable[Document | TidingsError]
    ) -> Iterator[Analysis | TidingsError]: ...


@dataclass
class IngestCounts:
    stored: int = 0  # articles
    present: int = 0
    failed: int = 0
    outside: int = 0  # read, then left out: published outside --since/--until
    quotes: int = 0  # in the articles stored by this run
    events: int = 0
    dated_events: int = 0
    timeline: str = ""  # what the refresh after the batch did

    def summary(self) -> str:
        parts = [
            f"{self.stored} articles stored ({self.quotes} quotes, {self.events} events, "
            f"{self.dated_events} of them dated)",
            f"{self.present} already present",
        ]
        if self.outside:
            parts.append(f"{self.outside} published outside the dates")
        parts.append(f"{self.failed} failed")
        return ", ".join(parts)


OnOutcome = Callable[[Outcome, str, TidingsError | None], None]


@dataclass(frozen=True)
class Selection:
    """Which of the input documents to ingest (see the module's docstring)."""

    since: dt.date | None = None
    until: dt.date | None = None
    sample: int | None = None
    seed: int = 0
    limit: int | None = None

    @staticmethod
    def of(since: str | dt.date | None = None, until: str | dt.date | None = None,
           sample: int | None = None, seed: int = 0,
           limit: int | None = None) -> Selection:  # fmt: skip
        """From user input: dates at year, month or day precision (InputError otherwise)."""
        return Selection(
            since=parse_day_bound(since, end=False) if since is not None else None,
            until=parse_day_bound(until, end=True) if until is not None else None,
            sample=sample, seed=seed, limit=limit,
        )  # fmt: skip

    @property
    def dated(self) -> bool:
        return self.since is not None or self.until is not None

    def inside(self, day: dt.date | None) -> bool:
        if day is None:
            return not self.dated
        return (self.since is None or day >= self.since) and (
            self.until is None or day <= self.until
        )

    def expected(self) -> int | None:
        """How many documents at most this selection passes on, when known."""
        bounds = [n for n in (self.sample, self.limit) if n is not None]
        return min(bounds) if bounds else None


def declared_day(doc: Document) -> dt.date | None | Literal[False]:
    """The publication day a document declares (JSON Lines field, meta.json, a command
    line hint); False when it declares none or one that is not a date."""
    value = doc.hints.get("published")
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return False
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return False


def select(
    items: Iterable[Document | TidingsError], selection: Selection,
    on_outside: Callable[[Document], None] | None = None,
) -> Iterator[Document | TidingsError]:  # fmt: skip
    """The documents ``selection`` keeps before any analysis (its dates and sample; the
    limit is applied by :func:`ingest`), in input order; errors pass through (they are
    reported, not sampled)."""
    kept: Iterator[Document | TidingsError] = iter(items)
    if selection.dated:
        kept = _dated(kept, selection, on_outside)
    if selection.sample is not None:
        kept = _sample(kept, selection.sample, selection.seed)
    return kept


def _dated(
    items: Iterator[Document | TidingsError], selection: Selection,
    on_outside: Callable[[Document], None] | None,
) -> Iterator[Document | TidingsError]:  # fmt: skip
    for item in items:
        if isinstance(item, Document):
            day = declared_day(item)
            # A document declaring no date is decided after extraction (see ingest).
            if day is not False and not selection.inside(day):
                if on_outside is not None:
                    on_outside(item)
                continue
        yield item


def _sample(
    items: Iterator[Document | TidingsError], n: int, seed: int
) -> Iterator[Document | TidingsError]:
    """Reservoir sampling (algorithm R): every document has the same chance n/N."""
    rng = random.Random(seed)
    chosen: list[tuple[int, Document]] = []
    seen = 0
    for item in items:
        if not isinstance(item, Document):
            yield item
            continue
        if len(chosen) < n:
            chosen.append((seen, item))
        else:
            slot = rng.randrange(seen + 1)
            if slot < n:
                chosen[slot] = (seen, item)
        seen += 1
    for _, doc in sorted(chosen, key=lambda pair: pair[0]):
        yield doc


def ingest(
    store: Store,
    items: Iterable[Document | TidingsError],
    make_analyzer: Callable[[], Analyzer],
    on_outcome: OnOutcome | None = None,
    write_batch: int = 64,
    check_batch: int = 256,
    refresh: Refresher | Literal[False] | None = None,
    selection: Selection | None = None,
) -> IngestCounts:
    """Analyse and store every new document in ``items`` that ``selection`` keeps;
    ``on_outcome`` hears of each document as soon as it is analysed (stored, present,
    failed or outside the dates); ``refresh`` rebuilds the derived tables afterwards."""
    counts = IngestCounts()
    selection = selection or Selection()

    limit = selection.limit
    taken = 0  # documents counted against the limit: present, analysed or failed in a stage

    def report(outcome: Outcome, source: str, error: TidingsError | None = None) -> None:
        if outcome != "analysed":
            setattr(counts, outcome, getattr(counts, outcome) + 1)
        if on_outcome is not None:
            on_outcome(outcome, source, error)

    def take() -> None:
        nonlocal taken
        taken += 1

    def full() -> bool:
        return limit is not None and taken >= limit

    items = select(items, selection, lambda doc: report("outside", doc.source))

    seen: set[str] = set()

    def new_items() -> Iterator[Document]:
        # One store lookup per chunk of inputs, not per input: re-runs over a large
        # corpus are bound by reading, not by queries.
        for chunk in _chunks(items, check_batch):
            stored = store.stored(i.content_hash for i in chunk if isinstance(i, Document))
            for item in chunk:
                if full():
                    return
                if isinstance(item, Document):
                    key = item.content_hash
                    if key in seen or key in stored:
                        take()
                        report("present", item.source)
                        continue
                    seen.add(key)
                    yield item
                else:  # an input that could not be read: not counted against the limit
                    report("failed", item.source or "?", item)

    fresh = new_items()
    # Errors before the first new document need no pipeline; nor does a run with nothing new.
    first = next(fresh, None)
    if first is None:
        _finish_refresh(store, counts, refresh or None)
        return counts

    def with_first() -> Iterator[Document | TidingsError]:
        assert first is not None
        yield first
        yield from fresh

    pending: list[Analysis] = []

    def flush() -> None:
        for analysis, result in zip(pending, store.save_many(pending), strict=True):
            source = analysis.document.source
            if isinstance(result, TidingsError):
                report("failed", source, result)
            elif result:
                counts.quotes += len(analysis.quotes)
                counts.events += len(analysis.events)
                counts.dated_events += sum(1 for e in analysis.events if e.date and e.date.value)
                report("stored", source)
            else:
                report("present", source)
        pending.clear()

    for result in make_analyzer().analyze_many(with_first()):
        if full():  # read ahead by the pipeline beyond the limit: not kept
            continue
        if isinstance(result, TidingsError):
            take()
            report("failed", result.source or "?", result)
            continue
        if selection.dated and declared_day(result.document) is False:
            if not selection.inside(result.article.published):
                report("outside", result.document.source)
                continue
        take()
        report("analysed", result.document.source)
        pending.append(result)
        if len(pending) >= write_batch:
            flush()
    flush()
    _finish_refresh(store, counts, refresh or None)
    return counts


def _finish_refresh(store: Store, counts: IngestCounts, refresh: Refresher | None) -> None:
    """Bring duplicates, event instances and findings up to date with the stored
    articles: after new articles, and whenever an earlier refresh was cut short (the
    store's refresh-pending marker is set), even when this run stored nothing."""
    if refresh is None or not store.refresh_pending():
        return
    counts.timeline = refresh(store).summary()


def _chunks(items: Iterable[Document | TidingsError], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
