"""``tidings serve``: the REST API and the web pages over a store (FastAPI + uvicorn)."""

from __future__ import annotations

import ipaddress

import typer

from tidings.cli import app
from tidings.errors import TidingsError
from tidings.store import DEFAULT_PATH


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@app.command("serve")
def serve(
    db: str = typer.Option(DEFAULT_PATH, "--db", help="The DuckDB store file."),
    host: str = typer.Option("127.0.0.1", help="Address to bind (loopback unless told)."),
    port: int = typer.Option(8000, min=0, max=65535, help="Port to listen on."),
    refresh: float = typer.Option(
        15.0, min=1.0, help="Seconds between two copies of a changing store."),
    readers: int = typer.Option(4, min=1, max=32, help="Concurrent connections to the copy."),
) -> None:  # fmt: skip
    """Serve the store read-only: web pages at / and the REST API at /api (OpenAPI at
    /api/openapi.json). New records that `tidings ingest` writes meanwhile show within
    about --refresh seconds; the server never locks the store."""
    import uvicorn

    from tidings.web import create_app, store_snapshot

    snapshot = store_snapshot(db, interval=refresh, readers=readers)
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
    typer.echo(f"serving {db} at http://{shown}:{port}/ (Ctrl-C to stop)", err=True)
    uvicorn.run(create_app(snapshot), host=host, port=port, log_level="warning")
