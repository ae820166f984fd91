"""Which actors a noun phrase names (events.arguments.np_actors), on sentences written for
these tests with hand-made mentions: a modifier's own modifier ("Bordurian Kurd
refugees"), the author of a deed ("crimes by X", "abuses committed by X"), and the states a
dash list names after a region's demonym ("two Asian allies — X and Y")."""

from __future__ import annotations

from typing import Any

import pytest

from events_support import code, codes, mentions_for, only
from tidings.events.arguments import ActorIndex, np_actors
from tidings.model import Actor, ActorMention

pytestmark = pytest.mark.slow


def parties(nlp: Any, body: str, word: str, table: dict[str, tuple[str, str, str]],
            how: dict[str, str] | None = None) -> set[str]:  # fmt: skip
    doc = nlp(body)
    found = mentions_for(body, table)
    if how:
        found = [ActorMention(m.text, m.start, m.end, m.actor, how.get(m.text, m.how))
                 for m in found]  # fmt: skip
    index = ActorIndex(doc, found, [])
    tok = next(t for t in doc if t.text == word)
    return {p.code for p in np_actors(tok, index)}


TABLE = {
    "Bordurian": ("BRD", "Borduria", "country"),
    "Atlantis": ("ATL", "Atlantis", "country"),
    "Carpanian militias": ("CRPREB", "Carpanian militias", "group"),
    "Asian": ("ASA", "Asia", "country"),
    "Prime Minister Boris Kade": ("BRDGOV", "Boris Kade", "person"),
    "President Anna Lind": ("ATLGOV", "Anna Lind", "person"),
}


def test_modifier_of_a_modifier_names_the_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Atlantis will admit 900 Bordurian Kurd refugees next year."
    assert parties(nlp, body, "refugees", TABLE) == {"BRD"}


def test_deed_names_its_author(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Atlantis is investigating abuses by Carpanian militias against farmers."
    assert parties(nlp, body, "abuses", TABLE) == {"CRPREB"}
    body = "Atlantis studied the crimes committed by Carpanian militias last year."
    assert parties(nlp, body, "crimes", TABLE) == {"CRPREB"}


def test_deed_author_does_not_override_named_owner(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Atlantis condemned the Bordurian attack by Carpanian militias."
    assert parties(nlp, body, "attack", TABLE) == {"BRD"}


def test_region_demonym_gives_way_to_listed_states(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Atlantis hosted two Asian allies — Prime Minister Boris Kade and President Anna "
            "Lind — for dinner.")  # fmt: skip
    found = parties(nlp, body, "allies", TABLE, {"Asian": "demonym"})
    assert found == {"BRDGOV", "ATLGOV"}
    body = "Atlantis hosted two Asian allies for dinner."
    assert parties(nlp, body, "allies", TABLE, {"Asian": "demonym"}) == {"ASA"}


def test_investigation_targets_the_accused(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Borduria is investigating alleged crimes by Carpanian rebels against civilians."
    ev = only(code(nlp, body), "ACCUSE")
    assert codes(ev.actor) == {"BRDGOV"} and codes(ev.recipient) == {"CRPREB"}


def test_helpers_build_plain_mentions() -> None:
    found = mentions_for("Atlantis", TABLE)
    assert found == [ActorMention("Atlantis", 0, 8, Actor("Atlantis", "ATL", country="ATL",
                                                           kind="country"))]  # fmt: skip


def test_own_forces_as_object_are_the_actor_itself(nlp) -> None:  # type: ignore[no-untyped-def]
    table = {"Atlantis": ("ATL", "Atlantis", "country"), "Borduria": ("BRD", "Borduria", "country")}
    body = "Atlantis offered its troops to Borduria."
    assert parties(nlp, body, "troops", table) == {"ATL"}
    body = "Atlantis said its troops crossed into Borduria."
    assert parties(nlp, body, "troops", table) == {"ATLMIL"}  # as a subject: its military


def test_own_forces_are_no_recipient(nlp) -> None:  # type: ignore[no-untyped-def]
    ev = only(code(nlp, "Atlantis said it would withdraw its troops from Borduria."), "RETREAT")
    assert "ATLMIL" not in codes(ev.recipient)
