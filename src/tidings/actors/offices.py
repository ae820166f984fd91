"""Whether the gazetteer rules out a country for a titled person: "President Mohamed Morsy"
in a U.S. column is no U.S. president, for the gazetteer knows that the U.S. president on
the article's date was Barack Obama.

An office held by one person at a time (a head of state or government: president, prime
minister, king, chancellor; a named ministry: foreign minister, secretary of state) has one
holder in a country on a date. When a title gets its country only from a guess (the
outlet's country, the country the article mentions most, an American title's default) and
the gazetteer knows that office's holder there and then, a person with another surname
cannot hold it, and the guess is wrong. Names are compared loosely (surnames one letter
apart are one name: "Morsy" and "Morsi", "Zelensky" and "Zelenskyy"), so that only a
clearly different person rules a country out.
"""

from __future__ import annotations

import datetime as dt

from tidings.actors.fold import name_words
from tidings.actors.gazetteer import Gazetteer, Office, Person, Title

# Heads' titles that are no single office: "opposition leader X", "party leaders".
_LOOSE_HEADS = frozenset({"leader", "leaders", "head of state", "heads of state"})
# Role prefixes that are no part of the office's name ("U.S. Secretary of State").
_ROLE_PREFIXES = ("u.s. ", "us ")


def _role_name(role: str) -> str:
    role = role.lower().replace("defense", "defence")
    for prefix in _ROLE_PREFIXES:
        role = role.removeprefix(prefix)
    return role


def single_office(title: Title) -> bool:
    """The title names an office one person holds at a time in a country."""
    if title.kind != "person" or title.sector in ("*", "-"):
        return False
    if "head" in title.flags:
        return title.phrase not in _LOOSE_HEADS
    # "foreign minister", "secretary of state": a ministry named, not a bare "minister".
    return " " in title.phrase


def office_holders(gaz: Gazetteer, country: str, title: Title, day: dt.date) -> list[Person]:
    """Who held the office ``title`` names in ``country`` on ``day``, by the gazetteer: the
    people whose role on that day starts with the title ("President of the United States"
    for "president"); empty when the title is no single office or nobody is known."""
    if not single_office(title):
        return []
    word = title.phrase.replace("defense", "defence")
    found: list[Person] = []
    for person in gaz.people:
        office = person.office_on(day)
        if office is None or not office.role or office.code[:3] != country:
            continue
        if _names_office(word, office):
            found.append(person)
    return found


def _names_office(word: str, office: Office) -> bool:
    """The title word names the office ("president" → "President of the United States")."""
    if not office.role:
        return False
    role = _role_name(office.role)
    return role == word or role.startswith((f"{word} of ", f"{word} for "))


def office_titled(person: Person, title: Title, day: dt.date) -> Office | None:
    """The latest office before ``day`` that the title names, of a person out of office on
    ``day``: "President Ronald Reagan" in 2012 is the president he was (the title names
    the office held when he acted or spoke), not a former official. None when the title
    names no single office or none the person held."""
    if not single_office(title) or person.office_on(day) is not None:
        return None
    word = title.phrase.replace("defense", "defence")
    held = [o for o in person.offices
            if o.end is not None and o.end < day and _names_office(word, o)]  # fmt: skip
    return max(held, key=lambda o: o.end or dt.date.min) if held else None


def _near(a: str, b: str) -> bool:
    """One surname spelt two ways: equal, or (both of four letters or more) one letter
    changed, added or dropped ("morsy"/"morsi", "zelensky"/"zelenskyy")."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:k] + long[k + 1 :] == short for k in range(len(long)))


def may_be(name: str, person: Person) -> bool:
    """Whether ``name`` as written may be ``person``: its last word is one of the person's
    name words, give or take a letter ("President Xi" is Xi Jinping, "Morsy" Morsi)."""
    words = name_words(name)
    if not words:
        return True
    known = set(name_words(person.name))
    for surname in person.surnames:
        known.update(name_words(surname.lstrip("~")))
    return any(_near(words[-1], k) for k in known)


def ruled_out(gaz: Gazetteer, country: str, title: Title, name: str, day: dt.date) -> bool:
    """The gazetteer knows who held the office in ``country`` on ``day``, and ``name`` is
    none of them."""
    holders = office_holders(gaz, country, title, day)
    return bool(holders) and not any(may_be(name, p) for p in holders)
