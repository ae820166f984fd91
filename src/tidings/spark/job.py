"""The Spark job behind ``tidings spark``: inputs in, Parquet tables out.

Stages:

1. **List** (driver): local paths are expanded as ``ingest`` expands them (folders, globs,
   the same errors for missing files, FIFOs …); Hadoop URIs (``hdfs://``, ``s3a://``,
   ``file://`` …) are listed through Hadoop's FileSystem. Each file gets its number in
   reading order.
2. **Read** (one task per file): tidings' own readers turn a file into documents and
   error rows (:func:`tidings.spark.tasks.read_file`). Remote files come through Spark's
   ``binaryFile`` source; local ones are opened by path (every executor must see them:
   local mode, or a shared file system).
3. **Shuffle by content hash**: documents are keyed by content hash and the first copy in
   reading order is kept, so each content is analysed once (as ``ingest`` skips a content
   it has seen); the keys are hashed stably into ``partitions`` partitions, so the records
   of one file (a 10k-line JSON Lines file, a WARC of 40k pages) spread over every task.
4. **Analyse** (one task per partition): the whole pipeline, with one model per executor
   process (:func:`tidings.spark.tasks.analyse_partition`).
5. **Write**: ``articles``, ``quotes`` and ``events`` partitioned by ``month`` of
   publication (``month=undated`` for articles without a date), and ``errors`` (source
   and cause of every input that failed), as Parquet under the output folder.

A rerun over the same inputs writes the same rows: ids are content hashes, partitions
come from a stable hash, and each partition is analysed in input order.
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from tidings.errors import ConfigError, InputError, TidingsError
from tidings.pipeline import Settings
from tidings.sources.dispatch import expand, reader_for
from tidings.sources.text import SIDECAR_SUFFIX
from tidings.spark import tasks
from tidings.spark.rows import (
    ARTICLES,
    ERRORS,
    EVENTS,
    PARTITION_COLUMN,
    QUOTES,
    ddl,
    error_row,
)
from tidings.store.load import OUTPUT_TABLES

URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
PARTITIONS_PER_CORE = 4  # several tasks per core: a slow partition does not hold the job


@dataclass
class JobSettings:
    """Everything ``tidings spark`` can be told."""

    inputs: list[str]
    out: str
    master: str | None = None  # None: spark-submit's, else local[*]
    partitions: int | None = None  # None: PARTITIONS_PER_CORE per core Spark has
    hints: dict[str, Any] = field(default_factory=dict)  # --published, --publisher, --url
    pipeline: Settings = field(default_factory=Settings)
    local_dir: str | None = None  # Spark's scratch space (shuffle files, temporary copies)
    conf: dict[str, str] = field(default_factory=dict)  # further spark.* settings


@dataclass
class JobCounts:
    files: int = 0
    articles: int = 0
    quotes: int = 0
    events: int = 0
    errors: int = 0
    partitions: int = 0
    seconds: float = 0.0  # from the session being ready to the last table written

    def summary(self) -> str:
        return (f"{self.articles} articles, {self.quotes} quotes, {self.events} events, "
                f"{self.errors} errors from {self.files} files in {self.partitions} "
                f"partitions ({self.seconds:.1f} s)")  # fmt: skip


def session(settings: JobSettings) -> Any:
    """A SparkSession for the job: spark-submit's master when launched by it, else
    ``--master`` (default ``local[*]``); no web UI; scratch space in ``local_dir``."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise ConfigError("pyspark is not installed: pip install 'tidings[spark]'") from exc
    builder = SparkSession.builder.appName("tidings")
    master = settings.master
    if master is None and "PYSPARK_GATEWAY_PORT" not in os.environ:  # not under spark-submit
        master = "local[*]"
    if master is not None:
        builder = builder.master(master)
    conf = {
        "spark.ui.enabled": "false",
        "spark.ui.showConsoleProgress": "false",
        "spark.sql.session.timeZone": "UTC",
    }
    if master is not None and master.startswith("local"):
        # executors are this machine's Python workers: the interpreter that runs tidings
        # (pyspark reads the variable, not the spark.pyspark.python setting)
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    if settings.local_dir:
        scratch = str(Path(settings.local_dir).resolve())
        Path(scratch).mkdir(parents=True, exist_ok=True)
        conf.update({
            "spark.local.dir": scratch,
            "spark.sql.warehouse.dir": str(Path(scratch) / "warehouse"),
            "spark.driver.extraJavaOptions": f"-Djava.io.tmpdir={scratch}",
        })  # fmt: skip
    conf.update(settings.conf)
    for key, value in conf.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def run(settings: JobSettings, spark: Any = None) -> JobCounts:
    """Run the job (in ``spark`` if given, else in a session of its own, stopped at the
    end); raises a TidingsError for a bad output folder."""
    check_out(settings.out)
    own = spark is None
    spark = spark or session(settings)
    try:
        return _run(spark, settings)
    finally:
        if own:
            spark.stop()


