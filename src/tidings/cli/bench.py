"""``tidings bench``: throughput and extraction benchmarks (a sub-command group)."""

import typer

from tidings.cli import CONTEXT, TidingsGroup, app

bench_app = typer.Typer(
    help="Benchmarks: pipeline, HTML extraction, furniture, timelines, Spark, the web server.",
    no_args_is_help=True,
    cls=TidingsGroup, context_settings=CONTEXT, rich_markup_mode=None,
)  # fmt: skip
app.add_typer(bench_app, name="bench")


@bench_app.command("extract")
def bench_extract(
    zyte: str = typer.Option("../shared/bench/zyte", help="Zyte benchmark folder."),
    wcxb: str = typer.Option("../shared/bench/wcxb-dev", help="WCXB folder (article pages)."),
    limit: int | None = typer.Option(None, help="First N pages of each set (for quick runs)."),
    tools: str | None = typer.Option(None, help="Comma-separated subset of tools."),
    json_out: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
    out: str | None = typer.Option(None, help="Write the markdown table to this file."),
) -> None:
    """Main-content extraction: tidings beside trafilatura, readability, newspaper4k, goose3,
    resiliparse on the Zyte and WCXB sets."""
    import json
    from pathlib import Path

    from rich.progress import Progress

    from tidings.benchmarks import extract as bench

    names = [t.strip() for t in tools.split(",")] if tools else None
    with Progress(transient=True) as bar:
        task = bar.add_task("extracting", total=None)

        def tick(set_name: str, n: int, _total: int) -> None:
            bar.update(task, description=f"{set_name} page {n}", advance=1)

        figures = bench.run(Path(zyte), Path(wcxb), limit=limit, tools=names, progress=tick)
    table = bench.markdown(figures)
    if out:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        Path(out).write_text("# Extraction benchmark\n\n" + table, encoding="utf-8")
    typer.echo(json.dumps(figures, indent=2) if json_out else table)


@bench_app.command("pipeline")
def bench_pipeline(
    corpus: str = typer.Option(
        "../shared/corpus/allsides-10k.jsonl.gz", help="JSON Lines (or any input) to read."
    ),
    limit: int = typer.Option(500, help="First N articles of the corpus."),
    processes: int = typer.Option(0, help="Processes for each side; 0 = one per core."),
    rounds: int = typer.Option(
        3, min=1, help="Rounds (each runs spaCy, then tidings); figures are their median."
    ),
    json_out: bool = typer.Option(False, "--json", help="Print the figures as one JSON object."),
    out: str | None = typer.Option(None, help="Write the markdown table to this file."),
) -> None:
    """Articles/s of the whole pipeline (sources → events, no store) beside a bare spaCy
    nlp.pipe over the same texts, their ratio, peak memory and per-stage time shares: the
    median of the rounds, with their spread and the machine's load."""
    import json
    from pathlib import Path

    from rich.console import Console

    from tidings.benchmarks import pipeline as bench

    path = Path(corpus)
    if not path.exists():
        typer.echo(f"{corpus}: no such corpus file", err=True)
        raise typer.Exit(2)
    from tidings.benchmarks.rounds import in_rounds, markdown_spread

    with Console(stderr=True).status(f"running spaCy and tidings on the same texts, "
                                     f"{rounds} rounds…"):  # fmt: skip
        figures = in_rounds(lambda: bench.run(path, limit=limit, processes=processes), rounds)
    table = bench.markdown(figures, path) + "\n" + markdown_spread(figures)
    if out:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        Path(out).write_text(table, encoding="utf-8")
    typer.echo(json.dumps(figures) if json_out else table)


@bench_app.command("furniture")
def bench_furniture(
    wcxb: str = typer.Option("../shared/bench/wcxb-dev", help="WCXB folder (ground-truth/)."),
    limit: int | None = typer.Option(None, help="First N pages (for quick runs)."),
    json_out: bool = typer.Option(False, "--json", help="Print the figures as one JSON object."),
) -> None:
    """Line precision/recall of the text furniture filter: WCXB boilerplate snippets mixed
    with reference article paragraphs, each line judged alone."""
    import json

    from tidings.benchmarks.furniture import furniture_line_benchmark, markdown

    try:
        figures = furniture_line_benchmark(wcxb, limit=limit)
    except FileNotFoundError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from exc
    typer.echo(json.dumps(figures) if json_out else markdown(figures))


