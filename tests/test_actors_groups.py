"""Unnamed groups and party members coded from their description, on shortened corpus
sentences (allsides-10k; ids in the comments): a nationality before a military noun gives
the troops' code, a party's members in a legislature are that legislature, a special
counsel is a prosecutor (JUD)."""

from __future__ import annotations

import datetime as dt

import pytest

from actors_support import codes, mentions

pytestmark = pytest.mark.slow


def test_actors_nationality_before_military_noun(nlp) -> None:  # type: ignore[no-untyped-def]
    # allsides-FkWUOqicsP9HEocR, allsides-7HMFZPIPSjut3dJX (shortened)
    text = "The U.S. began a bombing campaign to support Iraqi ground troops."
    assert codes(mentions(nlp, text)).get("Iraqi ground troops") == "IRQMIL"
    text = "President Trump said that he and top U.S. generals have agreed on a new strategy."
    assert codes(mentions(nlp, text)).get("top U.S. generals") == "USAMIL"


def test_actors_nationality_before_other_nouns_stays_the_country(nlp) -> None:  # type: ignore[no-untyped-def]
    # The event coder reads "Russian children" as Russia (../shared/gold/dev): no group.
    found = codes(mentions(nlp, "The U.S. wants a resumption of adoptions of Russian children."))
    assert "Russian children" not in found
    assert found.get("Russian") == "RUS"


def test_actors_party_members_in_a_legislature(nlp) -> None:  # type: ignore[no-untyped-def]
    # allsides-EPN3Th6Ct8Bd76sO, allsides-4a6FuNghju19Oozx, allsides-wI30oK6qlrQcXRhs
    day = dt.date(2019, 5, 1)
    text = "The president vowed to resist every subpoena from House Democrats."
    assert codes(mentions(nlp, text, day)).get("Democrats") == "USALEG"
    text = "Congressional Republicans said Sunday that President Obama must stick with his vow."
    assert codes(mentions(nlp, text, day)).get("Republicans") == "USALEG"
    text = "Since then, Republicans in Congress have condemned the administration's handling."
    assert codes(mentions(nlp, text, day)).get("Republicans") == "USALEG"
    # A bare "Democrats" is the party (../shared/gold/dev2).
    text = "Trump has increasingly accused Democrats of conducting the investigation."
    assert codes(mentions(nlp, text, day)).get("Democrats") == "USAPOL"


def test_actors_special_counsel_is_judicial(nlp) -> None:  # type: ignore[no-untyped-def]
    # allsides-3grm1inQu7WjgNrJ (2018): the special counsel prosecutes (JUD, as prosecutors).
    text = "Special counsel Robert Mueller has aggressively pursued Manafort and his associates."
    found = mentions(nlp, text, dt.date(2018, 3, 1))
    assert any(m.actor.code == "USAJUD" and "Mueller" in m.text for m in found)
    found = mentions(nlp, "Robert Mueller was named FBI director.", dt.date(2005, 1, 1))
    assert all(m.actor.code != "USAJUD" for m in found if "Mueller" in m.text)


def test_actors_fbi_is_police(nlp) -> None:  # type: ignore[no-untyped-def]
    # allsides-9CqVcdNUgUIYYXnh: the FBI is USACOP (Phoenix.Countries.actors.txt, gold/dev2).
    found = codes(mentions(nlp, "The FBI is investigating, and that investigation will follow."))
    assert found.get("The FBI") == "USACOP"


def test_actors_the_house_is_the_legislature(nlp) -> None:  # type: ignore[no-untyped-def]
    # allsides-2iZo7RfnGb8eVSLJ, allsides-DrLAb4d3kSYc8tbt (shortened)
    text = "The House voted to block President Barack Obama's executive action on immigration."
    found = codes(mentions(nlp, text, dt.date(2014, 12, 5)))
    assert found.get("The House") == "USALEG"
    text = "Officials at the White House said the House is also expected to be briefed."
    found = codes(mentions(nlp, text, dt.date(2014, 12, 5)))
    assert found.get("the White House") == "USAGOV"
    assert found.get("the House") == "USALEG"


def test_actors_stuttered_name_is_no_person(nlp) -> None:  # type: ignore[no-untyped-def]
    # allsides-OKLoAokKbxgImyOu: a page's hover text runs "Donald John Trump" into the next
    # headline; the stutter must not become a full name that "Trump" resolves to.
    text = (
        "Turkey launched an offensive after President Trump Donald John TrumpTrump "
        "threatening to fire Mulvaney: report pulled troops. Trump dismissed the critics."
    )
    found = mentions(nlp, text, dt.date(2019, 10, 10))
    assert not any("TrumpTrump" in m.text for m in found)
    assert [m.actor.code for m in found if m.text == "Trump"] == ["USAGOV"]


def test_actors_intelligence_committee_is_the_legislature(nlp) -> None:  # type: ignore[no-untyped-def]
    # allsides-Fo0bms0kSZfwyVBr, allsides-koMhxZdmf9p3yGK2: a legislature's committee, not a
    # spy agency.
    text = "The House Intelligence Committee announced it will look into Russian interference."
    found = codes(mentions(nlp, text, dt.date(2019, 3, 24)))
    assert found.get("The House Intelligence Committee") == "USALEG"
    text = "The Senate Intelligence Committee is also conducting an investigation."
    found = codes(mentions(nlp, text, dt.date(2017, 6, 1)))
    assert found.get("The Senate Intelligence Committee") == "USALEG"
    found = codes(mentions(nlp, "U.S. intelligence agencies said Russia interfered."))
    assert found.get("U.S. intelligence") == "USASPY"


def test_actors_the_rebels_are_the_ones_placed_before(nlp) -> None:  # type: ignore[no-untyped-def]
    # allsides-Pk0FFb6L5YPWTDfV (shortened): "the rebels" after "Syrian rebels" in a story
    # that names the United States more often than Syria.
    text = (
        "The U.S. said on Friday that the U.S. would send aid to Syrian rebels. "
        "U.S. officials met in Washington. The rebels quickly denied using chemical weapons."
    )
    found = [m for m in mentions(nlp, text, dt.date(2013, 6, 14)) if "rebels" in m.text]
    assert [m.actor.code for m in found] == ["SYRREB", "SYRREB"]
