"""The pipeline: sources → extract → nlp → actors → quotes → dates → events.

Data flows one way; each stage is a pure function of the outputs of the stages before it.
A failure in one document's stage becomes a :class:`StageError` for that document and the
batch goes on.

Speed: documents go through in chunks of ``Settings.batch_size``. A job of more than one
chunk runs in ``Settings.n_process`` worker processes, each holding its own copy of the
model and running *every* stage (extract → events) on the chunks it is given, so both the
spaCy work and our own use all cores and only small records cross between processes (not
spaCy Docs). Results come back in input order. The time each stage takes is summed in
:attr:`Pipeline.stage_seconds` (workers report theirs with each chunk).
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from itertools import chain
from pathlib import Path
from typing import Any

from tidings.actors import load_dictionary, resolve_actors
from tidings.dates import resolve_dates
from tidings.errors import InputError, StageError, TidingsError
from tidings.events import code_events
from tidings.extract import extract_article
from tidings.model import ActorMention, Analysis, Article, DateMention, Document, Event, Quote
from tidings.nlp import load_nlp
from tidings.quotes import extract_quotes

STAGES: tuple[str, ...] = ("extract", "nlp", "actors", "quotes", "dates", "events")
MAX_AUTO_PROCESSES = 4  # each worker holds a model copy (~250 MB): cap what "auto" takes


@dataclass
class Settings:
    """Everything a run can be told, in one object passed down the stages."""

    actors_file: Path | None = None  # extra TABARI/PETRARCH actor dictionary
    batch_size: int = 32  # documents per chunk (what one worker takes at a time)
    # Documents per spaCy minibatch inside a chunk. Measured on the allsides corpus (CPU
    # seconds for 100 articles): 4-16 run tok2vec about 30% faster than 32, 256 or spaCy's
    # 1000, whose larger padded arrays fall out of cache; the other components do not care.
    nlp_batch_size: int = 8
    # Worker processes for jobs of more than one batch; 0 = one per available core (at
    # most MAX_AUTO_PROCESSES); 1 = everything in this process.
    n_process: int = 0
    # Nothing disabled: every component has a reader downstream (checked by grep over the
    # stage packages): ents by actors, quotes and dates (PERSON/ORG/DATE); lemma_ by quotes
    # and events; dep_/head by quotes, events and dates; pos_/tag_ (tagger + attribute
    # ruler) by all of them. Speed comes instead from tidings.nlp.speed (same output,
    # faster attribute ruler and lemmatizer), nlp_batch_size, and whole-pipeline workers.
    spacy_disable: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)


def worker_count(requested: int) -> int:
    """``requested`` if positive, else one per available core (at most MAX_AUTO_PROCESSES)."""
    if requested > 0:
        return requested
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_AUTO_PROCESSES))


Item = Document | TidingsError
Found = tuple[Article, list[ActorMention], list[Quote], list[DateMention], list[Event]]


class Pipeline:
    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.nlp = load_nlp(self.settings.spacy_disable)
        # The user's actor dictionary, read once; its entries outrank the built-in gazetteer.
        self.actors = load_dictionary(self.settings.actors_file) if self.settings.actors_file \
            else None  # fmt: skip
        self.stage_seconds: dict[str, float] = dict.fromkeys(STAGES, 0.0)

    def processes(self) -> int:
        """How many worker processes a large job uses."""
        return worker_count(self.settings.n_process)

    def analyze(self, document: Document) -> Analysis:
        """One document through every stage; raises a TidingsError naming the cause."""
        for result in self.analyze_many([document]):
            if isinstance(result, TidingsError):
                raise result
            return result
        raise InputError("nothing came out of the pipeline", source=document.source)

    def analyze_many(self, documents: Iterable[Item]) -> Iterator[Analysis | TidingsError]:
        """Each document's Analysis (or its error), in input order, parsing in batches."""
        chunks = _chunks(documents, max(1, self.settings.batch_size))
        first = next(chunks, None)
        if first is None:
            return
        second = next(chunks, None)
        if second is None or self.processes() < 2:  # a small job is not worth a pool
            for chunk in chain([first], [second] if second else [], chunks):
                yield from _assemble(chunk, self.analyze_chunk(_documents(chunk)))
            return
        yield from self._analyze_in_workers(chain([first, second], chunks))

    def analyze_chunk(self, documents: list[Document]) -> list[Found | TidingsError]:
        """Every stage over a few documents in this process, timing each stage."""
        clock = self.stage_seconds
        results: list[Found | TidingsError] = []
        extracted: list[tuple[int, Document, Article]] = []
        for document in documents:
            start = time.perf_counter()
            try:
                article = extract_article(document)
            except TidingsError as exc:
                results.append(exc)
                continue
            except Exception as exc:  # a bug in extract must not stop the batch
                results.append(StageError(repr(exc), stage="extract", source=document.source))
                continue
            finally:
                clock["extract"] += time.perf_counter() - start
            limit = self.nlp.max_length
            if len(article.body) > limit:
                # spaCy refuses such a text (E088) and would take the whole chunk with it
                cause = (f"article is {len(article.body):,} characters, over the "
                         f"{limit:,}-character limit of the NLP stage")  # fmt: skip
                results.append(InputError(cause, source=document.source))
                continue
            extracted.append((len(results), document, article))
            results.append(InputError("not analysed", source=document.source))  # placeholder
        start = time.perf_counter()
        parsed = self._parse([article.body for _, _, article in extracted])
        clock["nlp"] += time.perf_counter() - start
        for (slot, document, article), sdoc in zip(extracted, parsed, strict=True):
            if isinstance(sdoc, Exception):
                results[slot] = StageError(repr(sdoc), stage="nlp", source=document.source)
                continue
            stage = "actors"
            try:
                start = time.perf_counter()
                mentions = resolve_actors(sdoc, article, self.actors)
                stage = _lap(clock, stage, "quotes", start)
                start = time.perf_counter()
                quotes = extract_quotes(sdoc, article, mentions)
                stage = _lap(clock, stage, "dates", start)
                start = time.perf_counter()
                dates = resolve_dates(sdoc, article)
                stage = _lap(clock, stage, "events", start)
                start = time.perf_counter()
                events = code_events(sdoc, article, mentions, quotes, dates)
                _lap(clock, stage, "", start)
            except TidingsError as exc:
                results[slot] = exc
                continue
            except Exception as exc:
                results[slot] = StageError(repr(exc), stage=stage, source=document.source)
                continue
            results[slot] = (article, mentions, quotes, dates, events)
        return results

    def _parse(self, texts: list[str]) -> list[Any]:
        """spaCy Docs for ``texts``; when the batch fails, each text is parsed alone so
        that one bad text costs only itself (its slot holds the exception)."""
        batch_size = max(1, self.settings.nlp_batch_size)
        try:
            return list(self.nlp.pipe(texts, batch_size=batch_size))
        except Exception:  # noqa: BLE001 - retried one by one below
            return [self._parse_one(t) for t in texts]

    def _parse_one(self, text: str) -> Any:
        try:
            return self.nlp(text)
        except Exception as exc:  # noqa: BLE001 - reported as this document's StageError
            return exc

    def _analyze_in_workers(
        self, chunks: Iterator[list[Item]]
    ) -> Iterator[Analysis | TidingsError]:
        n = self.processes()
        methods = multiprocessing.get_all_start_methods()
        # fork: workers inherit the model this process already loaded (no reload per worker)
        context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        settings = replace(self.settings, n_process=1)
        pool = ProcessPoolExecutor(
            n, mp_context=context, initializer=_start_worker, initargs=(settings, os.getpid())
        )
        pending: deque[tuple[list[Item], Future[_Reply]]] = deque()
        broken = False
        try:
            for chunk in chunks:
                if broken:
                    yield from _assemble(chunk, self.analyze_chunk(_documents(chunk)))
                    continue
                pending.append((chunk, pool.submit(_work, _documents(chunk))))
                while len(pending) > 2 * n:  # bounded: input is read as fast as it is used
                    broken = yield from self._collect(*pending.popleft())
            while pending:
                broken = (yield from self._collect(*pending.popleft())) or broken
        finally:
            pool.shutdown(wait=False, cancel_futures=True)

    def _collect(
        self, chunk: list[Item], future: Future[_Reply]
    ) -> Generator[Analysis | TidingsError, None, bool]:
        """Yield one chunk's results; True when the pool broke and the chunk ran here."""
        try:
            found, seconds = future.result()
        except BrokenProcessPool:  # a worker died (killed, out of memory): finish here
            yield from _assemble(chunk, self.analyze_chunk(_documents(chunk)))
            return True
        for stage, value in seconds.items():
            self.stage_seconds[stage] = self.stage_seconds.get(stage, 0.0) + value
        yield from _assemble(chunk, [_revive(x) for x in found])
        return False


