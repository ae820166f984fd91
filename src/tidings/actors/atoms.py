"""Finding gazetteer and dictionary phrases in a body: the "atoms" that actors are built of.

A left-to-right walk over word chunks takes, at each position, the longest phrase of the
built-in trie or of the user dictionary (the dictionary wins ties), checking letter case:
acronyms only as written (US, not "us"), names only capitalised, titles in any case.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tidings.actors.dictionary import DictionaryActor
from tidings.actors.fold import Chunk, joined
from tidings.actors.gazetteer import Entry, Person, Trie

# Among entries for the same words, which reading wins (lower first).
_RANK = {"dictionary": 0, "person": 1, "organisation": 2, "country": 3, "metonym": 4,
         "adjective": 5, "title": 6, "region": 7}  # fmt: skip


@dataclass(slots=True)
class Atom:
    first: int  # chunk index of the first word
    last: int  # chunk index after the last word
    start: int  # body offsets
    end: int
    entry: Entry
    dict_actor: DictionaryActor | None = None

    @property
    def kind(self) -> str:
        return self.entry.kind


def _case_ok(entry: Entry, words: list[Chunk]) -> bool:
    if entry.case == "any":
        return True
    if entry.case == "exact":
        return all(c.text.upper() == c.text for c in words)
    return words[0].capitalised


def _walk(
    root: dict[str, object], text: str, chs: list[Chunk], i: int
) -> list[tuple[int, list[Entry]]]:
    """Every (end index, entries) of phrases in the trie that start at chunk ``i``."""
    found: list[tuple[int, list[Entry]]] = []
    node = root
    j = i
    while j < len(chs):
        if j > i and not joined(text, chs[j - 1], chs[j]):
            break
        nxt = node.get(chs[j].key)
        if not isinstance(nxt, dict):
            break
        node = nxt
        j += 1
        bucket = node.get("")
        if isinstance(bucket, list):
            found.append((j, bucket))
    return found


def _walk_dict(index: dict[tuple[str, ...], DictionaryActor], longest: int, text: str,
               chs: list[Chunk], i: int) -> tuple[int, DictionaryActor] | None:  # fmt: skip
    best: tuple[int, DictionaryActor] | None = None
    for j in range(i + 1, min(len(chs), i + longest) + 1):
        if j - 1 > i and not joined(text, chs[j - 2], chs[j - 1]):
            break
        hit = index.get(tuple(c.key for c in chs[i:j]))
        if hit is not None and chs[i].capitalised:
            best = (j, hit)
    return best


_DICT_ENTRY = Entry("dictionary", "cap", priority=1)


def find_atoms(text: str, chs: list[Chunk], trie: Trie,
               dictionary: dict[tuple[str, ...], DictionaryActor] | None = None,
               day: dt.date | None = None,
               persons: frozenset[int] = frozenset()) -> list[Atom]:  # fmt: skip
    """The non-overlapping phrases of ``text``, longest first, in text order.

    A surname alone ("~Kerry") counts once its person was named in full, or right after a
    title or honorific ("Mr. Kerry", "President Moon") when that person held an office on
    ``day`` or ever held the office the title names ("President Bush"), or, where spaCy
    reads a person (``persons``: start offsets of PERSON entities), when exactly one bearer
    of the surname led a state on ``day`` ("Kim" in 2018 is Kim Jong Un, not Kim Jong Il).
    Among several readings, the person named most recently wins, then one in office.
    """
    atoms: list[Atom] = []
    introduced: set[int] = set()  # id() of people named in full so far
    longest = max((len(k) for k in dictionary), default=0) if dictionary else 0
    i = 0
    while i < len(chs):
        best: tuple[int, Entry] | None = None
        for j, bucket in _walk(trie.root, text, chs, i):
            words = chs[i:j]
            titled = bool(atoms) and atoms[-1].kind == "title" and atoms[-1].last == i
            title = atoms[-1] if titled else None
            usable = [e for e in bucket if _case_ok(e, words)
                      and (not e.surname_only or id(e.person) in introduced
                           or (title is not None and (_in_office(e, day) or _fits(e, title))))
                      ]  # fmt: skip
            if not usable and j == i + 1 and chs[i].start in persons:
                leaders = [e for e in bucket if e.surname_only and _leads(e, day)]
                usable = leaders if len(leaders) == 1 else []
                if usable:  # read as the leader once, the surname stays his in the article
                    introduced.add(id(usable[0].person))
            if usable:
                best = (j, min(usable, key=lambda e: (_RANK[e.kind], _recency(e, atoms),
                                                      not _in_office(e, day))))  # fmt: skip
        dict_hit = _walk_dict(dictionary, longest, text, chs, i) if dictionary else None
        if dict_hit is not None and (best is None or dict_hit[0] >= best[0]):
            j = dict_hit[0]
            atoms.append(Atom(i, j, chs[i].start, chs[j - 1].end, _DICT_ENTRY, dict_hit[1]))
            i = j
            continue
        if best is None:
            i += 1
            continue
        j, entry = best
        atoms.append(Atom(i, j, chs[i].start, chs[j - 1].end, entry))
        if entry.kind == "person" and not entry.surname_only and entry.person is not None:
            introduced.add(id(entry.person))
        i = j
    return atoms


def _fits(entry: Entry, title: Atom) -> bool:
    """The person once held the office the title before the surname names ("President
    Bush" years after: the former president, not an unknown Bush)."""
    word = title.entry.title.phrase.lower() if title.entry.title is not None else ""
    if entry.person is None or not word:
        return False
    return any(word in (o.role or "").lower() for o in entry.person.offices)


# Roles of those who lead a state: a surname alone in the news is theirs.
_LEADING_ROLES = ("president of", "prime minister of", "supreme leader", "chancellor of",
                  "king of", "emir of", "premier of")  # fmt: skip


def _leads(entry: Entry, day: dt.date | None) -> bool:
    """The person led a state on ``day`` (not a vice president or a deputy)."""
    if entry.person is None or day is None:
        return False
    office = entry.person.office_on(day)
    role = (office.role or "").lower() if office is not None else ""
    return role.startswith(_LEADING_ROLES)


def _in_office(entry: Entry, day: dt.date | None) -> bool:
    return entry.person is not None and day is not None and entry.person.office_on(day) is not None


def _recency(entry: Entry, atoms: list[Atom]) -> int:
    """For several people sharing a surname: the one named most recently ranks first."""
    if entry.person is None:
        return 0
    for back, atom in enumerate(reversed(atoms)):
        if atom.entry.person is entry.person:
            return back
    return len(atoms) + 1


def person_of(atom: Atom) -> Person | None:
    return atom.entry.person
