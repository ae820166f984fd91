"""Recall on unseen articles, second round (issue #12): acts the trained typer finds that
PLOVER lets stand without a recipient, and who mobilises for a country, on real sentences
(shortened) from the dev2 corpus articles, through the whole pipeline."""

from __future__ import annotations

from events_support import pipeline_events


def test_a_typed_weapons_test_stands_without_a_recipient(pipeline, tmp_path) -> None:
    # allsides-101iVi0ZPn3VCVjh: the typer types "test" MOBILIZE; like the lexicon's
    # MOBILIZE rows it is kept with no one it is aimed at, and the country acts through
    # its military (gold: PRKMIL → -).
    text = (
        "After North Korea's most recent nuclear test in February, China released a "
        "statement condemning it."
    )
    events = pipeline_events(pipeline, tmp_path, text, "2013-03-29")
    mobilize = [e for e in events if e.event == "MOBILIZE"]
    assert mobilize, [(e.event, e.rule) for e in events]
    assert {r.code for r in mobilize[0].actor} == {"PRKMIL"}
    assert mobilize[0].recipient == []
    assert mobilize[0].aux == "historical"


def test_a_country_testing_a_missile_acts_through_its_military(pipeline, tmp_path) -> None:
    # The lexicon's MOBILIZE rows code a bare country the same way.
    events = pipeline_events(
        pipeline, tmp_path, "North Korea tested a missile on Sunday.", "2017-07-31"
    )
    mobilize = [e for e in events if e.event == "MOBILIZE"]
    assert mobilize and {r.code for r in mobilize[0].actor} == {"PRKMIL"}
