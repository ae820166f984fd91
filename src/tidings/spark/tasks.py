"""What Spark's executors run: read one input file, analyse one partition of documents.

Pure Python (no pyspark import), so each step can be run and tested without a JVM.

- :func:`read_file` turns one input file into numbered items, with tidings' own readers
  (the ones ``ingest`` uses, so each document has the same source name, hints and content
  hash): ``(file, record, Document)`` or ``(file, record, error row)``. A file from a
  Hadoop URI arrives as bytes and is read from a temporary copy named like the original.
- :func:`analyse_partition` runs the whole pipeline over one partition's documents, in
  input order, with a pipeline (and spaCy model) loaded once per executor process and
  kept in :data:`_pipelines`, since Spark reuses its Python workers from task to task.
"""

from __future__ import annotations

import os
import tempfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from tidings.errors import TidingsError
from tidings.model import Document
from tidings.pipeline import Pipeline, Settings
from tidings.sources.dispatch import read_path
from tidings.sources.text import SIDECAR_SUFFIX
from tidings.spark.rows import ERRORS, analysis_rows, as_tuple, error_row

# (input file number, record number within the file, the document or its error row)
Item = tuple[int, int, Document | dict[str, Any]]
# (table name, row in the table's column order)
Row = tuple[str, tuple[Any, ...]]


@dataclass(frozen=True, slots=True)
class InputFile:
    """One input file, numbered in the order ``ingest`` would read it."""

    index: int
    source: str  # the name its records carry: the path as listed, or the Hadoop URI
    remote: bool = False  # read by Spark and shipped as bytes, not opened by path
    sidecar: str | None = None  # a remote text file's NAME.meta.json, read by the driver


def read_file(
    file: InputFile, hints: dict[str, Any], content: bytes | None = None,
    scratch: str | None = None,
) -> Iterator[Item]:  # fmt: skip
    """Every document (or error) in one file, numbered in reading order."""
    items: Iterator[Document | TidingsError]
    if not file.remote:
        items = read_path(Path(file.source), hints)
    else:
        items = _read_copy(file, content or b"", hints, scratch)
    for n, item in enumerate(items):
        if isinstance(item, TidingsError):
            yield file.index, n, error_row(item, file.index, n)
        else:
            yield file.index, n, item


def _read_copy(
    file: InputFile, content: bytes, hints: dict[str, Any], scratch: str | None
) -> Iterator[Document | TidingsError]:
    """A remote file read from a temporary copy; sources name the original URI."""
    name = file.source.rstrip("/").rsplit("/", 1)[-1] or "input"
    with tempfile.TemporaryDirectory(prefix="tidings-", dir=scratch) as folder:
        copy = Path(folder) / name
        copy.write_bytes(content)
        if file.sidecar is not None:
            copy.with_name(name.split(".")[0] + SIDECAR_SUFFIX).write_text(file.sidecar, "utf-8")
        local = str(copy)
        for item in read_path(copy, hints):
            if item.source and item.source.startswith(local):
                item.source = file.source + item.source[len(local) :]
            yield item


def partition_of(key: str) -> int:
    """A stable hash of an item's key (the same in every process and every run, unlike
    Python's ``hash`` of a string), so a rerun puts each document in the same partition."""
    return zlib.crc32(key.encode("utf-8"))


def item_key(item: Item) -> str:
    """Documents are keyed by content hash (one analysis per content, as in ``ingest``);
    each error by its place in the input."""
    file, record, found = item
    return found.content_hash if isinstance(found, Document) else f"error:{file}:{record}"


def first_read(a: Item, b: Item) -> Item:
    """Of two copies of the same content, the one read first: ``ingest`` keeps that one
    and finds the other already present."""
    return a if a[:2] <= b[:2] else b


_pipelines: dict[str, Pipeline] = {}


def pipeline_for(settings: Settings, shipped: bool = False) -> Pipeline:
    """This process's pipeline for ``settings``, loaded on first use and then kept.
    ``shipped``: the actor dictionary was sent with the job (``SparkContext.addFile``)
    and is read from this executor's copy."""
    if shipped and settings.actors_file is not None:
        from pyspark import SparkFiles

        settings = replace(settings, actors_file=Path(SparkFiles.get(settings.actors_file.name)))
    key = repr(settings)
    if key not in _pipelines:
        _pipelines.clear()  # one model per process: a new setting replaces the old one
        _pipelines[key] = Pipeline(replace(settings, n_process=1))
    return _pipelines[key]


def analyse_partition(
    items: Iterable[tuple[str, Item]], settings: Settings, shipped: bool = False,
    analysed: Any = None,
) -> Iterator[Row]:  # fmt: skip
    """Rows of every table for one partition's documents and errors, analysed in input
    order (so the spaCy batches, and the output, are the same on every run);
    ``analysed``, a Spark accumulator, counts the documents done (the job's progress)."""
    ordered = sorted((item for _, item in items), key=lambda item: item[:2])
    documents: list[tuple[int, int, Document]] = []
    for file, record, found in ordered:
        if isinstance(found, Document):
            documents.append((file, record, found))
        else:
            yield ERRORS, as_tuple(ERRORS, found)
    if not documents:
        return
    results = pipeline_for(settings, shipped).analyze_many(doc for _, _, doc in documents)
    for (file, record, _), result in zip(documents, results, strict=True):
        if analysed is not None:
            analysed.add(1)
        if isinstance(result, TidingsError):
            yield ERRORS, as_tuple(ERRORS, error_row(result, file, record))
            continue
        for table, rows in analysis_rows(result, file, record).items():
            for row in rows:
                yield table, as_tuple(table, row)


def scratch_folder(local_dir: str | None) -> str | None:
    """Where executors put temporary copies of remote files (None: the system default)."""
    return local_dir if local_dir and os.path.isdir(local_dir) else None
