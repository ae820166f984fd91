"""Whose people a noun phrase names, on sentences written for these tests: a nationality
beats a place ("Kenyan traders in Uganda"), a stance is no nationality ("pro-Russian"),
an ethnic name is a people living where the story is, a national institution named after
its country is that country's, and a country word overrides a generic organisation alias."""

from __future__ import annotations

import pytest

from actors_support import codes, mentions

pytestmark = pytest.mark.slow


def test_actors_nationality_beats_location(nlp) -> None:  # type: ignore[no-untyped-def]
    found = codes(mentions(nlp, "Kenyan companies in Uganda complained about the new tax."))
    assert found.get("Kenyan companies in Uganda") == "KENBUS"
    found = codes(mentions(nlp, "Protesters in Nairobi marched to parliament."))
    assert found.get("Protesters in Nairobi") == "KENCVL"  # no nationality: the place says


def test_actors_stance_is_no_nationality(nlp) -> None:  # type: ignore[no-untyped-def]
    found = codes(mentions(nlp, "The pro-Iranian Hezbollah movement fired rockets."))
    assert "IRN" not in "".join(found.values())
    assert found.get("Hezbollah") == "LBNREB"
    found = codes(mentions(nlp, "An anti-French columnist wrote a new book in Algiers."))
    assert all(not c.startswith("FRA") for c in found.values())


def test_actors_ethnic_name_is_a_people_where_it_lives(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Police in Serbia detained twelve ethnic Hungarians after a rally."
    found = codes(mentions(nlp, text))
    assert found.get("ethnic Hungarians") == "SRBCVL"
    found = codes(mentions(nlp, "Some ethnic Russian militants in Estonia were arrested."))
    assert not any(c.startswith("RUS") for c in found.values())


def test_actors_congolese_is_the_drc(nlp) -> None:  # type: ignore[no-untyped-def]
    found = codes(mentions(nlp, "Congolese troops crossed the river."))
    assert found.get("Congolese troops") == "CODMIL"


def test_actors_institution_owned_by_named_country(nlp) -> None:  # type: ignore[no-untyped-def]
    found = codes(mentions(nlp, "Ghana's Supreme Court annulled the vote."))
    assert found.get("Supreme Court") == "GHAJUD"


def test_actors_country_word_overrides_organisation_alias(nlp) -> None:  # type: ignore[no-untyped-def]
    found = codes(mentions(nlp, "The bill was signed by Chilean Labour Minister Ana Morales."))
    assert found.get("Chilean Labour Minister Ana Morales") == "CHLGOV"


def test_actors_sector_noun_says_what_leaders_lead(nlp) -> None:  # type: ignore[no-untyped-def]
    found = codes(mentions(nlp, "Sudanese rebel leaders met the mediators."))
    assert found.get("Sudanese rebel leaders") == "SDNREB"
    found = codes(mentions(nlp, "An African Union mediator arrived in Khartoum."))
    assert found.get("An African Union mediator") == "IGO"
