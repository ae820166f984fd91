"""The article's country "when it says nothing else" (issues #11, #12): the country the
article is about, not the publisher's seat, unless the article speaks of the outlet's own
country. Texts are shortened from corpus articles (ids in the comments) and the speaker
samples of ``data/quotes`` (development data)."""

from __future__ import annotations

import pytest

from speaker_support import actors_and_quotes, speaker_of
from tidings.actors.home import dateline


@pytest.mark.parametrize(
    ("opening", "place"),
    [
        ("New Delhi, India - On the night of February 24, a hospital", "New Delhi, India"),
        ("BEIRUT (AP) — Syrian troops backed by Russian airstrikes", "BEIRUT"),
        ("WASHINGTON—The Senate voted", "WASHINGTON"),
        ("LAKE BUENA VISTA, Fla. - The governor", "LAKE BUENA VISTA, Fla."),
        ("U.S.-China trade talks resumed", None),
        ("President Trump, who spoke - briefly - on Monday", None),
    ],
)
def test_dateline_is_read_from_the_opening_words(opening: str, place: str | None) -> None:
    span = dateline(opening)
    assert (opening[span[0] : span[1]] if span else None) == place


def test_al_jazeera_story_from_delhi_quotes_an_indian(nlp) -> None:  # type: ignore[no-untyped-def]
    # allsides-PpQpSJ9VErNrA12g (corpus event sample r5, e047): Al Jazeera, no word of Qatar.
    text = ("New Delhi, India - On the night of February 24, Al-Hind Hospital, in the "
            "northeast of the Indian capital, was overwhelmed by patients.\n\n"
            "Muslims are demanding a rollback of the law that they say is against India's "
            "secular constitution.\n\n"
            "\"Delhi has turned into a war zone,\" said Daulat Kumar, an autorickshaw driver "
            "from Gokulpuri.")  # fmt: skip
    _, quotes = actors_and_quotes(nlp, text, publisher="Al Jazeera")
    assert speaker_of(quotes, "Delhi has turned")[0] == "INDCVL"


def test_outlet_naming_itself_does_not_make_the_story_its_country(nlp) -> None:  # type: ignore[no-untyped-def]
    # allsides-PpQpSJ9VErNrA12g: "he told Al Jazeera" names the outlet, not Qatar.
    text = ("The death toll has risen to 42 in the worst religious violence to hit India "
            "since 1984. Muslims are demanding a rollback of the law that they say is against "
            "India's secular constitution.\n\n"
            "\"We were losing count of the injured,\" Shadab Ahmed told Al Jazeera in "
            "Mustafabad, in the northeast of Delhi.")  # fmt: skip
    _, quotes = actors_and_quotes(nlp, text, publisher="Al Jazeera")
    assert speaker_of(quotes, "We were losing")[0][:3] == "IND"


def test_company_no_gazetteer_places_is_of_the_story_country(nlp) -> None:  # type: ignore[no-untyped-def]
    # speaker_sample_r5 q081 (NPR on French students and Twitter): Emakina is no U.S. firm.
    text = ("The Union of French Jewish Students demanded that Twitter delete the tweets. "
            "On Friday, Twitter backed down in France.\n\n"
            "\"It's a real issue for Twitter,\" says Manuel Diaz, whose company, Emakina, "
            "advises corporations on how to adapt to the digital era.")  # fmt: skip
    _, quotes = actors_and_quotes(nlp, text, publisher="NPR Online News")
    assert speaker_of(quotes, "It's a real issue") == ("FRABUS", "Manuel Diaz")


def test_a_dateline_abroad_yields_to_the_country_the_story_is_about(nlp) -> None:  # type: ignore[no-untyped-def]
    # speaker_sample_r7 q059 (AP in the Washington Times): "BEIRUT" heads a story on Syria.
    text = ("BEIRUT (AP) — Syrian troops backed by Russian airstrikes battled insurgents in "
            "central Syria on Wednesday, activists said.\n\n"
            "The Britain-based Syrian Observatory for Human Rights said a government "
            "offensive began in Idlib. Activist Ahmad al-Ahmad, who is currently in Idlib, "
            "said government troops are \"heavily\" shelling central areas.")  # fmt: skip
    mentions, _ = actors_and_quotes(nlp, text, publisher="Washington Times")
    coded = {m.text: m.actor.code for m in mentions}
    assert coded["Ahmad al-Ahmad"][:3] == "SYR"


def test_outlet_country_stays_when_the_story_speaks_of_it(nlp) -> None:  # type: ignore[no-untyped-def]
    # speaker_sample q031 (New York Times on Kabul): an American friend of the victim, in a
    # story that names the United States, is no Afghan.
    text = ("Dr. Jerry Umanos was killed in Kabul on Thursday. The United States Embassy in "
            "Afghanistan condemned the attack, and Afghan officials vowed to find the gunman."
            "\n\n\u201cHe was a very good teacher and clinician,\u201d Robert F. Werner said "
            "Thursday in a telephone interview.")  # fmt: skip
    _, quotes = actors_and_quotes(nlp, text, publisher="New York Times - News")
    assert speaker_of(quotes, "He was a very good")[0] == "USACVL"


def test_a_generic_body_takes_the_country_its_sentence_names(nlp) -> None:  # type: ignore[no-untyped-def]
    # allsides-TbcsGISEvIyaICkV (Washington Times, 2013): a story on the White House whose
    # "the military" is Egypt's, the one country its sentence names.
    text = ("In April, the White House revealed reports of chemical weapons use in Syria's "
            "civil war, which Mr. Obama deemed a \"game-changer.\"\n\n"
            "In Egypt, the military in early July ousted President Mohammed Morsi, who was "
            "elected after Mr. Obama encouraged democratic reforms in that country.")  # fmt: skip
    mentions, _ = actors_and_quotes(nlp, text, publisher="Washington Times")
    assert {m.text: m.actor.code for m in mentions}["the military"] == "EGYMIL"


def test_a_generic_body_in_a_sentence_of_several_countries_keeps_the_article_one(nlp) -> None:  # type: ignore[no-untyped-def]
    # allsides-TbcsGISEvIyaICkV: two countries in the sentence decide nothing; "the White
    # House" before it makes "the administration" American.
    text = ("In April, the White House revealed reports of chemical weapons use in Syria's "
            "civil war. The administration weighed strikes on Syria and aid to Egypt.")  # fmt: skip
    mentions, _ = actors_and_quotes(nlp, text, publisher="Washington Times")
    assert {m.text: m.actor.code for m in mentions}["The administration"][:3] == "USA"


def test_the_outlet_reporter_stays_of_the_outlet_country(nlp) -> None:  # type: ignore[no-untyped-def]
    # gold/dev2 036BFdRSTpqVpg18 (NPR on Croatia, which never names the U.S.): the people
    # are Croatia's, the outlet's own reporter is American media (USAMED).
    text = ("After nearly 10,000 refugees and migrants entered Croatia in the past two days, "
            "the country has placed its army on alert to deploy on the country's border with "
            "Serbia. People who were turned away by Hungary now see Croatia as an alternate "
            "route.\n\n"
            "Lauren reports for our Newscast unit:\n\n"
            "\"Migrants and refugees keep streaming into Croatia after Hungary closed its "
            "borders. People broke through police lines and ran into the countryside.\""
            )  # fmt: skip
    _, quotes = actors_and_quotes(nlp, text, publisher="NPR Online News")
    assert speaker_of(quotes, "Migrants and refugees")[0] == "USAMED"
