"""What ``export`` writes: a public view (:mod:`tidings.store.views`) in one format.

Every format is written by DuckDB's ``COPY`` from the view, so JSON Lines, CSV and Parquet
hold the records of :mod:`tidings.shapes` (the fields of ``--json``), one a line or row:
in JSON Lines and Parquet lists and actors stay typed (``[{code, name}]``); in CSV a list
is its JSON text.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from tidings.errors import StoreError
from tidings.shapes import FIELDS, TIMESTAMP_FORMAT

ExportFormat = Literal["jsonl", "csv", "parquet"]
ExportTable = Literal["events", "quotes", "articles", "instances", "findings"]
FORMATS: tuple[str, ...] = ("jsonl", "csv", "parquet")
TABLES: tuple[str, ...] = ("events", "quotes", "articles", "instances", "findings")


def check_target(out: str | Path, db: str | Path, force: bool = False) -> None:
    """Refuse an export that would write onto the store itself (or its WAL), or over an
    existing file unless ``force``; a StoreError naming the file and the cause."""
    target = Path(out)
    if str(db) != ":memory:":
        store = Path(db)
        for guarded in (store, store.with_name(store.name + ".wal")):
            if _same_file(target, guarded):
                raise StoreError(f"refusing to export onto the store {store} itself: "
                                 "choose another --out", source=str(target))  # fmt: skip
    if target.is_dir():
        raise StoreError("is a folder: give a file to write", source=str(target))
    if target.exists() and not force:
        raise StoreError("file exists: refusing to overwrite it (use --force)",
                         source=str(target))  # fmt: skip


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet)
        return os.path.abspath(a) == os.path.abspath(b)


def copy_options(fmt: ExportFormat) -> str:
    return {"csv": "(FORMAT csv, HEADER true)", "parquet": "(FORMAT parquet)",
            "jsonl": "(FORMAT json)"}[fmt]  # fmt: skip


def export_select(table: ExportTable, fmt: ExportFormat) -> str:
    """The SELECT an export writes: the view's columns; in text formats, lists as JSON text
    in CSV and timestamps in the ISO form ``--json`` prints (DuckDB's own drops trailing
    zeros of the fraction, so the same instant would read differently)."""
    if fmt == "parquet":
        return f"SELECT * FROM main.{table}"
    columns = ", ".join(_text_column(f.name, f.type, fmt) for f in FIELDS[table])
    return f"SELECT {columns} FROM main.{table}"


def _text_column(name: str, sql_type: str, fmt: ExportFormat) -> str:
    if sql_type == "TIMESTAMP":
        return f'strftime("{name}", \'{TIMESTAMP_FORMAT}\') AS "{name}"'
    if sql_type.endswith("[]") and fmt == "csv":
        return f'to_json("{name}") AS "{name}"'
    return f'"{name}"'
