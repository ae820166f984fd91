"""Duplicate articles: exact copies of a body and near copies (wire stories reprinted).

Two articles are *exact* duplicates when their normalised bodies are equal (lower case,
words only: punctuation, spacing and line breaks differ between outlets' pages of the same
text). They are *near* duplicates when the Jaccard similarity of their sets of word
shingles (``SHINGLE`` consecutive words) is at least ``THRESHOLD``, or when the shorter
one is almost wholly contained in the longer (``CONTAINMENT``, with Jaccard at least
``CANDIDATE``: an outlet that cuts the last paragraphs of a wire story). Similarity is
estimated from MinHash signatures (datasketch), and candidates are found with
locality-sensitive hashing tuned to ``CANDIDATE``: the signature is cut into ``b`` bands
of ``r`` values, and two articles sharing one band hash are compared. Band hashes are
plain integers so the store can keep them in a table and find candidates among articles
stored in earlier runs.

Why these values: wire copies differ by a headline, a credit line, an added or cut
paragraph; 5-word shingles make shared paragraphs count while common phrases do not, and
0.7 keeps reprints with a paragraph trimmed (tested) while two articles on the same
subject from different reporters stay far below it (typically < 0.1).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

SHINGLE = 5
NUM_PERM = 128
THRESHOLD = 0.7
CANDIDATE = 0.5
CONTAINMENT = 0.9
SEED = 1
MIN_WORDS = 20  # shorter bodies (captions, stubs) are too short to call near duplicates

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Signature:
    doc_id: str
    body_hash: str
    minhash: tuple[int, ...]
    words: int

    def bands(self) -> list[tuple[int, int]]:
        """(band number, band hash) for each LSH band of the signature."""
        b, r = lsh_shape()
        out = []
        for band in range(b):
            chunk = ",".join(str(v) for v in self.minhash[band * r : (band + 1) * r])
            digest = hashlib.blake2b(chunk.encode("ascii"), digest_size=8).digest()
            out.append((band, int.from_bytes(digest, "big")))
        return out


def words_of(body: str) -> list[str]:
    return _WORD.findall(body.casefold())


def signature(doc_id: str, body: str) -> Signature:
    words = words_of(body)
    body_hash = hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()
    n = max(1, len(words) - SHINGLE + 1)
    shingles = {" ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(n)}
    mh = MinHash(num_perm=NUM_PERM, seed=SEED)
    if shingles:
        mh.update_batch(list(shingles))
    return Signature(doc_id, body_hash, tuple(int(v) for v in mh.hashvalues), len(words))


def similarity(a: tuple[int, ...] | list[int], b: tuple[int, ...] | list[int]) -> float:
    """Estimated Jaccard similarity of two MinHash signatures."""
    if len(a) != len(b) or not a:
        return 0.0
    return float(np.mean(np.asarray(a, dtype=np.uint64) == np.asarray(b, dtype=np.uint64)))


@lru_cache(maxsize=1)
def lsh_shape() -> tuple[int, int]:
    """Bands and rows per band that datasketch chooses for CANDIDATE and NUM_PERM."""
    lsh = MinHashLSH(threshold=CANDIDATE, num_perm=NUM_PERM)
    return int(lsh.b), int(lsh.r)


def containment(jaccard: float, a: Signature, b: Signature) -> float:
    """The share of the shorter article's shingles found in the other, from the Jaccard
    estimate and the shingle counts: |A∩B| = J(|A|+|B|)/(1+J)."""
    na, nb = max(1, a.words - SHINGLE + 1), max(1, b.words - SHINGLE + 1)
    return min(1.0, jaccard * (na + nb) / (1 + jaccard) / min(na, nb))


def near_duplicate(a: Signature, b: Signature) -> float | None:
    """The Jaccard estimate when two signatures are near duplicates, else None."""
    if not (comparable(a) and comparable(b)):
        return None
    jaccard = similarity(a.minhash, b.minhash)
    if jaccard >= THRESHOLD:
        return jaccard
    if jaccard >= CANDIDATE and containment(jaccard, a, b) >= CONTAINMENT:
        return jaccard
    return None


def comparable(sig: Signature) -> bool:
    return sig.words >= MIN_WORDS
