"""Speakers and quotes on news no rule was written from (issue #11): texts that point back
to their issuer, described people, names the article gives in full, quoted phrases deep in
a reported clause and quotations standing as sentences of their own. Sentences from the
allsides corpus (../shared/corpus: the development speaker samples and gold/dev2),
shortened."""

from __future__ import annotations

from typing import Any

import pytest

from quotes_support import article_of, mention, quotes_of, speaker_names
from tidings.model import Actor, ActorMention

pytestmark = pytest.mark.slow


def _person(name: str, code: str) -> Actor:
    return Actor(name, code, country=code[:3], sector=code[3:], kind="person")


# --- texts that point back to their issuer -----------------------------------------------


def test_the_letter_is_its_writers_not_an_earlier_statements(nlp: Any) -> None:
    # allsides-aae167Qtk2G8dyJR: a statement George Little issued came between
    quotes = quotes_of(
        nlp,
        "Reps. John Carter and Michael McCaul, R-Texas, wrote a letter to Secretary of Defense "
        "Leon Panetta asking that the victims be awarded the Purple Heart.",
        '"The department is reviewing the request," a statement from Pentagon press secretary '
        "George Little said.",
        'The co-signed letter said, "Based on all the facts, it is inconceivable to us that the '
        'DoD and Army continue to label this attack workplace violence."',
    )
    assert speaker_names(quotes) == ["George Little", "John Carter"]


def test_one_video_is_of_the_videos_someone_released(nlp: Any) -> None:
    # r5 allsides-ZnU0mjC9zzm3e78w: not the last speaker before
    quotes = quotes_of(
        nlp,
        'President Donald Trump celebrated the report on Thursday, declaring "game over."',
        '"This is a total exoneration," the White House says.',
        "He released videos designed to tell the mainstream media - he told them so. "
        '"No collusion, there was no collusion," one video says.',
    )
    assert speaker_names(quotes) == ["Donald Trump", "White House", "Donald Trump"]


def test_the_document_is_the_text_the_article_named_before(nlp: Any) -> None:
    # dev2 allsides-FQXR8iqRFHqBvcjl: no author named, the complaint speaks for itself
    quotes = quotes_of(
        nlp,
        "Rep. Peter King said the brothers had been radicalized.",
        "The federal complaint detailed how the suspects came to the attention of law "
        'enforcement. As others stared at the blast "in apparent bewilderment and alarm," the '
        'document says, the suspect "appears calm."',
    )
    assert speaker_names(quotes) == ["federal complaint", "federal complaint"]


# --- described people ----------------------------------------------------------------------


def test_he_after_a_described_persons_words_is_that_person(nlp: Any) -> None:
    # r6 allsides-hXTz1qRVgsXCQK9D: not the Obama of an earlier sentence
    quotes = quotes_of(
        nlp,
        "Mr. Obama warned Syria last year against using chemical weapons.",
        "“It’s very hard to read Assad,” one senior Israeli official said. “But we are seeing "
        "a kind of action that we’ve never seen before,” he said, declining to elaborate.",
    )
    assert speaker_names(quotes) == ["one senior Israeli official"] * 2


def test_the_official_is_the_latest_official_described(nlp: Any) -> None:
    # r6 allsides-hXTz1qRVgsXCQK9D: the administration's official, not the Israeli one
    quotes = quotes_of(
        nlp,
        "“It’s very hard to read Assad,” one senior Israeli official said.",
        "The White House refused to comment on the intelligence reports. But a senior "
        "administration official, asked about the concerns, issued a new warning to the "
        "Syrians.",
        "“The president has made it clear that the use of chemical weapons would cross a red "
        "line for the United States,” the official said.",
    )
    assert speaker_names(quotes) == [
        "one senior Israeli official",
        "senior administration official",
    ]


