"""``tidings serve``: the REST API and the web pages over a store (FastAPI + uvicorn)."""

from __future__ import annotations

import ipaddress
import math
import re

import typer
from typer._click.core import Context, Parameter

from tidings.api import default_db
from tidings.cli import app
from tidings.cli.common import db_option
from tidings.errors import TidingsError

# A host name as DNS allows it: dot-separated labels of letters, digits and inner hyphens.
_HOSTNAME = re.compile(r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)(\.(?!-)[A-Za-z0-9-]{1,63}(?<!-))*\.?")


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def host_callback(ctx: Context, param: Parameter, value: str) -> str:
    """An IP address or a host name to bind, checked before anything opens."""
    try:
        ipaddress.ip_address(value)
        return value
    except ValueError:
        pass
    if len(value) <= 253 and _HOSTNAME.fullmatch(value):
        return value
    raise typer.BadParameter(f"{value!r} is not an IP address or a host name")


def seconds_callback(ctx: Context, param: Parameter, value: float) -> float:
    if not math.isfinite(value):
        raise typer.BadParameter(f"{value!r} is not a number of seconds")
    return value


@app.command("serve")
def serve(
    db: str | None = db_option(),
    host: str = typer.Option("127.0.0.1", metavar="ADDR", callback=host_callback,
                             help="Address to bind (loopback unless told)."),
    port: int = typer.Option(8000, metavar="N", min=0, max=65535,
                             help="Port to listen on (0: any free port)."),
    refresh: float = typer.Option(
        15.0, metavar="S", min=1.0, max=86400.0, callback=seconds_callback,
        help="Seconds between two copies of a changing store."),
    readers: int = typer.Option(4, metavar="N", min=1, max=32,
                                help="Concurrent connections to the copy."),
) -> None:  # fmt: skip
    """Serve the store read-only: web pages at / and the REST API at /api (OpenAPI at
    /api/openapi.json). New records that `tidings ingest` writes meanwhile show within
    about --refresh seconds; the server never locks the store."""
    import uvicorn

    from tidings.web import create_app, store_snapshot

    store = db or default_db()
    snapshot = store_snapshot(store, interval=refresh, readers=readers)
    try:
        snapshot.open()  # a missing or unreadable store fails here, in one line
    except TidingsError as exc:
        snapshot.close()
        typer.echo(f"error: {exc.one_line()}", err=True)
        raise typer.Exit(1) from None
    if not _loopback(host):
        typer.echo(f"warning: serving on {host}: anyone who can reach it can read the store",
                   err=True)  # fmt: skip
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"serving {store} at http://{shown}:{port}/ (Ctrl-C to stop)", err=True)
    uvicorn.run(create_app(snapshot), host=host, port=port, log_level="warning")
