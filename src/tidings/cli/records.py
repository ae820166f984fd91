"""Commands on stored records: ingest, show, quotes, events, export, demo.

They parse arguments, call :mod:`tidings.api` and format the answer: tables for people
(tab-separated lines when piped), ``--json`` (JSON Lines, one public record a line,
:mod:`tidings.shapes`) for programs.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from typer._click.exceptions import UsageError

from tidings.api import Tidings
from tidings.cli import app
from tidings.cli.common import (
    Reporter,
    check_actors,
    console,
    count,
    date_callback,
    db_option,
    jsonl,
    published_option,
    publisher_option,
    reading,
    say,
    short,
    table,
    type_callback,
    url_option,
    writing,
)
from tidings.errors import TidingsError
from tidings.model import Analysis, Event, Quote
from tidings.shapes import event_record, quote_record
from tidings.store import IngestCounts
from tidings.store.export import FORMATS, TABLES

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


# ---- ingest -------------------------------------------------------------------------------


def run_ingest(api: Tidings, read: Any, total: int | None,
               what: str = "ingesting") -> IngestCounts:  # fmt: skip
    """Run an ingest (``read(on_outcome)`` calls the API: ingest, fetch or load) with a
    progress display on standard error, one line per failed input; prints the summary;
    exit status 1 when anything failed."""
    with Reporter(what, "articles", total) as progress:

        def on_outcome(outcome: str, source: str, error: TidingsError | None) -> None:
            if error is not None:
                progress.error(f"error: {error.one_line()}")
            if outcome != "stored":  # each document advances once: analysed, or not needed
                progress.advance(1)

        counts: IngestCounts = read(on_outcome)
    say(counts.summary())
    if counts.timeline:
        say(counts.timeline)
    if counts.failed:
        raise typer.Exit(1)
    return counts


@app.command("ingest")
def ingest_command(
    paths: list[str] = typer.Argument(  # noqa: B008
        ..., metavar="PATH|URL", help="Files, folders, globs, URLs; - reads standard input."),
    db: str | None = db_option(),
    published: str | None = published_option(),
    publisher: str | None = publisher_option(),
    url: str | None = url_option(),
    actors: Path | None = typer.Option(  # noqa: B008
        None, metavar="FILE", help="Extra actor dictionary (TABARI/PETRARCH style).",
        exists=True, dir_okay=False),
    since: str | None = typer.Option(
        None, metavar="DATE", callback=date_callback,
        help="Only documents published on or after DATE (YYYY[-MM[-DD]])."),
    until: str | None = typer.Option(
        None, metavar="DATE", callback=date_callback,
        help="Only documents published on or before DATE."),
    sample: int | None = typer.Option(
        None, metavar="N", min=1, help="N documents drawn at random (after --since/--until)."),
    seed: int = typer.Option(0, metavar="S", help="Seed of --sample (the same S, the same draw)."),
    limit: int | None = typer.Option(
        None, metavar="N", min=1, help="The first N documents (after --since/--until)."),
    allow_private: bool = typer.Option(
        False, "--allow-private", help="Let URLs reach private, loopback or link-local hosts."),
) -> None:  # fmt: skip
    """Analyse documents and store them; already stored documents are skipped.

    Exit status 0 when every document was stored (or already was), 1 when some failed.
    """
    if sample is not None and limit is not None:
        raise UsageError("--sample and --limit choose documents two ways: give one")
    from tidings.sources.fetch import Fetcher

    hints = {"published": published, "publisher": publisher, "url": url}
    fetcher = Fetcher(allow_private=allow_private)
    try:
        with writing(db) as api:
            run_ingest(api, lambda on_outcome: api.ingest(
                paths, actors, since=since, until=until, sample=sample, seed=seed, limit=limit,
                on_outcome=on_outcome, fetcher=fetcher, **hints),
                total=sample or limit)  # fmt: skip
    finally:
        fetcher.close()


# ---- show / demo --------------------------------------------------------------------------


def _refs(refs: Iterable[Any]) -> str:
    return ", ".join(f"{r.name} ({r.code})" if r.name else r.code for r in refs) or "—"


def _date(event: Event) -> str:
    if event.date is None:
        return "undated"
    return f"{event.date.value or '?'} ({event.date.precision})"


def _kind(event: Event) -> str:
    return event.event + (f"/{event.mode}" if event.mode else "")


QUOTE_COLUMNS = ("speaker", "cue", "quote")
EVENT_COLUMNS = ("date", "event", "actor", "recipient", "aux", "rule", "conf.", "text")


def _quote_row(q: Quote) -> list[str]:
    return [_refs([q.speaker]) if q.speaker else "—", q.cue or "", short(q.text)]


def _event_row(e: Event) -> list[str]:
    conf = f"{e.confidence:.2f}" if e.confidence is not None else ""
    return [_date(e), _kind(e), _refs(e.actor), _refs(e.recipient), e.aux or "", e.rule, conf,
            short(e.text, 100)]  # fmt: skip


def _print_grid(out: Console, columns: Iterable[str], rows: list[list[str]]) -> None:
    from rich.table import Table

    grid = Table(show_lines=False, expand=False)
    for name in columns:
        grid.add_column(name)
    for row in rows:
        grid.add_row(*(escape(v) for v in row))
    out.print(grid)


def render_article(out: Console, analysis: Analysis, findings: list[dict[str, Any]]) -> None:
    art = analysis.article
    title = escape(art.title or "(no title)")
    if out.is_terminal:
        out.rule(title)
    else:  # piped: a rule would run the console's 10,000 columns wide
        out.print(f"── {title} ──")
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
            out.print(f"[bold]{label}:[/bold] {escape(value)}")
    out.print(f"[bold]furniture dropped:[/bold] {len(art.furniture)} lines")
    for line in art.furniture:
        out.print(f"  [dim]- {escape(short(line, 120))}[/dim]")
    out.print(f"[bold]quotes:[/bold] {len(analysis.quotes)}")
    if analysis.quotes:
        _print_grid(out, QUOTE_COLUMNS, [_quote_row(q) for q in analysis.quotes])
    out.print(f"[bold]events:[/bold] {len(analysis.events)}")
    if analysis.events:
        _print_grid(out, EVENT_COLUMNS, [_event_row(e) for e in analysis.events])
    if findings:
        out.print(f"[bold]findings:[/bold] {len(findings)}")
        for finding in findings:
            out.print(f"  • {escape(str(finding['text']))}")


def _page_console() -> Console:
    """A console for pages of text: the terminal's width, or wide lines when piped."""
    if sys.stdout.isatty():
        return console()
    return Console(highlight=False, soft_wrap=True, width=10_000, no_color=True)


