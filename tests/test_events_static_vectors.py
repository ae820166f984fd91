"""Static word-piece vectors for the event typer: the same pieces as the encoder's tokenizer,
a sentence and a trigger read by table lookup, and a typer trained with them reading them
back."""

from __future__ import annotations

import numpy as np
import pytest

from tidings.events.encoder import WordPiece
from tidings.events.static_vectors import StaticVectors, load_static_vectors

VOCAB = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "the", "with", "##draw", "##al", "un", "##hr",
         "##c", "'", "t", ",", "cafe", "isn", "iran", "accused", "israel", "of", "arm", "##ing",
         "."]  # fmt: skip


def small_table(dim: int = 8) -> StaticVectors:
    rows = np.random.default_rng(7).normal(size=(len(VOCAB), dim)).astype(np.float32)
    rows[:4] = 0.0  # special pieces weigh nothing, as the distillation leaves them
    return StaticVectors(VOCAB, rows)


def test_pieces_are_the_tokenizers_read_chunk_by_chunk() -> None:
    vectors = small_table()
    for text in ("The UNHRC withdrawal, café isn't", "  Israel\u00a0accused\tIran of arming.  "):
        assert vectors.pieces(text) == WordPiece(VOCAB).encode(text)
    # the cache gives the same pieces and offsets for a chunk met again elsewhere
    ids, spans = vectors.pieces("Iran, Iran,")
    assert [VOCAB[i] for i in ids] == ["iran", ",", "iran", ","]
    assert spans == [(0, 4), (4, 5), (6, 10), (10, 11)]


def test_a_sentence_and_its_trigger() -> None:
    vectors = small_table()
    text = "Israel accused Iran of arming."
    sentence, (accused, arming) = vectors.text_and_spans(text, [(7, 14), (23, 29)])
    assert np.allclose(np.linalg.norm(sentence), 1.0) and np.allclose(np.linalg.norm(arming), 1.0)
    row = vectors.table[VOCAB.index("accused")]
    assert np.allclose(accused, row / np.linalg.norm(row))  # a one-piece word is its own row
    two = vectors.table[VOCAB.index("arm")] + vectors.table[VOCAB.index("##ing")]
    assert np.allclose(arming, two / np.linalg.norm(two))
    # no piece under a span, no text: zeros rather than an error
    nothing, (empty,) = vectors.text_and_spans("", [(0, 0)])
    assert not nothing.any() and not empty.any()


def test_table_round_trip_int8_and_float16(tmp_path) -> None:
    from io import BytesIO

    vectors = small_table()
    buf = BytesIO()
    scale = np.abs(vectors.table).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    q = np.rint(vectors.table / scale[:, None]).astype(np.int8)
    np.savez_compressed(buf, vocab=np.array(VOCAB), **{"table.q": q, "table.scale": scale})
    again = StaticVectors.from_bytes(buf.getvalue())
    assert np.allclose(again.table, vectors.table, atol=float(scale.max()))
    buf = BytesIO()
    np.savez_compressed(buf, vocab=np.array(VOCAB), table=vectors.table.astype(np.float16))
    assert StaticVectors.from_bytes(buf.getvalue()).dim == 8
    with pytest.raises(ValueError, match="23 pieces but 3 rows"):
        StaticVectors(VOCAB, np.zeros((3, 8)))


def test_the_packaged_table_reads_news_words() -> None:
    vectors = load_static_vectors()
    if vectors is None:
        pytest.skip("this install carries no static vectors (data/static_vectors.npz)")
    assert vectors.pieces("Hello, world!")[0] == [7592, 1010, 2088, 999]  # BERT's own ids

    def vec(text: str) -> np.ndarray:
        return vectors.text_and_spans(text, [])[0]

    strike = vec("Russia launched airstrikes on rebel positions in Syria.")
    bombing = vec("Moscow bombed insurgent targets in Aleppo.")
    market = vec("The stock market rose 3 percent on Tuesday.")
    assert strike @ bombing > strike @ market + 0.2


def test_a_typer_trained_with_static_vectors_reads_them(nlp, monkeypatch) -> None:
    import tidings.events.typer as typer_module
    from tidings.events.candidates import NAMED_KINDS, candidates
    from tidings.events.typer import NONE, EventTyper
    from tidings.events.typer_features import DENSE_DIM, eventive_noun
    from tidings.model import PLOVER_TYPES

    vectors = small_table()
    monkeypatch.setattr(typer_module, "load_static_vectors", lambda: vectors)
    doc = nlp("Israel accused Iran of arming Hezbollah. Egypt hosted talks with Hamas.")
    found = [
        c
        for sent in doc.sents
        for c in candidates(sent, lambda t: t.ent_type_ in NAMED_KINDS, eventive_noun)
    ]
    assert len(found) >= 2
    labels = (NONE, *PLOVER_TYPES)
    width = 1 + DENSE_DIM + 2 * vectors.dim
    weights = np.zeros((width, len(labels)))
    weights[1 + DENSE_DIM :, labels.index("ACCUSE")] = 1.0  # reads the static columns only
    typer = EventTyper(
        labels, {"lemma=accuse": 0}, weights, np.zeros(len(labels)), 0.0, 0.0, static_weight=2.0
    )
    x = typer.matrix(found, [None] * len(found))
    assert x.shape == (len(found), width)
    static = x[:, 1 + DENSE_DIM :].toarray()
    # the sentence's vector then the trigger's, each of length 1 (or 0: no known piece) x 2
    assert np.allclose(np.linalg.norm(static[:, : vectors.dim], axis=1), 2.0)
    again = EventTyper.from_bytes(typer.to_bytes())
    assert again.static_weight == 2.0 and again.encoder_weight == 0.0
    assert [p for _, p, _ in again.predict(found, [None] * len(found))] == [
        p for _, p, _ in typer.predict(found, [None] * len(found))
    ]
    # a typer trained with the vectors says clearly what it lacks
    monkeypatch.setattr(typer_module, "load_static_vectors", lambda: None)
    with pytest.raises(RuntimeError, match="static_vectors.npz"):
        typer.matrix(found, [None] * len(found))


@pytest.mark.parametrize(
    "text",
    ["U.S.-led strikes: $5.5bn (2019) e-mail #tag @x ~y {z} [w] ^v isn't",
     "a\x0bb c\x1cd \x7fe", "Caf\u00e9 na\u00efve \u201cquoted\u201d"],
)  # fmt: skip
def test_plain_ascii_is_split_as_the_unicode_path_splits_it(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Plain ASCII takes a shortcut (a regular expression instead of a Unicode lookup per
    character); it must give the words the character-by-character path gives."""
    from tidings.events import encoder

    tokenizer = WordPiece(VOCAB)
    fast = tokenizer._words(text)

    class Never:
        @staticmethod
        def search(_: str) -> bool:
            return True  # as if the text held a control character: the full path

    monkeypatch.setattr(encoder, "_ASCII_CONTROL", Never)
    assert tokenizer._words(text) == fast
