"""The Python API: ``tidings.open(db)`` and what it answers.

Every reading method returns records (the model's dataclasses, or plain dicts for findings
and duplicates) in a :class:`Records` list; ``as_frame="pandas"`` or ``"polars"`` returns a
DataFrame instead, and ``Records.to_pandas()`` / ``to_polars()`` / ``to_dicts()`` convert
later. Frames and dicts hold the public record of each kind (:mod:`tidings.shapes`): the
fields of ``--json``, of ``export`` and of the store's SQL views. The CLI commands call
these same methods.

    >>> import tidings
    >>> with tidings.open("tidings.duckdb", read_only=True) as t:
    ...     line = t.timeline("Vucic", "Putin")
    ...     for inst in line.instances: print(inst.date.value, inst.event)

A store is open to one writer or to several readers (processes) at a time: open it with
``read_only=True`` to read beside other readers, e.g. a notebook beside ``tidings events``.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO, Literal

from tidings.errors import ConfigError, InputError, TidingsError
from tidings.model import Analysis, Document, to_dict
from tidings.plover import parse_type
from tidings.shapes import (
    FINDING_KINDS,
    analysis_record,
    finding_record,
    instance_record,
    record,
)
from tidings.store import DEFAULT_PATH, IngestCounts, Store, ingest
from tidings.store import actor_tables as A
from tidings.store import search as S
from tidings.store import timeline_tables as T
from tidings.store.export import ExportFormat, ExportTable
from tidings.store.filters import parse_day_bound
from tidings.store.ingest import OnOutcome, Selection
from tidings.timeline.plover import month_record
from tidings.timeline.query import Timeline, dyad_timeline
from tidings.timeline.refresh import RefreshCounts, refresh

FrameKind = Literal["pandas", "polars"]


def default_db() -> str:
    """The store a command or ``tidings.open()`` uses when none is named: ``$TIDINGS_DB``,
    else ``tidings.duckdb`` in the working folder."""
    return os.environ.get("TIDINGS_DB") or DEFAULT_PATH


class UnknownActor(InputError):
    """An actor term that matches no stored actor; ``suggestions`` are the nearest."""

    def __init__(self, term: str, suggestions: list[str], option: str = "actor") -> None:
        self.term, self.suggestions = term, suggestions
        near = f"; nearest: {', '.join(suggestions)}" if suggestions else ""
        super().__init__(f"{option} {term!r} matches no stored actor{near}")


def to_frame(rows: Iterable[Any], kind: FrameKind = "pandas") -> Any:
    """Records or dicts → a pandas or polars DataFrame of their public records."""
    flat = [record(r) for r in rows]
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
    """A list of records that converts to public dicts or a DataFrame on request."""

    def to_pandas(self) -> Any:
        return to_frame(self, "pandas")

    def to_polars(self) -> Any:
        return to_frame(self, "polars")

    def to_dicts(self) -> list[dict[str, Any]]:
        return [record(r) for r in self]


def _answer(rows: Iterable[Any], as_frame: FrameKind | None) -> Any:
    records = Records(rows)
    return to_frame(records, as_frame) if as_frame else records


def check_kind(kind: str) -> str:
    """A finding kind, checked: InputError naming the kinds otherwise."""
    cleaned = kind.strip().lower()
    if cleaned not in FINDING_KINDS:
        raise InputError(f"{kind!r} is not a finding kind; kinds: {', '.join(FINDING_KINDS)}")
    return cleaned


def check_type(text: str) -> tuple[str, str | None]:
    """A PLOVER type or ``TYPE/mode``, checked against the ontology (InputError)."""
    try:
        return parse_type(text)
    except ValueError as exc:
        raise InputError(str(exc)) from None


def check_date(text: str, end: bool = False) -> dt.date:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` → its first (or last) day (InputError)."""
    return parse_day_bound(text, end=end)


