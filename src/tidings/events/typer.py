"""The event typer: a trained classifier that gives each candidate one of PLOVER's 16 types
or NONE, with a probability.

A multinomial logistic regression over the candidate's features (``typer_features``):
words of the trigger, its arguments and its sentence (a vocabulary of the features seen at
least twice in training), what the CAMEO verb dictionary
and tidings' lexicon say of the trigger, the parser's contextual vectors, and (for weights
trained with them) what the sentence and the trigger mean as read through static word-piece
vectors distilled from all-MiniLM-L6-v2 (``static_vectors``: a table lookup). It was trained
by ``scripts/train_event_typer.py`` on candidates annotated for tidings (``data/events/``)
plus NGEC's synthetic PLOVER stories; weights live in ``data/typer.npz`` and its model card
in ``data/typer.md``. Inference is one sparse-dense product per sentence: no extra model,
no network, the same output for the same input.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
from scipy import sparse

from tidings.events.candidates import Candidate
from tidings.events.encoder import load_encoder
from tidings.events.linear_file import linear_bytes, read_linear
from tidings.events.static_vectors import load_static_vectors
from tidings.events.typer_features import (
    DENSE_DIM,
    act_features,
    dense_features,
    encoded_features,
    feature_names,
    static_features,
)

NONE = "NONE"


def feature_matrix(
    cands: list[Candidate],
    lexicon_types: list[str | None],
    vocabulary: dict[str, int],
    dense_weight: float,
    encoder_weight: float = 0.0,
    static_weight: float = 0.0,
    with_acts: bool = False,
) -> sparse.csr_matrix:
    """One row per candidate: its known indicator features (with ``with_acts``, also its
    ``act_features``), the parser's dense columns, then (for a typer trained with them) the
    sentence encoder's and the static vectors'."""
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    width = len(vocabulary)
    # each candidate's sentence found once (spaCy walks the parse for it on every
    # ``cand.sent``), and each sentence's bag of words read once
    sents = [cand.sent for cand in cands]
    bags: dict[int, list[str]] = {}
    for r, (cand, lex, sent) in enumerate(zip(cands, lexicon_types, sents, strict=True)):
        names = feature_names(cand, lex, sent, bags)
        if with_acts:
            names += act_features(cand, sent)
        known = {vocabulary[f] for f in names if f in vocabulary}
        rows.extend([r] * len(known))
        cols.extend(known)
        vals.extend([1.0] * len(known))
        if dense_weight:
            dense = dense_features(cand, sent)
            nz = np.flatnonzero(dense)
            rows.extend([r] * len(nz))
            cols.extend((width + nz).tolist())
            vals.extend((dense[nz] * dense_weight).tolist())
    shape = (len(cands), width + DENSE_DIM)
    x = sparse.csr_matrix((vals, (rows, cols)), shape=shape, dtype=np.float64)
    blocks = [x]
    if encoder_weight and cands:
        encoder = load_encoder()
        if encoder is None:
            raise RuntimeError(
                "the event typer needs the sentence encoder (tidings/events/data/minilm.npz), "
                "which this install lacks"
            )
        blocks.append(sparse.csr_matrix(encoded_features(cands, encoder) * encoder_weight))
    if static_weight and cands:
        vectors = load_static_vectors()
        if vectors is None:
            raise RuntimeError(
                "the event typer needs the static vectors "
                "(tidings/events/data/static_vectors.npz), which this install lacks"
            )
        blocks.append(sparse.csr_matrix(static_features(cands, vectors, sents) * static_weight))
    if len(blocks) == 1:
        return x
    return sparse.hstack(blocks, format="csr", dtype=np.float64)


@dataclass(frozen=True)
class EventTyper:
    labels: tuple[str, ...]  # NONE and the PLOVER types, in column order
    vocabulary: dict[str, int]  # indicator feature → column
    weights: np.ndarray  # (features + DENSE_DIM, labels)
    bias: np.ndarray  # (labels,)
    dense_weight: float  # the parser's vectors enter scaled by this
    encoder_weight: float = 0.0  # the sentence encoder's, by this (0: not used)
    static_weight: float = 0.0  # the static vectors', by this (0: not used)
    # whether it reads ``act_features`` (talk about acts, the genre: issue #12)
    with_acts: bool = False

    def probabilities(self, x: sparse.csr_matrix) -> np.ndarray:
        """Rows of label probabilities for a feature matrix."""
        logits = np.asarray(x @ self.weights) + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        return np.asarray(p / p.sum(axis=1, keepdims=True))

    def matrix(self, cands: list[Candidate], lexicon_types: list[str | None]) -> sparse.csr_matrix:
        return feature_matrix(
            cands, lexicon_types, self.vocabulary, self.dense_weight, self.encoder_weight,
            self.static_weight, self.with_acts,
        )  # fmt: skip

    def predict(
        self, cands: list[Candidate], lexicon_types: list[str | None]
    ) -> list[tuple[str, float, dict[str, float]]]:
        """(best label, its probability, every label's probability) per candidate."""
        if not cands:
            return []
        probs = self.probabilities(self.matrix(cands, lexicon_types))
        out = []
        for row in probs:
            best = int(row.argmax())
            out.append(
                (
                    self.labels[best],
                    float(row[best]),
                    dict(zip(self.labels, row.tolist(), strict=True)),
                )
            )
        return out

    def to_bytes(self) -> bytes:
        return linear_bytes(
            self.labels, self.vocabulary, self.weights, self.bias,
            dense_weight=np.array(self.dense_weight),
            encoder_weight=np.array(self.encoder_weight),
            static_weight=np.array(self.static_weight),
            with_acts=np.array(float(self.with_acts)),
        )  # fmt: skip

    @classmethod
    def from_bytes(cls, data: bytes) -> EventTyper:
        f = read_linear(data)
        encoder_weight = f.extra.get("encoder_weight")
        static_weight = f.extra.get("static_weight")
        with_acts = f.extra.get("with_acts")
        return cls(
            labels=f.labels, vocabulary=f.vocabulary, weights=f.weights, bias=f.bias,
            dense_weight=float(f.extra["dense_weight"]),
            encoder_weight=0.0 if encoder_weight is None else float(encoder_weight),
            static_weight=0.0 if static_weight is None else float(static_weight),
            with_acts=with_acts is not None and bool(with_acts),
        )  # fmt: skip


@lru_cache(maxsize=1)
def load_typer() -> EventTyper | None:
    """The packaged typer, or None when the package carries no weights (the coder then
    runs on its lexicon alone)."""
    path = resources.files("tidings.events").joinpath("data/typer.npz")
    if not path.is_file():
        return None
    return EventTyper.from_bytes(path.read_bytes())
