"""End to end on the founding article: ingest it alone, then the Vucic–Putin timeline
and the finding that the 2024-10-20 call is the first contact since 2022-05."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tidings.cli import app

SEED = Path(__file__).resolve().parent.parent / "examples" / "000_c9068389083bc5e7.txt"


def test_timeline_seed_contacts_and_gap_finding(tmp_path: Path) -> None:
    db = str(tmp_path / "seed.duckdb")
    runner = CliRunner()
    done = runner.invoke(app, ["ingest", str(SEED), "--db", db, "--published", "2024-10-20",
                               "--publisher", "The Moscow Times"])  # fmt: skip
    assert done.exit_code == 0, done.output
    line = runner.invoke(app, ["timeline", "Vucic", "Putin", "--db", db, "--json"])
    records = [json.loads(x) for x in line.output.splitlines()]
    contacts = [(r["date"], r["event"]) for r in records
                if r["record"] == "instance" and r["event"] == "CONSULT"]  # fmt: skip
    assert ("2022-05", "CONSULT") in contacts and ("2024-10-20", "CONSULT") in contacts
    historical = [r for r in records if r["record"] == "instance" and r["date"] == "2022-05"]
    assert historical[0]["aux"] == "historical"
    text = runner.invoke(app, ["timeline", "Vucic", "Putin", "--db", db]).output
    assert "2022-05" in text and "2024-10-20" in text and "The Moscow Times" in text
    found = runner.invoke(app, ["findings", "--db", db, "--json", "--kind", "contact_gap"])
    gaps = [json.loads(x) for x in found.output.splitlines()]
    gap = next(g for g in gaps if g["date"] == "2024-10-20")
    assert gap["previous_date"] == "2022-05" and gap["gap_months"] == 29
    assert "first contact since 2022-05, 29 months" in gap["text"]
