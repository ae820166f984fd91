"""The kinds ``scripts/measure_argument_oracle.py`` gives an annotated party that no offered
argument candidate carries, on sentences written for these tests with hand-made mentions."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from events_support import mentions_for
from tidings.events.arguments import ActorIndex

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import measure_argument_oracle as oracle  # noqa: E402

TABLE = {
    "Carpania": ("CRP", "Carpania", "country"),
    "Atlantis": ("ATL", "Atlantis", "country"),
    "Senator Ruth Vale": ("ATLLEG", "Ruth Vale", "person"),
}


def kind(nlp: Any, body: str, trigger: str, surface: str | None, code: str) -> tuple[str, str]:
    doc = nlp(body)
    index = ActorIndex(doc, mentions_for(body, TABLE), [])
    tok = next(t for t in doc if t.text == trigger)
    return oracle.kind_of_miss(tok.sent, tok, index, surface, oracle.state_codes([code]))


def test_unnamed_group_is_a_common_noun(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Police in Carpania fired tear gas at protesters on Monday."
    assert kind(nlp, body, "fired", "protesters", "CRPCVL") == ("common noun", "protester|prep:at")


def test_annotators_bracketed_referent_is_read_as_the_pronoun(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Senator Ruth Vale spoke on Monday. She condemned the strikes on Atlantis."
    got = kind(nlp, body, "condemned", "She (Ruth Vale)", "ATLLEG")
    assert got == ("pronoun", "she|nsubj")


def test_actor_of_another_sector_is_miscoded(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Carpania launched airstrikes on Atlantis on Sunday."
    assert kind(nlp, body, "launched", "Carpania", "CRPMIL") == ("miscoded", "nsubj|CRP")


def test_unnamed_doer_of_an_agentless_passive_is_implicit(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Two reporters were arrested in Carpania last week."
    assert kind(nlp, body, "arrested", None, "CRPCOP") == ("implicit (agentless passive)", "VERB")


def test_party_named_only_earlier_is_out_of_the_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Senator Ruth Vale spoke on Monday. The bill was condemned as reckless."
    got = kind(nlp, body, "condemned", "Senator Ruth Vale", "ATLLEG")
    assert got == ("not in sentence (named earlier)", "-")
