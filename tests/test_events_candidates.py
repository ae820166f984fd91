"""Event candidates come from the parse (a clause head or eventive noun with an actor among
its arguments), and the CAMEO verb dictionary reads their triggers. Sentences shortened
from ../shared/corpus articles."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Token

from tidings.events.candidates import NAMED_KINDS, candidates
from tidings.events.typer_features import cameo_types, cameo_verbs, eventive_noun
from tidings.nlp import load_nlp


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def _is_entity(tok: Token) -> bool:
    return tok.ent_type_ in NAMED_KINDS


def _triggers(nlp: Language, text: str, test: Callable[[Token], bool] = _is_entity) -> list[str]:
    doc = nlp(text)
    return [c.trigger.lemma_ for s in doc.sents for c in candidates(s, test, eventive_noun)]


def test_a_verb_with_an_actor_is_a_candidate_and_saying_is_not(nlp: Language) -> None:
    found = _triggers(nlp, "Turkey shelled Kurdish positions in Syria, officials said.")
    assert "shell" in found
    assert "say" not in found


def test_an_eventive_noun_with_its_actor_is_a_candidate(nlp: Language) -> None:
    found = _triggers(nlp, "The sanctions followed Russia's invasion of Ukraine.")
    assert "invasion" in found


def test_no_actor_no_candidate(nlp: Language) -> None:
    assert _triggers(nlp, "The index declined 0.3 percent on Tuesday.") == []


def test_cameo_dictionary_reads_verbs_and_patterns(nlp: Language) -> None:
    assert len(cameo_verbs()) > 1000  # the PETRARCH2 dictionary's verbs, not a hand list
    doc = nlp("Pakistan condemned the attack. India accused Pakistan of the bombing.")
    condemned = next(t for t in doc if t.lower_ == "condemned")
    accused = next(t for t in doc if t.lower_ == "accused")
    assert (cameo_types(condemned)[0] or "").startswith("ACCUSE")
    assert (cameo_types(accused)[0] or "").startswith("ACCUSE")
