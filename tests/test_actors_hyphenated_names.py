"""Names NER misses after a title, including hyphenated given names with a lower-case half."""

from __future__ import annotations

import datetime as dt

import pytest

from tidings.actors import resolve_actors
from tidings.model import Article


@pytest.mark.parametrize(("sentence", "name", "code"), [
    ("South Korean Foreign Minister Min-jun Seo arrived in Tokyo.", "Min-jun Seo", "KORGOV"),
    ("Chinese Defence Minister Wei-ling Tsao spoke on Friday.", "Wei-ling Tsao", "CHNGOV"),
])  # fmt: skip
def test_actors_title_then_hyphenated_name_is_one_person(
    nlp,
    sentence: str,
    name: str,  # type: ignore[no-untyped-def]
    code: str,
) -> None:
    art = Article.from_paragraphs("h", [sentence], title=None, published=dt.date(2026, 11, 24))
    people = [m for m in resolve_actors(nlp(art.body), art) if m.actor.kind == "person"]
    assert people and people[0].actor.name == name and people[0].actor.code == code
    assert art.body[people[0].start : people[0].end].endswith(name)


def test_actors_name_does_not_run_into_a_weekday(nlp) -> None:  # type: ignore[no-untyped-def]
    art = Article.from_paragraphs(
        "h",
        ["Secretary of State Rex Tillerson Monday warned Iran."],
        title=None,
        published=dt.date(2017, 7, 10),
    )
    people = [m for m in resolve_actors(nlp(art.body), art) if m.actor.kind == "person"]
    assert people and "Monday" not in art.body[people[0].start : people[0].end]
