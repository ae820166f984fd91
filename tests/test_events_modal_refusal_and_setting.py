"""A negated "can/could" states a refusal, not a guess; "push" asks only with a
complement; a meeting noun that is the setting of an act ("in a joint address with") makes
the act's subject one party of the meeting."""

from __future__ import annotations

import pytest

from events_support import code, codes, only

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("modal", ["could not", "cannot", "can't"])
def test_negated_ability_is_a_refusal(nlp, modal: str) -> None:  # type: ignore[no-untyped-def]
    ev = only(code(nlp, f"Borduria {modal} accept the proposal from Atlantis."), "REJECT")
    assert ev.aux is None


def test_a_bare_could_stays_hypothetical(nlp) -> None:  # type: ignore[no-untyped-def]
    ev = only(code(nlp, "Borduria could meet Atlantis."), "CONSULT")
    assert ev.aux == "hypothetical"


def test_push_with_a_complement_is_a_request(nlp) -> None:  # type: ignore[no-untyped-def]
    ev = only(code(nlp, "Lind pushed Borduria to release the prisoners."), "REQUEST")
    assert codes(ev.actor) == {"ATLGOV"} and codes(ev.recipient) == {"BRDGOV"}


def test_being_pushed_around_is_not_a_request(nlp) -> None:  # type: ignore[no-untyped-def]
    events = code(nlp, "Kade said Borduria will not be pushed around by Atlantis.")
    assert not [e for e in events if e.event == "REQUEST"]


def test_a_joint_address_with_someone_is_a_meeting(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Lind stressed economic ties in a joint address with Prime Minister Boris Kade."
    ev = only(code(nlp, body), "CONSULT")
    assert {"ATLGOV", "BRDGOV"} <= codes(ev.actor) | codes(ev.recipient)
    assert ev.rule == "consult.joint"


@pytest.mark.parametrize(
    "body",
    [
        "Kade's decision drew sharp criticism from President Anna Lind.",
        "Kade's decision came under fire from President Anna Lind.",
    ],
)
def test_criticism_drawn_from_someone_runs_from_the_critic(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    ev = only(code(nlp, body), "ACCUSE")
    assert codes(ev.actor) == {"ATLGOV"} and codes(ev.recipient) == {"BRDGOV"}
    assert ev.mode == "disapprove"


def test_an_object_parsed_as_a_participle_subject_is_still_the_object(nlp) -> None:  # type: ignore[no-untyped-def]
    # The parser reads "seized [a Bordurian tanker carrying oil]" as a clause whose subject
    # is the tanker; the tanker's owner is still the one the seizure falls on.
    body = "Atlantis seized a Bordurian tanker carrying crude oil."
    actors = {
        "Atlantis": ("ATL", "Atlantis", "country"),
        "Bordurian": ("BRD", "Borduria", "country"),
    }
    ev = only(code(nlp, body, actors=actors), "COERCE")
    assert codes(ev.actor) == {"ATLGOV"} and codes(ev.recipient) == {"BRD"}


def test_a_group_without_a_country_is_not_made_a_government(nlp) -> None:  # type: ignore[no-untyped-def]
    actors = {
        "militants": ("REB", "militants", "group"),
        "Atlantis": ("ATL", "Atlantis", "country"),
    }
    ev = only(code(nlp, "The militants attacked Atlantis.", actors=actors), "ASSAULT")
    assert codes(ev.actor) == {"REB"}


def test_a_meeting_between_two_named_inside_a_misparsed_phrase(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Talks between Lind and Bordurian premier Boris Kade ended on Monday."
    actors = {
        "Lind": ("ATLGOV", "Anna Lind", "person"),
        "Bordurian premier Boris Kade": ("BRDGOV", "Boris Kade", "person"),
    }
    ev = only(code(nlp, body, actors=actors), "CONSULT")
    assert codes(ev.actor) == codes(ev.recipient) == {"ATLGOV", "BRDGOV"}


def test_a_threats_condition_names_its_recipient(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Kade threatened to retaliate if Atlantis moves its troops to the border."
    ev = only(code(nlp, body), "THREATEN")
    assert codes(ev.actor) == {"BRDGOV"} and codes(ev.recipient) == {"ATLGOV"}


def test_they_after_a_sentence_naming_the_main_pair_is_the_pair(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Lind and Kade will meet on Monday. "
        "For Lind, the formal meeting with Kade is a chance to mend ties. "
        "They have met twice before. Last year they agreed to keep a hotline open."
    )
    ev = only(code(nlp, body), "AGREE")
    assert codes(ev.actor) == codes(ev.recipient) == {"ATLGOV", "BRDGOV"}


def test_condemning_an_act_targets_its_doer_not_its_victim(nlp) -> None:  # type: ignore[no-untyped-def]
    ev = only(code(nlp, "Atlantis condemned Borduria's invasion of Carpania."), "ACCUSE")
    assert codes(ev.recipient) == {"BRDGOV"}


def test_condemning_an_act_with_no_doer_named_accuses_no_one(nlp) -> None:  # type: ignore[no-untyped-def]
    events = code(nlp, "Atlantis condemned the violation of Carpania's borders.")
    assert not [e for e in events if e.event == "ACCUSE"]


@pytest.mark.parametrize(
    ("dateline", "met"),
    [("PORT AVERY, Atlantis (AP) — ", {"ATLGOV"}), ("KADEGRAD, Borduria (AP) — ", set())],
)
def test_unqualified_officials_met_are_the_datelines_hosts(  # type: ignore[no-untyped-def]
    nlp, dateline: str, met: set[str]
) -> None:
    body = dateline + "Prime Minister Boris Kade met with several top government officials."
    found = [e for e in code(nlp, body) if e.event == "CONSULT"]
    assert {c for e in found for c in codes(e.recipient)} == met
