"""Word chunks of a text with folded keys, so names match with or without diacritics.

Matching works on runs of letters and digits ("chunks"), not on spaCy tokens: "U.S." is
the chunks ``u s`` whether spaCy keeps it whole or not, and "Vučić" folds to ``vucic``.
Each chunk keeps its offsets in the original text, so mentions point at the body exactly.
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


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case ASCII-folded form: 'Vučić' → 'vucic', 'Đurić' → 'djuric'."""
    text = text.replace("Đ", "Dj").replace("đ", "dj").replace("ß", "ss").replace("ı", "i")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def chunks(text: str) -> list[Chunk]:
    """The word chunks of ``text`` with their offsets and folded keys."""
    return [Chunk(fold(m.group()), m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def phrase_keys(phrase: str) -> tuple[str, ...]:
    """The chunk keys of a gazetteer phrase ("the U.S." → ('the', 'u', 's'))."""
    return tuple(fold(m.group()) for m in _WORD.finditer(phrase))


def joined(text: str, left: Chunk, right: Chunk) -> bool:
    """Whether two neighbouring chunks can belong to one name (no comma, no line break)."""
    gap = text[left.end : right.start]
    return gap == "" or _JOIN.fullmatch(gap) is not None