def _lap(clock: dict[str, float], stage: str, following: str, start: float) -> str:
    clock[stage] += time.perf_counter() - start
    return following


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _documents(chunk: list[Item]) -> list[Document]:
    return [x for x in chunk if isinstance(x, Document)]


def _assemble(
    chunk: list[Item], found: list[Found | TidingsError]
) -> Iterator[Analysis | TidingsError]:
    """Chunk items back in order: input errors as they were, documents with their results."""
    results = iter(found)
    for item in chunk:
        if isinstance(item, TidingsError):
            yield item
            continue
        result = next(results)
        if isinstance(result, TidingsError):
            yield result
            continue
        article, mentions, quotes, dates, events = result
        yield Analysis(
            document=item,
            article=article,
            mentions=mentions,
            quotes=quotes,
            dates=dates,
            events=events,
        )


# --- worker processes -------------------------------------------------------------------


@dataclass
class _Failure:
    """A TidingsError in a form that crosses processes (StageError's keyword-only
    constructor does not survive pickling)."""

    kind: type[TidingsError]
    text: str
    state: dict[str, Any]


def _portable(result: Found | TidingsError) -> Found | _Failure:
    if isinstance(result, TidingsError):
        return _Failure(type(result), str(result), dict(vars(result)))
    return result


def _revive(result: Found | _Failure) -> Found | TidingsError:
    if isinstance(result, _Failure):
        exc = result.kind.__new__(result.kind)
        Exception.__init__(exc, result.text)
        vars(exc).update(result.state)
        return exc
    return result


