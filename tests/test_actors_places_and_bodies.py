"""Actor codes on unseen news (issue 11, twelfth round): place and body names read by their
context. "Georgia" is the U.S. state where the words around it or the article's other places
say so (data/regions.tsv: the states, their abbreviations and cities), the country where its
own words do ("Tbilisi", "Georgian"); a longer region name hides the country inside it ("New
England"); the African National Congress is South Africa's party, not the U.S. Congress; a
capitalised "Representative" before a name is a member of the U.S. House as "Rep." is, and
"Sens." names senators; what an apposition says a person is now outranks the office they
held before. Sentences written after, or shortened from, the corpus
(../shared/corpus/allsides-10k.jsonl.gz) and the development speaker samples
(data/quotes/speaker_sample_r8.jsonl, speaker_sample_r9.jsonl)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from actors_support import codes
from speaker_support import actors_and_quotes, speaker_of
from tidings.actors.home import default_country
from tidings.model import Actor, ActorMention

pytestmark = pytest.mark.slow


def test_georgia_with_its_governor_is_the_us_state(nlp: Any) -> None:
    text = (
        "Georgia Gov. Brian Kemp signed the bill on Tuesday. Voters in Georgia will have the "
        "last word in November, officials in Atlanta said."
    )
    found, _ = actors_and_quotes(nlp, text, "USA TODAY", dt.date(2019, 5, 8))
    got = codes(found)
    assert got["Georgia Gov. Brian Kemp"] == "USAGOV"
    assert got["Georgia"] == "USA"


def test_georgia_named_with_other_states_and_a_state_abbreviation_is_american(nlp: Any) -> None:
    # corpus allsides-TPEG3aHO0lDW3W4G and allsides-KX2DvRWdk7385ANJ (Politico), shortened.
    text = (
        "Sen. Johnny Isakson, R-Ga., said the rally would go ahead. States that vote on March "
        "1 include Alabama, Oklahoma, Tennessee, Texas, Georgia and Virginia."
    )
    found, _ = actors_and_quotes(nlp, text, "Politico", dt.date(2016, 2, 27))
    assert codes(found)["Georgia"] == "USA"


def test_georgia_the_country_keeps_its_code_beside_its_capital(nlp: Any) -> None:
    # corpus allsides-wAMPEsK2ipS3vOUL (NPR), shortened, with a U.S. place in the story.
    text = (
        "In 2008, the Russian army went into its southern neighbor, Georgia. The Georgian "
        "government in Tbilisi protested, a diplomat in New York said."
    )
    found, _ = actors_and_quotes(nlp, text, "NPR Online News", dt.date(2014, 3, 2))
    assert codes(found)["Georgia"] == "GEO"


def test_a_region_name_hides_the_country_inside_it(nlp: Any) -> None:
    text = "Storms closed schools across New England and New South Wales on Monday."
    found, _ = actors_and_quotes(nlp, text, "Reuters", dt.date(2018, 3, 5))
    assert not [m for m in found if m.actor.country == "GBR"]


def test_the_african_national_congress_is_south_africas_party(nlp: Any) -> None:
    text = (
        "The African National Congress said on Monday that it would choose a new leader. "
        '"We will not be rushed," the ANC said in a statement.'
    )
    found, quotes = actors_and_quotes(nlp, text, "Reuters", dt.date(2017, 12, 18))
    assert codes(found)["The African National Congress"] == "ZAFPOL"
    assert "USALEG" not in codes(found).values()
    assert speaker_of(quotes, "We will not be rushed") == ("ZAFPOL", "African National Congress")


def test_a_capitalised_representative_before_a_name_is_a_house_member(nlp: Any) -> None:
    # corpus, Reuters on NAFTA (speaker_sample_r9 q024-q026: USALEG), shortened.
    text = (
        "Representative Frank Lucas of Oklahoma said he was willing to wait on the talks.\n\n"
        "“The president’s a practical fellow,” Lucas said."
    )
    _, quotes = actors_and_quotes(nlp, text, "Reuters", dt.date(2017, 10, 13))
    assert speaker_of(quotes, "The president’s a practical") == ("USALEG", "Frank Lucas")


def test_a_party_apposition_does_not_undo_a_house_members_office(nlp: Any) -> None:
    text = (
        "Representative Pete Sessions, a Texas Republican who has long backed free trade, "
        "said he disagreed.\n\n“We need to offer Mexico a fair deal,” Sessions said."
    )
    _, quotes = actors_and_quotes(nlp, text, "Reuters", dt.date(2017, 10, 13))
    assert speaker_of(quotes, "We need to offer") == ("USALEG", "Pete Sessions")


def test_another_bodys_representative_is_no_house_member(nlp: Any) -> None:
    text = (
        "EU High Representative Federica Mogherini said the deal would hold. U.S. Trade "
        "Representative Robert Lighthizer said talks would go on."
    )
    found, _ = actors_and_quotes(nlp, text, "Reuters", dt.date(2018, 5, 9))
    assert "USALEG" not in codes(found).values()


def test_what_a_person_is_now_outranks_the_office_held_before(nlp: Any) -> None:
    # corpus, The Hill on a North Korean launch (speaker_sample_r9 q036: USAEDU), shortened.
    text = (
        "Steve Bucci, a former Pentagon official who is now a cybersecurity and defense "
        "expert at the conservative Heritage Foundation, said there was no evidence.\n\n"
        "“It could absolutely have been compromised by cyber means,” Bucci said."
    )
    _, quotes = actors_and_quotes(nlp, text, "The Hill", dt.date(2017, 4, 17))
    assert speaker_of(quotes, "It could absolutely") == ("USAEDU", "Steve Bucci")


def _mention(code: str, kind: str = "country", start: int = 0) -> ActorMention:
    sector = code[3:] or None
    actor = Actor(name=code, code=code, country=code[:3], sector=sector, kind=kind)  # type: ignore[arg-type]
    return ActorMention(text=code, start=start, end=start + 3, actor=actor, how="name")


def test_the_default_country_is_the_outlets_when_the_article_names_it() -> None:
    mentions = [_mention("GRC"), _mention("GRC"), _mention("USAGOV", "organisation")]
    assert default_country("USA", "Athens is quiet.", mentions) == "USA"


def test_the_default_country_is_the_topic_when_the_outlets_is_not_named() -> None:
    mentions = [_mention("GRC"), _mention("GRC"), _mention("USA", "person")]
    assert default_country("USA", "Athens is quiet.", mentions) == "GRC"
    # A region ("African leaders") is no country the article is about.
    assert default_country(None, "x", [_mention("AFR"), _mention("AFR")]) is None


def test_senators_abbreviated_in_the_plural_code_the_names_after_them(nlp: Any) -> None:
    # corpus allsides, CNN on aid to Egypt (speaker_sample_r8 q028: USALEG), shortened.
    text = (
        "Republican Sens. Kelly Ayotte of New Hampshire and Bob Corker of Tennessee also said "
        "that the U.S. should withdraw assistance.\n\n"
        "“They're obviously getting the impression that our aid will continue,” Ayotte said."
    )
    _, quotes = actors_and_quotes(nlp, text, "CNN (Web News)", dt.date(2013, 8, 18))
    assert speaker_of(quotes, "They're obviously") == ("USALEG", "Kelly Ayotte")
