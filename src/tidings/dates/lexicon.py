"""The dates stage's word lists, read once from ``data/words.tsv`` (``set<TAB>word``)."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def _all_sets() -> dict[str, frozenset[str]]:
    text = resources.files("tidings.dates").joinpath("data/words.tsv").read_text("utf-8")
    sets: dict[str, set[str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, _, word = line.partition("\t")
        sets.setdefault(name.strip(), set()).add(word.strip())
    return {name: frozenset(words) for name, words in sets.items()}


def words(name: str) -> frozenset[str]:
    """The words of set ``name`` (KeyError for a set the file does not define)."""
    return _all_sets()[name]


__all__ = ["words"]
