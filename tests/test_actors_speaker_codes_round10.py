"""Speakers on unseen news, tenth round (issue 11): the right person with the wrong sector,
the right code with another name. A plural description after people joined by "and" ("Sens.
John McCain and Lindsey Graham … the senators said") is them, not a group of that name; a
party's leader is of the party's sector ("Labour leader Ed Miliband" is GBRPOL, not GOV); an
organisation whose name ends in "Group" is a firm ("the Asia Group", "the Teal Group": BUS),
while a bare "the group" stays the body named before. Sentences shortened from the corpus
(../shared/corpus/allsides-10k.jsonl.gz, ids given), gold/dev2 and the first two quote
samples (data/quotes/speaker_sample.jsonl, speaker_sample_r5.jsonl)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from speaker_support import actors_and_quotes, speaker_of

pytestmark = pytest.mark.slow


def test_the_senators_after_two_named_senators_are_them(nlp: Any) -> None:
    # corpus allsides-GZmyDTgpf6yzRw0k (speaker_sample q024: John McCain, USALEG).
    text = (
        "Sens. John McCain and Lindsey Graham, both Republicans, complained recently that "
        "more was not done to bolster security.\n\n"
        '"Despite ample warning signs that the impending attack was coming, adequate '
        'preparations were not made," the senators said in a joint statement released '
        "last week."
    )
    _, quotes = actors_and_quotes(nlp, text, "Fox News", dt.date(2012, 10, 24))
    code, name = speaker_of(quotes, "Despite ample")
    assert (code, name) == ("USALEG", "John McCain")


def test_a_plural_description_of_other_people_stays_theirs(nlp: Any) -> None:
    text = (
        "Sens. John McCain and Lindsey Graham visited Cairo on Monday.\n\n"
        '"We want our votes back," the protesters said outside the hotel.'
    )
    _, quotes = actors_and_quotes(nlp, text, "Fox News", dt.date(2013, 8, 19))
    _, name = speaker_of(quotes, "We want our votes back")
    assert "McCain" not in name


def test_a_party_leader_is_of_the_party(nlp: Any) -> None:
    # gold/dev2 FoTU4NyzrkEq84gg (corpus allsides-FoTU4NyzrkEq84gg): GBRPOL.
    text = (
        "Labour leader Ed Miliband said Thursday he is unwilling to give Prime Minister "
        'David Cameron a "blank check" for conducting possible future military operations '
        "against Syria."
    )
    found, quotes = actors_and_quotes(nlp, text, "Christian Science Monitor", dt.date(2013, 8, 29))
    assert speaker_of(quotes, "blank check") == ("GBRPOL", "Ed Miliband")
    assert any(m.actor.name == "David Cameron" and m.actor.code == "GBRGOV" for m in found)


def test_a_body_named_group_is_a_firm(nlp: Any) -> None:
    # gold/dev2 5ABkYp8JSpGfqwWn (corpus allsides-5ABkYp8JSpGfqwWn): USABUS.
    text = (
        "They have also been targeted by his trade actions, said Siddharth Mohandas, a "
        "former adviser to ex-Secretary of State John Kerry who's now director of research "
        "at the Asia Group in Washington.\n\n"
        '"What you are seeing is a contest of narratives between the Chinese government and '
        'the American government," Mohandas said.'
    )
    _, quotes = actors_and_quotes(nlp, text, "Bloomberg", dt.date(2018, 4, 4))
    assert speaker_of(quotes, "What you are seeing") == ("USABUS", "Siddharth Mohandas")
    # corpus allsides-gUXo0wC8UcV99v9p (speaker_sample_r5 q088: USABUS).
    text = (
        "Richard Aboulafia, an aviation analyst and vice president of the Teal Group, said "
        "the shortage stemmed from a number of issues.\n\n"
        '"One is competition from commercial airlines," Aboulafia said.'
    )
    _, quotes = actors_and_quotes(nlp, text, "USA TODAY", dt.date(2017, 10, 20))
    assert speaker_of(quotes, "One is competition") == ("USABUS", "Richard Aboulafia")


def test_a_bare_group_is_not_a_firm(nlp: Any) -> None:
    # corpus (speaker_sample q026: the Civil Human Rights Front, HKGNGO), shortened.
    text = (
        "The Civil Human Rights Front organised the march in Hong Kong on Sunday.\n\n"
        '"The government must listen to the people," the group said in a statement.'
    )
    _, quotes = actors_and_quotes(nlp, text, "Reuters", dt.date(2019, 6, 16))
    code, _ = speaker_of(quotes, "The government must listen")
    assert not code.endswith("BUS")


def test_bloomberg_writes_for_americans(nlp: Any) -> None:
    # corpus allsides-UEZCNMggqaVlC1mK (speaker_sample q035: USANGO), published by Bloomberg.
    text = (
        "The group says the summit reinforces a negative stereotype.\n\n"
        "“This whole day is focused on American Muslims, frankly,” Farhana Khera, the "
        "group’s executive director, said in a telephone interview."
    )
    _, quotes = actors_and_quotes(nlp, text, "Bloomberg", dt.date(2015, 2, 18))
    assert speaker_of(quotes, "This whole day") == ("USANGO", "Farhana Khera")


def test_a_proposed_measure_speaks_for_who_proposed_it(nlp: Any) -> None:
    # corpus allsides-zXTgDxRhwQ24zQob (speaker_sample_r5 q031: Obama, USAGOV).
    text = (
        "“It is not the authorization of another ground war, like Afghanistan or Iraq,” "
        "Mr. Obama said in remarks from the White House.\n\n"
        "At the same time, he left himself some room to refine his past pledge against "
        "putting “boots on the ground.” The proposed measure would rule out “enduring "
        "offensive ground combat operations.”"
    )
    _, quotes = actors_and_quotes(nlp, text, "New York Times - News", dt.date(2015, 2, 12))
    code, name = speaker_of(quotes, "enduring offensive")
    assert code == "USAGOV" and name.endswith("Obama")


def test_a_video_speaks_for_who_released_it(nlp: Any) -> None:
    # corpus allsides-ZnU0mjC9zzm3e78w (speaker_sample_r5 q004: Donald J. Trump, USAGOV).
    text = (
        "President Trump retweeted contradictory statements by Nadler over the years.\n\n"
        "After Barr released the report Thursday, Trump took a presidential victory lap on "
        'Twitter, declaring "game over."\n\n'
        "He released videos designed to tell the mainstream media - he told them so. "
        '"No collusion, there is absolutely no collusion," one video says.'
    )
    _, quotes = actors_and_quotes(nlp, text, "Fox News", dt.date(2019, 4, 19))
    assert speaker_of(quotes, "No collusion") == ("USAGOV", "Donald Trump")


def test_a_relative_named_by_given_name_has_the_family_name(nlp: Any) -> None:
    # corpus allsides-T8aPagHFR9LmevWW (speaker_sample q094: Diane Foley, USACVL).
    text = (
        "ABC News quoted Foley's mother and brother as saying a military officer had told "
        "them several times that they could be charged.\n\n"
        "Foley's mother Diane told ABC News they were told several times of the possibility "
        'of charges if a ransom were paid. "We took it as a threat and it was appalling," '
        "she said."
    )
    _, quotes = actors_and_quotes(nlp, text, "Newsmax", dt.date(2014, 9, 12))
    assert speaker_of(quotes, "We took it") == ("USACVL", "Diane Foley")


def test_the_founder_of_an_unknown_brand_is_in_business(nlp: Any) -> None:
    # gold/dev2 YSgkWThdSlkaxjuN (corpus allsides-YSgkWThdSlkaxjuN): Erik Prince, USABUS.
    text = (
        "Special counsel Robert Mueller has acquired the communications of Trump ally and "
        'Blackwater founder Erik Prince, who acknowledged that he "cooperated" in the '
        "Russian probe, according to a report."
    )
    _, quotes = actors_and_quotes(nlp, text, "New York Post", dt.date(2018, 6, 25))
    assert speaker_of(quotes, "cooperated") == ("USABUS", "Erik Prince")
