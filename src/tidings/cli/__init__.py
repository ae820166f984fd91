"""The ``tidings`` command: parses arguments, calls the library, formats the answer.

Each command group lives in its own module and registers itself on :data:`app`; no
command holds logic that the Python API lacks.
"""

from __future__ import annotations

import typer

app = typer.Typer(
    name="tidings",
    help="Reads news the way an analyst does: articles, actors, quotes, PLOVER events, timelines.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Importing a command module registers its commands on ``app``, in this order in --help.
from tidings.cli import (  # noqa: E402,F401,I001
    records,  # ingest, show, quotes, events, export, demo
    timeline,  # timeline, findings
    fetch,  # fetch
    evaluate,  # eval
    bench,  # bench pipeline | extract | furniture | timeline | serve
    serve,  # serve
)


def main() -> None:
    app()
