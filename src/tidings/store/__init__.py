"""The store: DuckDB tables of documents, articles, actor mentions, quotes, dates, events.

Only this package touches DuckDB; everything it returns is a record from
:mod:`tidings.model` (or a subclass carrying ``doc_id``). The schema is versioned by the
SQL files in ``migrations/`` (see :mod:`tidings.store.schema`); the tables live in the
schema ``internal`` and the public views in ``main`` (:mod:`tidings.store.views`). One
writer, or several readers, at a time.
"""

from tidings.store.ingest import IngestCounts, ingest
from tidings.store.records import StoredEvent, StoredQuote
from tidings.store.schema import migrate
from tidings.store.store import DEFAULT_PATH, Store

__all__ = [
    "DEFAULT_PATH", "IngestCounts", "Store", "StoredEvent", "StoredQuote", "ingest", "migrate",
]  # fmt: skip
