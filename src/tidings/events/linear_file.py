"""The file form of the events stage's linear softmax models (the typer, the argument model,
the aux model): the labels, the feature vocabulary in column order, weights and bias as
float32 in one compressed npz, and whatever arrays a model keeps besides (thresholds, the
weights it mixes other scores with). One writer and one reader, so that a model's bytes
mean the same thing in every model that uses them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO
from typing import Any

import numpy as np

_CORE = ("labels", "vocabulary", "weights", "bias")


@dataclass(frozen=True, slots=True)
class LinearFile:
    """A linear model as read from its bytes; ``extra`` holds the model's own arrays."""

    labels: tuple[str, ...]
    vocabulary: dict[str, int]
    weights: np.ndarray
    bias: np.ndarray
    extra: dict[str, np.ndarray]


def linear_bytes(
    labels: Sequence[str],
    vocabulary: dict[str, int],
    weights: np.ndarray,
    bias: np.ndarray,
    **extra: np.ndarray,
) -> bytes:
    """The npz bytes of a model; ``extra`` arrays are stored after the four common ones."""
    names = sorted(vocabulary, key=vocabulary.__getitem__)
    arrays: dict[str, Any] = {
        "labels": np.array(labels), "vocabulary": np.array(names),
        "weights": weights.astype(np.float32), "bias": bias.astype(np.float32), **extra,
    }  # fmt: skip
    buf = BytesIO()
    np.savez_compressed(buf, **arrays)
    return buf.getvalue()


def read_linear(data: bytes) -> LinearFile:
    """A model's arrays from its npz bytes, weights and bias as float64."""
    with np.load(BytesIO(data)) as z:
        return LinearFile(
            labels=tuple(str(x) for x in z["labels"]),
            vocabulary={str(f): i for i, f in enumerate(z["vocabulary"])},
            weights=z["weights"].astype(np.float64),
            bias=z["bias"].astype(np.float64),
            extra={k: z[k] for k in z.files if k not in _CORE},
        )


__all__ = ["LinearFile", "linear_bytes", "read_linear"]
