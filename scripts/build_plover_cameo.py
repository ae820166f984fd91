"""Build src/tidings/events/data/plover_cameo.tsv from the CAMEO→PLOVER table.

Usage: python scripts/build_plover_cameo.py [../shared/events/CAMEO2PLOVER-2021.txt]

The table maps CAMEO codes to PLOVER (event, mode, context). The events stage needs the
reverse: for a coded PLOVER event and mode, the CAMEO code that corresponds. For each
(event, mode) we keep the shortest, first-listed code (a root code like 040 before 0411), and
for (event, "") the first code the table lists with an empty mode, else the type's first code.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared" / "events" / "CAMEO2PLOVER-2021.txt"
TARGET = ROOT / "src" / "tidings" / "events" / "data" / "plover_cameo.tsv"
LINE = re.compile(r"^(\d{3,4}):\s*([A-Z]+)\s*,\s*([^,]*?)\s*,")

HEADER = """\
# PLOVER event type + mode -> corresponding CAMEO code.
# Derived by scripts/build_plover_cameo.py from CAMEO2PLOVER-2021.txt (CAMEO to PLOVER
# conversion table, PLOVER manual draft 0.8, 17 September 2021, edited by Philip Schrodt),
# openeventdata/PLOVER. Licence: CC BY-SA 4.0, Open Event Data Alliance; this derived table
# is shared under the same licence. Generated {date}.
# event\tmode\tcameo
"""


def build(source: Path) -> list[tuple[str, str, str]]:
    best: dict[tuple[str, str], str] = {}
    first_of_type: dict[str, str] = {}
    for raw in source.read_text(encoding="utf-8").splitlines():
        m = LINE.match(raw.strip())
        if not m:
            continue
        code, event, mode = m.group(1), m.group(2), m.group(3).strip()
        first_of_type.setdefault(event, code)
        key = (event, mode)
        if key not in best or len(code) < len(best[key]):
            best[key] = code
    for event, code in first_of_type.items():
        best.setdefault((event, ""), code)
    return sorted((e, m, c) for (e, m), c in best.items())


def main() -> None:
    import datetime as dt

    source = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SOURCE
    rows = build(source)
    body = "".join(f"{e}\t{m}\t{c}\n" for e, m, c in rows)
    TARGET.write_text(HEADER.format(date=dt.date.today().isoformat()) + body, encoding="utf-8")
    print(f"wrote {len(rows)} rows to {TARGET}")


if __name__ == "__main__":
    main()
