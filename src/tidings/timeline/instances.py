"""Event instances: the same happening, reported by many articles, counted once.

GDELT's known failure is one kidnapping reported by hundreds of articles becoming
hundreds of events. Here every coded event is attached to an *instance*: events with the
same type, the same actor and recipient codes and compatible dates are one instance that
lists every article and sentence reporting it.

Rules (each a documented choice):

* Only events that happened count: ``aux`` None or ``historical``. Future, hypothetical
  and negated events stay in the event table but never form instances.
* The key is (type, actor codes, recipient codes). For symmetric types (CONSULT, AGREE,
  COOPERATE: PLOVER codes all participants of a meeting as sources) direction is ignored.
* Dates are compatible when their intervals nest (2024-10 contains 2024-10-20) or, for two
  days, differ by at most ``day_tolerance`` days (time zones; "yesterday" vs "on Sunday").
* Precise reports are clustered first; a coarser report joins the single instance its
  interval contains; when several fit, it joins the latest one not after the report's
  publication date (articles recall the most recent occurrence); none, a new instance.
* An undated event cannot be placed in time and forms no instance.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from tidings.model import ActorRef, DateValue, Event

SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
HAPPENED = (None, "historical")
_PRECISION_RANK = {"day": 0, "range": 1, "week": 2, "month": 3, "year": 4}


@dataclass(slots=True)
class Source:
    """Where one report of an event stands: the article and the sentence."""

    doc_id: str
    ordinal: int
    sentence_start: int
    sentence_end: int
    text: str
    published: dt.date | None = None
    publisher: str | None = None
    aux: str | None = None
    date_text: str | None = None
    duplicate_of: str | None = None  # the article this one copies (tidings.timeline.dedup)


@dataclass(slots=True)
class EventInstance:
    id: str
    event: str
    mode: str | None
    actor: list[ActorRef]
    recipient: list[ActorRef]
    date: DateValue
    context: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)

    @property
    def first_day(self) -> dt.date:
        return _interval(self.date)[0]  # instances are always dated

    @property
    def last_day(self) -> dt.date:
        return _interval(self.date)[1]

    @property
    def historical_only(self) -> bool:
        """True when every source recalls it as history (no report of it as news)."""
        return all(s.aux == "historical" for s in self.sources)

    @property
    def articles(self) -> int:
        return len({s.doc_id for s in self.sources})

    @property
    def independent(self) -> int:
        """Distinct articles, counting a duplicate article as the one it copies."""
        return len({s.duplicate_of or s.doc_id for s in self.sources})

    @property
    def codes(self) -> set[str]:
        return {a.code for a in self.actor} | {r.code for r in self.recipient}


def instance_key(event: Event) -> tuple[str, frozenset[str], frozenset[str]]:
    actors = frozenset(a.code for a in event.actor if a.code)
    recipients = frozenset(r.code for r in event.recipient if r.code)
    if event.event in SYMMETRIC_TYPES:
        return event.event, actors | recipients, frozenset()
    return event.event, actors, recipients


def _interval(date: DateValue) -> tuple[dt.date, dt.date]:
    first, last = _bounds(date.value, date.precision)
    assert first is not None and last is not None
    return first, last


@lru_cache(maxsize=65536)  # a corpus repeats the same dates thousands of times
def _bounds(value: str | None, precision: str) -> tuple[dt.date | None, dt.date | None]:
    date = DateValue(value, precision)  # type: ignore[arg-type]
    return date.first_day(), date.last_day()


def compatible(a: DateValue, b: DateValue, day_tolerance: int = 1) -> bool:
    """Whether two dates can describe the same happening."""
    (a0, a1), (b0, b1) = _interval(a), _interval(b)
    if a.precision == b.precision == "day":
        return abs((a0 - b0).days) <= day_tolerance
    return (a0 <= b0 and b1 <= a1) or (b0 <= a0 and a1 <= b1)


def _more_precise(a: DateValue, b: DateValue) -> DateValue:
    ra, rb = _PRECISION_RANK.get(a.precision, 9), _PRECISION_RANK.get(b.precision, 9)
    return b if rb < ra else a


def _instance_id(key: tuple[str, frozenset[str], frozenset[str]], date: DateValue) -> str:
    raw = "|".join([key[0], ",".join(sorted(key[1])), ",".join(sorted(key[2])), date.value or ""])
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


@dataclass(slots=True)
class _Cluster:
    date: DateValue
    reports: list[tuple[Event, Source]] = field(default_factory=list)


def build_instances(
    reports: Iterable[tuple[Event, Source]], day_tolerance: int = 1
) -> list[EventInstance]:
    """Group event reports into instances, ordered by date (then type)."""
    groups: dict[tuple[str, frozenset[str], frozenset[str]], list[tuple[Event, Source]]]
    groups = defaultdict(list)
    for event, source in reports:
        if event.aux not in HAPPENED or event.date is None or event.date.value is None:
            continue
        if _bounds(event.date.value, event.date.precision)[0] is None:  # a duration, say
            continue
        key = instance_key(event)
        if not key[1] and not key[2]:
            continue
        groups[key].append((event, source))

    instances: list[EventInstance] = []
    for key, members in groups.items():
        members.sort(key=_report_order)
        clusters = _ClusterIndex(day_tolerance)
        for event, source in members:
            date = event.date
            assert date is not None
            fits = clusters.compatible(date)
            if len(fits) > 1:
                before = [
                    c
                    for c in fits
                    if source.published is None or _interval(c.date)[0] <= source.published
                ]
                fits = [max(before or fits, key=lambda c: _interval(c.date)[0])]
            if fits:
                clusters.update(fits[0], _more_precise(fits[0].date, date))
                fits[0].reports.append((event, source))
            else:
                clusters.add(_Cluster(date=date, reports=[(event, source)]))
        instances.extend(_instance(key, c) for c in clusters.clusters)
    instances.sort(key=lambda i: (i.first_day, i.event, i.id))
    return instances


class _ClusterIndex:
    """A key's clusters by first day, so a report is compared only with the clusters that
    can be compatible with it (those starting within the longest cluster span before it,
    up to its last day), not with every cluster of a busy dyad."""

    def __init__(self, day_tolerance: int) -> None:
        self.tolerance = day_tolerance
        self.clusters: list[_Cluster] = []
        self.starts: list[tuple[dt.date, int]] = []
        self.span = 0  # longest cluster, in days

    def compatible(self, date: DateValue) -> list[_Cluster]:
        first, last = _interval(date)
        lo = first - dt.timedelta(days=self.span + self.tolerance)
        hi = last + dt.timedelta(days=self.tolerance)
        i = bisect.bisect_left(self.starts, (lo, -1))
        j = bisect.bisect_right(self.starts, (hi, len(self.clusters)))
        found = [self.clusters[n] for _, n in self.starts[i:j]]
        return [c for c in found if compatible(c.date, date, self.tolerance)]

    def add(self, cluster: _Cluster) -> None:
        self.clusters.append(cluster)
        self._index(len(self.clusters) - 1)

    def update(self, cluster: _Cluster, date: DateValue) -> None:
        if date == cluster.date:
            return
        n = self.clusters.index(cluster)
        self.starts.remove((_interval(cluster.date)[0], n))
        cluster.date = date
        self._index(n)

    def _index(self, n: int) -> None:
        first, last = _interval(self.clusters[n].date)
        self.span = max(self.span, (last - first).days)
        bisect.insort(self.starts, (first, n))


def _report_order(report: tuple[Event, Source]) -> tuple[int, dt.date]:
    """Precise reports first, then by date: they found the clusters coarser ones join."""
    date = report[0].date
    assert date is not None
    return _PRECISION_RANK.get(date.precision, 9), _interval(date)[0]


def _common_refs(refs: Iterable[ActorRef]) -> list[ActorRef]:
    """One ActorRef a code, named by the name reports use most for it."""
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for ref in refs:
        names[ref.code][ref.name] += 1
    return [ActorRef(code, counts.most_common(1)[0][0]) for code, counts in sorted(names.items())]


def _instance(key: tuple[str, frozenset[str], frozenset[str]], cluster: _Cluster) -> EventInstance:
    events = [e for e, _ in cluster.reports]
    modes = Counter(e.mode for e in events if e.mode)
    contexts = sorted({c for e in events for c in e.context})
    actor = _common_refs(r for e in events for r in e.actor)
    recipient = _common_refs(r for e in events for r in e.recipient)
    if key[0] in SYMMETRIC_TYPES:
        # Reports may state a meeting from either side: keep the orientation of the
        # earliest report, so findings read as the news first told them.
        first = events[0]
        actor = _common_refs(
            r
            for e in events
            for r in (*e.actor, *e.recipient)
            if r.code in {a.code for a in first.actor}
        )
        recipient = [
            r
            for r in _common_refs(r for e in events for r in (*e.actor, *e.recipient))
            if r.code not in {a.code for a in actor}
        ]
    sources = sorted((s for _, s in cluster.reports), key=lambda s: (s.doc_id, s.ordinal))
    return EventInstance(
        id=_instance_id(key, cluster.date), event=key[0],
        mode=modes.most_common(1)[0][0] if modes else None,
        actor=actor, recipient=recipient, date=cluster.date, context=contexts, sources=sources,
    )  # fmt: skip
