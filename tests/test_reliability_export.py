"""export never writes onto the store, nor over a file without --force."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from test_store_samples import phone_call
from tidings.cli import app
from tidings.errors import StoreError
from tidings.store import Store


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "t.duckdb"
    with Store(path) as store:
        store.save(phone_call())
    return path


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_reliability_export_onto_the_store_is_refused(db: Path, fmt: str) -> None:
    size = db.stat().st_size
    result = CliRunner().invoke(app, ["export", "--format", fmt, "--out", str(db),
                                      "--db", str(db), "--force"])  # fmt: skip
    assert result.exit_code == 2  # a usage error: checked before the store is opened
    (line,) = [x for x in result.stderr.splitlines() if "refusing to export" in x]
    assert "refusing to export onto the store" in line and str(db) in line
    assert db.stat().st_size == size
    with Store(db) as store:  # still a store, still holding its article
        assert store.counts()["articles"] == 1


def test_reliability_export_onto_the_store_via_another_path(db: Path) -> None:
    other = db.parent / "." / db.name
    with Store(db) as store, pytest.raises(StoreError, match="onto the store"):
        store.export(other, "jsonl", force=True)


def test_reliability_export_does_not_overwrite_without_force(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    out.write_text("precious\n")
    args = ["export", "--format", "jsonl", "--out", str(out), "--db", str(db)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2 and "file exists" in result.output and "--force" in result.output
    assert out.read_text() == "precious\n"
    result = CliRunner().invoke(app, [*args, "--force"])
    assert result.exit_code == 0, result.output
    assert out.read_text() != "precious\n"


def test_reliability_export_to_a_new_file_needs_no_force(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "new.csv"
    result = CliRunner().invoke(app, ["export", "--format", "csv", "--out", str(out),
                                      "--db", str(db)])  # fmt: skip
    assert result.exit_code == 0, result.output and out.exists()
