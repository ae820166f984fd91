"""Finding date expressions: one precompiled regex grammar, one pass over the text.

Each *kind* of expression (a month and day, a weekday, "last week", "two years ago", a
duration …) has its own pattern with named groups. The kinds are joined, in the order of
:data:`KINDS` (more specific first: at any position the first kind that matches wins), into
one alternation behind an optional preposition, and that single regex scans the body once.
Each match is then re-read with its kind's own pattern to get the parts (month, day, year,
relative word, amount, unit …).

This module knows text only. Whether a match really is a date ("May" the modal verb,
"Section 2022", "2000 votes") is decided with the parse in :mod:`tidings.dates.filters`;
what it means in :mod:`tidings.dates.resolve`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tidings.dates.numbers import AMOUNT

WEEKDAYS: tuple[str, ...] = (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
)  # fmt: skip
MONTHS: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
# Abbreviations as news styles write them (AP: "Oct.", "Sept."); only read before a day or
# a year, never alone.
_ABBR = r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"

WD = "(?:" + "|".join(WEEKDAYS) + r")\b"
MONTH_FULL = "(?:" + "|".join(MONTHS) + r")\b"
MONTH = rf"(?:{MONTH_FULL}|(?:{_ABBR})(?:\.|\b))"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d%])\b"
# 1800-2099, not part of a longer number, an amount of money or a percentage.
YEAR = r"(?<![\d$£€#.,/])(?:1[89]\d\d|20\d\d)(?![\d%]|[.,]\d|-year|\s*(?:%|percent|per\s+cent))"
RANGE_SEP = r"\s*(?P<conn>-|–|—|to|through|until|till|and)\s*"
# A modifier that keeps the precision of what follows: "early October", "mid-2019",
# "the end of August".
PRE = (
    r"(?:(?P<pre>(?i:early|late|the\s+(?:very\s+)?(?:end|beginning|start|middle|turn)\s+of"
    r"|the\s+(?:first|second)\s+half\s+of))\s+|(?P<mid>(?i:mid))-?\s*)?"
)
UNIT = r"(?P<u>minutes?|hours?|days?|weeks?|months?|years?|decades?|century|centuries)"
QUANT = (
    r"(?:(?P<q>(?i:over|more\s+than|about|nearly|almost|some|roughly|around|just\s+over"
    r"|less\s+than|at\s+least|up\s+to|exactly|another|the\s+past|the\s+last|the\s+next"
    r"|the\s+first|a))\s+)?"
)
# Prepositions kept in the mention: they carry the relation (since, until, for …).
PREPS = (
    r"on|in|since|by|until|till|through|from|for|over|during|before|after|between|within"
    r"|starting(?:\s+(?:from|in|on))?|as\s+of|as\s+early\s+as|up\s+until|ever\s+since"
)

KINDS: dict[str, str] = {
    "iso": r"\b(?P<y>\d{4})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b",
    # Oct. 22 | October 22, 2024 | Friday, Sept. 27, 2019 | Oct. 22 to 24 | June 6-10
    "md": (
        rf"(?:(?P<wd>{WD}),?\s+)?{PRE}(?P<m>{MONTH})\s+(?P<d>{DAY})"
        rf"(?:{RANGE_SEP}(?:(?P<m2>{MONTH})\s+)?(?P<d2>{DAY}))?(?:,?\s+(?P<y>{YEAR}))?"
    ),
    # 22 October 2024 | the 22nd of October | 22-24 October
    "dm": (
        rf"(?:(?P<wd>{WD}),?\s+)?(?:the\s+)?(?P<d>{DAY})"
        rf"(?:{RANGE_SEP}(?P<d2>{DAY}))?\s+(?:of\s+)?(?P<m>{MONTH})(?:,?\s+(?P<y>{YEAR}))?"
    ),
    # March to May 2022 | between March and May
    "mrange": (rf"(?P<m>{MONTH_FULL}){RANGE_SEP}(?P<m2>{MONTH_FULL})(?:,?\s+(?P<y>{YEAR}))?"),
    # February 2022 | mid-October 2024
    "my": rf"{PRE}(?P<m>{MONTH}),?\s+(?:of\s+)?(?P<y>{YEAR})",
    # this winter | last summer | the summer of 2020 | Spring 2021
    "season": (
        r"(?:(?P<rel>(?i:this\s+past|this\s+coming|this|last|next|the\s+coming|early|late"
        r"|the))\s+)?(?P<s>(?i:spring|summer|autumn|fall|winter))\b"
        rf"(?:\s+(?:of\s+)?(?P<y>{YEAR}))?"
    ),
    # the 1990s | the early 2000s | the '80s
    "decade": (
        r"(?:(?i:the)\s+)?(?:(?P<mod>(?i:early|late|mid))[-\s]?)?"
        r"(?:(?P<dec>(?:1[89]|20)\d0)|['’](?P<dec2>\d0))s\b"
    ),
    # 1980-88 | 2010 to 2012 | between 2010 and 2012
    "yrange": rf"(?P<y>{YEAR}){RANGE_SEP}(?P<y2>{YEAR}|\d\d(?![\d%]))\b",
    "relday": (
        r"(?P<w>(?i:today|yesterday|tomorrow|tonight|currently|this\s+morning"
        r"|this\s+afternoon|this\s+evening|last\s+night|the\s+day\s+before\s+yesterday"
        r"|the\s+day\s+after\s+tomorrow))\b"
    ),
    # last week | this month | earlier in the week | the following day | the weekend
    "relunit": (
        r"(?P<rel>(?i:this\s+past|this\s+coming|this|last|next|the\s+previous|the\s+following"
        r"|the\s+next|the\s+coming|the\s+same|earlier\s+this|later\s+this|earlier\s+in\s+the"
        r"|later\s+in\s+the|earlier\s+that|later\s+that|that|the\s+end\s+of\s+this"
        r"|the\s+end\s+of\s+last|the\s+end\s+of\s+next|the\s+end\s+of\s+the|the))\s+"
        r"(?P<u>(?i:weekend|week|month|year|day))\b"
    ),
    # two weeks ago | a year and a half ago | three days later
    "ago": (
        rf"{QUANT}(?<![\d,.])(?P<n>(?i:{AMOUNT}))[-\s]+{UNIT}(?P<half>\s+and\s+a\s+half)?"
        r"\s+(?P<dir>(?i:ago|earlier|later|from\s+now|before(?=\s*[,.;:)]|$)"
        r"|after(?=\s*[,.;:)]|$)))"
    ),
    # last Tuesday | next Friday | later Friday | Friday morning | Sunday's
    "wd": (
        r"(?:(?P<rel>(?i:this\s+past|this\s+coming|last|next|this|the\s+following|the\s+previous"
        r"|early|late|later|earlier))\s+)?"
        rf"(?P<wd>{WD})(?:['’]s)?(?:\s+(?P<part>morning|afternoon|evening|night)\b)?"
    ),
    # in September | last November | early October | by the end of August
    "month": (
        r"(?:(?P<rel>(?i:this\s+past|this\s+coming|last|this|next))\s+)?"
        rf"{PRE}(?P<m>{MONTH_FULL})(?:['’]s)?"
    ),
    "year": rf"{PRE}(?P<y>{YEAR})\b(?:['’]s)?",
    # two and a half years | for 35 years | a three hour period | 29 months
    "duration": (
        rf"{QUANT}(?<![\d,.])(?P<n>(?i:{AMOUNT}))[-\s]+{UNIT}(?P<half>\s+and\s+a\s+half)?\b"
        r"(?!-old|\s+old\b)"
    ),
}

_NAMED = re.compile(r"\(\?P<\w+>")
KIND_RES: dict[str, re.Pattern[str]] = {k: re.compile(p) for k, p in KINDS.items()}
# The scanning regex: named groups inside kinds become plain groups so the names only
# mark which kind matched (``m.lastgroup`` is ambiguous with nesting, so we test groups).
_ALTERNATION = "|".join(f"(?P<k_{k}>{_NAMED.sub('(?:', p)})" for k, p in KINDS.items())
SCANNER = re.compile(rf"(?<![\w'’])(?:(?P<prep>(?i:{PREPS}))\s+)?(?:{_ALTERNATION})")


@dataclass(slots=True)
class Expression:
    """One match of the grammar: where it is, its kind and its parts."""

    kind: str
    start: int  # includes the preposition, if any
    end: int
    text: str
    prep: str | None  # lower-cased preposition ("on", "since" …)
    core_start: int  # where the expression proper starts (after the preposition)
    parts: dict[str, str] = field(default_factory=dict)  # the kind's named groups that matched


def _kind_of(m: re.Match[str]) -> str:
    for kind in KINDS:
        if m.group(f"k_{kind}") is not None:
            return kind
    raise AssertionError("scanner matched no kind")  # pragma: no cover


# Every expression contains one of these words or a digit. Scanning for them first and
# running the full grammar only in a window around each is several times faster than
# trying the grammar at every word, with the same result (tests compare the two).
TRIGGER = re.compile(
    r"\d+|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Monday|Tuesday|Wednesday"
    r"|Thursday|Friday|Saturday|Sunday|(?i:today|yesterday|tomorrow|tonight|currently|night"
    r"|morning|afternoon|evening|minute|hour|day|week|month|year|decade|centur|spring"
    r"|summer|autumn|fall|winter))"
)
LOOKBACK = 48  # longest text before the trigger word: "starting from the beginning of "
LOOKAHEAD = 64  # longest text after it, before the window is cut at the next space


def _search(text: str, pos: int) -> re.Match[str] | None:
    """The scanner's first match at or after ``pos``, trying it only around triggers."""
    tpos = pos
    tried = pos  # no match starts before this (earlier windows found none there)
    while (trigger := TRIGGER.search(text, tpos)) is not None:
        cut = text.find(" ", trigger.end() + LOOKAHEAD)
        start = max(tried, trigger.start() - LOOKBACK)
        m = SCANNER.search(text, start, len(text) if cut < 0 else cut)
        if m is not None and m.start() <= trigger.start():
            return m
        # A match starting later belongs to a later trigger's window.
        tpos, tried = trigger.end(), trigger.start() + 1
    return None


