"""The Python API: ``tidings.open(db)`` and what it answers.

Every method returns records (the model's dataclasses, or plain dicts for findings and
duplicates) in a :class:`Records` list; ``as_frame="pandas"`` or ``"polars"`` returns a
DataFrame instead, and ``Records.to_pandas()`` / ``to_polars()`` convert later. The CLI
commands call these same methods.

    >>> import tidings
    >>> with tidings.open("tidings.duckdb") as t:
    ...     line = t.timeline("Vucic", "Putin")
    ...     for inst in line.instances: print(inst.date.value, inst.event)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

from tidings.errors import ConfigError, TidingsError
from tidings.model import Analysis, Document, to_dict
from tidings.store import DEFAULT_PATH, IngestCounts, Store, ingest
from tidings.store import timeline_tables as T
from tidings.timeline.plover import finding_record, instance_record, month_record
from tidings.timeline.query import Timeline, dyad_timeline
from tidings.timeline.refresh import RefreshCounts, refresh

FrameKind = Literal["pandas", "polars"]


def _flat(record: Any) -> dict[str, Any]:
    """A record as one flat dict: lists of actor refs become code lists beside names."""
    if isinstance(record, dict):
        return record
    row = to_dict(record)
    for side in ("actor", "recipient"):
        if isinstance(row.get(side), list):
            refs = row.pop(side)
            row[f"{side}_codes"] = [r["code"] for r in refs]
            row[f"{side}_names"] = [r["name"] for r in refs]
    date = row.get("date")
    if isinstance(date, dict):
        row["date"], row["date_precision"] = date.get("value"), date.get("precision")
    if isinstance(row.get("speaker"), dict):
        speaker = row.pop("speaker")
        row["speaker_code"], row["speaker_name"] = speaker["code"], speaker["name"]
    return dict(row)


def to_frame(rows: Iterable[Any], kind: FrameKind = "pandas") -> Any:
    """Records or dicts → a pandas or polars DataFrame (polars only if installed)."""
    flat = [_flat(r) for r in rows]
    if kind == "pandas":
        import pandas as pd

        return pd.DataFrame(flat)
    if kind == "polars":
        try:
            import polars as pl
        except ImportError as exc:
            raise ConfigError(
                'polars is not installed: install it (pip install polars) or use as_frame="pandas"'
            ) from exc
        return pl.DataFrame(flat)
    raise ConfigError(f"unknown frame kind {kind!r}: use 'pandas' or 'polars'")


class Records(list[Any]):
    """A list of records that converts to a DataFrame on request."""

    def to_pandas(self) -> Any:
        return to_frame(self, "pandas")

    def to_polars(self) -> Any:
        return to_frame(self, "polars")

    def to_dicts(self) -> list[dict[str, Any]]:
        return [r if isinstance(r, dict) else to_dict(r) for r in self]


def _answer(rows: Iterable[Any], as_frame: FrameKind | None) -> Any:
    records = Records(rows)
    return to_frame(records, as_frame) if as_frame else records


class Tidings:
    """A tidings store opened for reading and ingesting."""

    def __init__(self, db: str | Path = DEFAULT_PATH, create: bool = True) -> None:
        self.store = Store(db, create=create)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Tidings:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # ---- reading ---------------------------------------------------------------------------

    def events(
        self, actor: str | None = None, recipient: str | None = None,
        event_type: str | None = None, since: str | dt.date | None = None,
        until: str | dt.date | None = None, limit: int | None = None,
        as_frame: FrameKind | None = None,
    ) -> Any:  # fmt: skip
        """Coded events (every report, not deduplicated: see :meth:`timeline`)."""
        found = self.store.events(actor=actor, recipient=recipient, event_type=event_type,
                                  since=since, until=until, limit=limit)  # fmt: skip
        return _answer(found, as_frame)

    def quotes(
        self, speaker: str | None = None, since: str | dt.date | None = None,
        until: str | dt.date | None = None, limit: int | None = None,
        as_frame: FrameKind | None = None,
    ) -> Any:  # fmt: skip
        return _answer(self.store.quotes(speaker=speaker, since=since, until=until,
                                         limit=limit), as_frame)  # fmt: skip

    def articles(
        self, publisher: str | None = None, since: str | dt.date | None = None,
        until: str | dt.date | None = None, limit: int | None = None,
        as_frame: FrameKind | None = None,
    ) -> Any:  # fmt: skip
        return _answer(self.store.iter_articles(publisher, since, until, limit), as_frame)

    def article(self, doc_id: str) -> Analysis:
        return self.store.article(doc_id)

    def timeline(
        self, a: str, b: str, directed: bool = False, as_frame: FrameKind | None = None
    ) -> Any:
        """The event instances between two actors (names or codes) and monthly counts.

        Returns a :class:`~tidings.timeline.query.Timeline` (``.instances``, ``.months``),
        or with ``as_frame`` a DataFrame of the instances in PLOVER field names.
        """
        line = dyad_timeline(self.store, a, b, directed)
        if as_frame:
            return to_frame([instance_record(i) for i in line.instances], as_frame)
        return line

    def timeline_records(self, a: str, b: str, directed: bool = False) -> Records:
        """The timeline as PLOVER-named dicts: each instance, then each month."""
        line = dyad_timeline(self.store, a, b, directed)
        return Records([instance_record(i) for i in line.instances]
                       + [month_record(m) for m in line.months])  # fmt: skip

    def findings(
        self, kind: str | None = None, actor: str | None = None,
        since: str | dt.date | None = None, limit: int | None = None,
        as_frame: FrameKind | None = None,
    ) -> Any:  # fmt: skip
        """Stored findings as PLOVER-named dicts (``text`` states each one)."""
        rows = T.stored_findings(self.store, kind=kind, actor=actor, since=since, limit=limit)
        return _answer((finding_record(r) for r in rows), as_frame)

    def duplicates(self, as_frame: FrameKind | None = None) -> Any:
        """Articles linked as duplicates of an earlier stored copy."""
        return _answer((to_dict(d) for d in T.duplicates(self.store)), as_frame)

    def counts(self) -> dict[str, int]:
        return {**self.store.counts(), **T.timeline_counts(self.store)}

    # ---- writing ---------------------------------------------------------------------------

    def ingest(
        self, paths: str | Path | Iterable[str | Path], actors: Path | None = None,
        **hints: Any,
    ) -> IngestCounts:  # fmt: skip
        """Analyse and store documents (files, folders, globs, URLs); ``hints`` are
        ``published``, ``publisher``, ``url`` for text without metadata. Duplicates,
        instances and findings are refreshed after the batch."""
        from tidings.sources import iter_documents

        if isinstance(paths, str | Path):
            paths = [paths]
        items: Iterable[Document | TidingsError] = iter_documents([str(p) for p in paths], hints)

        def make_pipeline() -> Any:
            from tidings.pipeline import Pipeline, Settings

            return Pipeline(Settings(actors_file=actors))

        return ingest(self.store, items, make_pipeline)

    def refresh(self) -> RefreshCounts:
        """Link new duplicates and rebuild instances and findings (ingest does this)."""
        return refresh(self.store)


def open(db: str | Path = DEFAULT_PATH, create: bool = True) -> Tidings:  # noqa: A001
    """Open (or, with ``create``, create) a tidings store."""
    return Tidings(db, create=create)


__all__ = ["Records", "Tidings", "Timeline", "open", "to_frame"]
