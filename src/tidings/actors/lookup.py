"""Looking up which actor a stretch of the body refers to, for the quote and event stages."""

from __future__ import annotations

import bisect

from tidings.model import Actor, ActorMention


def mentions_in(mentions: list[ActorMention], start: int, end: int) -> list[ActorMention]:
    """The mentions that overlap [start, end), in text order (``mentions`` sorted by start)."""
    starts = [m.start for m in mentions]
    stop = bisect.bisect_left(starts, end)
    return [m for m in mentions[:stop] if m.end > start]


def actor_at(mentions: list[ActorMention], start: int, end: int) -> Actor | None:
    """The actor of the mention that best covers [start, end).

    A mention containing the span wins over one merely overlapping it; among those, the
    longest overlap, then the most specific (a person over a country). A plural mention
    ("the two leaders") covers two actors: the first one is returned; use
    :func:`mentions_in` to get both.
    """
    best: tuple[int, int, int, int] | None = None
    chosen: Actor | None = None
    for i, m in enumerate(mentions_in(mentions, start, end)):
        overlap = min(end, m.end) - max(start, m.start)
        if overlap <= 0:
            continue
        contains = int(m.start <= start and end <= m.end)
        specific = {"person": 3, "group": 2, "organisation": 2}.get(m.actor.kind, 1)
        key = (contains, overlap, specific, -i)
        if best is None or key > best:
            best, chosen = key, m.actor
    return chosen


__all__ = ["actor_at", "mentions_in"]
