"""Figures a user can trust: a benchmark run several times, reported as the median of the
rounds with their spread (lowest–highest) and the machine's load while it ran.

One round can be off by a third on a shared machine (another job starts, the CPU
throttles); the median of several rounds, with the spread beside it, says how far a
figure can be trusted. Each round is a whole benchmark run (:func:`pipeline.run` with one
round), so its figures stand alone.
"""

from __future__ import annotations

import os
import statistics
from collections.abc import Callable
from typing import Any

# The pipeline figures that vary from round to round (rates and ratios).
VARYING = ("tidings_per_s", "spacy_per_s", "ratio", "ratio_cpu", "quotes_per_s", "events_per_s",
           "peak_rss_mb", "spacy_peak_rss_mb")  # fmt: skip


def load() -> float | None:
    """The 1-minute load average (None where the platform has none)."""
    try:
        return round(os.getloadavg()[0], 2)
    except (OSError, AttributeError):
        return None


def in_rounds(run_once: Callable[[], dict[str, Any]], rounds: int,
              keys: tuple[str, ...] = VARYING) -> dict[str, Any]:  # fmt: skip
    """Run ``run_once`` ``rounds`` times: the last round's figures with each of ``keys``
    replaced by the median of the rounds, plus ``spread`` ({key: [lowest, highest]}),
    ``per_round`` ({key: [values]}), ``rounds`` and the load average before and after."""
    before = load()
    runs = [run_once() for _ in range(max(1, rounds))]
    out = dict(runs[-1])
    out["per_round"] = {k: [r[k] for r in runs] for k in keys if k in out}
    out["spread"] = {k: [min(v), max(v)] for k, v in out["per_round"].items()}
    for key, values in out["per_round"].items():
        out[key] = round(statistics.median(values), 3)
    out["rounds"] = len(runs)
    out["load_before"], out["load_after"] = before, load()
    return out


def markdown_spread(fig: dict[str, Any]) -> str:
    """Lines saying how the medians were taken, for under a figures table."""
    spread = fig.get("spread", {})
    shown = [f"{k} {fig[k]} ({lo}–{hi})" for k, (lo, hi) in spread.items()
             if k in ("tidings_per_s", "spacy_per_s", "ratio", "ratio_cpu")]  # fmt: skip
    return (
        f"Median of {fig.get('rounds', 1)} rounds (lowest–highest): {'; '.join(shown)}. "
        f"Load average {fig.get('load_before')} before, {fig.get('load_after')} after, "
        f"on {os.cpu_count()} CPUs.\n"
    )
