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
5. **Write**: ``articles``, ``quotes`` and ``events`` (the public records of
   :mod:`tidings.shapes`, as ``tidings export`` writes them, see
   :mod:`tidings.spark.rows`) partitioned by ``month`` of publication
   (``month=undated`` for articles without a date), and ``errors`` (source and cause of
   every input that failed), as Parquet under the output folder.

Settings are checked, and local inputs listed, before a Spark session starts: a bad
setting, or inputs that name nothing readable, fail at once, without a JVM.

A rerun over the same inputs writes the same rows: ids are content hashes, partitions
come from a stable hash, and each partition is analysed in input order.
"""

from __future__ import annotations

import os
import re
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
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
MAX_PARTITIONS = 1_000_000
# The master URLs Spark accepts (spark.apache.org/docs/latest/submitting-applications.html).
MASTER = re.compile(
    r"^(local(\[(\*|[1-9]\d*)(,\s*[1-9]\d*)?\])?|local-cluster\[\d+,\s*\d+,\s*\d+\]"
    r"|yarn|(spark|mesos|k8s)://\S+)$"
)
PROGRESS_SECONDS = 0.5  # how often the documents analysed so far are reported
OnProgress = Callable[[int], None]  # hears the number of documents analysed so far


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
    try:
        spark = builder.getOrCreate()
    except Exception as exc:  # noqa: BLE001 - no Java, a master that cannot be reached …
        raise ConfigError(f"cannot start Spark: {_first_line(exc)}") from exc
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:300] if text else type(exc).__name__


def run(settings: JobSettings, spark: Any = None,
        on_progress: OnProgress | None = None) -> JobCounts:  # fmt: skip
    """Run the job (in ``spark`` if given, else in a session of its own, stopped at the
    end); ``on_progress`` hears how many documents are analysed, twice a second. Raises
    a TidingsError, before any Spark session starts when it can, for a bad setting or
    output folder, or when no input names a readable file."""
    check_settings(settings)
    listing = None
    if not any(_is_uri(raw) for raw in settings.inputs):  # listed without Spark
        listing = list_inputs(None, settings.inputs)
        check_readable(*listing)
    own = spark is None
    spark = spark or session(settings)
    try:
        if listing is None:
            listing = list_inputs(spark, settings.inputs)
            check_readable(*listing)
        return _run(spark, settings, *listing, on_progress)
    finally:
        if own:
            spark.stop()


def check_settings(settings: JobSettings) -> None:
    """The job's settings, checked before anything runs (an InputError or ConfigError)."""
    check_out(settings.out)
    if settings.master is not None:
        check_master(settings.master)
    if settings.partitions is not None and not 1 <= settings.partitions <= MAX_PARTITIONS:
        raise ConfigError(f"partitions must be from 1 to {MAX_PARTITIONS}, "
                          f"not {settings.partitions}")  # fmt: skip
    if settings.local_dir is not None:
        check_local_dir(settings.local_dir)


def check_master(master: str) -> None:
    """A Spark master URL: local, local[N], local[*], yarn, spark://HOST:PORT …"""
    if not MASTER.match(master):
        raise ConfigError(f"{master!r} is not a Spark master URL: give local[*], local[N], "
                          "yarn, spark://HOST:PORT, k8s://… or mesos://…")  # fmt: skip


def check_local_dir(folder: str) -> None:
    """A folder Spark can use (or create) for its scratch files."""
    if not folder.strip():
        raise InputError("give a folder for Spark's scratch files", source=repr(folder))
    try:
        if Path(folder).exists() and not Path(folder).is_dir():
            raise InputError("is a file: give a folder for Spark's scratch files",
                             source=folder)  # fmt: skip
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot use as a folder: {exc}", source=repr(folder)) from None


def check_out(out: str) -> None:
    """Refuse an output that is no folder, or a local folder that holds something other
    than an earlier output (whose tables a rerun replaces)."""
    if not out.strip():
        raise InputError("give a folder (or a Hadoop URI) for the tables", source=repr(out))
    if URI.match(out) and not out.startswith("file:"):
        return
    path = Path(re.sub(r"^file:(//)?", "", out))
    try:
        if path.exists() and not path.is_dir():
            raise InputError("is a file: give a folder for the tables", source=out)
        names = {p.name for p in path.iterdir()} if path.is_dir() else set()
    except (OSError, ValueError) as exc:  # a name too long, a NUL byte, no permission
        raise InputError(f"cannot use as the output folder: {exc}", source=repr(out)) from None
    if names and not names & set(OUTPUT_TABLES):
        raise InputError("folder holds other files: refusing to write the tables into it "
                         "(give a new or an earlier output folder)", source=out)  # fmt: skip


def check_readable(files: list[tasks.InputFile], errors: list[tasks.Item]) -> None:
    """An InputError when no input names a file to read (no Spark job for nothing): the
    first failure, and how many more there were."""
    if files:
        return
    if not errors:
        raise InputError("no inputs given")
    first = errors[0][2]
    assert isinstance(first, dict)
    more = f"; {len(errors) - 1} more inputs name nothing readable" if len(errors) > 1 else ""
    raise InputError(f"{first['cause']}{more}", source=first["source"])