@bench_app.command("timeline")
def bench_timeline(
    events: int = typer.Option(10_000_000, help="Synthetic events (reports) in the store."),
    queries: int = typer.Option(20, help="Random dyads per kind (people, countries)."),
    corpus: str = typer.Option(
        "../shared/corpus/allsides-10k.jsonl.gz", help="Corpus for dedup and ingest figures."),
    dedup_limit: int | None = typer.Option(None, help="First N corpus articles for dedup."),
    ingest_limit: int = typer.Option(
        100, help="Ingest the first N corpus articles (0: skip) for the ingest rate."),
    json_out: bool = typer.Option(False, "--json", help="Print the figures as one JSON object."),
    out: str | None = typer.Option(None, help="Write the markdown report to this file."),
) -> None:  # fmt: skip
    """Timeline query time and memory on a synthetic store (cached under bench/.cache/),
    duplicates in the corpus, and the ingest rate on a subset."""
    import json
    from pathlib import Path

    from rich.console import Console

    from tidings.benchmarks import timeline as bench

    with Console(stderr=True).status("building or opening the synthetic store, querying…"):
        figures = bench.run(events, queries, Path(corpus), dedup_limit, ingest_limit)
    table = bench.markdown(figures)
    if out:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        Path(out).write_text(table, encoding="utf-8")
    typer.echo(json.dumps(figures) if json_out else table)


@bench_app.command("spark")
def bench_spark(
    corpus: str = typer.Option(
        "../shared/corpus/allsides-10k.jsonl.gz", help="JSON Lines (or any input) to read."),
    limit: int | None = typer.Option(300, min=1, help="First N articles (none: all)."),
    partitions: int | None = typer.Option(None, min=1, help="Spark partitions (default 4/core)."),
    json_out: bool = typer.Option(False, "--json", help="Print the figures as one JSON object."),
) -> None:  # fmt: skip
    """Articles/s of `tidings spark` on local[1] and local[2] beside `ingest` on the same
    articles, the scaling ratio, and the rate of `tidings load`."""
    import json
    from pathlib import Path

    from rich.console import Console

    from tidings.benchmarks import spark as bench

    path = Path(corpus)
    if not path.exists():
        typer.echo(f"{corpus}: no such corpus file", err=True)
        raise typer.Exit(2)
    with Console(stderr=True).status("ingest, then Spark on local[1] and local[2]…"):
        figures = bench.run(path, limit=limit, partitions=partitions)
    typer.echo(json.dumps(figures) if json_out else bench.markdown(figures))


@bench_app.command("serve")
def bench_serve(
    db: str = typer.Option("bench/.cache/corpus-10k.duckdb", help="The store to serve."),
    requests: int = typer.Option(300, min=1, help="Requests per endpoint."),
    concurrency: int = typer.Option(4, min=1, max=64, help="Client threads."),
    budget: float = typer.Option(60.0, min=1.0, help="Seconds at most per endpoint."),
    readers: int = typer.Option(4, min=1, max=32, help="The server's reader connections."),
    json_out: bool = typer.Option(False, "--json", help="Print the figures as one JSON object."),
    out: str | None = typer.Option(None, help="Write the markdown table to this file."),
) -> None:  # fmt: skip
    """Requests/s and p50/p95 latency of the timeline and article endpoints (API and pages)
    of `tidings serve` on loopback. The default store holds the 10k corpus: build it with
    `tidings ingest ../shared/corpus/allsides-10k.jsonl.gz --db bench/.cache/corpus-10k.duckdb`."""
    import json
    from pathlib import Path

    from rich.console import Console

    from tidings.benchmarks import serve as bench

    path = Path(db)
    if not path.is_file():
        typer.echo(f"{db}: no such store (build it with `tidings ingest "
                   f"../shared/corpus/allsides-10k.jsonl.gz --db {db}`)", err=True)  # fmt: skip
        raise typer.Exit(2)
    with Console(stderr=True).status("serving the store and sending requests…"):
        figures = bench.run(path, requests, concurrency, budget, readers)
    table = bench.markdown(figures)
    if out:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        Path(out).write_text("# Web server benchmark\n\n" + table, encoding="utf-8")
    typer.echo(json.dumps(figures) if json_out else table)
