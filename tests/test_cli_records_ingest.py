"""`tidings ingest`: bad inputs get one error line each, the batch goes on, re-runs skip."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tidings.cli import app
from tidings.store import Store

GOOD = """Harbour workers end strike after pay deal

By Staff Reporter

Dock workers at the port of Valmora returned to work on Tuesday after their union accepted a
new pay offer from the port authority, ending a strike that had lasted eleven days.

The agreement raises wages by six percent over two years and adds a night-shift allowance,
according to a statement published by the union on Monday evening.

Shipping companies said the backlog of containers would take at least a week to clear.
"""

runner = CliRunner(env={"COLUMNS": "200"})


@pytest.fixture()
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "photo.bin").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    return folder


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error:")]


@pytest.mark.slow
def test_cli_ingest_reports_each_bad_file_and_stores_the_good_one(
    inbox: Path, tmp_path: Path
) -> None:
    db = str(tmp_path / "t.duckdb")
    args = ["ingest", str(inbox), "--db", db, "--published", "2024-03-05",
            "--publisher", "Valmora Post"]  # fmt: skip
    result = runner.invoke(app, args)
    assert result.exit_code == 1, result.output
    errors = error_lines(result.stderr)
    assert len(errors) == 2
    assert any("empty.txt" in line and "empty" in line and "[T1" in line for line in errors)
    assert any("photo.bin" in line and "binary" in line for line in errors)
    assert "1 articles stored (0 quotes, 0 events, 0 of them dated)," in result.stdout
    assert "0 already present, 2 failed" in result.stdout
    with Store(db) as store:
        (article,) = store.articles()
    assert article.publisher == "Valmora Post"
    assert str(article.published) == "2024-03-05"

    again = runner.invoke(app, args)
    assert again.exit_code == 1
    assert "0 articles stored (0 quotes, 0 events, 0 of them dated)," in again.stdout
    assert "1 already present, 2 failed" in again.stdout
    with Store(db) as store:
        assert store.counts()["documents"] == 1


def test_cli_ingest_of_only_stored_or_bad_inputs_needs_no_pipeline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Nothing new to analyse: the NLP pipeline must not even be built.
    import tidings.pipeline

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("pipeline built for nothing")

    monkeypatch.setattr(tidings.pipeline.Pipeline, "__init__", refuse)
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(empty), str(tmp_path / "missing.txt"),
                                 "--db", str(tmp_path / "t.duckdb")])  # fmt: skip
    assert result.exit_code == 1
    errors = error_lines(result.stderr)
    assert len(errors) == 2 and "missing.txt" in errors[1]
    assert "0 articles stored (0 quotes, 0 events, 0 of them dated)," in result.stdout
    assert "0 already present, 2 failed" in result.stdout


def test_cli_ingest_rejects_a_malformed_published_date(tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", str(tmp_path), "--published", "20 Oct 2024",
                                 "--db", str(tmp_path / "t.duckdb")])  # fmt: skip
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.stderr