def check_spark_output(folder: str | Path) -> Path:
    """The folder when it holds a finished ``tidings spark`` output, else a StoreError
    naming what is missing (no such folder, no table, no ``_SUCCESS`` marker)."""
    from tidings.store.load import check_output

    return check_output(folder)


class Tidings:
    """A tidings store opened for reading and ingesting (or, ``read_only``, for reading
    beside other readers)."""

    def __init__(
        self, db: str | Path | None = None, create: bool = True, read_only: bool = False
    ) -> None:
        self.store = Store(db or default_db(), create=create, read_only=read_only)

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
        as_frame: FrameKind | None = None, mode: str | None = None, offset: int = 0,
    ) -> Any:  # fmt: skip
        """Coded events (every report, not deduplicated: see :meth:`timeline`).
        ``event_type`` is a PLOVER type or ``TYPE/mode``; ``offset`` skips that many
        first (with ``limit``, a page)."""
        found = self.store.events(actor=actor, recipient=recipient, event_type=event_type,
                                  since=since, until=until, limit=limit, mode=mode,
                                  offset=offset)  # fmt: skip
        return _answer(found, as_frame)

    def quotes(
        self, speaker: str | None = None, since: str | dt.date | None = None,
        until: str | dt.date | None = None, limit: int | None = None,
        as_frame: FrameKind | None = None, offset: int = 0,
    ) -> Any:  # fmt: skip
        """Quotes by article publication date; ``speaker`` a code, country or name."""
        return _answer(self.store.quotes(speaker=speaker, since=since, until=until,
                                         limit=limit, offset=offset), as_frame)  # fmt: skip

    def articles(
        self, publisher: str | None = None, since: str | dt.date | None = None,
        until: str | dt.date | None = None, limit: int | None = None,
        as_frame: FrameKind | None = None, offset: int = 0,
    ) -> Any:  # fmt: skip
        """Articles by publication date (undated last); ``publisher`` a case-insensitive
        part of the name."""
        return _answer(self.store.iter_articles(publisher, since, until, limit, offset),
                       as_frame)  # fmt: skip

    def article(self, doc_id: str) -> Analysis:
        return self.store.article(doc_id)

    def article_findings(self, doc_id: str) -> list[dict[str, Any]]:
        """The findings an article supports (public records)."""
        return self.store.findings_for(self.store.resolve_id(doc_id))

    def article_record(self, doc_id: str) -> dict[str, Any]:
        """One article with everything found in it, as ``tidings show --json`` prints it:
        the public records of the article, its quotes, events and findings, plus its
        actor mentions and date expressions."""
        analysis = self.store.article(doc_id)
        return analysis_record(analysis, self.article_findings(analysis.article.doc_id))

    def doc_ids(self, paths: Iterable[str | Path] | None = None) -> list[str]:
        """Every stored article id, by publication date; with ``paths``, only those of
        the documents read from them (whatever path they were stored from)."""
        ids = self.store.doc_ids()
        if paths is None:
            return ids
        from tidings.sources import iter_documents

        wanted = {d.content_hash for d in iter_documents([str(p) for p in paths])
                  if isinstance(d, Document)}  # fmt: skip
        return [i for i in ids if i in wanted]

    def timeline(
        self, a: str, b: str, directed: bool = False, as_frame: FrameKind | None = None
    ) -> Any:
        """The event instances between two actors (names or codes) and monthly counts.

        Returns a :class:`~tidings.timeline.query.Timeline` (``.instances``, ``.months``),
        or with ``as_frame`` a DataFrame of the instances' public records.
        """
        line = dyad_timeline(self.store, a, b, directed)
        if as_frame:
            return to_frame([instance_record(i) for i in line.instances], as_frame)
        return line

    def timeline_records(self, a: str, b: str, directed: bool = False) -> Records:
        """The timeline as dicts: each instance's public record, then each month, each
        with ``record`` ("instance" or "month") first to tell them apart."""
        line = dyad_timeline(self.store, a, b, directed)
        return Records([{"record": "instance", **instance_record(i)} for i in line.instances]
                       + [{"record": "month", **month_record(m)} for m in line.months])  # fmt: skip

    def findings(
        self, kind: str | None = None, actor: str | None = None,
        since: str | dt.date | None = None, limit: int | None = None,
        as_frame: FrameKind | None = None, offset: int = 0, newest_first: bool = False,
    ) -> Any:  # fmt: skip
        """Stored findings as public records (``text`` states each one), by date
        (``newest_first``: the latest first)."""
        rows = T.stored_findings(self.store, kind=check_kind(kind) if kind else None,
                                 actor=actor, since=since, limit=limit, offset=offset,
                                 newest_first=newest_first)  # fmt: skip
        return _answer((finding_record(r) for r in rows), as_frame)

    def instance_findings(self, instance_ids: Iterable[str], newest_first: bool = True) -> Records:
        """The findings about the given event instances (a timeline's), newest first."""
        rows = T.stored_findings(self.store, instance_ids=instance_ids,
                                 newest_first=newest_first)  # fmt: skip
        return Records(finding_record(r) for r in rows)

    # ---- actors and search -------------------------------------------------------------------

    def actors(self, term: str, limit: int | None = None, offset: int = 0) -> Records:
        """Actors whose name has every word of ``term`` (or whose code is ``term``; a
        three-letter code: the country's), most written-about first; one dict per name
        with the ``codes`` it was given and when it was seen (:mod:`tidings.store.actor_tables`)."""
        return Records(A.find_actors(self.store, term, limit, offset))

    def offices(self, name: str) -> Records:
        """The codes an actor of this name was given over time, first seen first (a
        minister become president shows both): empty when no article names it."""
        return Records(A.offices(self.store, name))

    def partners(self, name: str, limit: int | None = 50) -> Records:
        """The actors ``name`` has coded events with (its dyads), most events first."""
        return Records(A.partners(self.store, name, limit))

    def actor(self, name: str, quotes: int = 50) -> dict[str, Any] | None:
        """One actor: its name as stored, its ``offices`` (codes over time), its ``dyads``
        (:meth:`partners`) and its first ``quotes`` quotes; None when no article names it."""
        offices = list(self.offices(name))
        if not offices:
            return None
        canonical = offices[0]["name"]
        said = self.quotes(speaker=canonical, limit=quotes).to_dicts() if quotes else []
        return {"name": canonical, "offices": offices,
                "dyads": list(self.partners(canonical)), "quotes": said}  # fmt: skip

    def search(
        self, text: str, kind: str = "articles", limit: int | None = 20, offset: int = 0
    ) -> Records:
        """Full-text search of articles (title and body) or quotes, best BM25 score first:
        each hit is the public record of the article or quote with its ``score`` first.
        Needs a search index (:meth:`build_search_index`; see :mod:`tidings.store.search`
        for why ingest does not build one)."""
        hits = S.search(self.store, text, kind, limit, offset)
        return Records({"score": score, **record(hit)} for score, hit in hits)

    def search_terms(self, text: str) -> S.Query:
        """The words and quoted phrases a search for ``text`` looks for, folded as the
        index folds them (to highlight them in the texts found)."""
        return S.parse_query(self.store, text)

    def build_search_index(self, previous: Tidings | None = None) -> None:
        """Build the search index in this (writable) store, or bring it up to date; the
        entries of ``previous`` (an earlier copy of the same store) are reused."""
        S.build_index(self.store, previous.store if previous is not None else None)

    def duplicates(self, as_frame: FrameKind | None = None) -> Any:
        """Articles linked as duplicates of an earlier stored copy."""
        return _answer((to_dict(d) for d in T.duplicates(self.store)), as_frame)

    def counts(self) -> dict[str, int]:
        return {**self.store.counts(), **T.timeline_counts(self.store)}

    def check_actor(self, term: str, option: str = "actor") -> None:
        """UnknownActor (with the nearest stored actors) when ``term`` matches none."""
        if not self.store.matches_actor(term):
            raise UnknownActor(term, self.store.nearest_actors(term), option)

    def export(
        self, out: str | Path | BinaryIO, fmt: ExportFormat = "jsonl",
        table: ExportTable = "events", force: bool = False,
    ) -> int:  # fmt: skip
        """Write a public view (events, quotes, articles, instances, findings) as JSON
        Lines, CSV or Parquet to a file or a binary stream; the number of records."""
        return self.store.export(out, fmt, table, force=force)

    # ---- writing ---------------------------------------------------------------------------

    def ingest(
        self, paths: str | Path | Iterable[str | Path], actors: Path | None = None,
        *, since: str | dt.date | None = None, until: str | dt.date | None = None,
        sample: int | None = None, seed: int = 0, limit: int | None = None,
        on_outcome: OnOutcome | None = None, fetcher: Any = None, **hints: Any,
    ) -> IngestCounts:  # fmt: skip
        """Analyse and store documents (files, folders, globs, URLs, ``-`` for standard
        input); ``hints`` are ``published``, ``publisher``, ``url`` for text without
        metadata. ``since``/``until`` (publication date), ``sample`` (N at random, with
        ``seed``) and ``limit`` (the first N) choose which. Duplicates, instances and
        findings are refreshed after the batch."""
        from tidings.sources import iter_documents

        if isinstance(paths, str | Path):
            paths = [paths]
        hints = {k: v for k, v in hints.items() if v is not None}
        items = iter_documents([str(p) for p in paths], hints, fetcher)
        return self.ingest_documents(items, actors, since=since, until=until, sample=sample,
                                     seed=seed, limit=limit, on_outcome=on_outcome)  # fmt: skip

    def ingest_documents(
        self, items: Iterable[Document | TidingsError], actors: Path | None = None,
        *, since: str | dt.date | None = None, until: str | dt.date | None = None,
        sample: int | None = None, seed: int = 0, limit: int | None = None,
        on_outcome: OnOutcome | None = None,
    ) -> IngestCounts:  # fmt: skip
        """Like :meth:`ingest`, for documents already read (``tidings fetch``): errors
        among them are counted as failed."""
        selection = Selection.of(since, until, sample, seed, limit)

        def make_pipeline() -> Any:
            from tidings.pipeline import Pipeline, Settings  # loads spaCy: only when needed

            return Pipeline(Settings(actors_file=actors))

        return ingest(self.store, items, make_pipeline, on_outcome, refresh=refresh,
                      selection=selection)  # fmt: skip

    def load(
        self, folders: str | Path | Iterable[str | Path], *, on_outcome: OnOutcome | None = None
    ) -> IngestCounts:
        """Store the output of ``tidings spark`` (its ``--out`` folders) as :meth:`ingest`
        stores the same inputs, through the same code: articles not stored yet, then
        duplicates, instances and findings refreshed. Every folder is checked before
        anything is stored (StoreError when one is not a finished Spark output)."""
        from tidings.store.load import load

        if isinstance(folders, str | Path):
            folders = [folders]
        return load(self.store, folders, on_outcome, refresh=refresh)

    def refresh(self) -> RefreshCounts:
        """Link new duplicates and rebuild instances and findings (ingest does this)."""
        return refresh(self.store)


def open(  # noqa: A001
    db: str | Path | None = None, create: bool = True, read_only: bool = False
) -> Tidings:
    """Open (or, with ``create``, create) a tidings store; ``read_only`` to read beside
    other readers. ``db`` defaults to ``$TIDINGS_DB``, else ``tidings.duckdb``."""
    return Tidings(db, create=create, read_only=read_only)


__all__ = [
    "Records", "Tidings", "Timeline", "UnknownActor", "check_spark_output", "default_db", "open",
    "to_frame",
]  # fmt: skip
