"""``tidings spark`` (the pipeline as a Spark job, Parquet out) and ``tidings load`` (that
output into the store, as ``ingest`` stores).

The job itself is :mod:`tidings.spark`; the load is :mod:`tidings.store.load`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from tidings.cli import app
from tidings.errors import TidingsError
from tidings.store import DEFAULT_PATH, IngestCounts, Store


def _fail(error: TidingsError) -> typer.Exit:
    typer.echo(f"error: {error.one_line()}", err=True)
    return typer.Exit(1)


def _day(value: str | None) -> str | None:
    if value is not None:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None
    return value


def _setting(value: str) -> tuple[str, str]:
    key, equals, setting = value.partition("=")
    if not equals or not key.strip():
        raise typer.BadParameter(f"{value!r}: give KEY=VALUE, e.g. spark.executor.memory=4g")
    return key.strip(), setting


@app.command("spark")
def spark_command(
    inputs: list[str] = typer.Argument(  # noqa: B008
        ..., metavar="INPUT...",
        help="Files, folders or globs (WARC, JSON Lines, text, HTML), or Hadoop URIs."),
    out: str = typer.Option(..., "--out", help="Folder (or Hadoop URI) for the Parquet tables."),
    master: str | None = typer.Option(
        None, help="Spark master (default: spark-submit's, else local[*])."),
    partitions: int | None = typer.Option(
        None, min=1, help="Partitions of documents to analyse (default: 4 per core)."),
    published: str | None = typer.Option(
        None, help="Publication date (YYYY-MM-DD) for text without metadata."),
    publisher: str | None = typer.Option(None, help="Publisher for text without metadata."),
    url: str | None = typer.Option(None, help="URL for text without metadata."),
    actors: Path | None = typer.Option(  # noqa: B008
        None, help="Extra actor dictionary (TABARI/PETRARCH style), sent to every executor.",
        exists=True, dir_okay=False),
    local_dir: str | None = typer.Option(
        None, help="Spark's scratch folder (shuffle files, temporary copies)."),
    conf: list[str] = typer.Option(  # noqa: B008
        [], "--conf", help="A further Spark setting KEY=VALUE (repeatable)."),
) -> None:  # fmt: skip
    """Run the pipeline on Spark: articles, quotes, events and errors as Parquet tables
    partitioned by month of publication (load them with `tidings load`)."""
    from tidings.pipeline import Settings
    from tidings.spark import JobSettings, run

    settings = JobSettings(
        inputs=list(inputs), out=out, master=master, partitions=partitions,
        hints={"published": _day(published), "publisher": publisher, "url": url},
        pipeline=Settings(actors_file=actors.resolve() if actors else None),
        local_dir=local_dir, conf=dict(_setting(c) for c in conf),
    )  # fmt: skip
    try:
        with Console(stderr=True).status("running the Spark job…"):
            counts = run(settings)
    except TidingsError as exc:
        raise _fail(exc) from None
    typer.echo(counts.summary())
    if counts.errors:
        typer.echo(f"the {counts.errors} errors (source, cause) are in {out.rstrip('/')}/errors")


@app.command("load")
def load_command(
    folders: list[str] = typer.Argument(  # noqa: B008
        ..., metavar="DIR...", help="Output folders of `tidings spark`."),
    db: str = typer.Option(DEFAULT_PATH, "--db", help="The DuckDB store file."),
) -> None:  # fmt: skip
    """Store the output of `tidings spark` as `ingest` would have: articles not stored
    yet, then duplicates linked and event instances and findings rebuilt."""
    from tidings.store.load import check_output, load

    try:
        for folder in folders:  # before the store is opened (or created)
            check_output(folder)
        store = Store(db)
    except TidingsError as exc:
        raise _fail(exc) from None
    err = Console(stderr=True, highlight=False)
    try:
        with Progress(SpinnerColumn(), TextColumn("loading {task.fields[tally]}"),
                      TimeElapsedColumn(), console=err, transient=True) as bar:  # fmt: skip
            task = bar.add_task("load", total=None, tally="")
            tally = IngestCounts()

            def on_outcome(outcome: str, source: str, error: TidingsError | None) -> None:
                setattr(tally, outcome, getattr(tally, outcome) + 1)
                if error is not None:
                    bar.console.print(f"error: {error.one_line()}", markup=False, soft_wrap=True)
                bar.update(task, tally=tally.summary())

            counts = load(store, folders, on_outcome)
    except TidingsError as exc:
        raise _fail(exc) from None
    finally:
        store.close()
    typer.echo(counts.summary())
    if counts.timeline:
        typer.echo(counts.timeline)
    if counts.failed:
        raise typer.Exit(1)
