"""``tidings fetch FEED_OR_SITEMAP``: fetch the pages a feed or sitemap lists.

Fetching is polite and bounded (see :mod:`tidings.sources.fetch`). Each page becomes a
Document; with ``--db`` the documents go through the same ingest path as ``tidings
ingest`` (analysed and stored); without it a JSON line per article is printed.
"""

from __future__ import annotations

import json
import sys

import typer

from tidings.cli import app
from tidings.model import Document


@app.command("fetch")
def fetch(
    location: str = typer.Argument(..., help="URL or file of an RSS/Atom feed or a sitemap."),
    db: str | None = typer.Option(None, help="Store the articles in this DuckDB file."),
    limit: int | None = typer.Option(None, help="Fetch at most N pages."),
    allow_private: bool = typer.Option(
        False, "--allow-private", help="Allow private, loopback and link-local hosts."
    ),
    delay: float = typer.Option(1.0, help="Seconds between two requests to one host."),
    published: str | None = typer.Option(None, help="Publication date hint (YYYY-MM-DD)."),
    publisher: str | None = typer.Option(None, help="Publisher hint."),
) -> None:
    """Fetch every page a feed or sitemap lists (robots.txt, rate limit, size cap)."""
    from rich.progress import Progress

    from tidings.errors import InputError, TidingsError
    from tidings.extract import extract_article
    from tidings.sources.fetch import Fetcher, fetch_listed

    hints = {k: v for k, v in {"published": published, "publisher": publisher}.items() if v}
    fetcher = Fetcher(allow_private=allow_private, delay=delay)
    documents: list[Document] = []
    printed = failures = 0
    try:
        with Progress(transient=True, console=None) as bar:
            task = bar.add_task("fetching", total=limit)
            for item in fetch_listed(location, hints, fetcher, limit):
                bar.advance(task)
                if isinstance(item, InputError):
                    failures += 1
                    typer.echo(item.one_line(), err=True)
                    continue
                if db:
                    documents.append(item)
                    continue
                try:
                    art = extract_article(item)
                except TidingsError as exc:
                    failures += 1
                    typer.echo(exc.one_line(), err=True)
                    continue
                sys.stdout.write(json.dumps({
                    "source": item.source, "title": art.title, "url": art.url,
                    "published": art.published.isoformat() if art.published else None,
                    "publisher": art.publisher, "chars": len(art.body),
                }, ensure_ascii=False) + "\n")  # fmt: skip
                printed += 1
    finally:
        fetcher.close()
    if db and documents:
        from tidings.cli.records import ingest_documents  # the same path as `tidings ingest`

        ingest_documents(documents, db)
    if not db:
        typer.echo(f"{printed} articles; {failures} failed", err=True)