def _ri_article() -> tuple[list[str], list[ActorMention]]:
    # r6 allsides-le7UVytVvkYk4alm
    paragraphs = [
        "North Korean Foreign Minister Ri Yong Ho spoke at the forum on Saturday.",
        "Although Pompeo had already left for Indonesia by the time Ri spoke, the North Korean "
        "diplomat pulled no punches.",
        "“Confidence is not a sentiment to be cultivated overnight,” he said.",
        "“The United States is raising its voice louder for maintaining the sanctions,” Ri said.",
    ]
    body = article_of(*paragraphs).body
    ri, pompeo = _person("Ri Yong Ho", "PRKGOV"), _person("Mike Pompeo", "USAGOV")
    diplomat = Actor("Diplomat of North Korea", "PRKGOV", "diplomat", "PRK", "GOV")
    mentions = [
        mention(body, "Ri Yong Ho", ri),
        mention(body, "Pompeo", pompeo, how="surname"),
        mention(body, "Ri", ri, nth=1, how="surname"),
        mention(body, "the North Korean diplomat", diplomat, how="title"),
        mention(body, "Ri", ri, nth=2, how="surname"),
    ]
    return paragraphs, sorted(mentions, key=lambda m: m.start)


def test_a_definite_description_is_the_person_named_before_and_coded_alike(nlp: Any) -> None:
    paragraphs, mentions = _ri_article()
    quotes = quotes_of(nlp, *paragraphs, mentions=mentions)
    assert [(q.speaker.code, q.speaker.name) for q in quotes if q.speaker] == [
        ("PRKGOV", "Ri Yong Ho"),
        ("PRKGOV", "Ri Yong Ho"),
    ]


def test_a_family_name_first_keeps_the_full_name_the_article_gives(nlp: Any) -> None:
    # "Ri said" of "Ri Yong Ho": the surname rule alone would keep "Ri"
    paragraphs, mentions = _ri_article()
    quotes = quotes_of(nlp, *paragraphs, mentions=mentions)
    assert quotes[-1].cue == "said"
    assert quotes[-1].speaker is not None and quotes[-1].speaker.name == "Ri Yong Ho"


# --- quoted phrases deep in a reported clause ----------------------------------------------


def test_a_quoted_phrase_three_clauses_below_its_verb_is_the_speakers(nlp: Any) -> None:
    # dev2 allsides-FQXR8iqRFHqBvcjl
    quotes = quotes_of(
        nlp,
        "Stimson says the judge could punish the prosecution at the end of the day, possibly "
        "reducing the sentence or eliminating the death penalty for a “willful and brazen "
        "violation of the law.”",
    )
    assert [(q.text, q.partial) for q in quotes] == [
        ("willful and brazen violation of the law.", True)
    ]
    assert speaker_names(quotes) == ["Stimson"]


def test_a_single_word_three_clauses_below_stays_a_scare_quote(nlp: Any) -> None:
    # gold/dev zyte-39d5c43beb60
    quotes = quotes_of(
        nlp,
        'Trump and Lighthizer recognize that making such concessions for a "skinny" trade deal '
        "that fails to address core issues is not a very good deal for Trump, a second person "
        "briefed on the call said.",
    )
    assert quotes == []


# --- quotations that stand as sentences of their own -----------------------------------------


def test_a_quoted_sentence_after_the_reporters_is_that_sentences_speaker(nlp: Any) -> None:
    # r6 allsides-OPx7xOwyEh9UQHxr
    quotes = quotes_of(
        nlp,
        "Ramping up this coordination is akin to squeezing the balloon, says Matthew Levitt, "
        "director of the counterterrorism program at the Washington Institute.",
        "And it is vital to defeating the Islamic State, he says. “Any opportunity to get this "
        "level of attention and cooperation should be seized and built upon.”",
    )
    assert [q.cue for q in quotes] == ["says"]
    assert speaker_names(quotes) == ["Matthew Levitt"]


