"""Who "it", "he also" and a passive cue point to. Sentences from the allsides corpus
(../shared/corpus), shortened where needed."""

from __future__ import annotations

from typing import Any

import pytest

from quotes_support import article_of, mention, quotes_of, speaker_names
from tidings.model import Actor

pytestmark = pytest.mark.slow


def test_it_said_is_the_news_agency_not_its_country(nlp: Any) -> None:
    quotes = quotes_of(
        nlp,
        "North Korea's state news agency said the launch was a success. It said the test "
        'was "a stern warning to the warmongers."',
    )
    assert speaker_names(quotes) == ["North Korea's state news agency"]


def test_it_said_after_a_bare_description_goes_back_to_the_name(nlp: Any) -> None:
    # gold dev allsides-ur20GwkfccZ6xGiD: "the group" is NetBlocks
    quotes = quotes_of(
        nlp,
        "NetBlocks, an organisation that monitors internet connectivity, earlier reported "
        "disruptions to some internet services in Iran.",
        "The group said the impact was limited. “Data are consistent with a cyber-attack,” it "
        "said in a tweet.",
    )
    assert speaker_names(quotes) == ["NetBlocks"]


def test_passive_cue_is_not_the_speakers_verb(nlp: Any) -> None:
    # allsides-XHMHK5DI6Ha4C193
    quotes = quotes_of(
        nlp,
        "Bild reported that his training was interrupted. The German tabloid reported that "
        "Lubitz may even have undergone treatment.",
        'It said the "episode" was noted on his medical records held by the aviation authorities.',
    )
    assert [q.cue for q in quotes] == ["said"]
    assert speaker_names(quotes) == ["German tabloid"]


def test_he_also_said_is_the_last_speaker(nlp: Any) -> None:
    quotes = quotes_of(
        nlp,
        "Iranian foreign ministry spokesman Abbas Mousavi said Iran would respond. "
        "Secretary of State Mike Pompeo met Benjamin Netanyahu in Jerusalem on Monday. He "
        'also said Iran\'s leaders were "lying to their people."',
    )
    assert speaker_names(quotes) == ["Abbas Mousavi"]


def test_he_said_without_also_is_the_last_subject(nlp: Any) -> None:
    quotes = quotes_of(
        nlp,
        "Iranian foreign ministry spokesman Abbas Mousavi said Iran would respond. "
        "Secretary of State Mike Pompeo met Benjamin Netanyahu in Jerusalem on Monday. He "
        'said Iran\'s leaders were "lying to their people."',
    )
    assert speaker_names(quotes) == ["Mike Pompeo"]


def test_a_label_is_not_a_subject_for_later_pronouns(nlp: Any) -> None:
    quotes = quotes_of(
        nlp,
        "STEVE INSKEEP, HOST: The president spoke to Vladimir Putin on Tuesday.",
        'MARA LIASSON, BYLINE: Putin said the talks were "useful and frank."',
        'INSKEEP: He also said Russia was "ready for more."',
    )
    assert speaker_names(quotes) == ["Vladimir Putin", "Vladimir Putin"]


def test_a_phrase_that_cannot_speak_is_not_the_speaker(nlp: Any) -> None:
    # the "vote margin" (shortened; modelled on its example)
    quotes = quotes_of(
        nlp,
        "Sen. Jane Doe won by 12 points. The vote margin, she said, was "
        '"a clear mandate for change."',
    )
    assert speaker_names(quotes) == ["Jane Doe"]


def test_he_added_after_a_subject_who_spoke_is_that_subject(nlp: Any) -> None:
    # allsides-pGkUz8RadkLDIMre (Washington Times)
    quotes = quotes_of(
        nlp,
        "Rep. Mac Thornberry, Texas Republican and chairman of the House Armed Services "
        "Committee, called Gen. Mattis “an excellent selection.”",
        "“I will work with my colleagues in the coming days to clear the way for his "
        "confirmation by the Senate,” he said.",
        "Sen. Dan Sullivan, Alaska Republican and a member of that chamber’s Armed Services "
        "Committee, called Gen. Mattis an “inspired choice” and, as a former Marine, ended "
        "his statement with “Semper Fi!”",
        "He added that he also would “look forward to working with my Senate colleagues on "
        "both sides of the aisle.”",
    )
    assert speaker_names(quotes)[-1] == "Dan Sullivan"


def test_he_added_after_a_reply(nlp: Any) -> None:
    # allsides-dy1qiPxLlHWdk4yi (BBC)
    quotes = quotes_of(
        nlp,
        '"Justice cannot be achieved if we don\'t heal the wounds," said Mohammed Hassan '
        "al-Taishi, a spokesman for the Sudanese government.",
        "He told BBC Focus on Africa radio that Bashir and three others would be handed over.",
        "Asked if supporters of the ousted president would accept this decision, Mr Taishi "
        "replied that no-one was above justice.",
        '"We are doing what the Sudanese people asked us to do," he added.',
    )
    assert speaker_names(quotes) == ["Mohammed Hassan al-Taishi"] * 2


def test_pronoun_without_antecedent_takes_the_actors_reading(nlp: Any) -> None:
    # the actors stage knows "the president" by title and date; the quote stage does not
    body_paragraph = (
        'The president tweeted on Sunday. He continued: "We will not be intimidated by '
        'anyone, at any time."'
    )
    article = article_of(body_paragraph)
    he = mention(article.body, "He", Actor("Donald Trump", "USAGOV", kind="person"), how="pronoun")
    (q,) = quotes_of(nlp, body_paragraph, mentions=[he])
    assert q.cue == "continued"
    assert q.speaker is not None and (q.speaker.code, q.speaker.name) == ("USAGOV", "Donald Trump")


def test_a_document_whose_issuer_leads_back_to_itself_ends_the_search(nlp: Any) -> None:
    # allsides-6Sl8KBFu6KIcVARh: the earlier "order" is governed by the verb whose subject
    # is "the new executive order" itself; the look-up for its issuer went round in a
    # circle until Python's recursion limit failed the whole article
    quotes = quotes_of(
        nlp,
        "Like the initial order signed Jan. 27, the new executive order bars arrivals from "
        "specific countries for 90 days.",
        '"I don\'t think the ban is unconstitutional," he told NPR in early February. But, '
        "Dershowitz said, other elements of the ban are harder to defend.",
    )
    assert [q.text for q in quotes] == ["I don't think the ban is unconstitutional,"]


def test_the_group_said_is_the_body_named_before(nlp: Any) -> None:
    # allsides-A4CEqOHCl8qxDbKo, shortened
    quotes = quotes_of(
        nlp,
        "The Civil Human Rights Front said it would hold a march on Sunday.",
        "Protesters have demanded an independent inquiry.",
        "The group said that her decision came too late, after “police getting out of "
        "control with their violence,” referring to police use of force.",
    )
    assert speaker_names(quotes) == ["Civil Human Rights Front"]


def test_the_agency_said_is_the_agency_named_before(nlp: Any) -> None:
    # allsides-LjGZQfnr72b5MaXp, shortened
    quotes = quotes_of(
        nlp,
        "North Korea's Korean Central News Agency reported the launch.",
        'The agency said the missiles "soared into the sky from underwater."',
    )
    assert speaker_names(quotes) == ["Korean Central News Agency"]


def test_a_group_with_no_body_named_before_stays_a_description(nlp: Any) -> None:
    quotes = quotes_of(
        nlp, "The protesters marched.", 'The group said the police were "out of control."'
    )
    assert speaker_names(quotes) == ["group"]
