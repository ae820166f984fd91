"""PLOVER's vocabulary beyond the records: quad classes, event weights, and the event record
with PLOVER's JSON field names that every export and ``--json`` output shares.

The quad classes and weights are read from ``tidings/data/plover_scales.tsv`` (edit it to
change every score; its header gives the sources).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

from tidings.model import ActorRef, Event

QUAD_CLASSES: tuple[str, ...] = (
    "verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Scale:
    quad_code: int
    quad_class: str
    weight: float

    @property
    def cooperative(self) -> bool:
        return self.quad_code in (1, 2)


@lru_cache(maxsize=1)
def scales() -> dict[str, Scale]:
    """Event type → its quad class and weight."""
    table: dict[str, Scale] = {}
    text = files("tidings").joinpath("data/plover_scales.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        event, code, quad, weight = line.split("\t")
        table[event] = Scale(int(code), quad, float(weight))
    return table


def scale_of(event_type: str) -> Scale | None:
    return scales().get(event_type)


def _refs(refs: list[ActorRef]) -> list[dict[str, str]]:
    return [{"code": r.code, "name": r.name} for r in refs]


def event_record(event: Event, **where: Any) -> dict[str, Any]:
    """One coded event with PLOVER's field names (``source``, ``recipient``, ``event``,
    ``mode``, ``context``, ``date`` + ``date_precision``, ``quad_code``, ``event_scale``,
    ``event_text``, ``text``) and tidings' own (``aux``, ``cameo``, ``rule``, the typer's
    ``confidence``, sentence offsets); ``where`` adds provenance such as ``doc_id``,
    ``published``, ``publisher``."""
    scale = scale_of(event.event)
    record: dict[str, Any] = {
        "event": event.event, "mode": event.mode, "context": list(event.context),
        "source": _refs(event.actor), "recipient": _refs(event.recipient),
        "date": event.date.value if event.date else None,
        "date_precision": event.date.precision if event.date else None,
        "date_text": event.date_text, "aux": event.aux,
        "quad_code": scale.quad_code if scale else None,
        "event_scale": scale.weight if scale else None,
        "cameo": event.cameo, "event_text": event.trigger, "text": event.text,
        "sentence_start": event.sentence_start, "sentence_end": event.sentence_end,
        "location": event.location, "rule": event.rule, "confidence": event.confidence,
    }  # fmt: skip
    for key, value in where.items():
        record[key] = value.isoformat() if hasattr(value, "isoformat") else value
    return record
