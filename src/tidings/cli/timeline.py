"""Commands over the record in time: timeline (a dyad's instances and months), findings,
duplicates. They parse arguments, call :mod:`tidings.api` and format the answer: text for
people, ``--json`` (JSON Lines of public records, :mod:`tidings.shapes`) for programs."""

from __future__ import annotations

import sys

import typer
from rich.console import Console
from rich.markup import escape

from tidings.cli import app
from tidings.cli.common import (
    check_actors,
    console,
    count,
    date_callback,
    db_option,
    jsonl,
    kind_callback,
    reading,
    short,
    table,
)
from tidings.model import ActorRef
from tidings.plover import QUAD_CLASSES
from tidings.shapes import FINDING_KINDS
from tidings.timeline.instances import EventInstance


def _refs(refs: list[ActorRef]) -> str:
    return ", ".join(f"{r.name} ({r.code})" if r.name else r.code for r in refs) or "—"


def _print_instance(out: Console, inst: EventInstance) -> None:
    kind = inst.event + (f"/{inst.mode}" if inst.mode else "")
    if inst.recipient:
        sides = f"{_refs(inst.actor)} → {_refs(inst.recipient)}"
    else:  # a symmetric event (a meeting, an agreement) among the actors
        sides = " — ".join(_refs([r]) for r in inst.actor)
    marker = "  [dim]historical mention only[/dim]" if inst.historical_only else ""
    out.print(
        f"[bold]{inst.date.value}[/bold] ({inst.date.precision})  [bold]{kind}[/bold]  "
        f"{escape(sides)}{marker}"
    )
    for s in inst.sources:
        where = ", ".join(x for x in (s.publisher, s.published and s.published.isoformat(),
                                      s.doc_id[:12]) if x)  # fmt: skip
        copy = f" [dim](copy of {s.duplicate_of[:12]})[/dim]" if s.duplicate_of else ""
        aux = " [dim]historical[/dim]" if s.aux else ""
        out.print(f"    {escape(where)}{aux}{copy}: {escape(short(s.text, 200))}")


@app.command("timeline")
def timeline_command(
    a: str = typer.Argument(
        ..., metavar="A", help="An actor: name (Vucic), country (SRB) or code (SRBGOV)."),
    b: str = typer.Argument(..., metavar="B", help="The other actor."),
    directed: bool = typer.Option(False, "--directed", help="Only events from A to B."),
    db: str | None = db_option(),
    as_json: bool = typer.Option(
        False, "--json", help="JSON Lines: each instance, then each month."),
) -> None:  # fmt: skip
    """The dated event instances between two actors, with their sources, and monthly
    counts by PLOVER quad class with the cooperation–conflict score."""
    with reading(db) as api:
        check_actors(api, ("A", a), ("B", b))
        records = api.timeline_records(a, b, directed=directed)
        line = api.timeline(a, b, directed=directed) if not as_json else None
    if line is None:
        jsonl(records)
        return
    out = console() if sys.stdout.isatty() else Console(highlight=False, width=10_000,
                                                        no_color=True)  # fmt: skip
    way = "→" if directed else "—"
    out.rule(f"{escape(a)} {way} {escape(b)}: {len(line.instances)} event instances")
    for inst in line.instances:
        _print_instance(out, inst)
    if not line.months:
        return
    table(["month", *(q.replace("_", " ") for q in QUAD_CLASSES), "score"],
          [[m.month, *(str(m.counts.get(q, 0)) for q in QUAD_CLASSES), f"{m.score:g}"]
           for m in line.months], title="By month (instances, not reports)")  # fmt: skip


@app.command("findings")
def findings_command(
    kind: str | None = typer.Option(
        None, "--kind", metavar="KIND", callback=kind_callback,
        help=f"One of: {', '.join(FINDING_KINDS)}."),
    actor: str | None = typer.Option(
        None, "--actor", metavar="CODE|NAME", help="Either side: code or name."),
    since: str | None = typer.Option(
        None, metavar="DATE", callback=date_callback,
        help="Dated on or after DATE (YYYY[-MM[-DD]])."),
    limit: int | None = typer.Option(None, metavar="N", min=1, help="At most N findings."),
    db: str | None = db_option(),
    as_json: bool = typer.Option(False, "--json", help="JSON Lines, one finding a line."),
) -> None:  # fmt: skip
    """Findings computed from the event instances: new contacts after a gap, first events
    of a type between two actors, breaks in a run of cooperation."""
    with reading(db) as api:
        check_actors(api, ("--actor", actor))
        found = api.findings(kind=kind, actor=actor, since=since, limit=limit)
    if as_json:
        jsonl(found)
        return
    table(["date", "kind", "finding", "articles"],
          [[f["date"], f["kind"], f["text"], ", ".join(d[:12] for d in f["doc_ids"])]
           for f in found], wide="finding")  # fmt: skip
    count(len(found), "findings")


@app.command("duplicates")
def duplicates_command(
    db: str | None = db_option(),
    as_json: bool = typer.Option(False, "--json", help="JSON Lines, one link a line."),
) -> None:
    """Articles linked as exact or near copies of an earlier stored article."""
    with reading(db) as api:
        found = api.duplicates()
    if as_json:
        jsonl(found)
        return
    table(["article", "copies", "how"],
          [[d["doc_id"][:12], d["duplicate_of"][:12],
            "exact" if d["exact"] else f"near {d['similarity']:.2f}"] for d in found])  # fmt: skip
    groups = len({d["duplicate_of"] for d in found})
    count(len(found), f"duplicate articles of {groups} originals")
