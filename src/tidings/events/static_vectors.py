"""Static word-piece vectors distilled from all-MiniLM-L6-v2: what a sentence and its
trigger mean, read by table lookup.

The full sentence encoder (``events.encoder``) reads a sentence well but costs about a
second of CPU per article. ``scripts/distill_static_vectors.py`` ran it once, offline, over
every word piece of its vocabulary (each piece alone between [CLS] and [SEP], the mean of
the last layer, as model2vec distils a model), reduced the rows by PCA and scaled each row
by a SIF weight a / (a + p(piece)) counted on ``../shared/corpus``, so that frequent pieces
("the", ",") weigh little. The table is ``data/static_vectors.npz`` (model card
``data/static_vectors.md``).

At run time a text's vector is the sum of its pieces' rows, normalised; the pieces come from
the encoder's WordPiece tokenizer, cached by whitespace-separated chunk (news repeats its
words), so no model runs: no torch, no network, the same output for the same input.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from io import BytesIO

import numpy as np

from tidings.events.encoder import WordPiece

# Chunks kept in the tokenizer's cache: far more than the distinct words of a day's news.
_CACHE_CHUNKS = 200_000


class StaticVectors:
    """A table of one vector per word piece, and the tokenizer that reads text into pieces."""

    def __init__(self, vocab: Sequence[str], table: np.ndarray) -> None:
        if len(vocab) != len(table):
            raise ValueError(f"static vectors: {len(vocab)} pieces but {len(table)} rows")
        self.tokenizer = WordPiece(vocab)
        self.table = np.asarray(table, dtype=np.float32)
        self.dim = int(self.table.shape[1])
        self._chunks: dict[str, tuple[tuple[int, ...], tuple[tuple[int, int], ...]]] = {}

    @classmethod
    def from_bytes(cls, data: bytes) -> StaticVectors:
        with np.load(BytesIO(data)) as z:
            vocab = [str(v) for v in z["vocab"]]
            if "table.q" in z:
                # int8 rows with one scale per row
                table = z["table.q"].astype(np.float32) * z["table.scale"][:, None]
            else:
                table = z["table"].astype(np.float32)
        return cls(vocab, table)

    def _chunk(self, chunk: str) -> tuple[tuple[int, ...], tuple[tuple[int, int], ...]]:
        known = self._chunks.get(chunk)
        if known is None:
            ids, spans = self.tokenizer.encode(chunk)
            known = (tuple(ids), tuple(spans))
            if len(self._chunks) < _CACHE_CHUNKS:
                self._chunks[chunk] = known
        return known

    def pieces(self, text: str) -> tuple[list[int], list[tuple[int, int]]]:
        """Word-piece ids of ``text`` and each piece's (start, end) in it: the same pieces as
        ``WordPiece.encode`` (which never joins across white space), read chunk by chunk."""
        ids: list[int] = []
        spans: list[tuple[int, int]] = []
        at = 0
        for chunk in text.split():
            start = text.index(chunk, at)
            at = start + len(chunk)
            chunk_ids, chunk_spans = self._chunk(chunk)
            ids.extend(chunk_ids)
            spans.extend((start + s, start + e) for s, e in chunk_spans)
        return ids, spans

    def mean(self, ids: Sequence[int]) -> np.ndarray:
        """The normalised sum of the pieces' (SIF-weighted) rows; zeros for no pieces."""
        if not ids:
            return np.zeros(self.dim, dtype=np.float32)
        v = self.table[list(ids)].sum(axis=0)
        norm = float(np.linalg.norm(v))
        return v / norm if norm > 0 else v

    def text_and_spans(
        self, text: str, marks: Sequence[tuple[int, int]]
    ) -> tuple[np.ndarray, list[np.ndarray]]:
        """The vector of ``text`` and, for each marked character span, the vector of the
        pieces that overlap it."""
        ids, spans = self.pieces(text)
        marked = []
        for s, e in marks:
            inside = [i for i, (a, z) in zip(ids, spans, strict=True) if a < e and z > s]
            marked.append(self.mean(inside))
        return self.mean(ids), marked


@lru_cache(maxsize=1)
def load_static_vectors() -> StaticVectors | None:
    """The packaged table, or None when the package carries none."""
    path = resources.files("tidings.events").joinpath("data/static_vectors.npz")
    if not path.is_file():
        return None
    return StaticVectors.from_bytes(path.read_bytes())
