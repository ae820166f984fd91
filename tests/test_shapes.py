"""One record, one shape: `--json`, export (JSON Lines, CSV, Parquet), the API's frames and
the SQL views give the same fields, in the same order, with the same values."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pytest
from typer.testing import CliRunner

from test_store_samples import all_samples
from tidings.api import Tidings
from tidings.cli import app
from tidings.shapes import FIELDS, KINDS, TIMESTAMP_FORMAT, names, record, timestamp_text
from tidings.timeline.storage import load_instances

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("shapes") / "s.duckdb")
    with Tidings(path) as api:
        api.store.save_many(all_samples())
        api.refresh()
        assert api.counts()["instances"] and api.counts()["findings"]
    return path


def _plain(value: Any) -> Any:
    """A value as JSON gives it back: dates and times as ISO text, tuples as lists."""
    if isinstance(value, dt.datetime):
        return timestamp_text(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _python_records(api: Tidings, kind: str) -> list[dict[str, Any]]:
    if kind == "events":
        return [record(e) for e in api.events()]
    if kind == "quotes":
        return [record(q) for q in api.quotes()]
    if kind == "articles":
        return [record(a) for a in api.articles()]
    if kind == "instances":
        nos = [r[0] for r in api.store.con.execute("SELECT instance_no FROM instances").fetchall()]
        return [record(i) for i in load_instances(api.store, nos)]
    return list(api.findings())


def _by_id(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    out = {}
    for row in rows:
        row = _plain(row)
        out[row["id"]] = row
    return out


@pytest.mark.parametrize("kind", KINDS)
def test_shapes_python_records_equal_the_sql_view(db: str, kind: str) -> None:
    with Tidings(db, read_only=True) as api:
        python = _python_records(api, kind)
    analyst = duckdb.connect(db, read_only=True)  # an analyst's own connection: main only
    try:
        cursor = analyst.execute(f"SELECT * FROM {kind}")
        columns = [d[0] for d in cursor.description or []]
        view = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
        comments = dict(analyst.execute(
            "SELECT column_name, comment FROM duckdb_columns() WHERE schema_name = 'main'"
            " AND table_name = ?", [kind]).fetchall())  # fmt: skip
        table_comment = analyst.execute(
            "SELECT comment FROM duckdb_views() WHERE view_name = ?", [kind]
        ).fetchone()
    finally:
        analyst.close()
    assert python and tuple(columns) == names(kind)
    assert all(tuple(r) == names(kind) for r in python)
    assert _by_id(view) == _by_id(python)
    assert comments == {f.name: f.doc for f in FIELDS[kind]}
    assert table_comment and table_comment[0]


@pytest.mark.parametrize("kind", KINDS)
def test_shapes_exports_and_frames_hold_the_same_records(
    db: str, kind: str, tmp_path: Path
) -> None:  # fmt: skip
    with Tidings(db, read_only=True) as api:
        python = _by_id(_python_records(api, kind))
        frame = api.articles(as_frame="pandas") if kind == "articles" else None
    result = runner.invoke(app, ["export", "--table", kind, "--out", "-", "--format", "jsonl",
                                 "--db", db])  # fmt: skip
    assert result.exit_code == 0, result.output
    exported = [json.loads(line) for line in result.stdout.splitlines()]
    assert _by_id(exported) == python
    for fmt in ("csv", "parquet"):
        out = tmp_path / f"{kind}.{fmt}"
        assert runner.invoke(app, ["export", "--table", kind, "--out", str(out), "--db", db]
                             ).exit_code == 0  # fmt: skip
        read = pd.read_csv(out) if fmt == "csv" else pd.read_parquet(out)
        assert tuple(read.columns) == names(kind) and len(read) == len(python)
    if frame is not None:
        assert tuple(frame.columns) == names(kind)


@pytest.mark.parametrize("command", [["events"], ["quotes"], ["findings"]])
def test_shapes_json_output_is_the_public_record(db: str, command: list[str]) -> None:
    kind = command[0]
    result = runner.invoke(app, [*command, "--json", "--db", db])
    assert result.exit_code == 0, result.output
    printed = [json.loads(line) for line in result.stdout.splitlines()]
    with Tidings(db, read_only=True) as api:
        assert _by_id(printed) == _by_id(_python_records(api, kind))


def test_shapes_events_view_needs_no_list_functions(db: str) -> None:
    analyst = duckdb.connect(db, read_only=True)
    try:
        rows = analyst.execute(
            "SELECT event, mode, first_day FROM events WHERE source_country = 'SRB'"
            " AND recipient_country = 'RUS' AND first_day >= DATE '2024-01-01'"
        ).fetchall()
        main_tables = "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'"
        tables = {r[0] for r in analyst.execute(main_tables).fetchall()}
        internal = analyst.execute(
            "SELECT count(*), count(comment) FROM duckdb_tables() WHERE schema_name = 'internal'"
        ).fetchone()
    finally:
        analyst.close()
    assert rows == [("CONSULT", "phone", dt.date(2024, 10, 20))]
    assert tables == set()  # main holds the views only; the store's tables are internal
    assert internal and internal[0] >= 10 and internal[0] == internal[1]  # every one commented


@pytest.mark.parametrize("micro", [0, 697510, 5])
def test_a_timestamp_reads_the_same_in_python_and_in_a_text_export(micro: int) -> None:
    """DuckDB's own JSON text drops trailing zeros of the fraction (….69751), Python keeps
    them: the export writes timestamps with the format the records use."""
    instant = dt.datetime(2026, 12, 7, 1, 23, 14, micro)
    con = duckdb.connect()
    try:
        row = con.execute(f"SELECT strftime(?::TIMESTAMP, '{TIMESTAMP_FORMAT}')",
                          [instant]).fetchone()  # fmt: skip
    finally:
        con.close()
    assert row is not None and row[0] == timestamp_text(instant)
