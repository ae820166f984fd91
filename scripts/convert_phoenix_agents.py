"""Convert PETRARCH2's Phoenix.agents.txt into tidings' agent-noun table.

Usage: python scripts/convert_phoenix_agents.py ../shared/events/petrarch2/Phoenix.agents.txt \
           src/tidings/actors/data/agents.tsv

The source (Open Event Data Alliance, MIT licence; openeventdata/petrarch2 commit 676801c,
petrarch2/data/dictionaries/Phoenix.agents.txt) maps ~2,250 generic agent nouns to CAMEO
sector codes in TABARI syntax: ``WORD_WORD [~SEC]``, ``{PLURAL}`` for an irregular plural
(``{}``: none), ``!SET!`` substitution sets, ``#`` comments. The conversion keeps every
entry and its code unchanged and only spells the syntax out: one phrase per line, lower
case, words separated by spaces, each substitution expanded, irregular plurals as lines of
their own. Regular plurals are left to the reader (tidings.actors.agents), as PETRARCH does.
The MIT licence text is copied into the header.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

_ENTRY = re.compile(r"^(?P<phrase>[^\[{#]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]]+)\]")
_SET = re.compile(r"^!(?P<name>\w+)!\s*=\s*(?P<words>.+)$")


def _words(phrase: str) -> str:
    """TABARI spelling to plain words: underscores are spaces, a trailing one is dropped."""
    return " ".join(phrase.replace("_", " ").lower().split())


def convert(source: str) -> tuple[list[str], list[tuple[str, str]]]:
    """(licence lines, (phrase, code) rows in file order, duplicates dropped)."""
    licence: list[str] = []
    in_licence = False
    sets: dict[str, list[str]] = {}
    rows: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for line in source.splitlines():
        if line.startswith("# The MIT License"):
            in_licence = True
        if in_licence:
            if not line.startswith("#"):
                in_licence = False
            else:
                licence.append(line[1:].strip())
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        m = _SET.match(stripped)
        if m:
            sets[m.group("name")] = [w.strip() for w in m.group("words").split(",")]
            continue
        m = _ENTRY.match(stripped)
        if m is None:
            continue
        code = m.group("code").strip().lstrip("~").rstrip("~")
        phrases = [m.group("phrase")]
        for name, words in sets.items():  # expand !SET! substitutions
            phrases = [p.replace(f"!{name}!", w) if f"!{name}!" in p else p
                       for p in phrases for w in (words if f"!{name}!" in p else [""])]  # fmt: skip
        plural = (m.group("plural") or "").strip()
        if plural:
            phrases.append(plural)
        for phrase in phrases:
            row = (_words(phrase), code)
            if row[0] and row not in seen:
                seen.add(row)
                rows.append(row)
    while licence and not licence[-1]:
        licence.pop()
    return licence, rows


def main(argv: list[str]) -> int:
    source, out = Path(argv[1]), Path(argv[2])
    licence, rows = convert(source.read_text(encoding="utf-8", errors="replace"))
    header = [
        "# Generic agent nouns and their CAMEO sector codes: the Phoenix agents dictionary of",
        "# PETRARCH2, converted by scripts/convert_phoenix_agents.py (syntax spelled out, every",
        "# entry and code kept: lower case, spaces for underscores, !SET! substitutions expanded,",
        "# irregular plurals as rows of their own; regular plurals are added when read).",
        "# source: openeventdata/petrarch2, commit 676801c,",
        "#   petrarch2/data/dictionaries/Phoenix.agents.txt (Computational Event Data System",
        "#   Project, http://eventdata.parusanalytics.com; Open Event Data Alliance)",
        "# licence: MIT, as follows:",
        *[f"#   {line}".rstrip() for line in licence],
        "# columns: phrase<TAB>code (CAMEO sector code as in the source: GOV, GOVMED, REB ...)",
    ]
    out.write_text("\n".join(header + [f"{p}\t{c}" for p, c in rows]) + "\n", encoding="utf-8")
    print(f"{len(rows)} rows → {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
