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

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from tidings.model import ActorRef, DateValue
from tidings.timeline.dyads import sides
from tidings.timeline.instances import EventInstance
from tidings.timeline.scales import scale_of

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


def compute_findings(
    instances: Iterable[EventInstance], min_gap_days: int = 90, min_run: int = 3
) -> list[Finding]:
    ordered = sorted(
        instances,
        key=lambda i: (i.first_day, i.last_day, _CONTACT_ORDER.get(i.event, 3), i.event, i.id),
    )
    history: dict[frozenset[str], list[EventInstance]] = defaultdict(list)
    findings: list[Finding] = []
    for inst in ordered:
        for a, b in _dyads(inst):
            key = frozenset((a.code, b.code))
            past = [p for p in history[key] if p.last_day < inst.first_day]
            same_day_contact = any(
                p.event in CONTACT_TYPES and p.first_day == inst.first_day for p in history[key]
            )
            if not same_day_contact:
                findings.extend(_contact_gap(inst, a, b, past, min_gap_days))
            findings.extend(_first_of_type(inst, a, b, past))
            findings.extend(_cooperation_break(inst, a, b, past, min_run))
            history[key].append(inst)
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
    inst: EventInstance, a: ActorRef, b: ActorRef, past: list[EventInstance], min_gap_days: int
) -> list[Finding]:
    if inst.event not in CONTACT_TYPES:
        return []
    contacts = [p for p in past if p.event in CONTACT_TYPES]
    if not contacts:
        return []
    previous = max(contacts, key=lambda p: (p.last_day, p.first_day))
    if (inst.first_day - previous.last_day).days < min_gap_days:
        return []
    months = month_gap(previous.date, inst.date)
    text = f"{_head(inst, a, b)}: first contact since {previous.date.value}, {months} months"
    return [_finding("contact_gap", inst, a, b, text, previous)]


def _first_of_type(
    inst: EventInstance, a: ActorRef, b: ActorRef, past: list[EventInstance]
) -> list[Finding]:
    if not past or any(p.event == inst.event for p in past):
        return []
    n = len(past)
    text = (
        f"{_head(inst, a, b)}: first {inst.event} between them after {n} earlier "
        f"recorded event{'s' if n != 1 else ''} since {past[0].date.value}"
    )
    return [_finding("first_of_type", inst, a, b, text, past[-1])]


def _cooperation_break(
    inst: EventInstance, a: ActorRef, b: ActorRef, past: list[EventInstance], min_run: int
) -> list[Finding]:
    scale = scale_of(inst.event)
    if scale is None or scale.cooperative:
        return []
    run: list[EventInstance] = []
    for p in reversed(past):
        s = scale_of(p.event)
        if s is None or not s.cooperative:
            break
        run.append(p)
    if len(run) < min_run:
        return []
    since = run[-1].date.value
    text = f"{_head(inst, a, b)}: breaks a run of {len(run)} cooperative events since {since}"
    return [_finding("cooperation_break", inst, a, b, text, run[0])]
