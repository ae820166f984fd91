"""The store as the server reads it: a private copy, taken again when the file changes.

DuckDB lets one process write a file, or several read it, never both; ``tidings ingest``
holds the write lock for its whole run. A server holding a connection to the store would
lock ingest out (and the CLI's readers), and one that opened the store per request could
read nothing while an ingest runs. So the server never opens the user's store at all: it
copies the file (and its write-ahead log) into a private folder and reads the copy.

Copying a file another process is writing needs care. DuckDB writes a checkpoint into
free blocks and then switches the file header to it, and a transaction is appended to the
write-ahead log whole or, if the copy cuts it, ignored on replay. So a copy is consistent
when the header it starts with is the header the source still has once both files are
copied (no checkpoint switched over meanwhile); otherwise it is taken again. The copy is
then opened (replaying its log) and every table is read in full, so a block that changed
under the copy fails its checksum here, not in a request. Only a copy that passes replaces
the one being served; requests in flight finish on the old copy.

A watcher thread polls the source's size and modification times every ``poll`` seconds
and takes a new copy when they changed, at most once per ``interval`` seconds: new
records show within ``interval`` plus the time of one copy.
"""

from __future__ import annotations

import logging
import queue
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tidings.api import Tidings
from tidings.errors import StoreError, TidingsError

log = logging.getLogger("tidings.web")

HEADER_BYTES = 3 * 4096  # DuckDB's main header and its two alternating database headers
COPY_ATTEMPTS = 5
# What the server adds to a new copy, given the copy served until now (None at first).
Prepare = Callable[[Tidings, Tidings | None], None]


def _stamp(path: Path) -> tuple[tuple[int, int], ...]:
    """Size and modification time of the store and its write-ahead log."""
    out = []
    for p in (path, _wal(path)):
        try:
            st = p.stat()
            out.append((st.st_size, st.st_mtime_ns))
        except FileNotFoundError:
            out.append((-1, -1))
    return tuple(out)


def _wal(path: Path) -> Path:
    return path.with_name(path.name + ".wal")


def _header(path: Path) -> bytes:
    with path.open("rb") as fh:
        return fh.read(HEADER_BYTES)


def copy_store(source: Path, target: Path) -> None:
    """Copy a DuckDB file and its log while another process may be writing them."""
    for attempt in range(COPY_ATTEMPTS):
        before = _header(source)
        shutil.copyfile(source, target)
        try:
            shutil.copyfile(_wal(source), _wal(target))
        except FileNotFoundError:  # no log, or a checkpoint just removed it
            _wal(target).unlink(missing_ok=True)
        if _header(source) == before:
            return
        time.sleep(0.1 * (attempt + 1))
    raise StoreError("the store kept checkpointing while it was copied", source=str(source))


def check_tables(api: Tidings) -> None:
    """Read every stored table in full, so that a torn copy fails here."""
    con = api.store.con
    names = con.execute(
        "SELECT table_schema, table_name FROM information_schema.tables"
        " WHERE table_type = 'BASE TABLE'"
    ).fetchall()
    for schema, name in names:
        con.execute(f'SELECT count(*), sum(hash(COLUMNS(*))) FROM "{schema}"."{name}"').fetchall()


@dataclass
class Generation:
    """One copy of the store and a pool of connections to it (one per concurrent reader)."""

    number: int
    folder: Path
    taken_at: float
    apis: queue.Queue[Tidings] = field(default_factory=queue.Queue)
    opened: list[Tidings] = field(default_factory=list)
    users: int = 0
    retired: bool = False

    def close(self) -> None:
        for api in self.opened:
            try:
                api.close()
            except Exception:  # noqa: BLE001 - a failed close must not stop the others
                log.exception("closing a snapshot connection")
        shutil.rmtree(self.folder, ignore_errors=True)


