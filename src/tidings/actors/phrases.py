"""Noun phrases built around titles: "Serbian President Aleksandar Vucic", "Iran's foreign
minister", "a U.S. State Department spokeswoman", "Russian troops", "the president".

A title atom (see titles.tsv) gathers, to its left, the atoms that own it — a country,
its adjective or possessive, an organisation, a person ("the Obama administration") —
across modifiers ("senior", "new") and possessive 's; to its right an "of X" owner
("president of the European Council") and a name. What comes out is a :class:`Phrase`,
which :mod:`tidings.actors.resolve` turns into a mention.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from tidings.actors.agents import FORMER_WORDS
from tidings.actors.atoms import Atom
from tidings.actors.fold import Chunk
from tidings.actors.gazetteer import Gazetteer, Title
from tidings.nlp.abbreviations import abbreviation_keys

# Abbreviations whose period does not end a sentence ("U.S. officials", "Mr. Putin"): the
# titles the tokenizer keeps whole, and "St. Petersburg", "No. 2".
ABBREVIATIONS = abbreviation_keys() | {"st", "no"}
DETERMINERS = frozenset({"the", "a", "an"})
# Ranks below an office: their holder is someone else than the office's ("Assistant Secretary
# of State Beth Jones" is not the Secretary of State). "Under" only capitalised, right before
# the title ("Under Secretary of State"), as "under President X" is no rank.
SUBORDINATE_WORDS = frozenset({"assistant", "deputy", "vice", "acting", "associate",
                               "principal", "interim"})  # fmt: skip
_BREAKS = frozenset(',;:()[]"“”\n!?')
# Capitalised words a place name may take between "former" and a title ("Former New York
# Governor").
_PLACE_WORDS = 3
# "the country's president": a possessive that refers back rather than naming a country.
_ANAPHORIC_OWNERS = frozenset({"country", "nation", "kingdom", "republic", "state", "territory",
                               "island", "city"})  # fmt: skip


@dataclass(slots=True)
class Phrase:
    start: int
    end: int
    head: Title
    titles: list[Atom]
    owners: list[Atom] = field(default_factory=list)  # nearest first
    of_owner: Atom | None = None
    name_atom: Atom | None = None
    name_span: tuple[int, int] | None = None  # an unknown name (NER or capitalised words)
    determiner: str | None = None  # "the" | "a" | "an"
    anaphoric: bool = False  # "the country's president"
    former: bool = False  # "Iran's former foreign minister": no longer in office
    # "Assistant Secretary of State X", "the deputy foreign minister": a rank below the
    # office the title names, whose holder this is not.
    rank: str | None = None
    consumed: list[Atom] = field(default_factory=list)


def gap_ok(text: str, left: Chunk, right: Chunk) -> bool:
    """Two chunks can sit in one noun phrase: no punctuation break, no sentence end."""
    gap = text[left.end : right.start]
    if any(c in _BREAKS for c in gap):
        return False
    if "." in gap and not (len(left.key) == 1 or left.key in ABBREVIATIONS):
        return False
    return len(gap) <= 3


def _possessive(text: str, chs: list[Chunk], k: int) -> bool:
    """Chunk ``k`` is the s of an apostrophe-s."""
    return chs[k].key == "s" and k > 0 and text[chs[k - 1].end : chs[k].start] in ("'", "’")


class PhraseBuilder:
    """Builds title phrases over one body's chunks and atoms."""

    def __init__(self, text: str, chs: list[Chunk], atoms: list[Atom], gaz: Gazetteer,
                 person_starts: dict[int, int]) -> None:  # fmt: skip
        self.text = text
        self.chs = chs
        self.atoms = atoms
        self.gaz = gaz
        self.person_starts = person_starts  # NER PERSON: start offset → end offset
        self.by_last = {a.last: a for a in atoms}  # atom ending before chunk index
        self.by_first = {a.first: a for a in atoms}
        self.chunk_starts = [ch.start for ch in chs]

    def _filler(self, k: int) -> bool:
        ch = self.chs[k]
        return ch.key in self.gaz.modifiers or _possessive(self.text, self.chs, k)

    def _joined(self, a: int, b: int) -> bool:
        """Chunks a..b (inclusive, a < b) are joined without breaks."""
        return all(gap_ok(self.text, self.chs[k], self.chs[k + 1]) for k in range(a, b))

    def build(self, k: int, taken: set[int]) -> Phrase | None:
        """The phrase whose first title is atom ``k``; ``taken`` holds used atom ids."""
        atoms = self.atoms
        first = atoms[k]
        titles = [first]
        # A run of titles: "army chief Gen", "Foreign Ministry spokesman".
        idx = k + 1
        while idx < len(atoms):
            nxt = atoms[idx]
            prev = titles[-1]
            if nxt.kind != "title" or id(nxt) in taken:
                break
            between = range(prev.last, nxt.first)
            if not all(self._filler(j) for j in between) or not self._joined(
                prev.last - 1, nxt.first
            ):
                break
            titles.append(nxt)
            idx += 1
        head_atom = titles[-1]
        head = head_atom.entry.title
        assert head is not None
        phrase = Phrase(start=first.start, end=head_atom.end, head=head, titles=titles)
        self._owners_left(phrase, first.first, taken)
        self._of_owner(phrase, head_atom, taken)
        if phrase.of_owner is None:
            self._name_right(phrase, head_atom, taken)
            self._of_country_after_name(phrase, taken)
        elif phrase.of_owner.kind == "title":
            # "Director of Public Prosecution Anna-Lena Berg": the name follows the owner.
            self._name_right(phrase, phrase.of_owner, taken, head)
        return phrase

    def _owners_left(self, phrase: Phrase, first: int, taken: set[int]) -> None:
        chs = self.chs
        j = first - 1
        while j >= 0:
            if not gap_ok(self.text, chs[j], chs[j + 1]):
                break
            atom = self.by_last.get(j + 1)
            if atom is not None and id(atom) not in taken and atom.kind in (
                    "country", "adjective", "metonym", "organisation", "person", "dictionary",
                    "title"):  # fmt: skip
                if atom.kind == "title" and (atom.entry.title is None
                                             or atom.entry.title.kind != "group"):  # fmt: skip
                    break
                phrase.owners.append(atom)
                phrase.start = atom.start
                j = atom.first - 1
                continue
            if chs[j].key in _ANAPHORIC_OWNERS and j + 1 < len(chs) and _possessive(
                    self.text, chs, j + 1):  # fmt: skip
                phrase.anaphoric = True
                phrase.start = chs[j].start
                j -= 1
                continue
            if self._filler(j) or chs[j].key in FORMER_WORDS:  # "Ex-Assistant Secretary"
                if not _possessive(self.text, chs, j):
                    phrase.start = chs[j].start
                if chs[j].key in FORMER_WORDS:
                    phrase.former = True
                if chs[j].key in SUBORDINATE_WORDS and phrase.rank is None:
                    phrase.rank = self.text[chs[j].start : chs[j].end]
                j -= 1
                continue
            place = j  # "Former Arkansas Gov.", "Former New York Governor"
            while place > j - _PLACE_WORDS and place >= 1 and chs[place].capitalised \
                    and chs[place - 1].key not in FORMER_WORDS \
                    and gap_ok(self.text, chs[place - 1], chs[place]):  # fmt: skip
                place -= 1
            if chs[j].capitalised and place >= 1 and chs[place - 1].key in FORMER_WORDS \
                    and all(c.capitalised for c in chs[place : j + 1]) \
                    and gap_ok(self.text, chs[place - 1], chs[place]):  # fmt: skip
                # "Former Arkansas Gov. Mike Huckabee", "Former New York Governor George
                # Pataki": a state or city the gazetteer does not know between "former" and
                # the title.
                phrase.former = True
                phrase.start = chs[place - 1].start
                j = place - 2
                continue
            if self.text[chs[j].start : chs[j].end] == "Under" and j + 1 == first:
                phrase.rank = "Under"
                phrase.start = chs[j].start
                j -= 1
                continue
            if chs[j].key in DETERMINERS:
                phrase.determiner = chs[j].key
                phrase.start = chs[j].start
            break

    def _of_owner(self, phrase: Phrase, head: Atom, taken: set[int]) -> None:
        """ "president of the European Council", "ambassador to Russia" (span only)."""
        chs = self.chs
        j = head.last
        if j >= len(chs) or chs[j].key not in ("of", "to", "in"):
            return
        title = head.entry.title
        if chs[j].key == "in" and (title is None or title.kind != "group"):
            return  # "prosecutors in Sweden", but not "the president in Paris"
        if not gap_ok(self.text, chs[j - 1], chs[j]):
            return
        preposition = chs[j].key
        j += 1
        if j < len(chs) and chs[j].key == "the" and gap_ok(self.text, chs[j - 1], chs[j]):
            j += 1
        atom = self.by_first.get(j)
        if atom is None or id(atom) in taken or not gap_ok(self.text, chs[j - 1], chs[j]):
            return
        group_title = atom.kind == "title" and atom.entry.title is not None and (
            atom.entry.title.kind == "group")  # fmt: skip
        if atom.kind not in ("country", "metonym", "organisation", "dictionary") \
                and not group_title:  # fmt: skip
            return
        if atom.kind in ("country", "metonym") and atom.last < len(chs) \
                and _possessive(self.text, chs, atom.last):  # fmt: skip
            return  # "editor-in-chief of China's Global Times": the owner is the paper
        phrase.end = atom.end
        phrase.consumed.append(atom)
        nationality = any(a.kind in ("country", "adjective", "metonym") for a in phrase.owners)
        if preposition == "of" or (preposition == "in" and not nationality):
            # "Albanian rebels in Macedonia", "U.S. companies in Russia": a nationality
            # named on the noun says who they are; "in" only says where they are.
            phrase.of_owner = atom

    def _of_country_after_name(self, phrase: Phrase, taken: set[int]) -> None:
        """ "King Abdullah of Jordan", "Crown Prince X of Saudi Arabia": the country after
        a titled name is the title's."""
        if phrase.name_atom is None and phrase.name_span is None:
            return
        end = phrase.name_atom.end if phrase.name_atom else phrase.end
        k = bisect.bisect_left(self.chunk_starts, end)
        if k == 0 or k + 1 >= len(self.chs) or self.chs[k].key != "of":
            return
        if not gap_ok(self.text, self.chs[k - 1], self.chs[k]):
            return
        j = k + 1
        if self.chs[j].key == "the" and j + 1 < len(self.chs):
            j += 1
        atom = self.by_first.get(j)
        if atom is None or id(atom) in taken or atom.kind not in ("country", "metonym"):
            return
        if not gap_ok(self.text, self.chs[j - 1], self.chs[j]):
            return
        phrase.of_owner = atom
        phrase.consumed.append(atom)
        phrase.end = atom.end

    def _name_word(self, m: int, first: bool) -> bool:
        """Chunk ``m`` can continue a name NER missed: capitalised, no atom, one space."""
        ch = self.chs[m]
        gap = "" if first else self.text[self.chs[m - 1].end : ch.start]
        if gap == "-" and ch.key.isalpha():
            return True  # hyphenated given names keep a lower-case half: Min-jun, Hau-yip
        if not ch.capitalised or ch.key in DETERMINERS or m in self.by_first:
            return False
        return first or gap in (" ", "-")

    def _name_right(self, phrase: Phrase, head: Atom, taken: set[int],
                    title: Title | None = None) -> None:  # fmt: skip
        chs = self.chs
        j = head.last
        if j >= len(chs):
            return
        gap = self.text[chs[j - 1].end : chs[j].start]
        if gap.strip(" .") or "\n" in gap or ("." in gap and chs[j - 1].key not in ABBREVIATIONS):
            return
        title = title or head.entry.title
        named_group = title is not None and title.kind == "group" and "named" in title.flags
        if title is None or (title.kind != "person" and not named_group):
            return  # "company Stena Bulk": only a person title takes a name
        atom = self.by_first.get(j)
        if atom is not None and id(atom) not in taken:
            if atom.kind == "person" or (atom.kind == "dictionary" and atom.dict_actor) or (
                    named_group and atom.kind == "organisation"):  # fmt: skip
                phrase.name_atom = atom
                phrase.end = atom.end
            return
        if named_group:
            # "newspaper Rodong Sinmun", "news agency Yonhap": capitalised words name it.
            m = j
            while m < len(chs) and self._name_word(m, first=m == j):
                m += 1
            if m > j:
                phrase.name_span = (chs[j].start, chs[m - 1].end)
                phrase.end = chs[m - 1].end
            return
        ner_end = self.person_starts.get(chs[j].start)
        if ner_end is not None:
            # NER stops early after a hyphenated given name ("Wei-ling" of "Wei-ling
            # Tsao"): run on over one surname word. Only then: "Trump Tuesday" must not.
            m = next((k for k in range(j, len(chs)) if chs[k].end >= ner_end), len(chs) - 1) + 1
            hyphenated = "-" in self.text[chs[j].start : ner_end]
            if hyphenated and m < len(chs) and self._name_word(m, first=False):
                ner_end = chs[m].end
            phrase.name_span = (chs[j].start, ner_end)
            phrase.end = ner_end
            return
        # NER missed it: two or more capitalised words that are no atom.
        m = j
        while m < len(chs) and self._name_word(m, first=m == j):
            m += 1
        if m - j >= 2:
            phrase.name_span = (chs[j].start, chs[m - 1].end)
            phrase.end = chs[m - 1].end
