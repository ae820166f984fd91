"""Place names that are a country's and also a region's elsewhere, read by their context.

"Georgia" is the Caucasian country and a U.S. state. The gazetteer reads it as the country;
it is the state where the words right around it say so ("Georgia Gov. Brian Kemp", "the
state of Georgia", "Atlanta, Georgia", "Georgia Republicans") or where the article names
more places of the state's country (other states, their abbreviations, cities: "R-Ga.",
"Atlanta") than it names the country by its other words ("Georgian", "Tbilisi") or its
people. The state is then a place of its country (a metonym: Georgia's governor is
American). The regions themselves (``data/regions.tsv``) are no actors: they are only
context, and a longer region name hides the country a shorter one inside it names ("New
England" is no England).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tidings.actors.atoms import Atom
from tidings.actors.fold import Chunk
from tidings.actors.gazetteer import Entry, EntryKind, Gazetteer

# Words right before a name that make it a region: "the state of Georgia", "the University
# of Georgia", "Rep. Doug Collins of Georgia", "Sen. Johnny Isakson (R) of Georgia".
_REGION_BEFORE = re.compile(
    r"\b(?:[Ss]tate of|[Gg]overnor of|University of|\w+ [Cc]ounty,|(?:Rep|Sen|Gov)s?\. "
    r"(?:[A-Z][\w.'’-]*\s+){1,3}(?:\([RD]\)\s+)?(?:of|from)|(?:Democrat|Republican) from)\s+$"
)
# Words right after it: "Georgia Gov. Brian Kemp", "Georgia's governor", "Georgia voters",
# "Georgia Republicans", "Georgia Sen. …", "Georgia state Sen.", "Georgia's 6th District".
_REGION_AFTER = re.compile(
    r"(?:'s|’s)?\s+(?:Gov\.|[Gg]overnor|[Ll]t\. Gov\.|[Ll]ieutenant [Gg]overnor|"
    r"state (?:Sen\.|Rep\.|[Ss]enator|[Rr]epresentative|lawmakers?|legislat|law\b|[Cc]apitol)|"
    r"State (?:Senate|House|Capitol|University|Legislature)|[Ll]egislature|General Assembly|"
    r"Republicans?\b|Democrats?\b|Sen\.|Sens\.|Rep\.|[Ss]enator|[Cc]ongressman|"
    r"[Cc]ongresswoman|lawmakers?|legislators?|voters|[Ss]ecretary of State|"
    r"[Aa]ttorney [Gg]eneral|\d+(?:st|nd|rd|th) (?:[Cc]ongressional )?[Dd]istrict|"
    r"[Cc]ounty|[Cc]ounties|runoff|gubernatorial|Bulldogs|Tech\b)"
)


def _country_signals(atoms: Sequence[Atom], chs: list[Chunk], country: str,
                     name: tuple[str, ...]) -> int:  # fmt: skip
    """How strongly the article names ``country`` by words other than the ambiguous
    ``name``: twice for each of its other names, its capitals ("Tbilisi") and its people,
    once for each demonym ("Georgians", which may be the region's people too)."""
    score = 0
    for atom in atoms:
        if _keys(atom, chs) == name:
            continue
        code = atom.entry.code
        if atom.kind == "person" and atom.entry.person is not None:
            code = next((o.code for o in atom.entry.person.offices), "")
        if atom.kind in ("country", "metonym", "person") and code[:3] == country:
            score += 2
        elif atom.kind == "adjective" and code == country:
            score += 1
    return score


def _region_signals(atoms: Sequence[Atom], text: str, chs: list[Chunk], gaz: Gazetteer,
                    name: tuple[str, ...]) -> int:  # fmt: skip
    """How strongly the article places itself in the region ``name`` names: twice for each
    of the region's own cities and abbreviations ("Atlanta", "R-Ga."), for each phrase that
    names the region by its kind right there ("Georgia Gov.", "the state of Georgia"), once
    for each other region of its country (another state)."""
    country, region = gaz.regions[name]
    score = 0
    for atom in atoms:
        keys = _keys(atom, chs)
        if atom.kind == "country" and keys == name:
            score += 2 * _regional_here(atom, text)
            continue
        if atom.kind != "region" or atom.entry.code != country or keys == name:
            continue
        short = len(keys) == 1 and len(chs[atom.first].text) <= 4
        if short and text[atom.end : atom.end + 1] != ".":
            continue  # "Pa", "Mass" without the period are no abbreviations
        score += 2 if gaz.regions.get(keys, ("", ""))[1] == region else 1
    return score


def _keys(atom: Atom, chs: list[Chunk]) -> tuple[str, ...]:
    return tuple(c.key for c in chs[atom.first : atom.last])


def _regional_here(atom: Atom, text: str) -> bool:
    """The words right around the name make it the region: "the state of Georgia",
    "Georgia Gov. Brian Kemp", "Georgia Republicans"."""
    before = text[max(0, atom.start - 40) : atom.start]
    return bool(_REGION_BEFORE.search(before) or _REGION_AFTER.match(text, atom.end))


def regional(atoms: Sequence[Atom], text: str, chs: list[Chunk], gaz: Gazetteer,
             name: tuple[str, ...], country: str) -> bool:  # fmt: skip
    """Whether the article reads the country name ``name`` (of ``country``) as the region
    of another country it also names: the region's signals (:func:`_region_signals`) reach
    two and outweigh the country's own (:func:`_country_signals`)."""
    region = _region_signals(atoms, text, chs, gaz, name)
    return region >= 2 and region > _country_signals(atoms, chs, country, name)


def read_places(atoms: list[Atom], text: str, chs: list[Chunk], gaz: Gazetteer) -> list[Atom]:
    """The atoms with each country name that is also a region of another country read as
    that region's country where the article says so (:func:`regional`; a metonym of the
    region's country: the U.S. state Georgia is American), and the regions themselves, only
    context, dropped. The country's demonyms are then the region's people ("Georgians" who
    vote)."""
    regional_countries: dict[str, str] = {}  # the country a name names → the region's
    for atom in atoms:
        name = _keys(atom, chs)
        if atom.kind != "country" or name not in gaz.regions or \
                atom.entry.code in regional_countries:  # fmt: skip
            continue
        region_country = gaz.regions[name][0]
        if region_country != atom.entry.code and regional(atoms, text, chs, gaz, name,
                                                          atom.entry.code):  # fmt: skip
            regional_countries[atom.entry.code] = region_country
    kept: list[Atom] = []
    for atom in atoms:
        if atom.kind == "region":
            continue
        country = regional_countries.get(atom.entry.code)
        readable = atom.kind == "adjective" or (
            atom.kind == "country" and _keys(atom, chs) in gaz.regions)  # fmt: skip
        if country is not None and readable:
            kind: EntryKind = "metonym" if atom.kind == "country" else "adjective"
            entry = Entry(kind, atom.entry.case, code=country)
            atom = Atom(atom.first, atom.last, atom.start, atom.end, entry, atom.dict_actor)
        kept.append(atom)
    return kept


__all__ = ["read_places", "regional"]
