"""Definite descriptions resolved within the article (issue 11), on sentences shortened from
../shared/gold/dev: a bare "the president" is the president the story is about, not one a
quote mentioned in passing; with a country it is the nearest one of that country."""

from __future__ import annotations

import datetime as dt

import pytest

from actors_support import mentions

pytestmark = pytest.mark.slow


def test_actors_the_president_is_the_story_subject_not_a_quoted_one(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Iranian President Hassan Rouhani spoke on Wednesday. Rouhani said Iran would not "
            "negotiate under pressure. \u201cGermany\u2019s chancellor, Britain\u2019s prime "
            "minister and France\u2019s president were there. They all insisted on a "
            "meeting,\u201d the president said.")  # fmt: skip
    found = mentions(nlp, text, dt.date(2019, 9, 27))
    said = [m for m in found if m.text == "the president"]
    assert [m.actor.name for m in said] == ["Hassan Rouhani"]
    assert {m.actor.name for m in found if m.text == "France\u2019s president"} == {
        "Emmanuel Macron"}  # fmt: skip


def test_actors_the_country_president_is_the_nearest_of_that_country(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("President Donald Trump met Russian President Vladimir Putin in Helsinki. Trump "
            "said the talks went well. The Russian president said little.")  # fmt: skip
    found = mentions(nlp, text, dt.date(2018, 7, 16))
    assert [m.actor.name for m in found if m.text == "The Russian president"] == [
        "Vladimir Putin"]  # fmt: skip
