"""What every command shares: the store option, opening the API, checked arguments, and
output that suits where it goes (tables on a terminal, TSV when piped, JSON Lines,
progress bars on a terminal and periodic log lines otherwise)."""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text
from typer._click.core import Context, Parameter
from typer._click.exceptions import UsageError

from tidings.api import Tidings, check_date, check_kind, check_type, default_db
from tidings.errors import InputError, TidingsError

DB_HELP = "The store (default: $TIDINGS_DB, else tidings.duckdb)."
PROGRESS_SECONDS = 10.0  # between two progress lines when stderr is not a terminal


def db_option() -> Any:
    return typer.Option(None, "--db", envvar="TIDINGS_DB", metavar="PATH", help=DB_HELP,
                        show_envvar=False)  # fmt: skip


def published_option() -> Any:
    return typer.Option(
        None, metavar="DAY", callback=day_callback,
        help="Publication date (YYYY-MM-DD) for text without metadata.",
    )  # fmt: skip


def publisher_option() -> Any:
    return typer.Option(None, metavar="NAME", help="Publisher for text without metadata.")


def url_option() -> Any:
    return typer.Option(None, metavar="URL", help="URL for text without metadata.")


@contextmanager
def reading(db: str | None) -> Iterator[Tidings]:
    """The store opened read-only: beside a notebook or other commands reading it."""
    api = Tidings(db or default_db(), create=False, read_only=True)
    try:
        yield api
    finally:
        api.close()


@contextmanager
def writing(db: str | None) -> Iterator[Tidings]:
    """The store opened for writing (created when absent)."""
    api = Tidings(db or default_db(), create=True)
    try:
        yield api
    finally:
        api.close()


# ---- checked arguments (click callbacks: a bad value is a usage error, status 2) -----------


def _checked(check: Any) -> Any:
    def callback(ctx: Context, param: Parameter, value: Any) -> Any:
        if value is None:
            return None
        try:
            check(value)
        except TidingsError as exc:
            raise typer.BadParameter(exc.message) from None
        return value

    return callback


date_callback = _checked(check_date)
type_callback = _checked(check_type)
kind_callback = _checked(check_kind)


def day_callback(ctx: Context, param: Parameter, value: str | None) -> str | None:
    """A full day, YYYY-MM-DD (a publication date hint)."""
    if value is None:
        return None
    import datetime as dt

    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a day (YYYY-MM-DD)") from None
    return value


def check_actors(api: Tidings, *terms: tuple[str, str | None]) -> None:
    """Each actor term given (as ``(label, term)``) must match a stored actor: a usage
    error naming the nearest actors otherwise (an empty answer would not say why)."""
    for label, term in terms:
        if not term:
            continue
        try:
            api.check_actor(term, option=label)
        except InputError as exc:
            raise UsageError(exc.message) from None


# ---- output -----------------------------------------------------------------------------------


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def console(stderr: bool = False) -> Console:
    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def jsonl(records: Iterable[dict[str, Any]]) -> None:
    out = sys.stdout
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")


def _cell(value: str) -> str:
    return " ".join(value.split())


def table(columns: Sequence[str], rows: Iterable[Sequence[str]], wide: str | None = None,
          title: str | None = None) -> None:  # fmt: skip
    """Rows under a header: a table fitting the terminal (the ``wide`` column wraps), or,
    when standard output is not a terminal, tab-separated lines (no wrapping, no
    truncation) that ``cut``, ``sort`` and spreadsheets read."""
    if not stdout_is_terminal():
        out = sys.stdout
        if title:
            out.write(f"# {title}\n")
        out.write("\t".join(columns) + "\n")
        for row in rows:
            out.write("\t".join(_cell(str(v)) for v in row) + "\n")
        return
    grid = Table(title=title, expand=False)
    for name in columns:
        grid.add_column(name, overflow="fold", no_wrap=name != wide and name not in ("text",),
                        ratio=3 if name == wide else None)  # fmt: skip
    for row in rows:
        grid.add_row(*(escape(str(v)) for v in row))
    console().print(grid)


def count(n: int, noun: str) -> None:
    """The count under a table; on standard error when the table is piped as TSV, so
    that the lines piped are rows only."""
    if stdout_is_terminal():
        say(f"{n} {noun}")
    else:
        warn(f"{n} {noun}")


def say(line: str) -> None:
    """A line on standard output, as given (no markup)."""
    sys.stdout.write(line + "\n")


def warn(line: str) -> None:
    typer.echo(line, err=True)


# ---- progress ---------------------------------------------------------------------------------


class _Rate(ProgressColumn):
    def __init__(self, unit: str) -> None:
        super().__init__()
        self.unit = unit

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} {self.unit}/s" if speed else f"– {self.unit}/s")


class Reporter:
    """Progress of a long job on standard error: a bar with rate and ETA on a terminal;
    elsewhere (a log, a pipe, CI) one line every ``TIDINGS_PROGRESS_SECONDS`` (10 s).
    Error lines go out at once, above the bar."""

    def __init__(self, what: str, unit: str, total: int | None = None) -> None:
        self.what, self.unit, self.total = what, unit, total
        self.done = 0
        self.note = ""
        self.started = time.monotonic()
        self.terminal = sys.stderr.isatty()
        try:
            self.every = float(os.environ.get("TIDINGS_PROGRESS_SECONDS", PROGRESS_SECONDS))
        except ValueError:
            self.every = PROGRESS_SECONDS
        self.last_line = self.started
        self.bar: Progress | None = None

    def __enter__(self) -> Reporter:
        if self.terminal:
            self.bar = Progress(
                SpinnerColumn(), TextColumn(self.what), BarColumn(), MofNCompleteColumn(),
                _Rate(self.unit), TimeRemainingColumn(), TimeElapsedColumn(),
                TextColumn("{task.fields[note]}"), console=console(stderr=True),
                transient=True,
            )  # fmt: skip
            self.bar.__enter__()
            self.task = self.bar.add_task(self.what, total=self.total, note="")
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
        elif self.done and self.every > 0:
            self._line(final=True)

    def advance(self, n: int = 1, note: str | None = None) -> None:
        self.done += n
        if note is not None:
            self.note = note
        if self.bar is not None:
            self.bar.update(self.task, advance=n, note=self.note)
            return
        now = time.monotonic()
        if now - self.last_line >= self.every:
            self.last_line = now
            self._line()

    def error(self, line: str) -> None:
        if self.bar is not None:
            self.bar.console.print(line, markup=False, highlight=False, soft_wrap=True)
        else:
            warn(line)

    def _line(self, final: bool = False) -> None:
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = self.done / elapsed
        of = f"/{self.total}" if self.total else ""
        parts = [f"{self.what}: {self.done}{of} {self.unit}", f"{rate:.1f}/s"]
        if self.total and rate > 0 and not final:
            parts.append(f"about {_duration((self.total - self.done) / rate)} left")
        parts.append(f"{_duration(elapsed)} elapsed")
        if self.note:
            parts.append(self.note)
        warn(", ".join(parts))


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def short(text: str, n: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"
