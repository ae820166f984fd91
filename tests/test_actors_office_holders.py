"""A titled person never takes a guessed country whose office the gazetteer knows someone
else held on the article's date (issue 11): "President Mohamed Morsy" in a U.S. column of
2013 is no U.S. president (Obama was), so the country named next to him (Egyptians) codes
him, else none; a real holder keeps the guess. Sentences shortened from dev2 and the corpus
(../shared/corpus/allsides-10k.jsonl.gz, ids given)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from speaker_support import actors_and_quotes, speaker_of
from tidings.actors.gazetteer import load_gazetteer
from tidings.actors.offices import may_be, office_holders, ruled_out, single_office

_MORSY_DAY = dt.date(2013, 7, 2)


def _code(mentions: list[Any], text: str) -> str:
    return next(m.actor.code for m in mentions if m.text == text)


# -- the gazetteer's holders ---------------------------------------------------------------


def test_single_offices_are_heads_and_named_ministries() -> None:
    titles = load_gazetteer().titles
    assert single_office(titles["president"]) and single_office(titles["foreign minister"])
    assert not single_office(titles["minister"]) and not single_office(titles["senator"])
    assert not single_office(titles["leader"])  # "opposition leader X"


def test_the_holder_on_the_day_rules_out_other_names() -> None:
    gaz = load_gazetteer()
    president = gaz.titles["president"]
    assert [p.name for p in office_holders(gaz, "USA", president, _MORSY_DAY)] == ["Barack Obama"]
    assert ruled_out(gaz, "USA", president, "Mohamed Morsy", _MORSY_DAY)
    assert not ruled_out(gaz, "USA", president, "Obama", _MORSY_DAY)
    # Morsy is Morsi spelt another way: Egypt is not ruled out.
    assert not ruled_out(gaz, "EGY", president, "Mohamed Morsy", _MORSY_DAY)
    # No holder known (no one-holder office "senator"): nothing is ruled out.
    assert not ruled_out(gaz, "USA", gaz.titles["senator"], "Jane Roe", _MORSY_DAY)


def test_a_family_name_first_is_still_the_holder() -> None:
    gaz = load_gazetteer()
    xi = office_holders(gaz, "CHN", gaz.titles["president"], dt.date(2017, 4, 7))
    assert xi and may_be("Xi", xi[0]) and not may_be("Li", xi[0])


# -- in articles ---------------------------------------------------------------------------


@pytest.mark.slow
def test_an_unknown_president_in_us_copy_takes_the_country_named_beside_him(nlp: Any) -> None:
    # dev2 allsides-TANdORmxAj2hiKPj (CNN column, 2013-07-02): the U.S. is the only country
    # named before him, and the outlet is American, but Obama was the U.S. president.
    text = ("Paul: I argued that Morsy is not someone the U.S. should necessarily embrace\n\n"
            "On the one-year anniversary of President Mohamed Morsy's inauguration, tens of "
            "thousands of Egyptians marched in the streets of Cairo.\n\n"
            "Our government insists on calling Morsy an ally. Morsy, on the other hand, has "
            "called Jews \"bloodsuckers.\"")  # fmt: skip
    mentions, quotes = actors_and_quotes(nlp, text, publisher="CNN", day=_MORSY_DAY)
    assert _code(mentions, "President Mohamed Morsy") == "EGYGOV"
    assert speaker_of(quotes, "bloodsuckers") == ("EGYGOV", "Mohamed Morsy")


@pytest.mark.slow
def test_an_unknown_president_with_no_other_country_stays_unplaced(nlp: Any) -> None:
    # The same column's highlight without "Egyptian": no country fits, none is guessed.
    text = "Paul: Why is the U.S. supporting President Mohamed Morsy?"
    mentions, _ = actors_and_quotes(nlp, text, publisher="CNN", day=_MORSY_DAY)
    assert _code(mentions, "President Mohamed Morsy") == ""


@pytest.mark.slow
def test_the_real_holder_keeps_the_country(nlp: Any) -> None:
    # dev2 allsides-TANdORmxAj2hiKPj: the U.S. president in U.S. copy stays USAGOV.
    text = ("Last week, President Obama deployed more than 400 Army soldiers to Egypt as part "
            "of a nine-month peacekeeping mission.")  # fmt: skip
    mentions, _ = actors_and_quotes(nlp, text, publisher="CNN", day=_MORSY_DAY)
    assert _code(mentions, "President Obama") == "USAGOV"
    # corpus allsides-8UPuo65pnDsuPZLH (American Spectator, 2017): China's president.
    text = ("The Trumps would be dining with President Xi Jinping and his wife at Mar-a-Lago "
            "at the time of the operation.")  # fmt: skip
    mentions, _ = actors_and_quotes(nlp, text, publisher="American Spectator",
                                    day=dt.date(2017, 4, 7))  # fmt: skip
    assert _code(mentions, "President Xi Jinping") == "CHNGOV"
