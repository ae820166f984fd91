"""Query filters as SQL fragments with their parameters.

Actor terms (for ``actor``, ``recipient``, ``speaker``):

* a code: three letters (``RUS``) match every code of that country (RUSGOV, RUSMIL …);
  a longer code (``RUSGOV``) matches exactly;
* anything else is a name, folded as everywhere in tidings (case, accents, punctuation:
  ``Marko Đurić`` finds "Marko Djuric"); every word of the term is a word of the name, so
  a full name or a family name in either order suffices (``Putin`` finds "Vladimir
  Putin", ``Kim`` finds "Kim Jong Un"), as in timelines and findings.

Date ranges keep every event whose dated days *overlap* ``[since, until]``: an event dated
``2024-10`` is inside ``since 2024-10-15``, since it may have happened then. ``since`` and
``until`` may be a day, a month or a year (``2024-10-15``, ``2024-10``, ``2024``); an
undated event is outside every range.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from tidings.actors.fold import is_code, name_key
from tidings.errors import InputError
from tidings.model import DateValue


@dataclass
class Where:
    """A conjunction of SQL conditions and the parameters they bind, in order."""

    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


def name_terms(term: str) -> list[str]:
    """The folded words of a name term; an empty one is an error."""
    words = name_key(term).split()
    if not words:
        raise InputError("empty actor name", source=term)
    return words


def _name_sql(key: str) -> str:
    """SQL: every word of the term (the bound list) is a word of the folded name ``key``."""
    return f"list_has_all(string_split({key}, ' '), ?::VARCHAR[])"


def actor_list_clause(where: Where, term: str, codes: str, keys: str) -> None:
    """Match ``term`` against a list of codes or a list of folded names."""
    if is_code(term):
        if len(term) == 3:
            where.add(f"len(list_filter({codes}, lambda c: starts_with(c, ?))) > 0", term)
        else:
            where.add(f"list_contains({codes}, ?)", term)
        return
    words = name_terms(term)
    where.add(f"len(list_filter({keys}, lambda n: {_name_sql('n')})) > 0", words)


def actor_value_clause(where: Where, term: str, code: str, key: str) -> None:
    """Match ``term`` against one code column or one folded-name column."""
    if is_code(term):
        if len(term) == 3:
            where.add(f"starts_with({code}, ?)", term)
        else:
            where.add(f"{code} = ?", term)
        return
    where.add(f"coalesce({_name_sql(key)}, false)", name_terms(term))


def parse_day_bound(text: str | dt.date, *, end: bool) -> dt.date:
    """The first (or, with ``end``, last) day of ``2024-10-15``, ``2024-10`` or ``2024``."""
    if isinstance(text, dt.date):
        return text
    precision = {1: "year", 2: "month", 3: "day"}.get(len(text.split("-")), "day")
    value = DateValue(value=text.strip(), precision=precision)  # type: ignore[arg-type]
    try:
        day = value.last_day() if end else value.first_day()
    except (ValueError, TypeError, IndexError):
        day = None
    if day is None:
        raise InputError("not a date: use YYYY-MM-DD, YYYY-MM or YYYY", source=str(text))
    return day


def date_range_clause(
    where: Where, since: str | dt.date | None, until: str | dt.date | None,
    first: str = "first_day", last: str = "last_day",
) -> None:  # fmt: skip
    if since is not None:
        where.add(f"{last} >= ?", parse_day_bound(since, end=False))
    if until is not None:
        where.add(f"{first} <= ?", parse_day_bound(until, end=True))
