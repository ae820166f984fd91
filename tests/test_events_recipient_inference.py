"""A recipient is inferred from the discourse only where a measured rule says it holds
(events.discourse.INFERRED, measured by scripts/measure_recipient_inference.py), and the
inference is recorded in the rule id. Sentences shortened from corpus articles."""

from __future__ import annotations

import pytest

from events_support import code, codes, only
from tidings.events import discourse

ACTORS = {
    "the United States": ("USA", "United States", "country"),
    "Mexico": ("MEX", "Mexico", "country"),
    "Trump": ("USAGOV", "Donald Trump", "person"),
    "Reuters": ("GBRMED", "Reuters", "organisation"),
}
ALL_ROUTES = dict.fromkeys(discourse.DISCOURSE_TYPES, ("sentence", "prev", "counterpart"))

# allsides-jP1shlJE0qClmiuj: the parse hangs "from Mexico" on the goods, not the tariff.
TARIFF = (
    'Trump said that the United States "will impose a 5% Tariff on all goods coming into our '
    'Country from Mexico."'
)
# allsides-QBJhWP7goKgEyO8P: the outlet told in the sentence before is not what was criticised
# (annotated: Trump → the U.S. side, whose leak it was).
CRITICISM = (
    "“We do not discuss conversations we have had,” Sekulow told Reuters on Tuesday evening."
    "\n\nTrump criticized the leak of the questions."
)


def test_a_sanction_keeps_the_other_country_of_its_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    # SANCTION from its own sentence: 10 of 11 right at country level (dev, dev2, corpus).
    ev = only(code(nlp, TARIFF, actors=ACTORS), "SANCTION")
    assert codes(ev.actor) == {"USAGOV"}
    assert codes(ev.recipient) == {"MEXGOV"}
    assert ev.rule.endswith("+sentence")  # the inference is recorded


def test_a_recipient_from_the_previous_sentence_is_no_longer_taken(nlp) -> None:  # type: ignore[no-untyped-def]
    # The previous sentence was right 3 times in 7 out of sample; ACCUSE by any route 1 in 5.
    events = code(nlp, CRITICISM, actors=ACTORS)
    assert not [e for e in events if e.event == "ACCUSE"]


def test_the_dropped_route_is_what_gave_the_wrong_recipient(nlp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # With every route asked, as before the measurement, Reuters became the recipient.
    monkeypatch.setattr(discourse, "INFERRED", ALL_ROUTES)
    ev = only(code(nlp, CRITICISM, actors=ACTORS), "ACCUSE")
    assert codes(ev.recipient) == {"GBRMED"}
    assert ev.rule.endswith("+prev")


@pytest.mark.parametrize("event_type", sorted(discourse.DISCOURSE_TYPES - {"SANCTION"}))
def test_only_sanction_infers(event_type: str) -> None:
    assert event_type not in discourse.INFERRED
    assert "prev" not in discourse.INFERRED["SANCTION"]
