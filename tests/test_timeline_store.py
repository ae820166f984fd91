"""Store → refresh → timeline and findings, on hand-made analyses (no NLP)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

import tidings
from tidings.cli import app
from tidings.store import Store
from tidings.store import timeline_tables as T
from tidings.timeline.refresh import refresh
from timeline_support import IVA, MARKO, OTHER, WIRE, analysis, event


def _store(tmp_path: Path) -> Path:
    db = tmp_path / "t.duckdb"
    with Store(db) as store:
        store.save_many([
            analysis("first", WIRE, "2024-03-12", "Eldoria Daily", [
                event("CONSULT", MARKO, IVA, "2024-03-12", mode="phone"),
                event("CONSULT", MARKO, IVA, "2023-04", "month", aux="historical"),
            ]),
            # Another outlet's own story on the same call, dated a day later by "Tuesday".
            analysis("second", OTHER + WIRE[:1], "2024-03-13", "Korvia News", [
                event("CONSULT", IVA, MARKO, "2024-03-13"),
                event("ACCUSE", IVA, MARKO, "2023", "year", aux="historical"),
                event("SANCTION", MARKO, IVA, "2024-06-01", aux="future"),
            ]),
        ])  # fmt: skip
        refresh(store)
    return db


def test_timeline_store_same_call_from_two_outlets_is_one_instance(tmp_path: Path) -> None:
    with tidings.open(_store(tmp_path)) as t:
        line = t.timeline("Belan", "Sorel")
    got = [(i.date.value, i.event, len(i.sources)) for i in line.instances]
    # Mixed precisions in date order: the year 2023, the month 2023-04, then the call.
    assert got == [("2023", "ACCUSE", 1), ("2023-04", "CONSULT", 1), ("2024-03-12", "CONSULT", 2)]
    call = line.instances[-1]
    assert {s.publisher for s in call.sources} == {"Eldoria Daily", "Korvia News"}
    assert call.mode == "phone" and not call.historical_only
    assert line.instances[1].historical_only
    assert all(s.text for s in call.sources)  # the sentence, read back from the body


def test_timeline_store_terms_codes_countries_and_direction(tmp_path: Path) -> None:
    with tidings.open(_store(tmp_path)) as t:
        assert len(t.timeline("ELD", "KOR").instances) == 3
        assert len(t.timeline("KORGOV", "ELDGOV").instances) == 3
        assert len(t.timeline("Sorel", "ELD").instances) == 3
        # Directed: the accusation went Sorel → Belan; a call is both ways (symmetric type).
        directed = t.timeline("Belan", "Sorel", directed=True).instances
        assert [i.event for i in directed] == ["CONSULT", "CONSULT"]
        assert len(t.timeline("Sorel", "Belan", directed=True).instances) == 3
        assert t.timeline("Belan", "Nobody").instances == []


def test_timeline_store_monthly_counts_count_instances_not_reports(tmp_path: Path) -> None:
    with tidings.open(_store(tmp_path)) as t:
        months = {m.month: m for m in t.timeline("ELD", "KOR").months}
    assert months["2024-03"].counts["verbal_cooperation"] == 1  # two reports, one call
    assert months["2024-03"].score == 1.0
    assert months["2023-01"].counts["verbal_conflict"] == 1  # a year counts in its January


def test_timeline_store_findings_and_show(tmp_path: Path) -> None:
    db = _store(tmp_path)
    with tidings.open(db) as t:
        gaps = t.findings(kind="contact_gap")
        assert [f["text"] for f in gaps] == [
            "2024-03-12 CONSULT/phone Marko Belan → Iva Sorel: first contact since 2023-04, "
            "11 months"
        ]
        assert gaps[0]["gap_months"] == 11 and len(gaps[0]["doc_ids"]) == 2
        assert t.findings(actor="Sorel", kind="contact_gap") == gaps
        assert t.findings(actor="KOR") and not t.findings(actor="Nobody")
        doc_id = gaps[0]["doc_ids"][0]
    with Store(db) as store:
        texts = [f["text"] for f in store.findings_for(doc_id)]
    assert any("first contact since 2023-04" in x for x in texts)


def test_timeline_store_refresh_is_idempotent(tmp_path: Path) -> None:
    db = _store(tmp_path)
    with Store(db) as store:
        before = T.timeline_counts(store)
        rows = store.con.execute("SELECT * FROM instances ORDER BY instance_id").fetchall()
        refresh(store)
        refresh(store)
        assert T.timeline_counts(store) == before
        assert store.con.execute("SELECT * FROM instances ORDER BY instance_id").fetchall() == rows


def test_timeline_cli_json_lines_with_plover_fields(tmp_path: Path) -> None:
    db = str(_store(tmp_path))
    result = CliRunner().invoke(app, ["timeline", "Belan", "Sorel", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    instances = [r for r in records if r["record"] == "instance"]
    months = [r for r in records if r["record"] == "month"]
    assert [r["date"] for r in instances] == ["2023", "2023-04", "2024-03-12"]
    assert [r["date_precision"] for r in instances] == ["year", "month", "day"]
    call = instances[-1]
    assert call["source"] == [{"code": "ELDGOV", "name": "Marko Belan"}]
    assert call["quad_code"] == 1 and call["event_scale"] == 1.0 and len(call["reports"]) == 2
    assert instances[1]["aux"] == "historical" and call["aux"] is None
    assert {m["month"] for m in months} == {"2023-01", "2023-04", "2024-03"}
    found = CliRunner().invoke(app, ["findings", "--db", db, "--json", "--kind", "contact_gap"])
    (finding,) = [json.loads(line) for line in found.output.splitlines()]
    assert finding["gap_months"] == 11 and finding["previous_date"] == "2023-04"


def test_timeline_cli_text_lists_sources(tmp_path: Path) -> None:
    db = str(_store(tmp_path))
    result = CliRunner().invoke(app, ["timeline", "ELD", "KOR", "--db", db])
    assert result.exit_code == 0, result.output
    assert "Korvia News" in result.output and "Eldoria Daily" in result.output
    assert "2024-03" in result.output and "score" in result.output
