"""Whom "he" and "she" may mean: a person whose known gender disagrees is passed over (the
gazetteer's people and given names, an honorific or a gendered title tell it); a person of
unknown gender stays a candidate. Sentences from the allsides corpus, shortened."""

from __future__ import annotations

from typing import Any

import pytest

from quotes_support import mention, quotes_of, speaker_names
from tidings.model import Actor, ActorMention
from tidings.quotes.speakers import person_genders, title_gender


def test_title_gender_reads_the_gazetteer_titles() -> None:
    assert title_gender("Mrs.") == "f"
    assert title_gender("Congresswoman") == "f"
    assert title_gender("Mr.") == "m"
    assert title_gender("Senator") is None


def test_person_genders_from_the_actors_stage() -> None:
    body = "Trump met Nikki Haley and Lee."
    haley = Actor("Nikki Haley", "USAGOV")
    mentions = [
        mention(body, "Trump", Actor("Donald Trump", "USAGOV"), how="surname"),
        mention(body, "Nikki Haley", haley),
        mention(body, "Lee", Actor("Lee", "USACVL"), how="surname"),
        ActorMention("she", 0, 3, haley, how="pronoun"),  # pronouns tell nothing of a name
    ]
    assert person_genders(mentions) == {"trump": {"m"}, "haley": {"f"}}


@pytest.mark.slow
def test_she_passes_over_the_man_who_was_the_last_subject(nlp: Any) -> None:
    # speaker_sample_r6 allsides-AGHVR8laYgEZCBZy: "she told reporters" is Haley, not Trump
    paragraphs = (
        "Nikki Haley, the ambassador to the U.N., previewed the president's upcoming speech "
        "on Friday.",
        "Trump will take the podium in New York on Tuesday.",
        "“I personally think he slaps the right people, he hugs the right people,” she told "
        "reporters at a White House press briefing.",
    )
    body = "\n\n".join(paragraphs)
    mentions = [  # as the actors stage gives them
        mention(body, "Nikki Haley", Actor("Nikki Haley", "USAGOV")),
        mention(body, "Trump", Actor("Donald Trump", "USAGOV"), how="surname"),
    ]
    quotes = quotes_of(nlp, *paragraphs, mentions=mentions)
    assert speaker_names(quotes) == ["Nikki Haley"]


@pytest.mark.slow
def test_he_passes_over_a_woman_named_by_her_honorific(nlp: Any) -> None:
    # allsides corpus, shortened: "Mrs." tells the gender of a name the gazetteer lacks
    quotes = quotes_of(
        nlp,
        "Robert Menendez, the Democratic senator, criticised the plan on Monday.",
        "Mrs. Kowalczyk defended it at a hearing on Tuesday.",
        "“This is a plan that will cost jobs,” he said.",
    )
    assert speaker_names(quotes) == ["Robert Menendez"]


@pytest.mark.slow
def test_unknown_gender_never_disqualifies(nlp: Any) -> None:
    # gold/dev2 allsides-FQXR8iqRFHqBvcjl: nothing tells Amato DeLuca's gender, so "she"
    # may still mean the lawyer (as before), not whoever was named earlier
    quotes = quotes_of(
        nlp,
        "Federal investigators also want to speak with the widow of the elder brother, "
        "Tamerlan, according to her attorney.",
        "Lawyer Amato DeLuca told The Associated Press that the widow did not speak with them.",
        "“We're deciding what we want to do and how we want to approach this,” she said.",
    )
    assert [name and name.endswith("Amato DeLuca") for name in speaker_names(quotes)] == [True]


@pytest.mark.slow
def test_she_reaches_a_woman_the_recogniser_missed(nlp: Any) -> None:
    # speaker_sample_r6 allsides-AGHVR8laYgEZCBZy: the page's link text runs Haley's name
    # into others, and the recogniser takes it for a body; the actors stage names her
    paragraphs = (
        "President Trump will face high stakes when he makes his debut at the United Nations.",
        "Nikki Haley Nimrata (Nikki) HaleyHaley seeks to quell talk she could replace Pence "
        "Steve Schmidt: 'Overwhelming chance that Trump will dump Pence' for Haley Nikki "
        "Haley: Trump 'truthful' in 'every instance that I dealt with him' MORE, the "
        "ambassador to the U.N., previewed the president's upcoming speech on Friday, casting "
        "it as an opportunity for Trump to project strength.",
        "“I personally think he slaps the right people,” she told reporters.",
    )
    body = "\n\n".join(paragraphs)
    haley = Actor("Nikki Haley", "USAGOV")
    trump = Actor("Donald Trump", "USAGOV")
    mentions = [
        mention(body, "President Trump", trump),
        mention(body, "Nikki Haley", haley),
        mention(body, "Trump", trump, nth=1, how="surname"),
        mention(body, "Nikki Haley", haley, nth=1),
        mention(body, "Trump", trump, nth=2, how="surname"),
        mention(body, "Trump", trump, nth=3, how="surname"),
    ]
    quotes = quotes_of(nlp, *paragraphs, mentions=mentions)
    assert speaker_names(quotes) == ["Nikki Haley"]
