"""Actor resolution on sentences written for these tests: dated offices, diacritics,
metonyms, title-coded unknown people, surnames, pronouns and plural mentions."""

from __future__ import annotations

import datetime as dt

import pytest

from tidings.actors import actor_at, resolve_actors
from tidings.model import ActorMention, Article

pytestmark = pytest.mark.slow


def mentions(nlp, text: str, day: str = "2024-10-20") -> list[ActorMention]:  # type: ignore[no-untyped-def]
    article = Article(doc_id="t", title=None, body=text, published=dt.date.fromisoformat(day))
    found = resolve_actors(nlp(text), article)
    for m in found:  # offsets are exact body offsets
        assert text[m.start : m.end] == m.text
    return found


def code_of(found: list[ActorMention], surface: str) -> str:
    hits = [m for m in found if m.text == surface]
    assert hits, f"no mention {surface!r} in {[m.text for m in found]}"
    return hits[0].actor.code


def test_actors_same_name_different_date_gives_different_role(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Dmitry Medvedev spoke to reporters in the capital."
    in_2010 = mentions(nlp, text, "2010-05-01")
    in_2015 = mentions(nlp, text, "2015-05-01")
    assert in_2010[0].actor.role == "President of Russia"
    assert in_2015[0].actor.role == "Prime Minister of Russia"
    assert in_2010[0].actor.code == in_2015[0].actor.code == "RUSGOV"


def test_actors_person_out_of_office_is_elite(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Barack Obama gave a speech in Chicago."
    assert code_of(mentions(nlp, text, "2014-01-10"), "Barack Obama") == "USAGOV"
    later = mentions(nlp, text, "2019-01-10")
    assert code_of(later, "Barack Obama") == "USAELI"
    assert later[0].actor.role == "former President of the United States"


def test_actors_person_changes_sector_with_office(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Keir Starmer criticised the plan on Tuesday."
    assert code_of(mentions(nlp, text, "2022-03-01"), "Keir Starmer") == "GBROPP"
    assert code_of(mentions(nlp, text, "2025-03-01"), "Keir Starmer") == "GBRGOV"


def test_actors_names_match_with_and_without_diacritics(nlp) -> None:  # type: ignore[no-untyped-def]
    plain = mentions(nlp, "Aleksandar Vucic arrived in Paris.")
    marked = mentions(nlp, "Aleksandar Vučić arrived in Paris.")
    assert plain[0].actor == marked[0].actor
    assert marked[0].actor.name == "Aleksandar Vucic" and marked[0].actor.code == "SRBGOV"


def test_actors_metonyms_and_seats_of_power(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Kremlin rejected the offer, while Washington waited. The White House said the "
        "Pentagon and the State Department would study it; Downing Street agreed and Kyiv "
        "was silent."
    )
    found = mentions(nlp, text)
    assert code_of(found, "The Kremlin") == "RUSGOV"
    assert code_of(found, "Washington") == "USA"
    assert code_of(found, "The White House") == "USAGOV"
    assert code_of(found, "the Pentagon") == "USAMIL"
    assert code_of(found, "the State Department") == "USAGOV"
    assert code_of(found, "Downing Street") == "GBRGOV"
    assert code_of(found, "Kyiv") == "UKR"


def test_actors_countries_organisations_and_demonyms(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Serbia wants to join the EU but keeps ties with Russia, BRICS and Chinese banks."
    found = mentions(nlp, text)
    assert code_of(found, "Serbia") == "SRB"
    assert code_of(found, "the EU") == "EUR"
    assert code_of(found, "Russia") == "RUS"
    assert code_of(found, "BRICS") == "IGO"
    assert code_of(found, "Chinese banks") == "CHNBUS"


@pytest.mark.parametrize(
    ("text", "surface", "code"),
    [
        ("Serbian President Ivo Markovic said no.", "Serbian President Ivo Markovic", "SRBGOV"),
        ("Iran's foreign minister flew to Oman.", "Iran's foreign minister", "IRNGOV"),
        ("A U.S. State Department spokeswoman declined to comment.",
         "A U.S. State Department spokeswoman", "USAGOV"),
        ("Russian troops crossed the river.", "Russian troops", "RUSMIL"),
        ("Chinese lawmakers passed the bill.", "Chinese lawmakers", "CHNLEG"),
        ("Rebels attacked the convoy at dawn.", "Rebels", "REB"),
        ("The opposition leader was arrested.", "The opposition leader", "OPP"),
        ("Democrats and Republicans argued all night.", "Democrats", "USAPOL"),
        ("Democrats and Republicans argued all night.", "Republicans", "USAPOL"),
        ("Congress passed the bill.", "Congress", "USALEG"),
        ("The Supreme Court heard the case.", "The Supreme Court", "USAJUD"),
    ],
)  # fmt: skip
def test_actors_unknown_people_and_groups_coded_from_titles(nlp, text: str, surface: str,  # type: ignore[no-untyped-def]
                                                           code: str) -> None:  # fmt: skip
    assert code_of(mentions(nlp, text), surface) == code


def test_actors_title_without_name_finds_the_office_holder(nlp) -> None:  # type: ignore[no-untyped-def]
    found = mentions(nlp, "Iran's foreign minister flew to Oman.", "2019-06-01")
    assert found[0].actor.name == "Mohammad Javad Zarif"


def test_actors_surname_and_honorific_after_full_mention(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Finance Minister Petra Lindqvist of Sweden met bankers. Lindqvist said rates "
        "would rise. Later Ms. Lindqvist left. Russian President Vladimir Putin called, "
        "and Mr. Putin spoke for an hour."
    )
    found = mentions(nlp, text)
    petra = [m for m in found if m.actor.name == "Petra Lindqvist"]
    assert [m.how for m in petra][:1] == ["title"]
    assert any(m.text == "Lindqvist" and m.how == "surname" for m in petra)
    assert code_of(found, "Mr. Putin") == "RUSGOV"


def test_actors_pronouns_and_descriptions_resolve_within_the_article(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Serbian President Aleksandar Vucic spoke with Russian President Vladimir Putin on "
        "Sunday. He said the call was friendly. The Russian president thanked him. "
        "The two leaders agreed to meet."
    )
    found = mentions(nlp, text)
    he = next(m for m in found if m.text == "He")
    assert he.actor.name == "Aleksandar Vucic"
    described = next(m for m in found if m.text == "The Russian president")
    assert described.actor.name == "Vladimir Putin"
    plural = [m for m in found if m.text == "The two leaders"]
    assert {m.actor.name for m in plural} == {"Aleksandar Vucic", "Vladimir Putin"}
    assert all(m.how == "plural" for m in plural)


def test_actors_she_skips_male_antecedents(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Angela Merkel met Emmanuel Macron in Berlin. She said the talks went well."
    found = mentions(nlp, text, "2019-03-01")
    she = next(m for m in found if m.text == "She")
    assert she.actor.name == "Angela Merkel"


def test_actors_actor_at_finds_the_covering_mention(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Kremlin said Russian President Vladimir Putin would attend."
    found = mentions(nlp, text)
    start = text.index("Vladimir")
    actor = actor_at(found, start, start + len("Vladimir Putin"))
    assert actor is not None and actor.name == "Vladimir Putin"
    kremlin = actor_at(found, 4, 11)
    assert kremlin is not None and kremlin.code == "RUSGOV"
    assert actor_at(found, text.index("would"), len(text)) is None


def test_actors_mentions_of_one_actor_do_not_overlap(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "U.S. Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi. "
        "Blinken said Wang was frank; the two men will meet again."
    )
    found = mentions(nlp, text, "2023-10-01")
    by_actor: dict[str, list[ActorMention]] = {}
    for m in found:
        if m.how != "plural":
            by_actor.setdefault(m.actor.name, []).append(m)
    for spans in by_actor.values():
        for a, b in zip(spans, spans[1:], strict=False):
            assert a.end <= b.start
    assert code_of(found, "Wang") == "CHNGOV"


def test_actors_brussels_is_the_eu_only_in_eu_context(nlp) -> None:  # type: ignore[no-untyped-def]
    eu = mentions(nlp, "The European Union fined the firm, and Brussels warned of more.")
    assert code_of(eu, "Brussels") == "EUR"
    city = mentions(nlp, "A festival in Brussels drew large crowds on Sunday.")
    assert code_of(city, "Brussels") == "BEL"
    police = mentions(nlp, "Police in Brussels closed the square after the match.")
    assert code_of(police, "Police in Brussels") == "BELCOP"


def test_actors_leader_descriptions_and_office_holders(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Vladimir Putin hosted talks. The Russian leader said little. Germany's chancellor came."
    found = mentions(nlp, text, "2019-05-01")
    assert next(m for m in found if m.text == "The Russian leader").actor.name == "Vladimir Putin"
    chancellor = next(m for m in found if m.text == "Germany's chancellor").actor
    assert (chancellor.name, chancellor.code) == ("Angela Merkel", "DEUGOV")
    # No one in the gazetteer held the office then: the title still codes the actor.
    early = mentions(nlp, "Nauru's foreign minister arrived on Friday.", "2015-05-01")
    assert (early[0].actor.code, early[0].actor.name) == ("NRUGOV", "Foreign Minister of Nauru")
