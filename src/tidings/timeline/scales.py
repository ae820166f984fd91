"""PLOVER quad classes and event weights, read from ``data/plover_scales.tsv``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

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
    text = files("tidings.timeline").joinpath("data/plover_scales.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        event, code, quad, weight = line.split("\t")
        table[event] = Scale(int(code), quad, float(weight))
    return table


def scale_of(event_type: str) -> Scale | None:
    return scales().get(event_type)
