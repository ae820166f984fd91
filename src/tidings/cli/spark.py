"""``tidings spark`` (the pipeline as a Spark job, Parquet out) and ``tidings load`` (that
output into the store, as ``ingest`` stores).

The job is :mod:`tidings.spark` (``JobSettings`` and ``run``, its Python API); the load
is :meth:`tidings.api.Tidings.load`, through the same reporting as ``ingest``. Every
argument is checked before a Spark session starts or a store is opened.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import typer
from typer._click.core import Context, Parameter

from tidings.api import check_spark_output
from tidings.cli import app
from tidings.cli.common import (
    Reporter,
    db_option,
    published_option,
    publisher_option,
    say,
    url_option,
    warn,
    writing,
)
from tidings.cli.records import run_ingest
from tidings.errors import TidingsError
from tidings.spark.job import MAX_PARTITIONS, check_local_dir, check_master, check_out


def _checked(check: Callable[[Any], Any]) -> Any:
    """A click callback: ``check`` each value given (one, or each of a list); a
    TidingsError is a usage error naming the value (exit status 2)."""

    def callback(ctx: Context, param: Parameter, value: Any) -> Any:
        for one in value if isinstance(value, list | tuple) else [value]:
            if one is None:
                continue
            try:
                check(one)
            except TidingsError as exc:
                where = f"{exc.source}: " if exc.source else ""
                raise typer.BadParameter(where + exc.message) from None
        return value

    return callback


_out_callback = _checked(check_out)
_master_callback = _checked(check_master)
_local_dir_callback = _checked(check_local_dir)
_outputs_callback = _checked(check_spark_output)


def _setting(value: str) -> tuple[str, str]:
    key, equals, setting = value.partition("=")
    if not equals or not key.strip():
        raise typer.BadParameter(f"{value!r}: give KEY=VALUE, e.g. spark.executor.memory=4g")
    return key.strip(), setting


def _settings_callback(ctx: Context, param: Parameter, value: list[str]) -> list[str]:
    for one in value:
        _setting(one)
    return value


@app.command("spark")
def spark_command(
    inputs: list[str] = typer.Argument(  # noqa: B008
        ..., metavar="INPUT...",
        help="Files, folders or globs (WARC, JSON Lines, text, HTML), or Hadoop URIs."),
    out: str = typer.Option(
        ..., "--out", metavar="DIR", callback=_out_callback,
        help="Folder (or Hadoop URI) for the Parquet tables."),
    master: str | None = typer.Option(
        None, metavar="URL", callback=_master_callback,
        help="Spark master (default: spark-submit's, else local[*])."),
    partitions: int | None = typer.Option(
        None, metavar="N", min=1, max=MAX_PARTITIONS,
        help="Partitions of documents to analyse (default: 4 per core)."),
    published: str | None = published_option(),
    publisher: str | None = publisher_option(),
    url: str | None = url_option(),
    actors: Path | None = typer.Option(  # noqa: B008
        None, metavar="FILE", exists=True, dir_okay=False,
        help="Extra actor dictionary (TABARI/PETRARCH style), sent to every executor."),
    local_dir: str | None = typer.Option(
        None, metavar="DIR", callback=_local_dir_callback,
        help="Spark's scratch folder (shuffle files, temporary copies)."),
    conf: list[str] = typer.Option(  # noqa: B008
        [], "--conf", metavar="KEY=VALUE", callback=_settings_callback,
        help="A further Spark setting (repeatable)."),
) -> None:  # fmt: skip
    """Run the pipeline on Spark: articles, quotes, events and errors as Parquet tables
    partitioned by month of publication (load them with `tidings load`).

    Exit status 0 when every input was analysed, 1 when some failed (they are rows of
    the errors table) or none could be read.
    """
    from tidings.pipeline import Settings
    from tidings.spark import JobSettings, run

    settings = JobSettings(
        inputs=list(inputs), out=out, master=master, partitions=partitions,
        hints={"published": published, "publisher": publisher, "url": url},
        pipeline=Settings(actors_file=actors.resolve() if actors else None),
        local_dir=local_dir, conf=dict(_setting(c) for c in conf),
    )  # fmt: skip
    with Reporter("analysing", "documents") as progress:

        def on_progress(analysed: int) -> None:
            if analysed > progress.done:
                progress.advance(analysed - progress.done)

        counts = run(settings, on_progress=on_progress)
    say(counts.summary())
    if counts.errors:
        warn(f"{counts.errors} failed: the source and cause of each are in "
             f"{out.rstrip('/')}/errors")  # fmt: skip
        raise typer.Exit(1)


@app.command("load")
def load_command(
    folders: list[str] = typer.Argument(  # noqa: B008
        ..., metavar="DIR...", callback=_outputs_callback,
        help="Output folders of `tidings spark`."),
    db: str | None = db_option(),
) -> None:  # fmt: skip
    """Store the output of `tidings spark` as `ingest` would have: articles not stored
    yet, then duplicates linked and event instances and findings rebuilt.

    Exit status 0 when every article was stored (or already was), 1 when some inputs of
    the job failed (each is printed, as `ingest` prints it).
    """
    with writing(db) as api:
        run_ingest(api, lambda on_outcome: api.load(folders, on_outcome=on_outcome),
                   total=None, what="loading")  # fmt: skip
