"""`show`, `quotes`, `events`, `export`, `demo` on a store built from hand-made records."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from test_store_samples import all_samples, phone_call
from tidings.cli import app
from tidings.store import Store

runner = CliRunner(env={"COLUMNS": "240"})
CALL_ID = phone_call().document.content_hash


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("store") / "t.duckdb")
    with Store(path) as store:
        store.save_many(all_samples())
    return path


def test_cli_show_prints_article_quotes_and_events(db: str) -> None:
    result = runner.invoke(app, ["show", CALL_ID[:8], "--db", db])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Vučić and Putin talk by phone" in out
    assert "paragraphs: 3" in out and "Balkan Wire" in out and "2024-10-20" in out
    assert "furniture dropped: 2 lines" in out and "Subscribe now" in out
    assert "We discussed gas supplies" in out and "told" in out
    assert "CONSULT/phone" in out and "2022-05 (month)" in out and "test.consult" in out


def test_cli_show_json_is_one_object(db: str) -> None:
    result = runner.invoke(app, ["show", CALL_ID, "--db", db, "--json"])
    record = json.loads(result.stdout)
    assert record["article"]["title"] == "Vučić and Putin talk by phone"
    assert "document" not in record and "content" not in record["article"]
    assert [e["date_precision"] for e in record["events"]] == ["day", "month", "year"]
    quote = record["quotes"][0]
    assert (quote["speaker_code"], quote["speaker_name"]) == ("SRBGOV", "Aleksandar Vučić")
    assert record["findings"] == []


def test_cli_show_prints_the_findings_of_the_article(tmp_path: Path) -> None:
    from tidings.api import Tidings

    path = str(tmp_path / "f.duckdb")
    with Tidings(path) as api:
        api.store.save_many(all_samples())
        api.refresh()
        expected = api.article_findings(CALL_ID)
    assert expected
    result = runner.invoke(app, ["show", CALL_ID[:10], "--db", path])
    assert f"findings: {len(expected)}" in result.stdout
    assert all(f["text"] in result.stdout for f in expected)


def test_cli_show_unknown_id_is_one_error_line(db: str) -> None:
    result = runner.invoke(app, ["show", "ffffffff", "--db", db])
    assert result.exit_code == 1
    assert result.stderr.strip().startswith("error:") and "ffffffff" in result.stderr


def test_cli_events_json_lines_with_plover_fields(db: str) -> None:
    result = runner.invoke(app, ["events", "--actor", "RUS", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["event"] for r in records] == ["CONSULT", "ACCUSE", "THREATEN"]
    accuse = records[1]
    assert (accuse["date"], accuse["date_precision"]) == ("2024-11", "month")
    assert accuse["source"] == [{"code": "RUSMIL", "name": "Russian Defence Ministry"}]
    assert accuse["recipient"][0]["code"] == "UKRGOV" and accuse["doc_id"]


def test_cli_events_filters_and_table(db: str) -> None:
    result = runner.invoke(app, ["events", "--recipient", "Putin", "--type", "consult",
                                 "--since", "2024", "--db", db])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "2024-10-20 (day)" in result.stdout and "1 events" in result.stderr
    bad = runner.invoke(app, ["events", "--since", "soon", "--db", db])
    assert bad.exit_code == 2 and "not a date" in bad.stderr


def test_cli_events_on_a_missing_store_says_so(tmp_path: Path) -> None:
    result = runner.invoke(app, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1 and "no store" in result.stderr
    assert not (tmp_path / "none.duckdb").exists()


def test_cli_quotes_by_speaker(db: str) -> None:
    result = runner.invoke(app, ["quotes", "--speaker", "vucic", "--db", db, "--json"])
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["speaker_code"] == "SRBGOV" and record["cue"] == "told"
    table = runner.invoke(app, ["quotes", "--db", db])
    assert "pure invention" in table.stdout and "3 quotes" in table.stderr


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_cli_export_writes_each_format(db: str, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"events.{fmt}"
    result = runner.invoke(app, ["export", "--format", fmt, "--out", str(out), "--db", db])
    assert result.exit_code == 0, result.output
    assert "7 events written" in result.output
    if fmt == "jsonl":
        assert len(out.read_text("utf-8").splitlines()) == 7
    else:
        frame = pd.read_csv(out) if fmt == "csv" else pd.read_parquet(out)
        assert sorted(set(frame["event"])) == [
            "ACCUSE", "AGREE", "CONSULT", "REJECT", "THREATEN"]  # fmt: skip


def test_cli_export_rejects_an_unknown_format(db: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--format", "xml", "--out", str(tmp_path / "x"),
                                 "--db", db])  # fmt: skip
    assert result.exit_code == 2


@pytest.mark.slow
def test_cli_demo_ingests_the_examples_into_the_default_store(tmp_path: Path) -> None:
    db = tmp_path / "default.duckdb"
    result = CliRunner(env={"TIDINGS_DB": str(db), "COLUMNS": "240"}).invoke(app, ["demo"])
    assert result.exit_code == 0, result.output
    assert db.exists()  # TIDINGS_DB, the store of every other command
    assert "Serbian President Speaks to Putin" in result.stdout
    assert result.stdout.count("furniture dropped:") == 2
    assert "CONSULT/phone" in result.stdout and "2 articles stored" in result.stdout
    # piped (CliRunner is no terminal): each article's title is one short line, not a rule
    # drawn the width of the wide console that keeps piped rows unwrapped
    title_lines = [line for line in result.stdout.splitlines() if "Speaks to Putin" in line]
    assert title_lines and all(len(line) < 200 for line in title_lines)
