"""PLOVER's vocabulary beyond the records: quad classes, event weights, and the modes of each
type (what filters accept). The record shapes are in :mod:`tidings.shapes`.

The quad classes and weights are read from ``tidings/data/plover_scales.tsv`` (edit it to
change every score; its header gives the sources).
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import get_close_matches
from functools import lru_cache
from importlib.resources import files

from tidings.model import PLOVER_TYPES

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


@lru_cache(maxsize=1)
def modes() -> dict[str, frozenset[str]]:
    """PLOVER type → the modes tidings knows for it: PLOVER's CAMEO2PLOVER table
    (``events/data/plover_cameo.tsv``) and the modes the lexicon and the mode cues code."""
    found: dict[str, set[str]] = {t: set() for t in PLOVER_TYPES}
    data = files("tidings").joinpath("events/data")
    for name, type_col, mode_col in (("plover_cameo.tsv", 0, 1), ("lexicon.tsv", 1, 2),
                                     ("modes.tsv", 0, 1)):  # fmt: skip
        for line in data.joinpath(name).read_text("utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) > mode_col and cols[type_col] in found and cols[mode_col] not in ("", "-"):
                found[cols[type_col]].add(cols[mode_col])
    return {t: frozenset(m) for t, m in found.items()}


def parse_type(text: str) -> tuple[str, str | None]:
    """``CONSULT``, ``consult/phone`` or ``CONSULT/phone`` → (type, mode), checked against
    the ontology; ValueError naming the known types or the type's modes otherwise."""
    kind, _, mode = text.strip().partition("/")
    event = kind.strip().upper()
    if event not in PLOVER_TYPES:
        near = get_close_matches(event, PLOVER_TYPES, n=3)
        hint = f" (did you mean {', '.join(near)}?)" if near else ""
        raise ValueError(f"{kind!r} is not a PLOVER type{hint}; types: {', '.join(PLOVER_TYPES)}")
    mode = mode.strip().lower()
    if not mode:
        return event, None
    known = modes()[event]
    if mode not in known:
        listed = ", ".join(sorted(known)) or "none"
        raise ValueError(f"{mode!r} is not a mode of {event}; its modes: {listed}")
    return event, mode
