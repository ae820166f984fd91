"""The event lexicon: patterns read from data files, so users extend coding without code.

``data/lexicon.tsv`` holds one pattern a row (trigger lemmas, the conditions a parse must
meet, where the recipient is, flags); ``data/modes.tsv`` picks a mode from the complement
(what is requested, refused, threatened); ``data/plover_cameo.tsv`` gives the CAMEO code of
a PLOVER type and mode. Each file's header says its format and source.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

from tidings.errors import ConfigError
from tidings.model import PLOVER_TYPES


@dataclass(frozen=True, slots=True)
class Condition:
    """One requirement of a pattern on the trigger's dependents."""

    kind: str  # obj | prep | mod | comp | xcomp | det | objactor | noobj | politic
    lemmas: frozenset[str] = frozenset()  # empty = any
    preps: frozenset[str] = frozenset()  # for kind == "prep"
    negated: bool = False  # "!obj=…": the row holds only where this does not


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon row: a trigger, its conditions and where its arguments are."""

    id: str
    event: str
    mode: str | None
    context: tuple[str, ...]
    pos: str  # "V" verb, "N" noun, "A" adjective ("ready to", "willing to")
    lemma: str  # the trigger lemma (one row per lemma after expansion)
    particle: str | None  # "down" for "shoot+down"
    needs: tuple[Condition, ...]
    target: tuple[str, ...]
    flags: frozenset[str] = field(default_factory=frozenset)
    negated_as: str | None = None  # neg=REJECT

    @property
    def symmetric(self) -> bool:
        return "sym" in self.flags


@dataclass(frozen=True, slots=True)
class ModeCue:
    event: str
    mode: str
    context: tuple[str, ...]
    cues: frozenset[str]


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Rows indexed by (lemma, pos), in file order."""

    entries: dict[tuple[str, str], tuple[Entry, ...]]
    modes: tuple[ModeCue, ...]
    cameo: dict[tuple[str, str], str]

    @property
    def lemmas(self) -> frozenset[str]:
        return frozenset(lemma for lemma, _ in self.entries)

    def cameo_code(self, event: str, mode: str | None) -> str | None:
        return self.cameo.get((event, mode or "")) or self.cameo.get((event, ""))

    def mode_from_cues(self, event: str, lemmas: set[str]) -> ModeCue | None:
        for cue in self.modes:
            if cue.event == event and cue.cues & lemmas:
                return cue
        return None


def _split(cell: str, sep: str) -> list[str]:
    return [] if cell.strip() in ("", "-") else [x.strip() for x in cell.split(sep) if x.strip()]


def _condition(text: str, where: str) -> Condition:
    if text.startswith("!"):
        return replace(_condition(text[1:], where), negated=True)
    if text in ("objactor", "noobj", "politic"):
        return Condition(text)
    kind, _, rest = text.partition("=")
    if kind == "prep":
        preps, _, lemmas = rest.partition(":")
        words = frozenset() if lemmas in ("", "*") else frozenset(lemmas.split("|"))
        return Condition("prep", words, frozenset(preps.split("|")))
    if kind in ("obj", "mod", "comp", "xcomp", "det"):
        return Condition(kind, frozenset() if rest == "*" else frozenset(rest.split("|")))
    raise ConfigError(f"{where}: unknown condition {text!r}")


def _rows(text: str, name: str, width: int) -> list[tuple[int, list[str]]]:
    rows = []
    for no, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != width:
            raise ConfigError(f"{name} line {no}: expected {width} tab-separated cells")
        rows.append((no, cells))
    return rows


def parse_lexicon(text: str, name: str = "lexicon.tsv") -> dict[tuple[str, str], tuple[Entry, ...]]:
    """Rows of a lexicon file, one Entry per trigger lemma, indexed by (lemma, pos)."""
    index: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for no, cells in _rows(text, name, 9):
        rid, event, mode, context, pos, lemmas, needs, target, flags = (c.strip() for c in cells)
        where = f"{name} line {no}"
        if event not in PLOVER_TYPES:
            raise ConfigError(f"{where}: {event!r} is not a PLOVER type")
        if pos not in ("V", "N", "A"):
            raise ConfigError(f"{where}: pos must be V, N or A, not {pos!r}")
        flag_set = frozenset(_split(flags, ","))
        negated_as = next((f.split("=", 1)[1] for f in flag_set if f.startswith("neg=")), None)
        conditions = tuple(_condition(c, where) for c in _split(needs, ","))
        for lemma in _split(lemmas, "|"):
            word, _, particle = lemma.partition("+")
            entry = Entry(
                id=rid,
                event=event,
                mode=None if mode in ("", "-") else mode,
                context=tuple(_split(context, ";")),
                pos=pos,
                lemma=word.lower(),
                particle=particle or None,
                needs=conditions,
                target=tuple(_split(target, ",")),
                flags=flag_set,
                negated_as=negated_as,
            )
            index[(entry.lemma, pos)].append(entry)
    return {k: tuple(v) for k, v in index.items()}


def parse_modes(text: str, name: str = "modes.tsv") -> tuple[ModeCue, ...]:
    return tuple(
        ModeCue(e.strip(), m.strip(), tuple(_split(c, ";")), frozenset(_split(cues, "|")))
        for _, (e, m, c, cues) in _rows(text, name, 4)
    )


def parse_cameo(text: str, name: str = "plover_cameo.tsv") -> dict[tuple[str, str], str]:
    return {(e.strip(), m.strip()): c.strip() for _, (e, m, c) in _rows(text, name, 3)}


def _data(name: str) -> str:
    return resources.files("tidings.events").joinpath("data", name).read_text(encoding="utf-8")


@lru_cache(maxsize=4)
def load_lexicon(extra: Path | None = None) -> Lexicon:
    """The packaged lexicon, with a user's extra rows (same format) tried before them."""
    entries = parse_lexicon(_data("lexicon.tsv"))
    if extra is not None:
        try:
            user = parse_lexicon(extra.read_text(encoding="utf-8"), str(extra))
        except OSError as exc:
            raise ConfigError(f"{extra}: cannot read the event lexicon ({exc.strerror})") from exc
        for key, rows in user.items():
            entries[key] = rows + entries.get(key, ())
    return Lexicon(entries, parse_modes(_data("modes.tsv")), parse_cameo(_data("plover_cameo.tsv")))


__all__ = ["Condition", "Entry", "Lexicon", "ModeCue", "load_lexicon", "parse_lexicon"]
