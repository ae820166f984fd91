"""Pipeline throughput: tidings (sources → events, no store) beside a bare ``nlp.pipe``.

Both sides get the same first N documents of a corpus and the same number of processes;
each runs in its own fresh child process (so one's model and memory do not count against
the other), and times start after the model is loaded. The bare side is
``spacy.load(MODEL)`` with every component its package enables and default settings, fed
the raw document texts in batches of tidings' batch size. tidings reads the corpus itself
(sources are part of its time), extracts, parses and runs every stage. The ratio is
tidings articles/s over spaCy articles/s measured in the same run: above 1.0 means our own
stages are paid for by the spaCy work tidings skips.

Peak memory is the highest sum of resident set sizes over the child and its worker
processes, sampled every 50 ms (an overestimate when forked workers share pages).
CPU seconds are summed over the same process tree, which is the fairer figure when other
jobs share the machine.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

DEFAULT_CORPUS = Path("../shared/corpus/allsides-10k.jsonl.gz")
DEFAULT_LIMIT = 500
SAMPLE_SECONDS = 0.05


class TreeSampler:
    """Samples RSS (summed) and CPU time of this process and its descendants."""

    def __init__(self) -> None:
        self.peak_bytes = 0
        self._cpu: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeSampler:
        self._cpu_start = self._own_cpu()
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()

    @staticmethod
    def _own_cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime

    def _sample(self) -> None:
        try:
            import psutil
        except ImportError:  # no psutil: this process's high-water mark only
            self.peak_bytes = max(
                self.peak_bytes, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
            )
            return
        me = psutil.Process()
        total = 0
        for proc in [me, *me.children(recursive=True)]:
            try:
                total += proc.memory_info().rss
                if proc.pid != me.pid:
                    times = proc.cpu_times()
                    self._cpu[proc.pid] = times.user + times.system
            except psutil.Error:  # it ended between listing and reading
                continue
        self.peak_bytes = max(self.peak_bytes, total)

    def _run(self) -> None:
        while not self._stop.wait(SAMPLE_SECONDS):
            self._sample()

    @property
    def cpu_seconds(self) -> float:
        return self._own_cpu() - self._cpu_start + sum(self._cpu.values())


@dataclass
class Phase:
    seconds: float
    cpu_seconds: float
    peak_rss_mb: float
    articles: int
    extra: dict[str, Any]


def corpus_texts(corpus: Path, limit: int) -> list[str]:
    """The raw texts of the first ``limit`` readable documents of a corpus."""
    from tidings.model import Document
    from tidings.sources import iter_documents

    docs = (d for d in iter_documents([str(corpus)]) if isinstance(d, Document))
    return [d.content for d in islice(docs, limit)]


def spacy_phase(corpus: Path, limit: int, processes: int) -> Phase:
    """A bare ``nlp.pipe`` of the full default pipeline over the raw texts.

    The batch size is tidings' own: spaCy's default (1000) would hand a 500-text run to a
    single process and make the baseline look slower than it is.
    """
    import spacy

    from tidings.nlp import MODEL
    from tidings.pipeline import Settings

    texts = corpus_texts(corpus, limit)
    nlp = spacy.load(MODEL)
    batch = Settings().batch_size
    with TreeSampler() as sampler:
        start = time.perf_counter()
        docs = nlp.pipe(texts, n_process=processes, batch_size=batch)
        tokens = sum(len(doc) for doc in docs)
        seconds = time.perf_counter() - start
    return Phase(
        seconds,
        sampler.cpu_seconds,
        sampler.peak_bytes / 2**20,
        len(texts),
        {"components": list(nlp.pipe_names), "tokens": tokens},
    )


def tidings_phase(corpus: Path, limit: int, processes: int) -> Phase:
    """The whole pipeline from reading the corpus to coded events, without the store."""
    from tidings.errors import TidingsError
    from tidings.pipeline import Pipeline, Settings
    from tidings.sources import iter_documents

    pipeline = Pipeline(Settings(n_process=processes))
    counts = {"quotes": 0, "events": 0, "dates": 0, "mentions": 0, "failed": 0}
    articles = 0
    with TreeSampler() as sampler:
        start = time.perf_counter()
        items = islice(iter_documents([str(corpus)]), limit)
        for result in pipeline.analyze_many(items):
            articles += 1
            if isinstance(result, TidingsError):
                counts["failed"] += 1
                continue
            for name in ("quotes", "events", "dates", "mentions"):
                counts[name] += len(getattr(result, name))
        seconds = time.perf_counter() - start
    total = sum(pipeline.stage_seconds.values()) or 1.0
    shares = {k: round(v / total, 4) for k, v in pipeline.stage_seconds.items()}
    extra: dict[str, Any] = dict(counts)
    extra.update(
        stage_share=shares, components=list(pipeline.nlp.pipe_names), processes=pipeline.processes()
    )
    return Phase(seconds, sampler.cpu_seconds, sampler.peak_bytes / 2**20, articles, extra)


def _in_child(fn: Any, *args: Any) -> Phase:
    """Run one phase in a fresh interpreter, so phases do not share memory or warm caches."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=context) as pool:
        result: Phase = pool.submit(fn, *args).result()
    return result


