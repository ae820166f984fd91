"""Load: analyses computed elsewhere (``tidings spark``'s Parquet output) into the store.

The Parquet output keeps, beside the public fields of each article, its whole
:class:`~tidings.model.Analysis` as JSON (``analysis``, the body aside: it is the ``body``
field). Loading rebuilds those analyses and hands them to :func:`tidings.store.ingest`
in place of the pipeline, in the order the inputs were read, so a load goes through the
very code an ingest does: the content-hash check before anything is written (a re-run
stores nothing twice), one transaction per batch, and afterwards the duplicate linking,
event instances and findings (by the ``refresh`` the caller passes, as to ``ingest``).
The errors the job met are reported as ingest reports its own, one line each.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

import duckdb

from tidings.errors import (
    ConfigError,
    FetchError,
    InputError,
    StageError,
    StoreError,
    TidingsError,
)
from tidings.model import Analysis, Document, to_dict
from tidings.store.ingest import IngestCounts, OnOutcome, Refresher, ingest
from tidings.store.store import Store

# The tables a Spark job writes, each in a folder of that name under the output folder.
ARTICLES, QUOTES, EVENTS, ERRORS = "articles", "quotes", "events", "errors"
OUTPUT_TABLES: tuple[str, ...] = (ARTICLES, QUOTES, EVENTS, ERRORS)
SUCCESS_MARKER = "_SUCCESS"  # Spark writes it last, once every task of the write succeeded
FETCH_ROWS = 256


# ---- an analysis as JSON and back ---------------------------------------------------------


def analysis_json(analysis: Analysis) -> str:
    """Everything ``save`` stores of an analysis, as JSON, less the raw page (the store
    never keeps it) and the body (kept once, in its own column)."""
    record = to_dict(analysis)
    record["document"]["content"] = ""
    record["article"]["body"] = None
    return json.dumps(record, ensure_ascii=False, default=str)


def analysis_from_json(text: str, body: str) -> Analysis:
    """The analysis :func:`analysis_json` wrote, with its body put back."""
    record = json.loads(text)
    record["article"]["body"] = body
    analysis = from_dict(Analysis, record)
    assert isinstance(analysis, Analysis)
    return analysis


def from_dict(cls: type, data: dict[str, Any]) -> Any:
    """A model record from the dict :func:`tidings.model.to_dict` made of it, typed by the
    record's annotations (nested records, lists, optional fields, ISO dates); fields
    missing from ``data`` take their defaults, so output of an older version loads."""
    hints = _hints(cls)
    values = {
        f.name: _typed(hints[f.name], data[f.name])
        for f in dataclasses.fields(cls)
        if f.name in data
    }
    return cls(**values)


@cache
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)


def _typed(kind: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        options = [a for a in get_args(kind) if a is not type(None)]
        return _typed(options[0], value) if len(options) == 1 else value
    if origin is list:
        (item,) = get_args(kind)
        return [_typed(item, v) for v in value]
    if origin is dict or origin is Literal or kind is Any:
        return value
    if kind is dt.date:
        return dt.date.fromisoformat(value)
    if kind is float:
        return float(value)
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        return from_dict(kind, value)
    return value


# ---- errors as rows and back ----------------------------------------------------------------

_ERROR_KINDS: dict[str, type[TidingsError]] = {
    k.code: k for k in (TidingsError, InputError, StageError, StoreError, ConfigError, FetchError)
}


def error_from_row(source: str | None, cause: str, code: str, stage: str | None) -> TidingsError:
    """The error a row of the errors table records, as the pipeline raised it (same class,
    message and source, so it prints the same line ``ingest`` prints)."""
    kind = _ERROR_KINDS.get(code, TidingsError)
    error = kind.__new__(kind)
    error.source, error.message = source, cause
    if kind is StageError:
        error.stage = stage or "?"  # type: ignore[attr-defined]
    Exception.__init__(error, error.one_line())
    return error


# ---- reading the output ---------------------------------------------------------------------


def check_output(folder: str | Path) -> Path:
    """The folder when it holds a complete ``tidings spark`` output, else a StoreError
    naming what is missing."""
    path = Path(folder)
    if not path.is_dir():
        raise StoreError("no such folder (give the --out folder of `tidings spark`)",
                         source=str(path))  # fmt: skip
    for table in (ARTICLES, ERRORS):
        if not (path / table).is_dir():
            raise StoreError(f"no {table}/ folder: not the output of `tidings spark`",
                             source=str(path))  # fmt: skip
        if not (path / table / SUCCESS_MARKER).exists():
            raise StoreError(f"{table}/ has no {SUCCESS_MARKER} marker: the Spark job did not "
                             "finish writing it; run it again", source=str(path))  # fmt: skip
    return path


def _parquet(folder: Path, table: str) -> str:
    glob = str(folder / table / "**" / "*.parquet").replace("'", "''")
    return f"read_parquet('{glob}', hive_partitioning = true, union_by_name = true)"


def output_items(folders: Iterable[str | Path], waiting: OrderedDict[str, Analysis]
                 ) -> Iterator[Document | TidingsError]:  # fmt: skip
    """The documents and errors of Spark outputs in the order their inputs were read
    (folder by folder); each document's analysis is put in ``waiting`` before the
    document is yielded."""
    paths = [check_output(f) for f in folders]
    reader = duckdb.connect()
    try:
        for path in paths:
            has_articles = any((path / ARTICLES).rglob("*.parquet"))
            has_errors = any((path / ERRORS).rglob("*.parquet"))
            parts = []
            if has_articles:
                parts.append(
                    "SELECT input_file, input_record, analysis, body, NULL AS source, "
                    f"NULL AS cause, NULL AS code, NULL AS stage FROM {_parquet(path, ARTICLES)}"
                )
            if has_errors:
                parts.append(
                    "SELECT input_file, input_record, NULL, NULL, source, cause, code, stage "
                    f"FROM {_parquet(path, ERRORS)}"
                )
            if not parts:
                continue
            sql = " UNION ALL ".join(parts) + " ORDER BY input_file, input_record"
            try:
                cursor = reader.execute(sql)
                while rows := cursor.fetchmany(FETCH_ROWS):
                    for _, _, analysis, body, source, cause, code, stage in rows:
                        if analysis is None:
                            yield error_from_row(source, cause, code, stage)
                            continue
                        found = analysis_from_json(analysis, body)
                        waiting[found.document.content_hash] = found
                        yield found.document
            except duckdb.Error as exc:
                first = str(exc).strip().splitlines()[0] if str(exc).strip() else repr(exc)
                raise StoreError(f"cannot read the Parquet output: {first}",
                                 source=str(path)) from exc  # fmt: skip
    finally:
        reader.close()


class Replay:
    """Stands in for the pipeline during a load: answers each document with the analysis
    read for it. Documents come in the order they were read, less those ``ingest`` found
    stored, so the analyses of skipped documents are dropped on the way."""

    def __init__(self, waiting: OrderedDict[str, Analysis]) -> None:
        self.waiting = waiting

    def analyze_many(
        self, documents: Iterable[Document | TidingsError]
    ) -> Iterator[Analysis | TidingsError]:
        for item in documents:
            if isinstance(item, TidingsError):
                yield item
                continue
            while self.waiting:
                key, analysis = self.waiting.popitem(last=False)
                if key == item.content_hash:
                    yield analysis
                    break
            else:  # pragma: no cover - every document is read with its analysis
                yield InputError("no analysis for this document", source=item.source)


def load(
    store: Store,
    folders: Iterable[str | Path],
    on_outcome: OnOutcome | None = None,
    refresh: Refresher | None = None,
) -> IngestCounts:
    """Store every analysis in the Spark outputs ``folders`` that is not stored yet, then
    bring the derived tables up to date with ``refresh``, as ``ingest`` does (the
    timeline's refresh, which :meth:`tidings.api.Tidings.load` passes: the store does not
    import the timeline)."""
    waiting: OrderedDict[str, Analysis] = OrderedDict()
    folders = list(folders)
    for folder in folders:  # every folder checked before anything is stored
        check_output(folder)
    items = output_items(folders, waiting)
    return ingest(store, items, lambda: Replay(waiting), on_outcome, refresh=refresh)