def check_out(out: str) -> None:
    """Refuse to write into a local folder that holds something other than an earlier
    output (whose tables a rerun replaces)."""
    if URI.match(out) and not out.startswith("file:"):
        return
    path = Path(re.sub(r"^file:(//)?", "", out))
    if path.exists() and not path.is_dir():
        raise InputError("is a file: give a folder for the tables", source=out)
    if path.is_dir():
        names = {p.name for p in path.iterdir()}
        if names and not names & set(OUTPUT_TABLES):
            raise InputError("folder holds other files: refusing to write the tables into it "
                             "(give a new or an earlier output folder)", source=out)  # fmt: skip


def _run(spark: Any, settings: JobSettings) -> JobCounts:
    from pyspark import StorageLevel

    sc = spark.sparkContext
    start = time.perf_counter()
    files, listing_errors = list_inputs(spark, settings.inputs)
    partitions = settings.partitions or max(1, sc.defaultParallelism * PARTITIONS_PER_CORE)
    spark.conf.set("spark.sql.shuffle.partitions", str(partitions))
    hints = {k: v for k, v in settings.hints.items() if v is not None}
    scratch = settings.local_dir
    local = [f for f in files if not f.remote]
    remote = {f.source: f for f in files if f.remote}
    parts = [sc.parallelize(listing_errors, 1)] if listing_errors else []
    if local:
        read = partial(_read_local, hints=hints, scratch=scratch)
        parts.append(sc.parallelize(local, len(local)).flatMap(read))
    if remote:
        read_bytes = partial(_read_remote, files=remote, hints=hints, scratch=scratch)
        pages = spark.read.format("binaryFile").load(sorted(remote))
        parts.append(pages.select("path", "content").rdd.flatMap(read_bytes))
    counts = JobCounts(files=len(files), partitions=partitions)
    if not parts:
        parts.append(sc.emptyRDD())
    items = sc.union(parts) if len(parts) > 1 else parts[0]
    actors = settings.pipeline.actors_file
    if actors is not None:  # every executor gets a copy: it need not see the driver's files
        sc.addFile(str(Path(actors).resolve()))
    analyse = partial(tasks.analyse_partition, settings=settings.pipeline,
                      shipped=actors is not None)  # fmt: skip
    rows = (
        items.keyBy(tasks.item_key)
        .reduceByKey(tasks.first_read, partitions, tasks.partition_of)
        .mapPartitions(analyse)
        .persist(StorageLevel.MEMORY_AND_DISK)
    )
    try:
        for table in OUTPUT_TABLES:
            _write(spark, rows, table, settings.out)
        found = rows.countByKey()
    finally:
        rows.unpersist()
    counts.articles, counts.quotes = found.get(ARTICLES, 0), found.get(QUOTES, 0)
    counts.events, counts.errors = found.get(EVENTS, 0), found.get(ERRORS, 0)
    counts.seconds = time.perf_counter() - start
    return counts


def _read_local(file: tasks.InputFile, hints: dict[str, Any], scratch: str | None
                ) -> Iterator[tasks.Item]:  # fmt: skip
    return tasks.read_file(file, hints, scratch=tasks.scratch_folder(scratch))


def _read_remote(row: Any, files: dict[str, tasks.InputFile], hints: dict[str, Any],
                 scratch: str | None) -> Iterator[tasks.Item]:  # fmt: skip
    file = files[row.path]
    return tasks.read_file(file, hints, bytes(row.content), tasks.scratch_folder(scratch))


