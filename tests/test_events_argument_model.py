"""The argument model (events.argument_model): packaged weights load offline, the parties of a
sentence and the paths to them are what the coder sees, the model supplies a source the
rules cannot reach (and says so in the rule id) while the rules' own parties stand, and
training gives the same weights twice. Sentences shortened from gold/dev2 articles (the
development set) and the corpus."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest

from events_support import mentions_for
from tidings.events import code_events
from tidings.events.argument_model import (
    LABELS,
    NONE,
    RECIPIENT,
    SOURCE,
    ArgumentModel,
    dependency_path,
    load_argument_model,
    pair_features,
    units,
)
from tidings.events.arguments import ActorIndex
from tidings.model import Article, Event

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import train_event_arguments as training  # noqa: E402

ACTORS = {
    "Treasury Secretary Steven Mnuchin": ("USAGOV", "Steven Mnuchin", "person"),
    "Beijing": ("CHN", "China", "country"),
    "Obama": ("USAGOV", "Barack Obama", "person"),
    "Syria": ("SYR", "Syria", "country"),
    "Congress": ("USALEG", "Congress", "organisation"),
    "Kerry": ("USAGOV", "John Kerry", "person"),
    "Lavrov": ("RUSGOV", "Sergei Lavrov", "person"),
}
# gold/dev2, allsides-5ABkYp8JSpGfqwWn: the meeting noun is the object of "reported", whose
# subject the rules for a noun trigger do not reach
CONVERSATIONS = (
    "Treasury Secretary Steven Mnuchin reported very productive conversations with Beijing."
)
# written for this test: the meeting hangs on an adjective no rule climbs
FRESH_FROM_TALKS = "Kerry, fresh from talks with Lavrov, flew home."
# gold/dev2, allsides-NnWfH0hYgiQVrTka: the asking verb hangs on "without", under "ordered"
ASKING = "Obama could have ordered strikes on Syria without asking Congress."


@pytest.fixture(scope="module")
def model() -> ArgumentModel:
    loaded = load_argument_model()
    assert loaded is not None, "the package ships src/tidings/events/data/arguments.npz"
    return loaded


def _code(nlp, body: str, arguments) -> list[Event]:  # type: ignore[no-untyped-def]
    article = Article.from_paragraphs("test", [body], title=None, published=None)
    doc = nlp(article.body)
    mentions = mentions_for(article.body, ACTORS)
    return code_events(doc, article, mentions, [], [], typer=None, arguments=arguments)


def test_packaged_model_round_trips(model: ArgumentModel) -> None:
    assert len(model.vocabulary) > 1000  # learnt from thousands of annotated events
    assert model.weights.shape == (len(model.vocabulary), len(LABELS))
    assert 0.0 < model.source_at <= 1.0
    again = ArgumentModel.from_bytes(model.to_bytes())
    assert again.vocabulary == model.vocabulary
    assert (again.source_at, again.recipient_at) == (model.source_at, model.recipient_at)


def test_units_are_the_parties_of_the_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(CONVERSATIONS)
    index = ActorIndex(doc, mentions_for(CONVERSATIONS, ACTORS), [])
    trigger = next(t for t in doc if t.lower_ == "conversations")
    found = units(trigger.sent, trigger, index)
    # one unit per phrase: "Treasury Secretary Steven Mnuchin" is one party, not four
    assert [(u.token.text, [p.code for p in u.parties]) for u in found] == [
        ("Mnuchin", ["USAGOV"]),
        ("Beijing", ["CHN"]),
    ]
    assert CONVERSATIONS[found[0].start : found[0].end] == "Treasury Secretary Steven Mnuchin"
    # the subject of the verb the noun is the object of: up one step, down one
    assert dependency_path(trigger, found[0].token) == (["dobj"], ["nsubj"])
    feats = pair_features(trigger, found[0], found, index, "CONSULT")
    assert "path=^dobj vnsubj" in feats and "order=before" in feats


def test_model_supplies_a_source_the_rules_miss(nlp, model: ArgumentModel) -> None:  # type: ignore[no-untyped-def]
    assert not [e for e in _code(nlp, FRESH_FROM_TALKS, None) if e.event == "CONSULT"]
    consult = [e for e in _code(nlp, FRESH_FROM_TALKS, model) if e.event == "CONSULT"]
    assert len(consult) == 1
    assert [r.code for r in consult[0].actor] == ["USAGOV"]
    assert [r.code for r in consult[0].recipient] == ["RUSGOV"]
    assert consult[0].rule.endswith("+model-source")


def test_rules_now_reach_the_reporter_of_a_meeting(nlp, model: ArgumentModel) -> None:  # type: ignore[no-untyped-def]
    # the model's first example: the participant of a meeting the noun names no one in is
    # the subject of the verb it is the object of (coder._participant), so the rules find
    # it and the model is not asked
    consult = [e for e in _code(nlp, CONVERSATIONS, None) if e.event == "CONSULT"]
    assert [r.code for r in consult[0].actor] == ["USAGOV"]
    assert _code(nlp, CONVERSATIONS, model) == _code(nlp, CONVERSATIONS, None)


def test_model_reaches_through_a_prepositional_clause(nlp, model: ArgumentModel) -> None:  # type: ignore[no-untyped-def]
    assert not [e for e in _code(nlp, ASKING, None) if e.event == "REQUEST"]
    request = [e for e in _code(nlp, ASKING, model) if e.event == "REQUEST"]
    assert len(request) == 1
    assert [r.code for r in request[0].actor] == ["USAGOV"]
    assert [r.code for r in request[0].recipient] == ["USALEG"]
    assert "+model-source" in request[0].rule


def test_an_unsure_model_leaves_the_rules_alone(nlp, model: ArgumentModel) -> None:  # type: ignore[no-untyped-def]
    unsure = dataclasses.replace(model, source_at=1.01, recipient_at=1.01)
    assert not [e for e in _code(nlp, FRESH_FROM_TALKS, unsure) if e.event == "CONSULT"]


def test_rules_found_parties_stand(nlp, model: ArgumentModel) -> None:  # type: ignore[no-untyped-def]
    # corpus-style: the rules attach both sides; the model is not asked
    body = "Kerry met Lavrov in Geneva on Friday."
    with_model = _code(nlp, body, model)
    assert with_model == _code(nlp, body, None)
    consult = [e for e in with_model if e.event == "CONSULT"]
    assert consult and "+model" not in consult[0].rule


def _examples(nlp) -> list[training.Example]:  # type: ignore[no-untyped-def]
    """A small slice built as the training script builds its examples: each sentence's
    trigger, the annotator's source and recipient text, aligned with the parties."""
    annotated = [
        (CONVERSATIONS, "conversations", "CONSULT", "Treasury Secretary Steven Mnuchin", "Beijing"),
        (ASKING, "asking", "REQUEST", "Obama", "Congress"),
        ("Kerry met Lavrov in Geneva on Friday.", "met", "CONSULT", "Kerry", "Lavrov"),
        ("Obama imposed sanctions on Syria.", "sanctions", "SANCTION", "Obama", "Syria"),
    ]
    out = []
    for k, (text, word, event, source, recipient) in enumerate(annotated):
        doc = nlp(text)
        index = ActorIndex(doc, mentions_for(text, ACTORS), [])
        trigger = next(t for t in doc if t.text == word)
        found = units(trigger.sent, trigger, index)
        labels = [LABELS.index(NONE)] * len(found)
        for role, surface in ((RECIPIENT, recipient), (SOURCE, source)):
            for i in training.aligned(trigger.sent, surface, trigger, found):
                labels[i] = LABELS.index(role)
        rows = [pair_features(trigger, u, found, index, event) for u in found]
        codes = [training.unit_codes(u) for u in found]
        out.append(training.Example(f"a{k % 2}", event, rows, labels, codes))
    return out


def test_annotated_text_is_aligned_with_parties(nlp) -> None:  # type: ignore[no-untyped-def]
    first = _examples(nlp)[0]
    assert [LABELS[y] for y in first.labels] == [SOURCE, RECIPIENT]


def test_training_gives_the_same_weights_twice(nlp) -> None:  # type: ignore[no-untyped-def]
    examples = _examples(nlp)
    one = training.fit(examples, 0.5, 1, (0.5, 1.01)).to_bytes()
    two = training.fit(list(examples), 0.5, 1, (0.5, 1.01)).to_bytes()
    assert one == two
    model = ArgumentModel.from_bytes(one)
    doc = nlp(CONVERSATIONS)
    index = ActorIndex(doc, mentions_for(CONVERSATIONS, ACTORS), [])
    trigger = next(t for t in doc if t.lower_ == "conversations")
    (mnuchin, p_source, _), (beijing, q_source, q_recipient) = model.score(
        trigger, index, "CONSULT"
    )
    # fitted on its own four events, it reads its own training sentence back
    assert (mnuchin.token.text, beijing.token.text) == ("Mnuchin", "Beijing")
    assert p_source > q_source and q_recipient > q_source
