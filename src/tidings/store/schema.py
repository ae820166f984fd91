"""The versioned schema: SQL migration files applied in order, recorded in ``schema_version``.

A migration is a file ``src/tidings/store/migrations/NNN_name.sql`` (``NNN`` a positive
integer, unique). Adding a table or a column to the store means adding the next file, e.g.
``002_instances.sql``; never edit a migration that has shipped, because stores that
already applied it will not run it again. Each file runs in its own transaction, so a
failing migration leaves the store at the previous version. The runner knows nothing
about what the files contain.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable

import duckdb

from tidings.errors import StoreError

MIGRATION_NAME = re.compile(r"^(\d+)_([A-Za-z0-9_]+)\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


def bundled_migrations(folder: Traversable | None = None) -> list[Migration]:
    """The migration files in version order; a duplicate version is a packaging error."""
    folder = folder or files("tidings.store").joinpath("migrations")
    found: dict[int, Migration] = {}
    for entry in folder.iterdir():
        match = MIGRATION_NAME.match(entry.name)
        if not match:
            continue
        version = int(match.group(1))
        if version in found:
            raise StoreError(
                f"two migrations share version {version}: {found[version].name}, {entry.name}"
            )
        found[version] = Migration(version, entry.name, entry.read_text("utf-8"))
    return [found[v] for v in sorted(found)]


def version_table(con: duckdb.DuckDBPyConnection) -> str:
    """Where the applied migrations are recorded: ``internal.schema_version`` since
    migration 005 moved the store's own tables out of ``main``, ``main.schema_version``
    before it."""
    row = con.execute(
        "SELECT 1 FROM duckdb_tables() WHERE schema_name = 'internal'"
        " AND table_name = 'schema_version'"
    ).fetchone()
    return "internal.schema_version" if row else "main.schema_version"


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    table = version_table(con)
    con.execute(
        f"CREATE TABLE IF NOT EXISTS {table} ("
        " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"
    )
    row = con.execute(f"SELECT max(version) FROM {table}").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def stored_version(con: duckdb.DuckDBPyConnection) -> int:
    """The store's version without writing anything (for read-only connections)."""
    try:
        row = con.execute(f"SELECT max(version) FROM {version_table(con)}").fetchone()
    except duckdb.Error:
        return 0
    return int(row[0]) if row and row[0] is not None else 0


def migrate(
    con: duckdb.DuckDBPyConnection, migrations: list[Migration] | None = None, source: str = ""
) -> int:
    """Apply every migration newer than the store's version; returns the new version."""
    migrations = bundled_migrations() if migrations is None else migrations
    version = current_version(con)
    known = migrations[-1].version if migrations else 0
    if version > known:
        raise StoreError(
            f"store schema is version {version} but this tidings knows only up to {known}; "
            "use a newer tidings",
            source=source,
        )
    for migration in migrations:
        if migration.version <= version:
            continue
        con.begin()
        try:
            con.execute(migration.sql)
            con.execute(
                f"INSERT INTO {version_table(con)} VALUES (?, ?, ?)",
                [migration.version, migration.name, dt.datetime.now(dt.UTC).replace(tzinfo=None)],
            )
            con.commit()
        except duckdb.Error as exc:
            con.rollback()
            raise StoreError(
                f"migration {migration.name} failed: {exc}".splitlines()[0], source=source
            ) from exc
        version = migration.version
    return version
