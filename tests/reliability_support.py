"""Small generated news articles for the kill and concurrency tests (fast to analyse, with
actors, dated events, exact and near reprints so duplicate links, instances and findings
are not empty), and a read of every table a store holds, for comparing two stores."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

PEOPLE = [
    ("Russian Foreign Minister Sergei Lavrov", "Lavrov"),
    ("Chinese Foreign Minister Wang Yi", "Wang"),
    ("French President Emmanuel Macron", "Macron"),
    ("German Chancellor Olaf Scholz", "Scholz"),
    ("Turkish President Recep Tayyip Erdogan", "Erdogan"),
    ("Indian Prime Minister Narendra Modi", "Modi"),
    ("Brazilian President Luiz Inacio Lula da Silva", "Lula"),
    ("Japanese Prime Minister Fumio Kishida", "Kishida"),
]
PLACES = ["Moscow", "Beijing", "Paris", "Berlin", "Ankara", "New Delhi", "Brasilia", "Tokyo"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
ACTS = [
    "met {b} in {place} on {day} to discuss trade and security",
    "accused {b} of undermining the talks in {place} on {day}",
    "spoke by telephone with {b} on {day} about the crisis",
    "criticised {b} on {day} over the new tariffs",
    "praised {b} on {day} for the agreement reached in {place}",
    "urged {b} on {day} to return to negotiations in {place}",
]


def article(rng: random.Random, n: int) -> str:
    (a, a_short), (b, b_short) = rng.sample(PEOPLE, 2)
    place, day = rng.choice(PLACES), rng.choice(DAYS)
    act = rng.choice(ACTS).format(b=b, place=place, day=day)
    lines = [
        f"{a_short} and {b_short} in {place} talks, report {n}",
        "",
        f"{a} {act}, officials said.",
        "",
        f'"We have made progress," {a_short} told reporters in {place} after the meeting.',
        "",
        f"{b_short} said the two sides would meet again next month, according to a "
        f"statement released on {day} (ref {n}).",
    ]
    return "\n".join(lines) + "\n"


def write_corpus(folder: Path, count: int, seed: int = 13) -> int:
    """``count`` text files in ``folder``: mostly distinct articles, some exact copies
    (same bytes: stored once) and some near reprints (a word changed: a duplicate link).
    Returns how many distinct documents (by bytes) there are."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    texts: list[str] = []
    for n in range(count):
        roll = rng.random()
        if texts and roll < 0.08:
            text = rng.choice(texts)  # an exact copy
        elif texts and roll < 0.2:
            text = rng.choice(texts).replace("officials said", "officials told reporters")
        else:
            text = article(rng, n)
        texts.append(text)
        (folder / f"a{n:04d}.txt").write_text(text, encoding="utf-8")
    return len(set(texts))


TABLES_SKIP = {"schema_version", "migrations"}
VOLATILE = {"ingested_at", "created_at", "refreshed_at", "updated_at"}


def store_tables(db: Path) -> dict[str, Any]:
    """Every table's rows (sorted, volatile timestamp columns dropped), read-only: the
    store's own tables, in the schema ``internal``."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        names = [r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'internal'"
            " AND table_type = 'BASE TABLE' ORDER BY table_name").fetchall()]  # fmt: skip
        out: dict[str, Any] = {}
        for name in names:
            if name in TABLES_SKIP:
                continue
            columns_sql = (
                "SELECT column_name FROM information_schema.columns WHERE table_name = ?"
                " AND table_schema = 'internal' ORDER BY ordinal_position"
            )
            cols = [r[0] for r in con.execute(columns_sql, [name]).fetchall()]
            keep = [c for c in cols if c not in VOLATILE]
            if not keep:
                continue
            rows = con.execute(
                f'SELECT {", ".join(chr(34) + c + chr(34) for c in keep)} FROM internal."{name}"'
            ).fetchall()
            out[name] = sorted(rows, key=repr)
        return out
    finally:
        con.close()
