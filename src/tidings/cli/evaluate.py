"""``tidings eval``: score the pipeline against gold files (and the PLOVER GSR sentences)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from tidings.cli import app
from tidings.errors import InputError
from tidings.evaluation.gold import Gold, load_gold
from tidings.evaluation.scoring import ArticleScore, Totals

out = Console()
err = Console(stderr=True)


def _error(line: str, console: Console | None = None) -> None:
    """One plain line on stderr (no markup: paths may hold brackets; no wrapping)."""
    (console or err).print(line, markup=False, highlight=False, soft_wrap=True)


def _round(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {k: _round(v) for k, v in value.items()}
    return value


def _infer_root(gold: Gold) -> Path:
    """The nearest folder above the gold file under which its input file exists."""
    name = str(gold.input.get("file", ""))
    for parent in gold.path.resolve().parents:
        if (parent / name).is_file():
            return parent
    return Path(".")


def _fmt(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _summary_table(report: dict[str, Any]) -> Table:
    table = Table(title=f"tidings eval — {report['articles']} articles")
    table.add_column("section")
    table.add_column("figure")
    table.add_column("value", justify="right")
    for section in ("article", "quotes", "events", "dates"):
        for key, value in report[section].items():
            table.add_row(section, key, _fmt(value))
            section = ""
    return table


def _frac(part: int, whole: int, scored: bool = True) -> str:
    return f"{part}/{whole}" if scored else "—"


def _article_table(scores: list[ArticleScore]) -> Table:
    table = Table(title="per article")
    for name in (
        "id",
        "body F1",
        "title",
        "furniture leaked",
        "quotes m/g/p",
        "speakers",
        "events req",
        "events pred",
        "dated req",
        "dates",
    ):
        table.add_column(name, justify="left" if name == "id" else "right")
    for s in scores:
        table.add_row(
            s.id + (" [red](failed)[/]" if s.error else ""),
            f"{s.body_f1:.3f}" if s.has_body else "—",
            ("✓" if s.title_exact else "✗") if s.has_title else "—",
            _frac(s.furniture_leaked, s.furniture_lines),
            f"{s.quotes_matched}/{s.quotes_gold}/{s.quotes_predicted}" if s.quotes_scored else "—",
            _frac(s.speaker_ok, s.speakers_judged, s.quotes_scored),
            _frac(s.events_required_matched, s.events_required, s.events_scored),
            _frac(s.events_predicted_matched, s.events_predicted, s.events_scored),
            _frac(s.events_required_matched_dated, s.events_required, s.events_scored),
            _frac(s.dates_correct, s.dates_gold, s.dates_scored),
        )
    return table


def _flatten(figures: Any, prefix: str = "") -> list[tuple[str, Any]]:
    if isinstance(figures, dict):
        rows: list[tuple[str, Any]] = []
        for key, value in figures.items():
            rows.extend(_flatten(value, f"{prefix}{key}."))
        return rows
    return [(prefix.rstrip("."), figures)]


def _plover_gsr(path: Path) -> dict[str, Any] | None:
    """The GSR figures, or None after printing one line when they cannot be computed."""
    try:
        from tidings.evaluation.plover_gsr import evaluate_gsr
    except ImportError as exc:
        _error(f"plover-gsr: tidings.evaluation.plover_gsr is not available ({exc})")
        return None
    if not path.is_file():
        _error(f"{path}: no such PLOVER GSR file")
        return None
    try:
        figures = evaluate_gsr(path)
    except Exception as exc:  # an unfinished evaluator must not hide the gold figures
        _error(f"{path}: PLOVER GSR evaluation failed: {exc!r}")
        return None
    return dict(figures)


@app.command("eval")
def eval_command(
    gold: list[Path] = typer.Argument(  # noqa: B008
        None, help="Gold JSON files or folders of them (../shared/gold/README.md)."
    ),
    root: Path | None = typer.Option(  # noqa: B008
        None,
        "--root",
        help="Folder that input.file is relative to (default: found above each gold file).",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
    details: bool = typer.Option(
        False, "--details", "--per-article", help="List each article's misses and errors."
    ),
    dump: Path | None = typer.Option(  # noqa: B008
        None, "--dump", help="Write each article's predictions to DIR/<gold id>.json."
    ),
    plover_gsr: Path | None = typer.Option(  # noqa: B008
        None, "--plover-gsr", help="Also score PLOVER_GSR_CAMEO.json (sentence-level events)."
    ),
) -> None:
    """Run the pipeline on each gold file's input and score it as the gold README says.

    Exit status 1 when a gold file or an input could not be used (each gets one line on
    stderr; a failed input is scored as an empty prediction).
    """
    golds: list[Gold] = []
    failed = False
    for item in load_gold(gold or []):
        if isinstance(item, InputError):
            _error(item.one_line())
            failed = True
        else:
            golds.append(item)
    if not golds and plover_gsr is None:
        _error("tidings eval: no usable gold file given")
        raise typer.Exit(2)

    report: dict[str, Any] = {}
    totals = Totals()
    if golds:
        totals, input_failed = _run(golds, root, dump)
        failed = failed or input_failed
        report = totals.report()
    if plover_gsr is not None:
        figures = _plover_gsr(plover_gsr)
        failed = failed or figures is None
        if figures is not None:
            report["plover_gsr"] = figures

    if as_json:
        out.file.write(json.dumps(_round(report), ensure_ascii=False) + "\n")
    else:
        if golds:
            out.print(_summary_table(report))
            out.print(_article_table(totals.scores))
        if details:
            for s in totals.scores:
                if s.notes or s.error:
                    out.print(f"[bold]{s.id}[/]", highlight=False)
                    for note in ([s.error] if s.error else []) + s.notes:
                        out.print(f"  {note}", markup=False, highlight=False, soft_wrap=True)
        if "plover_gsr" in report:
            table = Table(title=f"PLOVER GSR — {plover_gsr}")
            table.add_column("figure")
            table.add_column("value", justify="right")
            for key, value in _flatten(report["plover_gsr"]):
                table.add_row(key, _fmt(value))
            out.print(table)
    if failed:
        raise typer.Exit(1)


def _run(golds: list[Gold], root: Path | None, dump: Path | None) -> tuple[Totals, bool]:
    """Score every gold article, with a progress bar on stderr; True if any input failed."""
    from tidings.evaluation.runner import dump_prediction, evaluate
    from tidings.pipeline import Pipeline  # heavy (spaCy): only when there is work

    totals = Totals()
    failed = False
    pipeline = Pipeline()
    # One root for all files when given; otherwise each gold file finds its own.
    groups: dict[Path, list[Gold]] = {}
    for g in golds:
        groups.setdefault(root if root is not None else _infer_root(g), []).append(g)
    progress = Progress(
        TextColumn("scoring"),
        BarColumn(),
        MofNCompleteColumn(),
        console=err,
        transient=True,
        disable=len(golds) < 2,
    )
    with progress:
        task = progress.add_task("eval", total=len(golds))
        for group_root, members in groups.items():
            for item in evaluate(members, group_root, pipeline):
                if item.error is not None:
                    _error(item.error.one_line(), progress.console)
                    failed = True
                if dump is not None:
                    dump_prediction(item, dump)
                totals.add(item.score)
                progress.advance(task)
    order = {g.id: i for i, g in enumerate(golds)}
    totals.scores.sort(key=lambda s: order.get(s.id, 0))
    return totals, failed