def find_expressions(text: str, exhaustive: bool = False) -> list[Expression]:
    """Every candidate date expression in ``text``, in order, without overlaps.

    ``exhaustive`` tries the grammar at every position instead of around trigger words
    (slower; the reference the tests compare the fast scan with).
    """
    search = SCANNER.search if exhaustive else _search
    found: list[Expression] = []
    pos = 0
    while (m := search(text, pos)) is not None:
        pos = m.end()
        kind = _kind_of(m)
        core_start, end = m.span(f"k_{kind}")
        parts_m = KIND_RES[kind].fullmatch(text, core_start, end)
        if parts_m is None:  # pragma: no cover - the stripped and named patterns agree
            continue
        parts = {k: v for k, v in parts_m.groupdict().items() if v is not None}
        prep = m.group("prep")
        start = m.start() if prep else core_start
        # "and" joins two dates unless the expression is "between X and Y": keep the first
        # and scan again after it, so "in 2010 and 2012" gives two years.
        if parts.get("conn") == "and" and (prep or "").lower() != "between":
            end = parts_m.start("conn")
            while end > core_start and text[end - 1].isspace():
                end -= 1
            parts = {k: v for k, v in parts.items() if parts_m.start(k) < end}
            pos = end
            # What is left of a range is a single value of the range's unit.
            kind = {"yrange": "year", "mrange": "my" if "y" in parts else "month"}.get(kind, kind)
        # A possessive belongs to the noun phrase, not to the date ("Sunday's call").
        if text[end - 2 : end] in ("'s", "’s"):
            end -= 2
        found.append(
            Expression(
                kind=kind, start=start, end=end, text=text[start:end],
                prep=" ".join(prep.lower().split()) if prep else None,
                core_start=core_start, parts=parts,
            )
        )  # fmt: skip
    return found


__all__ = ["Expression", "find_expressions", "KINDS", "MONTHS", "WEEKDAYS", "SCANNER"]
