"""Findings: statements the record supports, computed from event instances.

* ``contact_gap``: a contact (CONSULT, AGREE, COOPERATE) between two actors, the previous
  contact between them and the gap — "first contact since 2022-05, 29 months" — when the
  gap is at least ``min_gap_days``.
* ``first_of_type``: the first instance of a type between two actors that already had
  other recorded relations (a new kind of interaction in an existing relationship).
* ``cooperation_break``: a conflict instance after a run of at least ``min_run``
  cooperative instances between the same actors.

Dyads here are code pairs (SRBGOV–RUSGOV), undirected: event data relate coded actors.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from tidings.model import ActorRef, DateValue
from tidings.plover import scale_of
from tidings.timeline.dyads import sides
from tidings.timeline.instances import EventInstance

CONTACT_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
# Same-day contacts are one contact: the meeting or call itself (CONSULT) states it first,
# what was agreed or done together follows.
_CONTACT_ORDER = {"CONSULT": 0, "AGREE": 1, "COOPERATE": 2}


@dataclass(slots=True)
class Finding:
    kind: str
    instance_id: str
    event: str
    mode: str | None
    date: DateValue
    actor: ActorRef
    recipient: ActorRef
    text: str
    previous_instance_id: str | None = None
    previous_date: DateValue | None = None
    gap_days: int | None = None
    gap_months: int | None = None
    doc_ids: list[str] = field(default_factory=list)


def month_gap(earlier: DateValue, later: DateValue) -> int:
    """Whole calendar months from the earlier value's month to the later one's."""
    a, b = earlier.first_day(), later.first_day()
    assert a is not None and b is not None
    return (b.year - a.year) * 12 + (b.month - a.month)


def _label(inst: EventInstance) -> str:
    return inst.event + (f"/{inst.mode}" if inst.mode else "")


def _who(ref: ActorRef) -> str:
    """The actor's full name: a surname alone misleads when the family name comes first
    (Kim Jong Un) or two relatives share it."""
    return ref.name or ref.code


def _dyads(inst: EventInstance) -> list[tuple[ActorRef, ActorRef]]:
    """Each undirected code pair once, oriented as the instance states it."""
    seen: set[frozenset[str]] = set()
    pairs = []
    for a, b in sides(inst):
        key = frozenset((a.code, b.code))
        if len(key) == 2 and key not in seen:
            seen.add(key)
            pairs.append((a, b))
    return pairs


@dataclass(slots=True)
class _History:
    """What is known of one dyad's past at the instance being read, kept as running
    aggregates so that each instance costs O(1), not a pass over the dyad's history.

    An instance enters the past once the instances being read start after its last day
    (a month-long instance is not "before" a day inside that month)."""

    pending: list[EventInstance] = field(default_factory=list)
    count: int = 0
    first: EventInstance | None = None
    last: EventInstance | None = None
    types: set[str] = field(default_factory=set)
    last_contact: EventInstance | None = None
    run: list[EventInstance] = field(default_factory=list)  # trailing cooperative run
    contact_days: set[dt.date] = field(default_factory=set)

    def advance(self, day: dt.date) -> None:
        still = []
        for p in self.pending:
            if p.last_day < day:
                self._enter(p)
            else:
                still.append(p)
        self.pending = still

    def _enter(self, p: EventInstance) -> None:
        self.count += 1
        self.first = self.first or p
        self.last = p
        self.types.add(p.event)
        if p.event in CONTACT_TYPES and (
            self.last_contact is None
            or (p.last_day, p.first_day) > (self.last_contact.last_day, self.last_contact.first_day)
        ):
            self.last_contact = p
        scale = scale_of(p.event)
        if scale is not None and scale.cooperative:
            self.run.append(p)
        else:
            self.run.clear()


def compute_findings(
    instances: Iterable[EventInstance], min_gap_days: int = 90, min_run: int = 3
) -> list[Finding]:
    ordered = sorted(
        instances,
        key=lambda i: (i.first_day, i.last_day, _CONTACT_ORDER.get(i.event, 3), i.event, i.id),
    )
    histories: dict[frozenset[str], _History] = defaultdict(_History)
    findings: list[Finding] = []
    for inst in ordered:
        for a, b in _dyads(inst):
            past = histories[frozenset((a.code, b.code))]
            past.advance(inst.first_day)
            if inst.first_day not in past.contact_days:
                findings.extend(_contact_gap(inst, a, b, past, min_gap_days))
            findings.extend(_first_of_type(inst, a, b, past))
            findings.extend(_cooperation_break(inst, a, b, past, min_run))
            past.pending.append(inst)
            if inst.event in CONTACT_TYPES:
                past.contact_days.add(inst.first_day)
    return findings


def _finding(
    kind: str,
    inst: EventInstance,
    a: ActorRef,
    b: ActorRef,
    text: str,
    previous: EventInstance | None = None,
) -> Finding:
    gap_days = gap_months = None
    if previous is not None:
        gap_days = (inst.first_day - previous.last_day).days
        gap_months = month_gap(previous.date, inst.date)
    return Finding(
        kind=kind, instance_id=inst.id, event=inst.event, mode=inst.mode, date=inst.date,
        actor=a, recipient=b, text=text,
        previous_instance_id=previous.id if previous else None,
        previous_date=previous.date if previous else None,
        gap_days=gap_days, gap_months=gap_months,
        doc_ids=sorted({s.doc_id for s in inst.sources}),
    )  # fmt: skip


def _head(inst: EventInstance, a: ActorRef, b: ActorRef) -> str:
    return f"{inst.date.value} {_label(inst)} {_who(a)} → {_who(b)}"


def _contact_gap(
    inst: EventInstance, a: ActorRef, b: ActorRef, past: _History, min_gap_days: int
) -> list[Finding]:
    previous = past.last_contact
    if inst.event not in CONTACT_TYPES or previous is None:
        return []
    if (inst.first_day - previous.last_day).days < min_gap_days:
        return []
    months = month_gap(previous.date, inst.date)
    text = f"{_head(inst, a, b)}: first contact since {previous.date.value}, {months} months"
    return [_finding("contact_gap", inst, a, b, text, previous)]


def _first_of_type(inst: EventInstance, a: ActorRef, b: ActorRef, past: _History) -> list[Finding]:
    if not past.count or inst.event in past.types or past.first is None:
        return []
    n = past.count
    text = (
        f"{_head(inst, a, b)}: first {inst.event} between them after {n} earlier "
        f"recorded event{'s' if n != 1 else ''} since {past.first.date.value}"
    )
    return [_finding("first_of_type", inst, a, b, text, past.last)]


def _cooperation_break(
    inst: EventInstance, a: ActorRef, b: ActorRef, past: _History, min_run: int
) -> list[Finding]:
    scale = scale_of(inst.event)
    if scale is None or scale.cooperative or len(past.run) < min_run:
        return []
    run = past.run
    since = run[0].date.value
    text = f"{_head(inst, a, b)}: breaks a run of {len(run)} cooperative events since {since}"
    return [_finding("cooperation_break", inst, a, b, text, run[-1])]
