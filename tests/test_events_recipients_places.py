"""Recipients the rules used to miss (issue #12), on real sentences (shortened) from the
corpus candidates of ``data/events`` and gold/dev2: an attack with no named target falls
on the country it happens in; a lexicon row the typer retyped also looks where its new
type names whom the act is done to; the source's own side stays no recipient."""

from __future__ import annotations

from typing import Any

from events_support import code, codes, only
from tidings.events.coder import Match, _places
from tidings.events.lexicon import load_lexicon
from tidings.events.typed import NOUN_TARGETS, Verdict, retyped

ACTORS: dict[str, tuple[str, str, str]] = {
    "Trump": ("USAGOV", "Donald Trump", "person"),
    "U.S.": ("USA", "United States", "country"),
    "Schumer": ("USALEG", "Chuck Schumer", "person"),
    "Congress": ("USALEG", "Congress", "organisation"),
    "ISIS": ("IMG", "Islamic State", "organisation"),
    "Iraq": ("IRQ", "Iraq", "country"),
    "Syria": ("SYR", "Syria", "country"),
    "Russia": ("RUS", "Russia", "country"),
    "Petraeus": ("USAMIL", "David Petraeus", "person"),
}


def test_an_attack_falls_on_the_country_it_happens_in(nlp: Any) -> None:
    # corpus: "an ISIS attack in the U.S. would pale compared to 'the attacks of the past'"
    body = "An ISIS attack in Iraq killed 12 people on Tuesday."
    assault = only(code(nlp, body, actors=ACTORS), "ASSAULT")
    assert codes(assault.actor) == {"IMG"}
    assert codes(assault.recipient) == {"IRQ"}


def test_a_carried_attack_falls_on_the_country_too(nlp: Any) -> None:
    # corpus: "Russia launched airstrikes in Syria" (the light verb carries the "in")
    body = "Russia launched airstrikes in Syria on Wednesday."
    assault = only(code(nlp, body, actors=ACTORS), "ASSAULT")
    assert codes(assault.recipient) == {"SYR"}


def test_a_named_target_comes_before_the_place(nlp: Any) -> None:
    body = "ISIS launched attacks on Iraq in the U.S. zone."
    assault = only(code(nlp, body, actors=ACTORS), "ASSAULT")
    assert codes(assault.recipient) == {"IRQ"}


def test_a_person_met_somewhere_is_not_attacked(nlp: Any) -> None:
    # the place is only the target of an attack, never of a meeting
    body = "Petraeus met Iraqi officials in Iraq on Tuesday."
    events = code(nlp, body, actors=ACTORS)
    assert not [e for e in events if e.event == "CONSULT" and "IRQ" in codes(e.recipient)]


def test_a_retyped_row_also_looks_where_its_new_type_names_the_other_party() -> None:
    # corpus: "Trump's call with Tsai shocked many China watchers" (request.noun → CONSULT)
    row = next(r for r in load_lexicon().entries[("call", "N")] if r.event == "REQUEST")
    consult = retyped(row, Verdict("CONSULT", 0.9, {"CONSULT": 0.9}))
    places = _places(Match(consult, None))  # type: ignore[arg-type]
    assert places[: len(row.target)] == row.target  # the row's own places first
    assert "prep:against|with|on|to|from|for|at|into|between|of|over" in places
    assert _places(Match(row, None)) == row.target  # type: ignore[arg-type]
    assert set(NOUN_TARGETS) <= set(places)


def test_the_state_a_leader_acts_for_is_no_recipient(nlp: Any) -> None:
    # ../shared/gold/dev: "I have instructed our U.S. representatives …" (no recipient)
    body = "Trump said he has instructed U.S. representatives to reject the plan."
    events = code(nlp, body, actors=ACTORS)
    assert not [e for e in events if e.event == "REQUEST" and "USAGOV" in codes(e.recipient)]


def test_the_body_a_speaker_belongs_to_is_no_recipient(nlp: Any) -> None:
    # gold/dev2: Schumer said Congress should have a vote (a member on his own chamber)
    body = "Schumer said Congress should have a vote on the deal."
    events = code(nlp, body, actors=ACTORS)
    assert not [e for e in events if e.event == "REQUEST" and codes(e.recipient) == {"USALEG"}]
