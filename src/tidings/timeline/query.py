"""A dyad timeline read from the store: the instances between two actors and their months."""

from __future__ import annotations

from dataclasses import dataclass, field

from tidings.store.store import Store
from tidings.timeline.dyads import MonthRow, between, monthly, pair_key, term_key
from tidings.timeline.instances import EventInstance
from tidings.timeline.storage import instances_for_pair


@dataclass(slots=True)
class Timeline:
    a: str
    b: str
    directed: bool
    instances: list[EventInstance] = field(default_factory=list)
    months: list[MonthRow] = field(default_factory=list)


def dyad_timeline(store: Store, a: str, b: str, directed: bool = False) -> Timeline:
    """Instances between actor terms ``a`` and ``b`` (names or codes, see
    :mod:`tidings.timeline.dyads`) in date order, and monthly counts and scores.

    The dyad key finds the candidates with one indexed lookup; the name rules then keep
    only instances whose sides really match (and, with ``directed``, in that direction).
    """
    candidates = instances_for_pair(store, pair_key(term_key(a), term_key(b)))
    found = [i for i in candidates if between(i, a, b, directed)]
    return Timeline(a, b, directed, found, monthly(found))
