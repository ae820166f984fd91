"""The Python API: tidings.open, records by default, DataFrames on request."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

import tidings
from tidings.errors import ConfigError
from tidings.store import Store
from tidings.timeline.refresh import refresh
from timeline_support import IVA, MARKO, OTHER, WIRE, analysis, event


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "api.duckdb"
    with Store(path) as store:
        store.save(analysis("wire", WIRE, "2024-03-12", "Wire Service", [
            event("CONSULT", MARKO, IVA, "2024-03-12", mode="phone"),
            event("CONSULT", MARKO, IVA, "2023-04", "month", aux="historical")]))  # fmt: skip
        store.save(analysis("floods", OTHER, "2024-03-10", "Eldoria Daily"))
        refresh(store)
    return path


def test_api_import_tidings_stays_light() -> None:
    code = "import sys, tidings; print('duckdb' in sys.modules, 'spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_api_records_by_default(db: Path) -> None:
    with tidings.open(db) as t:
        events = t.events(actor="Belan")
        assert [e.event for e in events] == ["CONSULT", "CONSULT"]
        assert [a.title for a in t.articles()] == ["floods", "wire"]
        line = t.timeline("Belan", "Sorel")
        assert [i.date.value for i in line.instances] == ["2023-04", "2024-03-12"]
        (finding,) = t.findings()
        assert finding["gap_months"] == 11
        assert t.quotes() == []
        assert t.counts()["instances"] == 2


def test_api_pandas_frames(db: Path) -> None:
    with tidings.open(db) as t:
        events = t.events(as_frame="pandas")
        assert list(events["event"]) == ["CONSULT", "CONSULT"]
        assert list(events["source_code"]) == ["ELDGOV", "ELDGOV"]
        assert set(events["date_precision"]) == {"day", "month"}
        frame = t.timeline("ELD", "KOR", as_frame="pandas")
        assert list(frame["date"]) == ["2023-04", "2024-03-12"]
        assert len(t.findings().to_pandas()) == 1


@pytest.mark.skipif(importlib.util.find_spec("polars") is not None, reason="polars installed")
def test_api_polars_missing_is_a_clear_error(db: Path) -> None:
    with tidings.open(db) as t, pytest.raises(ConfigError, match="polars is not installed"):
        t.events(as_frame="polars")


def test_api_open_without_create_refuses_a_missing_store(tmp_path: Path) -> None:
    with pytest.raises(tidings.errors.StoreError, match="no store here"):
        tidings.open(tmp_path / "none.duckdb", create=False)
