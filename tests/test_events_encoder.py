"""The sentence encoder behind the event typer: BERT's word pieces, and all-MiniLM-L6-v2's
embeddings as sentence-transformers gives them (its README's example), from int8 weights
run by numpy."""

from __future__ import annotations

import numpy as np
import pytest

from tidings.events.encoder import MAX_PIECES, WordPiece, load_encoder


@pytest.fixture(scope="module")
def encoder():
    loaded = load_encoder()
    if loaded is None:
        pytest.skip("this install carries no encoder weights (data/minilm.npz)")
    return loaded


def test_word_pieces_and_their_offsets() -> None:
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "the", "with", "##draw", "##al", "un",
             "##hr", "##c", "'", "t", ",", "cafe", "isn"]  # fmt: skip
    pieces = WordPiece(vocab)
    ids, spans = pieces.encode("The UNHRC withdrawal, café isn't")
    assert [vocab[i] for i in ids] == ["the", "un", "##hr", "##c", "with", "##draw", "##al", ",",
                                       "cafe", "isn", "'", "t"]  # fmt: skip
    # every piece points at its word's characters in the input (accents folded)
    assert spans[1] == spans[3] == (4, 9) and spans[8] == (22, 26)
    assert pieces.encode("Zürich")[0] == [pieces.unk]  # no piece fits


def test_bert_vocabulary(encoder) -> None:
    ids, _ = encoder.tokenizer.encode("Hello, world!")
    assert ids == [7592, 1010, 2088, 999]  # bert-base-uncased's own ids


def test_embeddings_match_sentence_transformers(encoder) -> None:
    # sentence-transformers' README: similarities 0.6660, 0.1046, 0.1411 for all-MiniLM-L6-v2
    texts = ["The weather is lovely today.", "It's so sunny outside!", "He drove to the stadium."]
    pooled, _ = encoder.encode(texts, [[], [], []])
    sims = pooled @ pooled.T
    assert np.allclose(np.linalg.norm(pooled, axis=1), 1.0, atol=1e-5)
    assert sims[0, 1] == pytest.approx(0.6660, abs=0.01)
    assert sims[0, 2] == pytest.approx(0.1046, abs=0.01)
    assert sims[1, 2] == pytest.approx(0.1411, abs=0.01)


def test_each_trigger_has_its_own_vector(encoder) -> None:
    text = "Israel accused Iran of arming Hezbollah."
    pooled, marked = encoder.encode([text], [[(7, 14), (23, 29)]])
    accused, arming = marked[0]
    assert marked[0].shape == (2, 384)
    assert not np.allclose(accused, arming) and not np.allclose(accused, pooled[0])


def test_same_input_same_output_and_long_sentences(encoder) -> None:
    long = " ".join(["The talks went on."] * 60) + " Iran rejected the offer."
    at = long.index("rejected")
    first = encoder.encode([long], [[(at, at + 8)]])
    again = encoder.encode([long], [[(at, at + 8)]])
    assert np.array_equal(first[0], again[0]) and np.array_equal(first[1][0], again[1][0])
    assert len(encoder.tokenizer.encode(long)[0]) > MAX_PIECES  # cut to a window round it


def test_a_typer_trained_with_the_encoder_reads_it(encoder, nlp) -> None:
    from tidings.events.candidates import NAMED_KINDS, candidates
    from tidings.events.typer import NONE, EventTyper
    from tidings.events.typer_features import DENSE_DIM, ENCODER_DIM, eventive_noun
    from tidings.model import PLOVER_TYPES

    doc = nlp("Israel accused Iran of arming Hezbollah. Egypt hosted talks with Hamas.")
    found = [
        c
        for sent in doc.sents
        for c in candidates(sent, lambda t: t.ent_type_ in NAMED_KINDS, eventive_noun)
    ]
    labels = (NONE, *PLOVER_TYPES)
    weights = np.zeros((1 + DENSE_DIM + ENCODER_DIM, len(labels)))
    weights[1 + DENSE_DIM :, labels.index("ACCUSE")] = 1.0  # reads the encoder's columns only
    typer = EventTyper(labels, {"lemma=accuse": 0}, weights, np.zeros(len(labels)), 0.0, 3.0)
    x = typer.matrix(found, [None] * len(found))
    assert x.shape == (len(found), 1 + DENSE_DIM + ENCODER_DIM)
    assert np.allclose(np.linalg.norm(x[:, 1 + DENSE_DIM :].toarray(), axis=1), 3.0 * np.sqrt(2))
    again = EventTyper.from_bytes(typer.to_bytes())
    assert again.encoder_weight == 3.0
    assert [p for _, p, _ in again.predict(found, [None] * len(found))] == [
        p for _, p, _ in typer.predict(found, [None] * len(found))
    ]
