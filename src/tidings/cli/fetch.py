"""``tidings fetch FEED_OR_SITEMAP``: fetch the pages a feed or sitemap lists.

Fetching is polite and bounded (see :mod:`tidings.sources.fetch`). Each page becomes a
Document; with ``--db`` the documents go through the same ingest as ``tidings ingest``
(analysed and stored, a failed fetch counted as failed); without it a JSON line per
article is printed. Exit status 0 when every page was fetched (and stored), 1 when some
failed, with the count.
"""

from __future__ import annotations

import json
import sys

import typer

from tidings.cli import app
from tidings.cli.common import Reporter, day_callback, warn, writing


@app.command("fetch")
def fetch(
    location: str = typer.Argument(
        ..., metavar="FEED_OR_SITEMAP", help="URL or file of an RSS/Atom feed or a sitemap."),
    db: str | None = typer.Option(
        None, "--db", metavar="PATH",
        help="Store the articles in this store (TIDINGS_DB is not used here: without --db "
             "the articles are printed)."),
    limit: int | None = typer.Option(None, metavar="N", min=1, help="Fetch at most N pages."),
    allow_private: bool = typer.Option(
        False, "--allow-private", help="Allow private, loopback and link-local hosts."),
    delay: float = typer.Option(
        1.0, metavar="S", min=0.0, help="Seconds between two requests to one host."),
    published: str | None = typer.Option(
        None, metavar="DAY", callback=day_callback, help="Publication date hint (YYYY-MM-DD)."),
    publisher: str | None = typer.Option(None, metavar="NAME", help="Publisher hint."),
) -> None:  # fmt: skip
    """Fetch every page a feed or sitemap lists (robots.txt, rate limit, size cap)."""
    from tidings.errors import InputError, TidingsError
    from tidings.sources.fetch import Fetcher, fetch_listed

    hints = {k: v for k, v in {"published": published, "publisher": publisher}.items() if v}
    fetcher = Fetcher(allow_private=allow_private, delay=delay)
    try:
        items = fetch_listed(location, hints, fetcher, limit)
        if db:
            from tidings.cli.records import run_ingest  # the same path as `tidings ingest`

            with writing(db) as api:
                run_ingest(api, lambda on_outcome: api.ingest_documents(
                    items, on_outcome=on_outcome), total=limit)  # fmt: skip
            return
        from tidings.extract import extract_article

        printed = failures = 0
        with Reporter("fetching", "pages", limit) as progress:
            for item in items:
                progress.advance(1)
                if isinstance(item, InputError):
                    failures += 1
                    progress.error(f"error: {item.one_line()}")
                    continue
                try:
                    art = extract_article(item)
                except TidingsError as exc:
                    failures += 1
                    progress.error(f"error: {exc.one_line()}")
                    continue
                sys.stdout.write(json.dumps({
                    "source": item.source, "title": art.title, "url": art.url,
                    "published": art.published.isoformat() if art.published else None,
                    "publisher": art.publisher, "chars": len(art.body),
                }, ensure_ascii=False) + "\n")  # fmt: skip
                printed += 1
    finally:
        fetcher.close()
    warn(f"{printed} articles, {failures} failed")
    if failures:
        raise typer.Exit(1)
