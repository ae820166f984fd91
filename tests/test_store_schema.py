"""The migration runner: files applied in order, once, each in its own transaction."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tidings.errors import StoreError
from tidings.store.schema import bundled_migrations, current_version, migrate


def write(folder: Path, name: str, sql: str) -> None:
    (folder / name).write_text(sql, encoding="utf-8")


def test_store_schema_bundled_migrations_start_at_one() -> None:
    migrations = bundled_migrations()
    assert migrations[0].version == 1 and migrations[0].name == "001_base.sql"
    assert [m.version for m in migrations] == sorted({m.version for m in migrations})


def test_store_schema_applies_new_files_in_order_and_once(tmp_path: Path) -> None:
    write(tmp_path, "001_a.sql", "CREATE TABLE a (x INTEGER);")
    write(tmp_path, "010_c.sql", "ALTER TABLE a ADD COLUMN z INTEGER;")
    write(tmp_path, "002_b.sql", "ALTER TABLE a ADD COLUMN y INTEGER; INSERT INTO a VALUES (1, 2);")
    write(tmp_path, "notes.txt", "not a migration")
    con = duckdb.connect(":memory:")
    assert migrate(con, bundled_migrations(tmp_path)) == 10
    assert migrate(con, bundled_migrations(tmp_path)) == 10  # nothing to do the second time
    assert con.execute("SELECT * FROM a").fetchall() == [(1, 2, None)]
    names = [
        r[0] for r in con.execute("SELECT name FROM schema_version ORDER BY version").fetchall()
    ]
    assert names == ["001_a.sql", "002_b.sql", "010_c.sql"]


def test_store_schema_failed_migration_leaves_previous_version(tmp_path: Path) -> None:
    write(tmp_path, "001_a.sql", "CREATE TABLE a (x INTEGER);")
    write(tmp_path, "002_bad.sql", "CREATE TABLE b (y INTEGER); SELECT * FROM nowhere;")
    con = duckdb.connect(":memory:")
    with pytest.raises(StoreError, match="002_bad.sql"):
        migrate(con, bundled_migrations(tmp_path))
    assert current_version(con) == 1
    tables = {
        r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
    }
    assert "b" not in tables


def test_store_schema_refuses_a_store_from_a_newer_tidings(tmp_path: Path) -> None:
    write(tmp_path, "001_a.sql", "CREATE TABLE a (x INTEGER);")
    con = duckdb.connect(":memory:")
    migrate(con, bundled_migrations(tmp_path))
    con.execute("INSERT INTO schema_version VALUES (7, '007_future.sql', now())")
    with pytest.raises(StoreError, match="newer tidings"):
        migrate(con, bundled_migrations(tmp_path))


def test_store_schema_duplicate_versions_are_an_error(tmp_path: Path) -> None:
    write(tmp_path, "001_a.sql", "SELECT 1;")
    write(tmp_path, "1_b.sql", "SELECT 1;")
    with pytest.raises(StoreError, match="share version 1"):
        bundled_migrations(tmp_path)
