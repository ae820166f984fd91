"""Commands over the record in time: timeline (a dyad's instances and months), findings,
duplicates. They parse arguments, call :mod:`tidings.api` and format the answer: text for
people, ``--json`` (JSON Lines with PLOVER field names) for programs."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from tidings.api import Tidings
from tidings.cli import app
from tidings.errors import TidingsError
from tidings.model import ActorRef
from tidings.plover import QUAD_CLASSES
from tidings.store import DEFAULT_PATH
from tidings.timeline.instances import EventInstance
from tidings.timeline.plover import instance_record, month_record

DB_HELP = "The DuckDB store file."


@contextmanager
def _open(db: str) -> Iterator[Tidings]:
    try:
        api = Tidings(db, create=False)
    except TidingsError as exc:
        typer.echo(f"error: {exc.one_line()}", err=True)
        raise typer.Exit(1) from None
    try:
        yield api
    except TidingsError as exc:
        typer.echo(f"error: {exc.one_line()}", err=True)
        raise typer.Exit(1) from None
    finally:
        api.close()


def _jsonl(records: Iterable[dict[str, Any]]) -> None:
    for record in records:
        sys.stdout.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")


def _refs(refs: list[ActorRef]) -> str:
    return ", ".join(f"{r.name} ({r.code})" if r.name else r.code for r in refs) or "—"


def _short(text: str, n: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _print_instance(console: Console, inst: EventInstance) -> None:
    kind = inst.event + (f"/{inst.mode}" if inst.mode else "")
    if inst.recipient:
        sides = f"{_refs(inst.actor)} → {_refs(inst.recipient)}"
    else:  # a symmetric event (a meeting, an agreement) among the actors
        sides = " — ".join(_refs([r]) for r in inst.actor)
    marker = "  [dim]historical mention only[/dim]" if inst.historical_only else ""
    console.print(
        f"[bold]{inst.date.value}[/bold] ({inst.date.precision})  [bold]{kind}[/bold]  "
        f"{escape(sides)}{marker}"
    )
    for s in inst.sources:
        where = ", ".join(x for x in (s.publisher, s.published and s.published.isoformat(),
                                      s.doc_id[:12]) if x)  # fmt: skip
        copy = f" [dim](copy of {s.duplicate_of[:12]})[/dim]" if s.duplicate_of else ""
        aux = " [dim]historical[/dim]" if s.aux else ""
        console.print(f"    {escape(where)}{aux}{copy}: {escape(_short(s.text))}")


@app.command("timeline")
def timeline_command(
    a: str = typer.Argument(..., help="An actor: name (Vucic), country (SRB) or code (SRBGOV)."),
    b: str = typer.Argument(..., help="The other actor."),
    directed: bool = typer.Option(False, "--directed", help="Only events from A to B."),
    db: str = typer.Option(DEFAULT_PATH, "--db", help=DB_HELP),
    as_json: bool = typer.Option(
        False, "--json", help="JSON Lines: each instance, then each month."),
) -> None:  # fmt: skip
    """The dated event instances between two actors, with their sources, and monthly
    counts by PLOVER quad class with the cooperation–conflict score."""
    with _open(db) as api:
        line = api.timeline(a, b, directed=directed)
    if as_json:
        _jsonl(
            [instance_record(i) for i in line.instances] + [month_record(m) for m in line.months]
        )
        return
    console = Console(highlight=False)
    way = "→" if directed else "—"
    console.rule(f"{escape(a)} {way} {escape(b)}: {len(line.instances)} event instances")
    for inst in line.instances:
        _print_instance(console, inst)
    if not line.months:
        return
    table = Table(title="By month (instances, not reports)")
    table.add_column("month")
    for q in QUAD_CLASSES:
        table.add_column(q.replace("_", " "), justify="right")
    table.add_column("score", justify="right")
    for m in line.months:
        table.add_row(m.month, *(str(m.counts.get(q, 0)) for q in QUAD_CLASSES), f"{m.score:g}")
    console.print(table)


@app.command("findings")
def findings_command(
    kind: str | None = typer.Option(
        None, "--kind", help="contact_gap, first_of_type or cooperation_break."),
    actor: str | None = typer.Option(None, "--actor", help="Either side: name or code."),
    since: str | None = typer.Option(None, help="Dated on or after (YYYY-MM-DD)."),
    limit: int | None = typer.Option(None, min=1, help="At most N findings."),
    db: str = typer.Option(DEFAULT_PATH, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="JSON Lines, one finding a line."),
) -> None:  # fmt: skip
    """Findings computed from the event instances: new contacts after a gap, first events
    of a type between two actors, breaks in a run of cooperation."""
    with _open(db) as api:
        found = api.findings(kind=kind, actor=actor, since=since, limit=limit)
    if as_json:
        _jsonl(found)
        return
    console = Console(highlight=False)
    for f in found:
        docs = ", ".join(d[:12] for d in f["doc_ids"])
        console.print(f"• {escape(f['text'])}  [dim]({f['kind']}; {escape(docs)})[/dim]")
    console.print(f"{len(found)} findings")


@app.command("duplicates")
def duplicates_command(
    db: str = typer.Option(DEFAULT_PATH, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="JSON Lines, one link a line."),
) -> None:
    """Articles linked as exact or near copies of an earlier stored article."""
    with _open(db) as api:
        found = api.duplicates()
    if as_json:
        _jsonl(found)
        return
    for d in found:
        how = "exact" if d["exact"] else f"near {d['similarity']:.2f}"
        typer.echo(f"{d['doc_id'][:12]} copies {d['duplicate_of'][:12]} ({how})")
    groups = len({d["duplicate_of"] for d in found})
    typer.echo(f"{len(found)} duplicate articles of {groups} originals")
