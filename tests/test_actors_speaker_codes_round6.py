"""Speakers on unseen news, sixth round (issue 11): speakers the actors stage made no mention
of, coded from their own words (tidings.actors.unnamed): the body or person a description
names ("a White House official", "the French president's office"), the country it gives
("a Yemeni security source", "Saudi Arabia's royal court"), the sector of its head noun
(prosecutors JUD, a witness CVL, TV MED), the story's country when it names none, "former"
as ELI for state and party offices; outlets by their short name ("the Times", "the Bee
reported"); a thing that "hints" is no speaker. Sentences shortened from the corpus
(../shared/corpus/allsides-10k.jsonl.gz, ids given)."""

from __future__ import annotations

import datetime as dt
from functools import partial

import pytest

from speaker_support import actors_and_quotes, speaker_of
from tidings.actors.unnamed import describes_someone, head_sector_of, unnamed_code
from tidings.model import ActorMention

_run = partial(actors_and_quotes, publisher="CNN")
_speaker = speaker_of


# -- the description's own words, without a parse -------------------------------------------


def test_head_nouns_give_their_sector_from_the_phoenix_agents() -> None:
    assert head_sector_of(["federal", "prosecutors"]) == ("JUD", "agent")
    assert head_sector_of(["one", "witness"]) == ("CVL", "agent")
    assert head_sector_of(["iranian", "tv"]) == ("MED", "agent")
    # A head with no sector of its own: the words in front of it, as Phoenix reads them
    # before "official" ("security official" COP) or alone ("military").
    assert head_sector_of(["yemeni", "security", "source"]) == ("COP", "agent")
    assert head_sector_of(["a", "military", "source"]) == ("MIL", "agent")
    # "thousands of students" are students.
    assert head_sector_of(["thousands", "of", "students"])[0] == "EDU"


def test_an_official_nothing_owns_is_a_title_and_a_thing_is_no_one() -> None:
    assert head_sector_of(["defense", "official"]) == (None, "title")
    assert not describes_someone("court victory")
    assert not describes_someone("his qualifications")
    assert describes_someone("the Democratic aide")


def test_a_former_party_or_state_office_is_an_elite() -> None:
    # corpus allsides-Rp92MpFWUSA57y6Z (NPR): "the same former GOP lawmaker"; the party comes
    # from the gazetteer's "Republican Party" ("GOP" alias) as a mention.
    text = "the same former GOP lawmaker"
    gop = text.index("GOP")
    from tidings.model import Actor

    party = Actor("Republican Party", "USAPOL", None, "USA", "POL", "organisation")
    mention = ActorMention("GOP", gop, gop + 3, party)
    assert unnamed_code(text, 0, len(text), [mention], "USA") == "USAELI"
    # A party named by its adjective ("a former Democratic aide"): the party's, then ELI.
    assert unnamed_code("a Democratic aide", 0, 17, [], "USA") == "USAPOL"
    assert unnamed_code("a former Democratic aide", 0, 24, [], "USA") == "USAELI"
    assert unnamed_code("an unnamed former defense official", 0, 35, [], "USA") == "USAELI"


def test_no_words_of_who_it_is_give_no_code() -> None:
    assert unnamed_code("this person", 0, 11, [], "USA") == ""
    assert unnamed_code("the court victory", 0, 17, [], "USA") == ""


# -- speakers in articles -------------------------------------------------------------------


