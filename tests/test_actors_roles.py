"""Roles from the words around unknown people and bodies, on sentences written for these
tests: employers in appositions, organisations only spaCy knows, institutions named without
a country (judges, prosecutors, police), state bodies, and documents that speak."""

from __future__ import annotations

import pytest

from actors_support import mentions
from tidings.actors.orgtypes import described_sector, head_sector
from tidings.model import ActorMention

pytestmark = pytest.mark.slow


def code_of(found: list[ActorMention], surface: str) -> str:
    hits = [m for m in found if m.text == surface]
    assert hits, f"no mention {surface!r} in {[(m.text, m.actor.code) for m in found]}"
    return hits[0].actor.code


# -- organisation types -------------------------------------------------------------------
def test_actors_orgtypes_head_word_and_description() -> None:
    # A think tank is EDU since the gold conventions of 2026-12-06.
    assert head_sector(["lowy", "institute"]) == "EDU"
    assert head_sector(["ministry", "of", "health"]) == "GOV"
    assert head_sector(["massachusetts", "institute", "of", "technology"]) == "EDU"
    assert head_sector(["international", "crisis", "institute"]) is None  # gazetteer only
    assert head_sector(["acme", "widgets"]) is None
    assert described_sector(["a", "brussels", "think", "tank"]) == "EDU"
    assert described_sector(["an", "organisation", "that", "monitors", "elections"]) == "NGO"
    assert described_sector(["a", "large", "carmaker"]) == "BUS"


# -- rule 1: roles from appositions -------------------------------------------------------
def test_actors_apposition_title_at_think_tank_takes_its_sector_and_place(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Officials met in Paris. \"It is a gamble,\" said Mirela Vantongeren, senior vice "
            "president for trade policy at the Harwood Policy Fund, a Washington think "
            "tank.")  # fmt: skip
    found = mentions(nlp, text)
    assert code_of(found, "Mirela Vantongeren") == "USAEDU"
    assert code_of(found, "Harwood Policy Fund") == "USAEDU"


def test_actors_apposition_scholar_keeps_own_sector_not_field_country(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("\"Talks will drag on,\" said Tomas Quillfeather, a Russia scholar with the British "
            "Strategy Institute in London.")  # fmt: skip
    found = mentions(nlp, text)
    assert code_of(found, "Tomas Quillfeather") == "GBREDU"


def test_actors_unknown_people_without_employer_stay_uncoded(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Anna Pellworth, a keen gardener, said the weather was fine in Canada."
    assert code_of(mentions(nlp, text), "Anna Pellworth") == ""


# -- rule 2: organisations only spaCy knows ------------------------------------------------
def test_actors_unknown_organisation_described_as_monitor_is_ngo(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Web outages hit Peru on Monday. NetWatchers, an organisation that monitors "
            "internet connectivity, reported disruptions.")  # fmt: skip
    assert code_of(mentions(nlp, text), "NetWatchers") == "NGO"


def test_actors_unknown_state_organisation_needs_a_country(nlp) -> None:  # type: ignore[no-untyped-def]
    found = mentions(nlp, "The Norwegian Directorate of Fisheries issued new quotas.")
    assert any(m.actor.code == "NORGOV" and "Directorate" in m.text for m in found)
    unplaced = mentions(nlp, "The Directorate of Fisheries issued new quotas on Monday.")
    assert all(m.actor.code != "GOV" for m in unplaced)


# -- rule 3: definite descriptions and unnamed institutions -------------------------------
def test_actors_judge_takes_country_of_court_named_later(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Prosecutors in Norway dropped the case against the Canadian activist. Canada "
            "protested. Canada asked again. Canada waited.\n\nBut a judge ruled that she must "
            "stay in jail. Her hearing is due at Leeds Crown Court in Britain in May.")  # fmt: skip
    found = mentions(nlp, text)
    assert code_of(found, "a judge") == "GBRJUD"


def test_actors_prosecution_official_takes_country_of_prosecutors(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Prosecutors in Norway dropped the case against the Canadian activist. Canada "
            "protested and Canada appealed.\n\nChief Director of Public Prosecution Lars "
            "Ekrem Dahlvik signed the decision.")  # fmt: skip
    found = mentions(nlp, text)
    person = [m for m in found if "Dahlvik" in m.text]
    assert person and person[0].actor.code == "NORJUD"


def test_actors_state_body_takes_the_main_country(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Iran said its oil exports rose. Iran also said Tehran would talk. After reports "
            "of outages, a state body in charge of power grids denied any attack.")  # fmt: skip
    found = mentions(nlp, text)
    body = [m for m in found if "state body" in m.text]
    assert body and body[0].actor.code == "IRNGOV"
    assert body[0].text == "a state body in charge of power grids"


# -- rule 4: police titles and their territory --------------------------------------------
def test_actors_commander_in_police_story_is_police_of_the_territory(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Police fired tear gas in Hong Kong. Beijing condemned the unrest and China "
            "warned Britain.\n\nLam Ka-shing, the commander of Wan Chai district, said the "
            "police would stay. Hong Kong police said officers were hurt.")  # fmt: skip
    assert code_of(mentions(nlp, text), "Lam Ka-shing") == "HKGCOP"


def test_actors_commander_in_military_story_stays_military(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Russian troops shelled the town as the army advanced. Russia said soldiers "
            "held the bridge.\n\nIvan Petrakov, the commander of the eastern group, said "
            "the troops would stay.")  # fmt: skip
    assert code_of(mentions(nlp, text), "Ivan Petrakov") == "RUSMIL"


# -- documents that speak ------------------------------------------------------------------
def test_actors_document_speaks_for_its_issuing_organisation(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("The G20 communique lists shared goals. At one point, the agreement states that "
            "trade must be fair.")  # fmt: skip
    assert code_of(mentions(nlp, text), "the agreement") == "IGO"


def test_actors_document_about_a_country_is_no_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Iran agreement was signed. Critics attacked the agreement on Monday."
    assert all(m.text != "the agreement" for m in mentions(nlp, text))


def test_actors_relative_clause_and_of_name_the_employer(nlp) -> None:  # type: ignore[no-untyped-def]
    heads = mentions(nlp, "Talks failed. Mirela Vantongeren, who heads the Harwood Policy "
                          "Institute, said so.")  # fmt: skip
    assert code_of(heads, "Mirela Vantongeren") == "EDU"  # a think tank: EDU (2026-12-06)
    of = mentions(nlp, "Talks failed. \"No,\" said Mirela Vantongeren of the Harwood Policy "
                       "Institute.")  # fmt: skip
    assert code_of(of, "Mirela Vantongeren") == "EDU"


def test_actors_title_after_unknown_organisation_takes_its_code(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("NetWatchers, an organisation that monitors internet connectivity, reported cuts. "
            "NetWatchers Director Alp Tokerman said four networks fell.")  # fmt: skip
    found = mentions(nlp, text)
    assert [m.actor.code for m in found if m.text == "NetWatchers"] == ["NGO", "NGO"]
    assert code_of(found, "Director Alp Tokerman") == "NGO"


def test_actors_bare_police_take_the_country_of_named_police(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("This came after police said the protesters had to leave. China warned Britain "
            "and Beijing protested.\n\nHong Kong police fired tear gas on Monday.")  # fmt: skip
    assert code_of(mentions(nlp, text), "police") == "HKGCOP"
