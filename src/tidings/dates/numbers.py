"""Amounts written in digits or words: "29", "2.5", "two and a half", "twenty-five", "a".

The date grammar matches an amount with :data:`AMOUNT` (a regex fragment without capture
groups) and reads its value with :func:`parse_amount`. Only the small numbers that count
days, weeks, months and years in news text are covered (up to the hundreds).
"""

from __future__ import annotations

import re

UNITS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
# "a"/"an" counts one ("a year ago"); "a dozen" twelve; "a couple of" two.
SPECIAL: dict[str, float] = {"a": 1, "an": 1, "a dozen": 12, "dozen": 12, "a couple of": 2}

_UNIT = "|".join(sorted(UNITS, key=len, reverse=True))
_TEN = "|".join(TENS)
# A cardinal in words: "seven", "twenty", "twenty-five", "one hundred".
_WORD_NUMBER = rf"(?:(?:{_TEN})(?:[-\s](?:{_UNIT}))?|(?:{_UNIT}))(?:\s+hundred)?"
_DIGITS = r"\d{1,3}(?:\.\d+)?"
_WHOLE = rf"(?:{_DIGITS}|{_WORD_NUMBER}|a\s+dozen|a\s+couple\s+of|an?)"
# Fractions: "two and a half", "a year and a half" is handled by the grammar, "half a".
AMOUNT = rf"(?:half\s+an?|{_WHOLE}(?:\s+and\s+a\s+half)?)"

_HALF_RE = re.compile(r"\s+and\s+a\s+half$")


def _whole(text: str) -> float | None:
    text = " ".join(text.lower().split())
    if text in SPECIAL:
        return SPECIAL[text]
    try:
        return float(text)
    except ValueError:
        pass
    hundred = 1
    if text.endswith(" hundred"):
        text, hundred = text[: -len(" hundred")], 100
    parts = re.split(r"[-\s]", text)
    total = 0
    for part in parts:
        if part in TENS:
            total += TENS[part]
        elif part in UNITS:
            total += UNITS[part]
        else:
            return None
    return float(total * hundred)


def parse_amount(text: str) -> float | None:
    """The value of an amount matched by :data:`AMOUNT`; ``None`` when it is not one."""
    text = " ".join(text.lower().split())
    if text.startswith("half a"):
        return 0.5
    half = 0.0
    if _HALF_RE.search(text):
        text, half = _HALF_RE.sub("", text), 0.5
    whole = _whole(text)
    return None if whole is None else whole + half
