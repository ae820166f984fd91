"""``tidings bench spark``: the Spark job on local[1] and local[2] beside ``ingest`` on the
same machine and the same first N corpus articles.

Each side reads the same JSON Lines file (the first N records of the corpus, written to a
temporary folder) and is timed by the wall clock from its start to its last write, the
model loading included (``ingest`` loads it once per worker process, the Spark job once
per executor process): what a user waits for. The Spark figures leave out only the JVM's
start (reported apart: a cluster pays it once per job, not per article). ``load`` of the
local[2] output into a fresh store is timed too, since it runs on one machine whatever
the size of the cluster. CPU seconds are summed over this process and every process
under it (the JVM, Spark's Python workers, ingest's workers), the fairer figure on a
machine other jobs share. The scaling ratio is local[2] articles/s over local[1]
articles/s: 2.0 would be perfect use of the second core.
"""

from __future__ import annotations

import gzip
import tempfile
import time
from itertools import islice
from pathlib import Path
from typing import Any

from tidings.benchmarks.pipeline import SAMPLE_SECONDS, TreeSampler

DEFAULT_CORPUS = Path("../shared/corpus/allsides-10k.jsonl.gz")


def _subset(corpus: Path, limit: int | None, folder: Path) -> Path:
    """The first ``limit`` records of the corpus as a file of their own."""
    path = folder / "subset.jsonl.gz"
    opener: Any = gzip.open if corpus.name.endswith(".gz") else open
    with opener(corpus, "rb") as src, gzip.open(path, "wb", compresslevel=1) as out:
        out.writelines(islice(src, limit))
    return path


def _ingest(path: Path, folder: Path) -> dict[str, Any]:
    from tidings.pipeline import Pipeline, Settings
    from tidings.sources import iter_documents
    from tidings.store import Store, ingest
    from tidings.timeline.refresh import refresh

    start = time.perf_counter()
    pipeline: list[Pipeline] = []

    def make() -> Pipeline:
        pipeline.append(Pipeline(Settings()))
        return pipeline[0]

    with TreeSampler() as sampler, Store(folder / "ingest.duckdb") as store:
        counts = ingest(store, iter_documents([str(path)]), make, refresh=refresh)
    seconds = time.perf_counter() - start
    processes = pipeline[0].processes() if pipeline else 0
    return _figures(counts.stored, seconds, sampler.cpu_seconds, processes=processes)


def _figures(articles: int, seconds: float, cpu: float, **more: Any) -> dict[str, Any]:
    return {"articles": articles, "seconds": seconds, "cpu_seconds": cpu,
            "per_second": articles / seconds if seconds else 0.0,
            "per_cpu_second": articles / cpu if cpu else 0.0, **more}  # fmt: skip


def _spark(path: Path, folder: Path, cores: int, partitions: int | None) -> dict[str, Any]:
    from tidings.spark.job import JobSettings, run, session

    out = folder / f"spark-local{cores}"
    settings = JobSettings(inputs=[str(path)], out=str(out), master=f"local[{cores}]",
                           partitions=partitions, local_dir=str(folder / "scratch"))  # fmt: skip
    with TreeSampler() as sampler:
        start = time.perf_counter()
        spark = session(settings)
        started = time.perf_counter() - start
        before = sampler.cpu_seconds  # the JVM's start is not the job's
        try:
            counts = run(settings, spark)
        finally:
            spark.stop()
        cpu = sampler.cpu_seconds - before
    return _figures(counts.articles, counts.seconds, cpu, jvm_seconds=started,
                    partitions=counts.partitions, out=str(out))  # fmt: skip


def _load(out: str, folder: Path) -> dict[str, Any]:
    from tidings.api import Tidings

    with TreeSampler() as sampler:
        # the sampler counts each process's CPU since it started: Spark's JVM lives on in
        # this process after the runs before, so only what load adds to it is counted
        time.sleep(3 * SAMPLE_SECONDS)
        before = sampler.cpu_seconds
        start = time.perf_counter()
        with Tidings(folder / "load.duckdb") as api:
            counts = api.load(out)
        seconds = time.perf_counter() - start
        time.sleep(3 * SAMPLE_SECONDS)
        cpu = sampler.cpu_seconds - before
    return _figures(counts.stored, seconds, cpu)


def run(corpus: Path = DEFAULT_CORPUS, limit: int | None = 300,
        partitions: int | None = None) -> dict[str, Any]:  # fmt: skip
    """Figures of ingest, Spark local[1], Spark local[2] and load on the same articles."""
    with tempfile.TemporaryDirectory(prefix="tidings-bench-spark-") as tmp:
        folder = Path(tmp)
        path = _subset(corpus, limit, folder)
        figures: dict[str, Any] = {"corpus": str(corpus), "limit": limit}
        figures["ingest"] = _ingest(path, folder)
        figures["local1"] = _spark(path, folder, 1, partitions)
        figures["local2"] = _spark(path, folder, 2, partitions)
        figures["load"] = _load(figures["local2"]["out"], folder)
    one, two = figures["local1"]["per_second"], figures["local2"]["per_second"]
    figures["scaling"] = two / one if one else 0.0
    return figures


def markdown(figures: dict[str, Any]) -> str:
    ingest, one, two, load = (figures[k] for k in ("ingest", "local1", "local2", "load"))
    rows = [
        ("ingest", f"{ingest['processes']} processes", ingest),
        ("spark local[1]", f"{one['partitions']} partitions", one),
        ("spark local[2]", f"{two['partitions']} partitions", two),
        ("load (local[2] output)", "one process", load),
    ]
    lines = ["| run | setting | articles | seconds | articles/s | CPU s | articles/CPU s |",
             "|---|---|---|---|---|---|---|"]  # fmt: skip
    for name, setting, f in rows:
        lines.append(f"| {name} | {setting} | {f['articles']} | {f['seconds']:.1f} | "
                     f"{f['per_second']:.2f} | {f['cpu_seconds']:.0f} | "
                     f"{f['per_cpu_second']:.2f} |")  # fmt: skip
    lines.append("")
    versus = two["per_second"] / ingest["per_second"] if ingest["per_second"] else 0.0
    lines.append(f"Scaling local[2] / local[1]: {figures['scaling']:.2f}; Spark local[2] / "
                 f"ingest: {versus:.2f} (JVM start {one['jvm_seconds']:.1f} s and "
                 f"{two['jvm_seconds']:.1f} s, not counted).")  # fmt: skip
    return "\n".join(lines) + "\n"
