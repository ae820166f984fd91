"""The DuckDB store: the only module that talks to DuckDB; it answers with records.

One article is written in one transaction keyed by its content hash, so saving the same
document twice stores nothing twice and a failed write leaves earlier articles intact.
:meth:`Store.save_many` writes a batch in one transaction for speed and, when that fails,
retries article by article so that only the bad article is lost.

The store's own tables live in the schema ``internal``; ``main`` holds the public views
(:mod:`tidings.store.views`), recreated by every writable open.

One writer or several readers: a DuckDB file is opened read-write by one process at a
time, or read-only by several. Readers open with ``read_only=True`` (every reading command
does), so commands and notebooks read side by side; a process that finds the store held
waits ``TIDINGS_LOCK_WAIT`` seconds, then gets a :class:`StoreError` naming the process
that holds it. Within one process, use one ``Store`` per thread of writing.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO

import duckdb
import pyarrow as pa

from tidings.actors.fold import is_code, name_key
from tidings.errors import InputError, StoreError
from tidings.model import Analysis
from tidings.shapes import finding_record
from tidings.store import rows as R
from tidings.store.export import (
    FORMATS,
    TABLES,
    ExportFormat,
    ExportTable,
    check_target,
    copy_options,
    export_select,
)
from tidings.store.filters import (
    Where,
    actor_list_clause,
    actor_value_clause,
    date_range_clause,
)
from tidings.store.records import StoredArticle, StoredEvent, StoredQuote
from tidings.store.schema import bundled_migrations, migrate, stored_version
from tidings.store.views import create_views

DEFAULT_PATH = "tidings.duckdb"
LOCK_WAIT = 5.0  # seconds to wait for another process to release the store
FETCH_CHUNK = 2048
# The store's own queries name its tables unqualified and find them in `internal`; an
# analyst's connection (default search path) sees `main`, the public views. Set on every
# connection and cursor the store opens.
SEARCH_PATH = "SET search_path = 'internal,main'"


def lock_wait() -> float:
    """Seconds to wait for a store another process holds: ``$TIDINGS_LOCK_WAIT`` or 5."""
    try:
        return max(0.0, float(os.environ.get("TIDINGS_LOCK_WAIT", LOCK_WAIT)))
    except ValueError:
        return LOCK_WAIT


def _holder(message: str) -> str:
    """The process DuckDB names in a lock error, with its command line when readable:
    ``process 4242 (tidings ingest corpus.jsonl)``."""
    found = re.search(r"PID (\d+)", message)
    if not found:
        return "another process"
    pid = found.group(1)
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return f"process {pid}"
    words = [w for w in raw.decode("utf-8", "replace").split("\0") if w]
    if len(words) > 2 and words[1] == "-m":  # python -m tidings …
        words = words[2:]
    elif len(words) > 1 and Path(words[0]).name.startswith("python"):  # python script …
        words = words[1:]
    if words:
        words[0] = Path(words[0]).name
    return f"process {pid} ({' '.join(words)[:120]})" if words else f"process {pid}"


def busy_message(error: str, read_only: bool, waited: float) -> str:
    """Why a store cannot be opened: who holds it and what to do."""
    who = _holder(error)
    if read_only:
        return (f"store is being written by {who}; readers wait for a writer to finish "
                f"(waited {waited:g} s, TIDINGS_LOCK_WAIT sets how long): try again when it "
                "has finished")  # fmt: skip
    return (f"store is open in {who}; writing needs it alone (waited {waited:g} s, "
            "TIDINGS_LOCK_WAIT sets how long): close that connection or wait for it to end, "
            "or open this one read-only")  # fmt: skip


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
        """Open the store. DuckDB lets one process write a file, or several read it, never
        both: while another process holds it, opening is retried for ``wait`` seconds
        (default :data:`LOCK_WAIT`, or ``$TIDINGS_LOCK_WAIT``), then refused with a
        one-line error naming the process that holds it. ``read_only`` opens for queries
        only, beside other readers (a notebook, other ``tidings`` commands); a store of an
        older schema is first migrated, when no one holds it."""
        self.path = str(path)
        self.read_only = read_only
        if self.path != ":memory:" and (not create or read_only) and not Path(self.path).exists():
            raise StoreError("no store here (ingest something first)", source=self.path)
        self.wait = lock_wait() if wait is None else wait
        self.con = self._connect(read_only)
        if read_only:
            self.version = stored_version(self.con)
            if self.version < bundled_migrations()[-1].version:
                self.con.close()  # an older store: migrate it once, then read
                self.con = self._connect(False)
                self._upgrade()
                self.con.close()
                self.con = self._connect(True)
                self.version = stored_version(self.con)
            self._check_version()
        else:
            self._upgrade()
        self.con.execute(SEARCH_PATH)

    def _connect(self, read_only: bool) -> duckdb.DuckDBPyConnection:
        give_up = time.monotonic() + max(0.0, self.wait)
        while True:
            try:
                return duckdb.connect(self.path, read_only=read_only)
            except duckdb.IOException as exc:
                message = _first_line(exc)
                if "lock" not in message.lower():
                    raise StoreError(message, source=self.path) from exc
                if time.monotonic() < give_up:
                    time.sleep(0.1)
                    continue
                raise StoreError(busy_message(str(exc), read_only, self.wait),
                                 source=self.path) from exc  # fmt: skip
            except duckdb.Error as exc:
                raise StoreError(
                    f"cannot open store: {_first_line(exc)}", source=self.path
                ) from exc

    def _upgrade(self) -> None:
        """Apply the migrations and (re)create the public views."""
        self.version = migrate(self.con, source=self.path)
        self.con.begin()
        try:
            create_views(self.con)
            self.con.commit()
        except duckdb.Error as exc:
            self.con.rollback()
            raise StoreError(f"cannot create the views: {_first_line(exc)}",
                             source=self.path) from exc  # fmt: skip

    def _check_version(self) -> None:
        known = bundled_migrations()[-1].version
        if self.version != known:
            self.con.close()
            raise StoreError(
                f"store schema is version {self.version} but this tidings knows only up to "
                f"{known}; use a newer tidings",
                source=self.path,
            )

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
        """Everything stored for one article (the document without its raw content); the
        article is a :class:`StoredArticle`, with its source, format and ingest time."""
        doc_id = self.resolve_id(id_or_prefix)
        art_row = self.con.execute(
            f"SELECT {R.ARTICLE_COLUMNS}, d.source, d.format, d.ingested_at FROM articles a "
            "JOIN documents d ON d.content_hash = a.doc_id WHERE a.doc_id = ?", [doc_id]
        ).fetchone()  # fmt: skip
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
            article=R.stored_article_from_row(art_row),
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
        offset: int = 0,
    ) -> list[StoredArticle]:
        """Articles by publication date (publisher: case-insensitive substring); ``offset``
        skips that many first."""
        return list(self.iter_articles(publisher, since, until, limit, offset))

    def iter_articles(
        self,
        publisher: str | None = None,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Iterator[StoredArticle]:
        """Like :meth:`articles`, streamed."""
        where = Where()
        if publisher:
            where.add("a.publisher ILIKE ?", f"%{publisher}%")
        date_range_clause(where, since, until, "a.published", "a.published")
        sql = (
            f"SELECT {R.ARTICLE_COLUMNS}, d.source, d.format, d.ingested_at FROM articles a "
            f"JOIN documents d ON d.content_hash = a.doc_id{where.sql()} "
            "ORDER BY a.published NULLS LAST, a.doc_id" + _limit(limit, offset)
        )
        return (R.stored_article_from_row(r) for r in self._stream(sql, where.params))

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
        mode: str | None = None,
        offset: int = 0,
    ) -> Iterator[StoredEvent]:
        """Events matching every filter given, by date (undated last) then article order.

        ``actor``/``recipient``: a code, a country prefix or a name (see
        :mod:`tidings.store.filters`); ``event_type``: a PLOVER type, case-insensitive,
        or ``TYPE/mode`` (as tidings prints it); ``mode``: the type's mode;
        ``since``/``until``: the event's dated days overlap the range.
        """
        where = Where()
        if actor:
            actor_list_clause(where, actor, "e.actor_codes", "e.actor_keys")
        if recipient:
            actor_list_clause(where, recipient, "e.recipient_codes", "e.recipient_keys")
        if event_type:
            kind, _, type_mode = event_type.partition("/")
            where.add("e.event = ?", kind.strip().upper())
            mode = mode or type_mode.strip() or None
        if mode:
            where.add("lower(e.mode) = ?", mode.strip().lower())
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
            f"{where.sql()} ORDER BY {order_by}" + _limit(limit, offset)
        )
        return (R.event_from_row(r) for r in self._stream(sql, where.params))

    def quotes(
        self,
        speaker: str | None = None,
        doc_id: str | None = None,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        limit: int | None = None,
        offset: int = 0,
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
            f"{where.sql()} ORDER BY a.published NULLS LAST, q.doc_id, q.ordinal"
            + _limit(limit, offset)
        )
        return (R.quote_from_row(r) for r in self._stream(sql, where.params))

    def findings_for(self, doc_id: str) -> list[dict[str, Any]]:
        """The findings an article supports, as public records (:mod:`tidings.shapes`)."""
        cursor = self.con.execute(
            "SELECT * FROM findings WHERE list_contains(doc_ids, ?)"
            " ORDER BY first_day, kind, finding_id", [doc_id]
        )  # fmt: skip
        names = [d[0] for d in cursor.description or []]
        return [finding_record(dict(zip(names, row, strict=True))) for row in cursor.fetchall()]

    def nearest_actors(self, term: str, n: int = 5) -> list[str]:
        """The stored actors closest to a term that matched nothing, as ``Name (CODE)``:
        by code when the term looks like one, else by the folded name and its words."""
        pairs = self.actor_names()
        if is_code(term):
            codes = sorted({c for c, _ in pairs if c})
            return difflib.get_close_matches(term.upper(), codes, n=n, cutoff=0.5)
        wanted = name_key(term)
        by_key: dict[str, tuple[str, str]] = {}
        for code, name in pairs:
            key = name_key(name)
            if not key:
                continue
            by_key.setdefault(key, (code, name))
            for word in key.split():  # a surname alone should find the full name
                by_key.setdefault(word, (code, name))
        found: list[str] = []
        for key in difflib.get_close_matches(wanted, list(by_key), n=n * 3, cutoff=0.6):
            code, name = by_key[key]
            label = f"{name} ({code})" if code else name
            if label not in found:
                found.append(label)
        return found[:n]

    def actor_names(self) -> list[tuple[str, str]]:
        """Every distinct (code, name) the store knows: mentioned, acting or quoted."""
        rows = self.con.execute(
            "SELECT DISTINCT code, name FROM mentions"
            " UNION SELECT DISTINCT speaker_code, speaker_name FROM quotes"
            "   WHERE speaker_code IS NOT NULL"
        ).fetchall()
        return [(c or "", n or "") for c, n in rows]

    def matches_actor(self, term: str) -> bool:
        """True when the actor term (code, country or name) matches any stored event,
        quote or mention."""
        for table, codes, keys in (("events", "actor_codes", "actor_keys"),
                                   ("events", "recipient_codes", "recipient_keys")):  # fmt: skip
            where = Where()
            actor_list_clause(where, term, codes, keys)
            sql = f"SELECT 1 FROM {table}{where.sql()} LIMIT 1"
            if self.con.execute(sql, where.params).fetchone():
                return True
        where = Where()
        actor_value_clause(where, term, "speaker_code", "speaker_key")
        return self.con.execute(f"SELECT 1 FROM quotes{where.sql()} LIMIT 1",
                                where.params).fetchone() is not None  # fmt: skip

    def counts(self) -> dict[str, int]:
        """Rows per table, for summaries."""
        out: dict[str, int] = {}
        for name in ("documents", "articles", "mentions", "quotes", "dates", "events"):
            row = self.con.execute(f"SELECT count(*) FROM internal.{name}").fetchone()
            out[name] = int(row[0]) if row else 0
        return out

    def _stream(self, sql: str, params: list[Any]) -> Iterator[tuple[Any, ...]]:
        # A private cursor, so a caller may run other queries while iterating.
        cursor = self.con.cursor()
        cursor.execute(SEARCH_PATH)  # a cursor starts with the default search path
        try:
            cursor.execute(sql, params)
            while chunk := cursor.fetchmany(FETCH_CHUNK):
                yield from chunk
        finally:
            cursor.close()

    # ---- export -----------------------------------------------------------------------

    def export(
        self,
        path: str | Path | BinaryIO,
        fmt: ExportFormat = "jsonl",
        table: ExportTable = "events",
        force: bool = False,
    ) -> int:
        """Write one public view (:mod:`tidings.store.views`) to ``path`` or to a binary
        stream; returns the number of records written. Refuses to write onto the store
        itself, or over an existing file unless ``force``."""
        if fmt not in FORMATS:
            raise StoreError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
        if table not in TABLES:
            raise StoreError(f"unknown export table {table!r}: use one of {', '.join(TABLES)}")
        if not isinstance(path, str | Path):
            return self._export_stream(path, fmt, table)
        check_target(path, self.path, force)
        target = Path(path)
        quoted = str(target).replace("'", "''")
        try:
            row = self.con.execute(
                f"COPY ({export_select(table, fmt)}) TO '{quoted}' {copy_options(fmt)}"
            ).fetchone()
        except duckdb.Error as exc:
            raise StoreError(f"export failed: {_first_line(exc)}", source=str(target)) from exc
        return int(row[0]) if row else 0

    def _export_stream(self, out: BinaryIO, fmt: ExportFormat, table: ExportTable) -> int:
        """Export to a stream (standard output): DuckDB writes a temporary file, copied
        out, so the bytes are those a file export would hold."""
        with tempfile.TemporaryDirectory(prefix="tidings-export-") as tmp:
            target = Path(tmp) / f"export.{fmt}"
            n = self.export(target, fmt, table)
            with target.open("rb") as fh:
                try:
                    shutil.copyfileobj(fh, out)
                    out.flush()
                except OSError as exc:
                    raise StoreError(f"cannot write: {exc.strerror or exc}",
                                     source="-") from exc  # fmt: skip
        return n


def _limit(limit: int | None, offset: int = 0) -> str:
    """LIMIT and OFFSET clauses (a negative offset is an error, not the whole list)."""
    if offset < 0:
        raise InputError(f"offset must be 0 or more, not {offset}")
    clause = f" LIMIT {int(limit)}" if limit is not None else ""
    return clause + (f" OFFSET {int(offset)}" if offset else "")


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