class Snapshot:
    """Serves reads from a private, refreshed copy of the store at ``source``."""

    def __init__(
        self,
        source: str | Path,
        *,
        interval: float = 15.0,
        poll: float = 2.0,
        readers: int = 4,
        prepare: Prepare | None = None,
        workdir: str | Path | None = None,
    ) -> None:
        self.source = Path(source)
        self.interval = interval
        self.poll = poll
        self.readers = max(1, readers)
        self.prepare = prepare
        self._root = Path(tempfile.mkdtemp(prefix="tidings-serve-", dir=workdir))
        self._lock = threading.Lock()
        self._current: Generation | None = None
        self._stamp: tuple[tuple[int, int], ...] | None = None
        self._count = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.last_error: str | None = None

    # ---- lifecycle ------------------------------------------------------------------------

    def open(self) -> None:
        """Take the first copy (an unreadable store is a StoreError here, not later)."""
        if not self.source.is_file():
            raise StoreError("no store here (ingest something first)", source=str(self.source))
        self.refresh(force=True)

    def start(self) -> None:
        """Open, then watch the source in a daemon thread."""
        if self._current is None:
            self.open()
        self._thread = threading.Thread(target=self._watch, name="tidings-snapshot", daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)
        with self._lock:
            current, self._current = self._current, None
        if current is not None:
            self._retire(current)
        shutil.rmtree(self._root, ignore_errors=True)

    # ---- reading --------------------------------------------------------------------------

    @contextmanager
    def reading(self) -> Iterator[Tidings]:
        """A connection to the current copy, for one request."""
        with self._lock:
            generation = self._current
            if generation is None:
                raise StoreError("the server is not reading any store", source=str(self.source))
            generation.users += 1
        api = generation.apis.get()
        try:
            yield api
        finally:
            generation.apis.put(api)
            with self._lock:
                generation.users -= 1
                done = generation.retired and generation.users == 0
            if done:
                generation.close()

    @contextmanager
    def _previous(self) -> Iterator[Tidings | None]:
        if self._current is None:
            yield None
            return
        with self.reading() as api:
            yield api

    @property
    def taken_at(self) -> float | None:
        current = self._current
        return current.taken_at if current else None

    @property
    def generation(self) -> int:
        current = self._current
        return current.number if current else 0

    # ---- refreshing -----------------------------------------------------------------------

    def changed(self) -> bool:
        return _stamp(self.source) != self._stamp

    def refresh(self, force: bool = False) -> bool:
        """Take a new copy if the source changed (or ``force``); True when one was taken.
        A failed copy leaves the current one in service and raises."""
        stamp = _stamp(self.source)
        if not force and stamp == self._stamp:
            return False
        self._count += 1
        folder = self._root / f"g{self._count}"
        folder.mkdir()
        target = folder / "store.duckdb"
        generation = Generation(self._count, folder, time.time())
        try:
            copy_store(self.source, target)
            first = Tidings(target, create=False)  # an older schema is migrated in the copy
            generation.opened.append(first)
            check_tables(first)
            if self.prepare is not None:
                with self._previous() as previous:
                    self.prepare(first, previous)
            # Fold the replayed log into the copy's file: rows read back from a log sit
            # in memory uncompressed and without zone maps, and point reads scan them.
            first.store.con.execute("CHECKPOINT").fetchall()
            for _ in range(self.readers - 1):  # same database instance: the copy is shared
                generation.opened.append(Tidings(target, create=False))
        except Exception as exc:  # noqa: BLE001 - any failure keeps the copy in service
            generation.close()
            message = exc.one_line() if isinstance(exc, TidingsError) else f"{exc}"
            self.last_error = message
            raise StoreError(f"cannot read a copy of the store: {message}",
                             source=str(self.source)) from exc  # fmt: skip
        for api in generation.opened:
            generation.apis.put(api)
        with self._lock:
            old, self._current = self._current, generation
            self._stamp = stamp
        self.last_error = None
        if old is not None:
            self._retire(old)
        return True

    def _retire(self, generation: Generation) -> None:
        with self._lock:
            generation.retired = True
            idle = generation.users == 0
        if idle:
            generation.close()

    def _watch(self) -> None:
        last = time.monotonic()
        while not self._stop.wait(self.poll):
            if time.monotonic() - last < self.interval or not self.changed():
                continue
            try:
                if self.refresh():
                    log.info("store changed: now reading copy %d", self.generation)
            except TidingsError as exc:
                log.warning("keeping the previous copy: %s", exc.one_line())
            except Exception:  # noqa: BLE001 - the watcher must outlive any one failure
                log.exception("snapshot refresh failed")
            # The interval runs from the end of a copy: a large store being written is
            # copied at most once per interval plus the time one copy takes.
            last = time.monotonic()


def describe_age(taken_at: float | None) -> str:
    """When a copy was taken, in local time, for the pages' footer."""
    if taken_at is None:
        return "never"
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(taken_at))


__all__ = ["Snapshot", "copy_store", "describe_age"]
