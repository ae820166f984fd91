"""Dyads: which instances are between two actors, and monthly scores for a dyad.

An actor term is a code (``SRBGOV``), a country (``SRB``, matching every SRB… code), or a
name (``Vucic``, ``Aleksandar Vucic``, ``Kim``: case- and accent-insensitive; every word of
the term must be a word of the actor's name, so a family name suffices in either order).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from tidings.actors.fold import is_code, name_key, name_matches
from tidings.model import ActorRef
from tidings.plover import QUAD_CLASSES, scale_of
from tidings.timeline.instances import SYMMETRIC_TYPES, EventInstance


def surname(text: str) -> str:
    words = name_key(text).split()
    return words[-1] if words else ""


def term_key(term: str) -> str:
    """The lookup key of an actor term: ``k:SRB`` (a country: every SRB… code),
    ``c:SRBGOV`` (one code) or ``n:vucic`` (a name, by its folded surname)."""
    term = term.strip()
    if is_code(term):
        return f"k:{term}" if len(term) == 3 else f"c:{term}"
    return f"n:{surname(term)}"


def ref_keys(ref: ActorRef) -> frozenset[str]:
    """Every key an actor term could use to find this actor."""
    return _keys(ref.code, ref.name)


@lru_cache(maxsize=65536)
def _keys(code: str, name: str) -> frozenset[str]:
    keys = set()
    if code:
        keys.add(f"c:{code}")
        if len(code) >= 3 and code[:3].isalpha():
            keys.add(f"k:{code[:3]}")
    # Every word of a name is a key: the family name is the last word in "Donald Trump"
    # but the first in "Kim Jong Un", and a query may give either.
    keys.update(f"n:{word}" for word in name_key(name or "").split() if len(word) > 1)
    return frozenset(keys)


def pair_key(a: str, b: str) -> str:
    """Undirected: the two keys sorted, joined by ``|``."""
    return f"{a}|{b}" if a <= b else f"{b}|{a}"


def instance_pairs(instance: EventInstance) -> set[str]:
    """Every undirected key pair under which a timeline query may find the instance."""
    pairs: set[str] = set()
    for x, y in sides(instance):
        for kx in ref_keys(x):
            for ky in ref_keys(y):
                pairs.add(pair_key(kx, ky))
    return pairs


def ref_matches(ref: ActorRef, term: str) -> bool:
    if is_code(term):
        return ref.code == term or (len(term) == 3 and ref.code.startswith(term))
    # "Putin", "Vladimir Putin", "Kim" and "Kim Jong Un" all find "Kim Jong Un" / "Putin":
    # every word of the term is a word of the name (the store's filters use the same rule).
    return name_matches(term, ref.name)


def sides(instance: EventInstance) -> Iterator[tuple[ActorRef, ActorRef]]:
    """Every (one side, other side) pair the instance relates."""
    if instance.event in SYMMETRIC_TYPES or not instance.recipient:
        people = instance.actor + instance.recipient
        for i, a in enumerate(people):
            for b in people[i + 1 :]:
                if a.code != b.code or a.name != b.name:
                    yield a, b
                    yield b, a
        return
    for a in instance.actor:
        for b in instance.recipient:
            yield a, b


def between(instance: EventInstance, a: str, b: str, directed: bool = False) -> bool:
    """Whether the instance relates actor term ``a`` to actor term ``b``."""
    for x, y in sides(instance):
        if ref_matches(x, a) and ref_matches(y, b):
            return True
        if not directed and ref_matches(x, b) and ref_matches(y, a):
            return True
    return False


def dyad_instances(
    instances: Iterable[EventInstance], a: str, b: str, directed: bool = False
) -> list[EventInstance]:
    """The instances between two actors, in date order."""
    found = [i for i in instances if between(i, a, b, directed)]
    return sorted(found, key=lambda i: (i.first_day, i.last_day, i.event))


@dataclass(slots=True)
class MonthRow:
    """One month of a dyad: instance counts per quad class and the summed event weights."""

    month: str  # YYYY-MM
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(QUAD_CLASSES, 0))
    score: float = 0.0
    events: int = 0


def monthly(instances: Iterable[EventInstance]) -> list[MonthRow]:
    """Monthly counts by quad class and cooperation–conflict score, by each instance's
    first day (a year-precision instance counts in January of that year: documented
    coarseness, shown with its precision in the event list)."""
    rows: dict[str, MonthRow] = {}
    for inst in instances:
        scale = scale_of(inst.event)
        if scale is None:
            continue
        key = inst.first_day.strftime("%Y-%m")
        row = rows.setdefault(key, MonthRow(month=key))
        row.counts[scale.quad_class] += 1
        row.score = round(row.score + scale.weight, 3)
        row.events += 1
    return [rows[k] for k in sorted(rows)]