def test_an_exclamation_whose_sentence_goes_on_takes_the_cue_after_it(nlp: Any) -> None:
    # dev2 allsides-5ABkYp8JSpGfqwWn: not "China proposed" of the clause that tells when
    quotes = quotes_of(
        nlp,
        "After China proposed its tariffs, Trump blamed his predecessors for allowing the "
        "trade deficit to expand. “We cannot let this continue!” he said. His National Economic "
        "Council director, Larry Kudlow, meanwhile tried to calm the markets.",
    )
    assert [(q.cue, n) for q, n in zip(quotes, speaker_names(quotes), strict=True)] == [
        ("said", "Trump")
    ]


def test_a_question_before_a_name_and_cue_is_theirs(nlp: Any) -> None:
    # dev2 allsides-036BFdRSTpqVpg18
    quotes = quotes_of(
        nlp,
        "Hungary closed its borders on Tuesday.",
        '"What else can we do?" Milanovic said, according to The Associated Press. "You are '
        'welcome in Croatia and you can pass through Croatia."',
    )
    assert [(q.cue, n) for q, n in zip(quotes, speaker_names(quotes), strict=True)] == [
        ("said", "Milanovic"),
        ("said", "Milanovic"),
    ]


# --- words yet to be said ----------------------------------------------------------------


def test_words_someone_is_expected_to_say_are_the_reporting_speakers(nlp: Any) -> None:
    # r6 allsides-AGHVR8laYgEZCBZy and allsides-BzGOgCpIQKkz3ogT
    quotes = quotes_of(
        nlp,
        "National Security Adviser H.R. McMaster briefed reporters on Friday.",
        "McMaster also said Friday that Iran would be a major focus of the president's "
        "address, with Trump expected to call out the country's \"destabilizing behavior, "
        'including its violation of the sovereignty of nations."',
    )
    assert speaker_names(quotes) == ["H.R. McMaster"]


def test_words_someone_will_say_with_no_one_reporting_them_stay_theirs(nlp: Any) -> None:
    quotes = quotes_of(nlp, 'Trump will call out Iran\'s "destabilizing behavior" in his speech.')
    assert speaker_names(quotes) == ["Trump"]


# --- names the parser hangs in the wrong place ----------------------------------------------


def test_a_name_after_an_aside_is_the_speaker_when_the_parse_took_a_quoted_noun(nlp: Any) -> None:
    # dev2 allsides-Exhtkb9oRNQMGEX4
    quotes = quotes_of(
        nlp,
        "Rep. Dutch Ruppersberger, ranking member of the House Intelligence Committee, stood "
        "by Obama.",
        '"We have to do it with a coalition, the Arab coalition, the other countries in the '
        'area," Ruppersberger, D-Maryland, said on CBS.',
    )
    assert speaker_names(quotes) == ["Dutch Ruppersberger"]


def test_a_name_that_ends_its_title_is_the_speaker(nlp: Any) -> None:
    # r6 allsides-CNJDjs7YMRBqBEKA: not the acting director named elsewhere
    quotes = quotes_of(
        nlp,
        "Acting Director Michael Morell will lead the agency.",
        "Director of National Intelligence James Clapper hailed Petraeus, saying his "
        "\"decision to step down represents the loss of one of our nation's most respected "
        'public servants."',
    )
    assert speaker_names(quotes) == ["James Clapper"]


def test_a_full_name_taken_from_a_possessive_drops_the_possessive(nlp: Any) -> None:
    # r6 allsides-IAbdSzoCaMsQouv2: the actors stage named him from "Suresh Rao's house"
    paragraphs = [
        "A mob of 150 people broke into Pastor Suresh Rao's house and beat him.",
        '"They kicked me like they would kick a football," Pastor Rao said.',
    ]
    body = article_of(*paragraphs).body
    mentions = [
        mention(body, "Suresh Rao's", _person("Suresh Rao's", "INDREL")),
        mention(body, "Pastor Rao", _person("Rao", "INDREL"), how="title"),
    ]
    quotes = quotes_of(nlp, *paragraphs, mentions=mentions)
    assert [(q.speaker.code, q.speaker.name) for q in quotes if q.speaker] == [
        ("INDREL", "Suresh Rao")
    ]
