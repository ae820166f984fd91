"""Convert the PETRARCH2 CAMEO verb dictionary into the table tidings reads.

Input: ``../shared/events/petrarch2/CAMEO.2.0.txt`` (Open Event Data Alliance, MIT) and the
CAMEO→PLOVER table ``../shared/events/CAMEO2PLOVER-2021.txt`` (read through tidings'
``events/data/plover_cameo.tsv``). Output: ``src/tidings/events/data/cameo_verbs.tsv``, one
row per pattern (its words, CAMEO code and PLOVER type, and the verb forms it serves), with
the MIT notice kept.

A pattern's words are its content words in lower case ("- * (OF {RIGHTS ABUSES}) [1122]" →
"of rights abuses"); the verb's own code (its block header) has no pattern words.

    python scripts/convert_cameo_verbs.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
PATTERN = re.compile(r"^-\s+(.*?)\s*\[([^\]]*)\]")
NOTICE = """# CAMEO verb patterns for the event typer, converted by scripts/convert_cameo_verbs.py
# from the PETRARCH2 dictionary CAMEO.2.0.txt. Source: Open Event Data Alliance, PETRARCH2
# (MIT licence). Copyright (c) 2014 Open Event Data Alliance. Permission is hereby granted,
# free of charge, to any person obtaining a copy of this software and associated
# documentation files (the "Software"), to deal in the Software without restriction,
# including without limitation the rights to use, copy, modify, merge, publish, distribute,
# sublicense, and/or sell copies of the Software, and to permit persons to whom the Software
# is furnished to do so, subject to the following conditions: The above copyright notice and
# this permission notice shall be included in all copies or substantial portions of the
# Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND.
# Columns: words (pattern content words, "-" for the verb alone)  cameo  plover (TYPE/mode
#          through CAMEO2PLOVER-2021, Open Event Data Alliance, CC BY-SA 4.0)  verb forms
#          ("|"-separated lemmas, "lemma+particle" for a phrasal verb)
"""


def code_of(raw: str) -> str | None:
    code = raw.split(":")[0].strip()
    return code if code and code != "---" and code.isdigit() else None


def verb_forms(line: str) -> tuple[str, str] | None:
    word = line.split("#")[0].split("{")[0].split("[")[0].strip()
    if not word or " " in word or word.startswith("&"):
        return None
    word = word.lstrip("+").lower()
    parts = word.split("_")
    if not all(p.isalpha() for p in parts):
        return None
    return parts[0], (parts[1] if len(parts) > 1 else "-")


def pattern_words(text: str) -> str:
    words = re.sub(r"[*+$%(){}_&^]", " ", text.split("#")[0]).lower().split()
    return " ".join(w for w in words if w.isalpha()) or "-"


def plover_table(source: Path) -> dict[str, str]:
    """CAMEO code → "TYPE/mode" from the CAMEO2PLOVER table ("0311: AGREE,  , economic")."""
    table: dict[str, str] = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        if m := re.match(r"^(\d{2,4}):\s*([A-Z]+)\s*,\s*([a-z_-]*)", line):
            table[m.group(1)] = m.group(2) + (f"/{m.group(3)}" if m.group(3) else "")
    return table


def convert(source: Path) -> list[str]:
    rows: set[str] = set()
    synset: list[tuple[str, str]] = []
    head_code: str | None = None
    in_forms = False
    for line in source.read_text(encoding="latin-1").splitlines():
        if m := HEADER.match(line):
            synset, head_code, in_forms = [], code_of(m.group(2)), True
            continue
        if m := PATTERN.match(line):
            in_forms = False
            code = code_of(m.group(2))
            if code:
                words = pattern_words(m.group(1))
                rows.update(f"{lemma}\t{prt}\t{words}\t{code}" for lemma, prt in synset)
            continue
        if in_forms and line.strip() and not line.startswith("#"):
            if (form := verb_forms(line)) is not None:
                synset.append(form)
                own = re.search(r"\[(\d+)[^\]]*\]", line)
                if (code := own.group(1) if own else head_code) is not None:
                    rows.add(f"{form[0]}\t{form[1]}\t-\t{code}")
    return sorted(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--out", type=Path,
                        default=Path("src/tidings/events/data/cameo_verbs.tsv"))  # fmt: skip
    args = parser.parse_args()
    plover = plover_table(args.shared / "events/CAMEO2PLOVER-2021.txt")
    # one row per pattern, listing every verb form it is written for (a CAMEO block's
    # patterns serve all its synonyms: one row each would repeat them)
    forms: dict[tuple[str, str, str], list[str]] = {}
    for row in convert(args.shared / "events/petrarch2/CAMEO.2.0.txt"):
        lemma, particle, words, code = row.split("\t")
        # a code the table lacks takes its parent's type (1122 → 112 → 11)
        target = next((plover[c] for c in (code, code[:3], code[:2]) if c in plover), None)
        if target is not None:
            form = lemma if particle == "-" else f"{lemma}+{particle}"
            forms.setdefault((words, code, target), []).append(form)
    rows = [f"{w}\t{c}\t{t}\t{'|'.join(f)}" for (w, c, t), f in sorted(forms.items())]
    args.out.write_text(NOTICE + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} patterns -> {args.out}")


if __name__ == "__main__":
    main()