@pytest.mark.slow
def test_a_body_named_inside_the_description_is_its_owner(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus allsides-q2JVHfGitJjnQiz1 (Townhall, quoting Politico).
    text = ("“We work to achieve our policy goals in the most effective and appropriate way "
            "possible,” the [White House] official said.")  # fmt: skip
    _, quotes = _run(nlp, text, publisher="Townhall")
    assert _speaker(quotes, "We work")[0] == "USAGOV"


@pytest.mark.slow
def test_a_persons_office_speaks_for_the_person(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus allsides-ikWgDKPC1IsvkWMx (Wall Street Journal, 2017).
    text = ("Earlier Saturday, the French president’s office issued a statement decrying a "
            "“dangerous escalation” on the part of the regime in Pyongyang.")  # fmt: skip
    _, quotes = _run(nlp, text, publisher="Wall Street Journal - News", day=dt.date(2017, 8, 12))
    assert _speaker(quotes, "dangerous escalation") == ("FRAGOV", "French president’s office")


@pytest.mark.slow
def test_a_country_inside_the_description_and_the_head_nouns_sector(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus allsides-4hVKWZgnDR65LPr1 (The Guardian, 2017) and allsides-mlOYja50RIqh1zcB
    # (Al Jazeera): a royal court is the monarch's office; an unplaced military source in a
    # story about Yemen is Yemeni, not of the outlet's country.
    text = ("Saudi Arabia’s royal court called it “unjustified and irresponsible”, in a rare "
            "rebuke of the US.")  # fmt: skip
    _, quotes = _run(nlp, text, publisher="The Guardian", day=dt.date(2017, 12, 7))
    assert _speaker(quotes, "unjustified")[0] == "SAUGOV"
    text = ("Fighting raged in Aden, Yemen's second city, and Yemen's president fled.\n\n"
            "A Yemeni security source said the situation at the palace “was under control "
            "and there was nothing to be worried about”.\n\nA military source told the AFP "
            "news agency that “Saqqaf's troops were forced to retreat to their camp after "
            "being subjected to heavy shelling.”")  # fmt: skip
    _, quotes = _run(nlp, text, publisher="Al Jazeera")
    assert _speaker(quotes, "was under control")[0] == "YEMCOP"
    assert _speaker(quotes, "Saqqaf's troops")[0] == "YEMMIL"


@pytest.mark.slow
def test_unnamed_groups_take_their_head_nouns_sector(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus allsides-JsPf0NlW9O4nW4IO (Fox News) and allsides-XyK4SeiSsDFC1ujQ (CNN, 2014).
    text = ("Federal prosecutors said that Cohen was “motivated” by “personal greed” and "
            "“repeatedly used his power and influence for deceptive ends.”")  # fmt: skip
    _, quotes = _run(nlp, text, publisher="Fox Online News")
    assert _speaker(quotes, "repeatedly used")[0] == "USAJUD"
    text = ("A Democratic aide said that while Democrats are open to it, it would need "
            "Republicans.\n\n“It's not impossible for this year but would require a nominee "
            "before we come back Monday,” the Democratic aide said.")  # fmt: skip
    _, quotes = _run(nlp, text, day=dt.date(2014, 11, 24))
    assert _speaker(quotes, "It's not impossible")[0] == "USAPOL"


@pytest.mark.slow
def test_an_outlet_by_its_short_name(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus allsides-cbZndDdysT7Kiolk (Breitbart, 2017) and allsides-Yn3VxBbnIHAd86Pq
    # (American Spectator: an outlet home.py does not know, so no country).
    text = ("In an extensive article, the New York Times published a stinging indictment of "
            "James B. Comey’s handling of the email probe.\n\nThe Times reported that "
            "“Career prosecutors and political appointees” were dismayed.")  # fmt: skip
    _, quotes = _run(nlp, text, publisher="Breitbart News", day=dt.date(2017, 5, 11))
    assert _speaker(quotes, "Career prosecutors")[0] == "USAMED"
    text = ("“The state is seeing a troubling resurgence of rodents, which can carry a wide "
            "array of diseases,” the Sacramento Bee reported.")  # fmt: skip
    _, quotes = _run(nlp, text, publisher="American Spectator")
    assert _speaker(quotes, "The state is seeing")[0].endswith("MED")


@pytest.mark.slow
def test_a_thing_that_hints_is_no_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus allsides-XyK4SeiSsDFC1ujQ (CNN, 2014): the verb of saying above "hint" has it.
    text = ("Pentagon Press Secretary John Kirby told CNN that the decision was mutual.\n\n"
            "He added that Hagel's resignation doesn't hint at any “major changes” to the "
            "nation's strategy in Iraq.")  # fmt: skip
    _, quotes = _run(nlp, text, day=dt.date(2014, 11, 24))
    code, name = _speaker(quotes, "major changes")
    assert name == "John Kirby"


@pytest.mark.slow
def test_a_former_party_official_is_an_elite(nlp) -> None:  # type: ignore[no-untyped-def]
    # A former office of a party is ELI like a former state office (CAMEO's elites); written
    # after corpus allsides-cbZndDdysT7Kiolk's "Democratic operative" descriptions.
    text = ("“We lost the argument on the economy,” said Michael Steele, a former chairman "
            "of the Republican Party.")  # fmt: skip
    _, quotes = _run(nlp, text, day=dt.date(2017, 5, 11))
    assert _speaker(quotes, "We lost") == ("USAELI", "Michael Steele")
