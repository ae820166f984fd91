"""Multinomial logistic regression as tidings' training scripts fit it (the event typer, the
argument model): a vocabulary of indicator features, and L2-regularised softmax weights found
by L-BFGS from zeros, so that the same examples give the same weights."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np
from scipy import optimize, sparse


def vocabulary_of(rows: Iterable[Sequence[str]], min_count: int) -> dict[str, int]:
    """Feature name → column, for the features seen in at least ``min_count`` rows."""
    counts = Counter(f for row in rows for f in set(row))
    return {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}


def fit_softmax(
    x: sparse.csr_matrix,
    y: np.ndarray,
    labels: int,
    c: float,
    weights: np.ndarray | None = None,
    max_iter: int = 1000,
    dense_tail: int = 0,
) -> tuple[np.ndarray, np.ndarray]:
    """The weights (features × labels) and biases minimising C × the (example-weighted) log
    loss plus half the squared weights, as scikit-learn's ``C``.

    ``dense_tail``: the last columns of ``x`` are dense (embeddings); their products run as
    one dense matrix product each, many times faster than through the sparse matrix. The
    weights are the same up to float rounding."""
    n, d = x.shape
    sparse_part = x[:, : d - dense_tail].tocsr() if dense_tail else x
    dense_part = np.asarray(x[:, d - dense_tail :].toarray()) if dense_tail else None
    xt = sparse_part.T.tocsr()  # transposed once: the gradient's product is then as fast
    k = labels
    w = np.ones(n) if weights is None else weights
    onehot = np.zeros((n, k))
    onehot[np.arange(n), y] = 1.0

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        wts, b = theta[: d * k].reshape(d, k), theta[d * k :]
        logits = np.asarray(sparse_part @ wts[: d - dense_tail]) + b
        if dense_part is not None:
            logits += dense_part @ wts[d - dense_tail :]
        logits -= logits.max(axis=1, keepdims=True)
        logp = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
        value = -c * (w[:, None] * onehot * logp).sum() + 0.5 * (wts**2).sum()
        g = c * (np.exp(logp) - onehot) * w[:, None]
        grad_w = wts.copy()
        grad_w[: d - dense_tail] += np.asarray(xt @ g)
        if dense_part is not None:
            grad_w[d - dense_tail :] += dense_part.T @ g
        return value, np.concatenate([grad_w.ravel(), g.sum(axis=0)])

    res = optimize.minimize(loss, np.zeros(d * k + k), jac=True, method="L-BFGS-B",
                            options={"maxiter": max_iter})  # fmt: skip
    return res.x[: d * k].reshape(d, k), res.x[d * k :]
