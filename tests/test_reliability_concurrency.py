"""Two processes on one store: readers while a writer ingests. DuckDB lets one process
write a file or several read it; a reader that finds the store being written waits, then
gets a one-line error naming the process that writes (never a traceback), a writer that
finds it busy waits for it, readers (a notebook, commands) read side by side, and nothing
the writer stores is lost."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reliability_support import write_corpus
from tidings.errors import StoreError
from tidings.store import Store


def _writer(corpus: Path, db: Path, wait: str = "60") -> subprocess.Popen[bytes]:
    exe = Path(sys.executable).with_name("tidings")
    return subprocess.Popen(
        [str(exe), "ingest", str(corpus), "--db", str(db), "--published", "2024-05-06"],
        env={**os.environ, "TIDINGS_LOCK_WAIT": wait},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip


def _count(db: Path) -> int:
    with Store(db, read_only=True, wait=0) as store:
        row = store.con.execute("SELECT count(*) FROM articles").fetchone()
        return int(row[0]) if row else 0


@pytest.mark.slow
def test_reliability_reader_while_writer_ingests(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from tidings.cli import app

    corpus = tmp_path / "corpus"
    distinct = write_corpus(corpus, 200)
    db = tmp_path / "t.duckdb"
    with Store(db):  # created, so readers find a store from the start
        pass
    writer = _writer(corpus, db)
    seen: list[int] = []
    busy: list[str] = []
    cli_busy: list[str] = []
    try:
        while writer.poll() is None:
            try:
                seen.append(_count(db))
            except StoreError as exc:  # the only failure a reader may meet
                busy.append(exc.one_line())
            result = CliRunner().invoke(app, ["events", "--db", str(db), "--limit", "1"])
            if result.exit_code != 0:
                cli_busy.append(result.output)
                assert result.exception is None or isinstance(result.exception, SystemExit)
            time.sleep(0.05)
        out = writer.communicate()[0].decode(errors="replace")
    finally:
        if writer.poll() is None:
            writer.kill()
            writer.wait()
    assert writer.returncode == 0, out
    assert f"{distinct} articles stored" in out
    assert busy or seen  # the reader ran alongside
    for message in busy:
        assert "is being written by process" in message and "Traceback" not in message
    for output in cli_busy:
        assert "is being written by process" in output and "Traceback" not in output
    assert seen == sorted(seen)  # a reader never sees stored articles vanish
    assert _count(db) == distinct  # nothing the writer stored is lost
    with Store(db, read_only=True, wait=0) as store:
        assert not store.refresh_pending()


@pytest.mark.slow
def test_reliability_writer_waits_for_a_reader(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    distinct = write_corpus(corpus, 20)
    db = tmp_path / "t.duckdb"
    with Store(db):
        pass
    reader = Store(db, read_only=True, wait=0)
    writer = _writer(corpus, db)
    try:
        time.sleep(1.0)  # the writer starts while the reader holds the store
        assert reader.con.execute("SELECT count(*) FROM articles").fetchone() == (0,)
    finally:
        reader.close()
    out = writer.communicate()[0].decode(errors="replace")
    assert writer.returncode == 0, out
    assert _count(db) == distinct


def test_reliability_busy_store_is_a_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    with Store(db):
        pass
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; con = duckdb.connect(sys.argv[1]);"
         " print('ready', flush=True); time.sleep(60)", str(db)],
        stdout=subprocess.PIPE,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == b"ready"
        for read_only, how in ((True, "is being written by"), (False, "is open in")):
            with pytest.raises(StoreError, match=f"{how} process {holder.pid} ") as caught:
                Store(db, read_only=read_only, wait=0.2)
            assert caught.value.source == str(db)
            assert "import duckdb" in caught.value.message  # what the process runs
    finally:
        holder.kill()
        holder.wait()
    assert _count(db) == 0  # free again once the other process has gone


def test_reliability_read_only_store_refuses_missing_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store here"):
        Store(tmp_path / "none.duckdb", read_only=True)
    assert not (tmp_path / "none.duckdb").exists()


NOTEBOOK = """
import sys, time
import tidings
t = tidings.open(sys.argv[1], read_only=True)  # a notebook reading the store
print(len(t.events()), flush=True)
time.sleep(60)
"""


def test_reliability_commands_read_beside_a_read_only_notebook(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from test_store_samples import all_samples
    from tidings.cli import app

    db = tmp_path / "t.duckdb"
    with Store(db) as store:
        store.save_many(all_samples())
    notebook = subprocess.Popen([sys.executable, "-c", NOTEBOOK, str(db)],
                                stdout=subprocess.PIPE)  # fmt: skip
    try:
        assert notebook.stdout is not None and notebook.stdout.readline().strip() == b"7"
        runner = CliRunner(env={"TIDINGS_LOCK_WAIT": "0"})
        commands = [["events"], ["quotes"], ["findings"], ["duplicates"], ["events", "--json"],
                    ["export", "--out", "-", "--format", "csv"]]  # fmt: skip
        for command in commands:
            result = runner.invoke(app, [*command, "--db", str(db)])
            assert result.exit_code == 0, (command, result.output)
        # Writing needs the store alone: the message names the reader, not a writer.
        result = runner.invoke(app, ["ingest", str(tmp_path / "none.txt"), "--db", str(db)])
        assert result.exit_code == 1
        assert f"store is open in process {notebook.pid} (" in result.output
        assert "written" not in result.output and "Traceback" not in result.output
    finally:
        notebook.kill()
        notebook.wait()
