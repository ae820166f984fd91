"""Sources the parse used to put out of the rules' reach (issue #12), on real sentences
(shortened) of the annotated corpus candidates in ``data/events``: the one who says what the
typer reads as the act, the one who asks for it, "criticism from X", "combat-ready to
sink", "is set to meet", a meeting's participant, "accused X of sending", an angered
passive subject. Each is checked through ``coder.rule_parties``, the rules the coder runs
at a trigger of the given type."""

from __future__ import annotations

from typing import Any

import pytest

from events_support import mentions_for
from tidings.events.arguments import ActorIndex
from tidings.events.coder import rule_parties
from tidings.events.lexicon import load_lexicon

ACTORS: dict[str, tuple[str, str, str]] = {
    "Trump": ("USAGOV", "Donald Trump", "person"),
    "Mr. Trump": ("USAGOV", "Donald Trump", "person"),
    "Obama": ("USAGOV", "Barack Obama", "person"),
    "Congressional Democrats": ("USAPOL", "Democratic Party", "organisation"),
    "Republicans": ("USAPOL", "Republican Party", "organisation"),
    "Zarif": ("IRNGOV", "Mohammad Javad Zarif", "person"),
    "NPR": ("USAMED", "NPR", "organisation"),
    "U.S.": ("USA", "United States", "country"),
    "Russia": ("RUS", "Russia", "country"),
    "Russian authorities": ("RUSCOP", "Russian authorities", "organisation"),
    "U.S. authorities": ("USACOP", "U.S. authorities", "organisation"),
    "Congress": ("USALEG", "Congress", "organisation"),
    "North Korea": ("PRK", "North Korea", "country"),
    "Turkey": ("TUR", "Turkey", "country"),
    "Ukraine": ("UKR", "Ukraine", "country"),
    "Kerry": ("USAGOV", "John Kerry", "person"),
    "Putin": ("RUSGOV", "Vladimir Putin", "person"),
    "Our revolutionary forces": ("PRKMIL", "Korean People's Army", "organisation"),
    "the Taliban": ("AFGREB", "Taliban", "organisation"),
    "Pence": ("USAGOV", "Mike Pence", "person"),
    "Abbas": ("PSEGOV", "Mahmoud Abbas", "person"),
    "Syria": ("SYR", "Syria", "country"),
    "Mexico": ("MEX", "Mexico", "country"),
}


def sources(nlp: Any, text: str, word: str, event: str) -> set[str]:
    doc = nlp(text)
    index = ActorIndex(doc, mentions_for(text, ACTORS), [])
    trigger = next(t for t in doc if t.text == word)
    found, _ = rule_parties(trigger, event, index, load_lexicon())
    return {p.code for p in found}


@pytest.mark.parametrize(
    ("text", "word", "event", "source"),
    [
        # corpus: "Congressional Democrats said Mr. Trump would be abusing his powers if he
        # were to declare … a phony national emergency."
        (
            "Congressional Democrats said Mr. Trump would be abusing his powers.",
            "abusing",
            "ACCUSE",
            "USAPOL",
        ),
        # corpus: "Iranian Foreign Minister Mohammad Javad Zarif tells NPR that the U.S.
        # 'will pay' for a drone strike …"
        ("Zarif tells NPR that the U.S. will pay for the drone strike.", "pay", "THREATEN",
         "IRNGOV"),
        # corpus: "Trump also warned in a tweet on Friday that … Mexico will begin paying 5%
        # tariffs on all goods sent to the U.S." (read as a threat: through "begin")
        ("Trump warned on Friday that Mexico will begin paying 5% tariffs.", "paying",
         "THREATEN", "USAGOV"),
    ],
)  # fmt: skip
def test_the_reporter_makes_a_statement_the_typer_reads_as_the_act(
    nlp: Any, text: str, word: str, event: str, source: str
) -> None:
    assert sources(nlp, text, word, event) == {source}


def test_a_material_act_the_clause_states_stays_its_subjects(nlp: Any) -> None:
    # a reported act typed as a deed, not a statement, stays the clause subject's
    text = "Trump said Russia attacked Ukraine on Friday."
    assert sources(nlp, text, "attacked", "ASSAULT") == {"RUS"}


def test_a_speech_verb_keeps_its_own_subject(nlp: Any) -> None:
    # corpus: "Two Syrian pro-opposition groups are claiming that dozens of people were
    # killed …, NPR's Jean Cochran reported": the claimers accuse, not the reporter
    text = "Zarif said Obama accused Russia of lying."
    assert sources(nlp, text, "accused", "ACCUSE") == {"USAGOV"}


