"""Speakers on unseen news, fifth round (issue 11): bodies a description names by reference
("the group's executive director", "the report's author"), a person introduced unnamed just
before the name, what someone is "now", "the Michigan lawmaker", a country that is an
expert's field, names an apposition describes as bodies, a nationality inside a body's
name, appositions the parser hangs on the last noun, a pronoun whose person is named in its
own sentence, "the statement" back to whoever issued it, and the verb that introduces a
quotation after a comma. Sentences shortened from gold/dev2 and the corpus
(../shared/corpus/allsides-10k.jsonl.gz, ids given)."""

from __future__ import annotations

import datetime as dt
from functools import partial

import pytest

from speaker_support import actors_and_quotes, speaker_of

pytestmark = pytest.mark.slow


_run = partial(actors_and_quotes, publisher="USA TODAY")
_speaker = speaker_of


def test_the_reports_author_works_for_whoever_issued_the_report(nlp) -> None:  # type: ignore[no-untyped-def]
    # gold/dev2 allsides-U1iHsb94fq8S8vzK (Fox News, 2014).
    text = ("Lawmakers ought to rethink the flow of aid, according to a new report from a "
            "Washington nonprofit.\n\n“The report recommends that the U.S. government "
            "prioritize efforts to strengthen accountability,” wrote Maureen Meyer, the "
            "report's author.")  # fmt: skip
    _, quotes = _run(nlp, text, publisher="Fox News")
    assert _speaker(quotes, "The report recommends") == ("USANGO", "Maureen Meyer")