_Reply = tuple[list[Found | _Failure], dict[str, float]]
_worker: Pipeline | None = None


def _start_worker(settings: Settings, parent: int | None = None) -> None:
    global _worker
    if parent is not None:
        die_with_parent(parent)
    _worker = Pipeline(settings)


PARENT_POLL_SECONDS = 1.0


def die_with_parent(parent: int) -> None:
    """End this (worker) process when process ``parent`` dies, even by ``kill -9``, so no
    worker lives on holding the store open: the kernel's parent-death signal on Linux,
    and everywhere a daemon thread that notices the process being re-parented."""
    import signal
    import sys
    import threading

    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            pr_set_pdeathsig = 1
            libc.prctl(pr_set_pdeathsig, int(signal.SIGKILL), 0, 0, 0)
        except (OSError, AttributeError):  # pragma: no cover - no libc prctl
            pass
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(PARENT_POLL_SECONDS)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="tidings-parent-watch", daemon=True).start()


def _work(documents: list[Document]) -> _Reply:
    assert _worker is not None, "worker used before _start_worker"
    before = dict(_worker.stage_seconds)
    found = _worker.analyze_chunk(documents)
    seconds = {k: v - before.get(k, 0.0) for k, v in _worker.stage_seconds.items()}
    return [_portable(x) for x in found], seconds
