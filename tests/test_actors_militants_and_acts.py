"""Militant groups, military acts and possessive names (issue 11), on sentences shortened from
the annotated corpus events (data/events/labels-*.jsonl): militants of no state are the
international militant group the words or the article name; a state named as the author
of a military act is its armed forces; a name the parser read with its "'s" is still the
gazetteer's person, and pronouns after it are theirs."""

from __future__ import annotations

import datetime as dt

import pytest

from actors_support import codes, mentions

pytestmark = pytest.mark.slow


def test_actors_militants_after_islamic_state_are_img(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("The Islamic State group has repeatedly threatened to attack France. Masked "
            "gunmen stormed the Paris offices. The militants told residents to leave.")  # fmt: skip
    found = codes(mentions(nlp, text, dt.date(2015, 1, 7)))
    assert found["gunmen"] == "IMG"
    assert found["The militants"] == "IMG"
    assert found["France"] == "FRA"


def test_actors_militants_after_a_placed_group_keep_its_country(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Syrian rebels shelled the town on Monday. The militants said they would hold it."
    assert codes(mentions(nlp, text))["The militants"] == "SYRREB"


def test_actors_members_of_an_international_group_are_the_group(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Egypt's military carried out a series of airstrikes against ISIS militants in "
            "Libya on Monday.")  # fmt: skip
    found = codes(mentions(nlp, text, dt.date(2015, 2, 16)))
    assert found["ISIS militants in Libya"] == "IMG"
    assert found["Egypt's military"] == "EGYMIL"


def test_actors_islamist_militants_are_img_unless_a_nationality_says_otherwise(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Two secular opposition leaders were assassinated by Islamist militants. "
            "The Taliban terrorists do not wish to hold peace talks.")  # fmt: skip
    found = codes(mentions(nlp, text, dt.date(2013, 8, 1)))
    assert found["militants"] == "IMG"
    assert found["The Taliban terrorists"] == "AFGREB"


def test_actors_a_state_named_by_its_military_act_is_its_forces(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("The truce calls for an end to Israeli airstrikes on Gaza. The White House has "
            "condemned the Turkish offensive. Tensions eased following Iranian missile attacks "
            "on Iraqi bases.")  # fmt: skip
    found = codes(mentions(nlp, text, dt.date(2019, 10, 10)))
    assert found["Israeli"] == "ISRMIL"
    assert found["Turkish"] == "TURMIL"
    assert found["Iranian"] == "IRNMIL"
    assert found["Iraqi"] == "IRQ"  # bases are no act


def test_actors_other_state_acts_stay_the_state(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("It demands a halt to all Israeli settlement activities. He spoke without "
            "referring to North Korean threats.")  # fmt: skip
    found = codes(mentions(nlp, text))
    assert found["Israeli"] == "ISR"
    assert found["North Korean"] == "PRK"


def test_actors_possessive_inside_a_person_entity_keeps_the_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Mr. Obama\u2019s May 23 speech to the National Defense University demonstrated "
            "his inability to develop an alternative.")  # fmt: skip
    found = mentions(nlp, text, dt.date(2013, 6, 1))
    assert [(m.text, m.actor.code) for m in found if m.actor.kind == "person"] == [
        ("Mr. Obama", "USAGOV"), ("his", "USAGOV")]  # fmt: skip


def test_actors_unplaced_rebels_are_not_the_outlets_country(nlp) -> None:  # type: ignore[no-untyped-def]
    from tidings.actors import resolve_actors
    from tidings.model import Article

    text = ("The White House said the United States would act. U.S. officials met in "
            "Washington. The U.S. is arming Syria's neighbours. Al-Adnani called on people to "
            "prevent their sons from joining rebels that the U.S. plans to train.")  # fmt: skip
    article = Article(doc_id="t", title=None, body=text, published=dt.date(2014, 9, 22),
                      publisher="Fox News")  # fmt: skip
    found = codes(resolve_actors(nlp(text), article))
    assert found["rebels"] == "SYRREB"
    assert found["U.S. officials"] == "USAGOV"


def test_actors_military_craft_of_a_state_are_its_forces(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "In the first, U.S. drones struck one of two Islamic State targets near Raqqa."
    assert codes(mentions(nlp, text, dt.date(2015, 5, 1)))["U.S."] == "USAMIL"


def test_actors_object_pronoun_is_not_its_clauses_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Comey reiterated that President Donald Trump pressed him. Ted Cruz is daring "
            "Donald Trump to sue him over an ad running in South Carolina.")  # fmt: skip
    found = mentions(nlp, text, dt.date(2017, 6, 8))
    assert [m.actor.name for m in found if m.text == "him"] == ["James Comey", "Ted Cruz"]


def test_actors_object_pronoun_may_be_a_possessor_in_the_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Some of Mr. Obama\u2019s advisers are urging him to postpone action."
    found = mentions(nlp, text, dt.date(2014, 9, 6))
    assert [m.actor.name for m in found if m.text == "him"] == ["Barack Obama"]


def test_actors_reflexive_pronoun_is_its_clauses_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Ted Cruz met Donald Trump on Monday. Trump later praised himself."
    found = mentions(nlp, text, dt.date(2016, 3, 1))
    assert [m.actor.name for m in found if m.text == "himself"] == ["Donald Trump"]


def test_actors_the_regime_is_its_rulers_or_a_foreign_one(nlp) -> None:  # type: ignore[no-untyped-def]
    from tidings.actors import resolve_actors
    from tidings.model import Article

    text = ("The White House said the United States would act against Iran. U.S. officials "
            "met on Monday. The regime arrested the individual. The regime of Syrian dictator "
            "Bashar al-Assad denies using chemical weapons.")  # fmt: skip
    article = Article(doc_id="t", title=None, body=text, published=dt.date(2018, 4, 9),
                      publisher="Fox News")  # fmt: skip
    found = [(m.text, m.actor.code) for m in resolve_actors(nlp(text), article)
             if m.text.lower() == "the regime"]  # fmt: skip
    assert found == [("The regime", "IRNGOV"), ("The regime", "SYRGOV")]
