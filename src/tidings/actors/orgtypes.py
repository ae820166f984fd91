"""The sector of an organisation the gazetteer does not know, from the words around it.

Two sources, both listed in ``data/orgtypes.tsv``: the head word of the name ("Lowy
Institute" → NGO, "Ministry of Health" → GOV, "Hanoi University" → EDU) and a noun of a
describing apposition ("NetWatch, an organisation that monitors …" → NGO, "X, a Washington
think tank" → NGO). State sectors (GOV MIL COP JUD LEG) need a country named in or beside the
organisation; the caller decides that. International bodies are never guessed here: they come
from the gazetteer only.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from tidings.actors.fold import phrase_keys

STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG"})
_LONGEST = 3
# Names that start like this are international bodies: gazetteer only.
_INTERNATIONAL = frozenset({"international", "united", "un", "world", "global", "european"})
_NAME_PREPOSITIONS = frozenset({"of", "for", "on", "to"})
# Heads that name a state's body when "of" follows ("Office of the U.S. Trade
# Representative", "Council of Ministers"); an office is a civic one otherwise ("Washington
# Office on Latin America").
_STATE_WITH_OF = frozenset({"office", "council"})
_ARTICLES = frozenset({"the", "a", "an"})  # not words of a name: "the group" is no "X Group"


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[tuple[str, ...], str], dict[tuple[str, ...], str]]:
    text = files("tidings.actors").joinpath("data", "orgtypes.tsv").read_text(encoding="utf-8")
    heads: dict[tuple[str, ...], str] = {}
    describe: dict[tuple[str, ...], str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, sector, where = (line.split("\t") + ["", ""])[:3]
        keys = phrase_keys(word)
        if where.strip() in ("head", "both"):
            heads[keys] = sector.strip()
        elif where.strip() == "name":
            heads[("", *keys)] = sector.strip()  # only after a word of the name
        if where.strip() in ("describe", "both"):
            describe[keys] = sector.strip()
    return heads, describe


def head_sector(keys: list[str]) -> str | None:
    """The sector the name's head word gives: the word before "of" if any, else the last."""
    if not keys or keys[0] in _INTERNATIONAL:
        return None
    heads, _ = _lexicon()
    for n in range(_LONGEST, 0, -1):  # "Institute of Technology" before "Institute"
        for i in range(len(keys) - n + 1):
            if n > 1 and tuple(keys[i : i + n]) in heads:
                return heads[tuple(keys[i : i + n])]
    # "Ministry of Health", "Center for China and Globalization", "Council on Foreign
    # Relations", "Coalition to Stop Gun Violence": the head word comes before the first
    # preposition.
    cut = next((i for i, k in enumerate(keys) if i > 0 and k in _NAME_PREPOSITIONS), len(keys))
    head = keys[:cut]
    if not head:
        return None
    if cut < len(keys) and keys[cut] == "of" and head[-1] in _STATE_WITH_OF:
        return "GOV"
    named = [k for k in head if k not in _ARTICLES]
    if len(named) > 1 and ("", head[-1]) in heads:  # "Eurasia Group", not "the group"
        return heads[("", head[-1])]
    return heads.get((head[-1],))


def described_sector(keys: list[str]) -> str | None:
    """The sector a describing phrase gives ("a Washington think tank" → NGO), longest first."""
    _, describe = _lexicon()
    for n in range(_LONGEST, 0, -1):
        for i in range(len(keys) - n + 1):
            sector = describe.get(tuple(keys[i : i + n]))
            if sector is not None:
                return sector
    return None


__all__ = ["STATE_SECTORS", "described_sector", "head_sector"]
