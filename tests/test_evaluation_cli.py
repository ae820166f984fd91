"""``tidings eval`` end to end: gold reading, failed inputs, --dump, --plover-gsr, JSON shape."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tidings.cli import app

SHAPE = {
    "articles": None,
    "article": {"body_f1", "furniture_leaked", "title_exact"},
    "quotes": {"precision", "recall", "f1", "speaker_accuracy"},
    "events": {"precision", "recall", "f1", "precision_dated", "recall_dated", "f1_dated"},
    "dates": {"accuracy"},
}


def _gold(tmp: Path, name: str, file: str, body: str, **extra: Any) -> Path:
    data = {
        "id": name,
        "input": {"file": file, "format": "text", "published": "2024-05-10",
                  "publisher": "The Brindleford Post", "url": None},
        "article": {"title": "Harbour board meets", "body": body, "furniture": []},
        "quotes": [], "events": [], "dates": [],
    } | extra  # fmt: skip
    path = tmp / "gold" / f"{name}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_evaluation_cli_seed_gold_prints_the_json_shape(shared: Path) -> None:
    result = CliRunner().invoke(
        app, ["eval", str(shared / "gold" / "seed"), "--root", str(shared), "--json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert set(report) >= set(SHAPE)
    assert report["articles"] == 1
    for section, keys in SHAPE.items():
        if keys is not None:
            assert keys <= set(report[section]), section
            assert all(
                isinstance(report[section][k], float | int) for k in keys - {"speaker_accuracy"}
            )
    assert 0.0 <= report["article"]["body_f1"] <= 1.0


BODY = (
    "The harbour board of Brindleford met on Tuesday to discuss the new pier, which "
    "has been closed since the storms of last winter.\n\n"
    "Board members said the repairs would cost more than the town had set aside, and "
    "asked the regional council for a loan to cover the difference."
)


def test_evaluation_cli_failed_input_counts_as_empty(tmp_path: Path) -> None:
    body = BODY
    (tmp_path / "ok.txt").write_text("Harbour board meets\n\n" + body + "\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    _gold(tmp_path, "a-ok", "ok.txt", body)
    _gold(tmp_path, "b-empty", "empty.txt", body)
    _gold(tmp_path, "c-missing", "nowhere.txt", body)
    (tmp_path / "gold" / "d-broken.json").write_text("{not json", encoding="utf-8")
    dump = tmp_path / "dump"
    result = CliRunner().invoke(
        app, ["eval", str(tmp_path / "gold"), "--root", str(tmp_path), "--json",
              "--dump", str(dump)],
    )  # fmt: skip
    assert result.exit_code == 1  # some inputs failed
    report = json.loads(result.stdout)
    assert report["articles"] == 3  # the broken gold file is reported, not scored
    assert report["article"]["body_f1"] < 0.5  # two of three are empty predictions
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert any("empty.txt" in line for line in errors)
    assert any("nowhere.txt" in line for line in errors)
    assert any("d-broken.json" in line and "not JSON" in line for line in errors)
    dumped = json.loads((dump / "a-ok.json").read_text(encoding="utf-8"))
    assert dumped["gold"] == "a-ok" and "article" in dumped and "events" in dumped
    assert "error" in json.loads((dump / "b-empty.json").read_text(encoding="utf-8"))


def test_evaluation_cli_readable_tables_and_details(tmp_path: Path) -> None:
    body = BODY
    text = "Harbour board meets\n\n" + body + "\n\nShare this story\n"
    (tmp_path / "ok.txt").write_text(text, encoding="utf-8")
    _gold(tmp_path, "a-ok", "ok.txt", body)
    result = CliRunner().invoke(app, ["eval", str(tmp_path / "gold"), "--details"])
    assert result.exit_code == 0, result.output
    assert "body_f1" in result.stdout and "per article" in result.stdout
    assert "a-ok" in result.stdout


def test_evaluation_cli_plover_gsr_missing_module_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "tidings.evaluation.plover_gsr", None)  # import fails
    gsr = tmp_path / "gsr.json"
    gsr.write_text("[]", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "--plover-gsr", str(gsr), "--json"])
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "plover_gsr" in lines[0]


def test_evaluation_cli_plover_gsr_figures_are_printed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import types

    fake = types.ModuleType("tidings.evaluation.plover_gsr")
    fake.evaluate_gsr = lambda path: {"sentences": 3, "events": {"f1": 0.5}}  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "tidings.evaluation.plover_gsr", fake)
    gsr = tmp_path / "gsr.json"
    gsr.write_text("[]", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "--plover-gsr", str(gsr), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"plover_gsr": {"sentences": 3, "events": {"f1": 0.5}}}
    text = CliRunner().invoke(app, ["eval", "--plover-gsr", str(gsr)])
    assert "events.f1" in text.stdout


def test_evaluation_cli_without_gold_is_a_usage_error() -> None:
    result = CliRunner().invoke(app, ["eval", "--json"])
    assert result.exit_code == 2
