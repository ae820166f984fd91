"""An orphan's recipient from the previous sentence is a side that sentence acted on or
spoke of, never one of its subjects: the last speaker or the subject of a report was tried
as a fallback and found wrong on most corpus articles (the object case is in
test_events_discourse)."""

from __future__ import annotations

import pytest

from events_support import code

pytestmark = pytest.mark.slow


def test_the_previous_sentences_subject_is_not_taken(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "While Carpanian rebels claimed the raid, Atlantis says it was planned in Borduria. "
        "Borduria denies any role and has warned of an all-out war."
    )
    assert not [e for e in code(nlp, body) if e.rule.endswith("+prev")]


def test_a_want_with_no_one_named_asks_no_one(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Kade sent a letter to Atlantis. Borduria does not want to jump to conclusions."
    assert not [e for e in code(nlp, body) if e.event == "REQUEST"]
