"""Arguments come from the sentence's structure: passive voice, coordination, nominalised
events, reported speech, quotes, and repeats merged within an article."""

from __future__ import annotations

import datetime as dt

import pytest

from events_support import code, codes, date_at, only, quote_of

pytestmark = pytest.mark.slow


def test_passive_agent_is_the_source(nlp) -> None:  # type: ignore[no-untyped-def]
    ev = only(code(nlp, "Carpania was invaded by Borduria."), "ASSAULT")
    assert codes(ev.actor) == {"BRDGOV"} and codes(ev.recipient) == {"CRP"}


def test_coordinated_subjects_meeting_is_reciprocal(nlp) -> None:  # type: ignore[no-untyped-def]
    ev = only(code(nlp, "Atlantis and Borduria met in Geneva."), "CONSULT")
    assert codes(ev.actor) == codes(ev.recipient) == {"ATLGOV", "BRDGOV"}


def test_coordinated_recipients(nlp) -> None:  # type: ignore[no-untyped-def]
    ev = only(code(nlp, "Atlantis imposed sanctions on Borduria and Carpania."), "SANCTION")
    assert codes(ev.recipient) == {"BRDGOV", "CRPGOV"}


def test_possessive_nominal_event_with_its_date(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Borduria is awaiting a reply to Lind's January invitation for Kade to attend the summit."
    )
    dates = [date_at(body, "January", "2024-01", "month")]
    ev = only(code(nlp, body, dates=dates), "REQUEST")
    assert codes(ev.actor) == {"ATLGOV"} and codes(ev.recipient) == {"BRDGOV"}
    assert ev.mode == "meet"
    assert ev.aux == "historical" and ev.date is not None and ev.date.value == "2024-01"


def test_call_between_the_two_leaders_is_the_same_event(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("President Anna Lind spoke by phone with Prime Minister Boris Kade on Friday. "
            "Friday's phone call between the two leaders lasted an hour.")  # fmt: skip
    dates = [date_at(body, "on Friday", "2024-03-15", "day"),
             DateLike := date_at(body, "Friday's", "2024-03-15", "day")]  # fmt: skip
    assert DateLike.text == "Friday's"
    consults = [e for e in code(nlp, body, dates=dates) if e.event == "CONSULT"]
    assert len(consults) == 1
    assert consults[0].mode == "phone" and consults[0].date is not None


def test_reported_event_belongs_to_the_reported_actors(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "The United Nations said that Atlantis and Borduria agreed to resume talks."
    ev = only(code(nlp, body), "AGREE")
    assert codes(ev.actor) == {"ATLGOV", "BRDGOV"}
    assert "IGO" not in codes(ev.actor)


def test_two_leaders_are_the_articles_main_people(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("President Anna Lind met Prime Minister Boris Kade. Lind praised Kade. "
            "The two leaders agreed to continue talks.")  # fmt: skip
    ev = only(code(nlp, body), "AGREE")
    assert codes(ev.actor) == codes(ev.recipient) == {"ATLGOV", "BRDGOV"}


def test_first_person_in_a_quote_is_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    body = '"I thanked Prime Minister Boris Kade for his help," Lind said.'
    quote = quote_of(body, "I thanked Prime Minister Boris Kade for his help,", "ATLGOV",
                     "Anna Lind")  # fmt: skip
    ev = only(code(nlp, body, quotes=[quote]), "SUPPORT")
    assert codes(ev.actor) == {"ATLGOV"} and codes(ev.recipient) == {"BRDGOV"}


def test_pronoun_subject_of_reported_clause_is_the_reporter(nlp) -> None:  # type: ignore[no-untyped-def]
    ev = only(code(nlp, "Borduria said it would impose sanctions on Atlantis."), "SANCTION")
    assert codes(ev.actor) == {"BRDGOV"} and ev.aux == "future"


def test_possessive_country_forces_are_its_military(nlp) -> None:  # type: ignore[no-untyped-def]
    ev = only(code(nlp, "Borduria's forces attacked Carpania."), "ASSAULT")
    assert codes(ev.actor) == {"BRDMIL"}


def test_event_records_where_it_came_from(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Nothing happened on Monday. Borduria imposed sanctions on Atlantis."
    ev = only(code(nlp, body, published=dt.date(2024, 3, 15)), "SANCTION")
    assert body[ev.sentence_start : ev.sentence_end].startswith("Borduria imposed")
    assert ev.trigger == "imposed" and ev.rule == "sanction.impose"
    assert "imposed sanctions on Atlantis" in ev.text


def test_vowed_coercion_is_a_threat(nlp) -> None:  # type: ignore[no-untyped-def]
    events = code(nlp, "Borduria vowed to impose sanctions on Atlantis.")
    ev = only(events, "THREATEN")
    assert ev.mode == "restrict" and codes(ev.recipient) == {"ATLGOV"}
    assert [e.event for e in events] == ["THREATEN"]


def test_promised_help_is_agree(nlp) -> None:  # type: ignore[no-untyped-def]
    ev = only(code(nlp, "Borduria promised to send humanitarian aid to Carpania."), "AGREE")
    assert codes(ev.actor) == {"BRDGOV"} and codes(ev.recipient) == {"CRPGOV"}
