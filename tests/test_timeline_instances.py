"""Merge rules, findings and dyad ordering on hand-made event sequences."""

from __future__ import annotations

import datetime as dt

import pytest

from tidings.model import ActorRef, DateValue, Event
from tidings.timeline import build_instances, compute_findings, dyad_instances, monthly
from tidings.timeline.instances import Source, compatible

VUCIC = ActorRef("SRBGOV", "Aleksandar Vucic")
PUTIN = ActorRef("RUSGOV", "Vladimir Putin")
RUS = ActorRef("RUS", "Russia")
UKR = ActorRef("UKR", "Ukraine")


def day(value: str) -> DateValue:
    return DateValue(value, "day")


def report(
    event: str,
    actor: ActorRef,
    recipient: ActorRef | None,
    date: DateValue,
    doc: str,
    aux: str | None = None,
    mode: str | None = None,
    published: str = "2024-10-20",
) -> tuple[Event, Source]:
    ev = Event(
        event=event,
        actor=[actor],
        recipient=[recipient] if recipient else [],
        mode=mode,
        aux=aux,
        date=date,
    )
    return ev, Source(
        doc_id=doc,
        ordinal=0,
        sentence_start=0,
        sentence_end=10,
        text="…",
        published=dt.date.fromisoformat(published),
        aux=aux,
    )


def test_timeline_same_event_two_outlets_is_one_instance_with_two_sources() -> None:
    reports = [
        report("CONSULT", VUCIC, PUTIN, day("2024-10-20"), "a", mode="phone"),
        report("CONSULT", PUTIN, VUCIC, day("2024-10-20"), "b"),
    ]
    (inst,) = build_instances(reports)
    assert sorted(s.doc_id for s in inst.sources) == ["a", "b"]
    assert inst.mode == "phone"


def test_timeline_different_dates_are_two_instances() -> None:
    reports = [
        report("ASSAULT", RUS, UKR, day("2024-10-01"), "a"),
        report("ASSAULT", RUS, UKR, day("2024-10-09"), "b"),
    ]
    assert len(build_instances(reports)) == 2


def test_timeline_direction_matters_for_directed_types() -> None:
    reports = [
        report("ACCUSE", RUS, UKR, day("2024-10-01"), "a"),
        report("ACCUSE", UKR, RUS, day("2024-10-01"), "b"),
    ]
    assert len(build_instances(reports)) == 2


def test_timeline_month_report_joins_the_day_instance_it_contains() -> None:
    reports = [
        report("CONSULT", VUCIC, PUTIN, day("2022-05-29"), "a"),
        report("CONSULT", VUCIC, PUTIN, DateValue("2022-05", "month"), "b", aux="historical"),
    ]
    (inst,) = build_instances(reports)
    assert inst.date == day("2022-05-29") and len(inst.sources) == 2


def test_timeline_month_report_with_two_candidates_joins_the_latest_before_publication() -> None:
    reports = [
        report("CONSULT", VUCIC, PUTIN, day("2022-05-02"), "a"),
        report("CONSULT", VUCIC, PUTIN, day("2022-05-20"), "b"),
        report("CONSULT", VUCIC, PUTIN, DateValue("2022-05", "month"), "c", published="2022-05-25"),
    ]
    insts = build_instances(reports)
    assert [sorted(s.doc_id for s in i.sources) for i in insts] == [["a"], ["b", "c"]]


@pytest.mark.parametrize("aux", ["future", "hypothetical", "negation"])
def test_timeline_unhappened_events_form_no_instance(aux: str) -> None:
    assert build_instances([report("SANCTION", RUS, UKR, day("2024-10-20"), "a", aux=aux)]) == []


def test_timeline_undated_events_form_no_instance() -> None:
    ev, src = report("SANCTION", RUS, UKR, day("2024-10-20"), "a")
    ev.date = None
    assert build_instances([(ev, src)]) == []


