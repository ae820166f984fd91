"""A later clause that negates the very act a request asked for, said by the side asked,
is a REJECT of the request ("… insisted that Borduria pay … Borduria will not pay")."""

from __future__ import annotations

import pytest

from events_support import code, codes, only

pytestmark = pytest.mark.slow


def test_negating_the_asked_act_rejects_the_request(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Lind urged Borduria to pay for the damage. "
        "Kade replied on Tuesday that Borduria will not pay."
    )
    ev = only(code(nlp, body), "REJECT")
    assert codes(ev.actor) == {"BRDGOV"} and codes(ev.recipient) == {"ATLGOV"}
    assert ev.rule == "reject.asked" and ev.aux is None


def test_a_third_party_not_paying_rejects_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Lind urged Borduria to pay for the damage. Carpania will not pay either."
    assert not [e for e in code(nlp, body) if e.event == "REJECT"]


def test_doing_the_asked_act_is_not_a_refusal(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Lind urged Borduria to pay for the damage. Kade said Borduria will pay."
    assert not [e for e in code(nlp, body) if e.event == "REJECT"]