def run(
    corpus: Path = DEFAULT_CORPUS, limit: int = DEFAULT_LIMIT, processes: int = 0, rounds: int = 1
) -> dict[str, Any]:
    """Both phases ``rounds`` times, alternating (spaCy first); the figures of the sums."""
    from tidings.pipeline import worker_count

    processes = worker_count(processes)
    bare: list[Phase] = []
    ours: list[Phase] = []
    for _ in range(max(1, rounds)):
        bare.append(_in_child(spacy_phase, corpus, limit, processes))
        ours.append(_in_child(tidings_phase, corpus, limit, processes))
    return figures(bare, ours, processes)


def figures(bare: list[Phase], ours: list[Phase], processes: int) -> dict[str, Any]:
    articles = ours[0].articles
    t_sec = sum(p.seconds for p in ours)
    s_sec = sum(p.seconds for p in bare)
    t_cpu = sum(p.cpu_seconds for p in ours)
    s_cpu = sum(p.cpu_seconds for p in bare)
    n_t = sum(p.articles for p in ours)
    n_s = sum(p.articles for p in bare)
    tidings_per_s = n_t / t_sec if t_sec else 0.0
    spacy_per_s = n_s / s_sec if s_sec else 0.0
    last = ours[-1].extra
    return {
        "articles": articles,
        "tidings_per_s": round(tidings_per_s, 3),
        "spacy_per_s": round(spacy_per_s, 3),
        "ratio": round(tidings_per_s / spacy_per_s, 3) if spacy_per_s else 0.0,
        "peak_rss_mb": round(max(p.peak_rss_mb for p in ours), 1),
        "spacy_peak_rss_mb": round(max(p.peak_rss_mb for p in bare), 1),
        "ratio_cpu": round((s_cpu / n_s) / (t_cpu / n_t), 3) if t_cpu and n_s else 0.0,
        "tidings_cpu_s_per_article": round(t_cpu / n_t, 4) if n_t else 0.0,
        "spacy_cpu_s_per_article": round(s_cpu / n_s, 4) if n_s else 0.0,
        "quotes_per_s": round(sum(p.extra["quotes"] for p in ours) / t_sec, 3) if t_sec else 0.0,
        "events_per_s": round(sum(p.extra["events"] for p in ours) / t_sec, 3) if t_sec else 0.0,
        "quotes": last["quotes"],
        "events": last["events"],
        "dates": last["dates"],
        "failed": last["failed"],
        "processes": processes,
        "rounds": len(ours),
        "stage_share": last["stage_share"],
        "tidings_components": last["components"],
        "spacy_components": bare[-1].extra["components"],
        "cpus": os.cpu_count(),
    }


def markdown(fig: dict[str, Any], corpus: Path) -> str:
    """The figures as a markdown table (what ``make bench`` writes)."""
    rows = [
        ("articles", fig["articles"]),
        ("tidings articles/s", fig["tidings_per_s"]),
        ("spaCy nlp.pipe articles/s", fig["spacy_per_s"]),
        ("ratio (tidings / spaCy)", fig["ratio"]),
        ("ratio by CPU time", fig["ratio_cpu"]),
        ("peak RSS, tidings (MB)", fig["peak_rss_mb"]),
        ("peak RSS, spaCy (MB)", fig["spacy_peak_rss_mb"]),
        ("quotes/s", fig["quotes_per_s"]),
        ("events/s", fig["events_per_s"]),
        ("failed inputs", fig["failed"]),
        ("processes (each side)", fig["processes"]),
        ("tidings spaCy components", ", ".join(fig["tidings_components"])),
        ("spaCy components", ", ".join(fig["spacy_components"])),
    ]
    rows += [(f"share of stage time: {k}", f"{v:.1%}") for k, v in fig["stage_share"].items()]
    lines = [
        "# Pipeline throughput",
        "",
        f"Corpus `{corpus}`, first {fig['articles']} articles, {fig['rounds']} round(s), "
        f"{fig['cpus']} CPUs.",
        "",
        "| figure | value |",
        "|---|---|",
    ]
    lines += [f"| {name} | {value} |" for name, value in rows]
    return "\n".join(lines) + "\n"