def _is_uri(raw: str) -> bool:
    return bool(URI.match(raw)) and not raw.lower().startswith(("http://", "https://"))


def _run(
    spark: Any, settings: JobSettings, files: list[tasks.InputFile],
    listing_errors: list[tasks.Item], on_progress: OnProgress | None,
) -> JobCounts:  # fmt: skip
    from pyspark import StorageLevel

    sc = spark.sparkContext
    start = time.perf_counter()
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
    analysed = sc.accumulator(0)
    analyse = partial(tasks.analyse_partition, settings=settings.pipeline,
                      shipped=actors is not None, analysed=analysed)  # fmt: skip
    rows = (
        items.keyBy(tasks.item_key)
        .reduceByKey(tasks.first_read, partitions, tasks.partition_of)
        .mapPartitions(analyse)
        .persist(StorageLevel.MEMORY_AND_DISK)
    )
    try:
        with _reporting(analysed, on_progress):
            found = rows.countByKey()  # the analysis, once: the writes read the cached rows
        for table in OUTPUT_TABLES:
            _write(spark, rows, table, settings.out)
    finally:
        rows.unpersist()
    counts.articles, counts.quotes = found.get(ARTICLES, 0), found.get(QUOTES, 0)
    counts.events, counts.errors = found.get(EVENTS, 0), found.get(ERRORS, 0)
    counts.seconds = time.perf_counter() - start
    return counts


class _reporting:
    """While the analysis runs, a thread tells ``on_progress`` the documents analysed so
    far (an accumulator the executors add to as each document is done)."""

    def __init__(self, analysed: Any, on_progress: OnProgress | None) -> None:
        self.analysed, self.on_progress = analysed, on_progress
        self.stop = threading.Event()
        self.thread: threading.Thread | None = None

    def __enter__(self) -> None:
        if self.on_progress is not None:
            self.thread = threading.Thread(target=self._poll, name="tidings-progress",
                                           daemon=True)  # fmt: skip
            self.thread.start()

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        if self.thread is not None:
            self.thread.join()
            if self.on_progress is not None:
                self.on_progress(self.analysed.value)

    def _poll(self) -> None:
        assert self.on_progress is not None
        while not self.stop.wait(PROGRESS_SECONDS):
            self.on_progress(self.analysed.value)


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
    from pyspark.sql import functions as F

    selected = rows.filter(lambda row, name=table: row[0] == name).values()
    frame = spark.createDataFrame(selected, ddl(table))
    target = out.rstrip("/") + "/" + table
    if table == ERRORS:
        frame = frame.coalesce(1).sortWithinPartitions("input_file", "input_record")
        frame.write.mode("overwrite").parquet(target)
        return
    if table == ARTICLES:
        order = [frame["id"]]
    else:  # by article, then by ordinal: the number after the colon of DOC_ID:ORDINAL
        ordinal = F.substring_index(frame["id"], ":", -1).cast("int")
        order = [frame["doc_id"], ordinal]
    frame = frame.repartition(PARTITION_COLUMN).sortWithinPartitions(PARTITION_COLUMN, *order)
    frame.write.mode("overwrite").partitionBy(PARTITION_COLUMN).parquet(target)


# ---- listing ---------------------------------------------------------------------------------


def list_inputs(spark: Any, inputs: Iterable[str]
                ) -> tuple[list[tasks.InputFile], list[tasks.Item]]:  # fmt: skip
    """The input files in reading order, and an error item for each input that names
    nothing readable (numbered in the same order). ``spark`` lists Hadoop URIs; None
    when there are none."""
    files: list[tasks.InputFile] = []
    errors: list[tasks.Item] = []

    def failed(error: TidingsError) -> None:
        n = len(files) + len(errors)
        errors.append((n, 0, error_row(error, n, 0)))

    for raw in inputs:
        if raw.lower().startswith(("http://", "https://")):
            failed(InputError("the Spark job reads files, not web pages: fetch them with "
                              "`tidings fetch` or into a WARC first", source=raw))  # fmt: skip
        elif not raw.strip():  # not the working folder, as Path("") would be
            failed(InputError("an empty input name", source=repr(raw)))
        elif raw == "-":
            failed(InputError("the Spark job reads files, not standard input: save it to a "
                              "file first", source=raw))  # fmt: skip
        elif URI.match(raw):
            for uri in _list_uri(spark, raw):
                if isinstance(uri, TidingsError):
                    failed(uri)
                else:
                    files.append(tasks.InputFile(len(files) + len(errors), uri, remote=True))
        else:
            try:
                paths = list(expand([raw]))
            except (OSError, ValueError) as exc:  # a name too long, a NUL byte
                paths = [InputError(f"cannot read: {exc}", source=repr(raw))]
            for path in paths:
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
