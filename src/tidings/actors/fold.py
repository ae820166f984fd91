"""Text folding for every name comparison in tidings, and word chunks with folded keys.

One folding (:func:`fold`) serves the gazetteer, the store's actor filters and keys, and
the timeline's dyads, so that a name matches the same way everywhere: "Marko Đurić",
"Marko Djuric" and "MARKO DJURIC" are one name. :func:`name_key` is the form names are
stored and compared in (folded words joined by single spaces: punctuation separates words,
so "Jae-in" is ``jae in`` and "U.S." is ``u s``); :func:`name_matches` is the one rule for
an actor term against a name.

Matching in the gazetteer works on runs of letters and digits ("chunks"), not on spaCy
tokens: "U.S." is the chunks ``u s`` whether spaCy keeps it whole or not. Each chunk keeps
its offsets in the original text, so mentions point at the body exactly.

This module imports nothing of tidings, so the store and the timeline can use it without
loading the NLP stages.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_WORD = re.compile(r"[^\W_]+")
# Characters that may separate two chunks of one name: "U.S.", "Jae-in", "O'Brien", spaces.
_JOIN = re.compile(r"[ \t.\-'\u2019\u2010\u2011]{1,3}")


@dataclass(slots=True, frozen=True)
class Chunk:
    key: str  # folded, lower-case
    start: int
    end: int
    text: str  # as written

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper() or self.text[:1].isdigit()


# Letters that Unicode does not decompose into a base letter plus accents, spelled as the
# usual ASCII transliterations do ("Đurić" → Djuric, "Øresund" → Oresund).
_LETTERS = str.maketrans({"Đ": "Dj", "đ": "dj", "ß": "ss", "ı": "i", "Ø": "O", "ø": "o",
                          "Ł": "L", "ł": "l", "Æ": "Ae", "æ": "ae", "Œ": "Oe", "œ": "oe",
                          "Þ": "Th", "þ": "th", "Ð": "D", "ð": "d"})  # fmt: skip


@lru_cache(maxsize=65536)  # names and words repeat across thousands of records
def fold(text: str) -> str:
    """Case- and accent-free form, punctuation kept: 'Vučić' → 'vucic', 'Đurić' → 'djuric'."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """The folded words of a name, single-spaced: 'Marko Đurić' → 'marko djuric',
    'Moon Jae-in' → 'moon jae in'. Stored names and query terms are compared in this form."""
    return " ".join(_WORD.findall(fold(text)))


def is_code(term: str) -> bool:
    """Whether an actor term is a CAMEO-style code (RUS, RUSGOV) rather than a name: ASCII
    capitals only, so a name written in capitals with diacritics ("ĐURIĆ") stays a name."""
    return term.isascii() and term.isupper() and term.isalpha() and 3 <= len(term) <= 12


def name_words(text: str) -> list[str]:
    return name_key(text).split()


def name_matches(term: str, name: str) -> bool:
    """Whether an actor term finds a name: every word of the term is a word of the name, so
    a family name suffices in either order ("Putin", "Kim" finds "Kim Jong Un"), accents,
    case and punctuation aside ("Marko Đurić" finds "Marko Djuric")."""
    wanted = name_words(term)
    words = set(name_words(name))
    return bool(wanted) and all(w in words for w in wanted)


def chunks(text: str) -> list[Chunk]:
    """The word chunks of ``text`` with their offsets and folded keys."""
    return [Chunk(fold(m.group()), m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


@lru_cache(maxsize=65536)  # the same names and group words are keyed mention after mention
def phrase_keys(phrase: str) -> tuple[str, ...]:
    """The chunk keys of a gazetteer phrase ("the U.S." → ('the', 'u', 's'))."""
    return tuple(fold(m.group()) for m in _WORD.finditer(phrase))


def joined(text: str, left: Chunk, right: Chunk) -> bool:
    """Whether two neighbouring chunks can belong to one name (no comma, no line break)."""
    gap = text[left.end : right.start]
    return gap == "" or _JOIN.fullmatch(gap) is not None