def test_the_asker_makes_the_request(nlp: Any) -> None:
    # corpus: "Russian authorities asked U.S authorities to investigate Tamerlan Tsarnaev."
    text = "Russian authorities asked U.S. authorities to investigate the man."
    assert sources(nlp, text, "investigate", "REQUEST") == {"RUSCOP"}
    # corpus: "Obama has been urging Republicans … to hold off on passing new Iran
    # sanctions legislation"
    text = "Obama has been urging Republicans to hold off on new sanctions."
    assert sources(nlp, text, "hold", "REQUEST") == {"USAGOV"}


def test_a_nominal_act_comes_from_its_from_phrase(nlp: Any) -> None:
    # corpus: "President Trump faced criticism Saturday from a North Korean defector"
    text = "Trump faced criticism on Saturday from Congress."
    assert sources(nlp, text, "criticism", "ACCUSE") == {"USALEG"}
    # corpus: "even as mounting calls from Congress for more sanctions might convince Iran"
    text = (
        "Even as mounting calls from Congress for more sanctions might convince Iran there "
        "is no reason to talk, Obama waits."
    )
    assert sources(nlp, text, "calls", "REQUEST") == {"USALEG"}


def test_a_withdrawal_from_is_not_by_what_is_left(nlp: Any) -> None:
    text = "The withdrawal from Syria surprised Congress."
    assert "SYR" not in sources(nlp, text, "withdrawal", "RETREAT")


def test_an_adjective_carries_its_subject_to_the_act(nlp: Any) -> None:
    # corpus: "'Our revolutionary forces are combat-ready to sink a U.S. nuclear powered
    # aircraft carrier with a single strike,' according to …"
    text = "Our revolutionary forces are ready to sink a U.S. aircraft carrier."
    assert sources(nlp, text, "sink", "ASSAULT") == {"PRKMIL"}


def test_a_passive_carrying_an_infinitive_has_its_subject_act(nlp: Any) -> None:
    # corpus: "Pence had been scheduled to meet the Palestinian president, Mahmoud Abbas,
    # during the trip"
    text = "Pence had been scheduled to meet Abbas during the trip."
    assert sources(nlp, text, "scheduled", "CONSULT") == {"USAGOV"}


def test_an_angered_passive_subject_accuses(nlp: Any) -> None:
    # corpus: "Turkey, meanwhile, is angered at the U.S. for supporting the Kurdish forces"
    text = "Turkey is angered at the U.S. for supporting the Kurdish forces."
    assert sources(nlp, text, "angered", "ACCUSE") == {"TUR"}


def test_an_attacked_passive_subject_does_not_attack(nlp: Any) -> None:
    text = "Turkey was attacked on Sunday."
    assert sources(nlp, text, "attacked", "ASSAULT") == set()


def test_a_meeting_is_held_by_whoever_cancels_or_speaks_after_it(nlp: Any) -> None:
    # corpus: "Peña Nieto, who canceled an in-person visit with Trump after …"
    text = "Putin canceled an in-person visit with Trump."
    assert sources(nlp, text, "visit", "CONSULT") == {"RUSGOV"}
    # corpus: "'We want to work together …,' he said during a visit to the White House"
    text = "Kerry said during a visit to Moscow that the talks went well."
    assert sources(nlp, text, "visit", "CONSULT") == {"USAGOV"}


def test_a_meeting_judged_is_not_attended_by_its_judge(nlp: Any) -> None:
    text = "Putin welcomed the talks in Geneva."
    assert "RUSGOV" not in sources(nlp, text, "talks", "CONSULT")


def test_the_object_does_the_deed_it_is_accused_of(nlp: Any) -> None:
    # corpus: "Ukraine accused Russia this week of sending heavy weaponry into southern
    # Ukraine to aid pro-Russian rebels."
    text = "Ukraine accused Russia this week of sending heavy weaponry into Ukraine."
    assert sources(nlp, text, "sending", "AID") == {"RUS"}
    # corpus: "security researchers have blamed North Korea for hacking banks in Taiwan"
    text = "Researchers have blamed North Korea for hacking banks in Taiwan."
    assert sources(nlp, text, "hacking", "COERCE") == {"PRK"}


def test_a_speech_criticizing_is_its_speakers(nlp: Any) -> None:
    # corpus: "… in a speech criticizing …": the one who gave the speech
    text = "Obama gave a speech criticizing Russia on Monday."
    assert sources(nlp, text, "criticizing", "ACCUSE") == {"USAGOV"}
