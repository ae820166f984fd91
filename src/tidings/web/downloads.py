"""Any list as a file: CSV, JSON Lines or Parquet, with the fields the JSON API returns.

JSON Lines holds each record as the API gives it; CSV flattens nested values (actor lists,
reports) to JSON text; Parquet keeps them typed (lists of ``{code, name}`` structs). The
file name is the list's name, never anything taken from the request.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Literal

import pyarrow as pa
import pyarrow.parquet as pq
from fastapi import Response

from tidings.web.text import Record

Format = Literal["json", "csv", "jsonl", "parquet"]
DOWNLOADS: tuple[str, ...] = ("csv", "jsonl", "parquet")
MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson; charset=utf-8",
    "parquet": "application/vnd.apache.parquet",
}


def flat(record: Record) -> Record:
    """One row for CSV: nested values (actor lists, reports) as JSON text, as export's
    CSV holds them."""
    return {
        k: json.dumps(v, ensure_ascii=False, default=str, separators=(",", ":"))
        if isinstance(v, list | dict) else v
        for k, v in record.items()
    }  # fmt: skip


def jsonl(records: list[Record]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in records).encode(
        "utf-8"
    )


def csv_bytes(records: list[Record]) -> bytes:
    rows = [flat(r) for r in records]
    columns: dict[str, None] = {}
    for row in rows:
        columns.update(dict.fromkeys(row))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def parquet(records: list[Record]) -> bytes:
    try:
        table = pa.Table.from_pylist(records)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        # Mixed shapes in one column (rare): fall back to CSV's JSON text per nested value.
        table = pa.Table.from_pylist([flat(r) for r in records])
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()


def download(records: list[Record], fmt: str, name: str) -> Response:
    """``records`` as a file called ``name``.``fmt``."""
    body = {"csv": csv_bytes, "jsonl": jsonl, "parquet": parquet}[fmt](records)
    return Response(
        content=body,
        media_type=MEDIA[fmt],
        headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"'},
    )
