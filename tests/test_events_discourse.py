"""Recipients taken from the discourse (events.discourse) and, for sentence-level coding,
PLOVER's domestic-target convention (evaluation.plover_conventions)."""

from __future__ import annotations

import datetime as dt

import pytest

from events_support import code, codes, date_at, mentions_for, only
from tidings.evaluation.plover_conventions import PLOVER
from tidings.events import code_events, discourse
from tidings.model import Article, Event

# The routes themselves, each asked for every directed type (events.discourse.INFERRED
# asks only the measured ones: see test_events_recipient_inference).
ALL_ROUTES = dict.fromkeys(discourse.DISCOURSE_TYPES, ("sentence", "prev", "counterpart"))


def code_article(nlp, paragraphs: list[str], title: str | None = None) -> list[Event]:  # type: ignore[no-untyped-def]
    article = Article.from_paragraphs("t", paragraphs, title=title, published=dt.date(2024, 3, 15))
    doc = nlp(article.body)
    return code_events(doc, article, mentions_for(article.body), [], [])


def code_lenient(nlp, body: str) -> list[Event]:  # type: ignore[no-untyped-def]
    article = Article.from_paragraphs("t", [body], title=None, published=None)
    doc = nlp(article.body)
    # the PLOVER conventions' rules on invented countries: the lexicon's, without the typer
    # (as events_support.code)
    return code_events(
        doc, article, mentions_for(article.body), [], [], conventions=PLOVER, typer=None
    )


