"""The ``tidings`` command: parses arguments, calls the Python API, formats the answer.

Each command group lives in its own module and registers itself on :data:`app`; no
command holds logic that the Python API (:mod:`tidings.api`) lacks.

Conventions (spaCy's, datasette's, trafilatura's): ``-h``/``--help`` everywhere,
``--version``, ``-`` for standard input and output, ``TIDINGS_DB`` as the default store.
Exit status: 0 when everything asked for was done, 1 when something failed (the count is
printed), 2 for a usage error (an argument checked before anything runs). No traceback
reaches a user: an unexpected failure is one line with an error code and a hint to rerun
with ``--debug``, which shows the traceback.
"""

from __future__ import annotations

import os
import sys
from typing import Any

import typer

# typer vendors its own click (typer._click): its exceptions, not the click package's, are
# what commands raise.
from typer._click.core import Command, Context
from typer._click.exceptions import ClickException
from typer._click.utils import echo
from typer.core import TyperArgument, TyperGroup

from tidings import __version__
from tidings.errors import TidingsError

UNEXPECTED = "T900"


class _PlainArgument(TyperArgument):
    """A positional argument shown as ``ID`` or ``PATH...`` in usage and help, without
    typer's ``{ID}`` and ``<str>`` decorations."""

    def _usage_display_name(self) -> str:
        name = self.display_name_raw
        name = name if self.required else f"[{name}]"
        return name + ("..." if self.nargs != 1 else "")

    def display_type_rich(self, ctx: Context) -> str | None:
        return None


def _plain(command: Command) -> Command:
    """Help without type placeholders: an option or argument without a metavar of its own
    is shown by its name (``--corpus CORPUS``), never as ``<str>``."""
    for param in command.params:
        if param.metavar is None and not getattr(param, "is_flag", False) and param.name:
            param.metavar = param.name.upper()
        if type(param) is TyperArgument:
            param.__class__ = _PlainArgument  # same fields: only the display differs
    return command


def debugging(ctx: Context | None = None) -> bool:
    while ctx is not None:
        if ctx.params.get("debug"):
            return True
        ctx = ctx.parent
    return os.environ.get("TIDINGS_DEBUG", "") not in ("", "0")


class TidingsGroup(TyperGroup):
    """Turns every failure into one line and an exit status (see the module's docstring)."""

    def get_command(self, ctx: Context, cmd_name: str) -> Command | None:
        command = super().get_command(ctx, cmd_name)
        return _plain(command) if command is not None else None

    def invoke(self, ctx: Context) -> Any:
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, ClickException):
            raise
        except TidingsError as exc:
            if debugging(ctx):
                raise
            echo(f"error: {exc.one_line()}", err=True)
            raise typer.Exit(1) from None
        except BrokenPipeError:  # `tidings events | head`: the reader has had enough
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(0) from None
        except KeyboardInterrupt:
            echo("error: interrupted", err=True)
            raise typer.Exit(130) from None
        except Exception as exc:
            if debugging(ctx):
                raise
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
            what = f"{type(exc).__name__}: {first}" if first else type(exc).__name__
            echo(
                f"error: unexpected failure: {what} [{UNEXPECTED}] (rerun with --debug for "
                "the traceback, and please report it)",
                err=True,
            )
            raise typer.Exit(1) from None


CONTEXT = {"help_option_names": ["-h", "--help"]}

app = typer.Typer(
    name="tidings",
    help="Reads news the way an analyst does: articles, actors, quotes, PLOVER events, timelines.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings=CONTEXT,
    cls=TidingsGroup,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"tidings {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
    debug: bool = typer.Option(
        False, "--debug", help="Show the traceback of an unexpected failure."),
) -> None:  # fmt: skip
    """Reads news the way an analyst does: articles, actors, quotes, PLOVER events, timelines.

    The store is TIDINGS_DB, or tidings.duckdb in the working folder, unless --db names one.
    """


# Importing a command module registers its commands on ``app``, in this order in --help.
from tidings.cli import (  # noqa: E402,F401,I001
    records,  # ingest, show, quotes, events, export, demo
    timeline,  # timeline, findings, duplicates
    fetch,  # fetch
    evaluate,  # eval
    bench,  # bench pipeline | extract | furniture | timeline | spark | serve
    spark,  # spark, load
    serve,  # serve
)


def main() -> None:
    app()