@app.command("show")
def show(
    article_id: str = typer.Argument(..., metavar="ID", help="Article id or a unique prefix."),
    db: str | None = db_option(),
    as_json: bool = typer.Option(False, "--json", help="One JSON object."),
) -> None:
    """One stored article with its quotes, events and findings."""
    with reading(db) as api:
        if as_json:
            sys.stdout.write(json.dumps(api.article_record(article_id), ensure_ascii=False,
                                        default=str) + "\n")  # fmt: skip
            return
        analysis = api.article(article_id)
        findings = api.article_findings(analysis.article.doc_id)
    render_article(_page_console(), analysis, findings)


@app.command("demo")
def demo(
    db: str | None = db_option(),
    examples: Path = typer.Option(  # noqa: B008
        EXAMPLES, metavar="DIR", file_okay=False,
        help="The folder of example articles (the repository's examples/)."),
) -> None:  # fmt: skip
    """Ingest the example articles, then print each one: title, paragraphs, furniture
    dropped, quotes, events and findings."""
    if not examples.is_dir():
        raise typer.BadParameter(f"{examples}: no such folder (give --examples DIR)",
                                 param_hint="--examples")  # fmt: skip
    with writing(db) as api:
        run_ingest(api, lambda on_outcome: api.ingest([examples], on_outcome=on_outcome), None)
        out = _page_console()
        for doc_id in api.doc_ids([examples]):
            render_article(out, api.article(doc_id), api.article_findings(doc_id))


# ---- quotes / events / export -------------------------------------------------------------


@app.command("quotes")
def quotes_command(
    speaker: str | None = typer.Option(
        None, metavar="CODE|NAME", help="Speaker code (RUSGOV, RUS) or name."),
    since: str | None = typer.Option(
        None, metavar="DATE", callback=date_callback,
        help="Published on or after DATE (YYYY[-MM[-DD]])."),
    until: str | None = typer.Option(
        None, metavar="DATE", callback=date_callback, help="Published on or before DATE."),
    limit: int | None = typer.Option(None, metavar="N", min=1, help="At most N quotes."),
    db: str | None = db_option(),
    as_json: bool = typer.Option(False, "--json", help="JSON Lines, one quote a line."),
) -> None:  # fmt: skip
    """Stored quotes, filtered by speaker and publication date."""
    with reading(db) as api:
        check_actors(api, ("--speaker", speaker))
        found = api.quotes(speaker=speaker, since=since, until=until, limit=limit)
    if as_json:
        jsonl(quote_record(q) for q in found)
        return
    rows = [[q.doc_id[:12], *_quote_row(q)] for q in found]
    table(["article", *QUOTE_COLUMNS], rows, wide="quote")
    count(len(rows), "quotes")