def test_recipient_from_previous_sentence_object(nlp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(discourse, "INFERRED", ALL_ROUTES)
    events = code(
        nlp,
        "Prime Minister Boris Kade sent a peace proposal to President Anna Lind on Monday. "
        "Carpania rejected the proposal on Tuesday.",
    )
    ev = only(events, "REJECT")
    assert codes(ev.actor) == {"CRPGOV"}
    assert codes(ev.recipient) == {"ATLGOV"}
    assert ev.rule.endswith("+prev")  # a user sees the recipient was inferred


def test_recipient_from_own_sentence_when_not_attached(nlp) -> None:  # type: ignore[no-untyped-def]
    ev = only(code(nlp, "Kade cancelled the visit because of a dispute with Lind."), "SANCTION")
    assert codes(ev.recipient) == {"ATLGOV"}
    assert ev.rule.endswith("+sentence")


def test_recipient_from_article_counterpart(nlp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(discourse, "INFERRED", ALL_ROUTES)
    events = code_article(
        nlp,
        [
            "Borduria imposed sanctions on Atlantis.",
            "Borduria accused Atlantis of spying.",
            "Kade spoke to reporters on Friday.",
            "He also demanded an apology.",
        ],
    )
    ev = only(events, "REQUEST")
    assert codes(ev.actor) == {"BRDGOV"}
    assert codes(ev.recipient) == {"ATLGOV"}
    assert ev.rule.endswith("+counterpart")


def test_recipient_from_headline_pair(nlp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(discourse, "INFERRED", ALL_ROUTES)
    events = code_article(
        nlp,
        ["Borduria and Atlantis have quarrelled for months.", "Kade demanded an apology."],
        title="Borduria demands apology from Atlantis",
    )
    ev = only(events, "REQUEST")
    assert codes(ev.recipient) == {"ATLGOV"}


def test_no_recipient_inferred_when_ambiguous(nlp) -> None:  # type: ignore[no-untyped-def]
    events = code(
        nlp,
        "Lind received letters from Kade and from Carpania on Monday. Lind rejected the demands.",
    )
    assert not [e for e in events if e.event == "REJECT"]


def test_no_recipient_inferred_for_police(nlp) -> None:  # type: ignore[no-untyped-def]
    # A domestic body's other side is rarely the article's foreign counterpart.
    events = code(
        nlp,
        "Prime Minister Boris Kade sent a peace proposal to President Anna Lind on Monday. "
        "Bordurian police rejected the proposal.",
    )
    assert not [e for e in events if e.event == "REJECT"]


@pytest.mark.parametrize(
    ("sentence", "event_type", "recipient"),
    [
        # No other side: the act falls on the actor's own country.
        ("President Anna Lind declined to resign.", "REJECT", "ATL"),
        # The place phrase says where, also when hung on the subject.
        ("Carpanian rebels in Borduria staged protests on Monday.", "PROTEST", "BRD"),
        # The one other country the sentence names, though not attached to the trigger.
        ("Lind declined to consider the offer, which came from Kade.", "REJECT", "BRD"),
    ],
)
def test_lenient_domestic_target(nlp, sentence: str, event_type: str, recipient: str) -> None:  # type: ignore[no-untyped-def]
    ev = only(code_lenient(nlp, sentence), event_type)
    assert {r.code[:3] for r in ev.recipient} == {recipient}


def test_domestic_target_not_used_for_articles(nlp) -> None:  # type: ignore[no-untyped-def]
    # Article coding keeps needing a named recipient for a refusal with no other side.
    assert not code(nlp, "President Anna Lind declined to resign.")


def test_lenient_unidentified_actor_coded_by_place(nlp) -> None:  # type: ignore[no-untyped-def]
    # PLOVER codes an actor it cannot name by the country where it acts.
    ev = only(
        code_lenient(nlp, "Thousands of students throughout Borduria staged protests."), "PROTEST"
    )
    assert {a.code[:3] for a in ev.actor} == {"BRD"}
    assert {r.code[:3] for r in ev.recipient} == {"BRD"}


MILITARY_TABLE = {
    "Lind": ("ATLGOV", "Anna Lind", "person"),
    "Borduria's military": ("BRDMIL", "Bordurian military", "organisation"),
}


@pytest.mark.parametrize(
    ("sentence", "recipient"),
    [
        # A state's military policy is answered for by its government …
        ("Lind criticized Borduria's military actions in Carpania.", "BRDGOV"),
        # … its armed forces themselves are the military.
        ("Lind criticized Borduria's military.", "BRDMIL"),
    ],
)
def test_military_policy_falls_on_government(nlp, sentence: str, recipient: str) -> None:  # type: ignore[no-untyped-def]
    article = Article.from_paragraphs("t", [sentence], title=None, published=dt.date(2024, 3, 15))
    doc = nlp(article.body)
    events = code_events(doc, article, mentions_for(article.body, MILITARY_TABLE), [], [])
    ev = only(events, "ACCUSE")
    assert codes(ev.recipient) == {recipient}


def test_no_recipient_inferred_for_an_order_to_its_own_side(nlp) -> None:  # type: ignore[no-untyped-def]
    # The instruction goes to Lind's own country: Borduria, named before, is not its
    # recipient.
    events = code(
        nlp,
        "Lind received a peace proposal from Kade on Monday. "
        "Lind instructed Atlantis to reply within a week.",
    )
    assert not [e for e in events if e.event == "REQUEST"]


def test_charging_tariffs_is_a_sanction_not_an_accusation(nlp) -> None:  # type: ignore[no-untyped-def]
    events = code(nlp, "Borduria is charging heavy tariffs to Atlantis.")
    assert not [e for e in events if e.event == "ACCUSE"]
    ev = only(events, "SANCTION")
    assert codes(ev.recipient) == {"ATLGOV"}


@pytest.mark.parametrize(
    ("sentence", "event_type"),
    [
        # Offering to lift sanctions is a promise; the sanctions are what is given up …
        ("Atlantis offered to lift sanctions on Borduria.", "AGREE"),
        # … vowing to impose them is a threat.
        ("Atlantis vowed to impose sanctions on Borduria.", "THREATEN"),
    ],
)
def test_intent_is_read_from_the_intended_act(nlp, sentence: str, event_type: str) -> None:  # type: ignore[no-untyped-def]
    events = code(nlp, sentence)
    assert {e.event for e in events if e.rule.startswith("agree.promise")} == {event_type}


def test_by_clause_takes_the_date_of_the_verb_it_describes(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Atlantis responded on Friday by accusing Borduria of spying."
    events = code(nlp, body, dates=[date_at(body, "on Friday", "2024-03-15", "day")])
    ev = only(events, "ACCUSE")
    assert ev.date is not None and ev.date.value == "2024-03-15"
    assert ev.aux is None


@pytest.mark.parametrize(
    ("sentence", "aux", "dated"),
    [
        # A past "when" clause under a present main clause recalls an earlier act …
        (
            "Lind says relations soured when Atlantis imposed sanctions on Borduria.",
            "historical",
            False,
        ),
        # … the same act reported alone is today's news.
        ("Atlantis imposed sanctions on Borduria.", None, True),
    ],
)
def test_recalled_when_clause_is_historical(
    nlp, sentence: str, aux: str | None, dated: bool
) -> None:  # type: ignore[no-untyped-def]
    ev = only(code(nlp, sentence), "SANCTION")
    assert ev.aux == aux
    assert (ev.date is not None) == dated


def test_lenient_unnamed_actor_coded_by_the_sentences_other_country(nlp) -> None:  # type: ignore[no-untyped-def]
    # "Jan Novak" is no coded actor; the sentence's one country besides the recipient is
    # where he acts from.
    body = (
        "Former minister Jan Novak demanded that Atlantis apologize, "
        "the state radio of Borduria reported."
    )
    ev = only(code_lenient(nlp, body), "REQUEST")
    assert {a.code[:3] for a in ev.actor} == {"BRD"}
    assert {r.code[:3] for r in ev.recipient} == {"ATL"}
