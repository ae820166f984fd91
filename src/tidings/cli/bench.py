"""``tidings bench``: throughput and extraction benchmarks (a sub-command group)."""

import typer

from tidings.cli import app

bench_app = typer.Typer(help="Benchmarks: pipeline throughput, HTML extraction.", no_args_is_help=True)
app.add_typer(bench_app, name="bench")
