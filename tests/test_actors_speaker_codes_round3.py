"""Speakers on unseen news, third round (issue 11): a speaker named before a party tag
("King, R-New York, said"), descriptions before the name, firms the tagger takes for
people, think-tank centres, employers the gazetteer cannot place, and candidates and
White House staff the gazetteer now knows with their dated offices. Sentences shortened
from gold/dev2 and from the corpus (../shared/corpus/allsides-10k.jsonl.gz, ids given)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tidings.actors import resolve_actors
from tidings.actors.orgtypes import head_sector
from tidings.model import ActorMention, Article, Quote
from tidings.quotes import extract_quotes

pytestmark = pytest.mark.slow


def _run(nlp: Any, text: str, publisher: str | None = "USA TODAY",
         day: dt.date = dt.date(2018, 4, 4)) -> tuple[list[ActorMention], list[Quote]]:  # fmt: skip
    article = Article(doc_id="t", title=None, body=text, publisher=publisher, published=day)
    doc = nlp(text)
    found = resolve_actors(doc, article)
    return found, extract_quotes(doc, article, found)


def _codes(found: list[ActorMention]) -> dict[str, str]:
    return {m.actor.name: m.actor.code for m in found if m.actor.kind == "person"}


def test_speaker_before_a_party_tag(nlp) -> None:  # type: ignore[no-untyped-def]
    # gold/dev2 allsides-Exhtkb9oRNQMGEX4: the tag parses as the quotation's apposition.
    text = ('But Rep. Peter King, former chairman of the House Homeland Security Committee, '
            'said arming the rebels might be "counterproductive."\n\n'
            '"My concern is that, by arming the rebels, we could be strengthening al Qaeda," '
            'King, R-New York, said on CNN.')  # fmt: skip
    _, quotes = _run(nlp, text, day=dt.date(2013, 5, 5))
    long = [q for q in quotes if q.text.startswith("My concern")]
    assert long and long[0].speaker is not None
    assert (long[0].speaker.code, long[0].speaker.name) == ("USALEG", "Peter King")


def test_aside_without_a_name_before_it_gives_no_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = '"We will not go," the minister, who arrived on Monday, said.'
    _, quotes = _run(nlp, text)
    assert quotes and (quotes[0].speaker is None or quotes[0].speaker.name != "Monday")


def test_description_in_apposition_before_the_name(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus allsides-…ijovmn (USA TODAY, 2017-06-16).
    text = ("A Republican senator, Jerry Moran of Kansas, questioned Trump's plans to "
            "restrict sales to Cuba.")  # fmt: skip
    found, _ = _run(nlp, text, day=dt.date(2017, 6, 16))
    assert _codes(found)["Jerry Moran"] == "USALEG"


def test_outlet_staff_named_after_a_modifier(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus allsides-…pWZYFB (Media Research Center, 2016-07-29).
    text = ("Minutes later on ABC, anchor George Stephanopoulos gushed over the speech, "
            "while ABC’s Terry Moran called it “more of a harangue than a speech.”")  # fmt: skip
    found, _ = _run(nlp, text, publisher="Media Research Center", day=dt.date(2016, 7, 29))
    codes = _codes(found)
    assert codes["George Stephanopoulos"] == "USAMED"
    assert codes["Terry Moran"] == "USAMED"


def test_firm_the_tagger_reads_as_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    # gold/dev2 allsides-5ABkYp8JSpGfqwWn (Bloomberg, 2018-04-04).
    text = ("“Contrary to China, the Trump administration will have to manage diverse "
            "interests,” said Jingzhou Tao, a managing partner of Dechert LLP’s Beijing "
            "office.")  # fmt: skip
    found, quotes = _run(nlp, text, publisher="Bloomberg")
    assert _codes(found)["Jingzhou Tao"] == "CHNBUS"
    assert quotes[0].speaker is not None and quotes[0].speaker.code == "CHNBUS"


def test_centre_named_before_its_field_is_a_think_tank(nlp) -> None:  # type: ignore[no-untyped-def]
    # gold/dev2 allsides-5ABkYp8JSpGfqwWn: spaCy cuts the name after "China".
    text = ("“This is a strategic move,” said He Weiwen, deputy director of the Center "
            "for China and Globalization in Beijing and a former Commerce Ministry "
            "official.")  # fmt: skip
    found, _ = _run(nlp, text, publisher="Bloomberg")
    assert _codes(found)["He Weiwen"] == "CHNEDU"
    assert head_sector(["center", "for", "china"]) == "EDU"
    assert head_sector(["council", "on", "foreign", "relations"]) is None


def test_religious_title_keeps_its_sector_at_a_centre(nlp) -> None:  # type: ignore[no-untyped-def]
    # gold/dev2 allsides-zyDgL0tnBYVr042o: an imam of an Islamic Center is REL, not EDU.
    text = ("Imam Ammar Amonette of the Islamic Center of Virginia said that his group was "
            "never consulted.")  # fmt: skip
    found, _ = _run(nlp, text, day=dt.date(2013, 5, 10))
    assert _codes(found)["Ammar Amonette"] == "USAREL"


def test_employer_the_gazetteer_cannot_place_takes_the_outlets_country(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus allsides-…Bwjaee (2018-06-21), in a U.S. outlet.
    text = ("“It is not clear why anything now would be enough,” said Pratheepan "
            "Gulasekaram, a law professor at Santa Clara University.")  # fmt: skip
    found, _ = _run(nlp, text, publisher="USA TODAY", day=dt.date(2018, 6, 21))
    assert _codes(found)["Pratheepan Gulasekaram"] == "USAEDU"
    found, _ = _run(nlp, text, publisher=None, day=dt.date(2018, 6, 21))
    assert _codes(found)["Pratheepan Gulasekaram"] == "EDU"  # no outlet: no guess


@pytest.mark.parametrize(
    ("text", "day", "name", "code"),
    [
        # gold/dev2 allsides-qaFjEQmzMuzAbA3W: a former governor before he declared.
        ("Jeb Bush praised the Special Forces. “It’s a great day,” Bush said.",
         dt.date(2015, 5, 16), "Jeb Bush", "USAELI"),
        # While he runs, still a former governor: a candidacy is no office (CAMEO's ELI,
        # ../shared/gold/README.md: former officials are ELI).
        ("Jeb Bush spoke in Iowa. “I’m a competitive person,” Bush said.",
         dt.date(2015, 9, 1), "Jeb Bush", "USAELI"),
        # gold/dev2 allsides-5ABkYp8JSpGfqwWn: a White House adviser by name alone.
        ("Larry Kudlow spent the day trying to calm the markets.",
         dt.date(2018, 4, 4), "Larry Kudlow", "USAGOV"),
        ("Winston Churchill said courage is what it takes to stand up and speak.",
         dt.date(2013, 9, 9), "Winston Churchill", "GBRELI"),
    ],
)  # fmt: skip
def test_candidates_and_staff_with_dated_offices(nlp, text, day, name, code) -> None:  # type: ignore[no-untyped-def]
    found, _ = _run(nlp, text, day=day)
    assert {m.actor.code for m in found if m.actor.name == name} == {code}
