"""Parties the actors stage names but leaves uncoded, or does not name (issue #12, the
recall ceiling of scripts/measure_event_ceiling.py): a person the article says nothing
codable of, an unnamed state body ("116 lawmakers"), and the militaries "of" countries, on
real sentences (shortened) of the dev2 corpus articles."""

from __future__ import annotations

from typing import Any

import pytest

from events_support import codes, pipeline_events
from tidings.events.arguments import ActorIndex
from tidings.model import Actor, ActorMention


def test_a_person_named_bare_is_a_civilian_of_the_outlets_country(pipeline, tmp_path) -> None:
    # allsides-zyDgL0tnBYVr042o (USA TODAY): the suspect is named without an office; the
    # quotes stage codes such a speaker USACVL, and so does the gold as a recipient.
    text = (
        "Boston Marathon bombing suspect Tamerlan Tsarnaev has been buried. Tsarnaev's death "
        "certificate was released Friday. It showed he was shot by police in the firefight."
    )
    events = pipeline_events(pipeline, tmp_path, text, "2013-05-10", publisher="USA TODAY")
    shot = [e for e in events if e.event == "ASSAULT" and e.trigger == "shot"]
    assert shot, [(e.event, e.trigger, codes(e.actor), codes(e.recipient)) for e in events]
    assert codes(shot[0].actor) == {"USACOP"}
    assert codes(shot[0].recipient) == {"USACVL"}


def test_an_unnamed_body_of_lawmakers_takes_the_sentences_country(pipeline, tmp_path) -> None:
    # allsides-FoTU4NyzrkEq84gg: "116 lawmakers" is no mention of the actors stage; the
    # Phoenix agents dictionary makes lawmakers LEG, the president names the country.
    text = (
        "President Obama cautioned that he hasn't yet decided whether to launch an attack. "
        "The statement came after 116 lawmakers wrote a letter to the president demanding "
        "he seek congressional authorization for a military strike."
    )
    events = pipeline_events(pipeline, tmp_path, text, "2013-08-29")
    asks = [e for e in events if e.event == "REQUEST"]
    assert asks, [(e.event, e.trigger, codes(e.actor), codes(e.recipient)) for e in events]
    assert codes(asks[0].actor) == {"USALEG"}
    assert codes(asks[0].recipient) == {"USAGOV"}


def test_the_militaries_of_countries_are_their_militaries(pipeline, tmp_path) -> None:
    # allsides-S7359gWwDIovsukZ: gold JPNMIL+KORMIL+USAMIL, not their governments.
    text = (
        "The militaries of the U.S., South Korea and Japan spent 10 hours conducting "
        "bomber-jet drills over the Korean Peninsula."
    )
    events = pipeline_events(pipeline, tmp_path, text, "2017-07-30")
    drills = [e for e in events if e.event == "COOPERATE"]
    assert drills, [(e.event, e.trigger, codes(e.actor)) for e in events]
    assert codes(drills[0].actor) == {"USAMIL", "KORMIL", "JPNMIL"}


def _index(nlp: Any, text: str, named: dict[str, str], home: str | None) -> ActorIndex:
    doc = nlp(text)
    mentions = []
    for surface, code in named.items():
        start = text.index(surface)
        actor = Actor(surface, code, country=code[:3], kind="person")
        mentions.append(ActorMention(surface, start, start + len(surface), actor))
    return ActorIndex(doc, mentions, [], home=home)


def _token(index: ActorIndex, word: str) -> Any:
    return next(t for t in index.doc if t.text == word)


@pytest.mark.parametrize(
    ("text", "named", "word", "expected"),
    [
        # a state body: the one country the sentence names (Cameron is British)
        ("Cameron guaranteed legislators two rounds of voting.", {"Cameron": "GBRGOV"},
         "legislators", "GBRLEG"),
        # no country in the sentence: the article's
        ("Police said the suspect had fled.", {}, "Police", "USACOP"),
        # two countries: whose is not to be guessed
        ("Obama and Putin met the lawmakers.", {"Obama": "USAGOV", "Putin": "RUSGOV"},
         "lawmakers", None),
        # civilians, refugees and the like are left to the actors stage
        ("People protested in Cairo.", {}, "People", None),
        ("The refugees crossed into Croatia.", {}, "refugees", None),
        # a head that names no sector of its own
        ("Officials met on Monday.", {}, "Officials", None),
    ],
)  # fmt: skip
def test_group_party(nlp, text: str, named: dict[str, str], word: str,
                     expected: str | None) -> None:  # fmt: skip
    index = _index(nlp, text, named, home="USA")
    party = index.group_party(_token(index, word))
    assert (party.code if party else None) == expected


def test_a_person_left_uncoded_is_coded_only_where_the_article_has_a_country(nlp) -> None:
    text = "Tsarnaev was shot by police."
    doc = nlp(text)
    actor = Actor("Tsarnaev", "", kind="person")
    mention = ActorMention("Tsarnaev", 0, 8, actor)
    assert ActorIndex(doc, [mention], [], home="USA").mention_parties(doc[0])[0].code == "USACVL"
    assert ActorIndex(doc, [mention], [], home=None).mention_parties(doc[0]) == []
