"""An orphan's recipient from the previous sentence, in order: a side it acted on or spoke
of; else the subject of what it reported; else the side that spoke (its main subject)."""

from __future__ import annotations

import pytest

from events_support import code, codes, only

pytestmark = pytest.mark.slow


def test_the_last_speaker_is_the_one_answered(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "While Carpanian rebels claimed the raid, Atlantis says it was planned in Borduria. "
        "Borduria denies any role and has warned of an all-out war."
    )
    ev = only(code(nlp, body), "THREATEN")
    assert codes(ev.actor) == {"BRDGOV"} and codes(ev.recipient) == {"ATLGOV"}
    assert ev.rule.endswith("+prev")


def test_the_subject_of_a_reported_clause_comes_before_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Kade said Atlantis was ready to lift the sanctions. "
        "But Carpania said it could not accept the proposal before the sanctions were lifted."
    )
    ev = only(code(nlp, body), "REJECT")
    assert codes(ev.actor) == {"CRPGOV"} and codes(ev.recipient) == {"ATLGOV"}
