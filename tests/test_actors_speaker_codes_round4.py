"""Speakers on unseen news, fourth round (issue 11): a person's code from what the article
says of them at any mention (after the name, before it, an employer's possessive), kinds of
bodies named by their head word (office, coalition, society, bank), region words
that are no country, a surname that outranks a one-word organisation alias, the person a
"New York Democrat" is outside the quotation, titles of undated articles, court documents
that speak, and the article's country for people an agency's story places nowhere.
Sentences shortened from the corpus (../shared/corpus/allsides-10k.jsonl.gz, ids given)
and gold/dev2."""

from __future__ import annotations

import datetime as dt
from functools import partial

import pytest

from speaker_support import actors_and_quotes, speaker_of
from tidings.actors.fold import phrase_keys
from tidings.actors.home import article_country
from tidings.actors.orgtypes import head_sector
from tidings.model import Actor, ActorMention, Article

pytestmark = pytest.mark.slow


_run = partial(actors_and_quotes, publisher="USA TODAY")
_speaker = speaker_of


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Washington Office on Latin America", "NGO"),  # gold/dev2 allsides-U1iHsb94fq8S8vzK
        ("Office of the US Trade Representative", "GOV"),  # corpus allsides-ei9ysh53i9SXuGCi
        ("Council of Ministers", "GOV"),
        ("Coalition to Stop Gun Violence", "NGO"),  # corpus allsides-QpwWxREYuPNfES0Q
        ("Asia Society", "NGO"),  # corpus allsides-ei9ysh53i9SXuGCi
        ("Mizuho Bank", "BUS"),  # corpus allsides-Ipscw8ogVlKpXzKM
    ],
)
def test_kind_of_body_from_its_head_word(name: str, code: str) -> None:
    assert head_sector(list(phrase_keys(name))) == code


