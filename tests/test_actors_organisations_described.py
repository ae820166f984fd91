"""Organisations and their people from how the article describes them (issue 11), on
sentences shortened from ../shared/corpus: media named after their kind ("North Korea's
state-controlled newspaper Rodong Sinmun"), the body a description names ("a spokesman for
the Chinese foreign ministry", "a former CIA officer", "NPR's Deborah Amos"), U.S. party
tags, "former" titles, and definite descriptions of bodies ("the agency", "the paper")."""

from __future__ import annotations

import datetime as dt

import pytest

from actors_support import mentions
from tidings.model import ActorMention

pytestmark = pytest.mark.slow


def actor_of(found: list[ActorMention], surface: str) -> tuple[str, str]:
    hits = [m for m in found if m.text == surface]
    assert hits, f"no mention {surface!r} in {[(m.text, m.actor.code) for m in found]}"
    return hits[0].actor.code, hits[0].actor.name


# -- media and other bodies named after their kind ------------------------------------------
def test_actors_state_newspaper_of_a_country(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("North Korea's state-controlled newspaper Rodong Sinmun said the drills were a "
            "rehearsal for invasion.")  # fmt: skip
    found = mentions(nlp, text, dt.date(2017, 8, 10))
    code, name = actor_of(found, "North Korea's state-controlled newspaper Rodong Sinmun")
    assert (code, name) == ("PRKMED", "Rodong Sinmun")


def test_actors_unknown_newspaper_takes_the_noun_and_the_country(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Russian newspaper Vedomosti said the deal was off. Vedomosti cited two sources."
    found = mentions(nlp, text)
    assert actor_of(found, "Russian newspaper Vedomosti") == ("RUSMED", "Vedomosti")
    assert actor_of(found, "Vedomosti") == ("RUSMED", "Vedomosti")  # named again later


def test_actors_state_media_and_their_definite_descriptions(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("\"The US must stop,\" the People's Daily said. The paper blamed Washington. "
            "KCNA said the test was a success. The agency said Kim watched.")  # fmt: skip
    found = mentions(nlp, text, dt.date(2017, 9, 4))
    assert actor_of(found, "the People's Daily")[0] == "CHNMED"
    assert actor_of(found, "The paper") == actor_of(found, "the People's Daily")
    assert actor_of(found, "The agency") == ("PRKMED", "KCNA")


def test_actors_the_ministry_is_the_ministry_named_before(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("China's commerce ministry said talks went well. The ministry added that tariffs "
            "must go.")  # fmt: skip
    found = mentions(nlp, text, dt.date(2019, 11, 20))
    assert actor_of(found, "The ministry")[0] == "CHNGOV"


def test_actors_state_television_and_the_broadcaster(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Iran's state television said the tanker was seized. The broadcaster did not say "
            "where.")  # fmt: skip
    found = mentions(nlp, text, dt.date(2019, 7, 20))
    assert actor_of(found, "Iran's state television")[0] == "IRNMED"
    assert actor_of(found, "The broadcaster")[0] == "IRNMED"


def test_actors_consultancy_analysts_are_business(nlp) -> None:  # type: ignore[no-untyped-def]
    text = '"Tensions will rise," Eurasia Group analysts said in a note.'
    assert actor_of(mentions(nlp, text), "Eurasia Group analysts")[0] == "USABUS"


# -- people coded from the body a description names ----------------------------------------
def test_actors_former_cia_officer_is_elite(nlp) -> None:  # type: ignore[no-untyped-def]
    text = '"They can put pressure on his family," said Aki Peritz, a former CIA officer.'
    assert actor_of(mentions(nlp, text, dt.date(2019, 5, 1)), "Aki Peritz")[0] == "USAELI"


def test_actors_spokesman_for_a_ministry_takes_its_code(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("China objected. \"We oppose it,\" said Hong Lei, a spokesman for the Chinese "
            "foreign ministry.")  # fmt: skip
    assert actor_of(mentions(nlp, text, dt.date(2016, 2, 15)), "Hong Lei")[0] == "CHNGOV"


def test_actors_editor_of_a_country_newspaper_is_media(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Trade talks stalled. Hu Xijin, editor-in-chief of China's Global Times newspaper, "
            "said in a tweet that negotiators had not spoken.")  # fmt: skip
    found = mentions(nlp, text, dt.date(2019, 5, 15))
    assert actor_of(found, "Hu Xijin")[0] == "CHNMED"
    assert actor_of(found, "China's Global Times newspaper") == ("CHNMED", "Global Times")


def test_actors_director_of_an_advocacy_group_is_ngo(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("\"It is a disaster,\" said Frank Sharry, executive director of advocacy group "
            "America's Voice.")  # fmt: skip
    assert actor_of(mentions(nlp, text, dt.date(2017, 9, 1)), "Frank Sharry")[0] == "USANGO"


def test_actors_party_and_state_tags_are_members_of_congress(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Patrick Leahy, D-Vermont, has dismissed the concerns. Orrin Hatch (R-Utah) said "
            "in an interview Monday that the bill would pass.")  # fmt: skip
    found = mentions(nlp, text, dt.date(2015, 6, 1))
    assert actor_of(found, "Patrick Leahy")[0] == "USALEG"
    assert actor_of(found, "Orrin Hatch")[0] == "USALEG"


def test_actors_reporter_of_a_broadcaster_is_media(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("The rebels want arms. NPR's Deborah Amos, who has been covering the conflict, said "
            "the new U.S. position is \"less than expected.\"")  # fmt: skip
    assert actor_of(mentions(nlp, text, dt.date(2013, 3, 1)), "Deborah Amos")[0] == "USAMED"


def test_actors_senior_fellow_at_a_think_tank_is_edu(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("\"Saying an officer can't handle it is wrong,\" said Michael O'Hanlon, a senior "
            "fellow at the Brookings Institution.")  # fmt: skip
    assert actor_of(mentions(nlp, text, dt.date(2018, 4, 1)), "Michael O'Hanlon")[0] == "USAEDU"


def test_actors_neighbour_is_a_civilian(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Police searched a house in Birstall, Britain. \"It's a total surprise,\" said "
            "Diana Peters, a 65-year-old neighbor of Mair's.")  # fmt: skip
    assert actor_of(mentions(nlp, text, dt.date(2016, 6, 17)), "Diana Peters")[0] == "GBRCVL"


# -- "former" on a title --------------------------------------------------------------------
def test_actors_former_minister_is_no_current_holder(nlp) -> None:  # type: ignore[no-untyped-def]
    found = mentions(nlp, "Iran's former foreign minister said the deal was dead.",
                     dt.date(2019, 9, 1))  # fmt: skip
    code, name = actor_of(found, "Iran's former foreign minister")
    assert code == "IRNELI" and name != "Mohammad Javad Zarif"  # Zarif was in office then
    officials = mentions(nlp, "Former U.S. officials said the deal was dead.")
    assert actor_of(officials, "Former U.S. officials")[0] == "USAELI"