def test_the_groups_director_works_for_the_group_named_before(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus allsides-UEZCNMggqaVlC1mK (Bloomberg, 2015): a body spaCy does not tag, named by
    # the apposition that describes it.
    text = ("The Muslim Advocates, an Oakland Calif.-based group that was invited to a White "
            "House meeting earlier this month, expressed concern.\n\n“This whole day is "
            "focused on American Muslims, frankly,” Farhana Khera, the group’s executive "
            "director, said in a telephone interview.")  # fmt: skip
    found, quotes = _run(nlp, text)
    assert any(m.text == "Muslim Advocates" and m.actor.sector == "NGO" for m in found)
    assert _speaker(quotes, "This whole day") == ("USANGO", "Farhana Khera")


def test_a_person_introduced_unnamed_just_before_the_name(nlp) -> None:  # type: ignore[no-untyped-def]
    # gold/dev2 allsides-U1iHsb94fq8S8vzK: the consulate is Mexico's, not the place's.
    text = ("But a spokeswoman for the Mexican Consulate in Washington said not only has "
            "Merida not been suspended, it is working as intended.\n\n“The Merida Initiative "
            "has not been suspended,” said Vanessa Calva Ruiz.")  # fmt: skip
    found, quotes = _run(nlp, text, publisher="Fox News")
    assert any(m.text == "Mexican Consulate" and m.actor.code == "MEXGOV" for m in found)
    assert _speaker(quotes, "The Merida Initiative") == ("MEXGOV", "Vanessa Calva Ruiz")


def test_an_unnamed_description_far_back_is_not_the_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("A spokeswoman for the Mexican Consulate in Washington said the programme works. "
            + "The money has paid for equipment and training over seven years. " * 8
            + "\n\n“We need more training,” said Jane Lowry.")  # fmt: skip
    _, quotes = _run(nlp, text)
    assert _speaker(quotes, "We need more")[0] != "MEXGOV"


def test_what_someone_is_now_outranks_a_former_office(nlp) -> None:  # type: ignore[no-untyped-def]
    # gold/dev2 allsides-5ABkYp8JSpGfqwWn (Bloomberg, 2019), the employer changed to one the
    # gazetteer knows.
    text = ("They have been targeted by his trade actions, said Siddharth Mohandas, a former "
            "adviser to ex-Secretary of State John Kerry who’s now a fellow at the Brookings "
            "Institution.")  # fmt: skip
    found, _ = _run(nlp, text, day=dt.date(2019, 3, 4))
    code = next(m.actor.code for m in found if m.text == "Siddharth Mohandas")
    assert code.endswith("EDU")


def test_the_state_lawmaker_is_the_person_named_before(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus allsides-8CbQ443qHwlI9eUH (Bloomberg, 2019): a long quotation between the name
    # and "the Michigan lawmaker" does not put the name out of reach.
    text = ("Rashida Tlaib, the Democratic U.S. House member barred by Israel because of her "
            "support of a boycott, said she is rejecting the country’s new offer.\n\n“Silencing "
            "me & treating me like a criminal is not what she wants for me. It would kill a "
            "piece of me. I have decided that visiting my grandmother under these oppressive "
            "conditions stands against everything I believe in -- fighting against racism, "
            "oppression & injustice,” the Michigan lawmaker said Friday on Twitter.")  # fmt: skip
    _, quotes = _run(nlp, text, day=dt.date(2019, 8, 16))
    assert _speaker(quotes, "Silencing me") == ("USALEG", "Rashida Tlaib")


def test_a_country_before_expert_is_the_field(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus allsides-WuJcLazpDM5YULj6 (Christian Science Monitor, 2015).
    text = ("\"It's a troubling sign that the armed Islamist groups are intent on stepping up "
            "the pressure,\" Bruce Whitehouse, a Mali expert and associate professor at Lehigh "
            "University, told AP.")  # fmt: skip
    _, quotes = _run(nlp, text, publisher="Christian Science Monitor")
    assert _speaker(quotes, "It's a troubling") == ("USAEDU", "Bruce Whitehouse")


def test_a_name_after_a_title_with_a_place_in_it(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus allsides-8eYwC1QEOQFFuyYe (New York Times, 2017): the parser hangs the name on
    # "States"; no later "ambassador" of the article is the speaker.
    text = ("Ukraine’s ambassador to the United States, Valeriy Chaly, said Mr. Artemenko “is "
            "not entitled to present any alternative peace plans on behalf of Ukraine.”\n\n"
            "John Herbst, a former American ambassador to Ukraine, said he feared the new "
            "president might be too eager to mend relations with Russia.")  # fmt: skip
    _, quotes = _run(nlp, text, publisher="New York Times", day=dt.date(2017, 2, 19))
    assert _speaker(quotes, "is not entitled") == ("UKRGOV", "Valeriy Chaly")


def test_a_pronoun_whose_person_is_named_in_its_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus allsides-QV64VaeYVOFcy3OX (International Business Times, 2013).
    text = ("Meanwhile, Awlaki's notoriety simply grew.\n\nIn December 2009, after Umar Farouk "
            "Abdulmutallab, a young Nigerian man, attempted and failed to destroy an airliner "
            "approaching the Detroit airport, he confessed to FBI agents that he had met with "
            "Awlaki in Yemen and discussed “martyrdom and jihad” with him.")  # fmt: skip
    _, quotes = _run(nlp, text, day=dt.date(2013, 5, 3))
    assert _speaker(quotes, "martyrdom")[1] == "Umar Farouk Abdulmutallab"


def test_the_statement_speaks_for_whoever_issued_it(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus allsides-YyxW9yHon3kHKHCb (Washington Times, 2018).
    text = ("Mr. Trump said North Korea released a “very nice statement” in response.\n\nIn a "
            "statement Thursday night, a top North Korean official expressed Pyongyang’s "
            "willingness to meet with Mr. Trump. The statement said North Korea is “open-minded "
            "in giving time and opportunity to the U.S.”")  # fmt: skip
    _, quotes = _run(nlp, text, publisher="Washington Times", day=dt.date(2018, 5, 25))
    code, name = _speaker(quotes, "open-minded")
    assert code == "PRKGOV"
    assert "North Korean official" in name


def test_the_verb_that_opens_a_quotation_after_a_comma(nlp) -> None:  # type: ignore[no-untyped-def]
    # gold/dev2 allsides-036BFdRSTpqVpg18 (NPR, 2015): "who told her," is the refugee's,
    # not the reporter's "spoke" that the parser hangs the quotation on.
    text = ("Reporting from the Croatia-Serbia border, Lauren Frayer spoke to Jamal al-Shahoud, "
            "a refugee from Syria, who told her, \"Here no food, no water. No buses, no trains. "
            "Nothing here. Just tired.\"")  # fmt: skip
    _, quotes = _run(nlp, text, publisher="NPR", day=dt.date(2015, 9, 18))
    assert _speaker(quotes, "Here no food")[1] == "Jamal al-Shahoud"
