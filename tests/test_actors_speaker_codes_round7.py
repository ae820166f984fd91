"""Speakers on unseen news, seventh round (issue 11): named people whose code fell back to
the article's country and CVL because tidings did not read what the article says of them.
Candidates who held a state office are former officials (ELI) while they run, sitting
legislators stay LEG; company officers are BUS; U.S. agencies, party committees and
advocacy groups are known bodies; "who ran/heads <body>" clauses and "<Name> of <unplaced
body>" code the person; a former office without a country is ELI of the story's country;
"NBC News' David Gregory"; an agent noun the parser leaves beside the name ("moderator
Chuck Todd", "the Fox News host Bill Hemmer"); a candidate "for" a body is not of it.
Sentences shortened from the corpus (../shared/corpus/allsides-10k.jsonl.gz, ids given)."""

from __future__ import annotations

import datetime as dt
from functools import partial

import pytest

from speaker_support import actors_and_quotes, speaker_of
from tidings.actors.gazetteer import Office, Person, load_gazetteer

_run = partial(actors_and_quotes, publisher="USA TODAY")
_speaker = speaker_of


def _code_on(name: str, day: dt.date) -> str:
    gaz = load_gazetteer()
    person = next(p for p in gaz.people if p.name == name)
    return person.actor_on(day, gaz.countries).code


# -- the gazetteer's dated offices ----------------------------------------------------------


def test_a_candidate_who_held_office_is_a_former_official() -> None:
    # ../shared/gold/README.md: a person is coded by the office held on the date, a former
    # official is ELI; a candidacy is no office, the past office makes them former officials.
    assert _code_on("Joe Biden", dt.date(2019, 9, 1)) == "USAELI"
    assert _code_on("Hillary Clinton", dt.date(2016, 3, 1)) == "USAELI"
    # Never in office before: the party's candidate.
    assert _code_on("Donald Trump", dt.date(2016, 3, 1)) == "USAPOL"


def test_a_sitting_legislator_who_runs_stays_a_legislator() -> None:
    gaz = load_gazetteer()
    senator = Person("A Senator", "f", [
        Office("USALEG", "U.S. Senator", dt.date(2013, 1, 3), None),
        Office("USAPOL", "Democratic presidential candidate", dt.date(2019, 2, 1),
               dt.date(2020, 3, 1)),
    ])  # fmt: skip
    assert senator.actor_on(dt.date(2019, 9, 1), gaz.countries).code == "USALEG"


# -- speakers in articles -------------------------------------------------------------------


