"""The PLOVER gold-standard evaluation: label mapping, main event, and the report's shape,
on a small file in the GSR format with sentences written for this test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tidings.errors import InputError
from tidings.evaluation.plover_gsr import evaluate_gsr, gold_type, plover_type, read_records
from tidings.model import ActorRef, Event

CODES = {"France": "FRA", "Germany": "DEU", "Portugal": "PRT"}


def _record(rid: str, event: str, text: str, source: str, target: str | None) -> dict:  # type: ignore[type-arg]
    rec = {"id": rid, "date": "2000-01-01", "event": event, "text": text,
           "source": [{"actorText": source, "code": CODES[source]}]}  # fmt: skip
    if target:
        rec["target"] = [{"actorText": target, "code": CODES[target]}]
    return rec


def test_old_labels_map_to_current_types() -> None:
    assert gold_type({"event": "DEMAND"}) == "REQUEST"
    assert gold_type({"event": "DISAPPROVE"}) == "ACCUSE"
    assert gold_type({"event": "INVESTIGATE"}) == "ACCUSE"
    assert gold_type({"event": "FIGHT"}) == "ASSAULT"
    assert gold_type({"event": "AGREE"}) == "AGREE"


def test_intent_is_projected_as_plover_codes_it() -> None:
    aid = Event("AID", [ActorRef("FRAGOV", "France")], [], aux="future")
    strike = Event("ASSAULT", [ActorRef("FRAGOV", "France")], [], aux="hypothetical")
    assert plover_type(aid) == "AGREE"
    assert plover_type(strike) == "THREATEN"
    assert plover_type(Event("AID", [], [])) == "AID"


def test_unreadable_file_is_an_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "gsr.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="gsr.json"):
        read_records(bad)


@pytest.mark.slow
def test_report_on_a_small_gsr_file(tmp_path: Path) -> None:
    records = [
        {"id": "DOC", "event": "DOCUMENT"},
        _record("1", "FIGHT", "France invaded Germany on Monday.", "France", "Germany"),
        _record("2", "DEMAND", "Germany urged France to withdraw its troops.", "Germany",
                "France"),
        _record("3", "AGREE", "The sky was blue over Lisbon.", "Portugal", None),
    ]  # fmt: skip
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    report = evaluate_gsr(path)
    assert report["sentences"] == 3
    assert set(report["per_type"]) == {"ASSAULT", "REQUEST", "AGREE"}
    assert report["per_type"]["AGREE"]["correct"] == 0
    for key in ("type_accuracy", "source_agreement", "target_agreement"):
        assert 0.0 <= report[key] <= 1.0
    # the two sentences with coded actors and a trigger are coded right, when the actor
    # stage knows France and Germany
    if report["predicted"] >= 2:
        assert report["per_type"]["ASSAULT"]["correct"] == 1
        assert report["source_agreement"] == 1.0
