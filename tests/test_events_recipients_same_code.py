"""Recipients the rules used to drop or miss (issue #12), on real sentences (shortened) from
the corpus candidates of ``data/events`` and gold/dev2: another actor of the source's own
code is a recipient (the source itself, the state it acts for and the body it belongs to
stay none: tests/test_events_recipients_places.py)."""

from __future__ import annotations

from typing import Any

from events_support import code, codes, only, quote_of

US_PEOPLE: dict[str, tuple[str, str, str]] = {
    "James Comey": ("USAGOV", "James Comey", "person"),
    "Comey": ("USAGOV", "James Comey", "person"),
    "Attorney General Jeff Sessions": ("USAGOV", "Jeff Sessions", "person"),
    "Schumer": ("USALEG", "Chuck Schumer", "person"),
    "Corker": ("USALEG", "Bob Corker", "person"),
}


def test_another_actor_of_the_same_code_is_a_recipient(nlp: Any) -> None:
    # corpus: "Comey did … ask Attorney General Jeff Sessions to prevent the president
    # from attempting to communicate directly with him" (both USAGOV in the annotation)
    body = "James Comey asked Attorney General Jeff Sessions to prevent direct contacts."
    request = only(code(nlp, body, actors=US_PEOPLE), "REQUEST")
    assert codes(request.actor) == {"USAGOV"}
    assert [r.name for r in request.recipient] == ["Jeff Sessions"]


def test_the_speaker_supports_a_colleague_of_the_same_code(nlp: Any) -> None:
    # gold/dev2: "I support the Corker bill," Schumer said (SUPPORT USALEG → USALEG)
    body = '"I support the Corker bill," Schumer said.'
    quote = quote_of(body, "I support the Corker bill,", "USALEG", "Chuck Schumer")
    support = only(code(nlp, body, quotes=[quote], actors=US_PEOPLE), "SUPPORT")
    assert [r.name for r in support.recipient] == ["Bob Corker"]
