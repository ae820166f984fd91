"""Speakers coded from what the article says of them, round 2 (issue 11), on sentences
shortened from gold/dev2: the chair of an unnamed committee is a legislator, and "the
Maryland Democrat" is the person just named, not the party."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tidings.actors import resolve_actors
from tidings.model import ActorMention, Article, Quote
from tidings.quotes import extract_quotes

pytestmark = pytest.mark.slow

_TEXT = (
    "Members of the House Oversight and Reform Committee on Tuesday published a report. "
    "The officials \u201cexpressed significant concerns about the potential procedural and "
    "legal violations\u201d administration officials may have conducted, committee Chairman "
    "Elijah Cummings said in a statement.\n\n"
    "\u201cThey have warned of conflicts of interest among top White House advisers,\u201d "
    "the Maryland Democrat said."
)


def _run(nlp: Any, text: str) -> tuple[list[ActorMention], list[Quote]]:
    article = Article(doc_id="t", title=None, body=text, publisher="Washington Times",
                      url="https://www.washingtontimes.com/news/2019/feb/19/x/",
                      published=dt.date(2019, 2, 19))  # fmt: skip
    doc = nlp(text)
    found = resolve_actors(doc, article)
    return found, extract_quotes(doc, article, found)


def test_chair_of_an_unnamed_committee_is_a_legislator(nlp) -> None:  # type: ignore[no-untyped-def]
    found, quotes = _run(nlp, _TEXT)
    assert {m.actor.code for m in found if "Cummings" in m.text} == {"USALEG"}
    assert (quotes[0].speaker.code, quotes[0].speaker.name) == ("USALEG", "Elijah Cummings")


def test_the_state_democrat_is_the_person_just_named(nlp) -> None:  # type: ignore[no-untyped-def]
    found, quotes = _run(nlp, _TEXT)
    assert [m.actor.name for m in found if m.text == "the Maryland Democrat"] == ["Elijah Cummings"]
    assert quotes[1].speaker is not None
    assert (quotes[1].speaker.code, quotes[1].speaker.name) == ("USALEG", "Elijah Cummings")


def test_the_party_itself_stays_the_party(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "\u201cWe will fight this,\u201d the Democrats said in a statement."
    found, _ = _run(nlp, text)
    assert all(m.actor.kind != "person" for m in found)
