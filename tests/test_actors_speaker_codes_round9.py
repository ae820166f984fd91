"""Speakers and parties on unseen news, ninth round (issues 11, 12): protesters and
demonstrators are ordinary people (CVL), as the corpus annotators code all 53 of them
(data/events/labels-T*.jsonl) and gold/dev2 codes "Egyptian protesters", unless the words
place them against the government or for democracy (OPP); an analyst or executive whose
employer the article names by a brand no gazetteer knows ("a Boeing analyst", "Cairn Energy
Research Advisors analyst Sam Jaffe") works for a company (BUS), while a sentence's first
word ("Geopolitics analyst") names no employer. Sentences shortened from the corpus
(../shared/corpus/allsides-10k.jsonl.gz, ids given) and ../shared/gold/dev."""

from __future__ import annotations

from typing import Any

import pytest

from actors_support import codes, mentions
from speaker_support import actors_and_quotes, speaker_of

pytestmark = pytest.mark.slow


def test_protesters_are_civilians(nlp: Any) -> None:
    # corpus allsides-Bw62njQRNFCIj6GI (annotated IRNCVL).
    text = ("Iranian leaders asked that protesters gather at the public square rather than "
            "at \"diplomatic sites,\" ISNA reported.")  # fmt: skip
    found = mentions(nlp, text)
    protesters = [m for m in found if m.text.endswith("protesters")]
    assert protesters and protesters[0].actor.code == "IRNCVL"


def test_demonstrators_placed_by_the_article_are_civilians(nlp: Any) -> None:
    # corpus allsides-NtJ22N7uwYNEEoim (annotated USACVL).
    text = ("Protesters massed outside the courthouse in Oakland, California, on Saturday "
            "evening just after the verdict was rendered.")  # fmt: skip
    found = codes(mentions(nlp, text))
    assert any(code.endswith("CVL") for name, code in found.items() if "Protesters" in name)
    assert not any(code.endswith("OPP") for code in found.values())


def test_protesters_against_the_government_stay_opposition(nlp: Any) -> None:
    # ../shared/gold/dev zyte-624fcd903d56 codes Hong Kong's pro-democracy protesters OPP.
    text = "Police in Hong Kong fired tear gas at pro-democracy protesters on Sunday."
    found = mentions(nlp, text)
    protesters = [m for m in found if m.text.endswith("protesters")]
    assert protesters and protesters[0].actor.code.endswith("OPP")


def test_an_analyst_named_with_an_unknown_brand_works_for_a_company(nlp: Any) -> None:
    # corpus allsides-qh9URsw06ksnzAPz.
    text = ("But the tariffs did not spur domestic production, said Cairn Energy Research "
            "Advisors analyst Sam Jaffe.")  # fmt: skip
    found, _ = actors_and_quotes(nlp, text)
    assert any(m.actor.name == "Sam Jaffe" and m.actor.code == "USABUS" for m in found)
    # corpus allsides-DzJ8MRmez1hdjAED.
    text = ("Yesterday, Boeing executive John Mulholland said that his company was preparing "
            "to complete its abort test.")  # fmt: skip
    found, _ = actors_and_quotes(nlp, text)
    assert any(m.actor.name == "John Mulholland" and m.actor.code == "USABUS" for m in found)


def test_an_analyst_in_apposition_with_an_unknown_brand_is_a_company_speaker(nlp: Any) -> None:
    # The same description after the name, as a speaker ("a Boeing analyst", the issue's
    # example of a BUS speaker coded CVL).
    text = ("\"The shortage stems from competition from commercial airlines,\" said Richard "
            "Aboulafia, a Boeing analyst.")  # fmt: skip
    _, quotes = actors_and_quotes(nlp, text)
    assert speaker_of(quotes, "The shortage") == ("USABUS", "Richard Aboulafia")


def test_a_sentence_initial_field_is_no_employer(nlp: Any) -> None:
    # corpus allsides-w23mh0lpErgiB39y: "Geopolitics" opens the sentence, it is a field.
    text = 'Geopolitics analyst Ankit Panda tweeted: "This is not a real Trump quote."'
    found, _ = actors_and_quotes(nlp, text)
    assert not any(m.actor.name == "Ankit Panda" and m.actor.code == "USABUS" for m in found)
    # A known body before the role keeps its own sector (a think tank, EDU).
    text = "It was a strange choice of words, Atlantic Council analyst Michelle Dunne said."
    found, _ = actors_and_quotes(nlp, text)
    assert any(m.actor.name == "Michelle Dunne" and m.actor.code == "USAEDU" for m in found)
