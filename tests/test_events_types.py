"""One sentence per PLOVER type: the type, the actors and the recipient come out right."""

from __future__ import annotations

import pytest

from events_support import code, codes, only

CASES = [
    # (sentence, type, mode, actor codes, recipient codes)
    ("President Anna Lind agreed with Prime Minister Boris Kade on a new border treaty.",
     "AGREE", None, {"ATLGOV"}, {"BRDGOV"}),
    ("President Anna Lind spoke by phone with Prime Minister Boris Kade.",
     "CONSULT", "phone", {"ATLGOV"}, {"BRDGOV"}),
    ("President Anna Lind visited Borduria.", "CONSULT", "visit", {"ATLGOV"}, {"BRDGOV"}),
    ("President Anna Lind praised Prime Minister Boris Kade for his courage.",
     "SUPPORT", None, {"ATLGOV"}, {"BRDGOV"}),
    ("Atlantis cooperated with Borduria on border security.",
     "COOPERATE", None, {"ATLGOV"}, {"BRDGOV"}),
    ("Atlantis sent humanitarian aid to Carpania.", "AID", None, {"ATLGOV"}, {"CRPGOV"}),
    ("Borduria lifted its sanctions on Atlantis.", "CONCEDE", None, {"BRDGOV"}, {"ATLGOV"}),
    ("Borduria withdrew its troops from Carpania.", "RETREAT", "withdraw", {"BRDGOV"},
     {"CRPGOV"}),
    ("Atlantis urged Borduria to release the prisoners.", "REQUEST", "yield", {"ATLGOV"},
     {"BRDGOV"}),
    ("President Anna Lind accused Borduria of election meddling.", "ACCUSE", "allege",
     {"ATLGOV"}, {"BRDGOV"}),
    ("Borduria rejected the proposal from Atlantis.", "REJECT", None, {"BRDGOV"}, {"ATLGOV"}),
    ("Borduria threatened Carpania with military action.", "THREATEN", None, {"BRDGOV"},
     {"CRPGOV"}),
    ("Atlantian students protested against Borduria.", "PROTEST", "demo", {"ATLEDU"},
     {"BRDGOV"}),
    ("Borduria imposed sanctions on Atlantis.", "SANCTION", None, {"BRDGOV"}, {"ATLGOV"}),
    ("Borduria deployed troops to Carpania.", "MOBILIZE", "troops", {"BRDGOV"}, {"CRP"}),
    ("Bordurian police arrested Atlantian students.", "COERCE", "arrest", {"BRDCOP"},
     {"ATLEDU"}),
    ("Borduria invaded Carpania.", "ASSAULT", None, {"BRDGOV"}, {"CRP"}),
]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "event", "mode", "actor", "recipient"), CASES)
def test_each_plover_type_is_coded(nlp, sentence, event, mode, actor, recipient) -> None:  # type: ignore[no-untyped-def]
    ev = only(code(nlp, sentence), event)
    assert codes(ev.actor) == actor
    assert codes(ev.recipient) == recipient
    if mode is not None:
        assert ev.mode == mode
    assert ev.cameo is not None and ev.cameo[:2].isdigit()
    assert ev.rule and ev.trigger and ev.text


def test_every_plover_type_has_a_case() -> None:
    from tidings.model import PLOVER_TYPES

    assert {c[1] for c in CASES} == set(PLOVER_TYPES)


@pytest.mark.slow
def test_sentence_without_a_coded_actor_gives_no_event(nlp) -> None:  # type: ignore[no-untyped-def]
    assert code(nlp, "The weather attacked the harvest and protesters marched.") == []
