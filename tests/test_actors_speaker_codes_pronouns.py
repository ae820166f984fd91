"""Who a pronoun after a quotation is (issue 11), on sentences shortened from gold/dev2: a
clause someone reports is not the sentence's own statement, "they" after two people joined
by "and" is them, and a surname the tagger took for a number is still the person."""

from __future__ import annotations

import datetime as dt

import pytest

from tidings.actors import resolve_actors
from tidings.model import Article, Quote
from tidings.quotes import extract_quotes

pytestmark = pytest.mark.slow


def _quotes(nlp, text: str, day: dt.date) -> list[Quote]:  # type: ignore[no-untyped-def]
    article = Article(doc_id="t", title=None, body=text, publisher="Newsmax", published=day)
    doc = nlp(text)
    return extract_quotes(doc, article, resolve_actors(doc, article))


def _names(quotes: list[Quote]) -> list[str]:
    return [q.speaker.name if q.speaker else "" for q in quotes]


def test_he_said_is_the_reporter_not_the_subject_he_reports(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Former Arkansas Gov. Mike Huckabee is talking about impeachment.\n\n"
            "Huckabee said that as more reports come out, Obama and his administration "
            "\u201cwill have lost the right to govern.\u201d \u201cThis is not minor,\u201d "
            "he said.")  # fmt: skip
    quotes = _quotes(nlp, text, dt.date(2013, 5, 7))
    assert _names(quotes)[-1] == "Mike Huckabee"


def test_trailing_attribution_keeps_the_sentences_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Foreign Minister Mohammad Javad Zarif spoke in New York. Separately, Foreign "
            "Ministry spokesman Abbas Mousavi rejected what he called \u201cunreal and "
            "repetitious accusations by certain Saudi officials,\u201d state media "
            "said.")  # fmt: skip
    quotes = _quotes(nlp, text, dt.date(2019, 9, 20))
    assert _names(quotes) == ["Abbas Mousavi"]


def test_they_after_two_senators_is_the_first(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Britain and France back the plan.\n\n"
            "In a joint statement, Senators John McCain (R) of Arizona and Lindsey Graham (R) "
            "of South Carolina said, \u201cWe cannot afford to delay any longer.\u201d\n\n"
            "\u201cAssad is on the offensive with every weapon in his arsenal,\u201d they "
            "said.")  # fmt: skip
    quotes = _quotes(nlp, text, dt.date(2013, 6, 13))
    assert _names(quotes)[-1] == "John McCain"


def test_surname_tagged_as_number_still_speaks(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("The statement from Gen. Terrence J. O\u2019Shaughnessy, U.S. Pacific Air Forces "
            "commander, came after the drills.\n\n"
            "\u201cNorth Korea remains the most urgent threat to regional stability,\u201d "
            "O\u2019Shaughnessy said.")  # fmt: skip
    quotes = _quotes(nlp, text, dt.date(2017, 7, 30))
    assert quotes and quotes[-1].speaker is not None
    assert quotes[-1].speaker.name.endswith("Shaughnessy")
    assert quotes[-1].speaker.code == "USAMIL"


def test_inverted_writers_and_their_shared_description(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "\u201cNobody knows exactly what to expect from an AMLO administration,\u201d write "
        "Juan Carlos Hidalgo and Ian Vasquez, two Latin America policy experts at the "
        "libertarian Cato Institute."
    )
    quotes = _quotes(nlp, text, dt.date(2018, 7, 2))
    assert [(q.speaker.code, q.speaker.name) if q.speaker else None for q in quotes] == [
        ("USAEDU", "Juan Carlos Hidalgo")
    ]
