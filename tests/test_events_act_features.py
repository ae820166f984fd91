"""What tells the typer an act from talk about acts (issue #12): a generic subject and an
adverb of habit, a condition, a writer speaking in the first person outside quotation
marks, an opinion page's address, and whether any party is named. Sentences written for
these tests in the manner of the corpus's news and opinion pages."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from tidings.events.candidates import NAMED_KINDS, Candidate, candidates
from tidings.events.typer_features import (
    ACT_GROUPS,
    OPINION_KEY,
    act_features,
    eventive_noun,
    opinion_article,
    opinion_features,
    opinion_page,
)
from tidings.nlp import load_nlp


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def _candidate(doc: Doc, trigger: str) -> Candidate:
    """The candidate whose trigger is the word ``trigger``; any noun or name counts as an
    actor, as when candidates were drawn for annotation."""

    def is_actor(tok: object) -> bool:
        return getattr(tok, "ent_type_", "") in NAMED_KINDS or getattr(tok, "pos_", "") in (
            "NOUN",
            "PROPN",
            "PRON",
        )

    for sent in doc.sents:
        for cand in candidates(sent, is_actor, eventive_noun):
            if cand.trigger.text == trigger:
                return cand
    raise AssertionError(f"no candidate {trigger!r} in {doc.text!r}")


def test_a_generic_statement_reads_as_a_habit_of_unnamed_parties(nlp: Language) -> None:
    doc = nlp("Governments that impose sanctions often punish their own exporters.")
    punish = act_features(_candidate(doc, "punish"))
    assert "act.subj=bare.plural" in punish
    assert "act.habit" in punish
    assert "act.form=VBP+-" in punish  # the present simple of a habit
    assert "act.party=described" in punish
    impose = act_features(_candidate(doc, "impose"))
    assert "act.relcl=bare.plural" in impose  # "governments that impose …"


def test_a_reported_deed_reads_as_a_named_party_in_the_past(nlp: Language) -> None:
    doc = nlp("Turkish jets bombed Kurdish positions in Syria on Tuesday.")
    bombed = act_features(_candidate(doc, "bombed"))
    assert "act.form=VBD+-" in bombed
    assert "act.party=named" in bombed
    assert not {"act.habit", "act.cond", "act.first"} & set(bombed)


def test_a_condition_and_a_modal_are_read(nlp: Language) -> None:
    doc = nlp("If Iran closes the strait, the United States would strike its navy.")
    assert "act.cond" in act_features(_candidate(doc, "closes"))
    assert "act.form=VB+would" in act_features(_candidate(doc, "strike"))


def test_the_writers_own_voice_is_told_from_a_quoted_speaker(nlp: Language) -> None:
    own = nlp("We should stop pretending that Russia respects its neighbours.")
    assert "act.first" in act_features(_candidate(own, "respects"))
    quoted = nlp('"We will defend our borders," Putin warned Ukraine on Friday.')
    warned = act_features(_candidate(quoted, "warned"))
    assert "act.first" not in warned  # the first person is the speaker's, in quotes
    assert "act.quote" in act_features(_candidate(quoted, "defend"))


def test_an_opinion_page_is_known_by_its_address() -> None:
    assert opinion_page("https://www.example.com/opinion/2019/05/02/trade-war-column.html")
    assert opinion_page("http://www.example.org/Commentary/the-editors-view/2013/0909/x")
    assert opinion_page("https://example.com/blog/2018/07/02/a-new-president")
    assert not opinion_page("https://www.example.com/news/world-us-canada-49147365")
    assert not opinion_page("https://www.example.com/world/opinion-polls-show-a-lead")
    assert not opinion_page("https://www.example.com/story?section=opinion")
    assert not opinion_page(None)


def test_the_opinion_flag_reaches_the_features(nlp: Language) -> None:
    doc = nlp("Washington must punish Moscow for its meddling.")
    doc.user_data[OPINION_KEY] = True
    feats = act_features(_candidate(doc, "punish"))
    assert {"act.opinion", "act.opinion+form=VB+must"} <= set(feats)
    assert {f.partition("=")[0] for f in feats} <= ACT_GROUPS


def test_an_opinion_piece_is_known_by_its_title_too() -> None:
    assert opinion_article(None, "OPINION: Why the tariffs on Mexico deserve our support")
    assert opinion_article(None, "Op-Ed | The Senate should not wait on Iran")
    assert opinion_article(None, "Review: a spy novel set in Riyadh")
    assert opinion_article(None, "The president's Syria gamble - Editorial")
    assert opinion_article("https://www.example.com/opinion/2019/05/02/x.html", "Trade war")
    assert not opinion_article(None, "Poll: most voters oppose the strikes on Syria")
    assert not opinion_article(None, "Congress opens a review of the Iran deal")
    assert not opinion_article(None, None)


def test_the_opinion_features_are_read_from_the_act_features(nlp: Language) -> None:
    # a columnist's "we should sanction" is advice, the same words in a report a plan
    doc = nlp("We should sanction Russia for the attack, the column argues.")
    plain = act_features(_candidate(doc, "sanction"))
    doc.user_data[OPINION_KEY] = True
    marked = act_features(_candidate(doc, "sanction"))
    assert "act.first" in plain and not any(f.startswith("act.opinion") for f in plain)
    assert set(marked) - set(plain) == set(opinion_features(plain))
    assert {"act.opinion", "act.opinion+first", "act.opinion+form=VB+should"} <= set(marked)
