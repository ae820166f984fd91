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

# Importing a command module registers its commands on ``app``.
from tidings.cli import records  # noqa: E402,F401  ingest, show, quotes, events, export
from tidings.cli import evaluate  # noqa: E402,F401  eval
from tidings.cli import bench  # noqa: E402,F401  bench pipeline | extract
from tidings.cli import timeline  # noqa: E402,F401  timeline, findings
from tidings.cli import fetch  # noqa: E402,F401  fetch


def main() -> None:
    app()