@app.command("events")
def events_command(
    actor: str | None = typer.Option(
        None, metavar="CODE|NAME", help="Actor code (RUSGOV, or RUS for any) or name."),
    recipient: str | None = typer.Option(
        None, metavar="CODE|NAME", help="Recipient code or name."),
    event_type: str | None = typer.Option(
        None, "--type", metavar="TYPE[/MODE]", callback=type_callback,
        help="PLOVER type, e.g. CONSULT, or type and mode, e.g. CONSULT/visit."),
    since: str | None = typer.Option(
        None, metavar="DATE", callback=date_callback,
        help="Dated on or after DATE (YYYY[-MM[-DD]])."),
    until: str | None = typer.Option(
        None, metavar="DATE", callback=date_callback, help="Dated on or before DATE."),
    limit: int | None = typer.Option(None, metavar="N", min=1, help="At most N events."),
    db: str | None = db_option(),
    as_json: bool = typer.Option(False, "--json", help="JSON Lines, one event a line."),
) -> None:  # fmt: skip
    """Stored events by date, filtered by actor, recipient, type and date range."""
    with reading(db) as api:
        check_actors(api, ("--actor", actor), ("--recipient", recipient))
        found = api.events(actor=actor, recipient=recipient, event_type=event_type,
                           since=since, until=until, limit=limit)  # fmt: skip
    if as_json:
        jsonl(event_record(e) for e in found)
        return
    rows = [[e.doc_id[:12], *_event_row(e)] for e in found]
    table(["article", *EVENT_COLUMNS], rows, wide="text")
    count(len(rows), "events")


def _format_of(out: str, fmt: str | None) -> str:
    if fmt is not None:
        if fmt not in FORMATS:
            raise typer.BadParameter(f"{fmt!r}: use one of {', '.join(FORMATS)}",
                                     param_hint="--format")  # fmt: skip
        return fmt
    suffix = Path(out).suffix.lower().lstrip(".")
    guessed = {"jsonl": "jsonl", "ndjson": "jsonl", "csv": "csv", "parquet": "parquet"}
    if out == "-" or suffix not in guessed:
        raise typer.BadParameter(
            f"give --format ({', '.join(FORMATS)}): it cannot be told from {out!r}",
            param_hint="--format",
        )
    return guessed[suffix]


@app.command("export")
def export_command(
    out: str = typer.Option(
        ..., "--out", metavar="PATH", help="File to write; - for standard output."),
    fmt: str | None = typer.Option(
        None, "--format", metavar="FORMAT",
        help=f"One of: {', '.join(FORMATS)} (default: from the --out suffix)."),
    table_name: str = typer.Option(
        "events", "--table", metavar="TABLE", help=f"One of: {', '.join(TABLES)}."),
    db: str | None = db_option(),
    force: bool = typer.Option(False, "--force", help="Overwrite --out if it exists."),
) -> None:  # fmt: skip
    """Write a table (a public view of the store) as JSON Lines, CSV or Parquet: the
    fields of --json, one record a line or row. Never onto the store itself, and over an
    existing file only with --force."""
    chosen = _format_of(out, fmt)
    if table_name not in TABLES:
        raise typer.BadParameter(f"{table_name!r}: use one of {', '.join(TABLES)}",
                                 param_hint="--table")  # fmt: skip
    if out == "-" and chosen == "parquet" and sys.stdout.isatty():
        raise typer.BadParameter("refusing to write Parquet to a terminal: redirect it",
                                 param_hint="--out")  # fmt: skip
    if out != "-":
        from tidings.store.export import check_target

        try:
            check_target(out, _db_path(db), force)  # before the store is opened
        except TidingsError as exc:
            raise typer.BadParameter(exc.one_line(), param_hint="--out") from None
    with reading(db) as api:
        target: Any = sys.stdout.buffer if out == "-" else out
        n = api.export(target, chosen, table_name, force=force)  # type: ignore[arg-type]
    typer.echo(f"{n} {table_name} written to {'standard output' if out == '-' else out}",
               err=out == "-")  # fmt: skip


def _db_path(db: str | None) -> str:
    from tidings.api import default_db

    return db or default_db()
