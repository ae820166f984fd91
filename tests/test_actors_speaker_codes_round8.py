"""Speakers on unseen news, eighth round (issue 11): the wrong person and fallback codes seen
on corpus articles. A partisan description ("the Vermont senator") is the person it
describes, not the moderator named last; a rank below an office ("Assistant Secretary of
State X", "Ex-Assistant …") is not the office's holder; a spokesperson speaks for the body
named before and takes its code, and a senator's name inside a spokesman's description stays
the senator's; "BlackRock Inc's Larry Fink" works for a company; an ordinary person the
article places abroad ("a resident of Kramatorsk, Ukraine", ", 34, in Ramallah") is of that
country, not the outlet's, and so is one a nationality adjective describes ("fellow
Ukrainian billionaire X"); a broadcast transcript's reporter is MED and no label speaks
another's words. Sentences shortened from the corpus (../shared/corpus/allsides-10k.jsonl.gz,
ids given)."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from speaker_support import actors_and_quotes, speaker_of
from tidings.quotes.labels import speaker_turns
from tidings.quotes.marks import paragraph_bounds

pytestmark = pytest.mark.slow

_run = partial(actors_and_quotes, publisher="USA TODAY")
_speaker = speaker_of
_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "allsides-10k.jsonl.gz"


def _mention(mentions: list[Any], text: str) -> Any:
    return next(m for m in mentions if m.text == text)


# -- 1. the wrong person -------------------------------------------------------------------


def test_a_partisan_description_is_the_person_it_describes(nlp: Any) -> None:
    # corpus allsides-YoedGUxawD9wOIcC (Politico, 2016): Chuck Todd asks the question, the
    # Vermont senator is Sanders (the gazetteer's "U.S. Senator from Vermont").
    text = ("Bernie Sanders says the Democratic Party hasn't been fair to him.\n\n"
            "\"Do you think this process has been fair to you?\" moderator Chuck Todd asked "
            "the Vermont senator in an interview aired Sunday on NBC's \"Meet the Press.\"\n\n"
            "\"Yes and no,\" the Vermont senator said.")  # fmt: skip
    mentions, quotes = _run(nlp, text, publisher="Politico", day=dt.date(2016, 4, 24))
    described = [m for m in mentions if m.text == "the Vermont senator"]
    assert described and all(m.actor.name == "Bernie Sanders" for m in described)
    assert _speaker(quotes, "Yes and no") == ("USALEG", "Bernie Sanders")


def test_a_partisan_description_skips_people_outside_politics(nlp: Any) -> None:
    # The same story with no earlier Sanders: the moderator (MED) is not "the senator".
    text = ("\"Do you think this process has been fair to you?\" moderator Chuck Todd asked "
            "the Vermont senator in an interview.")  # fmt: skip
    mentions, _ = _run(nlp, text, publisher="Politico", day=dt.date(2016, 4, 24))
    assert not any(m.text == "the Vermont senator" and m.actor.name == "Chuck Todd"
                   for m in mentions)  # fmt: skip


def test_an_assistant_secretary_is_not_the_secretary(nlp: Any) -> None:
    # corpus allsides-TfIC8fjBq6m31sPt (Washington Times, 2015), allsides-BAYbem70O4wYhPuq
    # (BBC): the named person holds a rank below the office; a former one is ELI.
    text = ("“The issue is the kinds of systems,” Assistant Secretary of State Victoria "
            "Nuland told the House on Wednesday.")  # fmt: skip
    mentions, quotes = _run(nlp, text, publisher="Washington Times", day=dt.date(2015, 3, 5))
    assert _speaker(quotes, "The issue is") == ("USAGOV", "Victoria Nuland")
    assert all(m.actor.name != "John Kerry" for m in mentions)
    nuland = next(m for m in mentions if m.actor.name == "Victoria Nuland")
    assert (nuland.actor.role or "").startswith("Assistant Secretary of State")
    text = ("Ex-Assistant Secretary of State PJ Crowley said the use of the term at that "
            "time \"represented a serious misreading of the challenge\" in an article for "
            "the BBC.")  # fmt: skip
    _, quotes = _run(nlp, text, publisher="BBC News", day=dt.date(2016, 1, 22))
    assert _speaker(quotes, "represented a serious") == ("USAELI", "PJ Crowley")


def test_an_unnamed_deputy_is_not_the_office_holder(nlp: Any) -> None:
    # A rank word before a bare title: "the deputy secretary of state" is not the secretary.
    text = ("Secretary of State John Kerry arrived in Kiev on Sunday.\n\n"
            "The deputy secretary of state said on Monday that talks would resume.")  # fmt: skip
    mentions, _ = _run(nlp, text, publisher="CNN (Web News)", day=dt.date(2014, 3, 3))
    deputy = [m for m in mentions if m.text.lower().startswith("the deputy")]
    assert all(m.actor.name != "John Kerry" for m in deputy)


# -- 3. spokespeople -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "publisher", "day", "start", "expected"),
    [
        # corpus allsides-oUn1IrEvm5xQmSr1 (Fox News, 2012): the Pentagon's spokesman.
        ("Iran fired on an unarmed U.S. drone last week, the Pentagon announced Thursday.\n\n"
         "Spokesman George Little said the incident \"marks the first time\" the Iranians have "
         "fired on a U.S. drone.", "Fox News", dt.date(2012, 11, 8), "marks the first",
         ("USAMIL", "George Little")),
        # corpus allsides-09cBsfYmwnBBucXC (ABC News): the agency a spokeswoman was said to
        # speak for before is Indonesian.
        ("The plane was believed to be lost around Belitung Island, a spokeswoman for the "
         "Indonesian National Search and Rescue Agency said.\n\n\"Current weather conditions "
         "are not desirable,\" spokeswoman Annisa Noviantri said.", "ABC News",
         dt.date(2014, 12, 29), "Current weather", ("IDNGOV", "Annisa Noviantri")),
    ],
)  # fmt: skip
def test_a_bare_spokesperson_speaks_for_the_body_named_before(
    nlp: Any, text: str, publisher: str, day: dt.date, start: str, expected: tuple[str, str]
) -> None:
    _, quotes = _run(nlp, text, publisher=publisher, day=day)
    assert _speaker(quotes, start) == expected


def test_a_senators_spokesman_leaves_the_senator_her_name(nlp: Any) -> None:
    # corpus allsides-gqk5WoBmUp6pNkSE (Politico, 2013).
    text = ("“At first glance, this seems like another positive development,” said John "
            "LaBombard, a spokesman for Sen. Claire McCaskill (D-Mo.).\n\n"
            "“We will see,” McCaskill said.")  # fmt: skip
    mentions, quotes = _run(nlp, text, publisher="Politico", day=dt.date(2013, 8, 7))
    assert _speaker(quotes, "At first glance") == ("USALEG", "John LaBombard")
    assert _mention(mentions, "Sen. Claire McCaskill").actor.name == "Claire McCaskill"
    assert _speaker(quotes, "We will see")[1] == "Claire McCaskill"


# -- 4. possessives of unknown bodies --------------------------------------------------------


def test_a_company_possessive_makes_its_officer_business(nlp: Any) -> None:
    # corpus allsides-QviPh6FTGNQn9ykj (Reuters, 2018).
    text = ("“We have benefited by globalization,” BlackRock Inc’s Larry Fink said at the "
            "forum.")  # fmt: skip
    _, quotes = _run(nlp, text, publisher="Politico", day=dt.date(2018, 3, 24))
    assert _speaker(quotes, "We have benefited") == ("USABUS", "Larry Fink")


# -- 2. ordinary people placed abroad ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [
        # corpus allsides-3ExAmLujiHxSxdVG (USA TODAY, 2014).
        ("\"It will go straight to the leadership of the Donetsk People's Republic,\" said "
         "Sergei Zakharov, a resident of Kramatorsk, Ukraine, who was in Moscow to help the "
         "foundation.", "It will go", "UKRCVL"),
        # corpus allsides-ODZ7ZVn62VIkdEH0 (Christian Science Monitor, 2016), placed by us in
        # Afghanistan as the article does in its next sentence.
        ("\"I want a hundred times more bombings on this group,\" said Hakim Khan, a resident "
         "of Achin district in Afghanistan.", "I want a hundred", "AFGCVL"),
        # corpus allsides-bp3mCXvfQ7joRbD7's pattern ("said Ciara McClaine, 29, in
        # Minneapolis"), with a Palestinian city.
        ("\"We have nowhere to go,\" said Ahmed Saleh, 34, in Ramallah.", "We have nowhere",
         "PSECVL"),
    ],
)  # fmt: skip
def test_an_ordinary_person_is_of_the_place_the_article_puts_them_in(
    nlp: Any, text: str, start: str, expected: str
) -> None:
    _, quotes = _run(nlp, text, day=dt.date(2014, 7, 10))
    assert _speaker(quotes, start)[0] == expected


def test_a_person_with_no_place_keeps_the_outlets_country(nlp: Any) -> None:
    text = '"We have nowhere to go," said Ahmed Saleh, a shopkeeper who was at the rally.'
    _, quotes = _run(nlp, text, day=dt.date(2014, 7, 10))
    assert _speaker(quotes, "We have nowhere")[0] == "USACVL"


@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [
        # corpus allsides-Yqi5C876Op6NsBhi (Fox News, 2015): the adjective in the apposition.
        ("\"It could be consistent with terrorism,\" David Learmount, a leading British air "
         "analyst, told Fox News.", "It could be", "GBR"),
        # corpus allsides-ILcVzNTKT8q3cOWD (2019): the adjective before the name.
        ("The scheme involved the bank's major shareholders, Kolomoisky and fellow Ukrainian "
         "billionaire Gennadiy Bogolyubov. \"It is a lie,\" said Bogolyubov.", "It is a lie",
         "UKR"),
    ],
)  # fmt: skip
def test_a_nationality_in_the_description_gives_the_country(
    nlp: Any, text: str, start: str, expected: str
) -> None:
    _, quotes = _run(nlp, text, publisher="Fox News", day=dt.date(2019, 8, 1))
    assert _speaker(quotes, start)[0][:3] == expected


def test_a_country_that_modifies_a_noun_places_no_one(nlp: Any) -> None:
    # corpus allsides-oH79ezmLO8NUx9Am: "Iran" describes the deal, not where Nephew is.
    text = ("\"We can probably destroy the existing program with limited strikes,\" Richard "
            "Nephew, an architect of the Iran nuclear deal, told me last month.")  # fmt: skip
    _, quotes = _run(nlp, text, day=dt.date(2018, 6, 1))
    assert not _speaker(quotes, "We can probably")[0].startswith("IRN")


# -- 5. transcripts ----------------------------------------------------------------------------


def _corpus_text(record_id: str) -> str:
    if not _CORPUS.exists():
        pytest.skip(f"{_CORPUS} is absent (the shared corpus is not in this checkout)")
    with gzip.open(_CORPUS, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["id"] == record_id:
                return str(record["text"])
    pytest.skip(f"{record_id} is not in {_CORPUS}")


def test_a_transcripts_reporter_keeps_his_turns_and_guests_theirs(nlp: Any) -> None:
    # corpus allsides-Lcvv69hlu4J5Foc3 (NPR, 2018): "FOLKENFLIK:" continues the byline's
    # turns (MED); the guests' labels are theirs; no label speaks words quoted in a turn.
    text = _corpus_text("allsides-Lcvv69hlu4J5Foc3")
    turns = speaker_turns(text, paragraph_bounds(text))
    named = {t.name: t for t in turns if t is not None}
    assert named["David Folkenflik"].media
    assert not named["Sid Bedingfield"].media
    reporter = [t for t in turns if t is not None and t.name == "David Folkenflik"]
    assert len(reporter) >= 5  # every "FOLKENFLIK:" turn is the byline's
    assert all(t.media for t in reporter)


def test_a_host_does_not_speak_the_words_her_turn_reports(nlp: Any) -> None:
    # The labels of corpus allsides-iLQ1yqftny12APo4 (NPR): a quotation with its own cue in a
    # host's turn is the cue's subject's; the reporter's own quoted words are his (MED).
    text = ("AILSA CHANG, HOST:\n\nLet's fact-check the claims.\n\n"
            "DAVID WELNA, BYLINE: President Trump tweeted, \"Many countries owe us a "
            "tremendous amount of money.\"\n\n"
            "O'CONNELL: There is a common budget that all NATO allies pay into.\n\n"
            "WELNA: I asked whether that was \"a fair reading\" of the budget, and I said, "
            "\"It is not.\"")  # fmt: skip
    _, quotes = _run(nlp, text, publisher="NPR Online News", day=dt.date(2018, 7, 11))
    assert _speaker(quotes, "Many countries owe")[1] == "Donald Trump"
    code, name = _speaker(quotes, "It is not")
    assert name == "David Welna" and code.endswith("MED")


def test_a_retired_officer_is_a_former_official(nlp: Any) -> None:
    # corpus allsides-gD8pQJH10eKj1Xcw: "retired" before a rank, like "former" and "ex-",
    # makes a former official (ELI; ../shared/gold/README.md).
    text = ("“This would be more like trying to get rid of Allah,” retired Lt. Gen. In-Bum "
            "Chun told a London think tank audience Wednesday.")  # fmt: skip
    _, quotes = _run(nlp, text, day=dt.date(2017, 11, 2))
    assert _speaker(quotes, "This would be")[0].endswith("ELI")