def _write(spark: Any, rows: Any, table: str, out: str) -> None:
    """One table as Parquet under ``out/table``, replacing an earlier run's; rows sorted
    (one file per month, rows by article and position) so reruns write the same files."""
    selected = rows.filter(lambda row, name=table: row[0] == name).values()
    frame = spark.createDataFrame(selected, ddl(table))
    target = out.rstrip("/") + "/" + table
    if table == ERRORS:
        frame = frame.coalesce(1).sortWithinPartitions("input_file", "input_record")
        frame.write.mode("overwrite").parquet(target)
        return
    order = ["doc_id"] + (["ordinal"] if table != ARTICLES else [])
    frame = frame.repartition(PARTITION_COLUMN).sortWithinPartitions(PARTITION_COLUMN, *order)
    frame.write.mode("overwrite").partitionBy(PARTITION_COLUMN).parquet(target)


# ---- listing ---------------------------------------------------------------------------------


def list_inputs(spark: Any, inputs: Iterable[str]
                ) -> tuple[list[tasks.InputFile], list[tasks.Item]]:  # fmt: skip
    """The input files in reading order, and an error item for each input that names
    nothing readable (numbered in the same order)."""
    files: list[tasks.InputFile] = []
    errors: list[tasks.Item] = []

    def failed(error: TidingsError) -> None:
        n = len(files) + len(errors)
        errors.append((n, 0, error_row(error, n, 0)))

    for raw in inputs:
        if raw.lower().startswith(("http://", "https://")):
            failed(InputError("the Spark job reads files, not web pages: fetch them with "
                              "`tidings fetch` or into a WARC first", source=raw))  # fmt: skip
        elif URI.match(raw):
            for uri in _list_uri(spark, raw):
                if isinstance(uri, TidingsError):
                    failed(uri)
                else:
                    files.append(tasks.InputFile(len(files) + len(errors), uri, remote=True))
        else:
            for path in expand([raw]):
                if isinstance(path, TidingsError):
                    failed(path)
                else:
                    files.append(tasks.InputFile(len(files) + len(errors), str(path)))
    return _with_sidecars(spark, files), errors


def _list_uri(spark: Any, uri: str) -> list[str | TidingsError]:
    """The files a Hadoop URI (a file, a folder listed recursively, or a glob) names,
    as Spark spells them, sorted; names starting with "." or "_" inside a folder
    (Hadoop's hidden files: ``_SUCCESS``, ``_temporary``) and sidecar files left out."""
    sc = spark.sparkContext
    try:
        path = sc._jvm.org.apache.hadoop.fs.Path(uri)
        fs = path.getFileSystem(sc._jsc.hadoopConfiguration())
        found: list[str] = []
        for status in fs.globStatus(path) or []:
            if not status.isDirectory():
                found.append(status.getPath().toString())
                continue
            root = status.getPath().toString().rstrip("/")
            listing = fs.listFiles(status.getPath(), True)
            while listing.hasNext():
                name = listing.next().getPath().toString()
                if not any(p.startswith((".", "_")) for p in name[len(root) :].split("/")):
                    found.append(name)
    except Exception as exc:  # noqa: BLE001 - py4j wraps every Java exception
        cause = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return [InputError(f"cannot list: {cause[:300]}", source=uri)]
    kept: list[str | TidingsError] = [
        f for f in sorted(set(found)) if not f.endswith(SIDECAR_SUFFIX)
    ]
    return kept or [InputError("no such file or folder", source=uri)]


def _with_sidecars(spark: Any, files: list[tasks.InputFile]) -> list[tasks.InputFile]:
    """Remote text files with the text of their ``NAME.meta.json``, when there is one
    (read here: they are small, and executors cannot open a Hadoop URI by themselves)."""
    wanted: dict[str, int] = {}
    for n, f in enumerate(files):
        if f.remote and reader_for(Path(f.source.rsplit("/", 1)[-1])) == "text":
            folder, name = f.source.rsplit("/", 1)
            wanted[f"{folder}/{name.split('.')[0]}{SIDECAR_SUFFIX}"] = n
    if not wanted:
        return files
    sc = spark.sparkContext
    jvm = sc._jvm
    present = []
    for uri in wanted:
        path = jvm.org.apache.hadoop.fs.Path(uri)
        if path.getFileSystem(sc._jsc.hadoopConfiguration()).exists(path):
            present.append(uri)
    if not present:
        return files
    texts = dict(sc.wholeTextFiles(",".join(present)).collect())
    out = list(files)
    for uri, text in texts.items():
        if uri in wanted:
            f = out[wanted[uri]]
            out[wanted[uri]] = tasks.InputFile(f.index, f.source, f.remote, text)
    return out
