"""Commands on stored records: ingest, show, quotes, events, export, demo.

These commands parse arguments, call :mod:`tidings.store` and format the answer: rich
tables for people, ``--json`` (JSON Lines, one record a line, PLOVER field names, dates as
ISO strings with their precision) for programs. Query logic lives in the store.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from tidings.cli import app
from tidings.errors import TidingsError
from tidings.model import Analysis, Document, Event, Quote, to_dict
from tidings.store import DEFAULT_PATH, IngestCounts, Store, ingest
from tidings.store.export import FORMATS, TABLES, check_target
from tidings.store.records import json_record

DB_HELP = "The DuckDB store file."


def _stdout() -> Console:
    return Console(highlight=False, soft_wrap=False)


def _fail(error: TidingsError) -> typer.Exit:
    typer.echo(f"error: {error.one_line()}", err=True)
    return typer.Exit(1)


@contextmanager
def _open(db: str, create: bool = False) -> Iterator[Store]:
    """The store, or a one-line error and exit status 1."""
    try:
        store = Store(db, create=create)
    except TidingsError as exc:
        raise _fail(exc) from None
    try:
        yield store
    except TidingsError as exc:
        raise _fail(exc) from None
    finally:
        store.close()


def _jsonl(records: Iterable[Any]) -> None:
    out = sys.stdout
    for record in records:
        out.write(json.dumps(json_record(record), ensure_ascii=False, default=str) + "\n")


# ---- ingest -------------------------------------------------------------------------------


def _check_day(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None
    return value


def run_ingest(
    items: Iterable[Document | TidingsError], db: str, actors: Path | None = None,
    total: int | None = None,
) -> IngestCounts:  # fmt: skip
    """Store ``items`` with a progress bar on stderr; one line per failed input."""

    def make_pipeline() -> Any:
        from tidings.pipeline import Pipeline, Settings  # loads spaCy: only when needed

        return Pipeline(Settings(actors_file=actors))

    err = Console(stderr=True, highlight=False)
    with _open(db, create=True) as store, Progress(
        SpinnerColumn(), TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[tally]}"), TimeElapsedColumn(),
        console=err, transient=True,
    ) as bar:  # fmt: skip
        task = bar.add_task("ingest", total=total, tally="")
        tally = IngestCounts()

        def on_outcome(outcome: str, source: str, error: TidingsError | None) -> None:
            setattr(tally, outcome, getattr(tally, outcome) + 1)
            if error is not None:
                bar.console.print(f"error: {error.one_line()}", markup=False, soft_wrap=True)
            bar.update(task, advance=1, tally=tally.summary())

        counts = ingest(store, items, make_pipeline, on_outcome)
    return counts


def ingest_documents(documents: list[Document], db: str) -> IngestCounts:
    """The ingest path for documents already read (``tidings fetch --db``)."""
    counts = run_ingest(documents, db, total=len(documents))
    typer.echo(counts.summary())
    return counts


@app.command("ingest")
def ingest_command(
    paths: list[str] = typer.Argument(..., help="Files, folders or globs to ingest."),  # noqa: B008
    db: str = typer.Option(DEFAULT_PATH, "--db", help=DB_HELP),
    published: str | None = typer.Option(
        None, help="Publication date (YYYY-MM-DD) for text without metadata."),
    publisher: str | None = typer.Option(None, help="Publisher for text without metadata."),
    url: str | None = typer.Option(None, help="URL for text without metadata."),
    actors: Path | None = typer.Option(  # noqa: B008
        None, help="Extra actor dictionary (TABARI/PETRARCH style).", exists=True,
        dir_okay=False),
    limit: int | None = typer.Option(None, min=1, help="Read at most N documents."),
    allow_private: bool = typer.Option(
        False, "--allow-private", help="Let URLs reach private, loopback or link-local hosts."),
) -> None:  # fmt: skip
    """Analyse documents and store them; already stored documents are skipped."""
    from tidings.sources import iter_documents
    from tidings.sources.fetch import Fetcher

    hints = {"published": _check_day(published), "publisher": publisher, "url": url}
    fetcher = Fetcher(allow_private=allow_private)
    items: Iterable[Document | TidingsError] = iter_documents(paths, hints, fetcher)
    if limit is not None:
        items = islice(items, limit)
    try:
        counts = run_ingest(items, db, actors, total=limit)
    finally:
        fetcher.close()
    typer.echo(counts.summary())
    if counts.timeline:
        typer.echo(counts.timeline)
    if counts.failed:
        raise typer.Exit(1)


# ---- show / demo --------------------------------------------------------------------------


def _refs(refs: Iterable[Any]) -> str:
    return ", ".join(f"{r.name} ({r.code})" if r.name else r.code for r in refs) or "—"


def _date(event: Event) -> str:
    if event.date is None:
        return "undated"
    return f"{event.date.value or '?'} ({event.date.precision})"


def _short(text: str, n: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _quotes_table(quotes: list[Quote], with_doc: bool = False) -> Table:
    table = Table(show_lines=False, expand=False)
    if with_doc:
        table.add_column("article", no_wrap=True)
    for name in ("speaker", "cue", "quote"):
        table.add_column(name)
    for q in quotes:
        speaker = _refs([q.speaker]) if q.speaker else "—"
        row = [speaker, q.cue or "", escape(_short(q.text))]
        if with_doc:
            row.insert(0, getattr(q, "doc_id", "")[:12])
        table.add_row(*row)
    return table


def _events_table(events: list[Event], with_doc: bool = False) -> Table:
    table = Table(show_lines=False, expand=False)
    if with_doc:
        table.add_column("article", no_wrap=True)
    for name in ("date", "event", "actor", "recipient", "aux", "rule", "conf.", "text"):
        table.add_column(name)
    for e in events:
        kind = e.event + (f"/{e.mode}" if e.mode else "")
        conf = f"{e.confidence:.2f}" if e.confidence is not None else ""
        row = [_date(e), kind, escape(_refs(e.actor)), escape(_refs(e.recipient)),
               e.aux or "", escape(e.rule), conf, escape(_short(e.text, 100))]  # fmt: skip
        if with_doc:
            row.insert(0, getattr(e, "doc_id", "")[:12])
        table.add_row(*row)
    return table


def _finding_text(finding: dict[str, Any]) -> str:
    if finding.get("text"):
        return str(finding["text"])
    return ", ".join(f"{k}={v}" for k, v in finding.items() if v is not None)


def render_article(
    console: Console, analysis: Analysis, findings: list[dict[str, Any]]
) -> None:  # fmt: skip
    art = analysis.article
    console.rule(escape(art.title or "(no title)"))
    facts = [
        ("id", art.doc_id),
        ("source", analysis.document.source),
        ("credit", art.credit),
        ("publisher", art.publisher),
        ("published", art.published.isoformat() if art.published else None),
        ("url", art.url),
        ("paragraphs", str(len(art.paragraphs))),
    ]
    for label, value in facts:
        if value:
            console.print(f"[bold]{label}:[/bold] {escape(value)}")
    console.print(f"[bold]furniture dropped:[/bold] {len(art.furniture)} lines")
    for line in art.furniture:
        console.print(f"  [dim]- {escape(_short(line, 120))}[/dim]")
    console.print(f"[bold]quotes:[/bold] {len(analysis.quotes)}")
    if analysis.quotes:
        console.print(_quotes_table(analysis.quotes))
    console.print(f"[bold]events:[/bold] {len(analysis.events)}")
    if analysis.events:
        console.print(_events_table(analysis.events))
    if findings:
        console.print(f"[bold]findings:[/bold] {len(findings)}")
        for finding in findings:
            console.print(f"  • {escape(_finding_text(finding))}")


def _analysis_json(analysis: Analysis, findings: list[dict[str, Any]]) -> dict[str, Any]:
    record = to_dict(analysis)
    record["document"].pop("content", None)  # the store keeps the clean body, not the page
    record["findings"] = findings
    return dict(record)


@app.command("show")
def show(
    article_id: str = typer.Argument(..., metavar="ID", help="Article id or a unique prefix."),
    db: str = typer.Option(DEFAULT_PATH, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="One JSON object."),
) -> None:
    """One stored article with its quotes, events and findings."""
    with _open(db) as store:
        analysis = store.article(article_id)
        findings = store.findings_for(analysis.article.doc_id)
    if as_json:
        sys.stdout.write(
            json.dumps(_analysis_json(analysis, findings), ensure_ascii=False, default=str) + "\n"
        )
        return
    render_article(_stdout(), analysis, findings)


@app.command("demo")
def demo(db: str = typer.Option("demo.duckdb", "--db", help=DB_HELP)) -> None:
    """Every stored article: title, paragraphs, furniture dropped, quotes, events."""
    console = _stdout()
    with _open(db) as store:
        ids = store.doc_ids()
        if not ids:
            console.print("the store is empty: run `tidings ingest examples --db demo.duckdb`")
        for doc_id in ids:
            render_article(console, store.article(doc_id), store.findings_for(doc_id))


# ---- quotes / events / export -------------------------------------------------------------


@app.command("quotes")
def quotes_command(
    speaker: str | None = typer.Option(None, help="Speaker code (RUSGOV, RUS) or name."),
    since: str | None = typer.Option(None, help="Published on or after (YYYY[-MM[-DD]])."),
    until: str | None = typer.Option(None, help="Published on or before (YYYY[-MM[-DD]])."),
    limit: int | None = typer.Option(None, min=1, help="At most N quotes."),
    db: str = typer.Option(DEFAULT_PATH, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="JSON Lines, one quote a line."),
) -> None:
    """Stored quotes, filtered by speaker and publication date."""
    with _open(db) as store:
        found = store.quotes(speaker=speaker, since=since, until=until, limit=limit)
        _print_found(found, as_json, _quotes_table, "quotes")


@app.command("events")
def events_command(
    actor: str | None = typer.Option(None, help="Actor code (RUSGOV, or RUS for any) or name."),
    recipient: str | None = typer.Option(None, help="Recipient code or name."),
    event_type: str | None = typer.Option(None, "--type", help="PLOVER type, e.g. CONSULT."),
    since: str | None = typer.Option(None, help="Dated on or after (YYYY[-MM[-DD]])."),
    until: str | None = typer.Option(None, help="Dated on or before (YYYY[-MM[-DD]])."),
    limit: int | None = typer.Option(None, min=1, help="At most N events."),
    db: str = typer.Option(DEFAULT_PATH, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="JSON Lines, one event a line."),
) -> None:
    """Stored events by date, filtered by actor, recipient, type and date range."""
    with _open(db) as store:
        found = store.events(actor=actor, recipient=recipient, event_type=event_type,
                             since=since, until=until, limit=limit)  # fmt: skip
        _print_found(found, as_json, _events_table, "events")


def _print_found(found: Iterable[Any], as_json: bool, table: Any, noun: str) -> None:
    """Query results as JSON Lines, or as a table with a count under it."""
    if as_json:
        _jsonl(found)
        return
    rows = list(found)
    console = _stdout()
    console.print(table(rows, with_doc=True))
    console.print(f"{len(rows)} {noun}")


@app.command("export")
def export_command(
    fmt: str = typer.Option(..., "--format", help=f"One of: {', '.join(FORMATS)}."),
    table: str = typer.Option("events", help=f"One of: {', '.join(TABLES)}."),
    out: Path = typer.Option(..., "--out", help="File to write.", dir_okay=False),  # noqa: B008
    db: str = typer.Option(DEFAULT_PATH, "--db", help=DB_HELP),
    force: bool = typer.Option(False, "--force", help="Overwrite --out if it exists."),
) -> None:
    """Write a table as JSON Lines, CSV or Parquet (never onto the store itself, and over
    an existing file only with --force)."""
    if fmt not in FORMATS:
        raise typer.BadParameter(f"{fmt!r}: use one of {', '.join(FORMATS)}", param_hint="--format")
    if table not in TABLES:
        raise typer.BadParameter(f"{table!r}: use one of {', '.join(TABLES)}", param_hint="--table")
    try:
        check_target(out, db, force)  # before the store is opened
    except TidingsError as exc:
        raise _fail(exc) from None
    with _open(db) as store:
        n = store.export(out, fmt, table, force=force)  # type: ignore[arg-type]
    typer.echo(f"{n} {table} written to {out}")
