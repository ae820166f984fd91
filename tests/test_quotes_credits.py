"""Quotations credited after the words rather than by a verb: a dash and a name, a round-up's
"Name, Outlet", and quotations that a line of page furniture separates from the paragraph
that announced them. Sentences from the allsides corpus (../shared/corpus) and gold/dev2,
shortened where needed."""

from __future__ import annotations

from typing import Any

import pytest

from quotes_support import article_of, mention, quotes_of, speaker_names
from tidings.model import Actor

pytestmark = pytest.mark.slow


def test_dash_credit_names_the_speaker(nlp: Any) -> None:
    # allsides-eVdnye9fS3zNZxjM
    quotes = quotes_of(
        nlp,
        "This is what the cheers sounded like:",
        '"TPP is a major win not only for the beef industry, but for all U.S. export '
        "products.\" — Philip Ellis, president of the National Cattlemen's Beef Association",
        "This is what the boos sounded like:",
        'TPP will hurt factory jobs and, by raising some medicine prices, "contribute to '
        'preventable suffering and death." — Peter Maybarduk, director of Public '
        "Citizen's Access to Medicines Program",
    )
    assert [q.cue for q in quotes] == ["—", "—"]
    assert speaker_names(quotes) == ["Philip Ellis", "Peter Maybarduk"]


def test_a_dash_before_a_clause_credits_no_one(nlp: Any) -> None:
    assert quotes_of(nlp, "He called the deal “a farce” — a word the White House rejected.") == []


def test_dash_credit_with_an_outlet_is_a_writer_for_the_press(nlp: Any) -> None:
    # allsides-UynJmS6Nv408JWb2 (gold/dev2)
    paragraph = (
        "“If the United States wants to help the people of Hong Kong, it needs to think "
        "beyond sanctions.” — Matthew Yglesias, Vox"
    )
    body = article_of(paragraph).body
    vox = mention(body, "Vox", Actor("Vox", "USAMED", country="USA", sector="MED",
                                     kind="organisation"))  # fmt: skip
    (q,) = quotes_of(nlp, paragraph, mentions=[vox])
    assert q.speaker is not None
    assert (q.speaker.code, q.speaker.name) == ("USAMED", "Matthew Yglesias")


ROUNDUP = [  # allsides-12QICml1YeZCsdBJ, shortened
    "Some suggest that Congress “remove Trump from office, so that he cannot abuse "
    "incumbency to subvert the electoral process.” Edward B. Foley, Politico",
    "“As Iran moves to gradually withdraw from the JCPOA’s limits, it is creating leverage "
    "for itself.” Sina Toossi, National Interest",
    "“Europe’s leaders have refused to join the U.S. effort to drive Iran to the table.”",
    "Editorial Board, Wall Street Journal",
]


def test_round_up_credits_each_quotation_to_its_writer(nlp: Any) -> None:
    body = article_of(*ROUNDUP).body
    politico = mention(body, "Politico", Actor("Politico", "USAMED", country="USA",
                                               sector="MED", kind="organisation"))  # fmt: skip
    wsj = mention(body, "Wall Street Journal", Actor("The Wall Street Journal", "USAMED",
                  country="USA", sector="MED", kind="organisation"))  # fmt: skip
    quotes = quotes_of(nlp, *ROUNDUP, mentions=[politico, wsj])
    assert [q.cue for q in quotes] == [",", ",", ","]
    assert speaker_names(quotes) == ["Edward B. Foley", "Sina Toossi", "The Wall Street Journal"]
    # A writer is media of the outlet's country; the unknown "National Interest" takes the
    # country of the round-up's other outlets; an editorial board is its outlet.
    assert [q.speaker.code for q in quotes if q.speaker] == ["USAMED", "USAMED", "USAMED"]


def test_a_photo_credit_is_no_writer(nlp: Any) -> None:
    quotes = quotes_of(
        nlp,
        "Putin called the talks “useful.” Mikhail Klimentyev, Kremlin Pool Photo via AP",
    )
    assert all(q.cue != "," for q in quotes)


def test_quotation_after_a_furniture_line_is_the_speaker_before(nlp: Any) -> None:
    # allsides-qaFjEQmzMuzAbA3W (gold/dev2)
    quotes = quotes_of(
        nlp,
        "“It’s encouraging that one of the senior ISIS leaders has been killed,” Jeb Bush "
        "said during a media availability here.",
        "Story Continued Below",
        "“This administration created the void that created this emerging caliphate.”",
    )
    assert speaker_names(quotes) == ["Jeb Bush", "Jeb Bush"]


def test_a_furniture_line_names_no_speaker(nlp: Any) -> None:
    quotes = quotes_of(
        nlp,
        "The senator left the hall early.",
        "Story Continued Below",
        "“This administration created the void that created this emerging caliphate.”",
    )
    assert "Story" not in speaker_names(quotes)  # "Story Continued Below" said nothing


def test_announced_quotation_after_a_caption(nlp: Any) -> None:
    # allsides-036BFdRSTpqVpg18 (gold/dev2): an NPR newscast with a map caption between
    quotes = quotes_of(
        nlp,
        "Lauren reports for our Newscast unit:",
        "Enlarge this image toggle caption Google Maps Google Maps",
        '"Migrants and refugees keep streaming into Croatia after Hungary closed its borders."',
    )
    assert [q.cue for q in quotes] == ["reports"]
    assert speaker_names(quotes) == ["Lauren"]


def test_a_quotation_running_over_paragraphs_keeps_its_writer(nlp: Any) -> None:
    paragraphs = (
        "“The deal was never a good one.",
        "“Leaving it makes things worse.”",
        "Max Boot, Washington Post",
        "“Iran is keen to show that bullying tactics will not work.”",
        "Vali R. Nasr, New York Times",
    )
    body = article_of(*paragraphs).body
    post = mention(body, "Washington Post", Actor("The Washington Post", "USAMED",
                   country="USA", sector="MED", kind="organisation"))  # fmt: skip
    quotes = quotes_of(nlp, *paragraphs, mentions=[post])
    assert [(q.speaker.code, q.speaker.name) for q in quotes if q.speaker] == [
        ("USAMED", "Max Boot"),
        ("USAMED", "Max Boot"),
        ("USAMED", "Vali R. Nasr"),
    ]
