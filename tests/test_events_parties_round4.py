"""Sources the coder used to take from the wrong party of the sentence (issue #12, fourth
round), on shortened sentences of the corpus event samples r5 and r6: the argument model's
source is never the party the rules read as the recipient, and the noun a passive relative
clause describes is not the one acting (unless the row takes a passive subject as its
source, as a deployment does)."""

from __future__ import annotations

from typing import Any

import pytest

from events_support import mentions_for
from tidings.events import code_events
from tidings.events.argument_model import ArgumentModel, load_argument_model
from tidings.events.arguments import ActorIndex
from tidings.events.coder import rule_parties
from tidings.events.lexicon import load_lexicon
from tidings.model import Article, Event

ACTORS: dict[str, tuple[str, str, str]] = {
    "Britain": ("GBR", "United Kingdom", "country"),
    "Mubarak": ("EGYELI", "Hosni Mubarak", "person"),
    "the Tora prison": ("EGYCOP", "Tora prison", "organisation"),
    "Egyptian troops": ("EGYMIL", "Egyptian troops", "group"),
    "Israel": ("ISR", "Israel", "country"),
    "Zuma": ("ZAFGOV", "Jacob Zuma", "person"),
    "Russia": ("RUS", "Russia", "country"),
    "the United States": ("USA", "United States", "country"),
}


@pytest.fixture(scope="module")
def model() -> ArgumentModel:
    loaded = load_argument_model()
    assert loaded is not None
    return loaded


def _code(nlp: Any, body: str, arguments: ArgumentModel | None) -> list[Event]:
    article = Article.from_paragraphs("test", [body], title=None, published=None)
    doc = nlp(article.body)
    mentions = mentions_for(article.body, ACTORS)
    return code_events(doc, article, mentions, [], [], typer=None, arguments=arguments)


def _rules(nlp: Any, text: str, word: str, event: str) -> tuple[set[str], set[str]]:
    doc = nlp(text)
    index = ActorIndex(doc, mentions_for(text, ACTORS), [])
    trigger = next(t for t in doc if t.text == word)
    source, recipient = rule_parties(trigger, event, index, load_lexicon())
    return {p.code for p in source}, {p.code for p in recipient}


def test_model_source_is_not_the_rules_recipient(nlp: Any, model: ArgumentModel) -> None:
    # corpus sample r5: the model read Britain, whose envoy was detained, as the detainer
    # (GBRGOV → GBR); the agentless passive names no detainer in the sentence
    body = "Britain said its envoy was detained without grounds or explanation."
    assert not [e for e in _code(nlp, body, model) if e.event == "COERCE"]


def test_a_passive_relative_clause_does_not_make_its_noun_the_doer(nlp: Any) -> None:
    # corpus sample r5: "the prison where Mubarak has been detained" detained no one
    text = (
        "A supporter raises his portrait outside the Tora prison where Mubarak has been detained."
    )
    assert _rules(nlp, text, "detained", "COERCE") == (set(), {"EGYELI"})


def test_a_passive_relative_clause_of_a_deployment_keeps_its_troops(nlp: Any) -> None:
    # a deployment row takes its passive subject as the source ("passsrc"): the troops a
    # relative clause says were deployed
    body = "Israel criticized the Egyptian troops that were deployed to the border on Monday."
    mobilize = [e for e in _code(nlp, body, None) if e.event == "MOBILIZE"]
    assert [[r.code for r in e.actor] for e in mobilize] == [["EGYMIL"]]


def test_the_subject_of_a_receiving_verb_receives_the_nominal_act(nlp: Any) -> None:
    # corpus sample r6: the government "facing violent unrest and protests" is their
    # target; the model took it for the protesters
    text = "Zuma's African National Congress government is facing violent unrest and protests."
    assert _rules(nlp, text, "protests", "PROTEST") == (set(), {"ZAFGOV"})
    # the giver named in a "from" phrase still acts
    text = "Russia faced new sanctions from the United States on Monday."
    assert _rules(nlp, text, "sanctions", "SANCTION") == ({"USA"}, {"RUS"})
