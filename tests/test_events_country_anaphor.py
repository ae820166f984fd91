"""A source named as "the country" (issue #12, the "candidate, source" class of
scripts/measure_event_ceiling.py): the actors stage makes no mention of a bare "the
country", so events whose actor it is lost their source. It is the country last named
before it as a subject, on real sentences (shortened) of the dev2 corpus articles."""

from __future__ import annotations

from typing import Any

import pytest

from events_support import codes, pipeline_events
from tidings.events.arguments import ActorIndex, np_actors
from tidings.model import Actor, ActorMention


def test_the_countrys_actions_are_the_subject_country_named_before(pipeline, tmp_path) -> None:
    # allsides-S7359gWwDIovsukZ: the U.S. is named after North Korea, but not as a subject;
    # the gold has ACCUSE USAGOV→PRKGOV for the condemnation.
    text = (
        "North Korea conducted test launches of ICBMs on July 3 and July 28, and has claimed "
        "that its weapons can now reach the U.S. mainland. The country's recent actions have "
        "drawn condemnation from President Trump."
    )
    events = pipeline_events(pipeline, tmp_path, text, "2017-07-30")
    accuse = [e for e in events if e.event == "ACCUSE"]
    assert accuse, [(e.event, e.trigger, codes(e.actor), codes(e.recipient)) for e in events]
    assert codes(accuse[0].actor) == {"USAGOV"}
    assert codes(accuse[0].recipient) == {"PRKGOV"}


def _index(nlp: Any, text: str, countries: dict[str, str]) -> ActorIndex:
    doc = nlp(text)
    mentions = []
    for surface, code in countries.items():
        start = text.index(surface)
        actor = Actor(surface, code, country=code, kind="country")
        mentions.append(ActorMention(surface, start, start + len(surface), actor))
    return ActorIndex(doc, mentions, [])


def _parties(index: ActorIndex, at: int) -> set[str]:
    tok = next(t for t in index.doc if t.lower_ == "country" and t.i >= at)
    return {p.code for p in np_actors(tok, index)}


@pytest.mark.parametrize(
    ("text", "countries", "expected"),
    [
        # allsides-036BFdRSTpqVpg18: the subject before, not Serbia named in passing
        ("Croatia closed its border crossings with Serbia. The country has placed its army "
         "on alert.", {"Croatia": "HRV", "Serbia": "SRB"}, {"HRV"}),
        # no country named as a subject: no guess
        ("Migrants crossed from Serbia overnight. The country has placed its army on alert.",
         {"Serbia": "SRB"}, set()),
        # "a country" and a described country refer to no one in particular
        ("Croatia closed its border. Serbia is a country that wants to join the EU.",
         {"Croatia": "HRV", "Serbia": "SRB"}, set()),
    ],
)  # fmt: skip
def test_the_country_refers_back_to_a_subject_country(
    nlp: Any, text: str, countries: dict[str, str], expected: set[str]
) -> None:
    index = _index(nlp, text, countries)
    second = next(s for i, s in enumerate(index.doc.sents) if i == 1)
    assert _parties(index, second.start) == expected


def test_our_government_in_the_outlets_own_words_is_the_outlets_country(
    pipeline: Any, tmp_path: Any
) -> None:
    # allsides-TANdORmxAj2hiKPj, a CNN column: "our government" is the writer's, not the
    # country of the other party the sentence names (Egypt's president); the gold has
    # SUPPORT USAGOV→EGYGOV.
    text = (
        "Unfortunately, our government supports the current regime of President Mohamed "
        "Morsy of Egypt and the Muslim Brotherhood."
    )
    events = pipeline_events(pipeline, tmp_path, text, "2013-07-02", publisher="CNN")
    sources = {code for e in events for code in codes(e.actor)}
    assert not {c for c in sources if c.startswith("EGY")}, [
        (e.event, codes(e.actor), codes(e.recipient)) for e in events
    ]
    support = [e for e in events if e.event == "SUPPORT"]
    assert support and codes(support[0].actor) == {"USAGOV"}
