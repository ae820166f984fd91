"""Titles and groups written without a country, and people named by title and surname, on
sentences written for these tests: the country the text is about, "King X of Y", a title
that fits (or does not fit) a known person, bare groups placed once every country is read,
"opposition from …" as no group, and "he" after a sentence whose topic is a relative
clause's subject."""

from __future__ import annotations

import datetime as dt

import pytest

from actors_support import codes, mentions

pytestmark = pytest.mark.slow


def test_actors_unknown_president_takes_story_country(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Rebels in Mali rejected a new offer from President Oumar Traore on Monday."
    found = codes(mentions(nlp, text))
    assert found.get("President Oumar Traore") == "MLIGOV"


def test_actors_title_before_any_country_takes_the_clear_one(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Judge Marta Quiroga opened an inquiry into 40 Bolivian customs officers."
    found = codes(mentions(nlp, text))
    assert found.get("Judge Marta Quiroga") == "BOLJUD"


def test_actors_title_without_clear_country_stays_uncoded(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "President Amadou Keita spoke to Senegal and Guinea about the border."
    assert codes(mentions(nlp, text)).get("President Amadou Keita") == ""


def test_actors_king_of_country_after_name(nlp) -> None:  # type: ignore[no-untyped-def]
    found = codes(mentions(nlp, "King Hamid Farouk of Jordan received the envoy."))
    assert found.get("King Hamid Farouk of Jordan") == "JORGOV"


def test_actors_surname_with_a_title_they_held(nlp) -> None:  # type: ignore[no-untyped-def]
    found = mentions(nlp, "President Bush spoke about trade with Mexico.")
    bush = [m for m in found if m.text == "President Bush"]
    assert bush and bush[0].actor.code.startswith("USA")


def test_actors_title_that_does_not_fit_known_person(nlp) -> None:  # type: ignore[no-untyped-def]
    # A one-word match of someone in office who never was a king, nor a man.
    found = codes(mentions(nlp, "King Hassan of Morocco opened the session.",
                           dt.date(2023, 5, 1)))  # fmt: skip
    assert found.get("King Hassan of Morocco") == "MARGOV"


def test_actors_bare_group_placed_after_reading(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Riot police used tear gas on demonstrators in central Lima, Peruvian media said."
    found = mentions(nlp, text)
    demonstrators = [m for m in found if m.text.endswith("demonstrators")]
    assert demonstrators and demonstrators[0].actor.code == "PERCVL"


def test_actors_bare_group_without_country_keeps_sector(nlp) -> None:  # type: ignore[no-untyped-def]
    found = codes(mentions(nlp, "Militants attacked a convoy."))
    assert found.get("Militants") == "REB"


def test_actors_opposition_from_is_no_group(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Chile's plan faces opposition from farmers and from the unions."
    assert "opposition" not in codes(mentions(nlp, text))


def test_actors_he_is_the_previous_sentence_topic(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("The Putin summit crowned a long trip for Mr. Trump, who spoke in Warsaw. "
            "He met in Berlin with Chancellor Angela Merkel.")  # fmt: skip
    found = mentions(nlp, text, dt.date(2017, 7, 7))
    he = [m for m in found if m.text == "He"]
    assert he and he[0].actor.code == "USAGOV"
