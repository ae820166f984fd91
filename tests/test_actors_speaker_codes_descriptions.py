"""Speakers coded from what the article says of them (issue 11), on sentences shortened from
gold/dev2: the outlet's country for people it does not place, descriptions whose head noun
comes after an "and", titles before a name (columnist, imam, "Former Arkansas Gov."), one
identity per full name, and news outlets as media."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tidings.actors import resolve_actors
from tidings.actors.home import home_country
from tidings.model import ActorMention, Article, Quote
from tidings.quotes import extract_quotes

pytestmark = pytest.mark.slow


def _article(text: str, publisher: str | None, url: str | None, day: dt.date) -> Article:
    return Article(doc_id="t", title=None, body=text, publisher=publisher, url=url,
                   published=day)  # fmt: skip


def _run(nlp: Any, text: str, publisher: str | None = "USA TODAY",
         url: str | None = None, day: dt.date = dt.date(2013, 5, 10),
         ) -> tuple[list[ActorMention], list[Quote]]:  # fmt: skip
    article = _article(text, publisher, url, day)
    doc = nlp(text)
    found = resolve_actors(doc, article)
    return found, extract_quotes(doc, article, found)


def _speakers(quotes: list[Quote]) -> list[tuple[str, str]]:
    return [(q.speaker.code, q.speaker.name) if q.speaker else ("", "") for q in quotes]


def test_home_country_from_publisher_or_address() -> None:
    def home(publisher: str | None, url: str | None) -> str | None:
        return home_country(_article("", publisher, url, dt.date(2020, 1, 1)))

    assert home("Fox Online News", "http://www.foxnews.com/world/x.html") == "USA"
    assert home("CNN (Web News)", None) == "USA"
    assert home("New York Times - News", None) == "USA"
    assert home(None, "https://www.washingtontimes.com/news/2019/feb/19/x/") == "USA"
    assert home("Daily Express", "https://www.express.co.uk/news/world/1") == "GBR"
    assert home(None, "https://www.example.co.uk/a") == "GBR"
    assert home("Reason", "https://reason.com/blog/2018/07/02/x") == "USA"
    # A wire service writes for the world: no home country.
    assert home("Reuters", "https://www.reuters.com/article/x") is None
    assert home(None, None) is None


def test_undescribed_person_is_a_civilian_of_the_outlets_country(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Martha Mullen, of Richmond, told The Associated Press that she offered to help. "
            "\u201cIt was an interfaith effort,\u201d Mullen said.")  # fmt: skip
    _, quotes = _run(nlp, text, publisher="USA TODAY")
    assert _speakers(quotes) == [("USACVL", "Martha Mullen")]


def test_no_home_country_leaves_an_undescribed_person_uncoded(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "\u201cIt was an interfaith effort,\u201d said Martha Mullen."
    _, quotes = _run(nlp, text, publisher="Reuters", url="https://www.reuters.com/a")
    assert _speakers(quotes) == [("", "Martha Mullen")]


def test_description_with_and_before_its_head_noun(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("\u201cChinese strategists are seeing no good economic argument for escalating "
            "the situation,\u201d said Erlend Ek, an agriculture and trade research manager "
            "at China Policy, a consulting firm based in Beijing.")  # fmt: skip
    found, quotes = _run(nlp, text, publisher="Bloomberg", day=dt.date(2018, 4, 4))
    assert {m.actor.code for m in found if m.text == "Erlend Ek"} == {"CHNBUS"}
    assert _speakers(quotes) == [("CHNBUS", "Erlend Ek")]


def test_who_studies_at_a_think_tank_is_academic(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("There always will be tension between providing security and allowing people to "
            "gather freely, says Rick Nelson, who studies counterterrorism at the Center for "
            "Strategic and International Studies in Washington.")  # fmt: skip
    found, _ = _run(nlp, text, publisher="NPR Online News", day=dt.date(2013, 4, 21))
    assert {m.actor.code for m in found if m.text == "Rick Nelson"} == {"USAEDU"}


def test_columnist_and_imam_titles(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("In The Washington Post, columnist Tracee Hamilton wrote that the attacks could "
            "have a ripple effect. Imam Ammar Amonette of the Islamic Center of Virginia said "
            "that his group was never consulted.")  # fmt: skip
    found, _ = _run(nlp, text, publisher="NPR Online News")
    got = {m.actor.name: m.actor.code for m in found if m.actor.kind == "person"}
    assert got["Tracee Hamilton"] == "USAMED"
    assert got["Ammar Amonette"] == "USAREL"


def test_former_state_governor_is_elite(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Former Arkansas Gov. Mike Huckabee is now openly talking about impeachment. "
            "\u201cThis is not minor,\u201d Huckabee said.")  # fmt: skip
    found, quotes = _run(nlp, text, publisher="Newsmax", day=dt.date(2013, 5, 7))
    assert {m.actor.code for m in found if m.actor.name == "Mike Huckabee"} == {"USAELI"}
    assert _speakers(quotes) == [("USAELI", "Mike Huckabee")]


def test_former_title_keeps_the_gazetteers_elite_reading(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "\u201cIt's unraveling,\u201d said former United Nations Ambassador John Bolton."
    found, _ = _run(nlp, text, publisher="Newsmax", day=dt.date(2013, 5, 7))
    assert {m.actor.code for m in found if m.actor.name == "John Bolton"} == {"USAELI"}


def test_article_full_name_outranks_gazetteer_surname(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("White House Press Secretary Jay Carney made clear that the suspect would go "
            "through the civilian court system. \u201cWe will prosecute this terrorist "
            "through our civilian system of justice,\u201d Carney said.")  # fmt: skip
    found, quotes = _run(nlp, text, publisher="Fox News", day=dt.date(2013, 4, 22))
    assert {m.actor.name for m in found if m.text == "Carney"} == {"Jay Carney"}
    assert _speakers(quotes) == [("USAGOV", "Jay Carney")]


def test_full_name_again_shares_the_titled_identity(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("\u201cOur intelligence community has high confidence,\u201d White House Deputy "
            "National Security Adviser Ben Rhodes said in a statement. Later, Ben Rhodes "
            "spoke to reporters. \u201cThese efforts will increase going forward,\u201d Ben "
            "Rhodes said.")  # fmt: skip
    found, quotes = _run(nlp, text, publisher="Christian Science Monitor",
                         day=dt.date(2013, 6, 13))  # fmt: skip
    assert {m.actor.code for m in found if m.actor.name == "Ben Rhodes"} == {"USAGOV"}
    assert [c for c, _ in _speakers(quotes)] == ["USAGOV", "USAGOV"]


def test_title_without_code_takes_the_description_after_the_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("The statement from Gen. Terrence J. O\u2019Shaughnessy, U.S. Pacific Air Forces "
            "commander, came after the drills.")  # fmt: skip
    found, _ = _run(nlp, text, publisher="Fox Online News", day=dt.date(2017, 7, 30))
    assert {m.actor.code for m in found if m.actor.name.endswith("Shaughnessy")} == {"USAMIL"}


def test_news_outlets_speak_as_media(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("The Boston Globe wrote that the bombing \u201cwill forever mar what is annually "
            "the city's most uplifting day.\u201d")  # fmt: skip
    _, quotes = _run(nlp, text, publisher="NPR Online News", day=dt.date(2013, 4, 21))
    assert _speakers(quotes) == [("USAMED", "Boston Globe")]


def test_writer_of_a_piece_is_media(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("\u201cThat monopoly earns profits almost double those of its counterparts,\u201d "
            "David Frum wrote in a 2016 piece for The Atlantic.")  # fmt: skip
    _, quotes = _run(nlp, text, publisher="Reason", day=dt.date(2018, 7, 2))
    assert _speakers(quotes) == [("USAMED", "David Frum")]


def test_director_of_a_research_program_is_academic(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "\u201cThe talks are stalled,\u201d said Anna Berg, the deputy director of the nuclear "
        "policy program."
    )
    _, quotes = _run(nlp, text, publisher="Politico", day=dt.date(2019, 1, 1))
    assert _speakers(quotes) == [("USAEDU", "Anna Berg")]
