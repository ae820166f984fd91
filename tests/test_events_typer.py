"""The trained event typer: packaged weights load offline, give the same answer twice, and
decide what the lexicon cannot: a wrong sense of a lexicon verb is vetoed, an act the
lexicon does not know is typed, and every event keeps the typer's confidence. Sentences
shortened from ../shared/corpus articles and from the issue's examples."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from spacy.tokens import Doc

from events_support import mentions_for, pipeline_events
from tidings.events import code_events, coder
from tidings.events.candidates import Candidate
from tidings.events.lexicon import load_lexicon
from tidings.events.typed import (
    ADD_AT,
    DROP_AT,
    RETYPE_AT,
    Verdict,
    additions,
    retyped,
    vetoed,
)
from tidings.events.typer import NONE, EventTyper, load_typer
from tidings.model import PLOVER_TYPES, Article


@pytest.fixture(scope="module")
def typer() -> EventTyper:
    loaded = load_typer()
    assert loaded is not None, "the package ships src/tidings/events/data/typer.npz"
    return loaded


PUBLISHED = "2014-08-12"


def test_labels_and_round_trip(typer: EventTyper) -> None:
    assert typer.labels == (NONE, *PLOVER_TYPES)
    assert len(typer.vocabulary) > 1000  # learnt from thousands of candidates, not a list
    again = EventTyper.from_bytes(typer.to_bytes())
    assert again.vocabulary == typer.vocabulary
    assert np.allclose(again.weights, typer.weights, atol=1e-3)


def test_thresholds_decide_veto_and_addition() -> None:
    sure_none = Verdict(NONE, DROP_AT, {NONE: DROP_AT})
    unsure_none = Verdict(NONE, DROP_AT - 0.2, {NONE: DROP_AT - 0.2})
    assert vetoed(sure_none) and not vetoed(unsure_none) and not vetoed(None)
    verdicts = {
        3: Verdict("ASSAULT", ADD_AT + 0.1, {}),
        5: Verdict("ASSAULT", ADD_AT - 0.1, {}),
        7: Verdict(NONE, 0.9, {}),
        9: Verdict("ACCUSE", 0.95, {}),
    }
    assert additions(verdicts, taken={9}) == [3]


def test_a_match_whose_type_the_typer_doubts_is_kept() -> None:
    # only a sure NONE vetoes: a veto on the typer's doubt of the match's own type raised
    # out-of-fold precision but cost recall on the dev articles (events.typed)
    doubted = Verdict(NONE, 0.6, {NONE: 0.6, "REJECT": 0.09})
    assert not vetoed(doubted)


def test_an_act_outside_the_lexicon_is_typed(pipeline, tmp_path) -> None:
    # corpus, 2013: "lash out" is in no lexicon row; the typer codes the criticism
    text = "House Speaker John Boehner is lashing out at President Obama."
    events = pipeline_events(pipeline, tmp_path, text, PUBLISHED)
    accuse = [e for e in events if e.event == "ACCUSE"]
    assert accuse and accuse[0].rule == "typer.accuse"
    assert {r.code for r in accuse[0].actor} == {"USALEG"}
    assert {r.code for r in accuse[0].recipient} == {"USAGOV"}
    assert accuse[0].confidence is not None and accuse[0].confidence >= ADD_AT


def test_a_carrier_verb_puts_its_subject_behind_the_act(pipeline, tmp_path) -> None:
    # corpus, 2014: "authorized airstrikes" — the airstrikes are Obama's
    text = "President Obama authorized airstrikes in Iraq against the Islamic State."
    events = pipeline_events(pipeline, tmp_path, text, PUBLISHED)
    assault = [e for e in events if e.event == "ASSAULT"]
    assert assault and {r.code for r in assault[0].actor} == {"USAGOV"}
    assert {r.code for r in assault[0].recipient} == {"IMG"}


def test_every_event_carries_the_typers_confidence(pipeline, tmp_path) -> None:
    events = pipeline_events(
        pipeline, tmp_path, "Chuck Schumer is strongly endorsing the deal with Iran.", PUBLISHED
    )
    assert [e.event for e in events] == ["SUPPORT"]
    assert events[0].confidence is not None and 0.5 < events[0].confidence <= 1.0


def test_same_input_same_output(pipeline, tmp_path) -> None:
    text = "Turkish forces shelled Kurdish positions in Syria on Sunday."
    first = pipeline_events(pipeline, tmp_path, text, PUBLISHED)
    second = pipeline_events(pipeline, tmp_path, text, PUBLISHED)
    assert [(e.event, e.confidence) for e in first] == [(e.event, e.confidence) for e in second]


def test_a_lexicon_row_takes_the_type_the_typer_is_sure_of() -> None:
    # gold/dev2 allsides-TANdORmxAj2hiKPj: "When Egyptians protested Mubarak", an objection to the
    # lexicon, a protest to the typer
    row = load_lexicon().entries[("oppose", "V")][-1]
    sure = Verdict("PROTEST", RETYPE_AT, {"PROTEST": RETYPE_AT})
    unsure = Verdict("PROTEST", RETYPE_AT - 0.01, {"PROTEST": RETYPE_AT - 0.01})
    new = retyped(row, sure)
    assert (new.event, new.mode, new.target) == ("PROTEST", None, row.target)
    assert new.id.endswith(">typer.protest")
    assert retyped(row, unsure) is row
    assert retyped(row, Verdict("NONE", 0.99, {"NONE": 0.99})) is row


def test_a_vetoed_wrapper_still_keeps_its_content_unasserted(nlp, monkeypatch) -> None:
    # corpus (shortened): whatever the typer makes of "refused", Morsi did not resign
    body = "Yet Morsi refused to resign his elected office."
    sure_none = Verdict(NONE, 0.99, {NONE: 0.99})
    monkeypatch.setattr(
        coder,
        "article_verdicts",
        lambda doc, *_: {t.i: sure_none for t in doc if t.lower_ == "refused"},
    )
    article = Article.from_paragraphs("t", [body], title=None, published=dt.date(2013, 7, 4))
    mentions = mentions_for(body, {"Morsi": ("EGYGOV", "Mohamed Morsi", "person")})
    events = code_events(nlp(body), article, mentions, [], [])
    assert not [e for e in events if e.event == "RETREAT"]


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # gold/dev2 allsides-NnWfH0hYgiQVrTka: "should know" is no request, though the
        # argument places of the lexicon's "must" row hold the regime
        (
            "The Assad regime should know that its actions have led us to increase the scope "
            "and scale of assistance to the opposition, White House adviser Ben Rhodes said.",
            "2013-06-14",
        ),
        # gold/dev2 allsides-D2oHJiOb9xGhweQj (shortened): no one is asked to "reach"
        ("In a statement, Russia said the Syrian parties must reach a settlement.", "2013-09-14"),
    ],
)
def test_a_lexicon_match_outside_the_candidates_is_judged_too(
    pipeline, tmp_path, text: str, published: str
) -> None:
    # the trigger has no actor among its own arguments, so the parse offers no candidate;
    # the typer still judges the lexicon's match and vetoes it
    events = pipeline_events(pipeline, tmp_path, text, published)
    assert not [e for e in events if e.event == "REQUEST"], [(e.event, e.rule) for e in events]


def test_a_match_without_candidate_gets_a_verdict(nlp, typer: EventTyper) -> None:
    from tidings.events.arguments import ActorIndex
    from tidings.events.candidates import candidates
    from tidings.events.typed import article_verdicts
    from tidings.events.typer_features import eventive_noun

    body = "Russia said the parties must reach a settlement."
    doc = nlp(body)
    index = ActorIndex(doc, mentions_for(body, {"Russia": ("RUSGOV", "Russia", "country")}), [])
    reach = next(t for t in doc if t.lower_ == "reach")
    is_actor = lambda t: t.i in index.by_token  # noqa: E731
    offered = [c.trigger for s in doc.sents for c in candidates(s, is_actor, eventive_noun)]
    assert reach not in offered
    verdicts = article_verdicts(doc, index, typer, {reach.i: "REQUEST"})
    assert reach.i in verdicts


def _trigger(doc: Doc, word: str) -> Candidate:
    tok = next(t for t in doc if t.lower_ == word)
    return Candidate(tok, (), ())


def test_sense_features_see_a_question_a_quotation_and_a_quantity(nlp) -> None:
    # the variant the training script offers (--sense-features); the shipped typer is
    # trained without them, so they are no part of feature_names
    from tidings.events.typer_features import SENSE_GROUPS, feature_names, sense_features

    # corpus allsides-zO6yJ011BJs1Drdy: a question asks whether China will act; no act
    question = sense_features(_trigger(nlp("Will China clamp down?"), "clamp"))
    assert "question" in question and "tag=VB" in question
    # corpus allsides-4B6u98y8ZTuFIZ4Y (shortened): the speaker's words, the writer's report
    doc = nlp("“Now Iran is orchestrating an attack on the U.S. Embassy in Iraq,” Trump wrote.")
    assert "in.quote" in sense_features(_trigger(doc, "orchestrating"))
    assert "in.quote" not in sense_features(_trigger(doc, "wrote"))
    # corpus allsides-IQzCF6fyz79BC9So: a poll's move, a subject that is no actor
    doc = nlp("Within a week, Biden’s national support surged by 25 percent.")
    surged = sense_features(_trigger(doc, "surged"))
    assert {"quantity", "quantity=PERCENT", "nsubj.w=support"} <= set(surged)
    support = sense_features(_trigger(doc, "support"))
    assert "lemma+poss.w=support+biden" in support and "question" not in support
    # the script drops them by group; no group of the shipped features is among them
    for names in (question, surged, support):
        assert all(f.partition("=")[0] in SENSE_GROUPS for f in names)
    shipped = feature_names(_trigger(doc, "surged"), None)
    assert not [f for f in shipped if f.partition("=")[0] in SENSE_GROUPS]


def test_a_typer_with_act_features_reads_them_and_keeps_saying_so(nlp) -> None:
    # a columnist's advice ("we should sanction") and a report of the deed differ in the act
    # features only a typer trained with them reads (train_event_typer.py --act-features)
    from tidings.events.typer import feature_matrix
    from tidings.events.typer_features import OPINION_KEY

    doc = nlp("We should sanction Russia for the attack.")
    doc.user_data[OPINION_KEY] = True
    cand = _trigger(doc, "sanction")
    vocabulary = {"act.first": 0, "act.opinion+first": 1, "lemma=sanction": 2}
    plain = feature_matrix([cand], [None], vocabulary, 0.0).toarray()[0, :3]
    acts = feature_matrix([cand], [None], vocabulary, 0.0, with_acts=True).toarray()[0, :3]
    assert plain.tolist() == [0.0, 0.0, 1.0] and acts.tolist() == [1.0, 1.0, 1.0]
    labels = (NONE, *PLOVER_TYPES)
    weights = np.zeros((len(vocabulary) + 192, len(labels)))
    with_acts = EventTyper(labels, vocabulary, weights, np.zeros(len(labels)), 0.3, with_acts=True)
    assert EventTyper.from_bytes(with_acts.to_bytes()).with_acts
    without = EventTyper(labels, vocabulary, weights, np.zeros(len(labels)), 0.3)
    assert not EventTyper.from_bytes(without.to_bytes()).with_acts
