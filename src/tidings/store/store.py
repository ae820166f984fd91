"""The DuckDB store: the only module that talks to DuckDB; it answers with records.

One article is written in one transaction keyed by its content hash, so saving the same
document twice stores nothing twice and a failed write leaves earlier articles intact.
:meth:`Store.save_many` writes a batch in one transaction for speed and, when that fails,
retries article by article so that only the bad article is lost.

Single writer: a DuckDB file is opened read-write by one process at a time. Do not point
two ``tidings ingest`` runs at the same file; a second process gets a :class:`StoreError`
saying the store is in use. Within one process, use one ``Store`` per thread of writing.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import pyarrow as pa

from tidings.errors import StoreError
from tidings.model import Analysis, Article
from tidings.store import rows as R
from tidings.store.export import (
    FORMATS,
    TABLES,
    ExportFormat,
    ExportTable,
    check_target,
    copy_options,
    flat_select,
)
from tidings.store.filters import (
    Where,
    actor_list_clause,
    actor_value_clause,
    date_range_clause,
)
from tidings.store.records import StoredEvent, StoredQuote, json_record
from tidings.store.schema import migrate

DEFAULT_PATH = "tidings.duckdb"
LOCK_WAIT = 5.0  # seconds to wait for another process to release the store
FETCH_CHUNK = 2048


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class Store:
    """A tidings store in a DuckDB file (or ``":memory:"``)."""

    def __init__(
        self,
        path: str | Path = DEFAULT_PATH,
        *,
        create: bool = True,
        read_only: bool = False,
        wait: float | None = None,
    ) -> None:
        """Open the store. DuckDB lets one process write a file or several read it, never
        both: while another process holds it, opening is retried for ``wait`` seconds
        (default :data:`LOCK_WAIT`, or ``$TIDINGS_LOCK_WAIT``), then refused with a
        one-line error saying the store is in use. ``read_only`` opens for queries only
        (several readers at once; the schema must be current)."""
        self.path = str(path)
        self.read_only = read_only
        if self.path != ":memory:" and (not create or read_only) and not Path(self.path).exists():
            raise StoreError("no store here (ingest something first)", source=self.path)
        if wait is None:
            try:
                wait = float(os.environ.get("TIDINGS_LOCK_WAIT", LOCK_WAIT))
            except ValueError:
                wait = LOCK_WAIT
        give_up = time.monotonic() + max(0.0, wait)
        while True:
            try:
                self.con = duckdb.connect(self.path, read_only=read_only)
                break
            except duckdb.IOException as exc:
                message = _first_line(exc)
                if "lock" not in message.lower():
                    raise StoreError(message, source=self.path) from exc
                if time.monotonic() < give_up:
                    time.sleep(0.1)
                    continue
                raise StoreError(
                    "store is in use by another process (one writer, or several readers, at "
                    "a time); try again when it has finished",
                    source=self.path,
                ) from exc
            except duckdb.Error as exc:
                raise StoreError(
                    f"cannot open store: {_first_line(exc)}", source=self.path
                ) from exc
        if read_only:
            self.version = self._check_version()
        else:
            self.version = migrate(self.con, source=self.path)

    def _check_version(self) -> int:
        from tidings.store.schema import bundled_migrations

        try:
            row = self.con.execute("SELECT max(version) FROM schema_version").fetchone()
        except duckdb.Error:
            row = None
        version = int(row[0]) if row and row[0] is not None else 0
        known = bundled_migrations()[-1].version
        if version != known:
            self.con.close()
            raise StoreError(
                f"store schema is version {version}, this tidings expects {known}: open it "
                "once for writing (e.g. ingest) to migrate it",
                source=self.path,
            )
        return version

    # ---- lifecycle ------------------------------------------------------------------

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # ---- writing ----------------------------------------------------------------------

    def has(self, content_hash: str) -> bool:
        row = self.con.execute(
            "SELECT 1 FROM documents WHERE content_hash = ?", [content_hash]
        ).fetchone()
        return row is not None

    def stored(self, hashes: Iterable[str]) -> set[str]:
        """Which of ``hashes`` are already in the store (one query for the lot)."""
        wanted = list(set(hashes))
        if not wanted:
            return set()
        found = self.con.execute(
            "SELECT content_hash FROM documents WHERE list_contains(?, content_hash)", [wanted]
        ).fetchall()
        return {h for (h,) in found}

    def save(self, analysis: Analysis) -> bool:
        """Store one article; False when its content hash is already stored."""
        (result,) = self.save_many([analysis])
        if isinstance(result, StoreError):
            raise result
        return result

    def save_many(self, analyses: list[Analysis]) -> list[bool | StoreError]:
        """Store a batch: per analysis True (stored), False (already present) or the error.

        The batch goes in one transaction; if that fails, each article is retried in its
        own transaction so one bad article costs only itself.
        """
        present = self.stored(a.document.content_hash for a in analyses)
        results: list[bool | StoreError] = []
        fresh: list[Analysis] = []
        for analysis in analyses:
            key = analysis.document.content_hash
            if key in present:
                results.append(False)
                continue
            present.add(key)
            fresh.append(analysis)
            results.append(True)
        if not fresh:
            return results
        errors: dict[int, StoreError] = {}
        try:
            self._write(fresh)
        except StoreError as exc:
            if len(fresh) == 1:
                errors[id(fresh[0])] = exc
            else:
                for analysis in fresh:
                    try:
                        self._write([analysis])
                    except StoreError as one:
                        errors[id(analysis)] = one
        return [
            errors.get(id(a), r) if r is True else r for a, r in zip(analyses, results, strict=True)
        ]

    def _write(self, analyses: list[Analysis]) -> None:
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        for analysis in analyses:
            _strip_credentials(analysis)
        try:
            tables = R.batch_tables(analyses, now)
        except (pa.ArrowException, TypeError, ValueError) as exc:
            raise StoreError(
                f"cannot convert records: {_first_line(exc)}", source=_sources(analyses)
            ) from exc
        self.con.begin()
        try:
            for name, table in tables.items():
                if table.num_rows == 0:
                    continue
                view = f"_incoming_{name}"
                self.con.register(view, table)
                try:
                    self.con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM {view}")
                finally:
                    self.con.unregister(view)
            # In the same transaction: these articles' derived rows are not current yet.
            self.con.execute(
                "INSERT INTO refresh_pending SELECT unnest(?)",
                [[a.document.content_hash for a in analyses]],
            )
            self.con.commit()
        except duckdb.Error as exc:
            self.con.rollback()
            raise StoreError(
                f"write failed, nothing stored: {_first_line(exc)}", source=_sources(analyses)
            ) from exc

    # ---- derived tables -----------------------------------------------------------------

    def refresh_pending(self) -> bool:
        """True when stored articles await a refresh of the derived tables (duplicate
        links, instances, findings): a refresh was never run or was cut short."""
        return self.con.execute("SELECT 1 FROM refresh_pending LIMIT 1").fetchone() is not None

    def discard_partial_refresh(self) -> None:
        """Forget signatures, bands and duplicate links of the articles awaiting a
        refresh, so that a refresh cut short between its transactions is redone whole
        (and finds the same links as an uninterrupted one)."""
        self.con.begin()
        try:
            for table in ("duplicates", "article_bands", "article_signatures"):
                self.con.execute(
                    f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM refresh_pending)"
                )
            self.con.commit()
        except duckdb.Error as exc:
            self.con.rollback()
            raise StoreError(
                f"cannot reset an interrupted refresh: {_first_line(exc)}", source=self.path
            ) from exc

    # ---- reading ----------------------------------------------------------------------

    def resolve_id(self, id_or_prefix: str) -> str:
        """The full doc_id for an id or a unique prefix of one."""
        prefix = id_or_prefix.strip().lower()
        if not prefix:
            raise StoreError("empty article id", source=self.path)
        found = self.con.execute(
            "SELECT doc_id FROM articles WHERE starts_with(doc_id, ?) ORDER BY doc_id LIMIT 3",
            [prefix],
        ).fetchall()
        if not found:
            raise StoreError(f"no article with id {id_or_prefix!r}", source=self.path)
        if len(found) > 1:
            raise StoreError(
                f"id prefix {id_or_prefix!r} is ambiguous: give more characters",
                source=self.path,
            )
        return str(found[0][0])

    def article(self, id_or_prefix: str) -> Analysis:
        """Everything stored for one article (the document without its raw content)."""
        doc_id = self.resolve_id(id_or_prefix)
        art_row = self.con.execute(
            f"SELECT {R.ARTICLE_COLUMNS} FROM articles a WHERE a.doc_id = ?", [doc_id]
        ).fetchone()
        doc_row = self.con.execute(
            f"SELECT {R.DOCUMENT_COLUMNS} FROM documents WHERE content_hash = ?", [doc_id]
        ).fetchone()
        if art_row is None or doc_row is None:  # pragma: no cover - written together
            raise StoreError(f"article {doc_id} is incomplete", source=self.path)
        mentions = self.con.execute(
            f"SELECT {R.MENTION_COLUMNS} FROM mentions WHERE doc_id = ? ORDER BY ordinal",
            [doc_id],
        ).fetchall()
        dates = self.con.execute(
            f"SELECT {R.DATE_COLUMNS} FROM dates WHERE doc_id = ? ORDER BY ordinal", [doc_id]
        ).fetchall()
        return Analysis(
            document=R.document_from_row(doc_row),
            article=R.article_from_row(art_row),
            mentions=[R.mention_from_row(r) for r in mentions],
            quotes=list(self.quotes(doc_id=doc_id)),
            dates=[R.date_from_row(r) for r in dates],
            events=list(self.events(doc_id=doc_id, order="ordinal")),
        )

    def articles(
        self,
        publisher: str | None = None,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        limit: int | None = None,
    ) -> list[Article]:
        """Articles by publication date (publisher: case-insensitive substring)."""
        return list(self.iter_articles(publisher, since, until, limit))

    def iter_articles(
        self,
        publisher: str | None = None,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        limit: int | None = None,
    ) -> Iterator[Article]:
        """Like :meth:`articles`, streamed."""
        where = Where()
        if publisher:
            where.add("a.publisher ILIKE ?", f"%{publisher}%")
        date_range_clause(where, since, until, "a.published", "a.published")
        sql = (
            f"SELECT {R.ARTICLE_COLUMNS} FROM articles a{where.sql()} "
            "ORDER BY a.published NULLS LAST, a.doc_id" + _limit(limit)
        )
        return (R.article_from_row(r) for r in self._stream(sql, where.params))

    def doc_ids(self) -> list[str]:
        """Every stored article id, by publication date."""
        rows = self.con.execute(
            "SELECT doc_id FROM articles ORDER BY published NULLS LAST, doc_id"
        ).fetchall()
        return [r[0] for r in rows]

    def events(
        self,
        actor: str | None = None,
        recipient: str | None = None,
        event_type: str | None = None,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        limit: int | None = None,
        doc_id: str | None = None,
        order: str = "date",
    ) -> Iterator[StoredEvent]:
        """Events matching every filter given, by date (undated last) then article order.

        ``actor``/``recipient``: a code, a country prefix or a name (see
        :mod:`tidings.store.filters`); ``event_type``: a PLOVER type, case-insensitive;
        ``since``/``until``: the event's dated days overlap the range.
        """
        where = Where()
        if actor:
            actor_list_clause(where, actor, "e.actor_codes", "e.actor_keys")
        if recipient:
            actor_list_clause(where, recipient, "e.recipient_codes", "e.recipient_keys")
        if event_type:
            where.add("e.event = ?", event_type.strip().upper())
        date_range_clause(where, since, until, "e.first_day", "e.last_day")
        if doc_id:
            where.add("e.doc_id = ?", doc_id)
        order_by = (
            "e.doc_id, e.ordinal"
            if order == "ordinal"
            else "e.first_day NULLS LAST, e.last_day, a.published, e.doc_id, e.ordinal"
        )
        sql = (
            f"SELECT {R.EVENT_COLUMNS} FROM events e LEFT JOIN articles a USING (doc_id)"
            f"{where.sql()} ORDER BY {order_by}" + _limit(limit)
        )
        return (R.event_from_row(r) for r in self._stream(sql, where.params))

    def quotes(
        self,
        speaker: str | None = None,
        doc_id: str | None = None,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        limit: int | None = None,
    ) -> Iterator[StoredQuote]:
        """Quotes by article publication date then position; ``speaker`` a code or name;
        ``since``/``until`` filter on the article's publication date."""
        where = Where()
        if speaker:
            actor_value_clause(where, speaker, "q.speaker_code", "q.speaker_key")
        if doc_id:
            where.add("q.doc_id = ?", doc_id)
        date_range_clause(where, since, until, "a.published", "a.published")
        sql = (
            f"SELECT {R.QUOTE_COLUMNS} FROM quotes q LEFT JOIN articles a USING (doc_id)"
            f"{where.sql()} ORDER BY a.published NULLS LAST, q.doc_id, q.ordinal" + _limit(limit)
        )
        return (R.quote_from_row(r) for r in self._stream(sql, where.params))

    def has_table(self, name: str) -> bool:
        row = self.con.execute(
            "SELECT 1 FROM information_schema.tables WHERE table_name = ?", [name]
        ).fetchone()
        return row is not None

    def findings_for(self, doc_id: str) -> list[dict[str, Any]]:
        """The findings an article supports, once a later migration adds a ``findings``
        table (with a ``doc_ids`` list or a ``doc_id`` column); empty before that."""
        if not self.has_table("findings"):
            return []
        columns = {
            r[0]
            for r in self.con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'findings'"
            ).fetchall()
        }
        if "doc_ids" in columns:
            clause = "list_contains(doc_ids, ?)"
        elif "doc_id" in columns:
            clause = "doc_id = ?"
        else:
            return []
        cursor = self.con.execute(f"SELECT * FROM findings WHERE {clause}", [doc_id])
        names = [d[0] for d in cursor.description or []]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def counts(self) -> dict[str, int]:
        """Rows per table, for summaries."""
        out: dict[str, int] = {}
        for name in ("documents", "articles", "mentions", "quotes", "dates", "events"):
            row = self.con.execute(f"SELECT count(*) FROM {name}").fetchone()
            out[name] = int(row[0]) if row else 0
        return out

    def _stream(self, sql: str, params: list[Any]) -> Iterator[tuple[Any, ...]]:
        # A private cursor, so a caller may run other queries while iterating.
        cursor = self.con.cursor()
        try:
            cursor.execute(sql, params)
            while chunk := cursor.fetchmany(FETCH_CHUNK):
                yield from chunk
        finally:
            cursor.close()

    # ---- export -----------------------------------------------------------------------

    def export(
        self,
        path: str | Path,
        fmt: ExportFormat = "jsonl",
        table: ExportTable = "events",
        force: bool = False,
    ) -> int:
        """Write one table to ``path``; returns the number of records written. Refuses to
        write onto the store itself, or over an existing file unless ``force``."""
        check_target(path, self.path, force)
        if fmt not in FORMATS:
            raise StoreError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
        if table not in TABLES:
            raise StoreError(f"unknown export table {table!r}: use one of {', '.join(TABLES)}")
        target = Path(path)
        if fmt == "jsonl":
            return self._export_jsonl(target, table)
        quoted = str(target).replace("'", "''")
        try:
            row = self.con.execute(
                f"COPY ({flat_select(table, fmt)}) TO '{quoted}' {copy_options(fmt)}"
            ).fetchone()
        except duckdb.Error as exc:
            raise StoreError(f"export failed: {_first_line(exc)}", source=str(target)) from exc
        return int(row[0]) if row else 0

    def _export_jsonl(self, target: Path, table: ExportTable) -> int:
        records: Iterator[Any]
        if table == "events":
            records = self.events()
        elif table == "quotes":
            records = self.quotes()
        else:
            records = self.iter_articles()
        n = 0
        try:
            with target.open("w", encoding="utf-8") as fh:
                for record in records:
                    fh.write(json.dumps(json_record(record), ensure_ascii=False) + "\n")
                    n += 1
        except OSError as exc:
            raise StoreError(f"cannot write: {exc.strerror or exc}", source=str(target)) from exc
        return n


def _limit(limit: int | None) -> str:
    return f" LIMIT {int(limit)}" if limit is not None else ""


def _strip_credentials(analysis: Analysis) -> None:
    """Never store ``user:pass@`` of a URL: not in the source, the hints or the article's
    URL (a feed entry or a canonical link can carry them as well as a command line)."""
    from tidings.sources.urls import scrub, strip_credentials

    doc, art = analysis.document, analysis.article
    doc.source = strip_credentials(doc.source)
    doc.hints = scrub(doc.hints)
    if art.url:
        art.url = strip_credentials(art.url)


def _sources(analyses: list[Analysis]) -> str:
    first = analyses[0].document.source if analyses else "?"
    return first if len(analyses) == 1 else f"{first} (+{len(analyses) - 1} more)"
