"""The living store: the server reads a copy that follows the file while another process
writes it, never locks the writer out, and keeps serving when a copy fails."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import duckdb
import httpx
import pytest

from tidings.errors import StoreError
from tidings.web import create_app, snapshot, store_snapshot
from web_support import ROOT, build_store, live_server

CLI = "from tidings.cli import main; main()"
WRITER = textwrap.dedent(
    """
    import random, sys, time
    import duckdb
    con = duckdb.connect(sys.argv[1])
    con.execute("CREATE TABLE IF NOT EXISTS t (batch INTEGER, body VARCHAR)")
    end = time.time() + float(sys.argv[2])
    batch = 0
    while time.time() < end:
        con.begin()
        con.execute("INSERT INTO t SELECT ?, repeat('x', 100 + range % 400) FROM range(999)",
                    [batch])
        con.execute("INSERT INTO t VALUES (?, 'end')", [batch])
        con.commit()
        batch += 1
        if random.random() < 0.05:
            con.execute("CHECKPOINT")
    """
)


def test_web_copy_of_a_store_being_written_is_consistent(tmp_path: Path) -> None:
    """Copies taken while another process commits and checkpoints hold whole transactions
    only (each batch is 999 rows and an 'end' row, committed together)."""
    source = tmp_path / "live.duckdb"
    duckdb.connect(str(source)).close()
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(source), "6"])
    try:
        copies = 0
        while writer.poll() is None and copies < 40:
            target = tmp_path / f"copy{copies}.duckdb"
            try:
                snapshot.copy_store(source, target)
            except StoreError:
                continue  # kept checkpointing: the server would keep its previous copy
            con = duckdb.connect(str(target))
            try:
                if con.execute("SELECT count(*) FROM information_schema.tables").fetchone()[0]:
                    rows, ends = con.execute(
                        "SELECT count(*), count(*) FILTER (WHERE body = 'end') FROM t"
                    ).fetchone()
                    assert rows == ends * 1000
                    con.execute("SELECT sum(hash(body)) FROM t").fetchone()
            finally:
                con.close()
            copies += 1
            time.sleep(0.05)
    finally:
        writer.wait(timeout=60)
    assert writer.returncode == 0
    assert copies >= 5


ARTICLE = """\
Lake Council Approves New Ferry Line

The Lake Council of Valdoria approved a new ferry line on Tuesday connecting the northern \
towns with the capital, the council said in a statement.

"The ferry will cut travel times in half for thousands of commuters," the council chair, \
Mira Olsen, told reporters after the vote.

Opposition members criticised the cost of the project and asked the council to publish \
the full contract before construction begins next spring.
"""


@pytest.mark.slow
def test_web_serves_while_ingest_writes(tmp_path: Path, pipeline: Any) -> None:
    store = build_store(tmp_path / "live.duckdb", pipeline, [])
    new = tmp_path / "in" / "ferry.txt"
    new.parent.mkdir()
    new.write_text(ARTICLE, encoding="utf-8")
    snap = store_snapshot(store, interval=1.0, poll=0.2)
    with live_server(create_app(snap)) as url, httpx.Client(base_url=url, timeout=30) as http:
        assert http.get("/api/articles").json()["items"]
        first_copy = http.get("/api/status").json()["copy"]
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "TIDINGS_LOCK_WAIT": "5"}
        ingest = subprocess.Popen(
            [sys.executable, "-c", CLI, "ingest", str(new), "--db", str(store),
             "--published", "2025-05-06", "--publisher", "Valdoria Wire"],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        answers: list[int] = []
        deadline = time.monotonic() + 60
        seen = False
        while time.monotonic() < deadline:
            for path in ("/api/articles", "/api/timeline?a=Vucic&b=Putin", "/"):
                answers.append(http.get(path).status_code)
            titles = [a["title"] for a in http.get("/api/articles").json()["items"]]
            if "Lake Council Approves New Ferry Line" in titles:
                seen = True
                break
            time.sleep(0.2)
        out, err = ingest.communicate(timeout=120)
        assert ingest.returncode == 0, err
        assert "in use" not in err
        assert seen, "the new article did not show within a minute"
        assert set(answers) == {200}
        assert http.get("/api/status").json()["copy"] > first_copy
        # the search index of the new copy holds the new article and the carried-over ones
        assert http.get("/api/search", params={"q": "ferry commuters"}).json()["items"]
        assert http.get("/api/search", params={"q": "sanctions Serbia"}).json()["items"]


def test_web_failed_copy_keeps_the_current_one(tmp_path: Path, monkeypatch: Any) -> None:
    from tidings.store import Store

    db = tmp_path / "s.duckdb"
    Store(db).close()
    snap = store_snapshot(db)
    snap.open()
    try:
        with snap.reading() as api:
            assert api.counts()["articles"] == 0

        def torn(source: Path, target: Path) -> None:
            raise StoreError("the store kept checkpointing while it was copied")

        monkeypatch.setattr(snapshot, "copy_store", torn)
        with pytest.raises(StoreError):
            snap.refresh(force=True)
        assert snap.generation == 1 and snap.last_error
        with snap.reading() as api:
            assert api.counts()["articles"] == 0
    finally:
        snap.close()


def test_web_serve_refuses_a_missing_store(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-c", CLI, "serve", "--db", str(tmp_path / "none.duckdb")],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        f"error: {tmp_path / 'none.duckdb'}: no store here (ingest something first) [T300]"
    ]


def test_web_copy_of_an_older_store_is_migrated_in_the_copy_only(tmp_path: Path) -> None:
    """A store of schema 4 (tables in `main`, before `internal` and the views): the copy is
    migrated and served with the public records; the user's store is left as it was."""
    from tidings.store.schema import bundled_migrations, migrate

    source = tmp_path / "old.duckdb"
    con = duckdb.connect(str(source))
    assert migrate(con, bundled_migrations()[:4]) == 4
    con.execute("INSERT INTO documents VALUES ('ab12cd34', 'old.txt', 'text', 'utf-8', '{}', "
                "TIMESTAMP '2024-10-21 08:00:00')")  # fmt: skip
    con.execute("INSERT INTO articles VALUES ('ab12cd34', 'Talks Resume', NULL, NULL, "
                "'Wire', NULL, DATE '2024-10-21', 'en', 'The talks resumed on Monday.', "
                "'[{\"start\": 0, \"end\": 28}]', '[]')")  # fmt: skip
    con.close()
    app = create_app(store_snapshot(source), watch=False)
    from fastapi.testclient import TestClient

    with TestClient(app) as client:
        (article,) = client.get("/api/articles").json()["items"]
        assert article["id"] == "ab12cd34" and article["source"] == "old.txt"
        assert article["paragraphs"] == [{"start": 0, "end": 28}]
        hits = client.get("/api/search", params={"q": "talks"}).json()["items"]
        assert [h["id"] for h in hits] == ["ab12cd34"]
    app.state.snapshot.close()
    con = duckdb.connect(str(source), read_only=True)
    try:
        assert con.execute("SELECT max(version) FROM main.schema_version").fetchone() == (4,)
    finally:
        con.close()
