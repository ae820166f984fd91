"""The TABARI/PETRARCH actor dictionary reader, on a small dictionary written for this test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tidings.actors import load_dictionary, parse_dictionary, resolve_actors
from tidings.errors import ConfigError
from tidings.model import Article

# A dictionary in the PETRARCH/TABARI format, invented for the test (the people are not real).
SAMPLE = """\
# tidings test dictionary: fictional actors
<!-- a block comment
     over two lines -->
MARTA_KOVALENKO_  [ZZZGOV 20150101-20191231] [ZZZOPP >20200101]  ; in-line TABARI dates
+PRESIDENT_KOVALENKO_
+M._KOVALENKO_
OSKAR_BRANDT_  [DEUBUS]  # a default code only
+BRANDT_INDUSTRIES_
NORTHERN_LEAGUE_OF_CITIES_
	[IGO <20101231]
	[NGO 20110101-20201231]
	[IGO]
ELENA_VOSS_ [FRAGOV]
+ELENA_VOSS-MARTIN_
	[FRALEG <130615]

---STOP---
IGNORED_AFTER_STOP_ [USAGOV]
"""


def test_actors_dictionary_reads_records_synonyms_and_comments() -> None:
    book = parse_dictionary(SAMPLE, source="sample")
    names = [a.name for a in book.actors]
    assert names == ["Marta Kovalenko", "Oskar Brandt", "Northern League Of Cities", "Elena Voss"]
    marta = book.actors[0]
    assert marta.phrases == ["MARTA KOVALENKO", "PRESIDENT KOVALENKO", "M. KOVALENKO"]
    assert "IGNORED AFTER STOP" not in {p for a in book.actors for p in a.phrases}


def test_actors_dictionary_dates_pick_the_code() -> None:
    book = parse_dictionary(SAMPLE)
    marta, oskar, league, elena = book.actors
    assert marta.code_on(dt.date(2017, 6, 1)) == "ZZZGOV"
    assert marta.code_on(dt.date(2021, 6, 1)) == "ZZZOPP"
    assert marta.code_on(dt.date(2010, 6, 1)) is None  # no default code
    assert oskar.code_on(dt.date(2001, 1, 1)) == "DEUBUS"
    assert league.code_on(dt.date(2009, 1, 1)) == "IGO"
    assert league.code_on(dt.date(2015, 1, 1)) == "NGO"
    assert league.code_on(dt.date(2022, 1, 1)) == "IGO"  # [IGO] is the default
    assert elena.code_on(dt.date(2012, 1, 1)) == "FRALEG"  # YYMMDD date, 13 → 2013
    assert elena.code_on(dt.date(2014, 1, 1)) == "FRAGOV"


def test_actors_dictionary_bad_date_names_the_line() -> None:
    with pytest.raises(ConfigError, match="line 1"):
        parse_dictionary("SOMEONE_ [USAGOV 2019XX01-20200101]", source="bad.actors")


def test_actors_dictionary_missing_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_dictionary(tmp_path / "absent.actors")


@pytest.mark.slow
def test_actors_dictionary_entries_outrank_the_gazetteer(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "user.actors"
    path.write_text(SAMPLE + "\n", encoding="utf-8")
    book = load_dictionary(path)
    # The user recodes a country the gazetteer knows, and adds a person it does not.
    book.actors.append(parse_dictionary("SERBIA_ [SRBXXX]").actors[0])
    book.build_index()
    text = "President Kovalenko met Oskar Brandt in Serbia on Monday."
    article = Article(doc_id="t", title=None, body=text, published=dt.date(2018, 3, 1))
    found = {m.text: m for m in resolve_actors(nlp(text), article, book)}
    assert found["President Kovalenko"].actor.code == "ZZZGOV"
    assert found["President Kovalenko"].how == "dictionary"
    assert found["Oskar Brandt"].actor.code == "DEUBUS"
    assert found["Serbia"].actor.code == "SRBXXX"
    later = Article(doc_id="t", title=None, body=text, published=dt.date(2022, 3, 1))
    again = {m.text: m for m in resolve_actors(nlp(text), later, book)}
    assert again["President Kovalenko"].actor.code == "ZZZOPP"
