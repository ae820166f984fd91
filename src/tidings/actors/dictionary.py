"""Reading TABARI/PETRARCH actor dictionaries (``--actors FILE``).

The format, as the PETRARCH reader (PETRreader.read_actor_dictionary) and the TABARI
manual describe it:

- a primary phrase, words joined by underscores, optionally followed by a default code:
  ``AFGHANISTAN_ [AFG]``; older TABARI files put date-restricted codes on the same line:
  ``VLADIMIR_PUTIN_ [RUSGOV 20000507-20080507] [RUSGOV >20120507]``;
- synonym lines start with ``+`` and share the codes of the primary phrase above them;
- date restrictions on their own (indented) lines: ``[CODE >YYYYMMDD]`` (on or after),
  ``[CODE <YYYYMMDD]`` (on or before), ``[CODE YYYYMMDD-YYYYMMDD]`` (inclusive interval),
  or ``[CODE]`` (a default); dates may be YYMMDD (years up to 30 are 20xx);
- comments: lines starting with ``#`` or ``<!``, ``<!-- … -->`` blocks (also over several
  lines), text after `` #`` or ``;`` on a line; blank lines; ``---STOP---`` ends the file.

Simplifications: PETRARCH's distinction between ``_`` (consecutive words) and a blank
(words may intervene) is not kept: both mean consecutive words. An actor's kind is read
from its code: a bare country code is a country, IGO/NGO/IMG/MNC codes organisations,
anything else a person.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from tidings.actors.fold import phrase_keys
from tidings.errors import ConfigError

_BRACKET = re.compile(r"\[([^\]]*)\]")
_ORG_PREFIXES = ("IGO", "NGO", "IMG", "MNC", "EUR")


@dataclass(slots=True, frozen=True)
class DatedCode:
    code: str
    start: dt.date | None = None
    end: dt.date | None = None

    def holds(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(slots=True)
class DictionaryActor:
    """One record: the primary phrase, its synonyms, a default code and dated codes."""

    name: str  # the primary phrase in title case, underscores as spaces
    phrases: list[str] = field(default_factory=list)
    default: str | None = None
    dated: list[DatedCode] = field(default_factory=list)

    def code_on(self, day: dt.date) -> str | None:
        """The code that applies on ``day``: the first matching restriction, else default."""
        for dated in self.dated:
            if dated.holds(day):
                return dated.code
        return self.default


@dataclass(slots=True)
class ActorDictionary:
    """A user dictionary: records and a phrase index (folded chunk keys → record)."""

    source: str
    actors: list[DictionaryActor] = field(default_factory=list)
    index: dict[tuple[str, ...], DictionaryActor] = field(default_factory=dict)

    def build_index(self) -> None:
        """Folded phrase keys → record; the first record to claim a phrase keeps it."""
        self.index = {}
        for actor in self.actors:
            for phrase in actor.phrases:
                keys = phrase_keys(phrase)
                if keys:
                    self.index.setdefault(keys, actor)

    def __len__(self) -> int:
        return len(self.actors)


def _parse_date(text: str, source: str, lineno: int) -> dt.date:
    digits = text.strip()
    try:
        if len(digits) == 8:
            return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
        if len(digits) == 6:
            year = int(digits[:2])
            year += 2000 if year <= 30 else 1900
            return dt.date(year, int(digits[2:4]), int(digits[4:6]))
    except ValueError:
        pass
    raise ConfigError(f"line {lineno}: bad date {text!r} in a date restriction", source=source)


def _parse_code(inner: str, source: str, lineno: int) -> DatedCode:
    """``RUSGOV >20120507`` → DatedCode; ``AFG`` → DatedCode without bounds."""
    parts = inner.split(None, 1)
    if not parts:
        raise ConfigError(f"line {lineno}: empty code in brackets", source=source)
    code = parts[0].strip()
    rest = parts[1].strip() if len(parts) > 1 else ""
    if not rest:
        return DatedCode(code)
    if rest[0] == ">":
        return DatedCode(code, start=_parse_date(rest[1:], source, lineno))
    if rest[0] == "<":
        return DatedCode(code, end=_parse_date(rest[1:], source, lineno))
    if "-" in rest:
        first, last = rest.split("-", 1)
        start, end = _parse_date(first, source, lineno), _parse_date(last, source, lineno)
        if end < start:
            raise ConfigError(f"line {lineno}: interval ends before it starts", source=source)
        return DatedCode(code, start=start, end=end)
    raise ConfigError(f"line {lineno}: cannot read date restriction {rest!r}", source=source)


def _strip_comments(lines: list[str]) -> list[tuple[int, str]]:
    """(line number, content) of the lines that carry entries."""
    kept: list[tuple[int, str]] = []
    in_block = False
    for lineno, raw in enumerate(lines, start=1):
        line = raw.rstrip("\n")
        if in_block:
            if "-->" in line:
                in_block = False
                line = line.split("-->", 1)[1]
            else:
                continue
        if "<!--" in line:
            head, _, tail = line.partition("<!--")
            if "-->" in tail:
                line = head + tail.split("-->", 1)[1]
            else:
                line, in_block = head, True
        if "---STOP---" in line:
            break
        stripped = line.strip()
        if not stripped or stripped.startswith("#") or stripped.startswith("<!"):
            continue
        # Trailing comments: ' #' (PETRARCH) and ';' (KEDS/TABARI).
        line = re.split(r"\s#|;", line, maxsplit=1)[0]
        if line.strip():
            kept.append((lineno, line))
    return kept


def _phrase(text: str) -> str:
    return " ".join(text.replace("_", " ").split())


def parse_dictionary(text: str, source: str = "<string>") -> ActorDictionary:
    """Parse dictionary text; raises ConfigError naming the line for malformed entries."""
    result = ActorDictionary(source)
    current: DictionaryActor | None = None
    for lineno, line in _strip_comments(text.splitlines()):
        stripped = line.strip()
        if stripped.startswith("["):  # a date restriction for the current record
            if current is None:
                raise ConfigError(f"line {lineno}: code before any actor", source=source)
            for inner in _BRACKET.findall(stripped):
                current.dated.append(_parse_code(inner, source, lineno))
            continue
        synonym = stripped.startswith("+")
        body = stripped[1:] if synonym else stripped
        phrase = _phrase(_BRACKET.sub(" ", body))
        codes = [_parse_code(inner, source, lineno) for inner in _BRACKET.findall(body)]
        if not phrase:
            raise ConfigError(f"line {lineno}: entry without a phrase", source=source)
        if synonym and current is not None:
            current.phrases.append(phrase)
            current.dated.extend(c for c in codes if c.start or c.end)
            continue
        current = DictionaryActor(name=phrase.title(), phrases=[phrase])
        for code in codes:
            if code.start is None and code.end is None:
                current.default = code.code
            else:
                current.dated.append(code)
        result.actors.append(current)
    result.build_index()
    return result


def load_dictionary(path: str | Path) -> ActorDictionary:
    """Read a TABARI/PETRARCH actor dictionary file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise ConfigError(
            f"cannot read actor dictionary: {exc.strerror}", source=str(path)
        ) from exc
    return parse_dictionary(text, source=str(path))


def dictionary_kind(code: str, countries: dict[str, str]) -> str:
    """person / country / organisation, read from a dictionary code."""
    if code in countries:
        return "country"
    if code[:3] in _ORG_PREFIXES:
        return "organisation"
    return "person"
