"""Check the actor gazetteer files for mistakes a hand-written table invites.

Run: .venv/bin/python scripts/check_actor_data.py
Reports offices whose dates run backwards, codes whose country prefix is unknown, people
with no office, and aliases claimed by two different people (which makes a bare surname
ambiguous). Exits 1 when it finds an error, 0 otherwise (warnings do not fail).
"""

from __future__ import annotations

import sys
from collections import defaultdict

from tidings.actors.fold import phrase_keys
from tidings.actors.gazetteer import load_gazetteer

SECTORS = {"GOV", "MIL", "LEG", "JUD", "POL", "BUS", "MED", "CVL", "OPP", "REB", "SPY", "COP",
           "EDU", "ELI", "NGO", "IGO", ""}  # fmt: skip
NON_STATE = {"IGO", "EUR", "NGO", "IMG"}


def main() -> int:
    gaz = load_gazetteer()
    errors: list[str] = []
    warnings: list[str] = []
    owners: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for person in gaz.people:
        if not person.offices:
            errors.append(f"{person.name}: no office")
        for office in person.offices:
            if office.start and office.end and office.end < office.start:
                errors.append(f"{person.name}: {office.role} ends before it starts")
            code = office.code
            if code in NON_STATE:
                continue
            if code[:3] not in gaz.countries:
                errors.append(f"{person.name}: unknown country in {code}")
            elif code[3:] not in SECTORS:
                warnings.append(f"{person.name}: unusual sector in {code}")
        for surname in person.surnames:
            owners[phrase_keys(surname)].add(person.name)
    for org in gaz.organisations:
        for office in org.offices:
            if office.code not in NON_STATE and office.code[:3] not in gaz.countries:
                errors.append(f"{org.name}: unknown country in {office.code}")
    for keys, names in sorted(owners.items()):
        if len(names) > 1:
            warnings.append(f"surname {' '.join(keys)!r} shared by {sorted(names)}")
    for line in warnings:
        print("warning:", line)
    for line in errors:
        print("error:", line)
    print(f"{len(gaz.people)} people, {len(gaz.countries)} countries and regions, "
          f"{len(gaz.organisations)} organisations, {len(gaz.titles)} titles; "
          f"{len(errors)} errors, {len(warnings)} warnings")  # fmt: skip
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