def test_outlet_before_a_title_codes_its_staff(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus allsides-umg3PrhezanmZVob (CNN, 2016-05-20).
    text = ('Flight data shows smoke alerts on board the aircraft.\n\n"It could have been '
            'something mechanical that had failed," CNN aviation analyst David Soucie said.\n\n'
            '"This is not the indication you would have had," Soucie said.')  # fmt: skip
    _, quotes = _run(nlp, text, publisher="CNN (Web News)", day=dt.date(2016, 5, 20))
    assert _speaker(quotes, "It could")[0] == "USAMED"
    assert _speaker(quotes, "This is not") == ("USAMED", "David Soucie")


def test_employer_placed_by_the_city_after_it(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus allsides-Ipscw8ogVlKpXzKM (CNN, 2018-05-14).
    text = ('"The second round of negotiation should be more constructive," said Ken Cheung, '
            "a currency strategist at Mizuho Bank in Hong Kong.")  # fmt: skip
    _, quotes = _run(nlp, text, publisher="CNN (Web News)", day=dt.date(2018, 5, 14))
    assert _speaker(quotes, "The second") == ("HKGBUS", "Ken Cheung")


def test_unplaced_civic_body_takes_the_outlets_country(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus allsides-QpwWxREYuPNfES0Q (Washington Times, 2013-07-02): a coalition only
    # spaCy knows is no international NGO.
    text = ("Josh Horwitz, executive director of the Coalition to Stop Gun Violence, also "
            'cautioned against reading too much into the figures.\n\n"Months always vary in '
            'a pattern," he said.')  # fmt: skip
    _, quotes = _run(nlp, text, publisher="Washington Times", day=dt.date(2013, 7, 2))
    assert _speaker(quotes, "Months") == ("USANGO", "Josh Horwitz")


def test_region_in_a_name_is_no_country(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus allsides-ei9ysh53i9SXuGCi (CNN, 2019-06-01).
    text = ('"Both sides think they have the upper hand," said Wendy Cutler, a managing '
            "director for the Asia Society.")  # fmt: skip
    found, _ = _run(nlp, text, publisher="CNN (Web News)", day=dt.date(2019, 6, 1))
    codes = {m.actor.name: m.actor.code for m in found if m.actor.kind == "person"}
    assert codes["Wendy Cutler"] == "USANGO"


def test_editor_of_a_paper_is_media(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus allsides-oy6cSLcbEgLP0iGE (New York Times, 2012-12-05).
    text = ("Gary Rosenblatt, the editor and publisher of The Jewish Week, the largest "
            'Jewish newspaper in the country, said, "I think the sense of a unified front '
            'is breaking down."')  # fmt: skip
    _, quotes = _run(nlp, text, publisher="New York Times - News", day=dt.date(2012, 12, 5))
    assert _speaker(quotes, "I think") == ("USAMED", "Gary Rosenblatt")


def test_surname_outranks_a_one_word_organisation_alias(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus allsides-6uOFn4AuCa3gEHcZ (Washington Times, 2018-10-28): not the Wagner Group.
    text = ("Rep. Ann Wagner won re-election two years ago with about 58 percent of the vote."
            '\n\nBut Wagner said she is well positioned in what she describes as "the only '
            'swing seat in the state."')  # fmt: skip
    found, quotes = _run(nlp, text, publisher="Washington Times", day=dt.date(2018, 10, 28))
    later = [m for m in found if m.text == "Wagner"]
    assert later and later[0].actor.name == "Ann Wagner"
    assert _speaker(quotes, "the only")[0] == "USALEG"


def test_partisan_description_skips_names_inside_the_quotation(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus allsides-8ULfwizi0LOeEDxQ (2019-01-17).
    text = ("Senate Minority Leader Chuck Schumer on Wednesday invoked the plight of a "
            'government worker.\n\n"I want President Trump to look into these faces," the '
            "New York Democrat said.")  # fmt: skip
    _, quotes = _run(nlp, text, publisher="CNN (Web News)", day=dt.date(2019, 1, 17))
    assert _speaker(quotes, "I want")[1] == "Chuck Schumer"


def test_undated_article_trusts_the_title(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus allsides-lY6alSteqLy2nRxl (BBC News, no date): a senator then, whatever the
    # gazetteer says of today.
    text = (
        "Florida Senator Marco Rubio said the incidents were the latest harassment.\n\n"
        '"The Cuban government has been harassing US personnel for decades," he said.'
    )
    _, quotes = _run(nlp, text, publisher="BBC News", day=None)
    assert _speaker(quotes, "The Cuban") == ("USALEG", "Marco Rubio")


def test_court_document_speaks_for_the_judiciary(nlp) -> None:  # type: ignore[no-untyped-def]
    # gold/dev2 allsides-FQXR8iqRFHqBvcjl (Fox News, 2013-04-22).
    text = ("The announcement came as a federal complaint was filed against the suspect.\n\n"
            '"The man removed the magazine from his gun," the complaint said.\n\n'
            'The document said the suspect "appears calm."')  # fmt: skip
    found, quotes = _run(nlp, text, day=dt.date(2013, 4, 22))
    assert _speaker(quotes, "The man")[0] == "USAJUD"
    document = [m for m in found if m.text == "document"]
    assert document and document[0].actor.code == "USAJUD"


def test_agency_story_places_people_in_its_main_country() -> None:
    # A wire service writes for the world: its people are of the country the story is
    # about (corpus allsides-RMMhNzYYvVwlqWNk, Reuters, on the U.S. Open).
    usa = Actor(name="United States", code="USA", country="USA", kind="country")
    person = Actor(name="Richard Ings", code="", kind="person")
    mentions = [ActorMention(text="U.S.", start=0, end=4, actor=usa),
                ActorMention(text="Ings", start=10, end=14, actor=person),
                ActorMention(text="American", start=20, end=28, actor=usa)]  # fmt: skip
    article = Article(doc_id="t", title=None, body="", publisher="Reuters", published=None)
    assert article_country(article, mentions) == "USA"
    article = Article(doc_id="t", title=None, body="", publisher="USA TODAY", published=None)
    assert article_country(article, mentions[1:2]) == "USA"


def test_head_of_an_unknown_body_is_no_state_official(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus allsides-eEWOgVBBan65R5mn (USA TODAY, 2019-02-28).
    text = ('"It\'s a sad day for public health," Ken Cook, president of the Environmental '
            "Working Group, said in a statement following the vote.")  # fmt: skip
    _, quotes = _run(nlp, text, day=dt.date(2019, 2, 28))
    assert _speaker(quotes, "It's")[0] == "USANGO"


def test_private_lawyer_is_no_judge(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus allsides-8LKMiv0QzITUdbhi (Fox News Opinion): CAMEO's JUD is the judiciary;
    # a lawyer in private practice is BUS, as gold/dev2 codes "Lawyer Amato DeLuca".
    text = ("John Dowd, one of the lead lawyers who represented President Trump during the "
            "investigation, said Tuesday that the special counsel set a trap.\n\n"
            '"They knew there was nothing there," Dowd said.')  # fmt: skip
    _, quotes = _run(nlp, text, publisher="Fox Online News", day=dt.date(2019, 5, 28))
    assert _speaker(quotes, "They knew") == ("USABUS", "John Dowd")
