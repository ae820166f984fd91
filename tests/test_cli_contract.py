"""The command line a user can trust (issue 14): no traceback, arguments checked before
anything runs, exit status 0 / 1 / 2, ingest selection, fetch that counts its failures,
and the conventions of good CLIs (-h, --version, - for standard input and output, help
without type placeholders, TSV when piped, progress lines when not on a terminal)."""

from __future__ import annotations

import ast
import datetime as dt
import hashlib
import io
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from test_store_samples import all_samples
from tidings.api import Tidings
from tidings.cli import app
from tidings.errors import TidingsError
from tidings.model import Analysis, Article, Document
from tidings.store import Store
from tidings.store.ingest import Selection, ingest

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("contract") / "t.duckdb")
    with Tidings(path) as api:
        api.store.save_many(all_samples())
        api.refresh()
    return path


def _one_error_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


# ---- no traceback reaches a user ---------------------------------------------------------------


def test_findings_since_a_year_is_a_date_not_a_traceback(db: str) -> None:
    result = runner.invoke(app, ["findings", "--since", "2018", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    found = [json.loads(line) for line in result.stdout.splitlines()]
    assert found and all(f["first_day"] >= "2018-01-01" for f in found)
    later = runner.invoke(app, ["findings", "--since", "2024-10", "--db", db, "--json"])
    assert len(later.stdout.splitlines()) < len(found)
    bad = runner.invoke(app, ["findings", "--since", "2018-13", "--db", db])
    assert bad.exit_code == 2 and "not a date" in bad.stderr and "Traceback" not in bad.output


def test_fetch_of_a_missing_file_is_one_error_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["fetch", str(tmp_path / "nonexist.rss")])
    assert result.exit_code == 1
    lines = [x for x in result.stderr.splitlines() if x.startswith("error:")]
    assert len(lines) == 1 and "nonexist.rss" in lines[0] and "no such file" in lines[0].lower()
    assert (
        "Traceback" not in result.output
        and result.exception is None
        or isinstance(result.exception, SystemExit)
    )


def test_an_unexpected_failure_is_one_line_with_a_code_and_a_hint(
    db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(Tidings, "events", broken)
    result = runner.invoke(app, ["events", "--db", db])
    assert result.exit_code == 1
    line = _one_error_line(result.stderr)
    assert line.startswith("error: unexpected failure: ZeroDivisionError")
    assert "[T900]" in line and "--debug" in line
    debug = runner.invoke(app, ["--debug", "events", "--db", db])
    assert isinstance(debug.exception, ZeroDivisionError)  # the traceback, on request


HOSTILE = ["", " ", "-", "\x00", "é" * 300, "'; DROP TABLE events; --", "2024-02-30", "-1",
           "0", "99999999999999999999", "NaN", "../../etc/passwd", "%s%n", "CONSULT/", "/",
           "{}", "[", "*"]  # fmt: skip
COMMANDS: list[tuple[str, ...]] = [
    ("events", "--actor"), ("events", "--recipient"), ("events", "--type"),
    ("events", "--since"), ("events", "--until"), ("events", "--limit"),
    ("quotes", "--speaker"), ("quotes", "--since"), ("quotes", "--limit"),
    ("findings", "--kind"), ("findings", "--actor"), ("findings", "--since"),
    ("findings", "--limit"), ("show",), ("timeline",), ("export", "--table"),
    ("export", "--format"), ("export", "--out"), ("duplicates", "--db"),
    ("ingest", "--since"), ("ingest", "--published"), ("ingest", "--sample"),
    ("fetch",), ("fetch", "--limit"), ("fetch", "--delay"), ("eval",),
    ("bench", "pipeline", "--limit"), ("bench", "furniture", "--wcxb"),
    ("serve", "--db"), ("serve", "--host"), ("serve", "--port"), ("serve", "--refresh"),
    ("serve", "--readers"),
    ("spark",), ("spark", "--out"), ("spark", "--master"), ("spark", "--partitions"),
    ("spark", "--published"), ("spark", "--conf"), ("spark", "--local-dir"), ("load",),
    ("load", "--db"),

]  # fmt: skip


def _argv(command: tuple[str, ...], value: str, db: str, tmp: Path) -> list[str]:
    if command == ("show",):
        return ["show", value, "--db", db]
    if command == ("timeline",):
        return ["timeline", value, "Putin", "--db", db]
    if command == ("fetch",):
        return ["fetch", value or "x"]
    if command == ("eval",):
        return ["eval", value or "x"]
    if command[0] == "ingest":
        return ["ingest", str(tmp / "missing.txt"), command[1], value, "--db", str(tmp / "i.db")]
    if command[0] == "fetch":
        return ["fetch", str(tmp / "missing.rss"), command[1], value]
    if command[0] == "export" and command[1] != "--out":
        return ["export", "--out", str(tmp / "x.jsonl"), "--force", command[1], value,
                "--db", db]  # fmt: skip
    if command[0] == "export":
        return ["export", "--format", "jsonl", "--out", value or "x", "--db", db]
    if command[0] == "duplicates":
        return ["duplicates", "--db", value]
    if command == ("serve", "--db"):  # never a store: no server is left running
        return ["serve", "--db", value]
    if command[0] == "serve":
        return ["serve", command[1], value, "--db", str(tmp / "missing.duckdb")]
    # spark: the inputs name nothing readable, so no Spark session starts (nor a JVM)
    if command == ("spark",):  # "/" would be every file of the machine: a real job
        return ["spark", str(tmp / "none") if "/" in value else value, "--out", str(tmp / "out")]
    if command == ("spark", "--out"):
        return ["spark", str(tmp / "missing.jsonl"), "--out", value]
    if command[0] == "spark":
        return ["spark", str(tmp / "missing.jsonl"), "--out", str(tmp / "out"), command[1], value]
    if command == ("load",):
        return ["load", value, "--db", str(tmp / "l.duckdb")]
    if command == ("load", "--db"):
        return ["load", _empty_spark_output(tmp), "--db", value]

    if command[:2] == ("bench", "pipeline"):  # a missing corpus: no benchmark runs here
        return ["bench", "pipeline", "--corpus", str(tmp / "none.jsonl"), "--limit", value]
    if command[0] == "bench":
        return [
            *command,
            str(tmp / "none") if value in (".", "..") or "/" in value else value,
            "--limit",
            "1",
        ]
    return [*command, value, "--db", db]


def _empty_spark_output(tmp: Path) -> str:
    """A finished `tidings spark` output of no rows (every table empty)."""
    out = tmp / "spark-out"
    for table in ("articles", "quotes", "events", "errors"):
        (out / table).mkdir(parents=True, exist_ok=True)
        (out / table / "_SUCCESS").touch()
    return str(out)


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: "-".join(c))
def test_every_command_survives_hostile_arguments(
    db: str, tmp_path: Path, command: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for value in HOSTILE:
        argv = _argv(command, value, db, tmp_path)
        result = runner.invoke(app, argv)
        assert result.exit_code in (0, 1, 2), (argv, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            argv, repr(result.exception))  # fmt: skip
        assert "Traceback" not in result.output, argv
        if result.exit_code == 1:
            assert any(x.startswith("error:") for x in result.stderr.splitlines()), argv
    with Store(db, read_only=True) as store:  # nothing lost
        assert store.counts()["events"] == 7


# ---- filters say what they did not match -----------------------------------------------------


def test_filters_check_types_modes_and_kinds(db: str) -> None:
    unknown = runner.invoke(app, ["events", "--type", "FOO", "--db", db])
    assert unknown.exit_code == 2 and "not a PLOVER type" in unknown.stderr
    assert "CONSULT" in unknown.stderr  # the types are listed
    kind = runner.invoke(app, ["findings", "--kind", "gap", "--db", db])
    assert kind.exit_code == 2 and "contact_gap" in kind.stderr
    mode = runner.invoke(app, ["events", "--type", "CONSULT/dance", "--db", db])
    assert mode.exit_code == 2 and "not a mode of CONSULT" in mode.stderr
    assert "visit" in mode.stderr
    # The form tidings prints, TYPE/mode, is a filter on both.
    phone = runner.invoke(app, ["events", "--type", "CONSULT/phone", "--db", db, "--json"])
    assert phone.exit_code == 0
    assert [(r["event"], r["mode"]) for r in map(json.loads, phone.stdout.splitlines())] == [
        ("CONSULT", "phone")]  # fmt: skip
    visit = runner.invoke(app, ["events", "--type", "consult/visit", "--db", db, "--json"])
    assert [json.loads(x)["mode"] for x in visit.stdout.splitlines()] == ["visit"]
    retreat = runner.invoke(app, ["events", "--type", "RETREAT/ceasefire", "--db", db])
    assert retreat.exit_code == 0 and retreat.stdout.count("\n") == 1  # the header alone


def test_an_actor_that_matches_nothing_says_so_and_suggests(db: str) -> None:
    result = runner.invoke(app, ["timeline", "Nobody", "Putin", "--db", db])
    assert result.exit_code == 2
    assert "'Nobody' matches no stored actor" in result.stderr
    typo = runner.invoke(app, ["events", "--actor", "Putn", "--db", db])
    assert typo.exit_code == 2 and "nearest: Vladimir Putin (RUSGOV)" in typo.stderr
    code = runner.invoke(app, ["events", "--recipient", "RUSGUV", "--db", db])
    assert code.exit_code == 2 and "RUSGOV" in code.stderr
    found = runner.invoke(app, ["timeline", "Vucic", "Putin", "--db", db])
    assert found.exit_code == 0 and "event instances" in found.stdout


# ---- ingest selection and summary -------------------------------------------------------------


def _doc(n: int, published: str | None) -> Document:
    text = f"Story number {n}."
    hints = {"published": published} if published else {}
    return Document(source=f"c.jsonl#{n}", content_hash=hashlib.sha256(text.encode()).hexdigest(),
                    format="jsonl", content=text, hints=hints)  # fmt: skip


class _Canned:
    """An analyzer that makes a one-event article of each document (no NLP)."""

    def analyze_many(self, docs: Iterable[Document | TidingsError]) -> Iterator[Any]:
        from test_store_samples import phone_call

        template = phone_call()
        for d in docs:
            if isinstance(d, TidingsError):
                yield d
                continue
            day = d.hints.get("published")
            article = Article(doc_id=d.content_hash, title=d.source, body=d.content,
                              published=dt.date.fromisoformat(day) if day else None)  # fmt: skip
            yield Analysis(document=d, article=article, quotes=template.quotes[:1],
                           events=template.events[:2])  # fmt: skip


CORPUS = [_doc(0, None), _doc(1, None), _doc(2, None), _doc(3, "2019-05-01"),
          _doc(4, "2020-06-01"), _doc(5, "2021-07-01"), _doc(6, "2021-08-01")]  # fmt: skip


def _ingest(tmp: Path, selection: Selection) -> tuple[list[str], Any]:
    db = tmp / f"s{len(list(tmp.iterdir()))}.duckdb"
    with Store(db) as store:
        counts = ingest(store, CORPUS, _Canned, selection=selection)
        return [a.title or "" for a in store.articles()], counts


def test_ingest_selection_by_date_limit_and_sample(tmp_path: Path) -> None:
    # --limit alone takes the first documents, undated ones included ...
    titles, _ = _ingest(tmp_path, Selection.of(limit=2))
    assert titles == ["c.jsonl#0", "c.jsonl#1"]
    # ... with a date range, the first ones published in it.
    titles, counts = _ingest(tmp_path, Selection.of(since="2020", limit=2))
    assert titles == ["c.jsonl#4", "c.jsonl#5"] and counts.stored == 2
    titles, _ = _ingest(tmp_path, Selection.of(since="2021-07", until="2021-07"))
    assert titles == ["c.jsonl#5"]
    first, _ = _ingest(tmp_path, Selection.of(sample=3, seed=7))
    again, _ = _ingest(tmp_path, Selection.of(sample=3, seed=7))
    assert len(first) == 3 and first == again  # the same seed, the same draw
    draws = {tuple(_ingest(tmp_path, Selection.of(sample=3, seed=s))[0]) for s in range(6)}
    assert len(draws) > 1


def test_ingest_summary_counts_what_was_stored(tmp_path: Path) -> None:
    _, counts = _ingest(tmp_path, Selection.of(since="2020"))
    assert (counts.stored, counts.quotes, counts.events) == (3, 3, 6)
    assert counts.dated_events == 6 and counts.outside == 4  # 3 undated, 1 from 2019
    assert counts.summary().startswith("3 articles stored (3 quotes, 6 events, 6 of them dated)")


@pytest.mark.slow
def test_ingest_command_reads_standard_input_and_logs_progress(tmp_path: Path) -> None:
    lines = [
        {"text": "A short note with no date at all. Nothing happened."},
        {"text": "Serbian President Aleksandar Vucic spoke by phone with Russian President "
                 "Vladimir Putin on Sunday, the presidency said.",
         "published": "2024-10-20", "title": "Vucic and Putin talk"},
    ]  # fmt: skip
    data = "".join(json.dumps(x) + "\n" for x in lines)
    db = tmp_path / "t.duckdb"
    result = CliRunner(env={"TIDINGS_PROGRESS_SECONDS": "0"}).invoke(
        app, ["ingest", "-", "--since", "2024", "--limit", "1", "--db", str(db)], input=data
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("1 articles stored (0 quotes, 1 events, 1 of them dated)")
    assert re.search(r"ingesting: 1/1 articles, [\d.]+/s", result.stderr)  # a progress line
    with Store(db, read_only=True) as store:
        (article,) = store.articles()
    assert article.title == "Vucic and Putin talk" and article.source == "-#2"


def test_standard_input_is_read_as_its_content_says(monkeypatch: pytest.MonkeyPatch) -> None:
    from tidings.sources import iter_documents

    class _Stdin:
        buffer = io.BytesIO(b'{"text": "One line of news.", "published": "2024-01-02"}\n')

    monkeypatch.setattr("sys.stdin", _Stdin)
    (doc,) = list(iter_documents(["-"]))
    assert isinstance(doc, Document) and doc.source == "-#1" and doc.format == "jsonl"


# ---- fetch counts its failures ------------------------------------------------------------------


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    from local_server import serving
    from test_fetch_local_server import Handler

    with serving(Handler) as httpd:
        yield f"http://127.0.0.1:{httpd.server_port}"


def test_fetch_counts_a_missing_page_as_failed(server: str, tmp_path: Path) -> None:
    args = ["fetch", f"{server}/sitemap.xml", "--allow-private", "--delay", "0"]
    printed = runner.invoke(app, args)
    assert printed.exit_code == 1  # /missing answered 404
    errors = [x for x in printed.stderr.splitlines() if "/missing" in x]
    assert len(errors) == 1 and errors[0].startswith("error: ") and "404" in errors[0]
    assert "2 articles, 2 failed" in printed.stderr  # the 404 and a page robots.txt forbids
    stored = runner.invoke(app, [*args, "--db", str(tmp_path / "t.duckdb")])
    assert stored.exit_code == 1
    assert "1 articles stored" in stored.stdout  # two pages, one text: a duplicate
    assert "2 failed" in stored.stdout and "error: " in stored.stderr


def test_fetch_where_every_item_fails_exits_1(tmp_path: Path) -> None:
    feed = tmp_path / "feed.rss"
    feed.write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>t</title>"
        + "".join(f"<item><title>x</title><link>file://{tmp_path}/gone{i}.html</link></item>"
                  for i in range(3))
        + "</channel></rss>", encoding="utf-8")  # fmt: skip
    result = runner.invoke(app, ["fetch", str(feed)])
    assert result.exit_code == 1
    assert "0 articles, 3 failed" in result.stderr
    assert len([x for x in result.stderr.splitlines() if x.startswith("error: ")]) == 3


def test_fetch_follows_file_links_of_a_local_feed_only(tmp_path: Path, server: str) -> None:
    from test_fetch_local_server import PAGE

    page = tmp_path / "story.html"
    page.write_bytes(PAGE)
    feed = tmp_path / "feed.rss"
    feed.write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>t</title>"
        f"<item><title>x</title><link>{page.as_uri()}</link></item></channel></rss>",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["fetch", str(feed)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["title"] == "Mill town votes on new library"
    from tidings.sources.fetch import local_page_document

    with pytest.raises(TidingsError, match="refused"):
        local_page_document(page.as_uri(), {}, allowed=False)  # a remote listing's link


# ---- conventions ---------------------------------------------------------------------------


def _commands() -> list[list[str]]:
    return [[], ["ingest"], ["show"], ["quotes"], ["events"], ["export"], ["demo"],
            ["timeline"], ["findings"], ["duplicates"], ["fetch"], ["eval"], ["bench"],
            ["bench", "pipeline"], ["serve"], ["spark"], ["load"]]  # fmt: skip


@pytest.mark.parametrize("command", _commands(), ids=lambda c: "-".join(c) or "tidings")
def test_help_is_h_and_shows_no_type_placeholders(command: list[str]) -> None:
    result = CliRunner(env={"COLUMNS": "100"}).invoke(app, [*command, "-h"])
    assert result.exit_code == 0, result.output
    assert "Usage: " in result.stdout
    for placeholder in ("<str>", "<bool>", "<int", "<float", "<path>", "{", "TEXT", "INTEGER"):
        assert placeholder not in result.stdout, (placeholder, result.stdout)


def test_serve_checks_its_arguments_before_opening_anything(tmp_path: Path) -> None:
    missing = str(tmp_path / "none.duckdb")
    for option, value in (("--host", "../../etc/passwd"), ("--host", ""), ("--port", "70000"),
                          ("--refresh", "NaN"), ("--readers", "0")):  # fmt: skip
        result = runner.invoke(app, ["serve", option, value, "--db", missing])
        assert result.exit_code == 2 and option in result.stderr, (option, value)
    result = runner.invoke(app, ["serve", "--db", missing])
    assert result.exit_code == 1
    line = _one_error_line(result.stderr)
    assert line.startswith(f"error: {missing}: no store here (ingest something first)")


def test_version() -> None:
    from tidings import __version__

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"tidings {__version__}"


def test_export_to_dash_writes_standard_output(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["export", "--out", "-", "--format", "csv", "--db", db])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].startswith("id,doc_id,event,mode,context,source,")
    assert len(result.stdout.splitlines()) == 8 and not (tmp_path / "-").exists()
    no_format = runner.invoke(app, ["export", "--out", "-", "--db", db])
    assert no_format.exit_code == 2 and "--format" in no_format.stderr


def test_piped_tables_are_tab_separated_lines(db: str) -> None:
    result = CliRunner(env={"COLUMNS": "80"}).invoke(app, ["events", "--db", db])
    rows = result.stdout.splitlines()
    assert rows[0].split("\t") == ["article", "date", "event", "actor", "recipient", "aux",
                                   "rule", "conf.", "text"]  # fmt: skip
    assert len(rows) == 8 and all(len(r.split("\t")) == 9 for r in rows)  # one line an event
    assert "7 events" in result.stderr


def test_tidings_db_is_the_default_store(db: str) -> None:
    result = CliRunner(env={"TIDINGS_DB": db}).invoke(app, ["events", "--json"])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 7


def test_progress_lines_when_not_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tidings.cli.common import Reporter

    monkeypatch.setenv("TIDINGS_PROGRESS_SECONDS", "0")
    with Reporter("ingesting", "articles", total=4) as progress:
        for _ in range(4):
            progress.advance(1)
    lines = capsys.readouterr().err.splitlines()
    assert lines[0].startswith("ingesting: 1/4 articles, ") and "left" in lines[0]
    assert lines[-1].startswith("ingesting: 4/4 articles, ") and "elapsed" in lines[-1]


# ---- the house -----------------------------------------------------------------------------------


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
    return names


def test_the_store_does_not_import_the_timeline() -> None:
    for path in (ROOT / "src/tidings/store").glob("*.py"):
        assert not any(m.startswith("tidings.timeline") for m in _imports(path)), path


def test_every_imported_module_is_declared() -> None:
    import sys
    import tomllib
    from importlib.metadata import packages_distributions

    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    declared = {re.split(r"[<>=!~ \[;]", d)[0].lower().replace("_", "-")
                for d in project["dependencies"]}  # fmt: skip
    extras = {re.split(r"[<>=!~ \[;]", d)[0].lower().replace("_", "-")
              for group in project["optional-dependencies"].values() for d in group}  # fmt: skip
    owners = packages_distributions()
    # Imported under `except ImportError` with a message naming the extra to install
    # (pyspark: tidings.spark.job.session, before any other pyspark import runs).
    optional = {"polars", "pyspark"}
    runtime_dirs = [p for p in (ROOT / "src/tidings").iterdir()
                    if p.name not in ("benchmarks", "evaluation")]  # fmt: skip
    for folder, allowed in ((runtime_dirs, declared), ([ROOT / "src/tidings/benchmarks",
                            ROOT / "src/tidings/evaluation"], declared | extras)):  # fmt: skip
        for base in folder:
            for path in [base] if base.is_file() else base.rglob("*.py"):
                if path.suffix != ".py":
                    continue
                for module in _imports(path):
                    top = module.split(".")[0]
                    if top in sys.stdlib_module_names or top in ("tidings", *optional):
                        continue
                    dists = {d.lower().replace("_", "-") for d in owners.get(top, [top])}
                    assert dists & allowed, (path, top, dists)


def test_the_lock_splits_runtime_from_dev_and_bench_tools() -> None:
    runtime = (ROOT / "requirements.lock").read_text("utf-8").lower()
    dev = (ROOT / "requirements-dev.lock").read_text("utf-8").lower()
    for tool in ("mypy==", "goose3==", "newspaper4k==", "pytest==", "ruff=="):
        assert tool not in runtime and tool in dev, tool
    for package in ("spacy==", "duckdb==", "lxml==", "numpy==", "scipy==", "python-dateutil=="):
        assert package in runtime and package in dev
    assert "--hash=sha256:" in runtime and "--hash=sha256:" in dev
    makefile = (ROOT / "Makefile").read_text("utf-8")
    assert "-r requirements.lock" in makefile and "-r requirements-dev.lock" in makefile
    assert "make lint" in (ROOT / ".ci/run").read_text("utf-8")


def _readme_section(title: str) -> str:
    text = (ROOT / "README.md").read_text("utf-8")
    start = text.index(f"## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start:end]


def test_the_readme_cli_section_matches_the_help() -> None:
    from typer.main import get_command

    section = _readme_section("CLI")
    group = get_command(app)
    for name in group.list_commands(None):  # type: ignore[attr-defined,arg-type]
        command = group.get_command(None, name)  # type: ignore[attr-defined,arg-type]
        synopsis = re.search(rf"^tidings {name}\b.*?(?=^tidings |^```)", section, re.M | re.S)
        assert synopsis, name
        if name in ("eval", "bench"):
            continue  # their own options are listed by `-h` (benchmarks, evaluation)
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("--") and opt not in ("--help", "--db"):  # --db: said once
                    assert opt in synopsis.group(0), (name, opt)


def test_the_readme_documents_every_field_of_every_view() -> None:
    from tidings.shapes import FIELDS, KINDS

    section = _readme_section("Data: one record, one shape")
    for kind in KINDS:
        start = section.index(f"**`{kind}`**")
        end = min([section.index(f"**`{k}`**") for k in KINDS if section.index(f"**`{k}`**")
                   > start] or [len(section)])  # fmt: skip
        for field in FIELDS[kind]:
            assert f"| `{field.name}` |" in section[start:end], (kind, field.name)