@pytest.mark.parametrize(("a", "b", "ok"), [
    (day("2024-10-20"), day("2024-10-21"), True),
    (day("2024-10-20"), day("2024-10-23"), False),
    (DateValue("2024-10", "month"), day("2024-10-20"), True),
    (DateValue("2024", "year"), DateValue("2024-10", "month"), True),
    (DateValue("2024-W43", "week"), day("2024-10-22"), True),
    (DateValue("2024-09", "month"), day("2024-10-01"), False),
])  # fmt: skip
def test_timeline_date_compatibility(a: DateValue, b: DateValue, ok: bool) -> None:
    assert compatible(a, b) is ok and compatible(b, a) is ok


def test_timeline_findings_first_contact_since_with_gap_in_months() -> None:
    reports = [
        report("CONSULT", VUCIC, PUTIN, day("2024-10-20"), "seed", mode="phone"),
        report("CONSULT", VUCIC, PUTIN, DateValue("2022-05", "month"), "seed", aux="historical"),
        report("SUPPORT", VUCIC, PUTIN, day("2024-10-20"), "seed"),
        report("REQUEST", PUTIN, VUCIC, DateValue("2024-09", "month"), "seed", aux="historical"),
    ]
    gaps = [f for f in compute_findings(build_instances(reports)) if f.kind == "contact_gap"]
    assert len(gaps) == 1
    (gap,) = gaps
    assert gap.date.value == "2024-10-20" and gap.previous_date is not None
    assert gap.previous_date.value == "2022-05" and gap.gap_months == 29
    assert "first contact since 2022-05, 29 months" in gap.text
    assert gap.text.startswith("2024-10-20 CONSULT/phone Aleksandar Vucic → Vladimir Putin")


def test_timeline_findings_short_gaps_are_not_findings() -> None:
    reports = [
        report("CONSULT", VUCIC, PUTIN, day("2024-10-01"), "a"),
        report("CONSULT", VUCIC, PUTIN, day("2024-10-20"), "b"),
    ]
    assert not [f for f in compute_findings(build_instances(reports)) if f.kind == "contact_gap"]


def test_timeline_findings_first_of_type_and_cooperation_break() -> None:
    reports = [report("CONSULT", RUS, UKR, day(f"2021-0{m}-01"), f"d{m}") for m in (1, 4, 7)]
    reports.append(report("ASSAULT", RUS, UKR, day("2022-02-24"), "war"))
    kinds = {f.kind: f for f in compute_findings(build_instances(reports))}
    assert kinds["cooperation_break"].text.endswith(
        "breaks a run of 3 cooperative events since 2021-01-01"
    )
    assert (
        "first ASSAULT between them after 3 earlier recorded events" in kinds["first_of_type"].text
    )


def test_timeline_dyad_order_with_mixed_precisions() -> None:
    reports = [
        report("SUPPORT", VUCIC, PUTIN, day("2024-10-20"), "a"),
        report("REQUEST", PUTIN, VUCIC, DateValue("2024-09", "month"), "a"),
        report("CONSULT", VUCIC, PUTIN, DateValue("2022", "year"), "b"),
        report("ASSAULT", RUS, UKR, day("2022-02-24"), "c"),
    ]
    insts = build_instances(reports)
    for terms in (("Vucic", "Putin"), ("SRB", "RUS"), ("RUSGOV", "SRBGOV"), ("vučić", "putin")):
        got = dyad_instances(insts, *terms)
        assert [i.date.value for i in got] == ["2022", "2024-09", "2024-10-20"], terms


def test_timeline_monthly_counts_and_scores() -> None:
    reports = [
        report("SUPPORT", VUCIC, PUTIN, day("2024-10-20"), "a"),
        report("REJECT", VUCIC, PUTIN, day("2024-10-21"), "a"),
        report("CONSULT", VUCIC, PUTIN, day("2024-11-02"), "a"),
    ]
    rows = monthly(build_instances(reports))
    assert [r.month for r in rows] == ["2024-10", "2024-11"]
    assert rows[0].counts["verbal_cooperation"] == 1 and rows[0].counts["verbal_conflict"] == 1
    assert rows[0].score == pytest.approx(3.5 - 4.0)