@pytest.mark.slow
def test_agencies_and_party_committees_code_their_staff(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus allsides-pnoTTSQDYEdlrIP5 (TheBlaze.com, 2019) and allsides-bFhqawrBKWxL7kuo
    # (Townhall, 2018).
    text = ("“For over a century, the public charge ground of inadmissibility has been part of "
            "our nation's immigration laws,” USCIS acting Director Ken Cuccinelli said in a "
            "statement.")  # fmt: skip
    _, quotes = _run(nlp, text, publisher="TheBlaze.com", day=dt.date(2019, 8, 12))
    assert _speaker(quotes, "For over a century")[0] == "USAGOV"
    text = ("“We have to draw the line that we are indeed a party of a big tent,” said DNC "
            "Chairman Tom Perez on Friday night.")  # fmt: skip
    _, quotes = _run(nlp, text, publisher="Townhall", day=dt.date(2018, 8, 11))
    assert _speaker(quotes, "We have to draw")[0] == "USAPOL"


@pytest.mark.slow
def test_company_officers_are_business(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus allsides-Ks2EtGKiSbEyKJX9 (USA TODAY, 2017).
    text = ("“Nor could I support it without knowing how much it will cost,” McCain said in "
            "a statement at the time.\n\n"
            "Starbucks Executive Chairman Howard Schultz noted that it is “much harder to "
            "follow in the footsteps of great men.”")  # fmt: skip
    _, quotes = _run(nlp, text, day=dt.date(2017, 10, 16))
    assert _speaker(quotes, "much harder")[0] == "USABUS"


@pytest.mark.slow
def test_relative_clauses_that_name_the_body_a_person_leads(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus allsides-L24EVWC0f35Z4muT (Washington Times, 2018): a body placed by its own
    # description; allsides-SCE8TJCqY1Id0ctY (Fox News, 2016): a kind of body, no name.
    text = ("“This is a very important moment,” said Paul Haenle, who heads the "
            "Beijing-based Carnegie-Tsinghua Center for Global Policy.")  # fmt: skip
    _, quotes = _run(nlp, text, publisher="Washington Times", day=dt.date(2018, 4, 27))
    assert _speaker(quotes, "This is a very")[0] == "CHNEDU"
    text = ("“He was a man of faith,” said Derek Penwell, who leads a Christian church in "
            "Louisville.")  # fmt: skip
    _, quotes = _run(nlp, text, publisher="Fox Online News", day=dt.date(2016, 6, 6))
    assert _speaker(quotes, "He was a man")[0] == "USAREL"


@pytest.mark.slow
def test_an_unplaced_body_after_of_takes_the_outlets_country(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus allsides-103Ve5NqKAkFCkxm (Politico, 2014) and allsides-KiDZm2skL6IhbInd (CNN,
    # 2015).
    text = ("Data discrepancies would be more easily identified, said Larry Levitt of the "
            "Kaiser Family Foundation. “It is a black box,” Levitt said.")  # fmt: skip
    _, quotes = _run(nlp, text, publisher="Politico", day=dt.date(2014, 11, 22))
    assert _speaker(quotes, "It is a black box")[0] == "USANGO"
    text = ("“The nuclear flaw in this agreement is the fact that we will not be able to go "
            "anywhere, go anytime,” said Mark Dubowitz of the Foundation for the Defense of "
            "Democracies.")  # fmt: skip
    _, quotes = _run(nlp, text, publisher="CNN (Web News)", day=dt.date(2015, 4, 2))
    assert _speaker(quotes, "The nuclear flaw")[0] == "USAEDU"


@pytest.mark.slow
def test_former_offices_and_outlets_before_the_name(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus allsides-LwcBpgetVYOvzwDb (Fox News, 2012).
    text = ("Former Bush spokesman Ari Fleischer tweeted, “The contrast between cool Ryan and "
            "overbearing Biden really hurts Biden.”\n\n“Biden's smile is out of control,” "
            "NBC News' David Gregory tweeted.")  # fmt: skip
    _, quotes = _run(nlp, text, publisher="Fox News", day=dt.date(2012, 10, 11))
    assert _speaker(quotes, "The contrast") == ("USAELI", "Ari Fleischer")
    assert _speaker(quotes, "Biden's smile") == ("USAMED", "David Gregory")


@pytest.mark.slow
def test_agent_nouns_the_parser_leaves_beside_the_name(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus allsides-YoedGUxawD9wOIcC (Politico, 2016) and allsides-3HuJ287WDLgXTt38
    # (Business Insider, 2020).
    text = ("“Do you think you're going to win the Democratic nomination?” moderator Chuck "
            "Todd asked the Vermont senator.")  # fmt: skip
    found, _ = _run(nlp, text, publisher="Politico", day=dt.date(2016, 4, 24))
    assert {m.actor.code for m in found if m.text == "Chuck Todd"} == {"USAMED"}
    text = ("The Fox News host Bill Hemmer responded that it “would be a great American "
            "resurrection.”")  # fmt: skip
    _, quotes = _run(nlp, text, publisher="Business Insider", day=dt.date(2020, 3, 24))
    assert _speaker(quotes, "would be a great")[0] == "USAMED"


@pytest.mark.slow
def test_a_candidate_for_an_office_is_of_no_office(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus allsides-vpAL2jyRzfCQS9AR (Vox, 2018).
    text = ("Alec Ross, currently a candidate for governor of Maryland, talked on the phone. "
            "“Innovation is a political choice,” Ross said.")  # fmt: skip
    _, quotes = _run(nlp, text, publisher="Vox", day=dt.date(2018, 6, 8))
    assert _speaker(quotes, "Innovation is")[0] == "USAPOL"


@pytest.mark.slow
def test_an_apposition_introduces_its_own_name_only(nlp) -> None:  # type: ignore[no-untyped-def]
    # Written for this test: a named person's apposition is not the description of the next
    # person named, even when that one has none of their own in reach.
    text = ("“It is illegal,” said Hanan Ashrawi, a senior Palestinian official. “We are "
            "closed today,” said Christina Higgs.")  # fmt: skip
    _, quotes = _run(nlp, text, publisher="Reuters", day=dt.date(2019, 6, 16))
    assert _speaker(quotes, "It is illegal")[0] == "PSEGOV"
    assert _speaker(quotes, "We are closed")[0] != "PSEGOV"
