"""Generic agent nouns and the sector they give whoever they describe: "a professor" is EDU,
"the former special envoy" GOV (ELI, being former), "a fan" CVL, "rebels" REB.

The table is PETRARCH2's Phoenix agents dictionary (``data/agents.tsv``, MIT, converted by
``scripts/convert_phoenix_agents.py``), read after tidings' own short list
(``data/agents_extra.tsv``) where the gold conventions differ (spokespeople are GOV, not
MED; think tanks EDU). Phoenix's compound codes keep their first sector (GOVMED → GOV) except
that intelligence wins (MILSPY → SPY) and state media are media (a state news agency is MED);
sectors the gold does not use are renamed (PTY → POL, HRI → NGO, MUS/CHR/… → REL) or dropped
(CRM). Lookups are dict probes over at most ``_LONGEST`` words at each position.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from importlib.resources import files

from tidings.actors.fold import phrase_keys

# Sectors of the gold conventions (../shared/gold/README.md) and CAMEO's HLH and RAD, which
# titles.tsv already uses; anything else is renamed or dropped.
_KEPT = frozenset(
    "GOV MIL COP SPY JUD LEG POL ELI BUS MED EDU NGO CVL OPP REB REF LAB REL UAF HLH RAD".split()
)
_RENAMED = {"PTY": "POL", "HRI": "NGO", "ENV": "NGO", "DEV": "NGO", "AGR": "CVL", "PPL": "CVL",
            "MUS": "REL", "CHR": "REL", "BUD": "REL", "JEW": "REL", "HIN": "REL"}  # fmt: skip
_MEDIA_WORDS = frozenset({"news", "media", "television", "tv", "radio", "newspaper", "press",
                          "broadcaster", "broadcasting"})  # fmt: skip
# States' sectors: a former holder is ELI (CAMEO's elites: former officials).
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
FORMER_WORDS = frozenset({"former", "ex", "retired", "onetime", "erstwhile"})
# Sectors whose former holders are elites: a state's offices and a party's ("a former GOP
# lawmaker", "a former party chairman").
FORMER_ELITE = STATE_SECTORS | {"POL"}
_LONGEST = 6
_NONE = "-"


def phoenix_sector(code: str, keys: Sequence[str] = ()) -> str | None:
    """The tidings sector of a Phoenix code: 'GOVMED' → GOV (MED for a state news agency)."""
    parts = [code[i : i + 3] for i in range(0, len(code), 3)]
    if "SPY" in parts:
        return "SPY"
    if parts[:2] == ["GOV", "MED"] and _MEDIA_WORDS & set(keys):
        return "MED"
    for part in parts:
        sector = _RENAMED.get(part, part)
        if sector in _KEPT:
            return sector
    return None


def _plurals(keys: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Regular plurals of a phrase's last word, which the Phoenix table leaves out."""
    last = keys[-1]
    if last.endswith(("s", "x", "ch", "sh")):
        forms = [last + "es"]
    elif last.endswith("y") and len(last) > 2 and last[-2] not in "aeiou":
        forms = [last[:-1] + "ies"]
    else:
        forms = [last + "s"]
    return [keys[:-1] + (f,) for f in forms]


@lru_cache(maxsize=1)
def agent_table() -> dict[tuple[str, ...], str]:
    """Folded phrase → sector ('-' for words that name no sector of their own)."""
    table: dict[tuple[str, ...], str] = {}
    for name in ("agents_extra.tsv", "agents.tsv"):  # the first reading of a phrase wins
        text = files("tidings.actors").joinpath("data", name).read_text(encoding="utf-8")
        for line in text.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            phrase, code = (line.split("\t") + [""])[:2]
            keys = phrase_keys(phrase)
            if not keys:
                continue
            sector = _NONE if code.strip() == _NONE else phoenix_sector(code.strip(), keys)
            if sector is None:
                continue
            for form in (keys, *_plurals(keys)):
                table.setdefault(form, sector)
    return table


# Words after which a description names what the person belongs to, not what they are.
_PREPOSITIONS = frozenset({"of", "at", "for", "with", "to", "in", "on", "from", "under", "who",
                           "which", "that", "and"})  # fmt: skip


def agent_sector(keys: Sequence[str]) -> tuple[str, int, int] | None:
    """The head agent noun among ``keys`` as (sector, first, end) word indices: the last
    agent phrase (longest at each position) before the first preposition, as English noun
    phrases end in their head ("a militia supporter" is a supporter, "the former special
    envoy to Ukraine" an envoy). A head that names no sector of its own ("spokesman",
    "officer") gives None, since what it belongs to decides."""
    table = agent_table()
    stop = next((i for i, k in enumerate(keys) if k in _PREPOSITIONS and i > 0), len(keys))
    head: tuple[str, int, int] | None = None
    i = 0
    while i < stop:
        for n in range(min(_LONGEST, stop - i), 0, -1):
            sector = table.get(tuple(keys[i : i + n]))
            if sector is not None:
                head = (sector, i, i + n)
                i += n - 1
                break
        i += 1
    if head is None or head[0] == _NONE:
        return None
    return head


__all__ = ["FORMER_ELITE", "FORMER_WORDS", "STATE_SECTORS", "agent_sector", "agent_table",
           "phoenix_sector"]  # fmt: skip
