"""``kill -9`` during ``tidings ingest`` (while reading, analysing, writing and inside the
refresh), then a re-run: every article stored exactly once, no orphan rows, and every
table, derived ones included (duplicate links, instances, findings), equal to a clean run.

Few rounds in the normal suite; ``TIDINGS_KILL_ROUNDS=20`` for the issue's 20 in a row.
No assertion on time: the kill points are drawn from the clean run's own duration. The
child processes run a snapshot of the package taken when the test starts, so that edits
to the source while the test runs cannot make the clean and the killed runs differ.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reliability_support import store_tables, write_corpus

ARTICLES = int(os.environ.get("TIDINGS_KILL_ARTICLES", "300"))
ROUNDS = int(os.environ.get("TIDINGS_KILL_ROUNDS", "3"))

# The ingest command in a child process; KILL_AT="module:function:before|after" makes the
# child SIGKILL itself at that point of the refresh (a kill known to land inside it).
CHILD = """
import os, signal, sys
import tidings
assert tidings.__file__.startswith(sys.argv[3]), tidings.__file__  # the snapshot runs
where = os.environ.get("KILL_AT")
if where:
    import importlib
    module, name, when = where.split(":")
    mod = importlib.import_module(module)
    real = getattr(mod, name)
    def killer(*args, **kwargs):
        if when == "before":
            os.kill(os.getpid(), signal.SIGKILL)
        out = real(*args, **kwargs)
        os.kill(os.getpid(), signal.SIGKILL)
        return out
    setattr(mod, name, killer)
from tidings.cli import main
sys.argv = ["tidings", "ingest", sys.argv[1], "--db", sys.argv[2], "--published", "2024-05-06"]
main()
"""
REFRESH_POINTS = [
    "tidings.timeline.refresh:deduplicate:before",
    "tidings.store.timeline_tables:write_signatures:after",
    "tidings.store.timeline_tables:write_duplicates:after",
    "tidings.timeline.refresh:rebuild_timeline:before",
    "tidings.store.timeline_tables:write_timeline:after",
]


SNAPSHOT: list[str] = []  # PYTHONPATH of the package snapshot


def _snapshot(where: Path) -> None:
    import tidings

    source = Path(tidings.__file__).parent
    shutil.copytree(source, where / "tidings", ignore=shutil.ignore_patterns("__pycache__"))
    SNAPSHOT[:] = [str(where)]


def _start(script: Path, corpus: Path, db: Path, kill_at: str = "") -> subprocess.Popen[bytes]:
    env = {**os.environ, "KILL_AT": kill_at, "PYTHONPATH": os.pathsep.join(SNAPSHOT)}
    return subprocess.Popen(
        [sys.executable, str(script), str(corpus), str(db), SNAPSHOT[0]], env=env,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip


def _end_group(proc: subprocess.Popen[bytes]) -> None:
    """SIGKILL whatever is left of the group this test started (workers included)."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _run(script: Path, corpus: Path, db: Path) -> str:
    proc = _start(script, corpus, db)
    out, _ = proc.communicate()
    _end_group(proc)
    assert proc.returncode == 0, out.decode(errors="replace")
    return out.decode(errors="replace")


def _kill_after(script: Path, corpus: Path, db: Path, delay: float) -> bool:
    """Start ingest, SIGKILL it after ``delay`` s (only the main process, as a user's
    kill -9 would); True when it was still running at that point."""
    proc = _start(script, corpus, db)
    end = time.monotonic() + delay
    while time.monotonic() < end and proc.poll() is None:
        time.sleep(0.01)
    killed = proc.poll() is None
    if killed:
        proc.send_signal(signal.SIGKILL)
    proc.communicate()
    _end_group(proc)
    return killed


def _check(db: Path, expected: dict[str, object], distinct: int) -> None:
    import duckdb

    got = store_tables(db)
    con = duckdb.connect(str(db), read_only=True)
    con.execute("SET search_path = 'internal,main'")  # the store's own tables
    try:
        assert con.execute("SELECT count(*), count(DISTINCT content_hash) FROM documents")\
            .fetchone() == (distinct, distinct)  # fmt: skip
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (distinct,)
        for table in ("articles", "mentions", "quotes", "dates", "events", "article_signatures",
                      "duplicates", "instance_sources"):  # fmt: skip
            column = "doc_id"
            orphans = con.execute(
                f"SELECT count(*) FROM {table} WHERE {column} NOT IN"
                " (SELECT content_hash FROM documents)"
            ).fetchone()
            assert orphans == (0,), f"orphan rows in {table}"
        assert con.execute("SELECT count(*) FROM refresh_pending").fetchone() == (0,)
    finally:
        con.close()
    for name in expected:
        assert got[name] == expected[name], f"table {name} differs from the clean run"
    assert set(got) == set(expected)


@pytest.mark.slow
def test_reliability_kill_9_during_ingest_then_rerun(tmp_path: Path) -> None:
    _snapshot(tmp_path / "src")
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    corpus = tmp_path / "corpus"
    distinct = write_corpus(corpus, ARTICLES)
    clean = tmp_path / "clean.duckdb"
    began = time.monotonic()
    _run(script, corpus, clean)
    span = time.monotonic() - began  # to draw kill points from; never asserted on
    expected = store_tables(clean)
    assert expected["findings"] and expected["duplicates"] and expected["instances"]

    rng = random.Random(int(os.environ.get("TIDINGS_KILL_SEED", "2026")))
    for n in range(ROUNDS):
        db = tmp_path / f"killed{n}.duckdb"
        # A kill known to land inside the refresh (a different point each round) ...
        point = REFRESH_POINTS[n % len(REFRESH_POINTS)]
        proc = _start(script, corpus, db, kill_at=point)
        proc.communicate()
        _end_group(proc)
        assert proc.returncode == -signal.SIGKILL, point
        # ... then kills at random moments of the re-runs (reading, analysing, writing,
        # refreshing), then a run left to finish.
        for _ in range(2):
            _kill_after(script, corpus, db, rng.uniform(0.2, span * 1.1))
        _run(script, corpus, db)
        _check(db, expected, distinct)

    # Random kills from an empty store too (the first write may itself be cut short).
    db = tmp_path / "fresh.duckdb"
    _kill_after(script, corpus, db, rng.uniform(0.2, span))
    _run(script, corpus, db)
    _check(db, expected, distinct)
