"""The built-in gazetteer: countries, organisations, people with dated offices, titles.

Each data file under ``actors/data`` is a tab-separated table with a ``#`` header giving its
source, date and licence. This module reads them once into :class:`Gazetteer`, whose
``trie`` maps folded chunk sequences (see :mod:`tidings.actors.fold`) to entries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from typing import Literal

from tidings.actors.fold import phrase_keys
from tidings.model import Actor

EntryKind = Literal["person", "country", "adjective", "metonym", "organisation", "title",
                    "dictionary", "region"]  # fmt: skip
CasePolicy = Literal["cap", "exact", "any"]


@dataclass(slots=True, frozen=True)
class Office:
    code: str
    role: str | None
    start: dt.date | None
    end: dt.date | None

    def holds(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


# A state's sectors (as agents.STATE_SECTORS): a former holder is a former official.
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})


def _candidacy(office: Office) -> bool:
    """A run for office ("Democratic presidential candidate"), not an office."""
    return office.code[3:] == "POL" and "candidate" in (office.role or "").lower()


@dataclass(slots=True)
class Person:
    name: str
    gender: str | None  # "m" | "f" | None
    offices: list[Office] = field(default_factory=list)
    surnames: list[str] = field(default_factory=list)  # match only after a full mention

    def office_on(self, day: dt.date) -> Office | None:
        """The office held on ``day``; the latest-starting one when two overlap."""
        held = [o for o in self.offices if o.holds(day)]
        if not held:
            return None
        return max(held, key=lambda o: o.start or dt.date.min)

    def actor_on(self, day: dt.date, countries: dict[str, str]) -> Actor:
        """The Actor for this person on ``day``: the office's code, or <country>ELI. A
        candidate who held a state office before is a former official (CAMEO's ELI; the
        gold README codes a person by the office held on the date, a former official ELI):
        a candidacy is no office. One who still holds an office keeps it."""
        office = self.office_on(day)
        if office is not None and _candidacy(office):
            # A sitting senator who runs is still a senator (LEG), not a party figure.
            sitting = [o for o in self.offices if o.holds(day) and not _candidacy(o)]
            if sitting:
                office = max(sitting, key=lambda o: o.start or dt.date.min)
        if office is not None and _candidacy(office):
            held = [o for o in self.offices if o.end is not None and o.end < day
                    and not _candidacy(o) and o.code[3:] in _STATE_SECTORS]  # fmt: skip
            if held and office.code[:3] in countries:
                last = max(held, key=lambda o: o.end or dt.date.min)
                role = f"former {last.role}, {office.role}" if last.role else office.role
                return make_actor(self.name, f"{office.code[:3]}ELI", role, "person", countries)
        if office is not None:
            return make_actor(self.name, office.code, office.role, "person", countries)
        # Out of office: the nearest office before the day, else the first one.
        before = [o for o in self.offices if o.end is not None and o.end < day]
        ref = max(before, key=lambda o: o.end or dt.date.min) if before else self.offices[0]
        country = ref.code[:3] if ref.code[:3] in countries else None
        role = f"former {ref.role}" if before and ref.role else ref.role
        code = f"{country}ELI" if country else ref.code
        return make_actor(self.name, code, role, "person", countries)


@dataclass(slots=True)
class Organisation:
    name: str
    kind: Literal["organisation", "group"]
    offices: list[Office] = field(default_factory=list)

    def actor_on(self, day: dt.date, countries: dict[str, str]) -> Actor:
        held = [o for o in self.offices if o.holds(day)] or self.offices[-1:]
        office = held[0]
        return make_actor(self.name, office.code, office.role, self.kind, countries)


@dataclass(slots=True, frozen=True)
class Title:
    phrase: str
    sector: str  # GOV MIL …, '*' inherit, '-' none
    kind: str  # person | group | -
    flags: frozenset[str]
    role: str | None


@dataclass(slots=True, frozen=True)
class Entry:
    """What a matched phrase stands for."""

    kind: EntryKind
    case: CasePolicy
    code: str = ""  # country code for country/adjective/metonym; code for organisations
    person: Person | None = None
    organisation: Organisation | None = None
    title: Title | None = None
    surname_only: bool = False  # a '~' alias: valid after the person's full mention
    priority: int = 0  # user dictionary entries outrank built-in ones


class Trie:
    """Chunk-key sequences → entries; lookups walk one dict level per chunk."""

    __slots__ = ("root",)

    def __init__(self) -> None:
        self.root: dict[str, object] = {}

    def add(self, keys: tuple[str, ...], entry: Entry) -> None:
        if not keys:
            return
        node = self.root
        for key in keys:
            node = node.setdefault(key, {})  # type: ignore[assignment]
        bucket = node.setdefault("", [])
        assert isinstance(bucket, list)
        if entry not in bucket:
            bucket.append(entry)


@dataclass(slots=True)
class Gazetteer:
    countries: dict[str, str]  # code → name
    adjectives: dict[str, str]  # code → main adjective ("Russian")
    people: list[Person]
    organisations: list[Organisation]
    titles: dict[str, Title]
    modifiers: frozenset[str]
    trie: Trie
    holders: dict[tuple[str, str], list[Person]]  # (country, folded role word) → people
    regions: dict[tuple[str, ...], tuple[str, str]]  # folded alias → (country, region)

    def stats(self) -> dict[str, int]:
        return {"people": len(self.people), "countries": len(self.countries),
                "organisations": len(self.organisations), "titles": len(self.titles)}  # fmt: skip


def make_actor(name: str, code: str, role: str | None, kind: str,
               countries: dict[str, str]) -> Actor:  # fmt: skip
    """An Actor whose country and sector are read off its CAMEO-style code."""
    country = code[:3] if code[:3] in countries else None
    sector = (code[3:6] or None) if country else (code[:3] or None)
    return Actor(name=name, code=code, role=role, country=country, sector=sector, kind=kind)  # type: ignore[arg-type]


def case_policy(alias: str) -> CasePolicy:
    """Acronyms (UN, WHO, US) match only as written; names need a capital letter."""
    letters = [c for c in alias if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) <= 6:
        return "exact"
    return "cap"


def _rows(name: str) -> Iterator[list[str]]:
    text = files("tidings.actors").joinpath("data", name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        yield line.split("\t")


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text.strip() else None


def _cell(row: list[str], i: int) -> str:
    return row[i].strip() if i < len(row) else ""


def _split(cell: str) -> list[str]:
    return [a.strip() for a in cell.split(";") if a.strip()]


def _load_countries(trie: Trie) -> tuple[dict[str, str], dict[str, str]]:
    countries: dict[str, str] = {}
    adjectives: dict[str, str] = {}
    for row in _rows("countries.tsv"):
        code, name = _cell(row, 0), _cell(row, 1)
        countries[code] = name
        for alias in [name, *_split(_cell(row, 2))]:
            trie.add(phrase_keys(alias), Entry("country", case_policy(alias), code=code))
        adjs = _split(_cell(row, 3))
        if adjs:
            adjectives[code] = adjs[0]
        for adj in adjs:
            trie.add(phrase_keys(adj), Entry("adjective", "cap", code=code))
        for place in _split(_cell(row, 4)):
            trie.add(phrase_keys(place), Entry("metonym", case_policy(place), code=code))
    return countries, adjectives


def _load_organisations(trie: Trie) -> list[Organisation]:
    by_name: dict[str, Organisation] = {}
    for row in _rows("organisations.tsv"):
        name = _cell(row, 0)
        office = Office(_cell(row, 2), _cell(row, 3) or None, _date(_cell(row, 5)),
                        _date(_cell(row, 6)))  # fmt: skip
        org = by_name.get(name)
        if org is None:
            kind = "group" if _cell(row, 4) == "group" else "organisation"
            org = by_name[name] = Organisation(name, kind)  # type: ignore[arg-type]
        org.offices.append(office)
        for alias in [name, *_split(_cell(row, 1))]:
            trie.add(phrase_keys(alias), Entry("organisation", case_policy(alias),
                                               code=office.code, organisation=org))  # fmt: skip
    return list(by_name.values())


def _load_people(trie: Trie) -> list[Person]:
    by_name: dict[str, Person] = {}
    for row in _rows("people.tsv"):
        name = _cell(row, 0)
        person = by_name.get(name)
        if person is None:
            person = by_name[name] = Person(name, _cell(row, 2) or None)
            aliases = _split(_cell(row, 1))
            trie.add(phrase_keys(name), Entry("person", "cap", person=person))
            has_short = False
            for alias in aliases:
                if alias.startswith("~"):
                    person.surnames.append(alias[1:])
                    has_short = True
                    continue
                has_short = has_short or len(phrase_keys(alias)) == 1
                trie.add(phrase_keys(alias), Entry("person", case_policy(alias), person=person))
            if not has_short:
                person.surnames.append(name.split()[-1])
            for surname in person.surnames:
                trie.add(phrase_keys(surname),
                         Entry("person", "cap", person=person, surname_only=True))  # fmt: skip
        person.offices.append(Office(_cell(row, 3), _cell(row, 4) or None,
                                     _date(_cell(row, 5)), _date(_cell(row, 6))))  # fmt: skip
    return list(by_name.values())


def _load_titles(trie: Trie) -> tuple[dict[str, Title], frozenset[str]]:
    titles: dict[str, Title] = {}
    modifiers: set[str] = set()
    for row in _rows("titles.tsv"):
        phrase = _cell(row, 0)
        flags = frozenset(f for f in _cell(row, 3).split(",") if f and f != "-")
        if "mod" in flags:
            modifiers.add(phrase)
            continue
        role = _cell(row, 4)
        title = Title(phrase, _cell(row, 1), _cell(row, 2), flags, None if role == "-" else role)
        titles[phrase] = title
        trie.add(phrase_keys(phrase), Entry("title", "any", title=title))
    return titles, frozenset(modifiers)


def _load_regions(trie: Trie) -> dict[tuple[str, ...], tuple[str, str]]:
    """The regions of ``regions.tsv`` (a country's states, their abbreviations and cities) as
    "region" entries: places inside a country, not actors (:mod:`tidings.actors.places`).
    Returns each folded name, abbreviation and city with its country and region."""
    regions: dict[tuple[str, ...], tuple[str, str]] = {}
    for row in _rows("regions.tsv"):
        name, country = _cell(row, 0), _cell(row, 1)
        for alias in [name, *_split(_cell(row, 2)), *_split(_cell(row, 3))]:
            regions.setdefault(phrase_keys(alias), (country, name))
            trie.add(phrase_keys(alias), Entry("region", "cap", code=country))
    return regions


def _holders(people: list[Person]) -> dict[tuple[str, str], list[Person]]:
    """Who held which head-of-office role, for "the Russian president" with no antecedent."""
    index: dict[tuple[str, str], list[Person]] = {}
    for person in people:
        for office in person.offices:
            if not office.role or " of " not in office.role:
                continue
            word = office.role.split(" of ")[0].lower()
            index.setdefault((office.code[:3], word), []).append(person)
    return index


@lru_cache(maxsize=1)
def _people_by_name() -> dict[str, Person]:
    return {person.name: person for person in load_gazetteer().people}


def known_person(name: str) -> Person | None:
    """The built-in gazetteer's person of that canonical name, with their dated offices
    (later stages read it: an event codes a person by the office held on its date)."""
    return _people_by_name().get(name)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The built-in gazetteer, read once per process."""
    trie = Trie()
    countries, adjectives = _load_countries(trie)
    organisations = _load_organisations(trie)
    people = _load_people(trie)
    titles, modifiers = _load_titles(trie)
    regions = _load_regions(trie)
    return Gazetteer(countries, adjectives, people, organisations, titles, modifiers, trie,
                     _holders(people), regions)  # fmt: skip
