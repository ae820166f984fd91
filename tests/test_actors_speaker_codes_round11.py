"""Speakers on unseen news, eleventh round (issue 11): people the article describes but the
actors stage left without a code, so that their quotes fell back to civilians. An apposition
gives its code to the name it follows whatever the spacing before its comma, and whether its
noun phrase runs on past an "and" or a comma between adjectives; the bodies of local
government are a state's; "former" anywhere in the description makes the person an elite of
their country (ELI), a place name of more words between "Former" and a title included; a
network's analyst with a military rank speaks as the network's; a rank the entity
recogniser left without its surname still names a person; an activist is NGO, activists are
civilians; a pronoun passes over a person of the other gender. Sentences shortened from the
corpus (../shared/corpus/allsides-10k.jsonl.gz, ids given) as drawn in the development
speaker samples (data/quotes/speaker_sample_r5.jsonl, speaker_sample_r6.jsonl)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from speaker_support import actors_and_quotes, speaker_of
from tidings.actors.agents import agent_sector
from tidings.actors.resolve import name_gender

pytestmark = pytest.mark.slow


def test_an_apposition_after_an_and_in_its_noun_phrase_codes_the_name(nlp: Any) -> None:
    # corpus allsides-OPx7xOwyEh9UQHxr (speaker_sample_r6 q087-q089: USAEDU).
    text = (
        "Ramping up this coordination is akin to “squeezing the balloon” of Islamic State "
        "finances, says Matthew Levitt, director of the counterterrorism and intelligence "
        "program at the Washington Institute for Near East Policy.\n\n"
        "And it is vital to defeating the Islamic State, he says. “Any opportunity to get "
        "this level of attention should be seized and built upon.”"
    )
    _, quotes = actors_and_quotes(nlp, text, "Christian Science Monitor", dt.date(2015, 12, 9))
    assert speaker_of(quotes, "squeezing the balloon") == ("USAEDU", "Matthew Levitt")
    assert speaker_of(quotes, "Any opportunity") == ("USAEDU", "Matthew Levitt")


def test_a_space_before_the_comma_does_not_cut_the_apposition_off(nlp: Any) -> None:
    # corpus allsides-znV3XB5KkBLQL2UA (speaker_sample_r6 q030: USAGOV).
    text = (
        "Kerry's announcement comes a day after Anne Richard , assistant secretary of state "
        "for population, refugees and migration, told National Public Radio that the move "
        'would be coming."I think that the most senior leadership at the State Department '
        'wants to bring more refugees," Richard said.'
    )
    _, quotes = actors_and_quotes(nlp, text, "Newsmax", dt.date(2015, 9, 20))
    assert speaker_of(quotes, "I think that") == ("USAGOV", "Anne Richard")


def test_an_apposition_past_a_comma_between_adjectives(nlp: Any) -> None:
    # corpus allsides-VLdIJx86ppiZwYqj (speaker_sample_r6 q037: USANGO).
    text = (
        "“My intention is to keep doing what we’re doing, but only to escalate the effort,” "
        "said David Brog, the executive director of the large, pro-Israel evangelical group "
        "Christians United for Israel."
    )
    _, quotes = actors_and_quotes(nlp, text, "New York Times - News", dt.date(2013, 2, 15))
    assert speaker_of(quotes, "My intention") == ("USANGO", "David Brog")


def test_a_clause_after_the_comma_is_no_description(nlp: Any) -> None:
    text = (
        "“We will not stop,” said Jerome Blake, tired, and walked back to the hotel with "
        "the delegation."
    )
    found, _ = actors_and_quotes(nlp, text, "USA TODAY", dt.date(2015, 6, 1))
    blake = next(m for m in found if m.text == "Jerome Blake")
    assert blake.actor.sector != "GOV"


def test_the_chair_of_a_county_board_is_local_government(nlp: Any) -> None:
    # corpus (speaker_sample_r5): "Floyd Thomas, chair of the county's Board of Supervisors".
    text = (
        "Caroline County Sheriff Tony Lippa Jr. and Floyd Thomas, chair of the county's Board "
        "of Supervisors, say they learned of the burial through the media.\n\n"
        '"It\'s become a public safety issue now," Thomas said.'
    )
    _, quotes = actors_and_quotes(nlp, text, "USA TODAY", dt.date(2013, 5, 10))
    assert speaker_of(quotes, "It's become") == ("USAGOV", "Floyd Thomas")


def test_former_anywhere_in_the_apposition_is_an_elite(nlp: Any) -> None:
    # corpus (speaker_sample_r5): Bill Richardson was coded IGO from "U.N. ambassador", and
    # "New Mexico governor" read as Mexico's.
    text = (
        'Fowle\'s release "is a slight opening in a still hostile relationship," said Bill '
        "Richardson, a former U.N. ambassador and New Mexico governor who has negotiated "
        "with North Korea over prisoner releases."
    )
    found, quotes = actors_and_quotes(nlp, text, "USA TODAY", dt.date(2014, 10, 22))
    assert speaker_of(quotes, "is a slight opening") == ("USAELI", "Bill Richardson")
    assert not any(m.actor.code.startswith("MEX") for m in found)


def test_a_former_sailor_is_no_elite(nlp: Any) -> None:
    # Written for this test: CAMEO's elites are former officials, not veterans.
    text = '"We were lied to," said Mark Smith, a former Navy sailor and construction worker.'
    found, _ = actors_and_quotes(nlp, text, "USA TODAY", dt.date(2015, 6, 1))
    smith = next(m for m in found if m.text == "Mark Smith")
    assert smith.actor.sector != "ELI"


def test_former_before_a_place_of_two_words_and_a_title(nlp: Any) -> None:
    # corpus allsides-JNpnQyLEjI9xIHQs (speaker_sample_r6 q064: USAELI).
    text = (
        "He and President Barack Obama have been accused of creating an atmosphere that "
        "critics blame for the assassination of two New York Police Department officers last "
        "month. Former New York Governor George Pataki, for example, tweeted that Holder’s "
        "“divisive anti-cop rhetoric” had contributed to the deaths."
    )
    _, quotes = actors_and_quotes(nlp, text, "Breitbart News", dt.date(2015, 1, 11))
    assert speaker_of(quotes, "divisive anti-cop") == ("USAELI", "George Pataki")


def test_a_networks_analyst_with_a_rank_speaks_for_the_network(nlp: Any) -> None:
    # corpus allsides-xXoGw5UnAJMWyxQv (speaker_sample_r6 q070: USAMED).
    text = (
        "CBS analyst Maj. Mike Lyons told a Vancouver radio station that “There’s been no "
        "specific threat on any of these malls.”"
    )
    _, quotes = actors_and_quotes(nlp, text, "International Business Times", dt.date(2015, 2, 23))
    assert speaker_of(quotes, "There’s been no") == ("USAMED", "Mike Lyons")
    text = (
        "Army Maj. Mike Lyons told a Vancouver radio station that “There’s been no specific "
        "threat on any of these malls.”"
    )
    _, quotes = actors_and_quotes(nlp, text, "International Business Times", dt.date(2015, 2, 23))
    assert speaker_of(quotes, "There’s been no")[0] == "USAMIL"


def test_a_surname_after_a_rank_the_recogniser_missed_is_a_person(nlp: Any) -> None:
    # corpus allsides-tQotKRSUCpxv2fUQ (speaker_sample_r6 q086: the page begins after the
    # article named him in full; spaCy reads "Campbell" as an organisation).
    text = (
        "The discovery of the large camp attacked in October raised questions about the "
        "American military’s ability to detect a major Qaeda stronghold in the country.\n\n"
        "General Campbell said at the time of the October raid that the camp was used by a new "
        "Qaeda offshoot."
    )
    found, _ = actors_and_quotes(nlp, text, "New York Times - News", dt.date(2015, 12, 30))
    general = [m for m in found if m.text == "General Campbell"]
    assert general and general[0].actor.sector == "MIL"
    text = "General Motors said on Monday that it would cut 4,000 jobs."
    found, _ = actors_and_quotes(nlp, text, "USA TODAY", dt.date(2019, 1, 7))
    assert not any(m.actor.kind == "person" for m in found)


def test_an_activist_is_ngo_and_activists_are_civilians() -> None:
    # speaker_sample_r6 q011 ("Christine Ahn, a Korean-American peace activist": USANGO);
    # annotated event parties (data/events/labels-T*.jsonl: "student activists" HKGCVL).
    assert agent_sector(["peace", "activist"]) == ("NGO", 1, 2)
    assert agent_sector(["student", "activists"]) == ("CVL", 1, 2)
    assert agent_sector(["opposition", "activist"])[0] == "OPP"


def test_a_name_tells_its_gender() -> None:
    assert name_gender("Matthew Levitt") == "m"
    assert name_gender("Angela Dorsey") == "f"
    assert name_gender("Ms. Berg") == "f"
    assert name_gender("Zxqv Blorp") is None
    assert name_gender("Levitt") is None  # a surname alone tells nothing


def test_she_passes_over_a_man_named_after_her(nlp: Any) -> None:
    text = (
        "Andrew Klein spoke after Angela Dorsey in Berlin on Monday. She said the move would "
        "be coming."
    )
    found, _ = actors_and_quotes(nlp, text, "USA TODAY", dt.date(2015, 6, 1))
    she = next(m for m in found if m.text == "She")
    assert she.actor.name == "Angela Dorsey"


def test_a_homeland_security_official_is_government(nlp: Any) -> None:
    # corpus (speaker_sample_r5 q044, Fox News 2013-05-09: USAGOV); Phoenix reads "security
    # official" as police.
    text = (
        "Davis and Massachusetts homeland security official Kurt Schwartz testified that their "
        "officers were not looped in on Tsarnaev until after the bombing.\n\n"
        '"At no time prior to the bombings did any member of the Massachusetts State Police '
        'have any information," Schwartz said.'
    )
    _, quotes = actors_and_quotes(nlp, text, "Fox News", dt.date(2013, 5, 9))
    assert speaker_of(quotes, "At no time") == ("USAGOV", "Kurt Schwartz")


def test_former_said_of_someone_else_is_not_the_persons(nlp: Any) -> None:
    # Written for this test, after the corpus's "a spokesman for …" descriptions.
    text = (
        '"The governor will not comment," said Jane Ortiz, a spokeswoman for former Gov. '
        "Rick Perry."
    )
    found, _ = actors_and_quotes(nlp, text, "USA TODAY", dt.date(2016, 3, 1))
    ortiz = next(m for m in found if m.text == "Jane Ortiz")
    assert ortiz.actor.sector != "ELI"
